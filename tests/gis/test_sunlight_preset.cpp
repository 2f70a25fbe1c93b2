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

    // Every shipped preset against its table: date in 2026, window, time base, rule, minimum segment,
    // minimum altitude, sweep angle, required hours. A preset file edited by mistake fails here.
    void presetsReproduceTheirTables() {
        struct Row {
            const char* name;
            int month, day;        // in 2026
            const char *from, *to; // window
            TimeBase base;
            const char* zone;
            CountingRule rule;
            int longest;
            double minSegmentMin, minAltitude, sweep, required;
        };
        using enum TimeBase;
        using enum CountingRule;
        const Row table[] = {
            // GB 50180-2018 table 4.0.9 and its special cases; GB 50352-2019 5.1.3 (大寒 2026-01-20, 冬至
            // 2026-12-22, Beijing time).
            {"gb50180-dahan-2h", 1, 20, "08:00", "16:00", Solar, "", Cumulative, 1, 0, 0, 0, 2},
            {"gb50180-dahan-3h", 1, 20, "08:00", "16:00", Solar, "", Cumulative, 1, 0, 0, 0, 3},
            {"gb50180-dongzhi-1h", 12, 22, "09:00", "15:00", Solar, "", Cumulative, 1, 0, 0, 0, 1},
            {"gb50180-elderly-dongzhi-2h", 12, 22, "09:00", "15:00", Solar, "", Cumulative, 1, 0, 0, 0, 2},
            {"gb50180-renewal-dahan-1h", 1, 20, "08:00", "16:00", Solar, "", Cumulative, 1, 0, 0, 0, 1},
            {"gb50352-kindergarten-dongzhi-3h", 12, 22, "09:00", "15:00", Solar, "", Cumulative, 1, 0, 0, 0,
             3},
            {"gb50352-ward-dongzhi-2h", 12, 22, "09:00", "15:00", Solar, "", Cumulative, 1, 0, 0, 0, 2},
            {"gb50352-classroom-dongzhi-2h", 12, 22, "09:00", "15:00", Solar, "", Cumulative, 1, 0, 0, 0, 2},
            // Cities (SUNLIGHT.md's parameters).
            {"beijing-dahan-2h", 1, 20, "08:00", "16:00", Solar, "", Cumulative, 1, 5, 0, 12, 2},
            {"beijing-dongzhi-1h", 12, 22, "09:00", "15:00", Solar, "", Cumulative, 1, 30, 0, 12, 1},
            {"hangzhou-dahan-2h", 1, 20, "09:00", "15:00", Solar, "", SumOfLongest, 2, 0, 0, 0, 2},
            {"qingdao-dahan-2h", 1, 20, "08:00", "16:00", Clock, "Asia/Shanghai", Cumulative, 1, 0, 15, 0, 2},
            // Europe.
            {"bre-21march-2h", 3, 21, "00:00", "24:00", Clock, "Europe/London", Cumulative, 1, 0, 0, 0, 2},
            {"en17037-1.5h", 3, 21, "00:00", "24:00", Solar, "", Cumulative, 1, 0, 0, 0, 1.5},
            {"en17037-3h", 3, 21, "00:00", "24:00", Solar, "", Cumulative, 1, 0, 0, 0, 3},
            {"en17037-4h", 3, 21, "00:00", "24:00", Solar, "", Cumulative, 1, 0, 0, 0, 4},
            // Japan 日影規制 (別表第4): shadow <= X h in 8-16 on 冬至 (JST date) <=> sunlit >= 8 - X h.
            {"japan-nichiei-1-5m", 12, 22, "08:00", "16:00", Solar, "", Cumulative, 1, 0, 0, 0, 8 - 3},
            {"japan-nichiei-1-10m", 12, 22, "08:00", "16:00", Solar, "", Cumulative, 1, 0, 0, 0, 8 - 2},
            {"japan-nichiei-2-5m", 12, 22, "08:00", "16:00", Solar, "", Cumulative, 1, 0, 0, 0, 8 - 4},
            {"japan-nichiei-2-10m", 12, 22, "08:00", "16:00", Solar, "", Cumulative, 1, 0, 0, 0, 8 - 2.5},
            {"japan-nichiei-3-5m", 12, 22, "08:00", "16:00", Solar, "", Cumulative, 1, 0, 0, 0, 8 - 5},
            {"japan-nichiei-3-10m", 12, 22, "08:00", "16:00", Solar, "", Cumulative, 1, 0, 0, 0, 8 - 3},
        };
        const auto names = listPresets({kDir});
        QCOMPARE(names.size(), std::size(table)); // a new preset file needs a row here
        for (const Row& row : table) {
            auto preset = findPreset(row.name, {kDir});
            QVERIFY2(preset.isOk(), preset.error().c_str());
            QVERIFY2(!preset->reference.empty() && !preset->notes.empty() && !preset->title.empty(),
                     row.name);
            auto p = presetParameters(preset.value(), 2026);
            QVERIFY2(p.isOk(), p.error().c_str());
            const QByteArray what = QByteArray(row.name);
            QVERIFY2(p->year == 2026 && p->month == row.month && p->day == row.day, what + " date");
            QVERIFY2(p->windowStart == *parseClock(row.from) && p->windowEnd == *parseClock(row.to),
                     what + " window");
            QVERIFY2(p->timeBase == row.base && p->timeZone == row.zone, what + " time base");
            QVERIFY2(p->counting.rule == row.rule, what + " rule");
            if (row.rule == SumOfLongest)
                QVERIFY2(p->counting.longestCount == row.longest, what + " N longest");
            QVERIFY2(p->counting.minSegmentSeconds == row.minSegmentMin * 60, what + " minimum segment");
            QVERIFY2(p->minAltitude == row.minAltitude, what + " minimum altitude");
            QVERIFY2(p->sweepAngle == row.sweep, what + " sweep angle");
            QVERIFY2(p->requiredHours && *p->requiredHours == row.required, what + " required hours");
            // Regulation work: geometric sun, 1 s refinement, coarse step of at most 5 min.
            QVERIFY2(!p->refraction && p->refineSeconds == 1 && p->coarseStepSeconds <= 300, what);
            QVERIFY2(validateSunlightParameters(p.value()).empty(), what);
        }
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
