// The sunlight report PDF: a real scheme (a slab's windows, a tower added south, compareSchemes) written
// through the gis helpers; the file is a PDF, a long table spans several pages, the receiver ids and the
// Chinese headings are in the text (pdftotext, when installed); errors for unwritable paths and empty data.
#include "app/report/sunlight_report.h"
#include "app/report/sunlight_report_gis.h"
#include "gis/analysis/sunlight_compare.h"

#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gis;
using namespace gis::analysis;
using namespace app::report;

namespace {
Building box(std::int64_t id, double x0, double y0, double x1, double y1, double h, int storeys = 0) {
    Building b;
    b.id = id;
    b.footprint.outer = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    b.height = h;
    b.storeys = storeys;
    return b;
}

int pageCount(const QByteArray& pdf) {
    static const QRegularExpression page(R"(/Type\s*/Page(?![s\w]))");
    int n = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++n;
    return n;
}

// The text of a PDF by pdftotext; empty when poppler-utils is not installed.
QString pdfText(const QString& path) {
    const QString exe = QStandardPaths::findExecutable("pdftotext");
    if (exe.isEmpty())
        return {};
    QProcess p;
    p.start(exe, {"-layout", path, "-"});
    if (!p.waitForFinished(60000))
        return {};
    // Qt 6.4 maps a glyph back to the lowest code point that uses it, so ideographs that share their glyph
    // with a Kangxi radical (日, 方, 生...) come out as the radical (⽇ U+2F47); NFKC folds them back.
    return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

struct Scheme {
    SunlightInput input;
    WindowReceivers windows;
    std::vector<Building> proposal;
    SchemeRun run;
};

// Beijing 大寒 2026, 8-16 solar, 2 h; two 6-storey slabs (240 windows each), a tower added south.
Scheme computeScheme() {
    Scheme s;
    s.input.location = GeoLocation{39.9, 116.4, 0, 0};
    s.input.parameters.year = 2026;
    s.input.parameters.month = 1;
    s.input.parameters.day = 20;
    s.input.parameters.requiredHours = 2.0;
    s.input.buildings = {box(1, 0, 0, 60, 12, 18, 6), box(2, 0, 60, 60, 72, 18, 6),
                         box(3, 80, -40, 95, -10, 30)};
    s.windows = windowReceivers(std::span(s.input.buildings).first(2), WindowOptions{});
    s.input.receivers = s.windows.samples;
    s.proposal = s.input.buildings;
    s.proposal.push_back(box(99, 10, -55, 50, -15, 100));
    NullProgress progress;
    auto run = compareSchemes(s.input, s.proposal, progress, {.windows = &s.windows});
    if (run)
        s.run = std::move(run.value());
    else
        qWarning("%s", run.error().c_str());
    return s;
}

SunlightReportData reportOf(const Scheme& s) {
    const SunlightParameters& p = s.input.parameters;
    SunlightReportData d;
    d.title = "住宅日照分析 大寒日 2 h — test scheme";
    d.project = "test_sunlight_report";
    d.dataSources = {{"建筑 Buildings", "slabs.gpkg"}, {"方案 Proposal", "tower.gpkg"}};
    d.crs = "EPSG:32650";
    d.latitude = 39.9;
    d.longitude = 116.4;
    d.parameters = parameterList(p, "gb50180-dahan-2h", "GB 50180-2018 大寒日 ≥ 2 h", "GB 50180-2018 4.0.9",
                                 "Asia/Shanghai");
    d.planBuildings = planBuildings(s.input.buildings, s.windows, s.run.proposalWindows);
    d.planBuildings += proposalChanges(s.input.buildings, s.proposal);
    const ClockOfSeconds clock = [](int sec) { return sec + 14 * 60; }; // a stand-in solar -> clock shift
    for (std::size_t i = 0; i < s.windows.windows.size(); ++i) {
        d.rows << windowRow(s.windows.windows[i], s.run.proposalWindows[i], p, clock);
        ReportPoint pt{QPointF(s.windows.windows[i].centre.x, s.windows.windows[i].centre.y),
                       s.run.proposalWindows[i].pass};
        d.planPoints << pt;
    }
    for (const auto& c : s.run.comparison.newFailures)
        d.planPoints[int(c.index)].newFailure = true;
    d.comparison = reportComparison(s.run.comparison, "tower.gpkg (+1 building)");
    d.notes << "test note: the clock times are shifted by a fixed 14 min";
    d.softwareVersion = "Urbis 0.1.0";
    d.generated = QDateTime(QDate(2026, 1, 20), QTime(9, 30));
    return d;
}
} // namespace

class TestSunlightReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Chinese text needs a CJK font (fonts-noto-cjk in scripts/setup.sh).
        if (reportFontFamily().isEmpty())
            qWarning("no CJK font installed: Chinese text will lack glyphs");
    }

    void longWindowTableSpansPagesWithIdsAndChinese() {
        const Scheme s = computeScheme();
        QCOMPARE(s.run.proposalWindows.size(), s.windows.windows.size());
        QVERIFY(s.windows.windows.size() >= 400);
        QVERIFY(!s.run.comparison.newFailures.empty());
        const SunlightReportData d = reportOf(s);
        QTemporaryDir dir;
        const QString path = dir.filePath("report.pdf");
        QString error;
        QVERIFY2(writeSunlightReport(d, path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pdf = f.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        const int pages = pageCount(pdf);
        QVERIFY2(pages >= 8, qPrintable(QString("%1 pages").arg(pages))); // 480 windows at ~45 per page
        if (qEnvironmentVariableIsSet("URBIS_KEEP_REPORT"))
            QFile::copy(path, qEnvironmentVariable("URBIS_KEEP_REPORT"));

        const QString text = pdfText(path);
        if (text.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: text checks skipped");
        // Every window id of the table, the comparison's new failures, the headings in both languages.
        for (const auto& w : s.windows.windows)
            QVERIFY2(text.contains(QString::fromStdString(w.id)), w.id.c_str());
        for (const char* must : {"日照分析报告", "Sunlight Analysis Report", "逐窗日照表", "方案对比", "合格",
                                 "不合格", "gb50180-dahan-2h", "EPSG:32650", "tower.gpkg"})
            QVERIFY2(text.contains(QString::fromUtf8(must)), must);
        QVERIFY(text.contains(QString("page %1 / %1").arg(pages)));
        QVERIFY(text.contains("b1-s1-f1-w10")); // a named new failure
        // The summary counts agree with the rows.
        int fail = 0;
        for (const auto& r : d.rows)
            fail += r.pass && !*r.pass;
        QVERIFY(text.contains(QRegularExpression(QString(R"(不合格 Fail\s+%1\b)").arg(fail))));
    }

    void pointReportAndImagePlan() {
        SunlightReportData d;
        d.title = "Points";
        d.windowColumns = false;
        SunlightParameters p;
        p.requiredHours = 1.5;
        d.parameters = parameterList(p, {}, {}, {}, {});
        ReceiverSunlight lit;
        lit.intervals = {{9 * 3600, 10 * 3600 + 30 * 60 + 5}};
        lit.countedSeconds = 5405;
        lit.pass = true;
        ReceiverSunlight dark;
        dark.pass = false;
        dark.inside = true;
        d.rows << pointRow("garden-1", lit, p, {}) << pointRow("under-tower", dark, p, {});
        QCOMPARE(d.rows[0].intervalsSolar, QString("09:00:00-10:30:05"));
        QImage plan(400, 200, QImage::Format_RGB32);
        plan.fill(Qt::darkCyan);
        d.planImage = plan;
        QTemporaryDir dir;
        const QString path = dir.filePath("points.pdf");
        QString error;
        QVERIFY2(writeSunlightReport(d, path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pdf = f.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        QCOMPARE(pageCount(pdf), 2); // parameters and summary, then the figure and the two rows
        if (qEnvironmentVariableIsSet("URBIS_KEEP_REPORT"))
            QFile::copy(path, qEnvironmentVariable("URBIS_KEEP_REPORT") + ".points.pdf");
        const QString text = pdfText(path);
        if (text.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QVERIFY(text.contains("garden-1"));
        QVERIFY(text.contains("under-tower"));
        QVERIFY(text.contains("1:30:05"));
        QVERIFY(text.contains("inside"));
    }

    void errors() {
        SunlightReportData d;
        QString error;
        QVERIFY(!writeSunlightReport(d, QDir::temp().filePath("never.pdf"), &error));
        QVERIFY2(error.contains("nothing to report"), qPrintable(error));
        ReceiverSunlight r;
        d.rows << pointRow("p", r, SunlightParameters{}, {});
        QVERIFY(!writeSunlightReport(d, "/nonexistent-dir/x/report.pdf", &error));
        QVERIFY2(error.contains("/nonexistent-dir/x/report.pdf"), qPrintable(error));
        QCOMPARE(formatHours(2 * 3600 + 5 * 60 + 7.4), QString("2:05:07"));
        QCOMPARE(formatHours(-3), QString("0:00:00"));
    }
};

int main(int argc, char** argv) {
    // Fonts need a QGuiApplication; the report draws no GL, so the offscreen platform serves without X.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestSunlightReport t;
    return QTest::qExec(&t, argc, argv);
}
#include "test_sunlight_report.moc"
