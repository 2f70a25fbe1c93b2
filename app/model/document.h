#pragma once
// The open project: owns the gis::Project, its file path and the undo stack. Every edit goes through a
// QUndoCommand (see *_command.h) that calls the apply*() mutators below; views (layer panel, 3D viewer)
// listen to the signals and never hold the only copy of anything.
#include "app/model/outcome.h"
#include "gis/model/project.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QUndoStack;

namespace app {

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const gis::Project& project() const { return mProject; }
    // Absolute path of the project file; empty for a new or demo project that was never saved.
    QString path() const { return mPath; }
    // What the title bar shows: the file's base name, else the project title, else "Untitled".
    QString displayName() const;
    bool isModified() const;
    QUndoStack* undoStack() const { return mUndoStack; }

    // --- Whole-document operations: replace the content and clear the undo history. ---
    Outcome newProject();
    Outcome loadDemo();
    // Reads a Urbis project. On failure the document is unchanged and the message says why.
    Outcome load(const QString& path);
    // Writes the project to `path` (save as). On success the path changes and the document is clean.
    Outcome save(const QString& path);
    // Replaces the content with an already read project (used after reading on a worker thread).
    void adopt(gis::Project project, const QString& path);
    static QString openFailedMessage(const QString& path, const QString& detail);
    static QString saveFailedMessage(const QString& path, const QString& detail);

    // --- Queries. ---
    int layerCount() const { return int(mProject.layers.size()); }
    int indexOfLayer(const QString& id) const;
    const gis::Layer* layer(const QString& id) const;
    const gis::Layer* layerAt(int index) const;
    QStringList layerIds() const;

    // --- Edits: each pushes one undoable command (no-op when nothing would change). ---
    void setLayerVisible(const QString& id, bool visible);
    void renameLayer(const QString& id, const QString& name);
    void removeLayer(const QString& id);
    // Appends layers (e.g. from an import); `crs` becomes the project CRS when the project has none yet.
    void addLayers(std::vector<gis::Layer> layers, const gis::Crs& crs, const QString& undoText);
    void setSavedView(const std::optional<gis::CameraView>& view);

    // --- Mutators for the undo commands only: change the data and emit signals, no undo entry. ---
    void applyLayerVisible(const QString& id, bool visible);
    void applyLayerName(const QString& id, const QString& name);
    gis::Layer takeLayerAt(int index);
    void insertLayers(int index, std::vector<gis::Layer> layers);
    void applySavedView(const std::optional<gis::CameraView>& view);
    void applyCrs(const gis::Crs& crs);
    // A layer id not used in the project nor in `taken`, derived from `base`.
    QString uniqueLayerId(const QString& base, const QStringList& taken = {}) const;

signals:
    // The whole project was replaced (new, open, demo): rebuild everything.
    void projectReset();
    void layerChanged(const QString& id); // name or data changed
    void layerVisibilityChanged(const QString& id, bool visible);
    void layersInserted(int first, int count);
    void layersRemoved(int first, const QStringList& ids);
    void savedViewChanged();
    void crsChanged();
    void modifiedChanged(bool modified);
    void pathChanged(const QString& path);

private:
    void reset(gis::Project project, const QString& path);
    void setPath(const QString& path);

    gis::Project mProject;
    QString mPath;
    QUndoStack* mUndoStack = nullptr;
};

} // namespace app
