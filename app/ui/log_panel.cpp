#include "app/ui/log_panel.h"

#include <QAction>
#include <QPlainTextEdit>
#include <QTime>

namespace app {

LogPanel::LogPanel(QWidget* parent) : QDockWidget(tr("Messages"), parent), mView(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("LogPanel"));
    mView->setObjectName(QStringLiteral("LogView"));
    mView->setReadOnly(true);
    mView->setMaximumBlockCount(5000);
    mView->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    mView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* clearAction = new QAction(tr("Clear Messages"), mView);
    connect(clearAction, &QAction::triggered, this, &LogPanel::clear);
    mView->addAction(clearAction);
    setWidget(mView);
}

void LogPanel::append(MessageLevel level, const QString& text) {
    QString prefix;
    switch (level) {
    case MessageLevel::Info:
        break;
    case MessageLevel::Warning:
        prefix = tr("Warning: ");
        break;
    case MessageLevel::Error:
        prefix = tr("Error: ");
        break;
    }
    const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    QString body = text;
    body.replace(QLatin1Char('\n'), QLatin1String("\n         "));
    mView->appendPlainText(QStringLiteral("%1  %2%3").arg(time, prefix, body));
    ++mLines;
    if (level != MessageLevel::Info && !isVisible())
        show();
}

void LogPanel::clear() {
    mView->clear();
    mLines = 0;
}

} // namespace app
