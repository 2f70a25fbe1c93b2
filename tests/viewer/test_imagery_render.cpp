// Imagery in the scene: draped on the demo terrain (node tree, layer toggles, offscreen pixels) and flat
// where there is no terrain. The images are built here: a bright red/green checkerboard no terrain ramp
// resembles.
#include "gl_test_main.h"

#include "gis/demo/demo_city.h"
#include "viewer/qt/offscreen_renderer.h"
#include "viewer/scene/scene_builder.h"

#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osg/Switch>

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QImage>

namespace {

const QSize kSize(640, 400);
// The camera of tests/viewer/test_render.cpp: over the demo city from the south-south-west.
const gis::CameraView kView{527510.0, 3376924.0, 2557.0, 20.0, -33.0};

// Squares of `square` metres over `extent`, red and green, one pixel per `cell` metres.
gis::Layer checkerLayer(const std::string& id, const gis::Extent& extent, double cell, double square) {
    auto image = std::make_shared<gis::RgbaImage>(int(extent.width() / cell), int(extent.height() / cell));
    for (int row = 0; row < image->height; ++row)
        for (int col = 0; col < image->width; ++col) {
            const bool red = (int(col * cell / square) + int(row * cell / square)) % 2 == 0;
            std::uint8_t* p = image->at(col, row);
            p[0] = red ? 235 : 20;
            p[1] = red ? 20 : 225;
            p[2] = 25;
            p[3] = 255;
        }
    // The eastern quarter is transparent (nodata): the terrain shows there.
    for (int row = 0; row < image->height; ++row)
        for (int col = image->width * 3 / 4; col < image->width; ++col)
            image->at(col, row)[3] = 0;
    gis::ImageryLayerData data;
    data.source = "checker.tif";
    data.image = image;
    data.originX = extent.minX;
    data.originY = extent.maxY;
    data.cellSize = cell;
    return {id, id, true, data};
}

// The demo city with only its terrain visible, plus a checkerboard over the middle of the terrain.
gis::Project drapedDemo() {
    gis::Project p = gis::demo::makeDemoCity();
    for (auto& layer : p.layers)
        layer.visible = layer.kind() == gis::LayerKind::Terrain;
    gis::Extent e = p.terrain()->dem->extent();
    const double inset = e.width() * 0.1;
    e = gis::Extent{e.minX + inset, e.minY + inset, e.maxX - inset, e.maxY - inset};
    p.layers.insert(p.layers.begin(), checkerLayer("ortho", e, 4.0, 200.0));
    return p;
}

struct Shares {
    double red = 0, green = 0;
};

// Shares of clearly red and clearly green pixels in the middle third of the image.
Shares colourShares(const QImage& image) {
    int red = 0, green = 0, n = 0;
    for (int y = image.height() / 3; y < 2 * image.height() / 3; ++y)
        for (int x = image.width() / 3; x < 2 * image.width() / 3; ++x, ++n) {
            const QRgb c = image.pixel(x, y);
            red += qRed(c) > qGreen(c) + 60 && qRed(c) > qBlue(c) + 60;
            green += qGreen(c) > qRed(c) + 60 && qGreen(c) > qBlue(c) + 60;
        }
    return {double(red) / n, double(green) / n};
}

class SwitchFinder : public osg::NodeVisitor {
public:
    SwitchFinder() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) { setNodeMaskOverride(~0u); }
    void apply(osg::Switch& node) override {
        if (node.getName() == "terrain_drape")
            found.push_back(&node);
        traverse(node);
    }
    std::vector<osg::Switch*> found;
};

// The child that renders on the (single) terrain drape switch under `root`: exactly one does.
std::string activeDrape(osg::Group* root) {
    SwitchFinder finder;
    root->accept(finder);
    if (finder.found.size() != 1)
        return "switches: " + std::to_string(finder.found.size());
    const osg::Switch& drape = *finder.found[0];
    if (drape.getChild(0)->getName() != "terrain_plain")
        return "child 0 is not the plain terrain";
    std::string active;
    for (unsigned i = 0; i < drape.getNumChildren(); ++i)
        if (drape.getValue(i))
            active = active.empty() ? drape.getChild(i)->getName() : "two children on";
    return active.empty() ? "none on" : active;
}

} // namespace

class TestImageryRender : public QObject {
    Q_OBJECT

    QImage render(const gis::Project& project, const std::optional<gis::CameraView>& view, const char* name) {
        viewer::OffscreenRenderer renderer(kSize);
        if (!renderer.isValid())
            qWarning("%s", qPrintable(renderer.error()));
        renderer.setProject(project);
        renderer.setCameraView(view);
        const QImage image = renderer.render();
        const QString out = QDir(QCoreApplication::applicationDirPath()).filePath(name);
        if (image.save(out))
            qInfo("rendered image written to %s", qPrintable(out));
        return image;
    }

private slots:
    void drapeFollowsImageryVisibility() {
        // No GL needed: the node tree and the switch the layer toggle drives.
        gis::Project p = drapedDemo();
        gis::Extent second = p.terrain()->dem->extent();
        p.layers.push_back(checkerLayer("later", second, 20.0, 100.0));
        auto root = viewer::buildProjectScene(p, p.origin());
        QCOMPARE(activeDrape(root.get()), std::string("terrain_drape:ortho"));
        // Over the terrain, the imagery layer node itself holds nothing (no flat quad under the drape).
        QCOMPARE(viewer::findLayerNode(root.get(), "ortho")->asGroup()->getNumChildren(), 0u);
        viewer::setLayerVisible(root.get(), "ortho", false);
        QCOMPARE(activeDrape(root.get()), std::string("terrain_drape:later"));
        viewer::setLayerVisible(root.get(), "later", false);
        QCOMPARE(activeDrape(root.get()), std::string("terrain_plain"));
        viewer::setLayerVisible(root.get(), "ortho", true);
        QCOMPARE(activeDrape(root.get()), std::string("terrain_drape:ortho"));
        // A project built with the imagery hidden starts on the plain terrain.
        p.layers[0].visible = false;
        p.layers.back().visible = false;
        QCOMPARE(activeDrape(viewer::buildProjectScene(p, p.origin()).get()), std::string("terrain_plain"));
        // The drape renders instead of the plain terrain: no extra draw calls.
        gis::Project draped = drapedDemo();
        gis::Project plain = draped;
        plain.layers.erase(plain.layers.begin());
        QCOMPARE(viewer::countDrawCalls(viewer::buildProjectScene(draped, p.origin()).get()),
                 viewer::countDrawCalls(viewer::buildProjectScene(plain, p.origin()).get()));
    }

    void drapedImageryShowsOnTheTerrain() {
        URBIS_REQUIRE_DISPLAY();
        gis::Project p = drapedDemo();
        const QImage drapedImage = render(p, kView, "test_imagery_draped.png");
        const Shares draped = colourShares(drapedImage);
        qInfo("draped: %.1f %% red, %.1f %% green", draped.red * 100, draped.green * 100);
        QVERIFY2(draped.red > 0.2 && draped.green > 0.2,
                 qPrintable(QString("red %1, green %2").arg(draped.red).arg(draped.green)));
        // Hidden imagery: the terrain's own ramp, neither red nor green.
        p.layers[0].visible = false;
        const QImage hiddenImage = render(p, kView, "test_imagery_hidden.png");
        const Shares plain = colourShares(hiddenImage);
        QVERIFY2(plain.red < 0.01 && plain.green < 0.01,
                 qPrintable(QString("red %1, green %2").arg(plain.red).arg(plain.green)));
        // Right of the checkerboard lie its transparent eastern quarter and the terrain beyond the image: the
        // same colours as without imagery (no white or black where the image has no pixels).
        double diff = 0;
        int n = 0;
        for (int y = kSize.height() * 2 / 5; y < kSize.height() * 11 / 20; ++y)
            for (int x = kSize.width() * 22 / 25; x < kSize.width() * 49 / 50; ++x, ++n) {
                const QRgb a = drapedImage.pixel(x, y), b = hiddenImage.pixel(x, y);
                diff += std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) +
                        std::abs(qBlue(a) - qBlue(b));
            }
        QVERIFY2(diff / (3 * n) < 3, qPrintable(QString("mean difference %1").arg(diff / (3 * n))));
    }

    void imageryWithoutTerrainLiesFlat() {
        URBIS_REQUIRE_DISPLAY();
        gis::Project p;
        p.crs = gis::Crs{gis::demo::kDemoCrs};
        p.layers.push_back(checkerLayer("flat", gis::Extent{527000, 3377000, 528000, 3378000}, 2.0, 100.0));
        const Shares flat = colourShares(render(p, std::nullopt, "test_imagery_flat.png"));
        QVERIFY2(flat.red > 0.2 && flat.green > 0.2,
                 qPrintable(QString("red %1, green %2").arg(flat.red).arg(flat.green)));
    }
};

URBIS_GL_TEST_MAIN(TestImageryRender, QGuiApplication)
#include "test_imagery_render.moc"
