#pragma once
// The import dialog (File > Import Data…, files dropped on the window), shown before anything is read into
// the project: the files (and PostGIS tables) to import; for each its format, layers and CRS; a CRS picker
// when a dataset has none (Import stays disabled until one is chosen); the attribute roles (height, storeys x
// storey height, base height, zone class, name) prefilled with the guesses from the field names; a live count
// of the buildings that get a height from an attribute, from storeys, or the default; and, for a new project,
// the project CRS the first dataset gives it, with the option to choose another. Previews are read in the
// background (attributes only), so a 100k-feature file does not freeze the window.
#include "gis/io/import_dataset.h"
#include "gis/io/import_preview.h"
#include "gis/model/crs.h"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace app {

class CrsPicker;
class FieldMappingBox;

// One import to run: a file or "PG:" connection and the options chosen for it.
struct ImportRequest {
    QString source;
    gis::io::ImportOptions options;
};

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    // projectCrs: the open project's CRS; empty for a project without one (the dialog then shows and lets
    // the user change the CRS the project will get).
    explicit ImportDialog(const gis::Crs& projectCrs, QWidget* parent = nullptr);
    ~ImportDialog() override;

    // Files or "PG:" connection strings; each is previewed in the background.
    void addSources(const QStringList& sources);
    int sourceCount() const { return int(mSources.size()); }
    int currentSource() const;
    void setCurrentSource(int index);
    void removeCurrentSource();

    // True while some preview is being read. waitForPreviews() spins the event loop until none is (tests,
    // scripts); false on timeout.
    bool isBusy() const;
    bool waitForPreviews(int timeoutMs = 30000);

    // The current source's preview (nullptr while it is read or when it could not be read).
    const gis::io::ImportPreview* preview() const;
    // The current source's field for a role (empty: none); setting one recounts the preview.
    QString field(gis::io::FieldRole role) const;
    void setField(gis::io::FieldRole role, const QString& field);
    void setStoreyHeight(double metres);
    void setDefaultHeight(double metres);
    // The CRS assumed for the current source when it has none ("EPSG:4547"); empty: not chosen.
    QString assumedCrs() const;
    // The project CRS chosen instead of the one the first dataset gives (projects without a CRS only).
    void setProjectCrsOverride(const QString& code);

    // "N with height, M from storeys, K get the default height (D m)" for the current source.
    QString previewText() const;
    // Why Import is disabled (empty when it is enabled).
    QString problem() const;

    // What to import, in list order, and the CRS an empty project gets (empty when the project has one).
    std::vector<ImportRequest> requests() const;
    gis::Crs projectCrs() const;

    QPushButton* importButton() const { return mImport; }
    CrsPicker* datasetCrsPicker() const { return mDatasetCrs; }
    CrsPicker* projectCrsPicker() const { return mProjectPicker; }

    void accept() override;

signals:
    // A preview arrived (or was recounted).
    void previewUpdated();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Source {
        quint64 id = 0;
        QString source; // as given (with any password)
        QString label;  // file name, or the connection without its password
        std::optional<gis::io::ImportPreview> preview;
        QString error;
        bool loading = true;
        int generation = 0;
        bool mapped = false; // mapping initialised from the guess
        gis::io::FieldMapping mapping;
        QString assumeCrs;
    };

    QWidget* createSourcesBox();
    QWidget* createDetailsBox();
    QWidget* createProjectBox();
    void requestPreview(Source& source);
    void previewArrived(quint64 id, int generation, const gis::Result<gis::io::ImportPreview>& result);
    Source* current();
    const Source* current() const;
    gis::io::ImportOptions optionsFor(const Source& source) const;
    void showCurrent();
    void mappingEdited();
    void heightsEdited();
    void updateSourceItem(int index);
    void updateProjectBox();
    void updateState();
    void addFilesWithDialog();
    void addDatabaseWithDialog();
    std::optional<gis::Crs> derivedProjectCrs(QString* from = nullptr) const;

    gis::Crs mProjectCrs;
    QString mProjectOverride;
    std::vector<Source> mSources;
    quint64 mNextId = 1;
    bool mFilling = false;

    QListWidget* mList = nullptr;
    QPushButton* mRemove = nullptr;
    QGroupBox* mDetails = nullptr;
    QLabel* mFormat = nullptr;
    QLabel* mLayers = nullptr;
    QLabel* mCrs = nullptr;
    CrsPicker* mDatasetCrs = nullptr;
    FieldMappingBox* mMapping = nullptr;
    QGroupBox* mProjectBox = nullptr;
    QLabel* mProjectLabel = nullptr;
    QPushButton* mProjectChange = nullptr;
    CrsPicker* mProjectPicker = nullptr;
    QLabel* mProblem = nullptr;
    QPushButton* mImport = nullptr;
};

} // namespace app
