// The interactive viewport under an X server: rendering, walk mode (eye height, walls stop the walker), orbit
// zoom, cursor picking and layer toggles.
#include "gl_test_main.h"

#include "gis/analysis/walk.h"
#include "gis/demo/demo_city.h"
#include "viewer/qt/viewer_widget.h"
#include "viewer/qt/viewport_overlay.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QWheelEvent>

#include <cmath>
#include <variant>

namespace {

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return colours.size();
}

const std::vector<gis::Building>& buildingsOf(const gis::Project& p) {
    for (const auto& l : p.layers)
        if (const auto* b = std::get_if<gis::BuildingLayerData>(&l.data))
            return b->buildings;
    static const std::vector<gis::Building> none;
    return none;
}

bool insideAnyBuilding(const gis::Project& p, double x, double y) {
    for (const auto& b : buildingsOf(p))
        if (b.footprint.extent().contains(x, y) && gis::contains(b.footprint.outer, {x, y}))
            return true;
    return false;
}

// A start point `gap` metres outside building `b`, with a free straight path to its centroid.
struct Approach {
    gis::Vec2 start;
    gis::Vec2 target;
    double heading = 0;
    const gis::Building* building = nullptr;
};

std::optional<Approach> findApproach(const gis::Project& p, double gap) {
    for (const auto& b : buildingsOf(p)) {
        if (b.footprint.outer.size() < 3 || b.height < 6 || !b.footprint.holes.empty())
            continue;
        gis::Vec2 c;
        for (const auto& v : b.footprint.outer)
            c = c + v;
        c = c * (1.0 / double(b.footprint.outer.size()));
        if (!gis::contains(b.footprint.outer, {c.x, c.y}))
            continue;
        for (double heading : {0.0, 90.0, 180.0, 270.0}) {
            const double h = heading * M_PI / 180;
            const gis::Vec2 dir{std::sin(h), std::cos(h)}; // walking direction
            // Step back from the centroid until outside the footprint, then `gap` more.
            double t = 0;
            while (t < 500 && gis::contains(b.footprint.outer, {c.x - dir.x * t, c.y - dir.y * t}))
                t += 0.25;
            const double startT = t + gap;
            const gis::Vec2 start = c - dir * startT;
            bool clear = true;
            for (double s = 0; s < startT - t && clear; s += 0.25) {
                const gis::Vec2 q = start + dir * s;
                clear = !insideAnyBuilding(p, q.x, q.y);
                // keep a body radius from other buildings' walls too
                for (double a = 0; a < 6.3 && clear; a += 0.8)
                    clear = !insideAnyBuilding(p, q.x + 0.6 * std::cos(a), q.y + 0.6 * std::sin(a)) ||
                            s > startT - t - 1.0;
            }
            if (clear)
                return Approach{start, c, heading, &b};
        }
    }
    return std::nullopt;
}

} // namespace

class TestViewerWidget : public QObject {
    Q_OBJECT

private:
    gis::Project mProject;
    std::unique_ptr<viewer::ViewerWidget> mWidget;

private slots:
    void initTestCase() {
        URBIS_REQUIRE_DISPLAY();
        mProject = gis::demo::makeDemoCity();
        mWidget = std::make_unique<viewer::ViewerWidget>();
        mWidget->resize(800, 500);
        mWidget->setProject(&mProject);
        mWidget->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWidget.get()));
        mWidget->activateWindow();
        mWidget->setFocus();
    }

    void cleanupTestCase() { mWidget.reset(); }

    void rendersSomething() {
        URBIS_REQUIRE_DISPLAY();
        const QImage image = mWidget->renderToImage();
        QVERIFY(!image.isNull());
        const int colours = distinctColours(image);
        QVERIFY2(colours > 200, qPrintable(QString("only %1 distinct colours").arg(colours)));
        QVERIFY(mWidget->lastDrawCalls() > 0);
        image.save(QCoreApplication::applicationDirPath() + "/test_viewer_widget.png");
    }

    void layerToggleChangesImage() {
        URBIS_REQUIRE_DISPLAY();
        const QImage before = mWidget->renderToImage();
        const int calls = mWidget->lastDrawCalls();
        QString buildings;
        for (const auto& l : mProject.layers)
            if (l.kind() == gis::LayerKind::Buildings)
                buildings = QString::fromStdString(l.id);
        mWidget->setLayerVisible(buildings, false);
        const QImage after = mWidget->renderToImage();
        QVERIFY(mWidget->lastDrawCalls() < calls);
        QVERIFY(before != after);
        mWidget->setLayerVisible(buildings, true);
    }

    void orbitWheelZooms() {
        URBIS_REQUIRE_DISPLAY();
        mWidget->setCameraMode(viewer::CameraMode::Orbit);
        mWidget->home();
        mWidget->renderToImage();
        const gis::CameraView before = mWidget->cameraView();
        QSignalSpy changed(mWidget.get(), &viewer::ViewerWidget::cameraViewChanged);
        const QPointF centre(mWidget->width() / 2.0, mWidget->height() / 2.0);
        QWheelEvent wheel(centre, mWidget->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(mWidget.get(), &wheel);
        const gis::CameraView after = mWidget->cameraView();
        QVERIFY(changed.count() >= 1);
        QVERIFY(!(after == before));
        const double ground = mProject.groundHeight(before.east, before.north);
        QVERIFY2(after.height - ground < before.height - ground,
                 qPrintable(QString("height %1 -> %2").arg(before.height).arg(after.height)));
        QCOMPARE(after.heading, before.heading);
    }

    void orbitDragRotates() {
        URBIS_REQUIRE_DISPLAY();
        mWidget->home();
        const gis::CameraView before = mWidget->cameraView();
        const QPointF a(400, 250), b(480, 250);
        QMouseEvent press(QEvent::MouseButtonPress, a, mWidget->mapToGlobal(a), Qt::LeftButton,
                          Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(mWidget.get(), &press);
        QMouseEvent move(QEvent::MouseMove, b, mWidget->mapToGlobal(b), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(mWidget.get(), &move);
        QMouseEvent release(QEvent::MouseButtonRelease, b, mWidget->mapToGlobal(b), Qt::LeftButton,
                            Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(mWidget.get(), &release);
        const gis::CameraView after = mWidget->cameraView();
        QVERIFY(std::abs(after.heading - before.heading) > 5);
    }

    void cursorReportsProjectCoordinates() {
        URBIS_REQUIRE_DISPLAY();
        mWidget->home();
        mWidget->renderToImage();
        QSignalSpy moved(mWidget.get(), &viewer::ViewerWidget::cursorMoved);
        const QPointF p(400, 300);
        QMouseEvent move(QEvent::MouseMove, p, mWidget->mapToGlobal(p), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QApplication::sendEvent(mWidget.get(), &move);
        QTRY_VERIFY(moved.count() >= 1);
        const double east = moved.last().at(0).toDouble(), north = moved.last().at(1).toDouble();
        const double height = moved.last().at(2).toDouble();
        const gis::Extent e = mProject.extent();
        QVERIFY2(e.contains(east, north), qPrintable(QString("cursor at %1, %2").arg(east).arg(north)));
        QVERIFY(height >= mProject.groundHeight(east, north) - 1.0);
    }

    void scaleBarArithmetic() {
        QCOMPARE(viewer::ViewportOverlay::niceLength(730), 500.0);
        QCOMPARE(viewer::ViewportOverlay::niceLength(199), 100.0);
        QCOMPARE(viewer::ViewportOverlay::niceLength(0.3), 0.2);
        QCOMPARE(viewer::ViewportOverlay::niceLength(0), 0.0);
        viewer::OverlayState s;
        s.view = {0, 0, 1020, 0, -90};
        s.groundUnderCamera = 20;
        s.verticalFovDeg = 30;
        // Straight down from 1000 m with a 30 degree field of view over 500 px: 2 * 1000 * tan(15 deg) / 500.
        QVERIFY(std::abs(viewer::ViewportOverlay::metresPerPixel(s, 500) - 2000 * std::tan(M_PI / 12) / 500) <
                1e-9);
        s.view.pitch = 0; // looking at the horizon: no scale
        QCOMPARE(viewer::ViewportOverlay::metresPerPixel(s, 500), 0.0);
    }

    void walkModeEyeHeight() {
        URBIS_REQUIRE_DISPLAY();
        mWidget->home();
        QSignalSpy modeChanged(mWidget.get(), &viewer::ViewerWidget::cameraModeChanged);
        mWidget->setCameraMode(viewer::CameraMode::Walk);
        QCOMPARE(mWidget->cameraMode(), viewer::CameraMode::Walk);
        QCOMPARE(modeChanged.count(), 1);
        const gis::CameraView v = mWidget->cameraView();
        const double expected =
            mProject.groundHeight(v.east, v.north) + gis::analysis::WalkConstraint::kEyeHeight;
        QVERIFY2(std::abs(v.height - expected) <= 0.05,
                 qPrintable(QString("eye at %1, expected %2").arg(v.height).arg(expected)));
        QVERIFY(!insideAnyBuilding(mProject, v.east, v.north));
        const QImage image = mWidget->renderToImage();
        QVERIFY(distinctColours(image) > 50);
        image.save(QCoreApplication::applicationDirPath() + "/test_viewer_widget_walk.png");
    }

    void walkingStopsAtWalls() {
        URBIS_REQUIRE_DISPLAY();
        mWidget->setCameraMode(viewer::CameraMode::Walk);
        const double gap = 6.0;
        const auto approach = findApproach(mProject, gap);
        QVERIFY2(approach, "no building with a free approach in the demo city");
        mWidget->setCameraView({approach->start.x, approach->start.y, 0, approach->heading, 0});
        const gis::CameraView start = mWidget->cameraView();
        QVERIFY(std::hypot(start.east - approach->start.x, start.north - approach->start.y) < 0.01);
        mWidget->setFocus();
        QTest::keyPress(mWidget.get(), Qt::Key_W);
        // Walking is time-based, but a loaded machine (software GL, parallel tests) may deliver few timer
        // ticks: wait until the walker has covered most of the gap (not a fixed time), then keep the key down
        // for twice the time it takes to cross the rest, so it would pass the wall if walls did not stop it.
        // Progress along the heading (towards the wall); sliding along an oblique wall does not count.
        const double h = approach->heading * M_PI / 180.0;
        const auto alongHeading = [&](const gis::CameraView& v) {
            return (v.east - start.east) * std::sin(h) + (v.north - start.north) * std::cos(h);
        };
        const auto walkedSoFar = [&] { return alongHeading(mWidget->cameraView()); };
        QTRY_VERIFY_WITH_TIMEOUT(walkedSoFar() > gap - 1.5, 150000);
        QElapsedTimer extra;
        extra.start();
        const double before = walkedSoFar();
        const double target = before + 0.5 * (gap - before) - 0.35;
        while (extra.elapsed() < 3000 || (walkedSoFar() < target && extra.elapsed() < 30000))
            QTest::qWait(50);
        QTest::keyRelease(mWidget.get(), Qt::Key_W);
        const gis::CameraView end = mWidget->cameraView();
        const double walked = alongHeading(end);
        QVERIFY2(walked > 2.0, qPrintable(QString("walked only %1 m").arg(walked)));
        QVERIFY2(walked < gap + 0.01,
                 qPrintable(QString("walked %1 m through a wall %2 m away").arg(walked).arg(gap)));
        QVERIFY2(!insideAnyBuilding(mProject, end.east, end.north),
                 qPrintable(QString("eye inside a building at %1, %2")
                                .arg(end.east, 0, 'f', 2)
                                .arg(end.north, 0, 'f', 2)));
        const double expected =
            mProject.groundHeight(end.east, end.north) + gis::analysis::WalkConstraint::kEyeHeight;
        QVERIFY(std::abs(end.height - expected) <= 0.05);
        mWidget->setCameraMode(viewer::CameraMode::Orbit);
    }
};

URBIS_GL_TEST_MAIN(TestViewerWidget, QApplication)
#include "test_viewer_widget.moc"
