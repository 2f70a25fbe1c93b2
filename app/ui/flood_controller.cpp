#include "app/ui/flood_controller.h"
#include "app/ui/flood_controller_state.h"

#include "app/model/document.h"
#include "app/model/task_runner.h"
#include "app/ui/flood_panel.h"
#include "app/ui/flood_results_panel.h"
#include "app/ui/landcover_dialog.h"
#include "gis/analysis/flood/depression_fill.h"
#include "gis/analysis/flood/flood_export.h"
#include "gis/analysis/flood/flood_impact.h"
#include "gis/analysis/flood/hydrograph.h"
#include "gis/analysis/flood/inertial_model.h"
#include "gis/analysis/flood/project_grid.h"
#include "gis/analysis/flood/static_flood.h"
#include "gis/io/raster_io.h"
#include "viewer/qt/viewer_widget.h"
#include "viewer/scene/flood_overlay.h"

#include <osg/Group>

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QSet>
#include <QTextStream>
#include <QTimer>

#include <cmath>
#include <optional>

namespace app {

namespace flood = gis::analysis::flood;

namespace {

// Cells, area, volume and maximum of a depth raster above the first class bound.
void measure(const gis::RasterF& depth, std::size_t& cells, double& area, double& volume, double& maxDepth) {
    cells = 0;
    volume = maxDepth = 0;
    const double cellArea = depth.cellSize * depth.cellSize;
    for (float v : depth.data)
        if (!std::isnan(v) && v >= flood::kDepthClasses[0]) {
            ++cells;
            volume += v * cellArea;
            maxDepth = std::max(maxDepth, double(v));
        }
    area = cells * cellArea;
}

QString hectares(double m2) {
    return QStringLiteral("%1 ha").arg(m2 / 1e4, 0, 'f', 2);
}

} // namespace

FloodController::FloodController(QMainWindow* window, Document* document, TaskRunner* tasks,
                                 viewer::ViewerWidget* viewer, QObject* parent)
    : QObject(parent), mWindow(window), mDocument(document), mTasks(tasks), mViewer(viewer),
      mPanel(new FloodPanel(window)), mResults(new FloodResultsPanel(window)), mAnimation(new QTimer(this)),
      d(std::make_unique<State>()) {
    mShow = new QAction(tr("&Flood Analysis"), this);
    mShow->setObjectName(QStringLiteral("actionFlood"));
    mShow->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    mShow->setStatusTip(tr("Static water levels, rain ponding and a 2D flood model over the terrain"));
    connect(mShow, &QAction::triggered, this, [this] {
        const bool first = mPanel->isHidden() && mResults->isHidden();
        mPanel->show();
        mResults->show();
        mPanel->raise();
        if (first) // the results (table, chart) need the room more than the inputs
            mWindow->resizeDocks({mPanel, mResults}, {2, 3}, Qt::Vertical);
    });

    connect(mPanel, &FloodPanel::computeStaticRequested, this, &FloodController::computeStatic);
    connect(mPanel, &FloodPanel::computePondingRequested, this, &FloodController::computePonding);
    connect(mPanel, &FloodPanel::runDynamicRequested, this, &FloodController::runDynamic);
    connect(mPanel, &FloodPanel::levelChanged, this, &FloodController::showLevel);
    connect(mPanel, &FloodPanel::editLandCoverRequested, this, [this] {
        LandCoverDialog dialog(LandCoverDialog::currentTable(), mWindow);
        if (dialog.exec() == QDialog::Accepted)
            emit logMessage(MessageLevel::Info, tr("Flood land-cover table saved; the next run uses it."));
    });
    connect(mPanel, &FloodPanel::animateToggled, this, [this](bool on) {
        if (on && d->staticModel) {
            mPanel->setLevel(d->staticModel->ground.valueRange()->first);
            mAnimation->start();
        } else {
            mAnimation->stop();
        }
    });
    mAnimation->setInterval(120);
    connect(mAnimation, &QTimer::timeout, this, [this] {
        if (!d->staticModel)
            return mPanel->setAnimating(false);
        const double top = d->staticModel->ground.valueRange()->second;
        const double next = mPanel->level() + 0.25;
        if (next > top)
            mPanel->setAnimating(false);
        else
            mPanel->setLevel(next);
    });
    connect(mViewer, &viewer::ViewerWidget::clicked, this, &FloodController::onViewerClicked);
    connect(mResults, &FloodResultsPanel::timeIndexChanged, this, &FloodController::showSnapshot);
    connect(mResults, &FloodResultsPanel::exportDepthRequested, this, &FloodController::exportDepth);
    connect(mResults, &FloodResultsPanel::exportBuildingsRequested, this, &FloodController::exportBuildings);
    connect(mResults, &FloodResultsPanel::keepScenarioRequested, this, &FloodController::keepScenario);
    connect(mResults, &FloodResultsPanel::buildingActivated, this, &FloodController::zoomToBuilding);
    connect(mTasks, &TaskRunner::busyChanged, mPanel, &FloodPanel::setBusy);
    connect(mDocument, &Document::projectReset, this, [this] {
        invalidate();
        clearOverlay();
        d->scenarioA.reset();
        mResults->setScenarioText({});
    });
    // Any layer edit changes the grid (buildings, terrain): the next run rebuilds it.
    connect(mDocument, &Document::layerChanged, this, &FloodController::invalidate);
    connect(mDocument, &Document::layersInserted, this, &FloodController::invalidate);
    connect(mDocument, &Document::layersRemoved, this, &FloodController::invalidate);
    connect(mDocument, &Document::layerVisibilityChanged, this, &FloodController::invalidate);
}

FloodController::~FloodController() = default;

void FloodController::populateMenu(QMenu* menu) {
    menu->addAction(mShow);
}

void FloodController::invalidate() {
    d->grid.reset();
    d->staticModel.reset();
    mPanel->setStaticReady(false);
    mAnimation->stop();
}

bool FloodController::acceptRun(const TaskOutcome& outcome, const QString& error,
                                const QString& canceledMessage,
                                std::shared_ptr<const flood::ProjectGrid> grid,
                                const FloodPanel::GridParams& params) {
    if (!outcome.succeeded() || !error.isEmpty()) {
        fail(outcome.canceled ? canceledMessage : !outcome.succeeded() ? outcome.error : error);
        return false;
    }
    if (grid != d->grid) {
        d->staticModel.reset();
        mPanel->setStaticReady(false);
    }
    d->grid = std::move(grid);
    d->gridParams = params;
    return true;
}

void FloodController::clearOverlay() {
    mViewer->setOverlay(QStringLiteral("flood"), nullptr);
    d->depth = {};
    d->impact = {};
    d->wetCells = 0;
    d->dynamic.reset();
    mResults->setTimes({});
    mResults->setGauge({}, {}, {});
    mResults->setImpact({});
    mResults->setExportsEnabled(false);
}

void FloodController::fail(const QString& message) {
    emit logMessage(MessageLevel::Error, message);
    emit statusMessage(message, 8000);
}

void FloodController::computeStatic() {
    const auto grid = mPanel->gridParams();
    const auto params = mPanel->staticParams();
    if (params.seeds == FloodPanel::SeedSource::ClickedPoint && !d->seedPoint)
        return fail(tr("Flood: pick a seed point in the 3D view first (Pick, then click the map)."));
    auto project = std::make_shared<gis::Project>(mDocument->project());
    auto cached = d->cachedGrid(grid);
    auto seedPoint = d->seedPoint;
    struct Out {
        std::shared_ptr<const flood::ProjectGrid> grid;
        std::shared_ptr<const flood::StaticFloodModel> model;
        double seedLevel = 0;
        QString error;
    };
    auto out = std::make_shared<Out>();
    const bool started = mTasks->start(
        tr("Computing flood connection levels…"),
        [=](gis::Progress& progress) {
            out->grid = hydrologyGrid(cached, *project, grid, out->error);
            if (!out->grid)
                return;
            flood::FloodSeeds seeds;
            if (params.seeds == FloodPanel::SeedSource::WaterBodies)
                seeds = flood::waterBodySeeds(out->grid->zones);
            else if (params.seeds == FloodPanel::SeedSource::DemEdge)
                seeds.edge = true;
            else
                seeds.points.push_back(*seedPoint);
            if (seeds.isEmpty())
                return void(out->error =
                                tr("Flood: the project has no water-body zones (class E) to seed the flood; "
                                   "choose the edge of the terrain or a clicked point."));
            auto cells = flood::seedCells(out->grid->dem, seeds, "the project terrain");
            if (!cells)
                return void(out->error = QString::fromStdString(cells.error()));
            double level = -1e300;
            for (std::uint32_t c : cells.value())
                level = std::max(level, double(out->grid->ground.data[c]));
            out->seedLevel = level;
            auto model = flood::buildStaticFlood(
                out->grid->dem, cells.value(), {},
                params.connectivity == 4 ? flood::Connectivity::Four : flood::Connectivity::Eight, progress);
            if (!model)
                return void(out->error = QString::fromStdString(model.error()));
            out->model = std::make_shared<flood::StaticFloodModel>(std::move(model).value());
        },
        [=, this](const TaskOutcome& outcome) {
            if (!acceptRun(outcome, out->error, tr("Flood computation canceled."), out->grid, grid))
                return;
            d->staticModel = out->model;
            d->dynamic.reset();
            mResults->setTimes({});
            mResults->setGauge({}, {}, {});
            const auto range = out->grid->ground.valueRange();
            mPanel->setLevelRange(range->first, range->second);
            mPanel->setStaticReady(true);
            // Start a few metres above the seeds (the river's water line in the demo): something to see.
            mPanel->setLevel(std::min(out->seedLevel + 3.0, range->second));
            showLevel(mPanel->level());
        });
    if (!started)
        fail(tr("Flood: another task is running; wait for it or cancel it."));
}

void FloodController::showLevel(double level) {
    if (!d->staticModel)
        return;
    flood::FloodResult r = flood::depthAt(*d->staticModel, level);
    d->depth = std::move(r.depth);
    const auto& s = r.stats;
    showDepth(tr("Water level %1 m").arg(level, 0, 'f', 2),
              tr("Flooded %1, volume %2 m³, max depth %3 m. Low-lying but unconnected: %4.")
                  .arg(hectares(s.areaM2))
                  .arg(s.volumeM3, 0, 'f', 0)
                  .arg(s.maxDepth, 0, 'f', 2)
                  .arg(hectares(s.unconnectedAreaM2)));
}

void FloodController::computePonding() {
    const auto grid = mPanel->gridParams();
    const auto params = mPanel->pondingParams();
    const flood::LandCoverTable table = LandCoverDialog::currentTable();
    auto project = std::make_shared<gis::Project>(mDocument->project());
    auto cached = d->cachedGrid(grid);
    struct Out {
        std::shared_ptr<const flood::ProjectGrid> grid;
        std::optional<flood::PondingResult> result;
        QString error;
    };
    auto out = std::make_shared<Out>();
    const bool started = mTasks->start(
        tr("Computing rain ponding…"),
        [=](gis::Progress& progress) {
            out->grid = hydrologyGrid(cached, *project, grid, out->error);
            if (!out->grid)
                return;
            flood::PondingOptions options;
            options.rainMm = params.rainMm;
            options.uniformRunoff = params.runoff;
            std::optional<gis::RasterF> runoff;
            if (grid.landCover) {
                const gis::RasterF codes = flood::landCoverFromZones(*out->grid, table);
                auto c = flood::landCoverProperty(codes, out->grid->dem, table,
                                                  flood::LandCoverProperty::RunoffCoefficient);
                if (!c)
                    return void(out->error = QString::fromStdString(c.error()));
                runoff = std::move(c).value();
                options.runoffCoefficient = &*runoff;
            }
            auto r = flood::pondRain(out->grid->dem, options, progress);
            if (!r)
                return void(out->error = QString::fromStdString(r.error()));
            out->result = std::move(r).value();
        },
        [=, this](const TaskOutcome& outcome) {
            if (!acceptRun(outcome, out->error, tr("Ponding computation canceled."), out->grid, grid))
                return;
            d->dynamic.reset();
            mResults->setTimes({});
            mResults->setGauge({}, {}, {});
            const auto& r = *out->result;
            d->depth = r.depth;
            showDepth(tr("Rain ponding, %1 mm").arg(params.rainMm),
                      tr("Runoff %1 m³: %2 m³ ponds in %3 depressions (%4 full), %5 m³ drains away.")
                          .arg(r.runoffVolumeM3, 0, 'f', 0)
                          .arg(r.pondedVolumeM3, 0, 'f', 0)
                          .arg(r.depressions)
                          .arg(r.fullDepressions)
                          .arg(r.drainedVolumeM3, 0, 'f', 0));
        });
    if (!started)
        fail(tr("Flood: another task is running; wait for it or cancel it."));
}

void FloodController::showDepth(const QString& title, const QString& details) {
    if (!d->grid)
        return;
    d->title = title;
    d->impact = flood::assessFloodImpact(d->depth, d->grid->buildings, d->grid->zones);
    measure(d->depth, d->wetCells, d->wetArea, d->volume, d->maxDepth);

    const gis::Vec3 origin = mViewer->origin();
    osg::ref_ptr<osg::Group> group = new osg::Group;
    if (auto surface = viewer::buildFloodSurface(d->depth, d->grid->ground, origin))
        group->addChild(surface);
    if (auto shells = viewer::buildAffectedBuildings(d->grid->buildings, d->impact, origin))
        group->addChild(shells);
    mViewer->setOverlay(QStringLiteral("flood"), group.get());

    int affected = int(d->impact.buildings.size());
    double floor = 0;
    for (double a : d->impact.floorAreaByClass)
        floor += a;
    mResults->setSummary(tr("<b>%1</b><br>%2<br>Buildings with water at their walls: <b>%3</b> (%4 m² floor "
                            "area); road polygons cut: %5.")
                             .arg(title.toHtmlEscaped(), details.toHtmlEscaped())
                             .arg(affected)
                             .arg(floor, 0, 'f', 0)
                             .arg(d->impact.roadsCut.size()));
    mResults->setImpact(d->impact);
    mResults->setExportsEnabled(true);
    if (d->scenarioA) {
        QSet<qint64> now;
        for (const auto& b : d->impact.buildings)
            now.insert(b.id);
        const int added = int((now - d->scenarioA->buildings).size());
        const int removed = int((d->scenarioA->buildings - now).size());
        mResults->setScenarioText(tr("A: %1 — %2, %3 buildings. Now: %4, %5 buildings (%6 more, %7 fewer).")
                                      .arg(d->scenarioA->title)
                                      .arg(hectares(d->scenarioA->area))
                                      .arg(d->scenarioA->buildings.size())
                                      .arg(hectares(d->wetArea))
                                      .arg(affected)
                                      .arg(added)
                                      .arg(removed));
    }
    emit resultShown();
}

std::size_t FloodController::shownWetCells() const {
    return d->wetCells;
}

int FloodController::shownAffectedBuildings() const {
    return int(d->impact.buildings.size());
}

void FloodController::keepScenario() {
    State::Scenario a{d->title, d->wetArea, {}};
    for (const auto& b : d->impact.buildings)
        a.buildings.insert(b.id);
    d->scenarioA = a;
    mResults->setScenarioText(tr("A kept: %1. Compute another flood to compare.").arg(a.title));
}

void FloodController::zoomToBuilding(qint64 id) {
    if (!d->grid)
        return;
    for (const gis::Building& b : d->grid->buildings)
        if (b.id == id) {
            gis::Extent e = b.footprint.extent();
            e.include(e.minX - 40, e.minY - 40);
            e.include(e.maxX + 40, e.maxY + 40);
            mViewer->zoomToExtent(e, b.baseZ, b.baseZ + b.height);
            return;
        }
}

void FloodController::onViewerClicked(double east, double north, double) {
    if (mPanel->isPickingSeed()) {
        d->seedPoint = gis::Vec2{east, north};
        mPanel->setSeedPoint(east, north);
        mPanel->setPickingSeed(false);
        d->staticModel.reset();
        mPanel->setStaticReady(false);
        return;
    }
    if (d->dynamic)
        showGaugeAt(east, north);
}

void FloodController::exportDepth() {
    if (d->depth.isEmpty() || !d->grid)
        return;
    const QString path = QFileDialog::getSaveFileName(mWindow, tr("Export flood depth"), QString(),
                                                      tr("GeoTIFF (*.tif *.tiff)"));
    if (path.isEmpty())
        return;
    if (auto s = gis::io::writeGeoTiff(d->depth, d->grid->crs, path.toStdString()); !s)
        return fail(QString::fromStdString(s.error()));
    emit logMessage(MessageLevel::Info, tr("Flood depth written to %1").arg(path));
}

void FloodController::exportBuildings() {
    const QString path =
        QFileDialog::getSaveFileName(mWindow, tr("Export affected buildings"), QString(),
                                     tr("GeoPackage with the flood extent (*.gpkg);;CSV table (*.csv)"));
    if (path.isEmpty() || !d->grid)
        return;
    if (path.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive)) {
        if (auto s = flood::writeFloodGeoPackage(path.toStdString(), d->grid->crs, d->depth, d->impact,
                                                 d->grid->buildings);
            !s)
            return fail(QString::fromStdString(s.error()));
        emit logMessage(MessageLevel::Info, tr("Flood extent and %1 affected buildings written to %2")
                                                .arg(d->impact.buildings.size())
                                                .arg(path));
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    QTextStream out(&file);
    out << "id,name,use,max_depth_m,depth_class_m,floor_area_m2\n";
    for (const auto& b : d->impact.buildings)
        out << b.id << ",\"" << QString::fromStdString(b.name).replace('"', "\"\"") << "\","
            << QString::fromStdString(b.use) << ',' << QString::number(b.maxDepth, 'f', 3) << ','
            << flood::kDepthClasses[b.depthClass] << ',' << QString::number(b.floorArea, 'f', 1) << '\n';
    emit logMessage(MessageLevel::Info,
                    tr("%1 affected buildings written to %2").arg(d->impact.buildings.size()).arg(path));
}

} // namespace app
