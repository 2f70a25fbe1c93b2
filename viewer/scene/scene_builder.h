#pragma once
// Builds OSG node trees from gis model types. Float-precision rule: every vertex is local (relative to a
// double origin) and sits under one osg::MatrixTransform that holds the origin in double precision. Buildings
// are batched: thousands of buildings go into a few osg::Geometry (spatial tiles), not a node each.
#include "gis/model/project.h"

#include <osg/Group>
#include <osg/MatrixTransform>
#include <osg/ref_ptr>

#include <span>
#include <string>

namespace viewer {

// Node names under the scene root: each layer node is named "layer:<layer id>".
std::string layerNodeName(const std::string& layerId);

// Root of a project scene: a MatrixTransform translating by `origin`, with one child per layer (in project
// order).
osg::ref_ptr<osg::MatrixTransform> buildProjectScene(const gis::Project& project, const gis::Vec3& origin);
osg::ref_ptr<osg::Node> buildLayerNode(const gis::Layer& layer, const gis::Project& project,
                                       const gis::Vec3& origin);

osg::ref_ptr<osg::Node> buildTerrainNode(const gis::RasterF& dem, const gis::Vec3& origin);
osg::ref_ptr<osg::Node> buildBuildingsNode(std::span<const gis::Building> buildings, const gis::Vec3& origin);
// Same, with walls reaching down to the terrain under each footprint (no gap on slopes); dem may be null.
osg::ref_ptr<osg::Node> buildBuildingsNode(std::span<const gis::Building> buildings, const gis::Vec3& origin,
                                           const gis::RasterF* dem);
// Zones draped on the terrain (dem may be null: flat at z=0), coloured by land class. Every fill vertex lies
// kZoneDrapeOffset metres above the rendered terrain mesh (detail::terrainHeight); the fill also has a
// PolygonOffset.
constexpr double kZoneDrapeOffset = 0.4;
osg::ref_ptr<osg::Node> buildZonesNode(std::span<const gis::Zone> zones, const gis::RasterF* dem,
                                       const gis::Vec3& origin);

// A 3D city model (CityJSON) coloured by semantic surface; null when it has no triangles.
osg::ref_ptr<osg::Node> buildCityModelNode(const gis::CityModelLayerData& model, const gis::Vec3& origin);

// Imagery. An imagery layer that overlaps a terrain layer is draped on it: the terrain node then holds an
// osg::Switch "terrain_drape" whose child 0 is the plain terrain ("terrain_plain") and child k a copy
// "terrain_drape:<imagery layer id>" of it (sharing its vertex, normal and index arrays and its LOD) whose
// tiles under the image are textured with it. Exactly one child renders: the drape of the first visible
// imagery layer in project order (the top of the layer list), or the plain terrain. An imagery layer node is
// a Group described kImageryNodeDescription; it holds a flat quad "imagery_quad" at z = 0 when the image
// overlaps no terrain, and nothing otherwise.
constexpr const char* kImageryNodeDescription = "urbis:imagery";
struct TerrainDrape {
    std::string layerId;
    const gis::ImageryLayerData* imagery = nullptr;
};
osg::ref_ptr<osg::Node> buildTerrainNode(const gis::RasterF& dem, const gis::Vec3& origin,
                                         std::span<const TerrainDrape> drapes,
                                         const std::string& activeLayerId);
osg::ref_ptr<osg::Node> buildImageryNode(const gis::ImageryLayerData& imagery, double z,
                                         const gis::Vec3& origin);
// Switches every terrain drape under a project scene root to the first visible imagery layer node that has a
// drape there (or to the plain terrain); setLayerVisible calls it.
void updateTerrainDrapes(osg::Group* root);

// Finds the layer node under a project scene root; null when absent.
osg::Node* findLayerNode(osg::Group* root, const std::string& layerId);
void setLayerVisible(osg::Group* root, const std::string& layerId, bool visible);

// Upper bound of the draw calls a cull traversal of `node` issues when everything is in view: non-empty
// PrimitiveSets of the Geometries under nodes with a non-zero mask, counting for each osg::LOD only its
// costliest child (a traversal renders one child of an LOD at a time).
int countDrawCalls(osg::Node* node);

} // namespace viewer
