// urbis-cli flood static --dem FILE --level M (--seed X,Y | --seed-file FILE | --edge) [--connectivity 4|8]
//   [--gradient GX,GY --anchor X,Y | --surface FILE] [--buildings FILE [--building-mode blocked|raised]
//   [--raise M]] [--out DEPTH.tif] [--class-out CLASSES.tif] [--extent-out FILE.gpkg] [--json]
// urbis-cli flood fill --dem FILE --out FILLED.tif [--depth-out FILE.tif] [--connectivity 4|8]
// [--holes-drain]
//   [--flow-dir-out FILE.tif] [--flow-acc-out FILE.tif] [--rain MM [--runoff C | --landcover FILE.tif
//   [--landcover-table FILE.json]] --ponding-out FILE.tif] [--json]
// Tier 0 (static water level) and tier 1 (depression filling, D8, rain ponding) on a DEM: the same
// gis::analysis::flood calls the GUI makes.
#include "app/cli/cli_common.h"
#include "app/cli/cmd_flood.h"
#include "gis/analysis/flood/depression_fill.h"
#include "gis/analysis/flood/flood_export.h"
#include "gis/analysis/flood/flood_grid.h"
#include "gis/analysis/flood/static_flood.h"
#include "gis/io/import_dataset.h"
#include "gis/io/raster_io.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>

namespace app::cli {

namespace {
namespace fl = gis::analysis::flood;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// "X,Y" -> a point; nullopt when malformed.
std::optional<gis::Vec2> parsePair(const QString& text) {
    const QStringList parts = text.split(',');
    if (parts.size() != 2)
        return std::nullopt;
    bool okX = false, okY = false;
    const double x = parts[0].trimmed().toDouble(&okX), y = parts[1].trimmed().toDouble(&okY);
    if (!okX || !okY || !std::isfinite(x) || !std::isfinite(y))
        return std::nullopt;
    return gis::Vec2{x, y};
}

std::optional<fl::Connectivity> parseConnectivity(const QCommandLineParser& p) {
    const QString v = p.value("connectivity");
    if (v == "8")
        return fl::Connectivity::Eight;
    if (v == "4")
        return fl::Connectivity::Four;
    return std::nullopt;
}

// Reads and checks a DEM; prints the failure (exit 1) itself.
std::optional<gis::io::LoadedRaster> loadDem(const char* sub, const QString& path, int* exitCode) {
    auto dem = gis::io::readDem(path.toStdString());
    if (!dem) {
        *exitCode = fail(sub, QString::fromStdString(dem.error()));
        return std::nullopt;
    }
    if (gis::Status s = fl::checkHydrologyDem(dem->raster, dem->crs, path.toStdString()); !s) {
        *exitCode = fail(sub, QString::fromStdString(s.error()));
        return std::nullopt;
    }
    return std::move(dem).value();
}

gis::RasterF classesAsFloat(const gis::Raster<std::uint8_t>& r, std::uint8_t noData) {
    gis::RasterF out(r.width, r.height, r.originX, r.originY, r.cellSize);
    for (std::size_t i = 0; i < r.data.size(); ++i)
        out.data[i] = r.data[i] == noData ? std::numeric_limits<float>::quiet_NaN() : float(r.data[i]);
    return out;
}

std::optional<int> writeRaster(const char* sub, const gis::RasterF& r, const gis::Crs& crs,
                               const QString& path) {
    if (gis::Status s = gis::io::writeGeoTiff(r, crs, path.toStdString()); !s)
        return fail(sub, QString::fromStdString(s.error()));
    return std::nullopt;
}

const char* kStaticSub = "flood static";
const char* kStaticUsage =
    "Usage: urbis-cli flood static --dem FILE --level M (--seed X,Y | --seed-file FILE | "
    "--edge) [--connectivity 4|8] [--out DEPTH.tif] [--json]";
const char* kFillSub = "flood fill";
const char* kFillUsage = "Usage: urbis-cli flood fill --dem FILE --out FILLED.tif [--depth-out FILE.tif] "
                         "[--rain MM --ponding-out FILE.tif] [--json]";
} // namespace

int runFloodStatic(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Static flood (tier 0): the cells below a water level that are connected to the seeds through cells "
        "below the level (as GRASS r.lake; nodata cells never flood and never conduct). Cells below the "
        "level but not connected are reported as 'low-lying, unconnected'. Levels are absolute elevations in "
        "the DEM's vertical datum. The DEM must be in a projected CRS in metres.\n"
        "Seeds (at least one kind; they combine): --seed X,Y points in the DEM's CRS, --seed-file with "
        "points, lines (rivers, coastlines: every cell they cross) or polygons (every cell inside), --edge "
        "(the DEM's border and cells next to nodata that touches the border).\n"
        "Water surfaces: flat (default); sloped with --gradient GX,GY --anchor X,Y (the level applies at the "
        "anchor and rises GX m per m eastwards, GY northwards); or --surface FILE (a raster water surface, "
        "e.g. tide plus surge; --level is then an offset added to it, default 0).");
    parser.addHelpOption();
    parser.addOption({"dem", "Ground elevation raster (GeoTIFF or any GDAL raster). Required.", "FILE"});
    parser.addOption({"level", "Water level in metres (flat/sloped), or offset for --surface.", "M"});
    parser.addOption({"seed", "Seed point in the DEM's CRS. Repeatable.", "X,Y"});
    parser.addOption({"seed-file",
                      "Seeds from a vector file (GeoJSON, GeoPackage, Shapefile, CSV with x,y columns); "
                      "reprojected into the DEM's CRS. Repeatable.",
                      "FILE"});
    parser.addOption({"edge", "Seed every cell on the DEM's edge (the sea, a river entering the area)."});
    parser.addOption(
        {"connectivity", "4 or 8 (default 8, as r.lake): whether water passes diagonally.", "4|8", "8"});
    parser.addOption({"gradient", "Sloped surface: rise in m per m eastwards and northwards.", "GX,GY"});
    parser.addOption({"anchor", "Sloped surface: where --level applies.", "X,Y"});
    parser.addOption({"surface", "Raster water surface (bilinear on the DEM's cells).", "FILE"});
    parser.addOption({"buildings",
                      "Building footprints (any GDAL vector file) burned into the DEM (see --building-mode).",
                      "FILE"});
    parser.addOption({"building-mode",
                      "blocked (default: footprints never flood) or raised (ground lifted by --raise).",
                      "blocked|raised", "blocked"});
    parser.addOption({"raise",
                      "Metres buildings are raised by with --building-mode raised (default 5, as the "
                      "UK Environment Agency).",
                      "M", "5"});
    parser.addOption({"out", "Write the depth GeoTIFF (m; 0 dry, NaN nodata).", "DEPTH.tif"});
    parser.addOption({"class-out",
                      "Write a class GeoTIFF: 0 dry, 1 flooded, 2 low-lying unconnected, NaN nodata.",
                      "FILE.tif"});
    parser.addOption({"extent-out",
                      "Write the flooded extent (polygons per depth class) and, with --buildings, the "
                      "affected buildings (max depth at their walls, class, floor area) to a GeoPackage.",
                      "FILE.gpkg"});
    parser.addOption({"json", "Print machine-readable JSON on stdout."});
    if (auto exit = parseArguments(parser, kStaticSub, args, kStaticUsage, 0))
        return *exit;
    auto usage = [](const QString& m) { return fail(kStaticSub, m + "\n" + kStaticUsage, kUsage); };
    if (!parser.isSet("dem"))
        return usage("--dem is required");
    if (!parser.isSet("level") && !parser.isSet("surface"))
        return usage("--level is required");
    if (!parser.isSet("seed") && !parser.isSet("seed-file") && !parser.isSet("edge"))
        return usage("give seeds: --seed X,Y, --seed-file FILE or --edge");
    const auto connectivity = parseConnectivity(parser);
    if (!connectivity)
        return usage("--connectivity must be 4 or 8");
    if (parser.isSet("gradient") != parser.isSet("anchor"))
        return usage("a sloped surface needs both --gradient GX,GY and --anchor X,Y");
    if (parser.isSet("gradient") && parser.isSet("surface"))
        return usage("give either a sloped surface (--gradient, --anchor) or --surface, not both");
    const bool json = parser.isSet("json");
    QString message;
    double level = 0;
    if (parser.isSet("level")) {
        const auto v = numberOption(parser, "level", -1e6, 1e6, &message);
        if (!v)
            return fail(kStaticSub, message);
        level = *v;
    }
    fl::WaterSurface surface;
    if (parser.isSet("gradient")) {
        const auto g = parsePair(parser.value("gradient")), a = parsePair(parser.value("anchor"));
        if (!g || !a)
            return usage("--gradient and --anchor take two comma-separated numbers");
        if (std::abs(g->x) > 0.1 || std::abs(g->y) > 0.1)
            return fail(kStaticSub,
                        "--gradient " + parser.value("gradient") +
                            " is steeper than 0.1 m per m; water surface slopes are small (a river "
                            "falling 0.5 m per km is 0.0005)");
        surface.kind = fl::WaterSurface::Kind::Sloped;
        surface.gradientX = g->x;
        surface.gradientY = g->y;
        surface.anchor = *a;
    }
    std::vector<gis::Vec2> points;
    for (const QString& s : parser.values("seed")) {
        const auto p = parsePair(s);
        if (!p)
            return usage("--seed takes X,Y (two comma-separated numbers in the DEM's CRS), got '" + s + "'");
        points.push_back(*p);
    }
    const QString demPath = parser.value("dem");
    const auto t0 = Clock::now();
    int code = kFailure;
    auto loaded = loadDem(kStaticSub, demPath, &code);
    if (!loaded)
        return code;
    gis::RasterF& dem = loaded->raster;
    const gis::Crs& crs = loaded->crs;
    if (parser.isSet("surface")) {
        auto s = gis::io::readDem(parser.value("surface").toStdString(), crs);
        if (!s)
            return fail(kStaticSub, QString::fromStdString(s.error()));
        surface.kind = fl::WaterSurface::Kind::Raster;
        surface.surface = std::move(s->raster);
    } else if (gis::Status s = fl::checkLevel(dem, level, demPath.toStdString()); !s) {
        return fail(kStaticSub, QString::fromStdString(s.error()));
    }
    std::size_t burned = 0;
    std::vector<gis::Building> buildings;
    if (parser.isSet("buildings")) {
        const QString mode = parser.value("building-mode");
        if (mode != "blocked" && mode != "raised")
            return usage("--building-mode must be blocked or raised");
        const auto raise = numberOption(parser, "raise", 0, 100, &message);
        if (!raise)
            return fail(kStaticSub, message);
        gis::Project project;
        project.crs = crs;
        gis::NullProgress quiet;
        auto imported = gis::io::importDataset(parser.value("buildings").toStdString(), project, {}, quiet);
        if (!imported)
            return fail(kStaticSub, QString::fromStdString(imported.error()));
        for (const gis::Layer& layer : imported->layers)
            if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
                buildings.insert(buildings.end(), b->buildings.begin(), b->buildings.end());
        if (buildings.empty())
            return fail(kStaticSub, "no buildings in '" + parser.value("buildings") +
                                        "' (polygons with a height or storeys attribute)");
        burned = fl::burnBuildings(
            dem, buildings,
            {mode == "blocked" ? fl::BuildingMode::Blocked : fl::BuildingMode::Raised, *raise});
    }
    // Seeds resolve to cells per source, so that a message names the file a bad seed came from.
    fl::FloodSeeds seeds;
    seeds.points = points;
    seeds.edge = parser.isSet("edge");
    auto resolved = fl::seedCells(dem, seeds, demPath.toStdString());
    if (!resolved)
        return fail(kStaticSub, QString::fromStdString(resolved.error()));
    std::vector<std::uint32_t> cells = std::move(resolved).value();
    for (const QString& file : parser.values("seed-file")) {
        auto read = fl::readSeedFile(file.toStdString(), crs);
        if (!read)
            return fail(kStaticSub, QString::fromStdString(read.error()));
        auto fileCells = fl::seedCells(dem, read.value(), demPath.toStdString());
        if (!fileCells)
            return fail(kStaticSub, "seed file '" + file + "': " + QString::fromStdString(fileCells.error()));
        cells.insert(cells.end(), fileCells->begin(), fileCells->end());
        seeds.points.insert(seeds.points.end(), read->points.begin(), read->points.end());
        seeds.lines.insert(seeds.lines.end(), read->lines.begin(), read->lines.end());
        seeds.areas.insert(seeds.areas.end(), read->areas.begin(), read->areas.end());
    }
    std::sort(cells.begin(), cells.end());
    cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
    if (cells.empty())
        return fail(kStaticSub, "the DEM '" + demPath + "' has no valid edge cell to seed from");
    const auto loadSeconds = secondsSince(t0);

    TerminalProgress progress(json);
    const auto t1 = Clock::now();
    auto result = fl::floodAtLevel(dem, cells, surface, level, *connectivity, progress);
    if (!result)
        return fail(kStaticSub, QString::fromStdString(result.error()));
    const double computeSeconds = secondsSince(t1);
    const fl::FloodStats& s = result->stats;
    // Seed points above the water surface flood nothing: say so rather than silently report 0 cells.
    for (std::size_t k = 0; k < seeds.points.size(); ++k) {
        const gis::Vec2& p = seeds.points[k];
        const int col = int((p.x - dem.originX) / dem.cellSize),
                  row = int((dem.originY - p.y) / dem.cellSize);
        if (result->classes.at(col, row) != std::uint8_t(fl::FloodClass::Flooded))
            printErr(
                QString("urbis-cli flood static: note: seed point %1 (%2, %3) has ground %4 m, not below the "
                        "water level there: it floods nothing")
                    .arg(k + 1)
                    .arg(p.x, 0, 'f', 2)
                    .arg(p.y, 0, 'f', 2)
                    .arg(dem.at(col, row), 0, 'f', 2));
    }
    if (parser.isSet("out"))
        if (auto e = writeRaster(kStaticSub, result->depth, crs, parser.value("out")))
            return *e;
    if (parser.isSet("class-out"))
        if (auto e =
                writeRaster(kStaticSub, classesAsFloat(result->classes, std::uint8_t(fl::FloodClass::NoData)),
                            crs, parser.value("class-out")))
            return *e;
    // The extent per depth class and the buildings with water at their walls, as a GeoPackage.
    const fl::FloodImpact impact = fl::assessFloodImpact(result->depth, buildings, {});
    if (parser.isSet("extent-out"))
        if (auto st = fl::writeFloodGeoPackage(parser.value("extent-out").toStdString(), crs, result->depth,
                                               impact, buildings);
            !st)
            return fail(kStaticSub, QString::fromStdString(st.error()));

    const char* surfaceName = surface.kind == fl::WaterSurface::Kind::Flat     ? "flat"
                              : surface.kind == fl::WaterSurface::Kind::Sloped ? "sloped"
                                                                               : "raster";
    if (json) {
        nlohmann::json j;
        j["dem"] = demPath.toStdString();
        j["level"] = level;
        j["surface"] = surfaceName;
        j["connectivity"] = int(*connectivity);
        j["width"] = dem.width;
        j["height"] = dem.height;
        j["cell_size"] = dem.cellSize;
        j["seed_cells"] = cells.size();
        j["seeds"] = {{"points", seeds.points.size()},
                      {"lines", seeds.lines.size()},
                      {"areas", seeds.areas.size()},
                      {"edge", seeds.edge}};
        j["buildings_burned_cells"] = burned;
        j["affected_buildings"] = impact.buildings.size();
        j["extent_out"] = parser.isSet("extent-out")
                              ? nlohmann::json(parser.value("extent-out").toStdString())
                              : nlohmann::json();
        j["flooded_cells"] = s.floodedCells;
        j["area_m2"] = s.areaM2;
        j["volume_m3"] = s.volumeM3;
        j["max_depth"] = s.maxDepth;
        j["mean_depth"] = s.floodedCells ? s.volumeM3 / s.areaM2 : 0.0;
        j["unconnected_cells"] = s.unconnectedCells;
        j["unconnected_area_m2"] = s.unconnectedAreaM2;
        j["unconnected_volume_m3"] = s.unconnectedVolumeM3;
        j["out"] = parser.isSet("out") ? nlohmann::json(parser.value("out").toStdString()) : nlohmann::json();
        j["class_out"] = parser.isSet("class-out") ? nlohmann::json(parser.value("class-out").toStdString())
                                                   : nlohmann::json();
        j["seconds"] = {{"read", loadSeconds}, {"flood", computeSeconds}, {"total", secondsSince(t0)}};
        printOut(QString::fromStdString(j.dump(2)));
    } else {
        printOut(QString("%1 water level %2 m (%3, %4-connectivity), %5 seed cells")
                     .arg(demPath)
                     .arg(level)
                     .arg(surfaceName)
                     .arg(int(*connectivity))
                     .arg(cells.size()));
        printOut(QString("  flooded: %1 cells, %2 m2, %3 m3, max depth %4 m")
                     .arg(s.floodedCells)
                     .arg(s.areaM2, 0, 'f', 1)
                     .arg(s.volumeM3, 0, 'f', 1)
                     .arg(s.maxDepth, 0, 'f', 3));
        printOut(QString("  low-lying, unconnected: %1 cells, %2 m2")
                     .arg(s.unconnectedCells)
                     .arg(s.unconnectedAreaM2, 0, 'f', 1));
        if (parser.isSet("out"))
            printOut("  depth: " + parser.value("out"));
    }
    return kOk;
}

int runFloodFill(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Depression filling (tier 1): Priority-Flood (Barnes et al. 2014, improved variant) fills every "
        "depression of the DEM to its spill level; water leaves at the DEM's edge (and, with --holes-drain, "
        "at nodata holes). Optionally D8 flow directions (ESRI codes 1 E, 2 SE, 4 S ... 128 NE, 0 outlet) "
        "and "
        "flow accumulation (upstream cells), and static rain ponding: --rain MM of rain times a runoff "
        "coefficient fills depressions in order of their spill levels (fill-spill-merge).");
    parser.addHelpOption();
    parser.addOption({"dem", "Ground elevation raster. Required.", "FILE"});
    parser.addOption({"out", "Write the filled DEM GeoTIFF. Required.", "FILLED.tif"});
    parser.addOption({"depth-out", "Write the depth in sinks (filled - DEM).", "FILE.tif"});
    parser.addOption({"connectivity", "4 or 8 (default 8).", "4|8", "8"});
    parser.addOption({"holes-drain", "Nodata holes inside the DEM are outlets (e.g. masked water bodies)."});
    parser.addOption({"flow-dir-out", "Write D8 flow directions.", "FILE.tif"});
    parser.addOption({"flow-acc-out", "Write D8 flow accumulation (cells).", "FILE.tif"});
    parser.addOption({"rain", "Rain depth for static ponding, mm.", "MM"});
    parser.addOption({"runoff", "Runoff coefficient for --rain (default 1).", "C", "1"});
    parser.addOption({"landcover",
                      "Land-cover class raster on the DEM's grid: runoff coefficients from the class table.",
                      "FILE.tif"});
    parser.addOption({"landcover-table", "Class table (default: the shipped resources/flood/landcover.json).",
                      "FILE.json"});
    parser.addOption({"ponding-out", "Write the ponding depth GeoTIFF for --rain.", "FILE.tif"});
    parser.addOption({"json", "Print machine-readable JSON on stdout."});
    if (auto exit = parseArguments(parser, kFillSub, args, kFillUsage, 0))
        return *exit;
    auto usage = [](const QString& m) { return fail(kFillSub, m + "\n" + kFillUsage, kUsage); };
    if (!parser.isSet("dem"))
        return usage("--dem is required");
    if (!parser.isSet("out"))
        return usage("--out FILLED.tif is required");
    const auto connectivity = parseConnectivity(parser);
    if (!connectivity)
        return usage("--connectivity must be 4 or 8");
    const bool rain = parser.isSet("rain");
    for (const char* flag : {"runoff", "landcover", "landcover-table", "ponding-out"})
        if (parser.isSet(flag) && !rain)
            return usage(QString("--%1 goes with --rain").arg(flag));
    if (parser.isSet("runoff") && parser.isSet("landcover"))
        return usage("give either --runoff or --landcover, not both");
    QString message;
    double rainMm = 0, runoff = 1;
    if (rain) {
        const auto r = numberOption(parser, "rain", 0, 5000, &message);
        const auto c = r ? numberOption(parser, "runoff", 0, 1, &message) : std::nullopt;
        if (!r || !c)
            return fail(kFillSub, message);
        rainMm = *r;
        runoff = *c;
    }
    const bool json = parser.isSet("json");
    const QString demPath = parser.value("dem");
    int code = kFailure;
    auto loaded = loadDem(kFillSub, demPath, &code);
    if (!loaded)
        return code;
    const gis::RasterF& dem = loaded->raster;
    const gis::Crs& crs = loaded->crs;
    std::optional<gis::RasterF> coefficients;
    if (parser.isSet("landcover")) {
        auto table = parser.isSet("landcover-table")
                         ? fl::loadLandCoverTable(parser.value("landcover-table").toStdString())
                         : fl::defaultLandCoverTable();
        if (!table)
            return fail(kFillSub, QString::fromStdString(table.error()));
        auto cover = gis::io::readDem(parser.value("landcover").toStdString());
        if (!cover)
            return fail(kFillSub, QString::fromStdString(cover.error()));
        auto c = fl::landCoverProperty(cover->raster, dem, table.value(),
                                       fl::LandCoverProperty::RunoffCoefficient);
        if (!c)
            return fail(kFillSub,
                        "'" + parser.value("landcover") + "': " + QString::fromStdString(c.error()));
        coefficients = std::move(c).value();
    }

    TerminalProgress progress(json);
    const fl::FillOptions options{*connectivity, parser.isSet("holes-drain")};
    const auto t0 = Clock::now();
    auto fill = fl::fillDepressions(dem, options, progress);
    if (!fill)
        return fail(kFillSub, QString::fromStdString(fill.error()));
    const double fillSeconds = secondsSince(t0);
    if (auto e = writeRaster(kFillSub, fill->filled, crs, parser.value("out")))
        return *e;
    if (parser.isSet("depth-out"))
        if (auto e = writeRaster(kFillSub, fill->depth, crs, parser.value("depth-out")))
            return *e;
    if (parser.isSet("flow-dir-out") || parser.isSet("flow-acc-out")) {
        auto dirs = fl::flowDirections(dem, options, progress);
        if (!dirs)
            return fail(kFillSub, QString::fromStdString(dirs.error()));
        if (parser.isSet("flow-dir-out"))
            if (auto e = writeRaster(kFillSub, classesAsFloat(dirs.value(), fl::kNoFlow), crs,
                                     parser.value("flow-dir-out")))
                return *e;
        if (parser.isSet("flow-acc-out")) {
            auto acc = fl::flowAccumulation(dirs.value(), nullptr, progress);
            if (!acc)
                return fail(kFillSub, QString::fromStdString(acc.error()));
            if (auto e = writeRaster(kFillSub, acc.value(), crs, parser.value("flow-acc-out")))
                return *e;
        }
    }
    std::optional<fl::PondingResult> ponding;
    if (rain) {
        fl::PondingOptions po;
        po.rainMm = rainMm;
        po.uniformRunoff = runoff;
        po.runoffCoefficient = coefficients ? &*coefficients : nullptr;
        po.holesDrain = options.holesDrain;
        auto p = fl::pondRain(dem, po, progress);
        if (!p)
            return fail(kFillSub, QString::fromStdString(p.error()));
        if (parser.isSet("ponding-out"))
            if (auto e = writeRaster(kFillSub, p->depth, crs, parser.value("ponding-out")))
                return *e;
        ponding = std::move(p).value();
    }

    std::size_t valid = 0;
    for (float v : dem.data)
        valid += !std::isnan(v);
    if (json) {
        nlohmann::json j;
        j["dem"] = demPath.toStdString();
        j["out"] = parser.value("out").toStdString();
        j["depth_out"] = parser.isSet("depth-out") ? nlohmann::json(parser.value("depth-out").toStdString())
                                                   : nlohmann::json();
        j["connectivity"] = int(*connectivity);
        j["holes_drain"] = options.holesDrain;
        j["width"] = dem.width;
        j["height"] = dem.height;
        j["cell_size"] = dem.cellSize;
        j["valid_cells"] = valid;
        j["sink_cells"] = fill->sinkCells;
        j["sink_area_m2"] = fill->sinkAreaM2;
        j["sink_volume_m3"] = fill->sinkVolumeM3;
        j["max_depth"] = fill->maxDepth;
        j["fill_seconds"] = fillSeconds;
        j["cells_per_second"] = fillSeconds > 0 ? double(dem.data.size()) / fillSeconds : 0.0;
        if (ponding)
            j["ponding"] = {
                {"rain_mm", rainMm},
                {"runoff_coefficient", coefficients ? nlohmann::json("landcover") : nlohmann::json(runoff)},
                {"rain_volume_m3", ponding->rainVolumeM3},
                {"runoff_volume_m3", ponding->runoffVolumeM3},
                {"ponded_volume_m3", ponding->pondedVolumeM3},
                {"drained_volume_m3", ponding->drainedVolumeM3},
                {"depressions", ponding->depressions},
                {"full_depressions", ponding->fullDepressions},
                {"wet_cells", ponding->wetCells},
                {"wet_area_m2", ponding->wetAreaM2},
                {"max_depth", ponding->maxDepth}};
        printOut(QString::fromStdString(j.dump(2)));
    } else {
        printOut(QString("%1: %2 sink cells (%3 m2), %4 m3, max depth %5 m; filled DEM: %6")
                     .arg(demPath)
                     .arg(fill->sinkCells)
                     .arg(fill->sinkAreaM2, 0, 'f', 1)
                     .arg(fill->sinkVolumeM3, 0, 'f', 1)
                     .arg(fill->maxDepth, 0, 'f', 3)
                     .arg(parser.value("out")));
        if (ponding)
            printOut(
                QString("  %1 mm of rain: %2 m3 runoff, %3 m3 ponds on %4 m2 (max %5 m), %6 m3 drains off")
                    .arg(rainMm)
                    .arg(ponding->runoffVolumeM3, 0, 'f', 1)
                    .arg(ponding->pondedVolumeM3, 0, 'f', 1)
                    .arg(ponding->wetAreaM2, 0, 'f', 1)
                    .arg(ponding->maxDepth, 0, 'f', 3)
                    .arg(ponding->drainedVolumeM3, 0, 'f', 1));
    }
    return kOk;
}

} // namespace app::cli
