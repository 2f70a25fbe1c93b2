// CityJSON -> one CityModel layer in the project CRS.
//
// Design: every CityJSON city object becomes triangles of one mesh layer (CityModelLayerData), LoD1 as well
// as LoD2, rather than LoD1 solids becoming extruded gis::Building footprints. CityJSON geometry is already
// 3D with absolute heights (NAP, not "height above a footprint"); LoD1.2/1.3 blocks are not always prisms
// over one footprint (3D BAG LoD1.3 has several roof heights per building), Roads, LandUse, PlantCover and
// Bridges are not buildings at all, and one path keeps the object ids, types and semantic surfaces for every
// LoD. TriangleMesh is the form the analyses read, so shadows/sunlight can take the mesh later without a
// second conversion.
#include "gis/io/cityjson.h"

#include "gis/io/crs_transform.h"
#include "gis/io/import_common.h"

#include <filesystem>
#include <set>

namespace gis::io {

namespace fs = std::filesystem;

Result<ImportReport> importCityJson(const std::string& path, const Project& project,
                                    const ImportOptions& options, const CityJsonOptions& cityJson,
                                    Progress& progress) {
    SubProgress reading(progress, 0.0, 0.8);
    auto read = readCityJson(path, cityJson, reading);
    if (!read)
        return Error{read.error()};
    return importCityModel(path, std::move(read.value()), project, options, cityJson.lod,
                           "'" + path +
                               "' is CityJSON without a coordinate reference system (no "
                               "metadata.referenceSystem); assign one (CLI: --assume-crs EPSG:xxxx; Dutch "
                               "files are usually EPSG:7415, RD New + NAP height).",
                           progress);
}

Result<ImportReport> importCityModel(const std::string& path, CityJsonModel model, const Project& project,
                                     const ImportOptions& options, const std::string& lod,
                                     const std::string& noCrsMessage, Progress& progress) {
    Crs dataCrs = model.crs;
    const bool assumed = dataCrs.isEmpty();
    if (assumed) {
        if (options.assumeCrs.empty())
            return Error{noCrsMessage};
        dataCrs.definition = options.assumeCrs;
    }
    auto target = detail::targetCrs(project, dataCrs, model.extent, path);
    if (!target)
        return Error{target.error()};
    if (model.objects.empty())
        return Error{"Cannot import '" + path + "': it has no city object with a usable surface geometry" +
                     (model.warnings.empty() ? std::string(".") : ": " + model.warnings.front())};

    ImportReport report;
    report.datasetCrs = target.value();
    report.warnings = std::move(model.warnings);
    if (!(target.value() == dataCrs)) {
        auto transform = CrsTransform::create(dataCrs, target.value());
        if (!transform)
            return Error{"Cannot import '" + path + "': " + transform.error()};
        std::set<std::uint32_t> failed;
        std::vector<char> bad(model.mesh.vertices.size(), 0);
        for (std::size_t i = 0; i < model.mesh.vertices.size(); ++i) {
            if (i % 65536 == 0) {
                progress.setFraction(0.8 + 0.2 * double(i) / double(model.mesh.vertices.size()));
                if (progress.isCanceled())
                    return Error{"Import of '" + path + "' was cancelled; the project was not changed."};
            }
            bad[i] = !transform->transform(model.mesh.vertices[i]);
        }
        for (std::size_t t = 0; t < model.mesh.triangleCount(); ++t)
            for (int k = 0; k < 3; ++k)
                if (bad[model.mesh.indices[3 * t + std::size_t(k)]])
                    failed.insert(model.mesh.objectIds[t]);
        if (!failed.empty()) {
            TriangleMesh kept;
            kept.vertices = model.mesh.vertices;
            for (std::size_t t = 0; t < model.mesh.triangleCount(); ++t) {
                if (failed.count(model.mesh.objectIds[t]))
                    continue;
                kept.indices.insert(kept.indices.end(), model.mesh.indices.begin() + std::ptrdiff_t(3 * t),
                                    model.mesh.indices.begin() + std::ptrdiff_t(3 * t + 3));
                kept.surfaces.push_back(model.mesh.surfaces[t]);
                kept.objectIds.push_back(model.mesh.objectIds[t]);
            }
            model.mesh = std::move(kept);
            for (auto id : failed)
                report.warnings.push_back("'" + path + "', city object '" + model.objects[id].id +
                                          "': cannot be reprojected to the project CRS; not shown.");
        }
    }

    // Heights come from the geometry itself: every building read is "with height" unless skipped.
    for (const auto& o : model.objects)
        if (o.type == "Building" || o.type == "BuildingPart") {
            ++report.heights.buildings;
            ++report.heights.withHeight;
        }
    report.heights.buildings += model.skipped;
    report.heights.skipped = model.skipped;

    std::string stem = fs::path(path).stem().string();
    if (stem.size() > 5 && stem.compare(stem.size() - 5, 5, ".city") == 0) // "x.city.json", "x.city.jsonl"
        stem.resize(stem.size() - 5);
    Project scratch;
    scratch.layers = project.layers;
    Layer layer;
    layer.id = scratch.uniqueLayerId(stem);
    layer.name = stem;
    CityModelLayerData data;
    data.source = fs::absolute(path).string();
    data.sourceCrs = assumed ? dataCrs.definition : std::string();
    data.lod = lod;
    data.objects = std::move(model.objects);
    data.mesh = std::make_shared<TriangleMesh>(std::move(model.mesh));
    layer.data = std::move(data);
    report.layers.push_back(std::move(layer));
    progress.setFraction(1.0);
    return report;
}

} // namespace gis::io
