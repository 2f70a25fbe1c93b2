#include "app/ui/sunlight_controller.h"

#include "app/model/document.h"
#include "app/model/sunlight_job.h"
#include "app/model/task_runner.h"
#include "app/ui/action_util.h"
#include "app/ui/sunlight_panel.h"
#include "app/ui/sunlight_preset_editor.h"
#include "app/ui/sunlight_results_panel.h"
#include "gis/resources.h"
#include "viewer/qt/viewer_widget.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QStandardPaths>
#include <QTimer>
#include <QToolBar>

#include <algorithm>
#include <cmath>
#include <set>
#include <variant>

namespace app {

using namespace gis::analysis;

struct SunlightController::Site {
    GeoLocation location;
    QString zone;
};

namespace {

constexpr const char* kPresetKey = "sunlight/preset";
constexpr const char* kEditedKey = "sunlight/editedPreset";
constexpr const char* kColourBlindKey = "sunlight/colourBlindSafe";
constexpr const char* kShadowsKey = "sunlight/shadows";
constexpr double kMaxGridPoints = 2'000'000;

QString userPresetDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/presets");
}

// Where presets are looked for, as urbis-cli does; the user's own presets last (shipped names win).
std::vector<std::string> presetDirs() {
    std::vector<std::string> dirs;
    if (!qEnvironmentVariableIsEmpty("URBIS_PRESETS_DIR"))
        dirs.push_back(qEnvironmentVariable("URBIS_PRESETS_DIR").toStdString());
    const QString exe = QCoreApplication::applicationDirPath();
    dirs.push_back(QDir(exe + "/../share/urbis/presets").absolutePath().toStdString());
    dirs.push_back(QDir(exe + "/presets").absolutePath().toStdString());
    dirs.push_back(gis::resourceDirectory() + "/presets");
    dirs.push_back(userPresetDir().toStdString());
    return dirs;
}

gis::Polygon square(double east, double north, double side) {
    const double h = side / 2;
    return gis::Polygon{
        {{east - h, north - h}, {east + h, north - h}, {east + h, north + h}, {east - h, north + h}}, {}};
}

} // namespace

SunlightController::SunlightController(QWidget* window, Document* document, TaskRunner* tasks,
                                       viewer::ViewerWidget* viewer, QObject* parent)
    : QObject(parent), mWindow(window), mDocument(document), mTasks(tasks), mViewer(viewer),
      mPanel(new SunlightPanel(window)), mResults(new SunlightResultsPanel(window)) {
    mSunlightAction = makeAction(this, QString(), tr("&Sunlight…"), QKeySequence(),
                                 tr("Sunlight hours of windows and open space under a regulation, with live "
                                    "sun shadows"));
    mSunlightAction->setObjectName(QStringLiteral("actionSunlight"));
    mAddTowerAction = makeAction(this, QString(), tr("Add &Tower…"), QKeySequence(),
                                 tr("Place a tower at a point in the view, as a proposal to compare"));

    mToolBar = new QToolBar(tr("Sun"), window);
    mToolBar->setObjectName(QStringLiteral("SunToolBar"));
    mShadowsAction = makeAction(this, QString(), tr("Shadows"), QKeySequence(),
                                tr("Show live sun shadows in the view (a preview: the numbers come from "
                                   "exact shadow rays)"));
    mShadowsAction->setCheckable(true);
    mShadowsAction->setChecked(QSettings().value(kShadowsKey, true).toBool());
    mToolBar->addAction(mShadowsAction);
    mOutlinesAction = makeAction(this, QString(), tr("Outlines"), QKeySequence(),
                                 tr("Draw the shadow outlines of the buildings on the ground at the slider "
                                    "time (a shadow study figure)"));
    mOutlinesAction->setCheckable(true);
    mToolBar->addAction(mOutlinesAction);
    mOutlineTimer = new QTimer(this);
    mOutlineTimer->setSingleShot(true);
    mOutlineTimer->setInterval(150);
    mSlider = new QSlider(Qt::Horizontal);
    mSlider->setObjectName(QStringLiteral("sunTimeSlider"));
    mSlider->setMinimumWidth(260);
    mSlider->setToolTip(tr("Time of the analysis day (in the regulation's time base)"));
    mSlider->setPageStep(30);
    mToolBar->addWidget(mSlider);
    mTimeLabel = new QLabel;
    mTimeLabel->setMinimumWidth(90);
    mToolBar->addWidget(mTimeLabel);
    mToolBar->hide();
    mPanel->hide();
    mResults->hide();

    QSettings settings;
    mPanel->setColourBlindSafe(settings.value(kColourBlindKey, false).toBool());
    mPanel->setPresetDirectories(presetDirs());
    const QString edited = settings.value(kEditedKey).toString();
    if (auto preset = parsePreset(edited.toStdString(), "settings"); !edited.isEmpty() && preset)
        mPanel->showEditedPreset(preset.value());
    else
        mPanel->selectPreset(settings.value(kPresetKey).toString());

    connect(mSunlightAction, &QAction::triggered, this, [this] {
        mPanel->show();
        mPanel->raise();
    });
    connect(mAddTowerAction, &QAction::triggered, this, &SunlightController::askForTower);
    connect(mPanel, &QDockWidget::visibilityChanged, this, &SunlightController::updateActive);
    connect(mPanel, &SunlightPanel::presetChanged, this, &SunlightController::onParametersChanged);
    connect(mPanel, &SunlightPanel::runRequested, this, &SunlightController::run);
    connect(mPanel, &SunlightPanel::compareRequested, this, &SunlightController::compare);
    connect(mPanel, &SunlightPanel::cancelRequested, mTasks, &TaskRunner::cancel);
    connect(mPanel, &SunlightPanel::addTowerRequested, this, &SunlightController::askForTower);
    connect(mPanel, &SunlightPanel::pickRequested, this, [this] {
        mPicking = PickPurpose::Receivers;
        emit statusMessage(tr("Click a building or a point in the view."), 8000);
    });
    connect(mPanel, &SunlightPanel::displayChanged, this, [this] {
        updateOverlays();
        updateLegend();
        saveSettings();
    });
    connect(mPanel, &SunlightPanel::saveAsPresetRequested, this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(mWindow, tr("Save as Preset"),
                                  tr("Preset name (letters, digits, '-' and '_'; urbis-cli --preset NAME):"),
                                  QLineEdit::Normal, mPanel->currentPresetName(), &ok)
                .trimmed();
        if (!ok || name.isEmpty())
            return;
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]+$"));
        if (!valid.match(name).hasMatch() || mPanel->presetNames().contains(name)) {
            QMessageBox::warning(mWindow, tr("Save as Preset"),
                                 tr("“%1” is not a valid new preset name: use letters, digits, '-' and '_', "
                                    "and a name no preset has yet.")
                                     .arg(name));
            return;
        }
        gis::analysis::SunlightPreset preset = mPanel->editor()->preset();
        preset.name = name.toStdString();
        QDir().mkpath(userPresetDir());
        QFile file(userPresetDir() + "/" + name + ".json");
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(SunlightPresetEditor::toJson(preset)) < 0) {
            QMessageBox::warning(mWindow, tr("Save as Preset"),
                                 tr("Could not write %1: %2").arg(file.fileName(), file.errorString()));
            return;
        }
        file.close();
        QSettings().remove(kEditedKey);
        mPanel->setPresetDirectories(presetDirs());
        mPanel->selectPreset(name);
        emit statusMessage(tr("Preset saved to %1").arg(QDir::toNativeSeparators(file.fileName())), 8000);
    });
    connect(mPanel, &SunlightPanel::exportTableRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(mWindow, tr("Export Sunlight Table"),
                                                          QStringLiteral("sunlight.csv"), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportTable(path, &error))
            QMessageBox::warning(mWindow, tr("Export Sunlight Table"), error);
    });
    connect(mPanel, &SunlightPanel::exportGridRequested, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(mWindow, tr("Export Hour Map"), QStringLiteral("sunlight_hours.tif"),
                                         tr("GeoTIFF (*.tif *.tiff)"));
        QString error;
        if (!path.isEmpty() && !exportGrid(path, &error))
            QMessageBox::warning(mWindow, tr("Export Hour Map"), error);
    });
    connect(mPanel, &SunlightPanel::reportRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            mWindow, tr("Sunlight Report"), QStringLiteral("sunlight_report.pdf"), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            startReport(path);
    });
    connect(mResults, &SunlightResultsPanel::rowActivated, this, &SunlightController::showRow);
    connect(mViewer, &viewer::ViewerWidget::clicked, this,
            [this](double east, double north, double) { onClicked(east, north); });
    connect(mSlider, &QSlider::valueChanged, this, &SunlightController::updateSun);
    connect(mSlider, &QSlider::valueChanged, mOutlineTimer, qOverload<>(&QTimer::start));
    connect(mOutlinesAction, &QAction::toggled, mOutlineTimer, qOverload<>(&QTimer::start));
    connect(mOutlineTimer, &QTimer::timeout, this, &SunlightController::updateShadowOutlines);
    connect(mShadowsAction, &QAction::toggled, this, [this] {
        saveSettings();
        updateActive();
    });
    connect(mDocument, &Document::projectReset, this, &SunlightController::onProjectReset);
    connect(mDocument, &Document::layersInserted, this, &SunlightController::updateProposalLayers);
    connect(mDocument, &Document::layersRemoved, this, &SunlightController::updateProposalLayers);
    connect(mDocument, &Document::layerChanged, this, &SunlightController::updateProposalLayers);
    connect(mDocument, &Document::crsChanged, this, &SunlightController::onProjectReset);
    onProjectReset();
}

SunlightController::~SunlightController() = default;

void SunlightController::populateMenu(QMenu* menu) const {
    menu->addAction(mSunlightAction);
    menu->addAction(mAddTowerAction);
}

void SunlightController::saveSettings() const {
    QSettings settings;
    settings.setValue(kColourBlindKey, mPanel->colourBlindSafe());
    settings.setValue(kShadowsKey, mShadowsAction->isChecked());
    if (mPanel->isEditing()) {
        settings.setValue(kEditedKey,
                          QString::fromUtf8(SunlightPresetEditor::toJson(mPanel->editor()->preset())));
    } else {
        settings.remove(kEditedKey);
        settings.setValue(kPresetKey, mPanel->currentPresetName());
    }
}

void SunlightController::onProjectReset() {
    clearResults();
    mPicked.reset();
    mPickedBuilding.reset();
    mPanel->setPickDescription({});
    mSite.reset();
    const gis::Project& project = mDocument->project();
    if (!project.crs.isEmpty() && !project.extent().isEmpty()) {
        if (auto where = projectLocation(project)) {
            mSite = std::make_unique<Site>();
            mSite->location = where.value();
            mSite->zone = defaultTimeZone(mSite->location);
            mPanel->setDefaultTimeZone(mSite->zone);
        } else {
            mPanel->setSummary(QString::fromStdString(where.error()));
        }
    }
    updateProposalLayers();
    onParametersChanged();
}

void SunlightController::updateProposalLayers() {
    QList<QPair<QString, QString>> layers;
    for (const gis::Layer& layer : mDocument->project().layers)
        if (layer.kind() == gis::LayerKind::Buildings)
            layers.append({QString::fromStdString(layer.id), QString::fromStdString(layer.name)});
    // The most recently added buildings layer is the likeliest proposal: list it first (none is chosen
    // until the user does, or Add Tower… does).
    std::reverse(layers.begin(), layers.end());
    mPanel->setProposalLayers(layers);
}

std::shared_ptr<SunlightClock> SunlightController::makeClock() const {
    const auto params = mPanel->editor()->parameters();
    if (!params || !mSite)
        return nullptr;
    const int offset =
        utcOffsetOn(mPanel->editor()->timeZone(), params->year, params->month, params->day).value_or(0);
    return std::make_shared<SunlightClock>(*params, mSite->location, offset);
}

void SunlightController::onParametersChanged() {
    saveSettings();
    const auto params = mPanel->editor()->parameters();
    if (!params)
        return;
    const int lo = params->windowStart / 60, hi = std::max(lo + 1, params->windowEnd / 60);
    const bool fresh = mSlider->minimum() == 0 && mSlider->maximum() == 99; // never set yet
    QSignalBlocker block(mSlider);
    const int keep = mSlider->value();
    mSlider->setRange(lo, hi);
    // Start at 10:00 (a typical morning shadow study) when the window holds it.
    mSlider->setValue(fresh ? std::clamp(600, lo, hi) : std::clamp(keep, lo, hi));
    block.unblock();
    updateSun();
}

void SunlightController::setTimeOfDay(int seconds) {
    mSlider->setValue(int(std::lround(seconds / 60.0)));
}

int SunlightController::timeOfDay() const {
    return mSlider->value() * 60;
}

void SunlightController::updateSun() {
    const auto clock = makeClock();
    const auto params = mPanel->editor()->parameters();
    if (!clock || !params) {
        mTimeLabel->setText(mSite ? tr("invalid parameters") : tr("no location"));
        if (mActive)
            mViewer->setSunDirection(std::nullopt);
        return;
    }
    const int s = timeOfDay();
    const bool solar = params->timeBase == TimeBase::Solar;
    const QString base = solar ? tr("true solar time") : tr("clock time");
    mTimeLabel->setText(QStringLiteral("%1 %2").arg(clockText(s, false), solar ? tr("solar") : tr("clock")));
    if (!mActive)
        return;
    const auto sun = clock->sunAt(s);
    if (!sun) {
        mViewer->setSunDirection(std::nullopt);
        return;
    }
    const QString date = QStringLiteral("%1-%2-%3")
                             .arg(params->year, 4, 10, QChar('0'))
                             .arg(params->month, 2, 10, QChar('0'))
                             .arg(params->day, 2, 10, QChar('0'));
    QString caption = tr("%1 %2 %3").arg(date, clockText(s, false), base);
    if (solar)
        caption += QLatin1Char('\n') +
                   tr("%1 %2").arg(clockText(clock->clockSeconds(s), false), mPanel->editor()->timeZone());
    caption += QLatin1Char('\n') + (sun->elevation > 0 ? tr("sun: altitude %1°, azimuth %2°")
                                                             .arg(sun->elevation, 0, 'f', 1)
                                                             .arg(sun->azimuth, 0, 'f', 1)
                                                       : tr("sun below the horizon"));
    mViewer->setSunDirection(sun->toSun, caption);
}

void SunlightController::updateActive() {
    const bool active = !mPanel->isHidden();
    if (active != mActive) {
        mActive = active;
        mToolBar->setVisible(active);
        if (!active) {
            mViewer->setSunDirection(std::nullopt);
            mPicking = PickPurpose::None;
            mPanel->setPicking(false);
        }
        updateOverlays();
        mOutlineTimer->start();
    }
    mViewer->setShadowsEnabled(active && mShadowsAction->isChecked());
    if (active)
        updateSun();
}

bool SunlightController::run() {
    return start(false);
}

bool SunlightController::compare() {
    return start(true);
}

bool SunlightController::start(bool compare) {
    auto refuse = [this](const QString& why) {
        mPanel->setSummary(why);
        emit statusMessage(why, 8000);
        return false;
    };
    if (mRunning || mTasks->isBusy())
        return refuse(tr("Another task is running; wait for it or cancel it."));
    if (!mSite)
        return refuse(tr("The project has no coordinate reference system or no content: the sun needs "
                         "to know where the city is."));
    QString error;
    const auto params = mPanel->editor()->parameters(&error);
    if (!params)
        return refuse(tr("The parameters are not valid: %1").arg(error));
    const gis::Project& project = mDocument->project();
    SunlightRequest request;
    request.parameters = *params;
    request.location = mSite->location;
    request.compare = compare;
    if (mPanel->receivers() == SunlightPanel::Receivers::Windows) {
        request.kind = ReceiverKind::Windows;
        WindowOptions& w = request.windowOptions;
        w.spacing = mPanel->windowSpacing();
        w.sillSamples = mPanel->sillSamples();
        w.facing = mPanel->southOnly() ? WindowFacing::South : WindowFacing::All;
        w.gridConvergence = mSite->location.gridConvergence;
        w.uses = {"residential"};
        if (mPanel->scope() == SunlightPanel::Scope::SelectedBuilding) {
            if (!mPickedBuilding)
                return refuse(tr("Pick a building first (Pick in View), or analyse all residential "
                                 "buildings."));
            w.buildingIds = {*mPickedBuilding};
        }
    } else {
        request.kind = ReceiverKind::Grid;
        request.gridOptions.spacing = mPanel->gridSpacing();
        request.gridOptions.height = mPanel->gridHeight();
        request.gridOptions.maxPoints = std::size_t(kMaxGridPoints);
        double area = 0;
        if (mPanel->gridArea() == SunlightPanel::GridArea::SquareAroundPick) {
            const gis::Vec2 c =
                mPicked ? gis::Vec2{mPicked->first, mPicked->second} : project.extent().center();
            request.aoi.push_back(square(c.x, c.y, mPanel->gridSize()));
        } else {
            for (const gis::Layer& layer : project.layers)
                if (const auto* z = std::get_if<gis::ZoneLayerData>(&layer.data); z && layer.visible)
                    for (const gis::Zone& zone : z->zones)
                        if (!zone.landClass.empty() && zone.landClass[0] == 'G')
                            request.aoi.push_back(zone.area);
            if (request.aoi.empty())
                return refuse(tr("No visible zoning layer has green space zones (class G): choose the "
                                 "square around the picked point."));
        }
        for (const gis::Polygon& p : request.aoi)
            area += gis::area(p);
        const double points = area / (request.gridOptions.spacing * request.gridOptions.spacing);
        if (points > kMaxGridPoints)
            return refuse(tr("The grid would have about %L1 points (at most %L2): use a larger spacing or a "
                             "smaller area.")
                              .arg(qlonglong(points))
                              .arg(qlonglong(kMaxGridPoints)));
    }
    const QString proposal = mPanel->proposalLayer();
    if (compare && proposal.isEmpty())
        return refuse(tr("Choose the proposal's buildings layer, or add a tower first."));
    auto scene =
        std::make_shared<SunlightScene>(sunlightScene(project, compare ? proposal.toStdString() : ""));
    mRunClock = makeClock();
    auto result = std::make_shared<std::optional<gis::Result<SunlightRun>>>();
    const bool started = mTasks->start(
        compare ? tr("Sunlight comparison") : tr("Sunlight analysis"),
        [scene, request, result](gis::Progress& progress) {
            result->emplace(runSunlight(*scene, request, progress));
        },
        [this, result](const TaskOutcome& outcome) {
            mRunning = false;
            mPanel->setBusy(false);
            if (outcome.canceled || outcome.failed || !*result || !**result) {
                const QString why = outcome.canceled ? tr("Canceled.")
                                    : outcome.failed ? outcome.error
                                                     : QString::fromStdString((*result)->error());
                mPanel->setSummary(outcome.canceled ? why : tr("The analysis failed: %1").arg(why));
                emit runFinished(false);
                return;
            }
            onRunDone(std::make_shared<SunlightRun>(std::move((*result)->value())));
        });
    if (!started)
        return refuse(tr("Another task is running; wait for it or cancel it."));
    mRunning = true;
    mPanel->setBusy(true);
    mPanel->setSummary(compare ? tr("Comparing the baseline with the proposal…") : tr("Computing…"));
    return true;
}

void SunlightController::onRunDone(std::shared_ptr<SunlightRun> run) {
    mRun = std::move(run);
    mHighlightRow = -1;
    mResults->setRun(mRun, mRunClock);
    const QString summary = summaryText(*mRun);
    mPanel->setSummary(summary);
    mResults->setSummary(summary);
    mPanel->setExportsEnabled(true, mRun->request.kind == ReceiverKind::Grid, true);
    if (mRun->comparison && !mRun->comparison->newFailures.empty())
        mResults->setFilter(SunlightResultsPanel::Filter::NewlyFailing);
    mResults->show();
    frameResults();
    updateOverlays();
    updateLegend();
    emit statusMessage(tr("Sunlight: %1").arg(summary.section(QLatin1Char('\n'), 0, 0)), 10000);
    emit runFinished(true);
}

void SunlightController::frameResults() {
    // Frame what was analysed (one building, a grid square, the whole residential city) or, after a
    // comparison, the windows that newly fail together with the proposal.
    gis::Extent extent;
    double zMin = 1e300, zMax = -1e300;
    auto include = [&](const gis::Vec3& at) {
        extent.include(at.x, at.y);
        zMin = std::min(zMin, at.z);
        zMax = std::max(zMax, at.z + 3);
    };
    if (mRun->comparison && !mRun->comparison->newFailures.empty()) {
        for (const auto& c : mRun->comparison->newFailures)
            include(mRun->rowPosition(c.index));
        for (const gis::Building& b : mRun->proposalBuildings) {
            extent.include(b.footprint.extent());
            zMax = std::max(zMax, b.baseZ + b.height);
        }
    } else {
        for (std::size_t i = 0; i < mRun->size(); ++i)
            include(mRun->rowPosition(i));
    }
    if (extent.isEmpty())
        return;
    const double pad = std::max(20.0, 0.1 * std::max(extent.width(), extent.height()));
    extent.include(extent.minX - pad, extent.minY - pad);
    extent.include(extent.maxX + pad, extent.maxY + pad);
    if (mRun->request.kind == ReceiverKind::Grid) {
        // An hour map is read from above: look down steeply from the south.
        constexpr double kPitch = 62.0, kFov = 30.0;
        const double size = std::max(extent.width(), extent.height());
        const double distance = size / (2 * std::tan(kFov / 2 * M_PI / 180.0)) * 1.05;
        gis::CameraView view;
        view.pitch = -kPitch;
        view.heading = 0;
        view.east = extent.center().x;
        view.north = extent.center().y - distance * std::cos(kPitch * M_PI / 180.0);
        view.height = zMin + distance * std::sin(kPitch * M_PI / 180.0);
        mViewer->setCameraView(view);
        return;
    }
    mViewer->zoomToExtent(extent, zMin, zMax);
}

void SunlightController::clearResults() {
    mRun.reset();
    mHighlightRow = -1;
    mResults->setRun(nullptr, nullptr);
    mResults->setSummary({});
    mPanel->setExportsEnabled(false, false, false);
    mViewer->setOverlay(QStringLiteral("sunlight_windows"), nullptr);
    mViewer->setOverlay(QStringLiteral("sunlight_grid"), nullptr);
    updateLegend();
}

QString SunlightController::summaryText(const SunlightRun& run) const {
    int pass = 0, fail = 0, inside = 0;
    double total = 0;
    for (std::size_t i = 0; i < run.size(); ++i) {
        const ReceiverSunlight& r = run.current(i);
        if (r.inside && run.request.kind == ReceiverKind::Grid) {
            ++inside; // a grid point under a roof is no open space: not counted
            continue;
        }
        total += r.countedSeconds;
        if (r.pass)
            ++(*r.pass ? pass : fail);
    }
    QString text;
    if (run.request.kind == ReceiverKind::Windows) {
        std::set<std::int64_t> buildings;
        for (const auto& w : run.windows.windows)
            buildings.insert(w.building);
        text = tr("%L1 windows of %L2 buildings: %L3 pass, %L4 fail")
                   .arg(run.size())
                   .arg(buildings.size())
                   .arg(pass)
                   .arg(fail);
    } else {
        const std::size_t open = run.size() - std::size_t(inside);
        text = tr("%L1 grid points in the open (%L2 under roofs left out), mean %3 h: %L4 at or above the "
                  "requirement, %L5 below")
                   .arg(open)
                   .arg(inside)
                   .arg(open ? total / double(open) / 3600.0 : 0.0, 0, 'f', 2)
                   .arg(pass)
                   .arg(fail);
    }
    if (run.comparison) {
        const SchemeComparison& c = *run.comparison;
        text +=
            QLatin1Char('\n') + tr("With the proposal: %L1 lose sunlight, %L2 newly fail (%L3 failed before, "
                                   "%L4 after).")
                                    .arg(c.drops.size())
                                    .arg(c.newFailures.size())
                                    .arg(c.failingBefore)
                                    .arg(c.failingAfter);
    }
    text += QLatin1Char('\n') + tr("Computed in %1 s (%L2 shadow rays).")
                                    .arg(run.seconds, 0, 'f', 1)
                                    .arg(qulonglong(run.result.raysCast + run.proposalRays));
    for (const std::string& w : run.result.warnings)
        text += QLatin1Char('\n') + QString::fromStdString(w);
    return text;
}

} // namespace app
