#pragma once
// FloodController's private state, shared by flood_controller.cpp and flood_controller_dynamic.cpp.
#include "app/ui/flood_controller.h"
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

} // namespace app
