#include "viewer/qt/viewport_overlay.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace viewer {

namespace {
constexpr double kPi = 3.14159265358979323846;

void drawCompass(QPainter& p, QPointF centre, double radius, double headingDeg) {
    p.save();
    p.translate(centre);
    p.setPen(QPen(QColor(40, 40, 40, 160), 1.2));
    p.setBrush(QColor(255, 255, 255, 170));
    p.drawEllipse(QPointF(0, 0), radius, radius);
    // North is up on screen when the camera looks north (heading 0); turn against the heading.
    p.rotate(-headingDeg);
    QPainterPath north, south;
    north.moveTo(0, -radius * 0.82);
    north.lineTo(radius * 0.28, 0);
    north.lineTo(-radius * 0.28, 0);
    north.closeSubpath();
    south.moveTo(0, radius * 0.82);
    south.lineTo(radius * 0.28, 0);
    south.lineTo(-radius * 0.28, 0);
    south.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(200, 40, 40));
    p.drawPath(north);
    p.setBrush(QColor(90, 90, 90));
    p.drawPath(south);
    QFont f = p.font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    p.setFont(f);
    p.setPen(QColor(20, 20, 20));
    const QString n = ViewportOverlay::tr("N", "compass: north");
    const QRectF label(-radius, -radius * 1.62, 2 * radius, radius * 0.7);
    p.drawText(label, Qt::AlignCenter, n);
    p.restore();
}

void drawScaleBar(QPainter& p, QPointF origin, double metresPerPixel, double maxPixels) {
    const double metres = ViewportOverlay::niceLength(metresPerPixel * maxPixels);
    if (metres <= 0)
        return;
    const double px = metres / metresPerPixel;
    const QString text = metres >= 1000 ? ViewportOverlay::tr("%1 km").arg(metres / 1000.0)
                                        : ViewportOverlay::tr("%1 m").arg(metres);
    p.save();
    const QFontMetrics fm(p.font());
    const QRectF box(origin.x() - 6, origin.y() - fm.height() - 14, px + 12, fm.height() + 22);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 170));
    p.drawRoundedRect(box, 4, 4);
    p.setPen(QPen(QColor(20, 20, 20), 2));
    p.drawLine(origin, origin + QPointF(px, 0));
    p.drawLine(origin, origin + QPointF(0, -6));
    p.drawLine(origin + QPointF(px, 0), origin + QPointF(px, -6));
    p.drawText(QRectF(origin.x(), origin.y() - fm.height() - 8, px, fm.height()), Qt::AlignCenter, text);
    p.restore();
}
} // namespace

double ViewportOverlay::niceLength(double maxMetres) {
    if (!(maxMetres > 0))
        return 0;
    const double base = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * base <= maxMetres)
            return m * base;
    return base;
}

double ViewportOverlay::metresPerPixel(const OverlayState& s, int viewHeightPx) {
    // Distance along the central ray to the ground plane at the terrain height below the eye.
    const double above = s.view.height - s.groundUnderCamera;
    const double down = std::sin(-s.view.pitch * kPi / 180.0);
    if (above <= 0 || down < 0.08 || viewHeightPx <= 0)
        return 0;
    const double distance = above / down;
    return 2.0 * distance * std::tan(s.verticalFovDeg * kPi / 360.0) / viewHeightPx;
}

void ViewportOverlay::paint(QPainter& p, QSize size, const OverlayState& s) {
    p.setRenderHint(QPainter::Antialiasing);
    const double r = 22;
    drawCompass(p, QPointF(size.width() - r - 14, r + 26), r, s.view.heading);
    if (const double mpp = metresPerPixel(s, size.height()); mpp > 0)
        drawScaleBar(p, QPointF(18, size.height() - 18), mpp, std::min(180.0, size.width() / 4.0));
    if (s.walkMode) {
        const QString hint = tr("Walk: W A S D or arrows to move, drag to look, Shift to run");
        const QFontMetrics fm(p.font());
        const QRectF box(size.width() / 2.0 - fm.horizontalAdvance(hint) / 2.0 - 10, 10,
                         fm.horizontalAdvance(hint) + 20, fm.height() + 10);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 120));
        p.drawRoundedRect(box, 5, 5);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, hint);
    }
}

} // namespace viewer
