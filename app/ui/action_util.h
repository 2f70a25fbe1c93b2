#pragma once
// Actions made the same way everywhere: icon, text, shortcut, a tooltip that names the shortcut, a status
// tip, and toolbar text without the menu mnemonic ("环绕(&O)" shows as "环绕" on a toolbar button).
#include <QKeySequence>
#include <QString>

class QAction;
class QObject;

namespace app {

// iconName: a resources/icons stem, or empty for no icon.
QAction* makeAction(QObject* parent, const QString& iconName, const QString& text,
                    const QKeySequence& shortcut, const QString& tip);
// "&Open…" -> "Open", "打开(&O)…" -> "打开".
QString withoutMnemonic(const QString& text);

} // namespace app
