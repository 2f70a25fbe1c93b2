#include "app/ui/flood_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

namespace app {

namespace {

QDoubleSpinBox* spin(double lo, double hi, double value, int decimals, const QString& suffix,
                     const QString& tip) {
    auto* s = new QDoubleSpinBox;
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setValue(value);
    s->setSuffix(suffix);
    s->setToolTip(tip);
    s->setKeyboardTracking(false);
    return s;
}

} // namespace

FloodPanel::FloodPanel(QWidget* parent) : QDockWidget(tr("Flood"), parent) {
    setObjectName(QStringLiteral("FloodPanel"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(createGridGroup());
    mTabs = new QTabWidget;
    mTabs->addTab(createStaticTab(), tr("Water level"));
    mTabs->addTab(createPondingTab(), tr("Rain ponding"));
    mTabs->addTab(createDynamicTab(), tr("Dynamic 2D"));
    mTabs->setTabToolTip(0, tr("Tier 0: a static water level connected to the river, the sea or a point"));
    mTabs->setTabToolTip(1, tr("Tier 1: rain fills the depressions in the terrain in spill order"));
    mTabs->setTabToolTip(
        2, tr("Tier 2: a local-inertial 2D model (LISFLOOD-FP ACC). Not for supercritical flow or dam "
              "breaks."));
    layout->addWidget(mTabs);
    layout->addStretch(1);
    setWidget(content);
    setStaticReady(false);
}

QWidget* FloodPanel::createGridGroup() {
    auto* w = new QWidget;
    auto* form = new QFormLayout(w);
    form->setContentsMargins(0, 0, 0, 0);
    QSettings settings;
    mCellSize = spin(0.5, 100, settings.value("flood/cellSize", 5.0).toDouble(), 1, tr(" m"),
                     tr("Cell size of the hydrology grid the terrain is resampled to"));
    form->addRow(tr("Grid cell:"), mCellSize);
    mBuildings = new QComboBox;
    mBuildings->addItem(tr("Ignored"));
    mBuildings->addItem(tr("Blocked (water flows around)"));
    mBuildings->addItem(tr("Raised 5 m (as the EA does)"));
    mBuildings->setCurrentIndex(1);
    mBuildings->setToolTip(tr("How buildings enter the hydrology grid"));
    form->addRow(tr("Buildings:"), mBuildings);
    auto* coverRow = new QHBoxLayout;
    mLandCover = new QCheckBox(tr("Land cover from zoning"));
    mLandCover->setChecked(true);
    mLandCover->setToolTip(tr("Manning's n and runoff coefficients per cell from the zoning classes and the "
                              "roofs; otherwise the uniform values of each tier"));
    auto* editCover = new QPushButton(tr("Table…"));
    editCover->setToolTip(tr("Edit Manning's n and the runoff coefficient of each land-cover class"));
    coverRow->addWidget(mLandCover, 1);
    coverRow->addWidget(editCover);
    form->addRow(tr("Roughness:"), coverRow);
    connect(editCover, &QPushButton::clicked, this, &FloodPanel::editLandCoverRequested);
    connect(mCellSize, &QDoubleSpinBox::valueChanged, this,
            [](double v) { QSettings().setValue("flood/cellSize", v); });
    return w;
}

QWidget* FloodPanel::createStaticTab() {
    auto* w = new QWidget;
    auto* form = new QFormLayout(w);
    mSeeds = new QComboBox;
    mSeeds->addItem(tr("Water bodies (class E zones)"));
    mSeeds->addItem(tr("Edge of the terrain"));
    mSeeds->addItem(tr("Clicked point"));
    mSeeds->setToolTip(tr("Where the water comes from: a cell floods only when connected to a seed"));
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(mSeeds, 1);
    mPickSeed = new QPushButton(tr("Pick"));
    mPickSeed->setCheckable(true);
    mPickSeed->setToolTip(tr("Click a point in the 3D view to seed the flood there"));
    seedRow->addWidget(mPickSeed);
    form->addRow(tr("Seeds:"), seedRow);
    mSeedLabel = new QLabel(tr("No point picked"));
    mSeedLabel->setEnabled(false);
    form->addRow(QString(), mSeedLabel);
    mConnectivity = new QComboBox;
    mConnectivity->addItem(tr("8 neighbours (as GRASS r.lake)"), 8);
    mConnectivity->addItem(tr("4 neighbours (no diagonal leaks)"), 4);
    form->addRow(tr("Connectivity:"), mConnectivity);
    mComputeStatic = new QPushButton(tr("Compute connection levels"));
    mComputeStatic->setToolTip(tr("One pass gives every cell the level at which it floods; the slider is "
                                  "then instant"));
    form->addRow(mComputeStatic);

    mLevelSlider = new QSlider(Qt::Horizontal);
    mLevelSlider->setToolTip(tr("Water level (drag for a rising-water view)"));
    mLevel = spin(-1000, 9000, 0, 2, tr(" m"), tr("Water level, metres above the DEM's vertical datum"));
    auto* levelRow = new QHBoxLayout;
    levelRow->addWidget(mLevelSlider, 1);
    levelRow->addWidget(mLevel);
    form->addRow(tr("Level:"), levelRow);
    mAnimate = new QPushButton(tr("Animate rising water"));
    mAnimate->setCheckable(true);
    form->addRow(mAnimate);

    connect(mSeeds, &QComboBox::currentIndexChanged, this, [this](int i) {
        mPickSeed->setEnabled(i == int(SeedSource::ClickedPoint));
        if (i != int(SeedSource::ClickedPoint))
            setPickingSeed(false);
    });
    mPickSeed->setEnabled(false);
    connect(mPickSeed, &QPushButton::toggled, this, &FloodPanel::pickSeedToggled);
    connect(mComputeStatic, &QPushButton::clicked, this, &FloodPanel::computeStaticRequested);
    connect(mLevelSlider, &QSlider::valueChanged, this, [this](int cm) {
        const double level = cm / 100.0;
        if (std::abs(mLevel->value() - level) >= 0.005) {
            QSignalBlocker block(mLevel);
            mLevel->setValue(level);
        }
        emit levelChanged(level);
    });
    connect(mLevel, &QDoubleSpinBox::valueChanged, this, [this](double level) {
        QSignalBlocker block(mLevelSlider);
        mLevelSlider->setValue(int(std::lround(level * 100)));
        emit levelChanged(level);
    });
    connect(mAnimate, &QPushButton::toggled, this, &FloodPanel::animateToggled);
    return w;
}

QWidget* FloodPanel::createPondingTab() {
    auto* w = new QWidget;
    auto* form = new QFormLayout(w);
    mRainMm = spin(1, 2000, 50, 0, tr(" mm"), tr("Rain depth over the whole terrain"));
    form->addRow(tr("Rain:"), mRainMm);
    mRunoff = spin(
        0, 1, 0.8, 2, QString(),
        tr("Fraction of the rain that runs off (roofs and paving ~0.9, green ~0.3); used where land cover "
           "from zoning is off"));
    form->addRow(tr("Runoff coefficient:"), mRunoff);
    mComputePonding = new QPushButton(tr("Compute ponding"));
    form->addRow(mComputePonding);
    connect(mComputePonding, &QPushButton::clicked, this, &FloodPanel::computePondingRequested);
    return w;
}

QWidget* FloodPanel::createDynamicTab() {
    auto* w = new QWidget;
    auto* form = new QFormLayout(w);
    mStorm = new QComboBox;
    mStorm->addItem(tr("Constant rain"));
    mStorm->addItem(tr("Chicago design storm (IDF)"));
    form->addRow(tr("Rain:"), mStorm);
    mRainRate = spin(0, 500, 30, 1, tr(" mm/h"), tr("Constant rain intensity"));
    form->addRow(tr("Intensity:"), mRainRate);
    mDuration = spin(0.1, 72, 1, 2, tr(" h"), tr("Duration of the storm and of the simulation"));
    form->addRow(tr("Duration:"), mDuration);
    mIdfA = spin(1, 100000, 1500, 1, QString(), tr("IDF a in i = a / (d + b)^c (i in mm/h, d in minutes)"));
    mIdfB = spin(0, 1000, 10, 1, tr(" min"), tr("IDF b"));
    mIdfC = spin(0.01, 0.99, 0.75, 3, QString(), tr("IDF c"));
    mPeak = spin(0.05, 0.95, 0.4, 2, QString(), tr("Position of the peak as a fraction of the duration"));
    form->addRow(tr("IDF a:"), mIdfA);
    form->addRow(tr("IDF b:"), mIdfB);
    form->addRow(tr("IDF c:"), mIdfC);
    form->addRow(tr("Peak at:"), mPeak);
    mLosses = spin(0, 200, 0, 1, tr(" mm/h"), tr("Infiltration losses"));
    form->addRow(tr("Losses:"), mLosses);
    mDrainage = spin(0, 200, 12, 1, tr(" mm/h"), tr("Drainage allowance (the UK EA uses 12 mm/h in towns)"));
    form->addRow(tr("Drainage:"), mDrainage);
    mManning = spin(0.01, 0.3, 0.035, 3, QString(),
                    tr("Manning's n of the ground, used where land cover from zoning is off"));
    form->addRow(tr("Manning's n:"), mManning);
    mOutputEvery = spin(1, 600, 5, 0, tr(" min"), tr("Interval of the depth snapshots for the time slider"));
    form->addRow(tr("Snapshots every:"), mOutputEvery);
    mRunDynamic = new QPushButton(tr("Run simulation"));
    form->addRow(mRunDynamic);
    auto storm = [this](int i) {
        const bool chicago = i == int(Storm::Chicago);
        for (QWidget* x : {static_cast<QWidget*>(mIdfA), static_cast<QWidget*>(mIdfB),
                           static_cast<QWidget*>(mIdfC), static_cast<QWidget*>(mPeak)})
            x->setEnabled(chicago);
        mRainRate->setEnabled(!chicago);
    };
    connect(mStorm, &QComboBox::currentIndexChanged, this, storm);
    storm(0);
    connect(mRunDynamic, &QPushButton::clicked, this, &FloodPanel::runDynamicRequested);
    return w;
}

FloodPanel::GridParams FloodPanel::gridParams() const {
    return {mCellSize->value(), mBuildings->currentIndex(), mLandCover->isChecked()};
}

FloodPanel::StaticParams FloodPanel::staticParams() const {
    return {SeedSource(mSeeds->currentIndex()), mConnectivity->currentData().toInt()};
}

FloodPanel::PondingParams FloodPanel::pondingParams() const {
    return {mRainMm->value(), mRunoff->value()};
}

FloodPanel::DynamicParams FloodPanel::dynamicParams() const {
    DynamicParams p;
    p.storm = Storm(mStorm->currentIndex());
    p.rainMmPerH = mRainRate->value();
    p.durationH = mDuration->value();
    p.idfA = mIdfA->value();
    p.idfB = mIdfB->value();
    p.idfC = mIdfC->value();
    p.peak = mPeak->value();
    p.lossesMmPerH = mLosses->value();
    p.drainageMmPerH = mDrainage->value();
    p.manning = mManning->value();
    p.outputEveryMin = mOutputEvery->value();
    return p;
}

void FloodPanel::setLevelRange(double lo, double hi) {
    QSignalBlocker block(mLevelSlider);
    mLevelSlider->setRange(int(std::floor(lo * 100)), int(std::ceil(hi * 100)));
    mLevelSlider->setSingleStep(10);
    mLevelSlider->setPageStep(100);
}

void FloodPanel::setLevel(double level) {
    mLevel->setValue(level); // emits levelChanged
}

double FloodPanel::level() const {
    return mLevel->value();
}

void FloodPanel::setStaticReady(bool ready) {
    mLevelSlider->setEnabled(ready);
    mLevel->setEnabled(ready);
    mAnimate->setEnabled(ready);
}

void FloodPanel::setSeedPoint(double east, double north) {
    mHaveSeedPoint = true;
    mSeedLabel->setText(tr("E %1, N %2").arg(east, 0, 'f', 1).arg(north, 0, 'f', 1));
    mSeedLabel->setEnabled(true);
    mSeeds->setCurrentIndex(int(SeedSource::ClickedPoint));
}

bool FloodPanel::isPickingSeed() const {
    return mPickSeed->isChecked();
}

void FloodPanel::setPickingSeed(bool on) {
    mPickSeed->setChecked(on);
}

void FloodPanel::setBusy(bool busy) {
    for (QPushButton* b : {mComputeStatic, mComputePonding, mRunDynamic})
        b->setEnabled(!busy);
}

bool FloodPanel::isAnimating() const {
    return mAnimate->isChecked();
}

void FloodPanel::setAnimating(bool on) {
    mAnimate->setChecked(on);
}

} // namespace app
