// FloodController: the dynamic 2D tier (run, time slider, gauge chart).
#include "app/model/document.h"
#include "app/model/task_runner.h"
#include "app/ui/flood_controller.h"
#include "app/ui/flood_controller_state.h"
#include "app/ui/flood_panel.h"
#include "app/ui/flood_results_panel.h"
#include "app/ui/landcover_dialog.h"
#include "gis/analysis/flood/flood_impact.h"
#include "gis/analysis/flood/hydrograph.h"
#include "gis/analysis/flood/inertial_model.h"
#include "gis/analysis/flood/project_grid.h"
#include "gis/analysis/flood/static_flood.h"

#include <QVector>

#include <cmath>
#include <optional>

namespace app {

namespace flood = gis::analysis::flood;

void FloodController::runDynamic() {
    const auto grid = mPanel->gridParams();
    const auto p = mPanel->dynamicParams();
    const flood::LandCoverTable table = LandCoverDialog::currentTable();
    auto project = std::make_shared<gis::Project>(mDocument->project());
    auto cached = d->cachedGrid(grid);
    struct Out {
        std::shared_ptr<const flood::ProjectGrid> grid;
        std::shared_ptr<const flood::InertialResult> result;
        QString error;
    };
    auto out = std::make_shared<Out>();
    const bool started = mTasks->start(
        tr("Running the 2D flood model…"),
        [=](gis::Progress& progress) {
            out->grid = hydrologyGrid(cached, *project, grid, out->error);
            if (!out->grid)
                return;
            flood::InertialInput in;
            in.dem = out->grid->dem; // blocked buildings are nodata there: walls
            in.manning = p.manning;
            if (grid.landCover) {
                const gis::RasterF codes = flood::landCoverFromZones(*out->grid, table);
                auto n = flood::landCoverProperty(codes, out->grid->dem, table,
                                                  flood::LandCoverProperty::ManningN);
                if (!n)
                    return void(out->error = QString::fromStdString(n.error()));
                in.manningRaster = std::move(n).value();
            }
            in.durationS = p.durationH * 3600;
            in.outputEveryS = p.outputEveryMin * 60;
            in.lossesMmPerH = p.lossesMmPerH;
            in.drainageMmPerH = p.drainageMmPerH;
            // Steep streets with smooth paving are where the inertial form struggles (see inertial_model.h):
            // a conservative Courant factor and a small cap while the ground is still dry keep it stable.
            in.alpha = 0.5;
            in.maxTimeStepS = std::min(5.0, out->grid->dem.cellSize / 4);
            if (p.storm == FloodPanel::Storm::Chicago) {
                flood::ChicagoStorm storm{p.idfA, p.idfB, p.idfC, p.peak, in.durationS, 300};
                auto rain = flood::chicagoHyetograph(storm);
                if (!rain)
                    return void(out->error = QString::fromStdString(rain.error()));
                in.rain = rain.value();
            } else {
                in.rain = flood::TimeSeries::constant(p.rainMmPerH);
            }
            for (flood::Edge e :
                 {flood::Edge::West, flood::Edge::East, flood::Edge::North, flood::Edge::South})
                in.boundaries.push_back({e, flood::EdgeBoundary::Kind::Free, {}, 0});
            auto r = flood::runInertialModel(in, progress);
            if (!r)
                return void(out->error = QString::fromStdString(r.error()));
            out->result = std::make_shared<flood::InertialResult>(std::move(r).value());
        },
        [=, this](const TaskOutcome& outcome) {
            if (!acceptRun(outcome, out->error, tr("Flood simulation canceled."), out->grid, grid))
                return;
            d->dynamic = out->result;
            const auto& r = *out->result;
            QVector<double> times;
            for (const auto& s : r.snapshots)
                times.push_back(s.timeS);
            mResults->setTimes(times);
            mResults->setGauge({}, {}, {});
            d->depth = r.maxDepth;
            d->dynamicDetails =
                tr("Mass error %1 %, %2 steps (Δt %3–%4 s), %5 s of computing. Click the map for "
                   "a depth chart.")
                    .arg(r.mass.errorFraction * 100, 0, 'g', 2)
                    .arg(r.steps)
                    .arg(r.minTimeStepS, 0, 'f', 2)
                    .arg(r.maxTimeStepS, 0, 'f', 2)
                    .arg(r.wallSeconds, 0, 'f', 1);
            showDepth(tr("2D model: maximum depth over %1 h").arg(p.durationH), d->dynamicDetails);
            emit logMessage(MessageLevel::Info, tr("Flood simulation finished: %1").arg(d->dynamicDetails));
        });
    if (!started)
        fail(tr("Flood: another task is running; wait for it or cancel it."));
}

void FloodController::showSnapshot(int index) {
    if (!d->dynamic || index < 0 || index >= int(d->dynamic->snapshots.size()))
        return;
    const auto& s = d->dynamic->snapshots[index];
    d->depth = s.depth;
    const int minutes = int(std::lround(s.timeS / 60));
    showDepth(tr("2D model: depth at %1:%2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0')),
              d->dynamicDetails);
}

void FloodController::showGaugeAt(double east, double north) {
    const auto& snaps = d->dynamic->snapshots;
    if (snaps.empty())
        return;
    const gis::RasterF& g = snaps.front().depth;
    const int col = int(std::floor((east - g.originX) / g.cellSize));
    const int row = int(std::floor((g.originY - north) / g.cellSize));
    if (col < 0 || row < 0 || col >= g.width || row >= g.height)
        return;
    QVector<double> times, depths;
    for (const auto& s : snaps) {
        const float v = s.depth.at(col, row);
        times.push_back(s.timeS);
        depths.push_back(std::isnan(v) ? 0.0 : double(v));
    }
    mResults->setGauge(tr("Depth at E %1, N %2").arg(east, 0, 'f', 0).arg(north, 0, 'f', 0), times, depths);
}

} // namespace app
