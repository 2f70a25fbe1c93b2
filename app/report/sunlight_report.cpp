// The sunlight report PDF: a small flowing layout engine (cursor, page breaks, tables whose header repeats)
// over QPdfWriter. The document is laid out twice: once into a throw-away buffer to count the pages (for
// "page N / M"), then for real; both passes run the same code, so the count is exact.
#include "app/report/sunlight_report.h"

#include "app/report/sunlight_report_plan.h"

#include <QBuffer>
#include <QFile>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <cmath>
#include <functional>

namespace app::report {

QString reportFontFamily() {
    static const QString family = [] {
        const QStringList have = QFontDatabase::families();
        for (const char* f : {"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                              "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback",
                              "AR PL UMing CN", "Noto Serif CJK SC"})
            if (have.contains(QString::fromLatin1(f)))
                return QString::fromLatin1(f);
        return QString();
    }();
    return family;
}

QString formatHours(double seconds) {
    const long long s = std::llround(std::max(seconds, 0.0));
    return QString("%1:%2:%3")
        .arg(s / 3600)
        .arg(s / 60 % 60, 2, 10, QChar('0'))
        .arg(s % 60, 2, 10, QChar('0'));
}

namespace {

const QColor kPassText(0, 110, 40), kFailText(190, 0, 0), kFailFill(253, 226, 226),
    kHeaderFill(228, 232, 240), kZebra(246, 247, 250), kRule(150, 155, 165);

struct Column {
    QString title;
    double widthMm;
    Qt::Alignment align = Qt::AlignLeft;
};

struct Cell {
    QString text;
    QColor textColor = Qt::black;
    QColor fill = QColor(); // invalid: none
    bool bold = false;
};

class Layout {
public:
    Layout(QPdfWriter& writer, QPainter& painter, const SunlightReportData& data, int totalPages)
        : mWriter(writer), mP(painter), mData(data), mTotal(totalPages) {
        const double dpmm = writer.resolution() / 25.4;
        mDpmm = dpmm;
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        // Paint rect is inside the writer's margins; keep 12 mm at the bottom for the footer.
        mContent = QRectF(0, 0, page.width(), page.height() - mm(10));
        mY = mContent.top();
        mFamily = reportFontFamily();
        for (const char* latin : {"DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans"})
            if (QFontDatabase::families().contains(QString::fromLatin1(latin))) {
                mLatin = QString::fromLatin1(latin);
                break;
            }
        mGenerated = data.generated.isValid() ? data.generated : QDateTime::currentDateTime();
    }

    double mm(double v) const { return v * mDpmm; }
    int pages() const { return mPage; }

    QFont font(double pt, bool bold = false) const {
        QFont f;
        // Latin text and digits from a Latin font, Chinese from the CJK font: Qt's PDF engine maps glyphs
        // back to characters through the font's cmap only, and the CJK font shapes digits inside Latin runs
        // to glyphs outside its cmap, so their text would be lost to search and copy (the print is fine).
        QStringList families;
        if (!mLatin.isEmpty())
            families << mLatin;
        if (!mFamily.isEmpty())
            families << mFamily;
        if (!families.isEmpty())
            f.setFamilies(families);
        f.setPointSizeF(pt);
        f.setBold(bold);
        return f;
    }

    void finish() { footer(); }

    void newPage() {
        footer();
        mWriter.newPage();
        ++mPage;
        mY = mContent.top();
    }
    void ensure(double height) {
        if (mY + height > mContent.bottom() && mY > mContent.top())
            newPage();
    }
    double remaining() const { return mContent.bottom() - mY; }
    void space(double mmv) { mY += mm(mmv); }

    // Wrapped text over the content width (or `width`), breaking the page before it when needed.
    void text(const QString& s, const QFont& f, const QColor& color = Qt::black, double indentMm = 0) {
        mP.setFont(f);
        const QRectF area(mContent.left() + mm(indentMm), 0, mContent.width() - mm(indentMm), 1e7);
        const QRectF r = mP.boundingRect(area, Qt::TextWordWrap, s);
        ensure(r.height());
        mP.setPen(color);
        mP.drawText(QRectF(area.left(), mY, area.width(), r.height()), Qt::TextWordWrap, s);
        mY += r.height();
    }

    void heading(const QString& s) {
        ensure(mm(20)); // never a heading alone at the bottom of a page
        space(4);
        text(s, font(12.5, true), QColor(20, 40, 90));
        mP.setPen(QPen(QColor(20, 40, 90), mm(0.3)));
        mP.drawLine(QPointF(mContent.left(), mY + mm(0.8)), QPointF(mContent.right(), mY + mm(0.8)));
        space(2.5);
    }

    // Two-column list: names (bold) and values (wrapped).
    void keyValues(const QList<QPair<QString, QString>>& items, double keyMm = 60) {
        const QFont kf = font(9, true), vf = font(9);
        for (const auto& [k, v] : items) {
            mP.setFont(vf);
            const QRectF vArea(mContent.left() + mm(keyMm), 0, mContent.width() - mm(keyMm), 1e7);
            const double hv = mP.boundingRect(vArea, Qt::TextWordWrap, v.isEmpty() ? "—" : v).height();
            mP.setFont(kf);
            const QRectF kArea(mContent.left(), 0, mm(keyMm - 2), 1e7);
            const double hk = mP.boundingRect(kArea, Qt::TextWordWrap, k).height();
            const double h = std::max(hv, hk) + mm(0.8);
            ensure(h);
            mP.setPen(QColor(60, 60, 60));
            mP.drawText(QRectF(kArea.left(), mY, kArea.width(), h), Qt::TextWordWrap, k);
            mP.setFont(vf);
            mP.setPen(Qt::black);
            mP.drawText(QRectF(vArea.left(), mY, vArea.width(), h), Qt::TextWordWrap, v.isEmpty() ? "—" : v);
            mY += h;
        }
    }

    // A table of `count` rows; the header is repeated after every page break.
    void table(const QList<Column>& columns, int count, const std::function<QList<Cell>(int)>& row,
               double pt = 7.5) {
        const QFont hf = font(pt, true), cf = font(pt), cfb = font(pt, true);
        const double pad = mm(0.8);
        double total = 0;
        for (const Column& c : columns)
            total += c.widthMm;
        const double scale = mContent.width() / mm(total); // fit the content width exactly
        QList<double> widths;
        for (const Column& c : columns)
            widths << mm(c.widthMm) * scale;
        auto cellHeight = [&](const QString& s, double w, const QFont& f) {
            mP.setFont(f);
            return mP.boundingRect(QRectF(0, 0, w - 2 * pad, 1e7), Qt::TextWordWrap, s).height() + 2 * pad;
        };
        auto header = [&] {
            double h = 0;
            for (int i = 0; i < columns.size(); ++i)
                h = std::max(h, cellHeight(columns[i].title, widths[i], hf));
            double x = mContent.left();
            mP.fillRect(QRectF(x, mY, mContent.width(), h), kHeaderFill);
            mP.setFont(hf);
            mP.setPen(Qt::black);
            for (int i = 0; i < columns.size(); ++i) {
                mP.drawText(QRectF(x + pad, mY + pad, widths[i] - 2 * pad, h - 2 * pad),
                            Qt::TextWordWrap | columns[i].align | Qt::AlignVCenter, columns[i].title);
                x += widths[i];
            }
            mY += h;
            mP.setPen(QPen(kRule, mm(0.25)));
            mP.drawLine(QPointF(mContent.left(), mY), QPointF(mContent.right(), mY));
            return h;
        };
        const double headerHeight = [&] {
            double h = 0;
            for (int i = 0; i < columns.size(); ++i)
                h = std::max(h, cellHeight(columns[i].title, widths[i], hf));
            return h;
        }();
        ensure(headerHeight + mm(6));
        header();
        for (int r = 0; r < count; ++r) {
            const QList<Cell> cells = row(r);
            double h = 0;
            for (int i = 0; i < columns.size() && i < cells.size(); ++i)
                h = std::max(h, cellHeight(cells[i].text, widths[i], cells[i].bold ? cfb : cf));
            if (mY + h > mContent.bottom()) {
                newPage();
                header();
            }
            double x = mContent.left();
            if (r % 2 == 1)
                mP.fillRect(QRectF(x, mY, mContent.width(), h), kZebra);
            for (int i = 0; i < columns.size() && i < cells.size(); ++i) {
                const Cell& c = cells[i];
                if (c.fill.isValid())
                    mP.fillRect(QRectF(x, mY, widths[i], h), c.fill);
                mP.setFont(c.bold ? cfb : cf);
                mP.setPen(c.textColor);
                mP.drawText(QRectF(x + pad, mY + pad, widths[i] - 2 * pad, h - 2 * pad),
                            Qt::TextWordWrap | columns[i].align | Qt::AlignTop, c.text);
                x += widths[i];
            }
            mY += h;
        }
        mP.setPen(QPen(kRule, mm(0.25)));
        mP.drawLine(QPointF(mContent.left(), mY), QPointF(mContent.right(), mY));
    }

    void plan() {
        const double legendH = mm(16);
        double h = std::min(mContent.width(), mm(165));
        if (mData.planImage.isNull()) // no taller than the geometry needs (plus the frame's margins)
            h = std::min(h, (mContent.width() - mm(16)) * planAspect(mData.planBuildings, mData.planPoints) +
                                mm(16));
        else
            h = std::min(h,
                         mContent.width() * mData.planImage.height() / std::max(1, mData.planImage.width()));
        h = std::max(h, mm(40));
        if (remaining() < h + legendH + mm(8))
            newPage();
        h = std::min(h, remaining() - legendH - mm(8));
        QRectF frame(mContent.left(), mY, mContent.width(), h);
        if (!mData.planImage.isNull()) {
            QSizeF s = mData.planImage.size();
            s.scale(frame.size(), Qt::KeepAspectRatio);
            const QRectF target(frame.left() + (frame.width() - s.width()) / 2, frame.top(), s.width(),
                                s.height());
            mP.drawImage(target, mData.planImage);
            mY = target.bottom() + mm(2);
        } else {
            PlanStyle style;
            style.dpmm = mDpmm;
            style.font = font(6);
            style.labelFont = font(8, true);
            drawPlan(mP, frame, mData.planBuildings, mData.planPoints, mData.gridConvergence, style);
            mY = frame.bottom() + mm(2);
            mP.save();
            mP.translate(mContent.left(), mY);
            mY += drawPlanLegend(mP, mContent.width(), style, mData.comparison.has_value());
            mP.restore();
        }
        if (!mData.planCaption.isEmpty())
            text(mData.planCaption, font(8), QColor(60, 60, 60));
    }

private:
    void footer() {
        mP.save();
        mP.setFont(font(7.5));
        mP.setPen(QColor(90, 90, 90));
        const double y = mContent.bottom() + mm(4);
        mP.setPen(QPen(kRule, mm(0.2)));
        mP.drawLine(QPointF(mContent.left(), y), QPointF(mContent.right(), y));
        mP.setPen(QColor(90, 90, 90));
        const QRectF r(mContent.left(), y + mm(1), mContent.width(), mm(5));
        const QString page =
            QString("第 %1 / %2 页  page %1 / %2").arg(mPage).arg(mTotal > 0 ? mTotal : mPage);
        const QFontMetricsF fm(mP.font(), mP.device());
        const QString left =
            QString("%1 · %2 · %3")
                .arg(mData.softwareVersion.isEmpty() ? QString("Urbis") : mData.softwareVersion,
                     mGenerated.toString("yyyy-MM-dd HH:mm"), mData.title);
        // The title is elided so that it never runs into the page number.
        mP.drawText(r, Qt::AlignLeft | Qt::AlignTop,
                    fm.elidedText(left, Qt::ElideRight, r.width() - fm.horizontalAdvance(page) - mm(6)));
        mP.drawText(r, Qt::AlignRight | Qt::AlignTop, page);
        mP.restore();
    }

    QPdfWriter& mWriter;
    QPainter& mP;
    const SunlightReportData& mData;
    int mTotal = 0, mPage = 1;
    double mDpmm = 1, mY = 0;
    QRectF mContent;
    QString mFamily, mLatin;
    QDateTime mGenerated;
};

Cell resultCell(const std::optional<bool>& pass, bool inside = false) {
    if (inside)
        return {"建筑内 inside", kFailText, kFailFill, true};
    if (!pass)
        return {"—"};
    if (*pass)
        return {"合格 pass", kPassText};
    return {"不合格 FAIL", kFailText, kFailFill, true};
}

QString requiredText(const std::optional<double>& h) {
    return h ? formatHours(*h * 3600.0) : QString("—");
}

void summary(Layout& L, const SunlightReportData& d) {
    int pass = 0, fail = 0, none = 0, inside = 0, never = 0;
    for (const ReportRow& r : d.rows) {
        if (r.pass)
            ++(*r.pass ? pass : fail);
        else
            ++none;
        inside += r.inside;
        never += r.neverFacesSun;
    }
    const QString what = d.windowColumns ? "窗 windows" : "测点 receivers";
    QList<QPair<QString, QString>> items{{"分析对象 Analysed", QString("%1 %2").arg(d.rows.size()).arg(what)},
                                         {"合格 Pass", QString::number(pass)},
                                         {"不合格 Fail", QString::number(fail)}};
    if (none)
        items.append(QPair<QString, QString>("无要求 No requirement", QString::number(none)));
    if (inside)
        items.append(QPair<QString, QString>("位于建筑内 Inside a building", QString::number(inside)));
    if (never)
        items.append(QPair<QString, QString>("全天背光 Facing away all day", QString::number(never)));
    if (d.comparison)
        items.append(QPair<QString, QString>(
            "方案影响 Proposal", QString("%1 newly failing, %2 with fewer hours (新增不合格 %1, 日照减少 %2)")
                                     .arg(d.comparison->newFailures)
                                     .arg(d.comparison->drops)));
    L.keyValues(items);
    if (fail == 0 && pass > 0 && (!d.comparison || d.comparison->newFailures == 0))
        L.text("结论: 全部满足日照要求。 Conclusion: every receiver meets the requirement.",
               L.font(9.5, true), kPassText);
    else if (fail > 0 || (d.comparison && d.comparison->newFailures > 0))
        L.text(QString("结论: %1 个不满足日照要求。 Conclusion: %1 fail the requirement.").arg(fail),
               L.font(9.5, true), kFailText);
    for (const QString& n : d.notes)
        L.text("• " + n, L.font(8.5), QColor(110, 70, 0));
}

void receiverTable(Layout& L, const SunlightReportData& d) {
    QList<Column> cols{{"序号 No.", 9, Qt::AlignRight}};
    if (d.windowColumns)
        cols << Column{"窗 Window", 25} << Column{"建筑 Building", 14}
             << Column{"层 Storey", 11, Qt::AlignRight};
    else
        cols << Column{"测点 Receiver", 50};
    cols << Column{"日照时数 Hours", 15, Qt::AlignRight} << Column{"要求 Required", 16, Qt::AlignRight}
         << Column{"结论 Result", 20} << Column{"日照时段 (真太阳时) Lit (solar time)", 35}
         << Column{"日照时段 (钟表时) Lit (clock time)", 35};
    if (!d.windowColumns) {
        cols[cols.size() - 2].widthMm = 30; // keep the total at 180 mm
        cols[cols.size() - 1].widthMm = 30;
    }
    L.table(cols, int(d.rows.size()), [&](int i) {
        const ReportRow& r = d.rows[i];
        QList<Cell> c{{QString::number(i + 1)}};
        c << Cell{r.id};
        if (d.windowColumns)
            c << Cell{r.building} << Cell{r.storey ? QString::number(r.storey) : QString()};
        c << Cell{formatHours(r.countedSeconds)} << Cell{requiredText(r.requiredHours)}
          << resultCell(r.pass, r.inside)
          << Cell{r.intervalsSolar.isEmpty() ? (r.neverFacesSun ? "背光 faces away" : "无 none")
                                             : r.intervalsSolar}
          << Cell{r.intervalsClock.isEmpty() ? QString("—") : r.intervalsClock};
        return c;
    });
}

void changeTable(Layout& L, const QList<ReportChange>& rows) {
    if (rows.isEmpty()) {
        L.text("无 None.", L.font(9));
        return;
    }
    const QList<Column> cols{{"序号 No.", 10, Qt::AlignRight},
                             {"测点/窗 Receiver", 52},
                             {"现状 Before", 20, Qt::AlignRight},
                             {"方案 After", 20, Qt::AlignRight},
                             {"变化 Change", 22, Qt::AlignRight},
                             {"现状结论 Before", 28},
                             {"方案结论 After", 28}};
    L.table(cols, int(rows.size()), [&](int i) {
        const ReportChange& r = rows[i];
        const double delta = r.afterSeconds - r.beforeSeconds;
        return QList<Cell>{
            {QString::number(i + 1)},
            {r.id},
            {formatHours(r.beforeSeconds)},
            {formatHours(r.afterSeconds)},
            {(delta < 0 ? "−" : "+") + formatHours(std::abs(delta)), delta < 0 ? kFailText : kPassText},
            resultCell(r.passBefore),
            resultCell(r.passAfter, r.insideAfter)};
    });
}

void comparison(Layout& L, const ReportComparison& c) {
    L.heading("6  方案对比 Scheme comparison");
    L.keyValues({{"方案 Proposal", c.proposal},
                 {"比较对象 Compared", QString::number(c.receivers)},
                 {"新增不合格 Newly failing", QString::number(c.newFailures)},
                 {"日照减少 Fewer hours", QString::number(c.drops)},
                 {"日照增加 More hours", QString::number(c.gains)},
                 {"不变 Unchanged", QString("%1 (|change| ≤ %2 s)").arg(c.unchanged).arg(c.toleranceSeconds)},
                 {"现状 Baseline", QString("%1 pass, %2 fail").arg(c.passingBefore).arg(c.failingBefore)},
                 {"方案 Proposal", QString("%1 pass, %2 fail").arg(c.passingAfter).arg(c.failingAfter)}});
    L.space(2);
    L.text("6.1  因方案新增不合格 Receivers that fail because of the proposal", L.font(10, true));
    L.space(1);
    changeTable(L, c.newFailureRows);
    L.space(3);
    L.text("6.2  日照时数减少 Receivers whose hours drop (largest loss first)", L.font(10, true));
    L.space(1);
    changeTable(L, c.dropRows);
}

int render(QPdfWriter& writer, const SunlightReportData& d, int totalPages) {
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter);
    writer.setResolution(600);
    writer.setTitle(d.title.isEmpty() ? QString("Sunlight report") : d.title);
    writer.setCreator(d.softwareVersion.isEmpty() ? QString("Urbis") : d.softwareVersion);
    QPainter painter;
    if (!painter.begin(&writer))
        return -1;
    painter.setRenderHint(QPainter::Antialiasing);
    Layout L(writer, painter, d, totalPages);

    L.text("日照分析报告  Sunlight Analysis Report", L.font(18, true), QColor(20, 40, 90));
    L.space(1);
    if (!d.title.isEmpty())
        L.text(d.title, L.font(12.5, true));
    if (!d.project.isEmpty())
        L.text("项目 Project: " + d.project, L.font(9.5));
    const QDateTime when = d.generated.isValid() ? d.generated : QDateTime::currentDateTime();
    L.text(QString("生成 Generated: %1   软件 Software: %2")
               .arg(when.toString("yyyy-MM-dd HH:mm:ss t"),
                    d.softwareVersion.isEmpty() ? QString("Urbis") : d.softwareVersion),
           L.font(9), QColor(60, 60, 60));

    L.heading("1  计算参数 Parameters");
    L.keyValues(d.parameters);
    L.heading("2  数据来源与位置 Data sources and location");
    QList<QPair<QString, QString>> src = d.dataSources;
    src.append(QPair<QString, QString>("坐标系 CRS", d.crs));
    src.append(QPair<QString, QString>("位置 Location (sun computed here)",
                                       QString("%1°%2, %3°%4  (grid convergence %5°)")
                                           .arg(std::abs(d.latitude), 0, 'f', 5)
                                           .arg(d.latitude >= 0 ? "N" : "S")
                                           .arg(std::abs(d.longitude), 0, 'f', 5)
                                           .arg(d.longitude >= 0 ? "E" : "W")
                                           .arg(d.gridConvergence, 0, 'f', 3)));
    L.keyValues(src);
    L.heading("3  结论汇总 Summary");
    summary(L, d);
    L.heading("4  总平面图 Site plan");
    L.plan();
    L.heading(d.windowColumns ? "5  逐窗日照表 Window table" : "5  测点日照表 Receiver table");
    receiverTable(L, d);
    if (d.comparison)
        comparison(L, *d.comparison);
    L.finish();
    painter.end();
    return L.pages();
}

} // namespace

bool writeSunlightReport(const SunlightReportData& data, const QString& path, QString* error) {
    auto failWith = [&](const QString& m) {
        if (error)
            *error = m;
        return false;
    };
    if (data.rows.isEmpty() && !data.comparison)
        return failWith("nothing to report: no receivers and no comparison");
    // Pass 1: count the pages.
    QBuffer scratch;
    scratch.open(QIODevice::WriteOnly);
    int pages = 0;
    {
        QPdfWriter counter(&scratch);
        pages = render(counter, data, 0);
    }
    if (pages < 1)
        return failWith("cannot lay out the report (no painter for the PDF device)");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failWith("cannot write the report '" + path + "': " + file.errorString());
    {
        QPdfWriter writer(&file);
        if (render(writer, data, pages) < 1)
            return failWith("cannot write the report '" + path + "': the PDF painter did not start");
    }
    file.close();
    if (file.error() != QFileDevice::NoError)
        return failWith("cannot write the report '" + path + "': " + file.errorString());
    return true;
}

} // namespace app::report
