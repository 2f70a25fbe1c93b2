// Offscreen rendering of the demo city compared with a golden image (tests/viewer/golden/README.md).
#include "gl_test_main.h"

#include "gis/demo/demo_city.h"
#include "viewer/qt/offscreen_renderer.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QSet>

#include <cmath>

namespace {

// Golden tolerance (also in tests/viewer/golden/README.md). Mesa llvmpipe output varies slightly with the
// Mesa version and CPU features (multisample resolve, line rasterisation, rounding); a real regression
// (missing layer, wrong camera, broken lighting) moves far more than this.
//  - mean absolute difference over all pixels and channels <= 6 (of 255)
//  - at most 2 % of pixels with a channel differing by more than 48
constexpr double kMaxMeanAbsDiff = 6.0;
constexpr double kMaxBadPixelFraction = 0.02;
constexpr int kBadPixelThreshold = 48;

const QSize kSize(640, 400);
// A fixed camera over the demo city (EPSG:4547) from the south-south-west; independent of the default
// framing.
const gis::CameraView kView{527510.0, 3376924.0, 2557.0, 20.0, -33.0};

QString goldenPath() {
    return QStringLiteral(URBIS_SOURCE_DIR "/tests/viewer/golden/demo_640x400.png");
}

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
    return colours.size();
}

} // namespace

class TestRender : public QObject {
    Q_OBJECT

private:
    gis::Project mProject;

    QImage render(const gis::Project& project) {
        viewer::OffscreenRenderer renderer(kSize);
        if (!renderer.isValid())
            qWarning("%s", qPrintable(renderer.error()));
        renderer.setProject(project);
        renderer.setCameraView(kView);
        return renderer.render();
    }

private slots:
    void initTestCase() {
        URBIS_REQUIRE_DISPLAY();
        QCOMPARE(viewer::OffscreenRenderer::unavailableReason(), QString());
        mProject = gis::demo::makeDemoCity();
    }

    void rendersTheDemoCity() {
        URBIS_REQUIRE_DISPLAY();
        const QImage image = render(mProject);
        QCOMPARE(image.size(), kSize);
        const QString out =
            QDir(QCoreApplication::applicationDirPath()).filePath("test_render_demo_640x400.png");
        QVERIFY(image.save(out));
        qInfo("rendered image written to %s", qPrintable(out));

        // Not blank: terrain, buildings, zones and sky give many colours.
        const int colours = distinctColours(image);
        QVERIFY2(colours > 500, qPrintable(QString("only %1 distinct colours").arg(colours)));

        // Buildings are visible: hiding the building layer changes a good share of the pixels.
        gis::Project noBuildings = mProject;
        for (auto& layer : noBuildings.layers)
            if (layer.kind() == gis::LayerKind::Buildings)
                layer.visible = false;
        const QImage without = render(noBuildings);
        int buildingPixels = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QRgb a = image.pixel(x, y), b = without.pixel(x, y);
                if (std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) +
                        std::abs(qBlue(a) - qBlue(b)) >
                    30)
                    ++buildingPixels;
            }
        const double share = double(buildingPixels) / (image.width() * image.height());
        QVERIFY2(share > 0.02,
                 qPrintable(QString("buildings cover only %1 % of the image").arg(share * 100)));
    }

    void matchesGolden() {
        URBIS_REQUIRE_DISPLAY();
        const QImage image = render(mProject).convertToFormat(QImage::Format_RGB32);
        if (qEnvironmentVariable("URBIS_UPDATE_GOLDEN") == "1") {
            QVERIFY(image.save(goldenPath()));
            qInfo("golden image rewritten: %s", qPrintable(goldenPath()));
            return;
        }
        QImage golden(goldenPath());
        QVERIFY2(!golden.isNull(), qPrintable("missing golden image " + goldenPath() +
                                              " (create it with URBIS_UPDATE_GOLDEN=1)"));
        golden = golden.convertToFormat(QImage::Format_RGB32);
        QCOMPARE(golden.size(), image.size());
        double sum = 0;
        int bad = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QRgb a = image.pixel(x, y), b = golden.pixel(x, y);
                const int dr = std::abs(qRed(a) - qRed(b)), dg = std::abs(qGreen(a) - qGreen(b)),
                          db = std::abs(qBlue(a) - qBlue(b));
                sum += dr + dg + db;
                if (std::max({dr, dg, db}) > kBadPixelThreshold)
                    ++bad;
            }
        const double pixels = double(image.width()) * image.height();
        const double mean = sum / (pixels * 3);
        const double badFraction = bad / pixels;
        qInfo("golden comparison: mean abs diff %.3f (max %.1f), %.3f %% pixels > %d (max %.1f %%)", mean,
              kMaxMeanAbsDiff, badFraction * 100, kBadPixelThreshold, kMaxBadPixelFraction * 100);
        QVERIFY2(mean <= kMaxMeanAbsDiff,
                 qPrintable(QString("mean abs diff %1 > %2").arg(mean).arg(kMaxMeanAbsDiff)));
        QVERIFY2(badFraction <= kMaxBadPixelFraction,
                 qPrintable(QString("%1 % of pixels differ by more than %2")
                                .arg(badFraction * 100)
                                .arg(kBadPixelThreshold)));
    }

    void measuresFrames() {
        URBIS_REQUIRE_DISPLAY();
        viewer::OffscreenRenderer renderer(kSize);
        QVERIFY2(renderer.isValid(), qPrintable(renderer.error()));
        renderer.setProject(mProject);
        const viewer::FrameStats stats = renderer.measure(3);
        QCOMPARE(stats.frames, 3);
        QVERIFY(stats.seconds > 0);
        QVERIFY(stats.framesPerSecond > 0);
        QVERIFY(stats.drawCalls > 0 && stats.drawCalls < 100);
    }
};

URBIS_GL_TEST_MAIN(TestRender, QGuiApplication)
#include "test_render.moc"
