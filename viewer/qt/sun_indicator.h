#pragma once
// The sun dial of the sunlight preview, drawn with QPainter over the viewport under the compass: a sky disc
// seen from above (zenith at the centre, horizon on the rim, turned with the camera heading like the
// compass), the sun where it stands, a line from the centre toward it, and a caption (the time).
#include "gis/model/geometry.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

class QPainter;

namespace viewer {

class SunIndicator {
    Q_DECLARE_TR_FUNCTIONS(viewer::SunIndicator)
public:
    // `toSun`: unit vector toward the sun (x east, y north, z up); `headingDeg`: the camera heading;
    // `caption`: lines of text shown under the dial (may be empty).
    static void paint(QPainter& painter, QSize size, const gis::Vec3& toSun, double headingDeg,
                      const QString& caption);
};

} // namespace viewer
