#include "viewer/scene/scene_builder.h"

#include <osg/CullFace>
#include <osg/Geometry>
#include <osg/LOD>
#include <osg/Material>
#include <osg/NodeVisitor>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

namespace viewer {

namespace {

// Lit vertex colours everywhere below the root (fixed-function GL: colour material drives ambient+diffuse).
void applySceneState(osg::StateSet* ss) {
    osg::ref_ptr<osg::Material> material = new osg::Material;
    material->setColorMode(osg::Material::AMBIENT_AND_DIFFUSE);
    material->setSpecular(osg::Material::FRONT_AND_BACK, osg::Vec4(0, 0, 0, 1));
    material->setEmission(osg::Material::FRONT_AND_BACK, osg::Vec4(0, 0, 0, 1));
    ss->setAttributeAndModes(material);
    ss->setAttributeAndModes(new osg::CullFace(osg::CullFace::BACK));
    ss->setMode(GL_LIGHTING, osg::StateAttribute::ON);
}

// Counts the draw calls of visible geometry; an LOD counts its costliest child only (one child renders at a
// time).
class DrawCallCounter : public osg::NodeVisitor {
public:
    DrawCallCounter() : osg::NodeVisitor(osg::NodeVisitor::TRAVERSE_ACTIVE_CHILDREN) {}
    void apply(osg::LOD& lod) override {
        int most = 0;
        for (unsigned i = 0; i < lod.getNumChildren(); ++i) {
            DrawCallCounter child;
            child.setTraversalMask(getTraversalMask());
            lod.getChild(i)->accept(child);
            most = std::max(most, child.count);
        }
        count += most;
    }
    void apply(osg::Geometry& geometry) override {
        for (unsigned i = 0; i < geometry.getNumPrimitiveSets(); ++i) {
            const osg::PrimitiveSet* p = geometry.getPrimitiveSet(i);
            if (p && p->getNumIndices() > 0)
                ++count;
        }
    }
    int count = 0;
};

bool overlaps(const gis::Extent& a, const gis::Extent& b) {
    return !a.isEmpty() && !b.isEmpty() && a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY &&
           b.minY < a.maxY;
}

} // namespace

std::string layerNodeName(const std::string& layerId) {
    return "layer:" + layerId;
}

osg::ref_ptr<osg::Node> buildLayerNode(const gis::Layer& layer, const gis::Project& project,
                                       const gis::Vec3& origin) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(layerNodeName(layer.id));
    const gis::TerrainLayerData* terrain = project.terrain();
    const gis::RasterF* dem = terrain && terrain->dem ? terrain->dem.get() : nullptr;
    osg::ref_ptr<osg::Node> content;
    if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
        content = buildBuildingsNode(b->buildings, origin, dem);
    else if (const auto* z = std::get_if<gis::ZoneLayerData>(&layer.data))
        content = buildZonesNode(z->zones, dem, origin);
    else if (const auto* t = std::get_if<gis::TerrainLayerData>(&layer.data); t && t->dem) {
        // Every imagery layer over this terrain gets a drape; the first visible one renders.
        std::vector<TerrainDrape> drapes;
        std::string active;
        for (const gis::Layer& other : project.layers)
            if (const auto* m = std::get_if<gis::ImageryLayerData>(&other.data);
                m && overlaps(m->extent(), t->dem->extent())) {
                drapes.push_back({other.id, m});
                if (active.empty() && other.visible)
                    active = other.id;
            }
        content = buildTerrainNode(*t->dem, origin, drapes, active);
    } else if (const auto* c = std::get_if<gis::CityModelLayerData>(&layer.data))
        content = buildCityModelNode(*c, origin);
    else if (const auto* m = std::get_if<gis::ImageryLayerData>(&layer.data)) {
        group->addDescription(kImageryNodeDescription);
        // Over terrain the image is draped on the terrain node; elsewhere it lies flat on the ground.
        bool onTerrain = false;
        for (const gis::Layer& other : project.layers)
            if (const auto* od = std::get_if<gis::TerrainLayerData>(&other.data); od && od->dem)
                onTerrain = onTerrain || overlaps(m->extent(), od->dem->extent());
        if (!onTerrain)
            content = buildImageryNode(*m, 0.0, origin);
    }
    if (content)
        group->addChild(content);
    group->setNodeMask(layer.visible ? ~0u : 0u);
    return group;
}

osg::ref_ptr<osg::MatrixTransform> buildProjectScene(const gis::Project& project, const gis::Vec3& origin) {
    osg::ref_ptr<osg::MatrixTransform> root = new osg::MatrixTransform;
    root->setName("project");
    root->setMatrix(osg::Matrixd::translate(origin.x, origin.y, origin.z));
    applySceneState(root->getOrCreateStateSet());
    for (const gis::Layer& layer : project.layers)
        root->addChild(buildLayerNode(layer, project, origin));
    return root;
}

osg::Node* findLayerNode(osg::Group* root, const std::string& layerId) {
    if (!root)
        return nullptr;
    const std::string name = layerNodeName(layerId);
    for (unsigned i = 0; i < root->getNumChildren(); ++i)
        if (root->getChild(i)->getName() == name)
            return root->getChild(i);
    return nullptr;
}

void setLayerVisible(osg::Group* root, const std::string& layerId, bool visible) {
    if (osg::Node* node = findLayerNode(root, layerId)) {
        node->setNodeMask(visible ? ~0u : 0u);
        const auto& descriptions = node->getDescriptions();
        if (std::find(descriptions.begin(), descriptions.end(), kImageryNodeDescription) !=
            descriptions.end())
            updateTerrainDrapes(root); // the terrain shows the next visible image, or its own colours
    }
}

int countDrawCalls(osg::Node* node) {
    if (!node)
        return 0;
    DrawCallCounter counter;
    node->accept(counter);
    return counter.count;
}

} // namespace viewer
