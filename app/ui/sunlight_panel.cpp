#include "app/ui/sunlight_panel.h"

#include "app/ui/sunlight_preset_editor.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace app {

using namespace gis::analysis;

namespace {

QDoubleSpinBox* spin(double lo, double hi, double value, double step, int decimals, const QString& suffix) {
    auto* box = new QDoubleSpinBox;
    box->setRange(lo, hi);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setValue(value);
    return box;
}

QPixmap swatch(const QColor& colour, qreal dpr) {
    QPixmap pixmap(QSize(22, 14) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(QColor(60, 60, 60));
    p.setBrush(colour);
    p.drawRect(QRectF(0.5, 0.5, 21, 13));
    return pixmap;
}

} // namespace

SunlightPanel::SunlightPanel(QWidget* parent) : QDockWidget(tr("Sunlight"), parent) {
    setObjectName(QStringLiteral("SunlightPanel"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(buildRegulation());
    layout->addWidget(buildReceivers());

    auto* run = new QHBoxLayout;
    mRun = new QPushButton(tr("&Run"));
    mRun->setObjectName(QStringLiteral("sunlightRun"));
    mRun->setToolTip(tr("Compute the sunlight hours of the receivers (exact shadow rays, transitions to the "
                        "second)"));
    mCancel = new QPushButton(tr("Cancel"));
    mCancel->setEnabled(false);
    run->addWidget(mRun, 1);
    run->addWidget(mCancel);
    layout->addLayout(run);
    mSummary = new QLabel;
    mSummary->setWordWrap(true);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(mSummary);

    layout->addWidget(buildDisplay());
    layout->addWidget(buildComparison());

    auto* exports = new QGroupBox(tr("Export"));
    auto* ex = new QHBoxLayout(exports);
    mExportTable = new QPushButton(tr("Table (CSV)…"));
    mExportGrid = new QPushButton(tr("Hour Map (GeoTIFF)…"));
    mReport = new QPushButton(tr("Report (PDF)…"));
    for (QPushButton* b : {mExportTable, mExportGrid, mReport}) {
        b->setEnabled(false);
        ex->addWidget(b);
    }
    layout->addWidget(exports);
    layout->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    setWidget(scroll);

    connect(mRun, &QPushButton::clicked, this, &SunlightPanel::runRequested);
    connect(mCancel, &QPushButton::clicked, this, &SunlightPanel::cancelRequested);
    connect(mExportTable, &QPushButton::clicked, this, &SunlightPanel::exportTableRequested);
    connect(mExportGrid, &QPushButton::clicked, this, &SunlightPanel::exportGridRequested);
    connect(mReport, &QPushButton::clicked, this, &SunlightPanel::reportRequested);
    updateReceiverWidgets();
}

QWidget* SunlightPanel::buildRegulation() {
    auto* box = new QGroupBox(tr("Regulation"));
    auto* v = new QVBoxLayout(box);
    auto* row = new QHBoxLayout;
    mPreset = new QComboBox;
    mPreset->setObjectName(QStringLiteral("sunlightPreset"));
    mPreset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mPreset->setMinimumContentsLength(16);
    mPreset->setToolTip(tr("Regulation preset: every parameter that changes a result"));
    row->addWidget(mPreset, 1);
    mYear = new QSpinBox;
    mYear->setRange(1900, 2200);
    mYear->setValue(QDate::currentDate().year());
    mYear->setToolTip(tr("Year of the analysis date (solar terms such as 大寒 move by a day between years)"));
    row->addWidget(mYear);
    v->addLayout(row);
    auto* buttons = new QHBoxLayout;
    mCopy = new QPushButton(tr("Copy and Edit"));
    mCopy->setToolTip(tr("Make an editable copy of this preset"));
    mSaveAs = new QPushButton(tr("Save as Preset…"));
    mSaveAs->setToolTip(tr("Save the edited parameters as a preset file (urbis-cli --preset reads it too)"));
    mSaveAs->setEnabled(false);
    buttons->addWidget(mCopy);
    buttons->addWidget(mSaveAs);
    buttons->addStretch(1);
    v->addLayout(buttons);
    mEditor = new SunlightPresetEditor;
    v->addWidget(mEditor);

    connect(mPreset, &QComboBox::activated, this, &SunlightPanel::onPresetActivated);
    connect(mCopy, &QPushButton::clicked, this, &SunlightPanel::copyAndEdit);
    connect(mSaveAs, &QPushButton::clicked, this, &SunlightPanel::saveAsPresetRequested);
    connect(mYear, &QSpinBox::valueChanged, this, [this](int y) { mEditor->setYear(y); });
    connect(mEditor, &SunlightPresetEditor::changed, this, &SunlightPanel::presetChanged);
    return box;
}

QWidget* SunlightPanel::buildReceivers() {
    auto* box = new QGroupBox(tr("Receivers"));
    auto* v = new QVBoxLayout(box);
    mWindows = new QRadioButton(tr("Windows of residential buildings"));
    mWindows->setChecked(true);
    mGrid = new QRadioButton(tr("Plan grid"));
    v->addWidget(mWindows);

    mWindowOptions = new QWidget;
    auto* wf = new QFormLayout(mWindowOptions);
    wf->setContentsMargins(18, 0, 0, 0);
    mScope = new QComboBox;
    mScope->addItem(tr("All residential buildings"), int(Scope::AllResidential));
    mScope->addItem(tr("Picked building"), int(Scope::SelectedBuilding));
    wf->addRow(tr("Buildings:"), mScope);
    mSouthOnly = new QCheckBox(tr("South-facing facades only"));
    mSouthOnly->setChecked(true);
    mSouthOnly->setToolTip(tr("Facades whose outward normal lies within 90° of true south (the main "
                              "lighting facades of north–south slabs)"));
    wf->addRow(mSouthOnly);
    mWindowSpacing = spin(1, 20, 3, 0.5, 1, tr(" m"));
    wf->addRow(tr("Window spacing:"), mWindowSpacing);
    mSillSamples = new QSpinBox;
    mSillSamples->setRange(1, 9);
    mSillSamples->setToolTip(tr("1: the sill centre; N > 1: N points across the window, lit only when all "
                                "are (whole window lit, 满窗日照)"));
    wf->addRow(tr("Sill samples:"), mSillSamples);
    v->addWidget(mWindowOptions);

    v->addWidget(mGrid);
    mGridOptions = new QWidget;
    auto* gf = new QFormLayout(mGridOptions);
    gf->setContentsMargins(18, 0, 0, 0);
    mGridArea = new QComboBox;
    mGridArea->addItem(tr("Square around the picked point"), int(GridArea::SquareAroundPick));
    mGridArea->addItem(tr("Green space zones (G)"), int(GridArea::GreenSpace));
    gf->addRow(tr("Area:"), mGridArea);
    mGridSize = spin(20, 5000, 300, 50, 0, tr(" m"));
    gf->addRow(tr("Square side:"), mGridSize);
    mGridSpacing = spin(0.5, 100, 2, 0.5, 1, tr(" m"));
    gf->addRow(tr("Spacing:"), mGridSpacing);
    mGridHeight = spin(0, 100, 0, 0.5, 1, tr(" m"));
    mGridHeight->setToolTip(tr("Receiver height above the ground (BRE BR 209: 0; Japan 日影規制: 1.5 or 4)"));
    gf->addRow(tr("Height:"), mGridHeight);
    v->addWidget(mGridOptions);

    auto* pick = new QHBoxLayout;
    mPick = new QPushButton(tr("Pick in View"));
    mPick->setCheckable(true);
    mPick->setToolTip(tr("Click a building (or a point on the ground) in the 3D view"));
    mPicked = new QLabel(tr("Nothing picked"));
    mPicked->setWordWrap(true);
    pick->addWidget(mPick);
    pick->addWidget(mPicked, 1);
    v->addLayout(pick);

    auto* kind = new QButtonGroup(box);
    kind->addButton(mWindows);
    kind->addButton(mGrid);
    connect(mWindows, &QRadioButton::toggled, this, &SunlightPanel::updateReceiverWidgets);
    connect(mScope, &QComboBox::currentIndexChanged, this, &SunlightPanel::updateReceiverWidgets);
    connect(mGridArea, &QComboBox::currentIndexChanged, this, &SunlightPanel::updateReceiverWidgets);
    connect(mPick, &QPushButton::clicked, this, [this](bool on) {
        if (on)
            emit pickRequested();
    });
    return box;
}

QWidget* SunlightPanel::buildDisplay() {
    auto* box = new QGroupBox(tr("Display"));
    auto* v = new QVBoxLayout(box);
    auto* form = new QFormLayout;
    mColourBy = new QComboBox;
    mColourBy->addItem(tr("Pass / fail"), int(ColourBy::PassFail));
    mColourBy->addItem(tr("Sunlight hours"), int(ColourBy::Hours));
    form->addRow(tr("Colour windows by:"), mColourBy);
    mColourBlind = new QCheckBox(tr("Colour-blind safe (blue / orange)"));
    form->addRow(mColourBlind);
    v->addLayout(form);
    mLegendTitle = new QLabel;
    v->addWidget(mLegendTitle);
    mLegend = new QVBoxLayout;
    mLegend->setSpacing(2);
    v->addLayout(mLegend);
    connect(mColourBy, &QComboBox::currentIndexChanged, this, &SunlightPanel::displayChanged);
    connect(mColourBlind, &QCheckBox::toggled, this, &SunlightPanel::displayChanged);
    return box;
}

QWidget* SunlightPanel::buildComparison() {
    auto* box = new QGroupBox(tr("Scheme Comparison"));
    auto* form = new QFormLayout(box);
    mProposal = new QComboBox;
    mProposal->setObjectName(QStringLiteral("sunlightProposal"));
    mProposal->setToolTip(tr("The buildings layer that holds the proposal; the baseline is every other "
                             "visible buildings layer"));
    form->addRow(tr("Proposal layer:"), mProposal);
    auto* buttons = new QHBoxLayout;
    mAddTower = new QPushButton(tr("Add Tower…"));
    mAddTower->setToolTip(tr("Place a tower at a point picked in the view, in a new proposal layer"));
    mCompare = new QPushButton(tr("Compare"));
    mCompare->setObjectName(QStringLiteral("sunlightCompare"));
    mCompare->setToolTip(tr("The same receivers without and with the proposal: which lose sunlight, which "
                            "newly fail"));
    buttons->addWidget(mAddTower);
    buttons->addWidget(mCompare, 1);
    form->addRow(buttons);
    connect(mAddTower, &QPushButton::clicked, this, &SunlightPanel::addTowerRequested);
    connect(mCompare, &QPushButton::clicked, this, &SunlightPanel::compareRequested);
    return box;
}

void SunlightPanel::setPresetDirectories(const std::vector<std::string>& dirs) {
    mDirs = dirs;
    const QString keep = currentPresetName();
    const bool editing = isEditing();
    mPreset->clear();
    for (const std::string& name : listPresets(dirs)) {
        auto preset = findPreset(name, dirs);
        if (!preset)
            continue; // a broken file: findPreset's message names it; urbis-cli reports it too
        mPreset->addItem(QString::fromStdString(name), QString::fromStdString(name));
        mPreset->setItemData(mPreset->count() - 1, QString::fromStdString(preset->title), Qt::ToolTipRole);
    }
    if (editing)
        return; // the edited copy stays; the list is only for picking another one
    if (!keep.isEmpty() && selectPreset(keep))
        return;
    if (!selectPreset(QStringLiteral("gb50180-dahan-2h")) && mPreset->count() > 0) {
        mPreset->setCurrentIndex(0);
        onPresetActivated();
    }
}

QStringList SunlightPanel::presetNames() const {
    QStringList names;
    for (int i = 0; i < mPreset->count(); ++i)
        if (!mPreset->itemData(i).toString().isEmpty())
            names << mPreset->itemData(i).toString();
    return names;
}

bool SunlightPanel::selectPreset(const QString& name) {
    const int i = mPreset->findData(name);
    if (i < 0)
        return false;
    mPreset->setCurrentIndex(i);
    onPresetActivated();
    return true;
}

void SunlightPanel::onPresetActivated() {
    const QString name = mPreset->currentData().toString();
    if (name.isEmpty())
        return; // the edited copy's entry
    auto preset = findPreset(name.toStdString(), mDirs);
    if (!preset) {
        setSummary(QString::fromStdString(preset.error()));
        return;
    }
    // Leaving an edited copy: its entry goes.
    for (int i = mPreset->count() - 1; i >= 0; --i)
        if (mPreset->itemData(i).toString().isEmpty())
            mPreset->removeItem(i);
    mEditor->setEditable(false);
    mSaveAs->setEnabled(false);
    mEditor->setPreset(preset.value(), year(), mDefaultZone);
}

QString SunlightPanel::currentPresetName() const {
    return mPreset->currentData().toString();
}

void SunlightPanel::copyAndEdit() {
    if (isEditing())
        return;
    SunlightPreset p = mEditor->preset();
    p.name = p.name + "-edited";
    p.title = tr("Edited copy of %1").arg(QString::fromStdString(p.title)).toStdString();
    showEditedPreset(p);
}

void SunlightPanel::showEditedPreset(const SunlightPreset& preset) {
    for (int i = mPreset->count() - 1; i >= 0; --i)
        if (mPreset->itemData(i).toString().isEmpty())
            mPreset->removeItem(i);
    mPreset->insertItem(0, tr("%1 (edited)").arg(QString::fromStdString(preset.name)), QString());
    mPreset->setCurrentIndex(0);
    mEditor->setPreset(preset, year(), mDefaultZone);
    mEditor->setEditable(true);
    mSaveAs->setEnabled(true);
}

bool SunlightPanel::isEditing() const {
    return mEditor->isEditable();
}

int SunlightPanel::year() const {
    return mYear->value();
}

void SunlightPanel::setYear(int year) {
    mYear->setValue(year);
}

void SunlightPanel::setDefaultTimeZone(const QString& zone) {
    mDefaultZone = zone;
    mEditor->setDefaultZone(zone);
}

SunlightPanel::Receivers SunlightPanel::receivers() const {
    return mGrid->isChecked() ? Receivers::Grid : Receivers::Windows;
}

void SunlightPanel::setReceivers(Receivers receivers) {
    (receivers == Receivers::Grid ? mGrid : mWindows)->setChecked(true);
}

SunlightPanel::Scope SunlightPanel::scope() const {
    return Scope(mScope->currentData().toInt());
}

void SunlightPanel::setScope(Scope scope) {
    mScope->setCurrentIndex(mScope->findData(int(scope)));
}

bool SunlightPanel::southOnly() const {
    return mSouthOnly->isChecked();
}

double SunlightPanel::windowSpacing() const {
    return mWindowSpacing->value();
}

int SunlightPanel::sillSamples() const {
    return mSillSamples->value();
}

double SunlightPanel::gridSpacing() const {
    return mGridSpacing->value();
}

double SunlightPanel::gridHeight() const {
    return mGridHeight->value();
}

SunlightPanel::GridArea SunlightPanel::gridArea() const {
    return GridArea(mGridArea->currentData().toInt());
}

double SunlightPanel::gridSize() const {
    return mGridSize->value();
}

void SunlightPanel::setGrid(GridArea area, double size, double spacing, double height) {
    mGridArea->setCurrentIndex(mGridArea->findData(int(area)));
    mGridSize->setValue(size);
    mGridSpacing->setValue(spacing);
    mGridHeight->setValue(height);
}

void SunlightPanel::setPickDescription(const QString& text) {
    mPicked->setText(text.isEmpty() ? tr("Nothing picked") : text);
}

void SunlightPanel::setPicking(bool picking) {
    mPick->setChecked(picking);
}

void SunlightPanel::updateReceiverWidgets() {
    const bool windows = receivers() == Receivers::Windows;
    mWindowOptions->setEnabled(windows);
    mGridOptions->setEnabled(!windows);
    mGridSize->setEnabled(!windows && gridArea() == GridArea::SquareAroundPick);
}

SunlightPanel::ColourBy SunlightPanel::colourBy() const {
    return ColourBy(mColourBy->currentData().toInt());
}

void SunlightPanel::setColourBy(ColourBy by) {
    mColourBy->setCurrentIndex(mColourBy->findData(int(by)));
}

bool SunlightPanel::colourBlindSafe() const {
    return mColourBlind->isChecked();
}

void SunlightPanel::setColourBlindSafe(bool safe) {
    mColourBlind->setChecked(safe);
}

void SunlightPanel::setLegend(const QString& title, const QList<QPair<QColor, QString>>& entries) {
    mLegendTitle->setText(title);
    while (QLayoutItem* item = mLegend->takeAt(0)) {
        if (QLayout* l = item->layout()) {
            while (QLayoutItem* inner = l->takeAt(0)) {
                delete inner->widget();
                delete inner;
            }
        }
        delete item->widget();
        delete item;
    }
    for (const auto& [colour, text] : entries) {
        auto* row = new QHBoxLayout;
        auto* icon = new QLabel;
        icon->setPixmap(swatch(colour, devicePixelRatioF()));
        row->addWidget(icon);
        row->addWidget(new QLabel(text), 1);
        mLegend->addLayout(row);
    }
}

void SunlightPanel::setProposalLayers(const QList<QPair<QString, QString>>& layers) {
    const QString keep = proposalLayer();
    mProposal->clear();
    mProposal->addItem(tr("— choose a layer, or Add Tower… —"), QString());
    for (const auto& [id, name] : layers)
        mProposal->addItem(name, id);
    if (!keep.isEmpty())
        setProposalLayer(keep);
    mCompare->setEnabled(!mBusy && mProposal->count() > 1);
}

QString SunlightPanel::proposalLayer() const {
    return mProposal->currentData().toString();
}

void SunlightPanel::setProposalLayer(const QString& id) {
    if (const int i = mProposal->findData(id); i >= 0)
        mProposal->setCurrentIndex(i);
}

void SunlightPanel::setBusy(bool busy) {
    mBusy = busy;
    mRun->setEnabled(!busy);
    mCompare->setEnabled(!busy && mProposal->count() > 1);
    mAddTower->setEnabled(!busy);
    mCancel->setEnabled(busy);
}

void SunlightPanel::setSummary(const QString& text) {
    mSummary->setText(text);
}

QString SunlightPanel::summary() const {
    return mSummary->text();
}

void SunlightPanel::setExportsEnabled(bool table, bool grid, bool report) {
    mExportTable->setEnabled(table);
    mExportGrid->setEnabled(grid);
    mReport->setEnabled(report);
}

} // namespace app
