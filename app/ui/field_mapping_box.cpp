#include "app/ui/field_mapping_box.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>

#include <algorithm>
#include <iterator>

namespace app {

using gis::io::FieldRole;
using gis::io::SourceKind;

namespace {
constexpr FieldRole kRoles[] = {FieldRole::Height, FieldRole::Levels, FieldRole::Base, FieldRole::ZoneClass,
                                FieldRole::Name};
constexpr const char* kStoreyKey = "import/storeyHeight";
constexpr const char* kDefaultKey = "import/defaultHeight";
// Rows of the form: the note, the five roles, the default height, the preview.
constexpr int kNoteRow = 0, kFirstRoleRow = 1, kDefaultRow = 6;

} // namespace

FieldMappingBox::FieldMappingBox(QWidget* parent)
    : QGroupBox(tr("Attributes"), parent), mForm(new QFormLayout(this)), mNote(new QLabel(this)),
      mStoreyHeight(new QDoubleSpinBox(this)), mDefaultHeight(new QDoubleSpinBox(this)),
      mPreview(new QLabel(this)) {
    mNote->setWordWrap(true);
    mForm->addRow(mNote);
    const QString labels[] = {tr("&Height field:"), tr("&Storeys field:"), tr("&Base height field:"),
                              tr("&Zone class field:"), tr("&Name field:")};
    const QString tips[] = {
        tr("Building height in metres above the ground (e.g. height, HEIGHT, measuredHeight, 高度)"),
        tr("Number of storeys, used where there is no usable height: storeys × storey height (e.g. "
           "building:levels, floors, 层数)"),
        tr("Height above the ground where the building starts (e.g. OSM min_height for a part over a "
           "passage); the building is extruded from there to its height"),
        tr("Land-use class of zoning polygons (e.g. class, landuse, zoning, 用地性质); a layer with a class "
           "and no height or storeys field is imported as zoning"),
        tr("Name shown for a building or zone (e.g. name, 名称)")};
    const char* names[] = {"heightField", "levelsField", "baseField", "classField", "nameField"};

    mStoreyHeight->setObjectName(QStringLiteral("storeyHeight"));
    mStoreyHeight->setRange(1.0, 10.0);
    mStoreyHeight->setDecimals(2);
    mStoreyHeight->setSingleStep(0.1);
    mStoreyHeight->setSuffix(tr(" m"));
    mStoreyHeight->setValue(QSettings().value(QLatin1String(kStoreyKey), 3.0).toDouble());
    mStoreyHeight->setToolTip(tr("Height of one storey: a building with N storeys is N × this tall"));
    mDefaultHeight->setObjectName(QStringLiteral("defaultHeight"));
    mDefaultHeight->setRange(1.0, 500.0);
    mDefaultHeight->setDecimals(1);
    mDefaultHeight->setSuffix(tr(" m"));
    mDefaultHeight->setValue(QSettings().value(QLatin1String(kDefaultKey), 10.0).toDouble());
    mDefaultHeight->setToolTip(tr("Height given to buildings with neither a usable height nor storeys; the "
                                  "import reports how many"));

    for (int i = 0; i < 5; ++i) {
        mRoles[i] = new QComboBox(this);
        mRoles[i]->setObjectName(QLatin1String(names[i]));
        mRoles[i]->setToolTip(tips[i]);
        mRoles[i]->setMinimumContentsLength(24);
        connect(mRoles[i], &QComboBox::currentIndexChanged, this, [this] {
            if (!mFilling)
                emit mappingEdited();
        });
        auto* label = new QLabel(labels[i], this);
        label->setBuddy(mRoles[i]);
        if (kRoles[i] != FieldRole::Levels) {
            mForm->addRow(label, mRoles[i]);
            continue;
        }
        auto* row = new QHBoxLayout;
        row->addWidget(mRoles[i], 1);
        auto* times = new QLabel(tr("× storey h&eight"), this);
        times->setBuddy(mStoreyHeight);
        row->addWidget(times);
        row->addWidget(mStoreyHeight);
        mForm->addRow(label, row);
    }
    auto* defaultRow = new QHBoxLayout;
    defaultRow->addWidget(mDefaultHeight);
    defaultRow->addStretch(1);
    auto* defaultLabel = new QLabel(tr("&Default height:"), this);
    defaultLabel->setBuddy(mDefaultHeight);
    mForm->addRow(defaultLabel, defaultRow);
    mPreview->setObjectName(QStringLiteral("previewLine"));
    mPreview->setWordWrap(true);
    mPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mPreview->setToolTip(tr("What the import will do with the buildings, counted from the attributes"));
    QFont bold = mPreview->font();
    bold.setBold(true);
    mPreview->setFont(bold);
    mForm->addRow(tr("Preview:"), mPreview);

    connect(mStoreyHeight, &QDoubleSpinBox::valueChanged, this, &FieldMappingBox::heightsEdited);
    connect(mDefaultHeight, &QDoubleSpinBox::valueChanged, this, &FieldMappingBox::heightsEdited);
}

void FieldMappingBox::showSource(const gis::io::ImportPreview* preview,
                                 const gis::io::FieldMapping& mapping) {
    const SourceKind kind = preview ? preview->kind : SourceKind::Vector;
    const bool takes = preview && preview->takesMapping();
    const bool osm = kind == SourceKind::Osm;
    // OpenStreetMap's fixed tags (resources/osm/osmconf.ini), shown in place of fields.
    const QString osmTags[] = {QStringLiteral("height"), QStringLiteral("building:levels"),
                               QStringLiteral("min_height"), QStringLiteral("landuse, leisure, natural"),
                               QStringLiteral("name")};
    mFilling = true;
    for (int i = 0; i < 5; ++i) {
        QComboBox* box = mRoles[i];
        box->clear();
        if (osm) {
            box->addItem(tr("%1 (tag)").arg(osmTags[i]));
        } else {
            box->addItem(tr("(none)"), QString());
            if (takes)
                for (const auto& f : preview->fields)
                    box->addItem(
                        tr("%1 (%2)").arg(QString::fromStdString(f.name), QString::fromStdString(f.type)),
                        QString::fromStdString(f.name));
            const std::string& field = mapping.field(kRoles[i]);
            box->setCurrentIndex(std::max(0, box->findData(QString::fromStdString(field))));
        }
        box->setEnabled(takes);
    }
    mFilling = false;
    // Rasters and 3D city models bring their own heights: no roles, no default.
    const bool roles = kind != SourceKind::Raster && kind != SourceKind::CityModel;
    for (int row = kFirstRoleRow; row <= kDefaultRow; ++row)
        mForm->setRowVisible(row, roles);
    QString note;
    if (osm)
        note = tr("OpenStreetMap: heights come from the height, building:levels and min_height tags.");
    else if (kind == SourceKind::CityModel)
        note = tr("3D city model: buildings keep their own geometry and heights.");
    else if (kind == SourceKind::Raster && !preview->layers.empty() &&
             preview->layers.front().geometryType == "Image")
        note = tr("Colour image: it is draped on the terrain (or laid flat where there is none).");
    else if (kind == SourceKind::Raster)
        note = tr("Elevation raster: it becomes the terrain that buildings stand on.");
    mNote->setText(note);
    mForm->setRowVisible(kNoteRow, !note.isEmpty());
}

gis::io::FieldMapping FieldMappingBox::mapping() const {
    gis::io::FieldMapping m;
    for (int i = 0; i < 5; ++i)
        m.field(kRoles[i]) = mRoles[i]->currentData().toString().toStdString();
    return m;
}

QComboBox* FieldMappingBox::combo(FieldRole role) const {
    return mRoles[std::distance(std::begin(kRoles), std::find(std::begin(kRoles), std::end(kRoles), role))];
}

bool FieldMappingBox::setField(FieldRole role, const QString& field) {
    QComboBox* box = combo(role);
    const int index = box->findData(field);
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    return true;
}

double FieldMappingBox::storeyHeight() const {
    return mStoreyHeight->value();
}

void FieldMappingBox::setStoreyHeight(double metres) {
    mStoreyHeight->setValue(metres);
}

double FieldMappingBox::defaultHeight() const {
    return mDefaultHeight->value();
}

void FieldMappingBox::setDefaultHeight(double metres) {
    mDefaultHeight->setValue(metres);
}

void FieldMappingBox::saveSettings() const {
    QSettings settings;
    settings.setValue(QLatin1String(kStoreyKey), mStoreyHeight->value());
    settings.setValue(QLatin1String(kDefaultKey), mDefaultHeight->value());
}

void FieldMappingBox::setPreviewText(const QString& text) {
    mPreview->setText(text);
}

} // namespace app
