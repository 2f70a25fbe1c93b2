// Checks of the model's input (what runInertialModel refuses, and why, in words a user can act on), the
// line rasteriser for inflows and the small helpers the model shares.
#include "gis/analysis/flood/inertial_kernel.h"
#include "gis/analysis/flood/inertial_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace gis::analysis::flood {

using namespace detail;

namespace detail {

bool cellAt(const RasterF& g, double x, double y, int& col, int& row) {
    const double fc = (x - g.originX) / g.cellSize, fr = (g.originY - y) / g.cellSize;
    if (!(fc >= 0 && fr >= 0 && fc < g.width && fr < g.height))
        return false;
    col = std::min(int(fc), g.width - 1);
    row = std::min(int(fr), g.height - 1);
    return true;
}

std::string fmt(const char* format, double a, double b, double c, double d) {
    char buf[256];
    std::snprintf(buf, sizeof buf, format, a, b, c, d);
    return buf;
}

bool isWall(const InertialInput& in, std::size_t i) {
    return std::isnan(in.dem.data[i]) || (!in.blocked.empty() && in.blocked[i] != 0);
}

static std::string extentText(const RasterF& g) {
    return fmt("x %.1f–%.1f, y %.1f–%.1f", g.originX, g.originX + g.width * g.cellSize,
               g.originY - g.height * g.cellSize, g.originY);
}

} // namespace detail

const char* edgeName(Edge e) {
    switch (e) {
    case Edge::West:
        return "west";
    case Edge::East:
        return "east";
    case Edge::North:
        return "north";
    case Edge::South:
        return "south";
    }
    return "?";
}

double estimateRemainingSeconds(double elapsedS, double fraction) {
    if (!(fraction > 1e-6) || !(elapsedS > 0))
        return 0;
    return elapsedS * (1 - std::min(fraction, 1.0)) / fraction;
}

std::vector<std::pair<int, int>> rasteriseLine(const RasterF& grid, const std::vector<Vec2>& vertices) {
    std::vector<std::pair<int, int>> cells;
    std::set<std::pair<int, int>> seen;
    auto add = [&](double x, double y) {
        int c, r;
        if (cellAt(grid, x, y, c, r) && seen.insert({c, r}).second)
            cells.emplace_back(c, r);
    };
    if (vertices.size() == 1)
        add(vertices[0].x, vertices[0].y);
    for (std::size_t i = 1; i < vertices.size(); ++i) {
        const Vec2 a = vertices[i - 1], b = vertices[i];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        // Quarter-cell samples: every cell the segment crosses by more than a sliver is visited.
        const int n = std::max(1, int(std::ceil(len / (grid.cellSize * 0.25))));
        for (int k = 0; k <= n; ++k)
            add(a.x + (b.x - a.x) * k / n, a.y + (b.y - a.y) * k / n);
    }
    return cells;
}

Status validateInertialInput(const InertialInput& in) {
    const RasterF& dem = in.dem;
    if (dem.isEmpty() || dem.data.size() != std::size_t(dem.width) * dem.height)
        return Error{"The flood model needs a DEM: the grid is empty."};
    if (dem.width < 3 || dem.height < 3)
        return Error{"The DEM is too small for the flood model (at least 3 × 3 cells)."};
    if (!(dem.cellSize > 0) || !std::isfinite(dem.cellSize))
        return Error{"The DEM's cell size must be a positive number of metres."};
    std::size_t valid = 0;
    for (std::size_t i = 0; i < dem.data.size(); ++i)
        valid += !isWall(in, i);
    if (valid == 0)
        return Error{"Every DEM cell is nodata or blocked: there is nowhere for water to go."};
    if (!in.blocked.empty() && in.blocked.size() != dem.data.size())
        return Error{"The blocked-cell mask must have one value per DEM cell (" +
                     std::to_string(dem.data.size()) + "), it has " + std::to_string(in.blocked.size()) +
                     "."};
    auto sameGrid = [&](const RasterF& r) {
        return r.width == dem.width && r.height == dem.height && std::abs(r.cellSize - dem.cellSize) < 1e-9 &&
               std::abs(r.originX - dem.originX) < 1e-6 * dem.cellSize &&
               std::abs(r.originY - dem.originY) < 1e-6 * dem.cellSize;
    };
    if (!(in.manning > 0 && in.manning <= 1))
        return Error{fmt("Manning's n must be within (0, 1] s/m^(1/3) (got %g); typical values are 0.013 "
                         "(concrete) to 0.1 (dense vegetation).",
                         in.manning)};
    if (!in.manningRaster.isEmpty()) {
        if (!sameGrid(in.manningRaster))
            return Error{
                "The Manning's n raster must be on the DEM's grid (same size, origin and cell size)."};
        for (float n : in.manningRaster.data)
            if (!std::isnan(n) && !(n > 0 && n <= 1))
                return Error{fmt("The Manning's n raster holds %g: values must be within (0, 1].", n)};
    }
    if (!in.initialDepth.isEmpty()) {
        if (!sameGrid(in.initialDepth))
            return Error{"The initial depth raster must be on the DEM's grid."};
        for (float d : in.initialDepth.data)
            if (d < 0 || std::isinf(d))
                return Error{"The initial depth raster holds negative or infinite depths."};
    }
    if (!(in.theta >= 0.5 && in.theta <= 1))
        return Error{fmt("theta must be within [0.5, 1] (got %g; de Almeida et al. recommend 0.7, 1 is the "
                         "original Bates 2010 scheme).",
                         in.theta)};
    if (!(in.alpha > 0 && in.alpha <= 1))
        return Error{fmt("alpha = %g would make the model unstable: the time step must satisfy the Courant "
                         "condition, so alpha must be within (0, 1] (0.7 recommended, lower it if a run goes "
                         "unstable).",
                         in.alpha)};
    if (!(in.durationS > 0) || !std::isfinite(in.durationS))
        return Error{"duration_s must be a positive number of seconds."};
    if (!(in.outputEveryS > 0))
        return Error{"output_every_s must be a positive number of seconds."};
    if (!(in.maxTimeStepS > 0))
        return Error{"The maximum time step must be positive."};
    if (!(in.depthThreshold > 0))
        return Error{"depth_threshold must be positive (metres)."};
    if (in.statsEverySteps < 1)
        return Error{"statsEverySteps must be at least 1."};
    if (in.lossesMmPerH < 0 || in.drainageMmPerH < 0 || !std::isfinite(in.lossesMmPerH + in.drainageMmPerH))
        return Error{"losses_mm_per_h and drainage_mm_per_h must not be negative."};
    if (!in.rain.isEmpty() && in.rain.minValue() < 0)
        return Error{"The rain hyetograph holds a negative intensity."};
    for (std::size_t k = 0; k < in.inflows.size(); ++k) {
        const Inflow& f = in.inflows[k];
        const std::string name =
            "inflow " + std::to_string(k + 1) + (f.name.empty() ? "" : " ('" + f.name + "')");
        if (f.vertices.empty())
            return Error{name + " has no point or line."};
        if (f.flow.isEmpty())
            return Error{name + " has no flow series."};
        if (f.flow.minValue() < 0)
            return Error{name + " has a negative flow: inflows must be ≥ 0 m³/s."};
        for (const Vec2& v : f.vertices) {
            int c, r;
            if (!cellAt(dem, v.x, v.y, c, r))
                return Error{name + fmt(" lies off the grid at (%.1f, %.1f); the DEM covers ", v.x, v.y) +
                             extentText(dem) + ". Check the coordinates and their CRS."};
        }
        bool anyValid = false;
        for (auto [c, r] : rasteriseLine(dem, f.vertices))
            anyValid = anyValid || !isWall(in, std::size_t(r) * dem.width + c);
        if (!anyValid)
            return Error{name + " lies only on nodata or blocked cells; move it onto open ground."};
    }
    for (const Gauge& g : in.gauges) {
        int c, r;
        if (!cellAt(dem, g.x, g.y, c, r))
            return Error{"Gauge '" + g.name +
                         fmt("' at (%.1f, %.1f) lies off the grid; the DEM covers ", g.x, g.y) +
                         extentText(dem) + "."};
        if (isWall(in, std::size_t(r) * dem.width + c))
            return Error{"Gauge '" + g.name +
                         "' lies on a nodata or blocked cell; move it onto open ground."};
    }
    for (const EdgeBoundary& b : in.boundaries) {
        if (b.kind == EdgeBoundary::Kind::Level && b.level.isEmpty())
            return Error{std::string("The level boundary on the ") + edgeName(b.edge) +
                         " edge has no levels."};
        if (b.kind == EdgeBoundary::Kind::Free && (b.freeSlope < 0 || !std::isfinite(b.freeSlope)))
            return Error{std::string("The free boundary on the ") + edgeName(b.edge) +
                         " edge has a negative slope."};
    }
    return Status::ok();
}

} // namespace gis::analysis::flood
