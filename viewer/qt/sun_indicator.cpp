#include "viewer/qt/sun_indicator.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace viewer {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kRadius = 24;
// Under the compass rose of ViewportOverlay (centre 36, 48 from the top right, radius 22, label above).
constexpr double kCentreFromRight = 36, kCentreFromTop = 118;
} // namespace

void SunIndicator::paint(QPainter& p, QSize size, const gis::Vec3& toSun, double headingDeg,
                         const QString& caption) {
    const gis::Vec3 d = toSun.normalized();
    const double elevation = std::asin(std::clamp(d.z, -1.0, 1.0));
    const bool up = elevation > 0;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF centre(size.width() - kCentreFromRight, kCentreFromTop);
    p.translate(centre);
    // Sky disc: blue by day, dark below the horizon.
    p.setPen(QPen(QColor(40, 40, 40, 160), 1.2));
    p.setBrush(up ? QColor(170, 205, 240, 200) : QColor(40, 50, 80, 200));
    p.drawEllipse(QPointF(0, 0), kRadius, kRadius);
    p.setPen(QPen(QColor(60, 60, 60, 120), 0.8, Qt::DotLine));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QPointF(0, 0), kRadius * 2 / 3, kRadius * 2 / 3); // 30 degrees altitude
    p.drawEllipse(QPointF(0, 0), kRadius / 3, kRadius / 3);         // 60 degrees
    // Screen position: north up when the heading is 0 (as the compass); distance from the centre grows
    // linearly from the zenith (0) to the horizon (rim).
    p.rotate(-headingDeg);
    const double horizontal = std::hypot(d.x, d.y);
    const double zenithDistance = std::clamp(1.0 - elevation / (kPi / 2), 0.0, 1.0);
    const QPointF at = horizontal > 1e-9
                           ? QPointF(d.x / horizontal, -d.y / horizontal) * (zenithDistance * kRadius)
                           : QPointF(0, 0);
    const QColor sun = up ? QColor(255, 190, 30) : QColor(150, 150, 150);
    p.setPen(QPen(sun.darker(130), 2));
    p.drawLine(QPointF(0, 0), at);
    p.setBrush(sun);
    p.setPen(QPen(QColor(120, 80, 0), 1));
    p.drawEllipse(at, 5.0, 5.0);
    p.restore();

    if (caption.isEmpty())
        return;
    p.save();
    const QFontMetrics fm(p.font());
    const QStringList lines = caption.split('\n');
    int width = 0;
    for (const QString& line : lines)
        width = std::max(width, fm.horizontalAdvance(line));
    const QRectF box(size.width() - 14 - width - 12, kCentreFromTop + kRadius + 8, width + 12,
                     fm.height() * lines.size() + 8);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 185));
    p.drawRoundedRect(box, 4, 4);
    p.setPen(QColor(20, 20, 20));
    p.drawText(box.adjusted(6, 4, -6, -4), Qt::AlignRight | Qt::AlignTop, caption);
    p.restore();
}

} // namespace viewer
