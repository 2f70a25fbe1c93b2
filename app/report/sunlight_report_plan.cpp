// Plan figure of the sunlight report: footprints fitted into the frame (grid north up), coloured by status.
#include "app/report/sunlight_report_plan.h"

#include <QPainterPath>

#include <cmath>

namespace app::report {

namespace {
const QColor kContextFill(215, 215, 215), kPassFill(150, 205, 150), kFailFill(235, 120, 110),
    kProposedPen(20, 70, 200), kOutline(70, 70, 70), kPassDot(0, 120, 50), kFailDot(200, 0, 0),
    kNoneDot(80, 80, 80);

QPainterPath footprintPath(const ReportBuilding& b, const QTransform& t) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    path.addPolygon(t.map(b.outline));
    path.closeSubpath();
    for (const QPolygonF& h : b.holes) {
        path.addPolygon(t.map(h));
        path.closeSubpath();
    }
    return path;
}

// 1, 2 or 5 times a power of ten, at most `max`.
double niceLength(double max) {
    if (!(max > 0))
        return 0;
    const double e = std::pow(10.0, std::floor(std::log10(max)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * e <= max)
            return m * e;
    return e;
}
QRectF boundsOf(const QList<ReportBuilding>& buildings, const QList<ReportPoint>& points) {
    QRectF bounds;
    for (const ReportBuilding& b : buildings)
        bounds = bounds.isNull() ? b.outline.boundingRect() : bounds.united(b.outline.boundingRect());
    for (const ReportPoint& pt : points)
        bounds = bounds.isNull() ? QRectF(pt.position, QSizeF(1e-6, 1e-6))
                                 : bounds.united(QRectF(pt.position, QSizeF(1e-6, 1e-6)));
    return bounds;
}
} // namespace

double planAspect(const QList<ReportBuilding>& buildings, const QList<ReportPoint>& points) {
    const QRectF b = boundsOf(buildings, points);
    if (b.isNull() || !(b.width() > 0 || b.height() > 0))
        return 1;
    return std::max(b.height(), 1.0) / std::max(b.width(), 1.0);
}

void drawPlan(QPainter& p, const QRectF& frame, const QList<ReportBuilding>& buildings,
              const QList<ReportPoint>& points, double gridConvergence, const PlanStyle& s) {
    const double mm = s.dpmm;
    p.save();
    p.setPen(QPen(QColor(120, 120, 120), 0.25 * mm));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame);
    const QRectF bounds = boundsOf(buildings, points);
    if (bounds.isNull() || !(bounds.width() > 0 || bounds.height() > 0)) {
        p.setFont(s.font);
        p.drawText(frame, Qt::AlignCenter, "无平面数据 no plan geometry");
        p.restore();
        return;
    }
    const QRectF inner = frame.adjusted(8 * mm, 8 * mm, -8 * mm, -8 * mm);
    const double dx = std::max(bounds.width(), 1.0), dy = std::max(bounds.height(), 1.0);
    const double scale = std::min(inner.width() / dx, inner.height() / dy); // device units per metre
    QTransform t;
    t.translate(inner.center().x(), inner.center().y());
    t.scale(scale, -scale); // y up (grid north)
    t.translate(-bounds.center().x(), -bounds.center().y());
    p.setClipRect(frame);

    const double pen = 0.12 * mm;
    auto fillOf = [](ReportBuilding::Status st) {
        switch (st) {
        case ReportBuilding::Status::Pass:
            return kPassFill;
        case ReportBuilding::Status::Fail:
            return kFailFill;
        default:
            return kContextFill;
        }
    };
    for (auto st :
         {ReportBuilding::Status::Context, ReportBuilding::Status::Pass, ReportBuilding::Status::Fail})
        for (const ReportBuilding& b : buildings)
            if (b.status == st) {
                p.setPen(QPen(kOutline, pen));
                p.setBrush(fillOf(st));
                p.drawPath(footprintPath(b, t));
            }
    for (const ReportBuilding& b : buildings) {
        if (b.status == ReportBuilding::Status::Removed) {
            QPen dashed(kOutline, 0.3 * mm, Qt::DashLine);
            p.setPen(dashed);
            p.setBrush(Qt::NoBrush);
            p.drawPath(footprintPath(b, t));
        } else if (b.status == ReportBuilding::Status::Proposed) {
            p.setPen(QPen(kProposedPen, 0.4 * mm));
            QBrush hatch(kProposedPen, Qt::BDiagPattern);
            hatch.setTransform(QTransform::fromScale(mm * 0.25, mm * 0.25)); // hatch spacing on paper
            p.setBrush(QColor(200, 215, 250));
            p.drawPath(footprintPath(b, t));
            p.setBrush(hatch);
            p.drawPath(footprintPath(b, t));
        }
    }
    // Labels where they fit, under the receiver dots.
    if (buildings.size() <= 400) {
        p.setFont(s.font);
        p.setPen(QColor(30, 30, 30));
        const QFontMetricsF fm(s.font, p.device());
        for (const ReportBuilding& b : buildings) {
            if (b.label.isEmpty())
                continue;
            const QRectF box = t.mapRect(b.outline.boundingRect());
            const QRectF text = fm.boundingRect(b.label);
            if (text.width() < box.width() * 0.9 && text.height() < box.height() * 0.9)
                p.drawText(box, Qt::AlignCenter, b.label);
        }
    }
    // Receivers: passes first, failures on top; the proposal's new failures largest.
    const double r = points.size() > 3000 ? 0.35 * mm : 0.55 * mm;
    auto dots = [&](auto&& want, const QColor& c, double radius, bool ring) {
        p.setPen(ring ? QPen(Qt::black, 0.15 * mm) : Qt::NoPen);
        p.setBrush(c);
        for (const ReportPoint& pt : points)
            if (want(pt))
                p.drawEllipse(t.map(pt.position), radius, radius);
    };
    dots([](const ReportPoint& x) { return !x.pass; }, kNoneDot, r * 0.8, false);
    dots([](const ReportPoint& x) { return x.pass && *x.pass; }, kPassDot, r, false);
    dots([](const ReportPoint& x) { return x.pass && !*x.pass && !x.newFailure; }, kFailDot, r, false);
    dots([](const ReportPoint& x) { return x.newFailure; }, kFailDot, r * 2, true);

    p.setClipping(false);

    // North arrow (grid north is up; true north is gridConvergence degrees clockwise from it).
    const QPointF tip(frame.right() - 16 * mm, frame.top() + 5 * mm);
    QPolygonF arrow{tip, tip + QPointF(-2.2 * mm, 8 * mm), tip + QPointF(0, 6.3 * mm),
                    tip + QPointF(2.2 * mm, 8 * mm)};
    p.setPen(QPen(Qt::black, 0.2 * mm));
    p.setBrush(Qt::black);
    p.drawPolygon(arrow);
    p.setFont(s.labelFont);
    p.drawText(QRectF(tip.x() - 5 * mm, tip.y() + 8.3 * mm, 10 * mm, 4 * mm), Qt::AlignHCenter | Qt::AlignTop,
               "N");
    p.setFont(s.font);
    p.drawText(QRectF(tip.x() - 12 * mm, tip.y() + 12 * mm, 24 * mm, 6 * mm), Qt::AlignHCenter | Qt::AlignTop,
               QString("grid N, true N %1°").arg(gridConvergence, 0, 'f', 2));

    // Scale bar.
    const double metres = niceLength(inner.width() / scale / 4);
    if (metres > 0) {
        const double len = metres * scale;
        const QPointF o(frame.left() + 6 * mm, frame.bottom() - 6 * mm);
        for (int i = 0; i < 4; ++i) {
            p.setPen(QPen(Qt::black, 0.15 * mm));
            p.setBrush(i % 2 ? Qt::white : Qt::black);
            p.drawRect(QRectF(o.x() + i * len / 4, o.y() - 1.2 * mm, len / 4, 1.2 * mm));
        }
        p.setFont(s.font);
        p.drawText(QRectF(o.x() - 5 * mm, o.y() - 5 * mm, 10 * mm, 3.5 * mm),
                   Qt::AlignHCenter | Qt::AlignBottom, "0");
        p.drawText(QRectF(o.x() + len - 10 * mm, o.y() - 5 * mm, 20 * mm, 3.5 * mm),
                   Qt::AlignHCenter | Qt::AlignBottom, QString("%1 m").arg(metres));
    }
    p.restore();
}

double drawPlanLegend(QPainter& p, double width, const PlanStyle& s, bool withProposal) {
    const double mm = s.dpmm;
    struct Item {
        QString text;
        int kind; // 0 fill, 1 dot, 2 proposed, 3 removed, 4 new failure
        QColor color;
    };
    QList<Item> items{
        {"合格建筑 building, all pass", 0, kPassFill}, {"有不合格窗 building with failures", 0, kFailFill},
        {"其他建筑 other buildings", 0, kContextFill}, {"合格测点 receiver passes", 1, kPassDot},
        {"不合格测点 receiver fails", 1, kFailDot},    {"无要求 no requirement", 1, kNoneDot}};
    if (withProposal)
        items << Item{"拟建/改建 proposed", 2, kProposedPen} << Item{"拆除 removed", 3, kOutline}
              << Item{"因方案不合格 fails because of the proposal", 4, kFailDot};
    p.save();
    p.setFont(s.font);
    const int perRow = 3;
    const double colW = width / perRow, rowH = 4.5 * mm;
    for (int i = 0; i < items.size(); ++i) {
        const double x = (i % perRow) * colW, y = (i / perRow) * rowH;
        const QRectF sw(x, y + 0.6 * mm, 5 * mm, 3 * mm);
        const Item& it = items[i];
        p.setPen(QPen(kOutline, 0.12 * mm));
        switch (it.kind) {
        case 0:
            p.setBrush(it.color);
            p.drawRect(sw);
            break;
        case 1:
            p.setPen(Qt::NoPen);
            p.setBrush(it.color);
            p.drawEllipse(sw.center(), 0.7 * mm, 0.7 * mm);
            break;
        case 2: {
            p.setPen(QPen(kProposedPen, 0.3 * mm));
            p.setBrush(QColor(200, 215, 250));
            p.drawRect(sw);
            QBrush hatch(kProposedPen, Qt::BDiagPattern);
            hatch.setTransform(QTransform::fromScale(mm * 0.25, mm * 0.25));
            p.setBrush(hatch);
            p.drawRect(sw);
            break;
        }
        case 3:
            p.setPen(QPen(kOutline, 0.3 * mm, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(sw);
            break;
        default:
            p.setPen(QPen(Qt::black, 0.15 * mm));
            p.setBrush(it.color);
            p.drawEllipse(sw.center(), 1.1 * mm, 1.1 * mm);
        }
        p.setPen(Qt::black);
        p.drawText(QRectF(x + 6.5 * mm, y, colW - 7 * mm, rowH), Qt::AlignLeft | Qt::AlignVCenter, it.text);
    }
    p.restore();
    return ((items.size() + perRow - 1) / perRow) * rowH + 1 * mm;
}

} // namespace app::report
