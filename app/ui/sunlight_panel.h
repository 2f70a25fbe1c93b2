#pragma once
// The Sunlight dock: the regulation (a preset from resources/presets, or an edited copy of one), the
// receivers (windows of residential buildings — all, or the picked building — or a plan grid), Run, the
// display of the results (pass/fail or hours, a legend), the scheme comparison (a proposal layer, Add
// Tower…, Compare) and the exports. Widgets only: SunlightController does the work.
#include "gis/analysis/sunlight_preset.h"

#include <QColor>
#include <QDockWidget>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QVBoxLayout;

namespace app {

class SunlightPresetEditor;

class SunlightPanel : public QDockWidget {
    Q_OBJECT
public:
    enum class Receivers { Windows, Grid };
    enum class Scope { AllResidential, SelectedBuilding };
    enum class GridArea { SquareAroundPick, GreenSpace };
    enum class ColourBy { PassFail, Hours };

    explicit SunlightPanel(QWidget* parent = nullptr);

    // --- Regulation. ---
    // Lists the presets found in `dirs` (first wins; gis::analysis::listPresets), keeping the selection.
    void setPresetDirectories(const std::vector<std::string>& dirs);
    QStringList presetNames() const;
    bool selectPreset(const QString& name);
    // The file preset shown ("" while an edited copy is shown).
    QString currentPresetName() const;
    // Turns the shown preset into an editable copy ("Copy and Edit").
    void copyAndEdit();
    bool isEditing() const;
    // Shows an edited preset (e.g. restored from the settings).
    void showEditedPreset(const gis::analysis::SunlightPreset& preset);
    SunlightPresetEditor* editor() const { return mEditor; }
    int year() const;
    void setYear(int year);
    void setDefaultTimeZone(const QString& zone);

    // --- Receivers. ---
    Receivers receivers() const;
    void setReceivers(Receivers receivers);
    Scope scope() const;
    void setScope(Scope scope);
    bool southOnly() const;
    double windowSpacing() const;
    int sillSamples() const;
    double gridSpacing() const;
    double gridHeight() const;
    GridArea gridArea() const;
    double gridSize() const;
    void setGrid(GridArea area, double size, double spacing, double height);
    // What the last pick hit, shown under the receivers ("" = nothing picked).
    void setPickDescription(const QString& text);
    void setPicking(bool picking);

    // --- Display. ---
    ColourBy colourBy() const;
    void setColourBy(ColourBy by);
    bool colourBlindSafe() const;
    void setColourBlindSafe(bool safe);
    void setLegend(const QString& title, const QList<QPair<QColor, QString>>& entries);

    // --- Comparison. ---
    // Buildings layers that can be the proposal: (id, name).
    void setProposalLayers(const QList<QPair<QString, QString>>& layers);
    QString proposalLayer() const;
    void setProposalLayer(const QString& id);

    // --- State. ---
    void setBusy(bool busy);
    void setSummary(const QString& text);
    QString summary() const;
    void setExportsEnabled(bool table, bool grid, bool report);

    QPushButton* runButton() const { return mRun; }
    QPushButton* compareButton() const { return mCompare; }

signals:
    void presetChanged(); // another preset, an edit, another year: the parameters changed
    void saveAsPresetRequested();
    void pickRequested(); // the next click in the view picks a building / point
    void runRequested();
    void cancelRequested();
    void displayChanged(); // colour mode or colour-blind safety
    void addTowerRequested();
    void compareRequested();
    void exportTableRequested();
    void exportGridRequested();
    void reportRequested();

private:
    void updateReceiverWidgets();
    void onPresetActivated();
    QWidget* buildRegulation();
    QWidget* buildReceivers();
    QWidget* buildDisplay();
    QWidget* buildComparison();

    std::vector<std::string> mDirs;
    QComboBox* mPreset = nullptr;
    QPushButton* mCopy = nullptr;
    QPushButton* mSaveAs = nullptr;
    QSpinBox* mYear = nullptr;
    SunlightPresetEditor* mEditor = nullptr;
    QString mDefaultZone;

    QRadioButton* mWindows = nullptr;
    QRadioButton* mGrid = nullptr;
    QComboBox* mScope = nullptr;
    QCheckBox* mSouthOnly = nullptr;
    QDoubleSpinBox* mWindowSpacing = nullptr;
    QSpinBox* mSillSamples = nullptr;
    QWidget* mWindowOptions = nullptr;
    QWidget* mGridOptions = nullptr;
    QDoubleSpinBox* mGridSpacing = nullptr;
    QDoubleSpinBox* mGridHeight = nullptr;
    QComboBox* mGridArea = nullptr;
    QDoubleSpinBox* mGridSize = nullptr;
    QPushButton* mPick = nullptr;
    QLabel* mPicked = nullptr;

    QPushButton* mRun = nullptr;
    QPushButton* mCancel = nullptr;
    QLabel* mSummary = nullptr;

    QComboBox* mColourBy = nullptr;
    QCheckBox* mColourBlind = nullptr;
    QLabel* mLegendTitle = nullptr;
    QVBoxLayout* mLegend = nullptr;

    QComboBox* mProposal = nullptr;
    QPushButton* mAddTower = nullptr;
    QPushButton* mCompare = nullptr;

    QPushButton* mExportTable = nullptr;
    QPushButton* mExportGrid = nullptr;
    QPushButton* mReport = nullptr;
    bool mBusy = false;
};

} // namespace app
