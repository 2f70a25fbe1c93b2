#pragma once
// Installs Urbis' compiled translations (embedded at :/i18n/urbis_<locale>.qm) and Qt's own (qtbase) for a
// locale, and makes that locale the default for number formatting.
#include <QLocale>
#include <QStringList>

#include <memory>

class QTranslator;

namespace app {

class Translations {
public:
    Translations();
    ~Translations(); // removes what it installed
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    // Replaces what was installed before. True when Urbis' own translation for `locale` was found (English,
    // the source language, needs none and returns true).
    bool install(const QLocale& locale);
    void remove();

    // Locales with an embedded Urbis translation, e.g. {"zh_CN"}.
    static QStringList available();

private:
    std::unique_ptr<QTranslator> mUrbis;
    std::unique_ptr<QTranslator> mQt;
};

} // namespace app
