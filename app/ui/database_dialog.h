#pragma once
// Connecting to a PostGIS database for import: host, port, database, user and password (or a whole "PG:"
// connection string), then the tables listed through GDAL (gis::io::describeDataset) to tick the ones to
// import. The result is a GDAL connection string with "tables=..." that the import dialog adds as a source.
#include <QDialog>
#include <QString>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace app {

struct PostgisParams {
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QStringList tables; // empty: every table
};

// "PG:host=… port=… dbname=… user=… password=… tables=a,b", values quoted for libpq where needed; empty
// fields are left out (libpq's defaults apply).
QString postgisConnectionString(const PostgisParams& params);

class DatabaseDialog : public QDialog {
    Q_OBJECT
public:
    explicit DatabaseDialog(QWidget* parent = nullptr);

    // The connection without table selection (what "List Tables" connects to).
    QString baseConnection() const;
    // The connection with the ticked tables, for the import.
    QString connection() const;
    // Connects and lists the tables; false (and the reason shown in the dialog) on failure.
    bool listTables();
    QTreeWidget* tables() const { return mTables; }

    void accept() override;

private:
    void updateButtons();

    QLineEdit* mHost;
    QSpinBox* mPort;
    QLineEdit* mDatabase;
    QLineEdit* mUser;
    QLineEdit* mPassword;
    QLineEdit* mConnection;
    QPushButton* mList;
    QTreeWidget* mTables;
    QLabel* mStatus;
    QPushButton* mOk = nullptr;
};

} // namespace app
