#pragma once
// FloodController's private state, shared by flood_controller.cpp and flood_controller_dynamic.cpp.
#include "app/ui/flood_controller.h"
#include "app/ui/flood_panel.h"
#include "gis/analysis/flood/flood_impact.h"
#include "gis/analysis/flood/inertial_model.h"
#include "gis/analysis/flood/project_grid.h"
#include "gis/analysis/flood/static_flood.h"

#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace app {

namespace flood = gis::analysis::flood;

struct FloodController::State {
    std::shared_ptr<const flood::ProjectGrid> grid;
    FloodPanel::GridParams gridParams; // what `grid` was built with

    // The grid to start a run with: the cached one when built with `params`, else null (the run builds it).
    std::shared_ptr<const flood::ProjectGrid> cachedGrid(const FloodPanel::GridParams& params) const {
        const bool same =
            grid && gridParams.cellSize == params.cellSize && gridParams.buildingMode == params.buildingMode;
        return same ? grid : nullptr;
    }
    std::shared_ptr<const flood::StaticFloodModel> staticModel;
    std::shared_ptr<const flood::InertialResult> dynamic;
    std::optional<gis::Vec2> seedPoint;
    gis::RasterF depth; // what is shown
    flood::FloodImpact impact;
    std::size_t wetCells = 0;
    double wetArea = 0, volume = 0, maxDepth = 0;
    QString title;
    QString dynamicDetails; // mass error and steps of the last dynamic run
    struct Scenario {
        QString title;
        double area = 0;
        QSet<qint64> buildings;
    };
    std::optional<Scenario> scenarioA;
};

// On the worker thread: `cached`, or the project's hydrology grid for `params` (null and `error` set on
// failure).
inline std::shared_ptr<const flood::ProjectGrid>
hydrologyGrid(std::shared_ptr<const flood::ProjectGrid> cached, const gis::Project& project,
              const FloodPanel::GridParams& params, QString& error) {
    if (cached)
        return cached;
    auto g = flood::projectHydrologyGrid(project, params.cellSize,
                                         {flood::BuildingMode(params.buildingMode), 5.0});
    if (!g) {
        error = QString::fromStdString(g.error());
        return nullptr;
    }
    return std::make_shared<flood::ProjectGrid>(std::move(g).value());
}

} // namespace app
