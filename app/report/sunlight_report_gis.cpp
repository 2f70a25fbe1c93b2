// SunlightReportData from gis results: rows, parameters, the plan's buildings, the comparison.
#include "app/report/sunlight_report_gis.h"

#include <map>
#include <unordered_map>

namespace app::report {

using namespace gis::analysis;

QString intervalsText(const ReceiverSunlight& r, const ClockOfSeconds& clock) {
    QStringList parts;
    for (const LitInterval& i : r.intervals) {
        const int a = clock ? clock(i.start) : i.start, b = clock ? clock(i.end) : i.end;
        parts << QString::fromStdString(formatSeconds(a) + "-" + formatSeconds(b));
    }
    return parts.join(' ');
}

namespace {
ReportRow baseRow(const ReceiverSunlight& r, const SunlightParameters& p, const ClockOfSeconds& clock) {
    ReportRow row;
    row.countedSeconds = r.countedSeconds;
    row.requiredHours = p.requiredHours;
    row.pass = r.pass;
    row.inside = r.inside;
    row.neverFacesSun = r.neverFacesSun;
    row.intervalsSolar = p.timeBase == TimeBase::Solar ? intervalsText(r) : QString();
    if (p.timeBase == TimeBase::Clock)
        row.intervalsClock = intervalsText(r);
    else if (clock)
        row.intervalsClock = intervalsText(r, clock);
    return row;
}

QPolygonF polygonOf(const gis::Ring& ring) {
    QPolygonF poly;
    poly.reserve(int(ring.size()));
    for (const auto& v : ring)
        poly << QPointF(v.x, v.y);
    return poly;
}

ReportBuilding reportBuilding(const gis::Building& b, ReportBuilding::Status status) {
    ReportBuilding rb;
    rb.outline = polygonOf(b.footprint.outer);
    for (const auto& h : b.footprint.holes)
        rb.holes << polygonOf(h);
    rb.label = b.name.empty() ? QString::number(b.id) : QString::fromStdString(b.name);
    rb.status = status;
    return rb;
}

bool sameBuilding(const gis::Building& a, const gis::Building& b) {
    return a.id == b.id && a.height == b.height && a.baseZ == b.baseZ &&
           a.footprint.outer == b.footprint.outer && a.footprint.holes == b.footprint.holes;
}
} // namespace

ReportRow windowRow(const WindowReceiver& w, const ReceiverSunlight& r, const SunlightParameters& p,
                    const ClockOfSeconds& clock) {
    ReportRow row = baseRow(r, p, clock);
    row.id = QString::fromStdString(w.id);
    row.building =
        w.part > 1 ? QString("%1 (part %2)").arg(w.building).arg(w.part) : QString::number(w.building);
    row.storey = w.storey;
    row.facade = w.facade;
    row.window = w.window;
    return row;
}

ReportRow pointRow(const std::string& id, const ReceiverSunlight& r, const SunlightParameters& p,
                   const ClockOfSeconds& clock) {
    ReportRow row = baseRow(r, p, clock);
    row.id = QString::fromStdString(id);
    return row;
}

QList<QPair<QString, QString>> parameterList(const SunlightParameters& p, const QString& presetName,
                                             const QString& presetTitle, const QString& presetReference,
                                             const QString& timeZone) {
    QList<QPair<QString, QString>> out;
    if (!presetName.isEmpty()) {
        out.append(
            {"规范预设 Preset", presetTitle.isEmpty() ? presetName : presetName + " — " + presetTitle});
        if (!presetReference.isEmpty())
            out.append(QPair<QString, QString>("依据 Reference", presetReference));
    } else {
        out.append(
            QPair<QString, QString>("规范预设 Preset", "无 (手动参数) none, parameters given by hand"));
    }
    out.append(QPair<QString, QString>("日期 Date", QString("%1-%2-%3")
                                                        .arg(p.year, 4, 10, QChar('0'))
                                                        .arg(p.month, 2, 10, QChar('0'))
                                                        .arg(p.day, 2, 10, QChar('0'))));
    out.append(QPair<QString, QString>(
        "有效日照时间带 Time window",
        QString::fromStdString(formatSeconds(p.windowStart) + " – " + formatSeconds(p.windowEnd))));
    out.append(QPair<QString, QString>(
        "时间基准 Time base",
        p.timeBase == TimeBase::Solar
            ? QString("真太阳时 true solar time")
            : QString("钟表时 clock time (%1, UTC%2%3 h)")
                  .arg(timeZone.isEmpty() ? QString::fromStdString(p.timeZone) : timeZone)
                  .arg(p.utcOffsetSeconds < 0 ? "−" : "+")
                  .arg(std::abs(p.utcOffsetSeconds) / 3600.0)));
    if (p.timeBase == TimeBase::Solar && !timeZone.isEmpty())
        out.append(QPair<QString, QString>("钟表时区 Clock time zone (table)", timeZone));
    QString rule;
    switch (p.counting.rule) {
    case CountingRule::Cumulative:
        rule = "累计 cumulative";
        break;
    case CountingRule::Longest:
        rule = "最长连续段 longest continuous segment";
        break;
    case CountingRule::SumOfLongest:
        rule = QString("最长 %1 段之和 sum of the %1 longest segments").arg(p.counting.longestCount);
        break;
    }
    out.append(QPair<QString, QString>("计算规则 Counting rule", rule));
    out.append(
        {"最短有效日照段 Minimum segment", QString("%1 min").arg(p.counting.minSegmentSeconds / 60.0)});
    out.append(
        QPair<QString, QString>("最低太阳高度角 Minimum sun altitude", QString("%1°").arg(p.minAltitude)));
    out.append(QPair<QString, QString>("扫掠角 Sweep angle", QString("%1°").arg(p.sweepAngle)));
    out.append(QPair<QString, QString>(
        "日照要求 Required", p.requiredHours ? QString("%1 h").arg(*p.requiredHours) : QString("—")));
    out.append(QPair<QString, QString>("时间步长 Time step",
                                       QString("%1 min coarse, transitions refined by bisection to %2 s")
                                           .arg(p.coarseStepSeconds / 60.0)
                                           .arg(p.refineSeconds)));
    out.append(QPair<QString, QString>(
        "太阳位置 Sun position",
        QString("NREL SPA (Reda & Andreas 2004), refraction %1, ΔT %2")
            .arg(p.refraction ? "on" : "off")
            .arg(p.deltaT ? QString("%1 s").arg(*p.deltaT) : QString("estimated (Espenak–Meeus)"))));
    out.append(QPair<QString, QString>("测点偏移 Receiver offset", QString("%1 m").arg(p.receiverOffset)));
    return out;
}

QList<ReportBuilding> planBuildings(std::span<const gis::Building> buildings, const WindowReceivers& windows,
                                    std::span<const ReceiverSunlight> windowResults) {
    // (building id, part) -> any window / any failing window / any passing window.
    struct State {
        bool any = false, fail = false;
    };
    std::map<std::pair<std::int64_t, int>, State> state;
    for (std::size_t i = 0; i < windows.windows.size() && i < windowResults.size(); ++i) {
        State& s = state[{windows.windows[i].building, windows.windows[i].part}];
        s.any = true;
        if (windowResults[i].pass && !*windowResults[i].pass)
            s.fail = true;
    }
    QList<ReportBuilding> out;
    std::unordered_map<std::int64_t, int> parts;
    for (const gis::Building& b : buildings) {
        const int part = ++parts[b.id];
        auto it = state.find({b.id, part});
        auto status = ReportBuilding::Status::Context;
        if (it != state.end() && it->second.any)
            status = it->second.fail ? ReportBuilding::Status::Fail : ReportBuilding::Status::Pass;
        out << reportBuilding(b, status);
    }
    return out;
}

QList<ReportBuilding> proposalChanges(std::span<const gis::Building> baseline,
                                      std::span<const gis::Building> proposal) {
    std::unordered_multimap<std::int64_t, const gis::Building*> base, prop;
    for (const gis::Building& a : baseline)
        base.emplace(a.id, &a);
    for (const gis::Building& b : proposal)
        prop.emplace(b.id, &b);
    QList<ReportBuilding> out;
    for (const gis::Building& b : proposal) {
        bool same = false;
        for (auto [it, end] = base.equal_range(b.id); it != end && !same; ++it)
            same = sameBuilding(*it->second, b);
        if (!same)
            out << reportBuilding(b, ReportBuilding::Status::Proposed);
    }
    for (const gis::Building& a : baseline)
        if (!prop.count(a.id))
            out << reportBuilding(a, ReportBuilding::Status::Removed);
    return out;
}

ReportComparison reportComparison(const SchemeComparison& c, const QString& proposal) {
    ReportComparison r;
    r.proposal = proposal;
    r.receivers = int(c.receivers);
    r.drops = int(c.drops.size());
    r.newFailures = int(c.newFailures.size());
    r.gains = int(c.gains.size());
    r.unchanged = int(c.unchanged);
    r.passingBefore = int(c.passingBefore);
    r.failingBefore = int(c.failingBefore);
    r.passingAfter = int(c.passingAfter);
    r.failingAfter = int(c.failingAfter);
    r.toleranceSeconds = c.toleranceSeconds;
    auto row = [](const ReceiverChange& x) {
        return ReportChange{QString::fromStdString(x.id),
                            x.beforeSeconds,
                            x.afterSeconds,
                            x.passBefore,
                            x.passAfter,
                            x.insideAfter};
    };
    for (const auto& x : c.newFailures)
        r.newFailureRows << row(x);
    for (const auto& x : c.drops)
        r.dropRows << row(x);
    return r;
}

} // namespace app::report
