#include "app/model/document.h"

#include "app/model/add_layers_command.h"
#include "app/model/remove_layer_command.h"
#include "app/model/rename_layer_command.h"
#include "app/model/set_layer_visibility_command.h"
#include "app/model/set_saved_view_command.h"
#include "gis/demo/demo_city.h"
#include "gis/io/project_file.h"

#include <QDir>
#include <QFileInfo>
#include <QUndoStack>

#include <algorithm>
#include <exception>

namespace app {

namespace {
std::string toStd(const QString& s) {
    return s.toStdString();
}
QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

Document::Document(QObject* parent) : QObject(parent), mUndoStack(new QUndoStack(this)) {
    connect(mUndoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document() = default;

QString Document::displayName() const {
    if (!mPath.isEmpty())
        return QFileInfo(mPath).completeBaseName();
    if (!mProject.title.empty())
        return fromStd(mProject.title);
    return tr("Untitled");
}

bool Document::isModified() const {
    return !mUndoStack->isClean();
}

Outcome Document::newProject() {
    reset(gis::Project{}, {});
    return Outcome::success(tr("New empty project."));
}

Outcome Document::loadDemo() {
    try {
        gis::Project demo = gis::demo::makeDemoCity();
        // The demo's names are generated in English: show them in the user's language.
        if (demo.title.empty() || demo.title == "Demo city")
            demo.title = toStd(tr("Demo city"));
        const std::pair<const char*, QString> names[] = {{"Terrain", tr("Terrain")},
                                                         {"Zoning", tr("Zoning")},
                                                         {"Buildings", tr("Buildings")},
                                                         {"Bridges", tr("Bridges")}};
        for (gis::Layer& layer : demo.layers)
            for (const auto& [english, translated] : names)
                if (layer.name == english)
                    layer.name = toStd(translated);
        reset(std::move(demo), {});
    } catch (const std::exception& e) {
        return Outcome::failure(tr("Could not create the demo city: %1").arg(fromStd(e.what())));
    }
    return Outcome::success(tr("Demo city opened."));
}

QString Document::openFailedMessage(const QString& path, const QString& detail) {
    return tr("Could not open “%1”.\n%2").arg(QDir::toNativeSeparators(path), detail);
}

QString Document::saveFailedMessage(const QString& path, const QString& detail) {
    return tr("Could not save “%1”.\n%2\nThe previous file, if any, is unchanged; try another folder or "
              "name.")
        .arg(QDir::toNativeSeparators(path), detail);
}

Outcome Document::load(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    try {
        gis::Result<gis::Project> read = gis::io::readProject(toStd(absolute));
        if (!read)
            return Outcome::failure(openFailedMessage(absolute, fromStd(read.error())));
        reset(std::move(read).value(), absolute);
    } catch (const std::exception& e) {
        return Outcome::failure(openFailedMessage(absolute, fromStd(e.what())));
    }
    return Outcome::success(tr("Opened “%1”.").arg(QDir::toNativeSeparators(absolute)));
}

Outcome Document::save(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    try {
        gis::Status written = gis::io::writeProject(mProject, toStd(absolute));
        if (!written)
            return Outcome::failure(saveFailedMessage(absolute, fromStd(written.error())));
    } catch (const std::exception& e) {
        return Outcome::failure(saveFailedMessage(absolute, fromStd(e.what())));
    }
    setPath(absolute);
    mUndoStack->setClean();
    return Outcome::success(tr("Saved “%1”.").arg(QDir::toNativeSeparators(absolute)));
}

void Document::adopt(gis::Project project, const QString& path) {
    reset(std::move(project), path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath());
}

void Document::reset(gis::Project project, const QString& path) {
    mUndoStack->clear(); // commands refer to the old content; emits cleanChanged when it was modified
    mProject = std::move(project);
    setPath(path);
    emit projectReset();
}

void Document::setPath(const QString& path) {
    if (path == mPath)
        return;
    mPath = path;
    emit pathChanged(mPath);
}

int Document::indexOfLayer(const QString& id) const {
    const std::string key = toStd(id);
    for (std::size_t i = 0; i < mProject.layers.size(); ++i)
        if (mProject.layers[i].id == key)
            return int(i);
    return -1;
}

const gis::Layer* Document::layer(const QString& id) const {
    return mProject.findLayer(toStd(id));
}

const gis::Layer* Document::layerAt(int index) const {
    if (index < 0 || index >= layerCount())
        return nullptr;
    return &mProject.layers[std::size_t(index)];
}

QStringList Document::layerIds() const {
    QStringList ids;
    for (const auto& l : mProject.layers)
        ids << fromStd(l.id);
    return ids;
}

// --- Edits ---

void Document::setLayerVisible(const QString& id, bool visible) {
    const gis::Layer* l = layer(id);
    if (!l || l->visible == visible)
        return;
    mUndoStack->push(new SetLayerVisibilityCommand(this, id, visible));
}

void Document::renameLayer(const QString& id, const QString& name) {
    const gis::Layer* l = layer(id);
    const QString trimmed = name.trimmed();
    if (!l || trimmed.isEmpty() || fromStd(l->name) == trimmed)
        return;
    mUndoStack->push(new RenameLayerCommand(this, id, trimmed));
}

void Document::removeLayer(const QString& id) {
    if (!layer(id))
        return;
    mUndoStack->push(new RemoveLayerCommand(this, id));
}

void Document::addLayers(std::vector<gis::Layer> layers, const gis::Crs& crs, const QString& undoText) {
    if (layers.empty())
        return;
    mUndoStack->push(new AddLayersCommand(this, std::move(layers), crs, undoText));
}

void Document::setSavedView(const std::optional<gis::CameraView>& view) {
    if (mProject.view == view)
        return;
    mUndoStack->push(new SetSavedViewCommand(this, view));
}

// --- Mutators for commands ---

void Document::applyLayerVisible(const QString& id, bool visible) {
    gis::Layer* l = mProject.findLayer(toStd(id));
    if (!l || l->visible == visible)
        return;
    l->visible = visible;
    emit layerVisibilityChanged(id, visible);
}

void Document::applyLayerName(const QString& id, const QString& name) {
    gis::Layer* l = mProject.findLayer(toStd(id));
    if (!l)
        return;
    l->name = toStd(name);
    emit layerChanged(id);
}

gis::Layer Document::takeLayerAt(int index) {
    Q_ASSERT(index >= 0 && index < layerCount());
    gis::Layer taken = std::move(mProject.layers[std::size_t(index)]);
    mProject.layers.erase(mProject.layers.begin() + index);
    emit layersRemoved(index, {fromStd(taken.id)});
    return taken;
}

void Document::insertLayers(int index, std::vector<gis::Layer> layers) {
    if (layers.empty())
        return;
    index = std::clamp(index, 0, layerCount());
    const int count = int(layers.size());
    mProject.layers.insert(mProject.layers.begin() + index, std::make_move_iterator(layers.begin()),
                           std::make_move_iterator(layers.end()));
    emit layersInserted(index, count);
}

void Document::applySavedView(const std::optional<gis::CameraView>& view) {
    if (mProject.view == view)
        return;
    mProject.view = view;
    emit savedViewChanged();
}

void Document::applyCrs(const gis::Crs& crs) {
    if (mProject.crs == crs)
        return;
    mProject.crs = crs;
    emit crsChanged();
}

QString Document::uniqueLayerId(const QString& base, const QStringList& taken) const {
    QString stem;
    for (QChar c : base.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            stem += c;
        else if (!stem.endsWith(QLatin1Char('_')))
            stem += QLatin1Char('_');
    }
    while (stem.endsWith(QLatin1Char('_')))
        stem.chop(1);
    if (stem.isEmpty())
        stem = QStringLiteral("layer");
    auto used = [&](const QString& id) { return taken.contains(id) || layer(id) != nullptr; };
    QString id = stem;
    for (int n = 2; used(id); ++n)
        id = stem + QLatin1Char('_') + QString::number(n);
    return id;
}

} // namespace app
