#pragma once
// The most recently opened projects, newest first, remembered in QSettings.
#include <QObject>
#include <QString>
#include <QStringList>

namespace app {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 10;

    explicit RecentFiles(QObject* parent = nullptr,
                         const QString& settingsKey = QStringLiteral("recentFiles"));

    QStringList files() const;
    // Moves (or inserts) `path` to the top, absolute; keeps at most kMaxFiles.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

signals:
    void changed();

private:
    void store(const QStringList& files);
    QString mKey;
};

} // namespace app
