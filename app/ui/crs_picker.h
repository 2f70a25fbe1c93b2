#pragma once
// Choosing a coordinate reference system by typing an EPSG code or part of its name ("4547", "CGCS2000 114E",
// "UTM 50N"): a search field over PROJ's database (gis::io::searchCrs) and a list of matches with type, units
// and area of use. Enter takes the first match; the arrow keys move into the list.
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QTreeWidget;

namespace app {

class CrsPicker : public QWidget {
    Q_OBJECT
public:
    // projectedOnly: only projected CRSs in metres (a project CRS); otherwise any CRS data can be in.
    explicit CrsPicker(bool projectedOnly, QWidget* parent = nullptr);

    // "EPSG:4547"; empty until one is chosen.
    QString selectedCode() const { return mSelected; }
    // Selects `code` (searching for it so that it shows in the list); empty clears the choice.
    void setSelectedCode(const QString& code);

    QLineEdit* searchField() const { return mSearch; }
    QTreeWidget* results() const { return mResults; }
    // Runs a pending search now (the field waits for a pause in typing).
    void searchNow();

signals:
    void selectedCodeChanged(const QString& code);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void choose(const QString& code, const QString& description);
    void onCurrentItemChanged();

    bool mProjectedOnly;
    QLineEdit* mSearch;
    QTreeWidget* mResults;
    QLabel* mChosen;
    QTimer* mDelay;
    QString mSelected;
};

} // namespace app
