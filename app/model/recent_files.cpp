#include "app/model/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace app {

RecentFiles::RecentFiles(QObject* parent, const QString& settingsKey) : QObject(parent), mKey(settingsKey) {}

QStringList RecentFiles::files() const {
    QStringList files = QSettings().value(mKey).toStringList();
    files.removeAll(QString());
    while (files.size() > kMaxFiles)
        files.removeLast();
    return files;
}

void RecentFiles::add(const QString& path) {
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxFiles)
        list.removeLast();
    store(list);
}

void RecentFiles::remove(const QString& path) {
    QStringList list = files();
    if (list.removeAll(QFileInfo(path).absoluteFilePath()) + list.removeAll(path) > 0)
        store(list);
}

void RecentFiles::clear() {
    store({});
}

void RecentFiles::store(const QStringList& files) {
    QSettings settings;
    if (files.isEmpty())
        settings.remove(mKey);
    else
        settings.setValue(mKey, files);
    emit changed();
}

} // namespace app
