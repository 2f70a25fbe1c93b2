#pragma once
// Small files that tests write for themselves (generated data belongs in the tests, not in the repository).
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace urbis_test {

// Writes `text` to `path`, failing the current test when the file cannot be written.
inline void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable("cannot write " + path));
    QVERIFY(f.write(text) == text.size());
}

} // namespace urbis_test
