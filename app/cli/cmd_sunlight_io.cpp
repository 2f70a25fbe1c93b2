#include "app/cli/cmd_sunlight_io.h"

#include "gis/geom/extrude.h"
#include "gis/io/project_file.h"

#include <QFile>

namespace app::cli::sunlight {

using gis::analysis::formatSeconds;

namespace {
QString csvField(const std::string& s) {
    QString q = QString::fromStdString(s);
    if (q.contains(',') || q.contains('"') || q.contains(';') || q.contains('\n'))
        return "\"" + q.replace("\"", "\"\"") + "\"";
    return q;
}

QString intervalsText(const gis::analysis::ReceiverSunlight& r) {
    QStringList iv;
    for (const auto& in : r.intervals)
        iv << QString::fromStdString(formatSeconds(in.start) + "-" + formatSeconds(in.end));
    return iv.join(';');
}
} // namespace

QString loadScene(const QString& buildingsPath, const QStringList& occluderFiles,
                  const gis::io::ImportOptions& importOptions, gis::Progress& progress,
                  gis::analysis::SunlightInput& input, std::shared_ptr<const gis::RasterF>& terrain,
                  std::size_t& primaryBuildings, QStringList& warnings) {
    if (!QFile::exists(buildingsPath))
        return "the buildings file '" + buildingsPath + "' does not exist";
    progress.setMessage("reading buildings");
    const std::string path = buildingsPath.toStdString();
    if (gis::io::isUrbisProject(path)) {
        auto project = gis::io::readProject(path, progress);
        if (!project)
            return QString::fromStdString(project.error());
        input.crs = project->crs;
        for (const auto& layer : project->layers)
            if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
                input.buildings.insert(input.buildings.end(), b->buildings.begin(), b->buildings.end());
        if (const auto* t = project->terrain(); t && t->dem) {
            terrain = t->dem;
            input.occluders.push_back(gis::geom::terrainMesh(*t->dem));
        }
    } else {
        auto imported = gis::io::importDataset(path, gis::Project{}, importOptions, progress);
        if (!imported)
            return QString::fromStdString(imported.error());
        input.crs = imported->datasetCrs;
        for (const auto& layer : imported->layers)
            if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
                input.buildings.insert(input.buildings.end(), b->buildings.begin(), b->buildings.end());
        for (const auto& w : imported->warnings)
            warnings << QString::fromStdString(w);
    }
    if (input.buildings.empty())
        return "'" + buildingsPath +
               "' holds no buildings (no polygon features with a height): nothing casts a "
               "shadow";
    primaryBuildings = input.buildings.size();
    for (const QString& file : occluderFiles) {
        if (!QFile::exists(file))
            return "the occluders file '" + file + "' does not exist";
        gis::Project project;
        project.crs = input.crs;
        auto occ = gis::io::importDataset(file.toStdString(), project, importOptions, progress);
        if (!occ)
            return QString::fromStdString(occ.error());
        for (const auto& layer : occ->layers) {
            if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
                input.buildings.insert(input.buildings.end(), b->buildings.begin(), b->buildings.end());
            else if (const auto* t = std::get_if<gis::TerrainLayerData>(&layer.data); t && t->dem) {
                input.occluders.push_back(gis::geom::terrainMesh(*t->dem));
                if (!terrain)
                    terrain = t->dem;
            }
        }
    }
    return {};
}

nlohmann::json pointsJson(std::span<const Row> rows, const ClockOf& clock) {
    nlohmann::json points = nlohmann::json::array();
    for (const Row& row : rows) {
        const auto& r = *row.result;
        nlohmann::json iv = nlohmann::json::array(), ivClock = nlohmann::json::array();
        for (const auto& in : r.intervals) {
            iv.push_back({formatSeconds(in.start), formatSeconds(in.end)});
            if (clock)
                ivClock.push_back({formatSeconds(clock(in.start)), formatSeconds(clock(in.end))});
        }
        nlohmann::json pt{{"id", row.id},
                          {"x", row.position.x},
                          {"y", row.position.y},
                          {"z", row.position.z},
                          {"sunlit_minutes", r.countedSeconds / 60.0},
                          {"lit_minutes_total", r.litSeconds / 60.0},
                          {"intervals", iv},
                          {"pass", r.pass ? nlohmann::json(*r.pass) : nlohmann::json(nullptr)},
                          {"inside", r.inside},
                          {"never_faces_sun", r.neverFacesSun}};
        if (clock)
            pt["intervals_clock"] = ivClock;
        if (const auto* w = row.window) {
            pt["building"] = w->building;
            pt["part"] = w->part;
            pt["storey"] = w->storey;
            pt["facade"] = w->facade;
            pt["window"] = w->window;
            pt["samples"] = w->sampleCount;
            pt["normal"] = {w->normal.x, w->normal.y, w->normal.z};
        }
        points.push_back(std::move(pt));
    }
    return points;
}

QString csvText(std::span<const Row> rows, bool windows) {
    QStringList csv{windows ? "id,building,storey,facade,window,x,y,z,sunlit_minutes,intervals,pass,inside"
                            : "id,x,y,z,sunlit_minutes,intervals,pass,inside"};
    for (const Row& row : rows) {
        const auto& r = *row.result;
        QString line = csvField(row.id) + ",";
        if (windows && row.window)
            line += QString("%1,%2,%3,%4,")
                        .arg(row.window->building)
                        .arg(row.window->storey)
                        .arg(row.window->facade)
                        .arg(row.window->window);
        line += QString("%1,%2,%3,%4,%5,%6,%7")
                    .arg(row.position.x, 0, 'f', 3)
                    .arg(row.position.y, 0, 'f', 3)
                    .arg(row.position.z, 0, 'f', 3)
                    .arg(r.countedSeconds / 60.0, 0, 'f', 2)
                    .arg(intervalsText(r))
                    .arg(r.pass ? (*r.pass ? "true" : "false") : "")
                    .arg(r.inside ? "true" : "false");
        csv << line;
    }
    return csv.join('\n') + '\n';
}

nlohmann::json windowSummaryJson(std::span<const gis::analysis::BuildingWindowSummary> summary) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : summary)
        out.push_back({{"building", s.building},
                       {"windows", s.windows},
                       {"passing", s.passing},
                       {"failing", s.failing}});
    return out;
}

QString windowSummaryLine(std::span<const gis::analysis::BuildingWindowSummary> summary) {
    int windows = 0, pass = 0, failing = 0;
    for (const auto& s : summary) {
        windows += s.windows;
        pass += s.passing;
        failing += s.failing;
    }
    return QString("  %1 windows of %2 buildings: %3 pass, %4 fail")
        .arg(windows)
        .arg(summary.size())
        .arg(pass)
        .arg(failing);
}

nlohmann::json windowOptionsJson(const gis::analysis::WindowOptions& o) {
    return {{"spacing_m", o.spacing},
            {"width_m", o.width},
            {"sill_height_m", o.sillHeight},
            {"facade_offset_m", o.offset},
            {"sill_samples", o.sillSamples},
            {"whole_window_rule", o.sillSamples > 1},
            {"facing", o.facing == gis::analysis::WindowFacing::South ? "south" : "all"},
            {"grid_convergence_degrees", o.gridConvergence},
            {"only_use", o.uses},
            {"building_ids", o.buildingIds}};
}

nlohmann::json gridOptionsJson(const std::string& aoi, const gis::analysis::GridOptions& o,
                               const gis::analysis::PlanGrid& grid) {
    return {{"aoi", aoi},
            {"spacing_m", o.spacing},
            {"height_m", o.height},
            {"ground", o.terrain ? "terrain" : "ground_z"},
            {"ground_z", o.groundZ},
            {"points", grid.receivers.size()},
            {"columns", grid.frame.width},
            {"rows", grid.frame.height},
            {"origin_x", grid.frame.originX},
            {"origin_y", grid.frame.originY}};
}

QStringList textLines(std::span<const Row> rows) {
    QStringList out;
    for (const Row& row : rows) {
        const auto& r = *row.result;
        out << QString("  %1  %2 min  %3%4%5")
                   .arg(QString::fromStdString(row.id))
                   .arg(r.countedSeconds / 60.0, 0, 'f', 1)
                   .arg(r.pass ? (*r.pass ? "pass  " : "FAIL  ") : "")
                   .arg(r.inside ? "INSIDE A BUILDING  " : "")
                   .arg(intervalsText(r).replace(';', ' '));
    }
    return out;
}

} // namespace app::cli::sunlight
