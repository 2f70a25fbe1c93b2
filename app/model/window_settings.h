#pragma once
// Remembered user interface state (QSettings under "window/" and "paths/"): main window geometry and
// dock/toolbar layout, the folders last used in file dialogs.
#include <QByteArray>
#include <QString>

namespace app::settings {

// Bump when docks or toolbars change so an old layout is not restored onto a different set of widgets.
constexpr int kWindowStateVersion = 2; // 2: the Legend dock

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray& geometry);
QByteArray windowState();
void setWindowState(const QByteArray& state);

// The folder a file dialog of this kind ("project", "import", "screenshot") opens in; home when unknown.
QString lastDirectory(const QString& kind);
void setLastDirectory(const QString& kind, const QString& fileOrFolder);

} // namespace app::settings
