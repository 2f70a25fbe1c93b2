#pragma once
// Edits the flood land-cover table (Manning's n and runoff coefficient per class). The shipped defaults are
// resources/flood/landcover.json; an edited table is kept in the settings and used by every flood run.
#include "gis/analysis/flood/flood_grid.h"

#include <QDialog>

class QTableWidget;

namespace app {

class LandCoverDialog : public QDialog {
    Q_OBJECT
public:
    LandCoverDialog(const gis::analysis::flood::LandCoverTable& table, QWidget* parent = nullptr);
    // The edited table (valid after accept()).
    const gis::analysis::flood::LandCoverTable& table() const { return mTable; }

    // The table in use: the user's edited copy from the settings, else the shipped defaults.
    static gis::analysis::flood::LandCoverTable currentTable();
    static void saveTable(const gis::analysis::flood::LandCoverTable& table);

    void accept() override;

private:
    void fill(const gis::analysis::flood::LandCoverTable& table);

    gis::analysis::flood::LandCoverTable mTable;
    QTableWidget* mGrid;
};

} // namespace app
