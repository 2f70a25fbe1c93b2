#pragma once
// Sunlight results in 3D (for ViewerWidget::setOverlay; nodes in project coordinates relative to `origin`):
// window marks on the facades (one small quad per analysed window, coloured pass/fail or by hours) and the
// plan grid's hour map draped on the ground. The hour classes and colours are defined here once, so the
// legend in the user interface shows exactly what the view paints (UX.md: dark blue at 0 h through yellow to
// white at and above the requirement; pass/fail green/red, or blue/orange for colour-blind safety).
#include "gis/model/geometry.h"
#include "gis/model/raster.h"

#include <osg/Node>
#include <osg/ref_ptr>

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace viewer {

using Rgba = std::array<float, 4>; // 0..1

// One legend class of sunlight hours: [from, to) hours (to = +inf for the top class).
struct HourClass {
    double from = 0, to = 0;
    Rgba colour{};
};

// Classes for a requirement (hours): steps of 0.25, 0.5 or 1 h below it (about four classes), then "at or
// above the requirement" in white. Without a requirement: whole hours up to `windowHours`, the last class
// open-ended.
std::vector<HourClass> sunlightHourClasses(std::optional<double> requiredHours, double windowHours);
// The class colour of `hours` (NaN: transparent).
Rgba sunlightHoursColour(double hours, std::span<const HourClass> classes);
// Pass/fail colours: green/red, or blue/orange when colour-blind safe.
Rgba passFailColour(bool pass, bool colourBlindSafe);
// A window without a requirement, inside a building or never facing the sun: neutral grey.
Rgba neutralColour();

struct WindowMark {
    gis::Vec3 sill;   // sill centre (project CRS), just outside the facade
    gis::Vec3 normal; // outward, horizontal
    Rgba colour{};
    bool outlined = false; // a dark frame around it (new failures, the window chosen in the table)
};

// Quads `width` wide from the sill up `height` metres, 0.1 m in front of the facade, unlit.
osg::ref_ptr<osg::Node> buildWindowMarks(std::span<const WindowMark> marks, double width, double height,
                                         const gis::Vec3& origin);

// The hour raster (NaN = no data: outside the area, inside buildings) as a draped, classed map `lift` metres
// above the rendered terrain (dem may be null: flat at groundZ). Null when the raster is empty.
osg::ref_ptr<osg::Node> buildHourGrid(const gis::RasterF& hours, std::span<const HourClass> classes,
                                      const gis::RasterF* dem, double groundZ, double lift,
                                      const gis::Vec3& origin);

// Shadow outlines at an instant (gis/analysis/shadow_outline.h) as dark lines `lift` metres above the
// rendered terrain (dem may be null: at groundZ), unlit, drawn over the ground. Null without polygons.
osg::ref_ptr<osg::Node> buildShadowOutlines(std::span<const gis::Polygon> polygons, const gis::RasterF* dem,
                                            double groundZ, double lift, const gis::Vec3& origin);

} // namespace viewer
