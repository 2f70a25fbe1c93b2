#pragma once
// The Sunlight results dock (bottom): one row per window (building, storey, facade, window) or grid cell,
// with the counted hours, the requirement, pass/fail and the lit intervals in solar and clock time; after a
// comparison also the hours before the proposal, the change and who newly fails. Sortable by any column
// (numbers sort as numbers), filterable (failing, newly failing, losing sun). Activating a row asks the
// controller to show that window.
#include <QDockWidget>

#include <memory>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace app {

struct SunlightRun;
class SunlightClock;
class SunlightTableModel;

class SunlightResultsPanel : public QDockWidget {
    Q_OBJECT
public:
    enum class Filter { All, Failing, NewlyFailing, LosingSun };

    explicit SunlightResultsPanel(QWidget* parent = nullptr);
    ~SunlightResultsPanel() override;

    // Shows a run (null clears the table).
    void setRun(std::shared_ptr<const SunlightRun> run, std::shared_ptr<const SunlightClock> clock);
    void setFilter(Filter filter);
    void setSummary(const QString& text);

    QTableView* table() const { return mTable; }
    // Rows shown (after the filter) and the run row of a shown row.
    int visibleRows() const;
    int runRow(int visibleRow) const;
    // Text of a cell of a shown row (for tests).
    QString text(int visibleRow, int column) const;
    int columnCount() const;
    // Counts of the shown run: rows passing, failing (rows with a requirement).
    int passing() const;
    int failing() const;

signals:
    // A row was clicked or activated: its index into the run's rows.
    void rowActivated(int runRow);

private:
    SunlightTableModel* mModel;
    QSortFilterProxyModel* mProxy;
    QTableView* mTable;
    QComboBox* mFilter;
    QLabel* mSummary;
};

} // namespace app
