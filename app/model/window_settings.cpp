#include "app/model/window_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace app::settings {

QByteArray windowGeometry() {
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

void setWindowGeometry(const QByteArray& geometry) {
    QSettings().setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray windowState() {
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void setWindowState(const QByteArray& state) {
    QSettings().setValue(QStringLiteral("window/state"), state);
}

QString lastDirectory(const QString& kind) {
    const QString dir = QSettings().value(QStringLiteral("paths/") + kind).toString();
    return !dir.isEmpty() && QFileInfo(dir).isDir() ? dir : QDir::homePath();
}

void setLastDirectory(const QString& kind, const QString& fileOrFolder) {
    if (fileOrFolder.isEmpty())
        return;
    const QFileInfo info(fileOrFolder);
    QSettings().setValue(QStringLiteral("paths/") + kind,
                         info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

} // namespace app::settings
