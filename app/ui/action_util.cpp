#include "app/ui/action_util.h"

#include "app/ui/icons.h"

#include <QAction>
#include <QRegularExpression>

namespace app {

QString withoutMnemonic(const QString& text) {
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&[^)]\\)"));
    QString result = text;
    result.remove(cjkMnemonic);
    result.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    result.remove(QLatin1Char('&'));
    result.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    while (result.endsWith(QChar(0x2026)) || result.endsWith(QLatin1Char('.')))
        result.chop(1);
    return result.trimmed();
}

QAction* makeAction(QObject* parent, const QString& iconName, const QString& text,
                    const QKeySequence& shortcut, const QString& tip) {
    auto* action = new QAction(iconName.isEmpty() ? QIcon() : icon(iconName), text, parent);
    action->setIconText(withoutMnemonic(text));
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    } else {
        action->setToolTip(tip);
    }
    action->setStatusTip(tip);
    return action;
}

} // namespace app
