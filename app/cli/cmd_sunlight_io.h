#pragma once
// Input and output of `urbis-cli sunlight` (private to cmd_sunlight.cpp): the scene (buildings, terrain,
// occluders) and the per-receiver rows as JSON, CSV and text.
#include "gis/analysis/sunlight.h"
#include "gis/analysis/sunlight_grid.h"
#include "gis/analysis/sunlight_windows.h"
#include "gis/io/import_dataset.h"
#include "gis/model/raster.h"
#include "gis/progress.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace app::cli::sunlight {

// Fills input.crs, input.buildings and input.occluders from the buildings file (a Urbis project: its building
// layers, with use and storeys, and its terrain; any other GDAL vector file through importDataset) and the
// occluder files (buildings extruded, DEMs as terrain). `terrain` is the first DEM met; the first
// `primaryBuildings` of input.buildings come from the buildings file (the ones that have windows). Returns ""
// on success, else the message (the file and the problem).
QString loadScene(const QString& buildingsPath, const QStringList& occluderFiles,
                  const gis::io::ImportOptions& importOptions, gis::Progress& progress,
                  gis::analysis::SunlightInput& input, std::shared_ptr<const gis::RasterF>& terrain,
                  std::size_t& primaryBuildings, QStringList& warnings);

// One output row: a receiver point, a window (sill centre, whole-window result) or a grid cell.
struct Row {
    std::string id;
    gis::Vec3 position;
    const gis::analysis::ReceiverSunlight* result = nullptr;
    const gis::analysis::WindowReceiver* window = nullptr; // windows only
};

// Window seconds -> clock seconds, when a zone is known and the time base is solar; empty otherwise.
using ClockOf = std::function<int(int)>;

// {"id","x","y","z","sunlit_minutes","lit_minutes_total","intervals","pass","inside","never_faces_sun"
//  [,"intervals_clock"][,"building","part","storey","facade","window","normal"]} per row.
nlohmann::json pointsJson(std::span<const Row> rows, const ClockOf& clock);
// Header + one line per row; windows add building,storey,facade,window.
QString csvText(std::span<const Row> rows, bool windows);
// [{"building","windows","passing","failing"}] per building.
nlohmann::json windowSummaryJson(std::span<const gis::analysis::BuildingWindowSummary> summary);
// "  N windows of B buildings: P pass, F fail".
QString windowSummaryLine(std::span<const gis::analysis::BuildingWindowSummary> summary);
// The receiver options as recorded under "parameters".
nlohmann::json windowOptionsJson(const gis::analysis::WindowOptions& options);
nlohmann::json gridOptionsJson(const std::string& aoi, const gis::analysis::GridOptions& options,
                               const gis::analysis::PlanGrid& grid);
// Text lines of the rows ("  id  minutes  pass/FAIL  intervals").
QStringList textLines(std::span<const Row> rows);

} // namespace app::cli::sunlight
