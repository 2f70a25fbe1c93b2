#include "app/ui/landcover_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace app {

namespace flood = gis::analysis::flood;

namespace {
constexpr const char* kSettingsKey = "flood/landCoverTable";
}

flood::LandCoverTable LandCoverDialog::currentTable() {
    const QString saved = QSettings().value(kSettingsKey).toString();
    if (!saved.isEmpty())
        if (auto t = flood::parseLandCoverTable(saved.toStdString(), "the saved land-cover table"))
            return t.value();
    if (auto t = flood::defaultLandCoverTable())
        return t.value();
    // The shipped file is missing (a broken installation): one neutral class keeps the analyses running.
    flood::LandCoverTable fallback;
    fallback.classes.push_back({50, "built-up", 0.02, 0.8});
    fallback.defaultCode = fallback.buildingCode = 50;
    return fallback;
}

void LandCoverDialog::saveTable(const flood::LandCoverTable& table) {
    QSettings().setValue(kSettingsKey, QString::fromStdString(flood::landCoverTableJson(table)));
}

LandCoverDialog::LandCoverDialog(const flood::LandCoverTable& table, QWidget* parent)
    : QDialog(parent), mTable(table) {
    setWindowTitle(tr("Flood land cover"));
    auto* layout = new QVBoxLayout(this);
    auto* help = new QLabel(tr("Manning's n (roughness, s/m^⅓) drives the 2D model; the runoff coefficient "
                               "(0–1) is the share of rain that runs off in rain ponding. Zoning maps to "
                               "classes: green space → green, water → water, roads → paved, built plots → "
                               "built-up, buildings → roof, streets outside zones → paved."));
    help->setWordWrap(true);
    layout->addWidget(help);
    mGrid = new QTableWidget(0, 4);
    mGrid->setHorizontalHeaderLabels({tr("Code"), tr("Class"), tr("Manning's n"), tr("Runoff coefficient")});
    mGrid->verticalHeader()->hide();
    mGrid->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    layout->addWidget(mGrid);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &LandCoverDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LandCoverDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        if (auto t = flood::defaultLandCoverTable())
            fill(t.value());
    });
    layout->addWidget(buttons);
    fill(table);
    resize(560, 520);
}

void LandCoverDialog::fill(const flood::LandCoverTable& table) {
    mTable = table;
    mGrid->setRowCount(int(table.classes.size()));
    for (int i = 0; i < int(table.classes.size()); ++i) {
        const auto& c = table.classes[i];
        auto* code = new QTableWidgetItem(QString::number(c.code));
        auto* name = new QTableWidgetItem(QString::fromStdString(c.name));
        for (auto* item : {code, name})
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        mGrid->setItem(i, 0, code);
        mGrid->setItem(i, 1, name);
        mGrid->setItem(i, 2, new QTableWidgetItem(QString::number(c.manningN)));
        mGrid->setItem(i, 3, new QTableWidgetItem(QString::number(c.runoffCoefficient)));
    }
}

void LandCoverDialog::accept() {
    flood::LandCoverTable edited = mTable;
    for (int i = 0; i < mGrid->rowCount(); ++i) {
        bool okN = false, okC = false;
        const double n = mGrid->item(i, 2)->text().toDouble(&okN);
        const double c = mGrid->item(i, 3)->text().toDouble(&okC);
        if (!okN || !(n > 0 && n <= 1) || !okC || !(c >= 0 && c <= 1)) {
            QMessageBox::warning(
                this, windowTitle(),
                tr("Row %1 (%2): Manning's n must be in (0, 1] and the runoff coefficient in "
                   "[0, 1].")
                    .arg(i + 1)
                    .arg(mGrid->item(i, 1)->text()));
            mGrid->setCurrentCell(i, okN && n > 0 && n <= 1 ? 3 : 2);
            return;
        }
        edited.classes[i].manningN = n;
        edited.classes[i].runoffCoefficient = c;
    }
    mTable = edited;
    saveTable(mTable);
    QDialog::accept();
}

} // namespace app
