#include "app/ui/database_dialog.h"

#include "gis/io/dataset_info.h"
#include "gis/io/postgis.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace app {

namespace {
// A libpq keyword value: quoted when empty or holding spaces, quotes or backslashes.
QString quoted(const QString& value) {
    if (!value.isEmpty() && !value.contains(QRegularExpression(QStringLiteral("[\\s'\\\\]"))))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

bool isPolygonType(const std::string& type) {
    return type.find("Polygon") != std::string::npos || type.find("Surface") != std::string::npos ||
           type == "Unknown (any)" || type == "Geometry";
}

constexpr const char* kSettingsGroup = "import/postgis";
} // namespace

QString postgisConnectionString(const PostgisParams& p) {
    QStringList parts;
    auto add = [&](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty())
            parts << QLatin1String(key) + QLatin1Char('=') + quoted(value.trimmed());
    };
    add("host", p.host);
    if (p.port > 0)
        add("port", QString::number(p.port));
    add("dbname", p.database);
    add("user", p.user);
    if (!p.password.isEmpty())
        parts << QStringLiteral("password=") + quoted(p.password);
    if (!p.tables.isEmpty())
        parts << QStringLiteral("tables=") + p.tables.join(QLatin1Char(','));
    return QStringLiteral("PG:") + parts.join(QLatin1Char(' '));
}

DatabaseDialog::DatabaseDialog(QWidget* parent)
    : QDialog(parent), mHost(new QLineEdit(this)), mPort(new QSpinBox(this)), mDatabase(new QLineEdit(this)),
      mUser(new QLineEdit(this)), mPassword(new QLineEdit(this)), mConnection(new QLineEdit(this)),
      mList(new QPushButton(tr("&List Tables"), this)), mTables(new QTreeWidget(this)),
      mStatus(new QLabel(this)) {
    setWindowTitle(tr("Import from PostGIS"));
    setObjectName(QStringLiteral("DatabaseDialog"));
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    mHost->setText(settings.value(QStringLiteral("host"), QStringLiteral("localhost")).toString());
    mHost->setToolTip(tr("Server name or address; a folder for a local socket"));
    mPort->setRange(1, 65535);
    mPort->setValue(settings.value(QStringLiteral("port"), 5432).toInt());
    mPort->setToolTip(tr("TCP port of the PostgreSQL server (5432 unless set otherwise)"));
    mDatabase->setText(settings.value(QStringLiteral("database")).toString());
    mDatabase->setToolTip(tr("Name of the database that holds the layers"));
    mUser->setText(settings.value(QStringLiteral("user")).toString());
    mUser->setToolTip(tr("Database user name; empty: your login name"));
    mPassword->setEchoMode(QLineEdit::Password);
    mPassword->setToolTip(tr("Not remembered; leave empty when the server does not ask for one or "
                             "~/.pgpass provides it"));
    mConnection->setPlaceholderText(tr("or a connection string: PG:host=… dbname=… user=…"));
    mConnection->setToolTip(tr("A GDAL/libpq connection string; when given it is used instead of the fields "
                               "above"));
    mConnection->setObjectName(QStringLiteral("pgConnection"));
    settings.endGroup();

    auto* form = new QFormLayout;
    form->addRow(tr("&Host:"), mHost);
    form->addRow(tr("&Port:"), mPort);
    form->addRow(tr("&Database:"), mDatabase);
    form->addRow(tr("&User:"), mUser);
    form->addRow(tr("Pass&word:"), mPassword);
    form->addRow(tr("&Connection:"), mConnection);

    mTables->setObjectName(QStringLiteral("pgTables"));
    mTables->setRootIsDecorated(false);
    mTables->setHeaderLabels({tr("Table"), tr("Geometry"), tr("Features"), tr("CRS")});
    mTables->header()->setStretchLastSection(true);
    mTables->setColumnWidth(0, 220);
    mTables->setToolTip(tr("Tick the tables to import (polygon tables are ticked)"));
    mStatus->setWordWrap(true);
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mList->setToolTip(tr("Connect and list the tables with geometry"));
    mList->setAutoDefault(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    mOk->setText(tr("&Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DatabaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DatabaseDialog::reject);
    connect(mList, &QPushButton::clicked, this, &DatabaseDialog::listTables);
    connect(mTables, &QTreeWidget::itemChanged, this, &DatabaseDialog::updateButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mList, 0, Qt::AlignRight);
    layout->addWidget(mTables, 1);
    layout->addWidget(mStatus);
    layout->addWidget(buttons);
    resize(620, 520);
    updateButtons();
}

QString DatabaseDialog::baseConnection() const {
    QString text = mConnection->text().trimmed();
    if (!text.isEmpty())
        return text.startsWith(QLatin1String("PG:"), Qt::CaseInsensitive) ? text
                                                                          : QStringLiteral("PG:") + text;
    PostgisParams p;
    p.host = mHost->text();
    p.port = mPort->value();
    p.database = mDatabase->text();
    p.user = mUser->text();
    p.password = mPassword->text();
    return postgisConnectionString(p);
}

QString DatabaseDialog::connection() const {
    QStringList ticked;
    for (int i = 0; i < mTables->topLevelItemCount(); ++i)
        if (mTables->topLevelItem(i)->checkState(0) == Qt::Checked)
            ticked << mTables->topLevelItem(i)->text(0);
    QString base = baseConnection();
    if (!ticked.isEmpty() && ticked.size() < mTables->topLevelItemCount())
        base += QStringLiteral(" tables=") + ticked.join(QLatin1Char(','));
    return base;
}

bool DatabaseDialog::listTables() {
    mTables->clear();
    QString connection = baseConnection();
    // Without a timeout libpq waits for an unreachable host as long as TCP does (minutes).
    if (!connection.contains(QLatin1String("connect_timeout")))
        connection += QStringLiteral(" connect_timeout=5");
    mStatus->setText(tr("Connecting…"));
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto info = gis::io::describeDataset(connection.toStdString());
    QGuiApplication::restoreOverrideCursor();
    if (!info) {
        mStatus->setText(QString::fromStdString(info.error()));
        updateButtons();
        return false;
    }
    const QSignalBlocker block(mTables);
    for (const auto& layer : info->layers) {
        if (layer.geometryType == "None")
            continue;
        auto* item = new QTreeWidgetItem(mTables);
        item->setText(0, QString::fromStdString(layer.name));
        item->setText(1, QString::fromStdString(layer.geometryType));
        item->setText(2, layer.featureCount >= 0 ? QLocale().toString(qlonglong(layer.featureCount))
                                                 : QString());
        item->setText(3, QString::fromStdString(layer.crs.size() > 24 ? std::string("WKT") : layer.crs));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, isPolygonType(layer.geometryType) ? Qt::Checked : Qt::Unchecked);
    }
    mStatus->setText(
        mTables->topLevelItemCount() == 0
            ? tr("Connected, but the database has no table with geometry.")
            : tr("Connected to %1: %n table(s) with geometry.", nullptr, mTables->topLevelItemCount())
                  .arg(QString::fromStdString(gis::io::describePostgisConnection(connection.toStdString()))));
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    settings.setValue(QStringLiteral("host"), mHost->text());
    settings.setValue(QStringLiteral("port"), mPort->value());
    settings.setValue(QStringLiteral("database"), mDatabase->text());
    settings.setValue(QStringLiteral("user"), mUser->text());
    updateButtons();
    return true;
}

void DatabaseDialog::updateButtons() {
    bool any = false;
    for (int i = 0; i < mTables->topLevelItemCount() && !any; ++i)
        any = mTables->topLevelItem(i)->checkState(0) == Qt::Checked;
    if (mOk)
        mOk->setEnabled(any);
}

void DatabaseDialog::accept() {
    if (mOk && mOk->isEnabled())
        QDialog::accept();
}

} // namespace app
