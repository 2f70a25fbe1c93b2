#include "app/ui/import_dialog.h"

#include "app/model/window_settings.h"
#include "app/ui/crs_picker.h"
#include "app/ui/database_dialog.h"
#include "app/ui/field_mapping_box.h"
#include "gis/io/crs_transform.h"
#include "gis/io/postgis.h"

#include <QColor>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QThreadPool>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <memory>

namespace app {

using gis::io::FieldRole;

namespace {
QString number(std::int64_t n) {
    return QLocale().toString(qlonglong(n));
}

QString metres(double m) {
    return ImportDialog::tr("%1 m").arg(QLocale().toString(m, 'g', 4));
}

// "CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547)"; WKT without a code shows only its name.
QString crsLabel(const gis::Crs& crs) {
    const QString name = QString::fromStdString(gis::io::crsName(crs));
    const QString id = QString::fromStdString(gis::io::crsIdentifier(crs));
    if (id.isEmpty() || id.size() > 24)
        return name.isEmpty() ? ImportDialog::tr("(unnamed coordinate system)") : name;
    return name.isEmpty() ? id : ImportDialog::tr("%1 (%2)").arg(name, id);
}

} // namespace

ImportDialog::ImportDialog(const gis::Crs& projectCrs, QWidget* parent)
    : QDialog(parent), mProjectCrs(projectCrs) {
    setObjectName(QStringLiteral("ImportDialog"));
    setWindowTitle(tr("Import Data"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mImport = buttons->button(QDialogButtonBox::Ok);
    mImport->setText(tr("&Import"));
    mImport->setToolTip(tr("Import the listed data into the project with these settings"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    mProblem = new QLabel(this);
    mProblem->setObjectName(QStringLiteral("importProblem"));
    mProblem->setWordWrap(true);
    mProblem->setStyleSheet(QStringLiteral("color: #a05a00;"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createSourcesBox(), 1);
    layout->addWidget(createDetailsBox());
    layout->addWidget(createProjectBox());
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(mProblem, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    // As tall as the content: the window grows when a CRS picker appears (and keeps the size the user gives).
    resize(880, minimumSizeHint().height());
    updateState();
}

ImportDialog::~ImportDialog() = default;

QWidget* ImportDialog::createSourcesBox() {
    auto* box = new QGroupBox(tr("Data to import"), this);
    mList = new QListWidget(box);
    mList->setObjectName(QStringLiteral("importSources"));
    mList->setToolTip(tr("Files and database tables to import; select one to see and set how it is read"));
    mList->setMinimumHeight(72); // grows with the window
    mList->installEventFilter(this);
    auto* add = new QPushButton(tr("&Add Files…"), box);
    add->setToolTip(tr("Add GIS files: GeoPackage, Shapefile, GeoJSON, OSM, CityJSON, CityGML, GeoTIFF…"));
    auto* database = new QPushButton(tr("Da&tabase…"), box);
    database->setToolTip(tr("Add tables from a PostGIS database"));
    mRemove = new QPushButton(tr("&Remove"), box);
    mRemove->setToolTip(tr("Take the selected item off the list (Delete)"));
    for (QPushButton* b : {add, database, mRemove})
        b->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, &ImportDialog::addFilesWithDialog);
    connect(database, &QPushButton::clicked, this, &ImportDialog::addDatabaseWithDialog);
    connect(mRemove, &QPushButton::clicked, this, &ImportDialog::removeCurrentSource);
    connect(mList, &QListWidget::currentRowChanged, this, &ImportDialog::showCurrent);
    auto* column = new QVBoxLayout;
    column->addWidget(add);
    column->addWidget(database);
    column->addWidget(mRemove);
    column->addStretch();
    auto* layout = new QHBoxLayout(box);
    layout->addWidget(mList, 1);
    layout->addLayout(column);
    return box;
}

QWidget* ImportDialog::createDetailsBox() {
    mDetails = new QGroupBox(this);
    mFormat = new QLabel(mDetails);
    mLayers = new QLabel(mDetails);
    mCrs = new QLabel(mDetails);
    for (QLabel* l : {mFormat, mLayers, mCrs}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    mCrs->setObjectName(QStringLiteral("datasetCrsLabel"));
    mDatasetCrs = new CrsPicker(false, mDetails);
    mDatasetCrs->setObjectName(QStringLiteral("datasetCrs"));
    mDatasetCrs->setVisible(false); // only for a dataset without a CRS
    connect(mDatasetCrs, &CrsPicker::selectedCodeChanged, this, [this](const QString& code) {
        if (Source* s = current(); s && !mFilling) {
            s->assumeCrs = code;
            updateSourceItem(currentSource());
            updateProjectBox();
            updateState();
        }
    });
    auto* info = new QFormLayout;
    info->addRow(tr("Format:"), mFormat);
    info->addRow(tr("Layers:"), mLayers);
    info->addRow(tr("Coordinate system:"), mCrs);

    mMapping = new FieldMappingBox(mDetails);
    connect(mMapping, &FieldMappingBox::mappingEdited, this, &ImportDialog::mappingEdited);
    connect(mMapping, &FieldMappingBox::heightsEdited, this, &ImportDialog::heightsEdited);

    auto* layout = new QVBoxLayout(mDetails);
    layout->addLayout(info);
    layout->addWidget(mDatasetCrs, 1);
    layout->addWidget(mMapping);
    return mDetails;
}

QWidget* ImportDialog::createProjectBox() {
    mProjectBox = new QGroupBox(tr("Project coordinate system"), this);
    mProjectLabel = new QLabel(mProjectBox);
    mProjectLabel->setObjectName(QStringLiteral("projectCrsLabel"));
    mProjectLabel->setWordWrap(true);
    mProjectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mProjectChange = new QPushButton(tr("&Choose Another…"), mProjectBox);
    mProjectChange->setAutoDefault(false);
    mProjectChange->setCheckable(true);
    mProjectChange->setToolTip(tr("Use another projected coordinate system in metres for the new project"));
    mProjectPicker = new CrsPicker(true, mProjectBox);
    mProjectPicker->setObjectName(QStringLiteral("projectCrs"));
    mProjectPicker->setVisible(false);
    connect(mProjectChange, &QPushButton::toggled, this, [this](bool on) {
        mProjectPicker->setVisible(on);
        if (on)
            mProjectPicker->setFocus();
        else
            mProjectPicker->setSelectedCode({});
    });
    connect(mProjectPicker, &CrsPicker::selectedCodeChanged, this, [this](const QString& code) {
        mProjectOverride = code;
        updateProjectBox();
        updateState();
    });
    auto* row = new QHBoxLayout;
    row->addWidget(mProjectLabel, 1);
    row->addWidget(mProjectChange, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(mProjectBox);
    layout->addLayout(row);
    layout->addWidget(mProjectPicker);
    return mProjectBox;
}

void ImportDialog::addSources(const QStringList& sources) {
    for (const QString& s : sources) {
        Source source;
        source.id = mNextId++;
        const bool database = gis::io::isPostgisConnection(s.toStdString());
        source.source = database ? s : QFileInfo(s).absoluteFilePath();
        source.label = database ? QString::fromStdString(gis::io::redactPassword(s.toStdString()))
                                : QFileInfo(s).fileName();
        mSources.push_back(std::move(source));
        auto* item = new QListWidgetItem(mList);
        item->setToolTip(database ? mSources.back().label : QDir::toNativeSeparators(mSources.back().source));
        updateSourceItem(int(mSources.size()) - 1);
        requestPreview(mSources.back());
    }
    if (currentSource() < 0 && !mSources.empty())
        setCurrentSource(0);
    updateState();
}

int ImportDialog::currentSource() const {
    return mList->currentRow();
}

void ImportDialog::setCurrentSource(int index) {
    mList->setCurrentRow(index);
}

void ImportDialog::removeCurrentSource() {
    const int row = currentSource();
    if (row < 0)
        return;
    mSources.erase(mSources.begin() + row);
    delete mList->takeItem(row);
    showCurrent();
    updateProjectBox();
    updateState();
}

ImportDialog::Source* ImportDialog::current() {
    const int row = currentSource();
    return row >= 0 && row < int(mSources.size()) ? &mSources[std::size_t(row)] : nullptr;
}

const ImportDialog::Source* ImportDialog::current() const {
    return const_cast<ImportDialog*>(this)->current();
}

gis::io::ImportOptions ImportDialog::optionsFor(const Source& s) const {
    gis::io::ImportOptions options;
    options.storeyHeight = mMapping->storeyHeight();
    options.defaultHeight = mMapping->defaultHeight();
    options.assumeCrs = s.assumeCrs.toStdString();
    if (s.mapped && s.preview)
        gis::io::applyMapping(options, s.mapping, s.preview->guessed);
    return options;
}

void ImportDialog::requestPreview(Source& s) {
    const int generation = ++s.generation;
    const quint64 id = s.id;
    const std::string path = s.source.toStdString();
    const gis::io::ImportOptions options = optionsFor(s);
    QPointer<ImportDialog> self(this);
    // The pool outlives the dialog; the result comes back through the application object and is dropped when
    // the dialog is gone or a newer preview was asked for.
    QThreadPool::globalInstance()->start([self, id, generation, path, options] {
        auto result =
            std::make_shared<gis::Result<gis::io::ImportPreview>>(gis::io::previewImport(path, options));
        QMetaObject::invokeMethod(qApp, [self, id, generation, result] {
            if (self)
                self->previewArrived(id, generation, *result);
        });
    });
}

void ImportDialog::previewArrived(quint64 id, int generation,
                                  const gis::Result<gis::io::ImportPreview>& result) {
    auto it = std::find_if(mSources.begin(), mSources.end(), [id](const Source& s) { return s.id == id; });
    if (it == mSources.end() || it->generation != generation)
        return;
    it->loading = false;
    if (!result) {
        it->error = QString::fromStdString(result.error());
        it->preview.reset();
    } else {
        it->error.clear();
        it->preview = result.value();
        if (!it->mapped) {
            it->mapping = it->preview->guessed;
            it->mapped = true;
        }
    }
    const int index = int(it - mSources.begin());
    updateSourceItem(index);
    if (index == currentSource())
        showCurrent();
    updateProjectBox();
    updateState();
    emit previewUpdated();
}

bool ImportDialog::isBusy() const {
    return std::any_of(mSources.begin(), mSources.end(), [](const Source& s) { return s.loading; });
}

bool ImportDialog::waitForPreviews(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (isBusy() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !isBusy();
}

const gis::io::ImportPreview* ImportDialog::preview() const {
    const Source* s = current();
    return s && s->preview ? &*s->preview : nullptr;
}

QString ImportDialog::field(FieldRole role) const {
    const Source* s = current();
    return s ? QString::fromStdString(s->mapping.field(role)) : QString();
}

void ImportDialog::setField(FieldRole role, const QString& field) {
    mMapping->setField(role, field);
}

void ImportDialog::setStoreyHeight(double m) {
    mMapping->setStoreyHeight(m);
}

void ImportDialog::setDefaultHeight(double m) {
    mMapping->setDefaultHeight(m);
}

QString ImportDialog::assumedCrs() const {
    const Source* s = current();
    return s ? s->assumeCrs : QString();
}

void ImportDialog::setProjectCrsOverride(const QString& code) {
    mProjectChange->setChecked(!code.isEmpty());
    mProjectPicker->setSelectedCode(code);
}

void ImportDialog::showCurrent() {
    const Source* s = current();
    mRemove->setEnabled(s != nullptr);
    mDetails->setEnabled(s != nullptr);
    mDetails->setTitle(s ? s->label : tr("Nothing selected"));
    const gis::io::ImportPreview* p = s && s->preview ? &*s->preview : nullptr;
    mFormat->setText(!s           ? QString()
                     : p          ? QString::fromStdString(p->format)
                     : s->loading ? tr("Reading…")
                                  : tr("Unreadable (see below)"));
    QStringList layers;
    if (p) {
        for (std::size_t i = 0; i < p->layers.size() && i < 6; ++i) {
            const auto& l = p->layers[i];
            QString text =
                tr("%1 (%2, %Ln feature(s))", nullptr, int(std::min<std::int64_t>(l.featureCount, INT_MAX)))
                    .arg(QString::fromStdString(l.name), QString::fromStdString(l.geometryType));
            if (!l.imported)
                text += tr(" — not imported");
            else if (p->takesMapping())
                text += l.asBuildings ? tr(" → buildings") : tr(" → zoning");
            layers << text;
        }
        if (p->layers.size() > 6)
            layers << tr("and %n more", nullptr, int(p->layers.size() - 6));
    }
    mLayers->setText(layers.join(QLatin1Char('\n')));
    const bool needsCrs = p && p->needsCrs;
    if (!p)
        mCrs->setText(QString());
    else if (!needsCrs)
        mCrs->setText(crsLabel(gis::Crs{p->crs}));
    else
        mCrs->setText(tr("<b>None.</b> Choose the coordinate system its coordinates are in (an EPSG code or "
                         "name):"));
    mFilling = true;
    mDatasetCrs->setVisible(needsCrs);
    if (needsCrs && mDatasetCrs->selectedCode() != s->assumeCrs)
        mDatasetCrs->setSelectedCode(s->assumeCrs);
    mFilling = false;
    mMapping->showSource(p, s ? s->mapping : gis::io::FieldMapping{});
    mMapping->setPreviewText(previewText());
}

void ImportDialog::mappingEdited() {
    Source* s = current();
    if (mFilling || !s || !s->preview)
        return;
    s->mapping = mMapping->mapping();
    requestPreview(*s);
}

void ImportDialog::heightsEdited() {
    for (Source& s : mSources)
        if (s.preview && (s.preview->takesMapping() || s.preview->kind == gis::io::SourceKind::Osm))
            requestPreview(s); // storeys x storey height over 1000 m is not plausible: the counts change
    mMapping->setPreviewText(previewText());
}

QString ImportDialog::previewText() const {
    const Source* s = current();
    if (!s)
        return {};
    if (!s->preview)
        return s->loading ? tr("Reading…") : s->error;
    const gis::io::ImportPreview& p = *s->preview;
    if (p.kind == gis::io::SourceKind::Raster && !p.layers.empty() &&
        p.layers.front().geometryType == "Image")
        return tr("Colour image: imported as imagery, draped on the terrain.");
    if (p.kind == gis::io::SourceKind::Raster)
        return tr("Elevation raster: imported as terrain.");
    if (p.kind == gis::io::SourceKind::CityModel) {
        std::int64_t objects = 0;
        for (const auto& l : p.layers)
            objects += std::max<std::int64_t>(0, l.featureCount);
        return tr("%1 city object(s), imported with their own 3D geometry.").arg(number(objects));
    }
    const gis::io::PreviewCounts& c = p.counts;
    QStringList parts;
    if (c.buildings > 0)
        parts << tr("%1 with height, %2 from storeys, %3 get the default height (%4)")
                     .arg(number(c.withHeight), number(c.withLevels), number(c.defaulted),
                          metres(mMapping->defaultHeight()));
    if (c.zones > 0)
        parts << tr("%1 zoning polygon(s)").arg(number(c.zones));
    return parts.isEmpty() ? tr("No polygon features to import.") : parts.join(QStringLiteral("; "));
}

void ImportDialog::updateSourceItem(int index) {
    QListWidgetItem* item = mList->item(index);
    if (!item)
        return;
    const Source& s = mSources[std::size_t(index)];
    QString status;
    if (s.loading)
        status = tr("reading…");
    else if (!s.preview)
        status = tr("cannot be read");
    else if (s.preview->needsCrs && s.assumeCrs.isEmpty())
        status = tr("%1 — no coordinate system: choose one").arg(QString::fromStdString(s.preview->format));
    else
        status = tr("%1 — %2").arg(QString::fromStdString(s.preview->format),
                                   s.preview->needsCrs
                                       ? tr("assumed %1").arg(crsLabel(gis::Crs{s.assumeCrs.toStdString()}))
                                       : crsLabel(gis::Crs{s.preview->crs}));
    item->setText(tr("%1   (%2)").arg(s.label, status));
    const bool bad = !s.loading && (!s.preview || (s.preview->needsCrs && s.assumeCrs.isEmpty()));
    item->setForeground(bad ? QColor(0xa0, 0x5a, 0x00) : mList->palette().color(QPalette::Text));
}

std::optional<gis::Crs> ImportDialog::derivedProjectCrs(QString* from) const {
    for (const Source& s : mSources) {
        if (!s.preview)
            continue;
        const gis::Crs data{s.preview->needsCrs ? s.assumeCrs.toStdString() : s.preview->crs};
        if (from)
            *from = s.label;
        auto crs = gis::io::projectCrsFor(data, s.preview->extent);
        return crs ? std::optional<gis::Crs>(crs.value()) : std::nullopt;
    }
    return std::nullopt;
}

gis::Crs ImportDialog::projectCrs() const {
    if (!mProjectCrs.isEmpty())
        return {};
    if (!mProjectOverride.isEmpty())
        return gis::Crs{mProjectOverride.toStdString()};
    return derivedProjectCrs().value_or(gis::Crs{});
}

void ImportDialog::updateProjectBox() {
    if (!mProjectCrs.isEmpty()) {
        mProjectLabel->setText(tr("%1. Imported data are reprojected into it.").arg(crsLabel(mProjectCrs)));
        mProjectChange->setVisible(false);
        return;
    }
    QString from;
    const std::optional<gis::Crs> derived = derivedProjectCrs(&from);
    if (!mProjectOverride.isEmpty())
        mProjectLabel->setText(tr("The new project will use %1, as you chose.")
                                   .arg(crsLabel(gis::Crs{mProjectOverride.toStdString()})));
    else if (derived)
        mProjectLabel->setText(tr("The new project will use %1, from “%2”.").arg(crsLabel(*derived), from));
    else
        mProjectLabel->setText(
            tr("The project has no coordinate system yet: it takes the first dataset’s "
               "(or the local UTM zone for longitude/latitude data) unless you choose one."));
}

QString ImportDialog::problem() const {
    if (mSources.empty())
        return tr("Add a file or a database table to import.");
    for (const Source& s : mSources) {
        if (s.loading)
            return tr("Reading “%1”…").arg(s.label);
        if (!s.preview)
            return tr("“%1” cannot be read; remove it from the list.").arg(s.label);
        if (s.preview->needsCrs && s.assumeCrs.isEmpty())
            return tr("“%1” has no coordinate system: choose the one its coordinates are in.").arg(s.label);
        if (std::none_of(s.preview->layers.begin(), s.preview->layers.end(),
                         [](const auto& l) { return l.imported; }))
            return tr("“%1” has no polygon, raster or city model layer Urbis can import.").arg(s.label);
    }
    if (mProjectCrs.isEmpty() && projectCrs().isEmpty())
        return tr("Choose the project’s coordinate system (a projected one in metres).");
    return {};
}

void ImportDialog::updateState() {
    const QString why = problem();
    mImport->setEnabled(why.isEmpty());
    mProblem->setText(why);
    mProjectBox->setVisible(!mSources.empty());
}

std::vector<ImportRequest> ImportDialog::requests() const {
    std::vector<ImportRequest> out;
    for (const Source& s : mSources)
        out.push_back({s.source, optionsFor(s)});
    return out;
}

void ImportDialog::accept() {
    if (!problem().isEmpty())
        return;
    mMapping->saveSettings();
    QDialog::accept();
}

void ImportDialog::addFilesWithDialog() {
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Add Data"), settings::lastDirectory(QStringLiteral("import")),
                                      tr("GIS data (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.osm *.pbf "
                                         "*.gml *.xml *.tif *.tiff *.vrt *.asc "
                                         "*.img *.jsonl);;All files (*)"));
    addSources(paths);
}

void ImportDialog::addDatabaseWithDialog() {
    auto* dialog = new DatabaseDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { addSources({dialog->connection()}); });
    dialog->open();
}

bool ImportDialog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == mList && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Delete) {
        removeCurrentSource();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace app
