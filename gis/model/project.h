#pragma once
// The whole content of a Urbis project as plain data (no Qt, no OSG). app::Document owns one.
#include "gis/model/building.h"
#include "gis/model/camera_view.h"
#include "gis/model/crs.h"
#include "gis/model/mesh.h"
#include "gis/model/raster.h"
#include "gis/model/rgba_image.h"
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

// One city object of a 3D city model (CityJSON): its id in the file, its type ("Building", "BuildingPart",
// "Road", ...), its parent's id (a BuildingPart's Building) and the LoD of the geometry that was used.
struct CityObjectInfo {
    std::string id;
    std::string type;
    std::string parent;
    std::string lod;
};

// A 3D city model (CityJSON LoD1/LoD2 solids and surfaces) as triangles with a semantic per triangle
// (roof/wall/ground). Referenced like terrain: `source` is the file (re-read when a project is opened),
// `sourceCrs` the CRS the user assigned when the file declares none (empty otherwise), `lod` the requested
// LoD (empty: the highest each object has). mesh->objectIds index `objects`.
struct CityModelLayerData {
    std::string source;
    std::string sourceCrs;
    std::string lod;
    std::vector<CityObjectInfo> objects;
    std::shared_ptr<const TriangleMesh> mesh;
};

// Imagery (an orthophoto, a scanned plan) draped on the terrain, or shown flat where there is none.
// Referenced like terrain: `source` is the file (a path relative to the project in the project file), re-read
// into the project CRS when the project opens. North-up with square pixels in the project CRS: pixel
// (col, row) covers [originX + col*cellSize, originX + (col+1)*cellSize] x [originY - (row+1)*cellSize,
// originY - row*cellSize], as a RasterF cell does. Transparent pixels (alpha 0) show what lies beneath.
struct ImageryLayerData {
    std::string source;
    std::shared_ptr<const RgbaImage> image;
    double originX = 0;  // west edge
    double originY = 0;  // north edge
    double cellSize = 1; // metres per pixel
    Extent extent() const {
        Extent e;
        if (image && !image->isEmpty()) {
            e.include(originX, originY - image->height * cellSize);
            e.include(originX + image->width * cellSize, originY);
        }
        return e;
    }
};

// The variant index of Layer::data: new kinds are appended so stored values keep their meaning.
enum class LayerKind { Buildings, Zones, Terrain, CityModel, Imagery };

struct Layer {
    std::string id;   // stable, unique in the project, [a-z0-9_]
    std::string name; // shown to the user
    bool visible = true;
    std::variant<BuildingLayerData, ZoneLayerData, TerrainLayerData, CityModelLayerData, ImageryLayerData>
        data;

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
