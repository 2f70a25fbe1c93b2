#pragma once
// The whole content of a Urbis project as plain data (no Qt, no OSG). app::Document owns one.
#include "gis/model/building.h"
#include "gis/model/camera_view.h"
#include "gis/model/crs.h"
#include "gis/model/raster.h"
#include "gis/model/zone.h"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gis {

struct BuildingLayerData {
    std::vector<Building> buildings;
};

struct ZoneLayerData {
    std::vector<Zone> zones;
};

// Terrain is referenced, not embedded: `source` is a path relative to the project file (a DEM GeoTIFF) or a
// generator URI "urbis:demo-terrain?seed=N&size=M". `dem` is the loaded raster in the project CRS.
struct TerrainLayerData {
    std::string source;
    std::shared_ptr<const RasterF> dem;
};

enum class LayerKind { Buildings, Zones, Terrain };

struct Layer {
    std::string id;   // stable, unique in the project, [a-z0-9_]
    std::string name; // shown to the user
    bool visible = true;
    std::variant<BuildingLayerData, ZoneLayerData, TerrainLayerData> data;

    LayerKind kind() const { return LayerKind(data.index()); }
    std::size_t featureCount() const;
    Extent extent() const;
};

struct Project {
    static constexpr int kSchemaVersion = 1;

    Crs crs;
    std::vector<Layer> layers;
    std::optional<CameraView> view;
    std::string title;

    Layer* findLayer(const std::string& id);
    const Layer* findLayer(const std::string& id) const;
    const TerrainLayerData* terrain() const; // the first visible-or-not terrain layer, if any
    Extent extent() const;
    // A local origin for float rendering: the extent centre rounded to 100 m, z = 0.
    Vec3 origin() const;
    // Terrain height at (x, y), 0 where there is no terrain.
    double groundHeight(double x, double y) const;
    std::string uniqueLayerId(const std::string& base) const;
};

} // namespace gis
