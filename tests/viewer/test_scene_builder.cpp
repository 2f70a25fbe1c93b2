// Scene building without GL: node tree structure, float-precision rule, batching, layer toggles, draping,
// camera conversions, and the tree written as .osgt text (OpenMW-style node-tree checks).
#include "gis/demo/demo_city.h"
#include "viewer/scene/camera.h"
#include "viewer/scene/scene_builder.h"

#include <osg/Geometry>
#include <osg/LOD>
#include <osg/MatrixTransform>
#include <osg/NodeVisitor>
#include <osgDB/WriteFile>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <variant>

namespace {

// Collects every Geometry under a node with its vertex array (all children, masks ignored).
struct GeometryCollector : osg::NodeVisitor {
    GeometryCollector() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Geometry& g) override { geometries.push_back(&g); }
    std::vector<osg::Geometry*> geometries;
};

std::vector<osg::Geometry*> geometriesOf(osg::Node* node) {
    GeometryCollector c;
    c.setNodeMaskOverride(~0u);
    node->accept(c);
    return c.geometries;
}

// Every LOD under a node whose name starts with `prefix`.
struct LodCollector : osg::NodeVisitor {
    explicit LodCollector(std::string p) : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), prefix(std::move(p)) {}
    void apply(osg::LOD& lod) override {
        if (lod.getName().rfind(prefix, 0) == 0)
            lods.push_back(&lod);
        traverse(lod);
    }
    std::string prefix;
    std::vector<osg::LOD*> lods;
};

std::vector<osg::LOD*> lodsOf(osg::Node* node, const std::string& prefix) {
    LodCollector c(prefix);
    node->accept(c);
    return c.lods;
}

std::size_t trianglesOf(osg::Node* node) {
    std::size_t n = 0;
    for (osg::Geometry* g : geometriesOf(node))
        for (unsigned i = 0; i < g->getNumPrimitiveSets(); ++i)
            if (g->getPrimitiveSet(i)->getMode() == GL_TRIANGLES)
                n += g->getPrimitiveSet(i)->getNumIndices() / 3;
    return n;
}

// Largest |z - ground - offset| over a sample of the named geometry's vertices, with `ground` probed on
// `terrain` (whose LODs the probe resolves to their first child); `checked` counts the probes that hit.
double drapeError(osg::Node* zones, const std::string& geometryName, osg::Node* terrain, double offset,
                  int& checked) {
    double worst = 0;
    int index = 0;
    checked = 0;
    for (osg::Geometry* g : geometriesOf(zones)) {
        if (g->getName() != geometryName)
            continue;
        for (const osg::Vec3& p : *static_cast<const osg::Vec3Array*>(g->getVertexArray())) {
            if (index++ % 37 != 0)
                continue;
            osg::ref_ptr<osgUtil::LineSegmentIntersector> probe = new osgUtil::LineSegmentIntersector(
                osg::Vec3d(p.x(), p.y(), p.z() + 500.0), osg::Vec3d(p.x(), p.y(), p.z() - 500.0));
            osgUtil::IntersectionVisitor visitor(probe.get());
            terrain->accept(visitor);
            if (!probe->containsIntersections())
                continue;
            const double ground = probe->getFirstIntersection().getLocalIntersectPoint().z();
            worst = std::max(worst, std::abs(p.z() - ground - offset));
            ++checked;
        }
    }
    return worst;
}

const gis::Layer* firstLayer(const gis::Project& p, gis::LayerKind kind) {
    for (const auto& l : p.layers)
        if (l.kind() == kind)
            return &l;
    return nullptr;
}

} // namespace

class TestSceneBuilder : public QObject {
    Q_OBJECT

private:
    gis::Project mProject;
    gis::Vec3 mOrigin;
    osg::ref_ptr<osg::MatrixTransform> mRoot;

private slots:
    void initTestCase() {
        mProject = gis::demo::makeDemoCity();
        QVERIFY(!mProject.layers.empty());
        QVERIFY(firstLayer(mProject, gis::LayerKind::Buildings));
        QVERIFY(firstLayer(mProject, gis::LayerKind::Zones));
        QVERIFY(mProject.terrain());
        mOrigin = mProject.origin();
        mRoot = viewer::buildProjectScene(mProject, mOrigin);
        QVERIFY(mRoot);
    }

    void rootHoldsOriginInDouble() {
        const osg::Matrixd m = mRoot->getMatrix();
        QCOMPARE(m.getTrans().x(), mOrigin.x);
        QCOMPARE(m.getTrans().y(), mOrigin.y);
        QCOMPARE(m.getTrans().z(), mOrigin.z);
        // Project coordinates are large (Gauss-Kruger northings ~3.4e6): the origin must not be near zero.
        QVERIFY(std::abs(mOrigin.y) > 1000);
    }

    void verticesAreLocal() {
        std::size_t vertices = 0;
        for (osg::Geometry* g : geometriesOf(mRoot.get())) {
            const auto* v = dynamic_cast<const osg::Vec3Array*>(g->getVertexArray());
            QVERIFY2(v, g->getName().c_str());
            for (const osg::Vec3& p : *v) {
                QVERIFY2(p.length() < 20000.0f, qPrintable(QString("%1: vertex at %2 m from the origin")
                                                               .arg(QString::fromStdString(g->getName()))
                                                               .arg(p.length())));
                ++vertices;
            }
            QVERIFY(!g->getUseDisplayList());
            QVERIFY(g->getUseVertexBufferObjects());
        }
        QVERIFY(vertices > 1000);
    }

    void oneNamedNodePerLayer() {
        QCOMPARE(int(mRoot->getNumChildren()), int(mProject.layers.size()));
        for (std::size_t i = 0; i < mProject.layers.size(); ++i) {
            const std::string expected = "layer:" + mProject.layers[i].id;
            QCOMPARE(viewer::layerNodeName(mProject.layers[i].id), expected);
            QCOMPARE(mRoot->getChild(unsigned(i))->getName(), expected);
            QCOMPARE(viewer::findLayerNode(mRoot.get(), mProject.layers[i].id), mRoot->getChild(unsigned(i)));
        }
        QVERIFY(viewer::findLayerNode(mRoot.get(), "no_such_layer") == nullptr);
    }

    void toggleLayerVisibility() {
        const gis::Layer* buildings = firstLayer(mProject, gis::LayerKind::Buildings);
        osg::Node* node = viewer::findLayerNode(mRoot.get(), buildings->id);
        const int all = viewer::countDrawCalls(mRoot.get());
        const int own = viewer::countDrawCalls(node);
        QVERIFY(own > 0);
        viewer::setLayerVisible(mRoot.get(), buildings->id, false);
        QCOMPARE(node->getNodeMask(), 0u);
        QCOMPARE(viewer::countDrawCalls(mRoot.get()), all - own);
        viewer::setLayerVisible(mRoot.get(), buildings->id, true);
        QVERIFY(node->getNodeMask() != 0u);
        QCOMPARE(viewer::countDrawCalls(mRoot.get()), all);
    }

    void hiddenLayerStartsHidden() {
        gis::Project p = mProject;
        p.layers.front().visible = false;
        auto root = viewer::buildProjectScene(p, mOrigin);
        QCOMPARE(root->getChild(0)->getNodeMask(), 0u);
    }

    void zonesFollowTerrain() {
        // Every fill vertex lies kZoneDrapeOffset above the terrain mesh as rendered (which may be coarser
        // than the DEM): probe the terrain layer's triangles straight below a sample of fill vertices.
        const gis::Layer* zones = firstLayer(mProject, gis::LayerKind::Zones);
        osg::Node* node = viewer::findLayerNode(mRoot.get(), zones->id);
        osg::Node* terrain =
            viewer::findLayerNode(mRoot.get(), firstLayer(mProject, gis::LayerKind::Terrain)->id);
        QVERIFY(terrain);
        int checked = 0;
        const double worst = drapeError(node, "zones_fill", terrain, viewer::kZoneDrapeOffset, checked);
        QVERIFY2(checked > 100, "no draped zone vertices found");
        // Float vertices relative to the origin: centimetres at most.
        QVERIFY2(worst < 0.02, qPrintable(QString("zone vertex %1 m off the terrain").arg(worst)));
    }

    void naturalCityIsBatched() {
        const gis::Layer* buildings = firstLayer(mProject, gis::LayerKind::Buildings);
        const int calls = viewer::countDrawCalls(viewer::findLayerNode(mRoot.get(), buildings->id));
        QVERIFY2(calls >= 1 && calls <= 4,
                 qPrintable(QString("%1 draw calls for the natural city").arg(calls)));
    }

    void hundredThousandBuildingsUnderHundredDrawCalls() {
        const gis::Project big = gis::demo::makeDemoCity({.seed = 42, .buildingCount = 100000});
        std::size_t count = 0;
        for (const auto& l : big.layers)
            if (l.kind() == gis::LayerKind::Buildings)
                count += l.featureCount();
        QCOMPARE(int(count), 100000);
        auto root = viewer::buildProjectScene(big, big.origin());
        const int calls = viewer::countDrawCalls(root.get());
        qInfo("100,000 buildings: %d draw calls for the whole scene", calls);
        QVERIFY2(calls < 100, qPrintable(QString("%1 draw calls").arg(calls)));
    }

    void buildingTilesHaveScreenSizeLods() {
        // 10,000 boxes: every tile is an LOD by pixel size; the near child holds every building's full
        // geometry (10 triangles per box: 4 walls and a roof), the far child merged blocks, far fewer.
        const gis::Project city = gis::demo::makeDemoCity({.seed = 42, .buildingCount = 10000});
        const gis::Layer* layer = firstLayer(city, gis::LayerKind::Buildings);
        QVERIFY(layer);
        const auto& buildings = std::get<gis::BuildingLayerData>(layer->data).buildings;
        for (const auto& b : buildings)
            QCOMPARE(int(b.footprint.outer.size()), 4);
        osg::ref_ptr<osg::Node> node = viewer::buildBuildingsNode(buildings, city.origin(), nullptr);
        const std::vector<osg::LOD*> lods = lodsOf(node.get(), "buildings_lod_");
        QVERIFY2(lods.size() >= 4, qPrintable(QString("%1 building LODs").arg(lods.size())));
        std::size_t near = 0, far = 0;
        for (osg::LOD* lod : lods) {
            QCOMPARE(lod->getRangeMode(), osg::LOD::PIXEL_SIZE_ON_SCREEN);
            QCOMPARE(lod->getNumChildren(), 2u);
            QCOMPARE(lod->getNumRanges(), 2u);
            const float threshold = lod->getMinRange(0);
            QVERIFY(threshold > 10.0f);
            QCOMPARE(lod->getMaxRange(0), std::numeric_limits<float>::max());
            QCOMPARE(lod->getMinRange(1), 0.0f);
            QCOMPARE(lod->getMaxRange(1), threshold);
            QVERIFY(lod->getChild(0)->getName().rfind("buildings_tile_", 0) == 0);
            QVERIFY(lod->getChild(1)->getName().rfind("buildings_far_", 0) == 0);
            const std::size_t n = trianglesOf(lod->getChild(0)), f = trianglesOf(lod->getChild(1));
            QVERIFY2(f * 3 < n, qPrintable(QString("far %1 vs near %2 triangles").arg(f).arg(n)));
            near += n;
            far += f;
        }
        QCOMPARE(near, buildings.size() * 10);
        QCOMPARE(trianglesOf(node.get()), near + far);
        // Draw calls count one child per LOD.
        QCOMPARE(viewer::countDrawCalls(node.get()), int(lods.size()));
    }

    void terrainAndZonesSwitchTogether() {
        // The terrain has a coarse level; the zones LOD has the same centre, radius and ranges, and each zone
        // level lies kZoneDrapeOffset above the terrain level it renders with.
        osg::Node* terrain =
            viewer::findLayerNode(mRoot.get(), firstLayer(mProject, gis::LayerKind::Terrain)->id);
        osg::Node* zones =
            viewer::findLayerNode(mRoot.get(), firstLayer(mProject, gis::LayerKind::Zones)->id);
        const std::vector<osg::LOD*> t = lodsOf(terrain, "terrain_lod");
        const std::vector<osg::LOD*> z = lodsOf(zones, "zones_lod");
        QCOMPARE(int(t.size()), 1);
        QCOMPARE(int(z.size()), 1);
        QCOMPARE(t[0]->getRangeMode(), osg::LOD::PIXEL_SIZE_ON_SCREEN);
        QCOMPARE(t[0]->getNumChildren(), 2u);
        QCOMPARE(z[0]->getNumChildren(), 2u);
        QCOMPARE(z[0]->getCenter(), t[0]->getCenter());
        QCOMPARE(z[0]->getRadius(), t[0]->getRadius());
        QCOMPARE(z[0]->getRangeList(), t[0]->getRangeList());
        QVERIFY(trianglesOf(t[0]->getChild(1)) * 3 < trianglesOf(t[0]->getChild(0)));
        int checked = 0;
        const double coarse = drapeError(z[0]->getChild(1), "zones_fill_coarse", t[0]->getChild(1),
                                         viewer::kZoneDrapeOffset, checked);
        QVERIFY2(checked > 100, "no coarse draped zone vertices found");
        QVERIFY2(coarse < 0.02,
                 qPrintable(QString("coarse zone vertex %1 m off the coarse terrain").arg(coarse)));
    }

    void cameraConversionsRoundTrip() {
        const gis::CameraView views[] = {{500000.5, 3380000.25, 120.0, 30.0, -35.0},
                                         {1.0, 2.0, 3.0, 0.0, 0.0},
                                         {10.0, 20.0, 300.0, 271.5, -89.0},
                                         {10.0, 20.0, 300.0, 135.0, 20.0}};
        for (const auto& v : views) {
            const gis::CameraView back = viewer::viewFromCameraMatrix(viewer::cameraMatrixFromView(v));
            QCOMPARE(back.east, v.east);
            QCOMPARE(back.north, v.north);
            QCOMPARE(back.height, v.height);
            QVERIFY(std::abs(back.heading - v.heading) < 1e-6);
            QVERIFY(std::abs(back.pitch - v.pitch) < 1e-6);
        }
        // Heading 90 looks east; pitch -90 looks straight down.
        osg::Matrixd m = viewer::cameraMatrixFromView({0, 0, 0, 90, 0});
        osg::Vec3d forward = osg::Matrixd::transform3x3(osg::Vec3d(0, 0, -1), m);
        QVERIFY((forward - osg::Vec3d(1, 0, 0)).length() < 1e-9);
        m = viewer::cameraMatrixFromView({0, 0, 0, 0, -90});
        forward = osg::Matrixd::transform3x3(osg::Vec3d(0, 0, -1), m);
        QVERIFY((forward - osg::Vec3d(0, 0, -1)).length() < 1e-9);
        QCOMPARE(viewer::viewFromCameraMatrix(m).heading, 0.0);
    }

    void framingViewSeesTheExtent() {
        gis::Extent e;
        e.include(1000, 2000);
        e.include(3000, 3000);
        const gis::CameraView v = viewer::framingView(e, 0, 100, 30, 1.6);
        QVERIFY(v.north < 2000); // from the south
        QVERIFY(v.height > 100);
        QVERIFY(v.pitch < -20 && v.pitch > -50);
        QVERIFY(v.heading > 0 && v.heading < 45);
        const gis::CameraView home = viewer::defaultProjectView(mProject);
        QVERIFY(std::isfinite(home.east) && std::isfinite(home.height));
    }

    void writesOsgtNodeTree() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("demo_scene.osgt");
        QVERIFY(osgDB::writeNodeFile(*mRoot, path.toStdString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.size() > 1000);
        QVERIFY(text.contains("osg::MatrixTransform"));
        QVERIFY(text.contains("\"project\""));
        for (const auto& layer : mProject.layers)
            QVERIFY2(text.contains(QByteArray::fromStdString("\"layer:" + layer.id + "\"")),
                     layer.id.c_str());
        QVERIFY(text.contains("\"buildings_tile_0\""));
        QVERIFY(text.contains("\"zones_fill\""));
        QVERIFY(text.contains("\"terrain_tile_0\""));
        QVERIFY(text.contains("DrawElementsUInt"));
    }
};

QTEST_GUILESS_MAIN(TestSceneBuilder)
#include "test_scene_builder.moc"
