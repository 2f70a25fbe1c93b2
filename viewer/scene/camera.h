#pragma once
// Conversions between gis::CameraView (project CRS, heading/pitch in degrees) and OSG view matrices in the
// local frame of a scene whose root translates by `origin`. OSG world frame: x east, y north, z up.
#include "gis/model/camera_view.h"
#include "gis/model/geometry.h"
#include "gis/model/project.h"

#include <osg/Matrixd>

namespace viewer {

// Camera-to-world matrix (the inverse view matrix) in OSG world coordinates (origin already added).
osg::Matrixd cameraMatrixFromView(const gis::CameraView& view);
gis::CameraView viewFromCameraMatrix(const osg::Matrixd& cameraToWorld);

// A view from the south-south-west looking down ~35 degrees that frames `extent` (zMin..zMax heights).
gis::CameraView framingView(const gis::Extent& extent, double zMin, double zMax, double verticalFovDeg = 30.0,
                            double aspect = 1.6);

// Heights spanned by a project: terrain minimum/maximum and building tops (0..0 when empty).
struct HeightRange {
    double zMin = 0;
    double zMax = 0;
};
HeightRange projectHeightRange(const gis::Project& project);
// Extent of what a user wants to see first: visible buildings when there are any, else zones, else
// everything.
gis::Extent projectContentExtent(const gis::Project& project);
// The view a project opens with: project.view when set, else framingView of projectContentExtent.
gis::CameraView defaultProjectView(const gis::Project& project, double verticalFovDeg = 30.0,
                                   double aspect = 1.6);

// Unit forward vector (x east, y north, z up) of a heading/pitch in degrees.
gis::Vec3 viewDirection(double headingDeg, double pitchDeg);

} // namespace viewer
