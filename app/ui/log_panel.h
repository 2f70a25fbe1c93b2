#pragma once
// The Messages dock: import warnings, errors and what was opened or saved, with the time.
#include "app/model/outcome.h"

#include <QDockWidget>

class QPlainTextEdit;

namespace app {

class LogPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit LogPanel(QWidget* parent = nullptr);
    QPlainTextEdit* view() const { return mView; }
    int lineCount() const { return mLines; }

public slots:
    void append(app::MessageLevel level, const QString& text);
    void clear();

private:
    QPlainTextEdit* mView;
    int mLines = 0;
};

} // namespace app
