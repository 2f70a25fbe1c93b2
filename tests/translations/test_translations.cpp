// The embedded translations load and translate the user interface (no window, no GL).
#include "app/ui/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QtTest>

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void chineseIsEmbedded() {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/urbis_zh_CN.qm")));
        QVERIFY(app::Translations::available().contains(QStringLiteral("zh_CN")));
    }

    void chineseTranslatesMenusAndMessages() {
        app::Translations translations;
        QVERIFY(translations.install(QLocale(QStringLiteral("zh_CN"))));
        QCOMPARE(QCoreApplication::translate("app::MainWindow", "&File"), QStringLiteral("文件(&F)"));
        QCOMPARE(QCoreApplication::translate("app::LayerPanel", "Layers"), QStringLiteral("图层"));
        QCOMPARE(QCoreApplication::translate("app::EditController", "Undo"), QStringLiteral("撤销"));
        QCOMPARE(QCoreApplication::translate("app::EditController", "Redo"), QStringLiteral("重做"));
        // Qt's own strings (dialog buttons) come from qtbase_zh_CN.qm.
        QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));
        translations.remove();
        QCOMPARE(QCoreApplication::translate("app::MainWindow", "&File"), QStringLiteral("&File"));
    }

    void englishNeedsNoFile() {
        app::Translations translations;
        QVERIFY(translations.install(QLocale(QStringLiteral("en_US"))));
        QCOMPARE(QCoreApplication::translate("app::MainWindow", "&File"), QStringLiteral("&File"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
