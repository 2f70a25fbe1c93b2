// Regulation presets: every shipped preset parses and names every parameter; solar-term dates from SPA;
// clear errors for unknown names and malformed files.
#include "gis/analysis/sun_position.h"
#include "gis/analysis/sunlight_preset.h"

#include <QTest>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace gis::analysis;

namespace {
const std::string kDir = std::string(URBIS_SOURCE_DIR) + "/resources/presets";
}

class TestSunlightPreset : public QObject {
    Q_OBJECT
private slots:
    void solarTermsFromSpa() {
        // 大寒 (apparent solar longitude 300°) and 冬至 (270°), calendar dates in Beijing time.
        auto dahan = solarTermDate(2026, 300, 8);
        QVERIFY2(dahan.isOk(), dahan.error().c_str());
        QCOMPARE(dahan->month, 1);
        QCOMPARE(dahan->day, 20);
        auto dongzhi = solarTermDate(2026, 270, 8);
        QVERIFY2(dongzhi.isOk(), dongzhi.error().c_str());
        QCOMPARE(dongzhi->month, 12);
        QCOMPARE(dongzhi->day, 22);
        // 2024 December solstice: 21 Dec 09:20 UTC (17:20 Beijing).
        auto jd = solarTermJd(2024, 270);
        QVERIFY(jd.isOk());
        const UtcDateTime t = utcFromJulianDay(jd.value());
        QCOMPARE(t.day, 21);
        QCOMPARE(t.hour, 9);
        QVERIFY(std::abs(t.minute - 20) <= 1);
        QVERIFY(!solarTermDate(7000, 270, 8).isOk());
    }

    void shippedPresetsParseAndNameEveryParameter() {
        const auto names = listPresets({kDir});
        for (const char* must :
             {"gb50180-dahan-2h", "gb50180-dahan-3h", "gb50180-dongzhi-1h", "bre-21march-2h", "en17037-1.5h"})
            QVERIFY2(std::find(names.begin(), names.end(), must) != names.end(), must);
        for (const auto& name : names) {
            std::ifstream in(kDir + "/" + name + ".json");
            const auto j = nlohmann::json::parse(in);
            for (const auto& key : presetKeys())
                QVERIFY2(j.contains(key), (name + ": " + key).c_str());
            auto p = findPreset(name, {kDir});
            QVERIFY2(p.isOk(), p.error().c_str());
            QCOMPARE(p->name, name);
            auto params = presetParameters(p.value(), 2026);
            QVERIFY2(params.isOk(), params.error().c_str());
            QVERIFY(params->requiredHours.has_value());
        }
        auto dahan = presetParameters(findPreset("gb50180-dahan-2h", {kDir}).value(), 2026).value();
        QCOMPARE(dahan.month, 1);
        QCOMPARE(dahan.day, 20);
        QCOMPARE(dahan.windowStart, 8 * 3600);
        QCOMPARE(dahan.windowEnd, 16 * 3600);
        QVERIFY(dahan.timeBase == TimeBase::Solar);
        QCOMPARE(*dahan.requiredHours, 2.0);
        auto dongzhi = presetParameters(findPreset("gb50180-dongzhi-1h", {kDir}).value(), 2026).value();
        QCOMPARE(dongzhi.month, 12);
        QCOMPARE(dongzhi.day, 22);
        QCOMPARE(dongzhi.windowStart, 9 * 3600);
        auto bre = findPreset("bre-21march-2h", {kDir}).value();
        QVERIFY(bre.parameters.timeBase == TimeBase::Clock);
        QCOMPARE(bre.parameters.timeZone, std::string("Europe/London"));
    }

    void errors() {
        auto unknown = findPreset("no-such-preset", {kDir});
        QVERIFY(!unknown.isOk());
        QVERIFY2(unknown.error().find("gb50180-dahan-2h") != std::string::npos, unknown.error().c_str());
        QVERIFY(!parsePreset("{ not json", "bad").isOk());
        std::ifstream in(kDir + "/gb50180-dahan-2h.json");
        auto j = nlohmann::json::parse(in);
        auto missing = j;
        missing.erase("sweep_angle_degrees");
        auto r = parsePreset(missing.dump(), "m");
        QVERIFY(!r.isOk());
        QVERIFY2(r.error().find("sweep_angle_degrees") != std::string::npos, r.error().c_str());
        auto extra = j;
        extra["sweep_angel"] = 12;
        QVERIFY(!parsePreset(extra.dump(), "x").isOk());
        auto badRule = j;
        badRule["rule"] = "longest-0";
        QVERIFY(!parsePreset(badRule.dump(), "r").isOk());
        auto badWindow = j;
        badWindow["window"] = {"16:00", "08:00"};
        QVERIFY(!parsePreset(badWindow.dump(), "w").isOk());
        auto badType = j;
        badType["required_hours"] = "two";
        QVERIFY(!parsePreset(badType.dump(), "t").isOk());
        QVERIFY(parseCountingRule("longest-2").isOk());
        QCOMPARE(parseCountingRule("longest-2")->longestCount, 2);
        QVERIFY(!parseCountingRule("median").isOk());
        QCOMPARE(*parseClock("24:00"), 86400);
        QVERIFY(!parseClock("24:01"));
    }
};

QTEST_GUILESS_MAIN(TestSunlightPreset)
#include "test_sunlight_preset.moc"
