#include "app/ui/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace app {

Translations::Translations() = default;

Translations::~Translations() {
    remove();
}

bool Translations::install(const QLocale& locale) {
    remove();
    QLocale::setDefault(locale);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        mQt = std::move(qt);
    }
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto urbis = std::make_unique<QTranslator>();
    if (!urbis->load(locale, QStringLiteral("urbis"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(urbis.get());
    mUrbis = std::move(urbis);
    return true;
}

void Translations::remove() {
    if (mUrbis)
        QCoreApplication::removeTranslator(mUrbis.get());
    if (mQt)
        QCoreApplication::removeTranslator(mQt.get());
    mUrbis.reset();
    mQt.reset();
}

QStringList Translations::available() {
    QStringList locales;
    for (const QString& file : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("urbis_*.qm")}))
        locales << file.mid(6, file.size() - 9); // "urbis_" ... ".qm"
    return locales;
}

} // namespace app
