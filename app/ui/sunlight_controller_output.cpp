// SunlightController: what a run shows and writes — the 3D overlays and their legend, the camera on a window,
// the CSV / GeoTIFF / PDF exports — and the picks in the view (receivers, Add Tower…).
#include "app/model/document.h"
#include "app/model/sunlight_job.h"
#include "app/model/task_runner.h"
#include "app/report/sunlight_report.h"
#include "app/report/sunlight_report_gis.h"
#include "app/ui/sunlight_controller.h"
#include "app/ui/sunlight_panel.h"
#include "app/ui/sunlight_preset_editor.h"
#include "gis/analysis/shadow_outline.h"
#include "gis/io/crs_transform.h"
#include "gis/io/raster_io.h"
#include "viewer/qt/viewer_widget.h"
#include "viewer/scene/sunlight_overlay.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>

#include <cmath>
#include <variant>

namespace app {

using namespace gis::analysis;

namespace {

QColor qcolour(const viewer::Rgba& c) {
    return QColor::fromRgbF(c[0], c[1], c[2], c[3]);
}

QString hoursText(double h) {
    return QString::number(h, 'g', 3);
}

const gis::Building* buildingAt(const gis::Project& project, double east, double north) {
    for (const gis::Layer& layer : project.layers)
        if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data); b && layer.visible)
            for (const gis::Building& building : b->buildings)
                if (building.footprint.extent().contains(east, north) &&
                    gis::contains(building.footprint, {east, north}))
                    return &building;
    return nullptr;
}

} // namespace

void SunlightController::updateLegend() {
    const auto params = mRun ? std::optional(mRun->request.parameters) : mPanel->editor()->parameters();
    const std::optional<double> required = params ? params->requiredHours : std::nullopt;
    const double windowHours = params ? (params->windowEnd - params->windowStart) / 3600.0 : 8.0;
    const bool byHours = mPanel->colourBy() == SunlightPanel::ColourBy::Hours ||
                         (mRun && mRun->request.kind == ReceiverKind::Grid);
    QList<QPair<QColor, QString>> entries;
    if (!byHours) {
        const bool safe = mPanel->colourBlindSafe();
        entries = {{qcolour(viewer::passFailColour(true, safe)),
                    tr("passes (≥ %1 h)").arg(hoursText(required.value_or(0)))},
                   {qcolour(viewer::passFailColour(false, safe)), tr("fails")},
                   {qcolour(viewer::neutralColour()), tr("no requirement / inside a building")}};
        if (mRun && mRun->comparison)
            entries.append({QColor(20, 20, 20), tr("dark frame: newly fails with the proposal")});
        mPanel->setLegend(tr("Windows"), entries);
        return;
    }
    for (const viewer::HourClass& c : viewer::sunlightHourClasses(required, windowHours))
        entries.append({qcolour(c.colour), std::isinf(c.to)
                                               ? tr("≥ %1 h").arg(hoursText(c.from))
                                               : tr("%1 – %2 h").arg(hoursText(c.from), hoursText(c.to))});
    mPanel->setLegend(tr("Sunlight hours"), entries);
}

void SunlightController::updateShadowOutlines() {
    const QString name = QStringLiteral("sunlight_shadow_outlines");
    const auto clock = makeClock();
    const auto sun = clock ? clock->sunAt(timeOfDay()) : std::nullopt;
    if (!mActive || !mOutlinesAction->isChecked() || !sun || sun->elevation <= 0) {
        mViewer->setOverlay(name, nullptr);
        return;
    }
    const gis::Project& project = mDocument->project();
    std::vector<gis::Building> buildings;
    for (const gis::Layer& layer : project.layers)
        if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data); b && layer.visible)
            buildings.insert(buildings.end(), b->buildings.begin(), b->buildings.end());
    // toSun is in the grid frame (x east, y north): its bearing is the grid azimuth the outlines need.
    const double gridAzimuth = std::atan2(sun->toSun.x, sun->toSun.y) * 180 / M_PI;
    auto outlines = gis::analysis::shadowOutlines(buildings, {gridAzimuth, sun->elevation});
    if (!outlines) {
        mViewer->setOverlay(name, nullptr);
        return;
    }
    const gis::TerrainLayerData* terrain = project.terrain();
    mViewer->setOverlay(name, viewer::buildShadowOutlines(
                                  outlines->polygons, terrain && terrain->dem ? terrain->dem.get() : nullptr,
                                  0.0, 0.3, mViewer->origin())
                                  .get());
}

void SunlightController::updateOverlays() {
    const QString windowsName = QStringLiteral("sunlight_windows"),
                  gridName = QStringLiteral("sunlight_grid");
    if (!mRun || !mActive) {
        mViewer->setOverlay(windowsName, nullptr);
        mViewer->setOverlay(gridName, nullptr);
        return;
    }
    const SunlightRun& run = *mRun;
    const auto& p = run.request.parameters;
    const auto classes = viewer::sunlightHourClasses(p.requiredHours, (p.windowEnd - p.windowStart) / 3600.0);
    if (run.request.kind == ReceiverKind::Windows) {
        std::vector<char> newlyFails(run.size(), 0);
        if (run.comparison)
            for (const auto& c : run.comparison->newFailures)
                newlyFails[c.index] = 1;
        const bool byHours = mPanel->colourBy() == SunlightPanel::ColourBy::Hours;
        std::vector<viewer::WindowMark> marks;
        marks.reserve(run.size());
        for (std::size_t i = 0; i < run.size(); ++i) {
            const ReceiverSunlight& r = run.current(i);
            viewer::WindowMark m;
            m.sill = run.windows.windows[i].centre;
            m.normal = run.windows.windows[i].normal;
            if (byHours)
                m.colour = viewer::sunlightHoursColour(r.countedSeconds / 3600.0, classes);
            else
                m.colour = r.pass && !r.inside ? viewer::passFailColour(*r.pass, mPanel->colourBlindSafe())
                                               : viewer::neutralColour();
            m.outlined = newlyFails[i] || int(i) == mHighlightRow;
            marks.push_back(m);
        }
        const double width =
            std::min(run.request.windowOptions.width, run.request.windowOptions.spacing * 0.7);
        mViewer->setOverlay(windowsName,
                            viewer::buildWindowMarks(marks, width, 1.5, mViewer->origin()).get());
        mViewer->setOverlay(gridName, nullptr);
    } else {
        const gis::Project& project = mDocument->project();
        const gis::TerrainLayerData* terrain = project.terrain();
        const gis::RasterF& hours = run.comparison ? run.proposalHours : run.hours;
        mViewer->setOverlay(gridName,
                            viewer::buildHourGrid(hours, classes, terrain ? terrain->dem.get() : nullptr, 0.0,
                                                  0.6, mViewer->origin())
                                .get());
        mViewer->setOverlay(windowsName, nullptr);
    }
}

void SunlightController::showRow(int row) {
    if (!mRun || row < 0 || std::size_t(row) >= mRun->size())
        return;
    mHighlightRow = row;
    gis::Vec3 at = mRun->rowPosition(std::size_t(row));
    // From 45 m in front of the window (or south of a grid point), a little above it, looking at it.
    gis::Vec3 n{0, -1, 0};
    if (mRun->request.kind == ReceiverKind::Windows)
        n = mRun->windows.windows[std::size_t(row)].normal;
    constexpr double kDistance = 45, kAbove = 12;
    gis::CameraView view;
    view.east = at.x + n.x * kDistance;
    view.north = at.y + n.y * kDistance;
    view.height = at.z + 0.75 + kAbove;
    view.heading = std::atan2(-n.x, -n.y) * 180.0 / M_PI;
    view.pitch = -std::atan2(kAbove, kDistance) * 180.0 / M_PI;
    mViewer->setCameraView(view);
    updateOverlays();
}

bool SunlightController::exportTable(const QString& path, QString* error) const {
    if (!mRun || !mRunClock) {
        if (error)
            *error = tr("Run an analysis first.");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(sunlightCsv(*mRun, *mRunClock).toUtf8()) < 0) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool SunlightController::exportGrid(const QString& path, QString* error) const {
    if (!mRun || mRun->request.kind != ReceiverKind::Grid) {
        if (error)
            *error = tr("Run a plan grid analysis first: the hour map is the grid's.");
        return false;
    }
    const gis::RasterF& hours = mRun->comparison ? mRun->proposalHours : mRun->hours;
    if (auto s = gis::io::writeGeoTiff(hours, mRun->crs, path.toStdString()); !s) {
        if (error)
            *error = QString::fromStdString(s.error());
        return false;
    }
    return true;
}

bool SunlightController::writeReport(const QString& path, QString* error) const {
    const auto data = reportData(error);
    return data && report::writeSunlightReport(*data, path, error);
}

bool SunlightController::startReport(const QString& path) {
    QString error;
    auto data = reportData(&error);
    if (!data) {
        mPanel->setSummary(error);
        return false;
    }
    auto shared = std::make_shared<report::SunlightReportData>(std::move(*data));
    auto failure = std::make_shared<QString>();
    auto ok = std::make_shared<bool>(false);
    // QPdfWriter and QPainter work off the GUI thread; a city's window table is hundreds of pages.
    const bool started = mTasks->start(
        tr("Writing the sunlight report"),
        [shared, path, failure, ok](gis::Progress&) {
            *ok = report::writeSunlightReport(*shared, path, failure.get());
        },
        [this, path, failure, ok](const TaskOutcome& outcome) {
            if (outcome.succeeded() && *ok)
                emit statusMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 10000);
            else
                QMessageBox::warning(mWindow, tr("Sunlight Report"),
                                     outcome.failed       ? outcome.error
                                     : failure->isEmpty() ? tr("Canceled.")
                                                          : *failure);
        });
    if (!started)
        mPanel->setSummary(tr("Another task is running; wait for it or cancel it."));
    return started;
}

std::optional<report::SunlightReportData> SunlightController::reportData(QString* error) const {
    if (!mRun || !mRunClock) {
        if (error)
            *error = tr("Run an analysis first.");
        return std::nullopt;
    }
    const SunlightRun& run = *mRun;
    const auto& p = run.request.parameters;
    const auto clock = mRunClock;
    report::ClockOfSeconds clockOf;
    if (p.timeBase == TimeBase::Solar)
        clockOf = [clock](int s) { return clock->clockSeconds(s); };
    report::SunlightReportData data;
    data.title = tr("Sunlight analysis");
    data.project = mDocument->displayName();
    const QString proposalName = [&] {
        const gis::Layer* l = mDocument->layer(mPanel->proposalLayer());
        return l ? QString::fromStdString(l->name) : QString();
    }();
    for (const gis::Layer& layer : mDocument->project().layers)
        if (layer.kind() == gis::LayerKind::Buildings && layer.visible &&
            QString::fromStdString(layer.name) != proposalName)
            data.dataSources.append({tr("Buildings"), QString::fromStdString(layer.name)});
    if (run.comparison)
        data.dataSources.append({tr("Proposal"), proposalName});
    if (run.terrain)
        data.dataSources.append({tr("Terrain"), tr("project terrain (casts shadows)")});
    data.crs = QString::fromStdString(gis::io::crsIdentifier(run.crs));
    data.latitude = run.result.location.latitude;
    data.longitude = run.result.location.longitude;
    data.gridConvergence = run.result.location.gridConvergence;
    const auto preset = mPanel->editor()->preset();
    data.parameters =
        report::parameterList(p, QString::fromStdString(preset.name), QString::fromStdString(preset.title),
                              QString::fromStdString(preset.reference), mPanel->editor()->timeZone());
    const bool windows = run.request.kind == ReceiverKind::Windows;
    data.windowColumns = windows;
    std::vector<ReceiverSunlight> current;
    for (std::size_t i = 0; i < run.size(); ++i)
        current.push_back(run.current(i));
    data.planBuildings = report::planBuildings(run.buildings, run.windows, current);
    if (run.comparison)
        data.planBuildings.append(report::proposalChanges(
            run.buildings, applyProposal(run.buildings, ProposalChange{run.proposalBuildings, {}, {}})));
    std::vector<char> newlyFails(run.size(), 0);
    if (run.comparison)
        for (const auto& c : run.comparison->newFailures)
            newlyFails[c.index] = 1;
    for (std::size_t i = 0; i < run.size(); ++i) {
        const gis::Vec3 at = run.rowPosition(i);
        if (windows || run.size() <= 5000)
            data.planPoints.append({QPointF(at.x, at.y), current[i].pass, bool(newlyFails[i])});
        data.rows.append(windows ? report::windowRow(run.windows.windows[i], current[i], p, clockOf)
                                 : report::pointRow(run.rowId(i), current[i], p, clockOf));
    }
    if (run.comparison)
        data.comparison = report::reportComparison(*run.comparison, proposalName);
    for (const std::string& w : run.result.warnings)
        data.notes << QString::fromStdString(w);
    data.softwareVersion = QStringLiteral("Urbis %1").arg(QCoreApplication::applicationVersion());
    return data;
}

void SunlightController::askForTower() {
    QDialog dialog(mWindow);
    dialog.setWindowTitle(tr("Add Tower"));
    auto* form = new QFormLayout(&dialog);
    auto* side = new QDoubleSpinBox;
    side->setRange(5, 200);
    side->setValue(30);
    side->setSuffix(tr(" m"));
    auto* height = new QDoubleSpinBox;
    height->setRange(3, 600);
    height->setValue(120);
    height->setSuffix(tr(" m"));
    form->addRow(new QLabel(tr("A square tower, placed where you click in the view next.")));
    form->addRow(tr("Side:"), side);
    form->addRow(tr("Height:"), height);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    mTowerSize = {side->value(), height->value()};
    mPicking = PickPurpose::Tower;
    emit statusMessage(tr("Click in the view where the tower stands."), 10000);
}

QString SunlightController::addTower(double east, double north, double side, double height) {
    const gis::Project& project = mDocument->project();
    std::int64_t maxId = 0;
    for (const gis::Layer& layer : project.layers)
        if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
            for (const gis::Building& building : b->buildings)
                maxId = std::max(maxId, building.id);
    gis::Building tower;
    tower.id = maxId + 1;
    const double h = side / 2;
    tower.footprint.outer = {
        {east - h, north - h}, {east + h, north - h}, {east + h, north + h}, {east - h, north + h}};
    double base = 1e300;
    for (const gis::Vec2& v : tower.footprint.outer)
        base = std::min(base, project.groundHeight(v.x, v.y));
    tower.baseZ = base;
    tower.height = height;
    tower.storeys = std::max(1, int(std::lround(height / 3.0)));
    tower.use = "commercial"; // a neighbour that casts shadows; its own windows are not the question
    tower.name = tr("Proposed tower").toStdString();
    gis::Layer layer;
    const QString id = mDocument->uniqueLayerId(QStringLiteral("proposed_tower"));
    layer.id = id.toStdString();
    layer.name = tr("Proposed tower (%1 m)").arg(height).toStdString();
    layer.data = gis::BuildingLayerData{{tower}};
    mDocument->addLayers({layer}, project.crs, tr("Add Tower"));
    updateProposalLayers();
    mPanel->setProposalLayer(id);
    emit statusMessage(tr("Tower added as layer “%1”: Compare runs the analysis without and with it.")
                           .arg(QString::fromStdString(layer.name)),
                       10000);
    return id;
}

void SunlightController::onClicked(double east, double north) {
    if (mPicking == PickPurpose::None)
        return;
    pickAt(east, north);
}

void SunlightController::pickAt(double east, double north) {
    const PickPurpose purpose = mPicking;
    mPicking = PickPurpose::None;
    mPanel->setPicking(false);
    if (purpose == PickPurpose::Tower && mTowerSize) {
        const auto [side, height] = *mTowerSize;
        mTowerSize.reset();
        addTower(east, north, side, height);
        return;
    }
    mPicked = std::pair{east, north};
    const gis::Building* b = buildingAt(mDocument->project(), east, north);
    mPickedBuilding = b ? std::optional(b->id) : std::nullopt;
    if (b) {
        const QString use = b->use.empty() ? tr("no use") : QString::fromStdString(b->use);
        mPanel->setPickDescription(tr("Building %1 (%2, %3 m, %4 storeys)")
                                       .arg(b->id)
                                       .arg(use)
                                       .arg(b->height, 0, 'f', 1)
                                       .arg(b->storeys));
        if (b->use == "residential")
            mPanel->setScope(SunlightPanel::Scope::SelectedBuilding);
    } else {
        mPanel->setPickDescription(tr("Point %1, %2").arg(east, 0, 'f', 1).arg(north, 0, 'f', 1));
    }
}

} // namespace app
