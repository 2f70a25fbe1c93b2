#include "gis/analysis/sunlight_preset.h"

#include "gis/analysis/sun_position.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace gis::analysis {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string>& presetKeys() {
    static const std::vector<std::string> keys{"name",
                                               "title",
                                               "reference",
                                               "notes",
                                               "date",
                                               "window",
                                               "time_base",
                                               "time_zone",
                                               "rule",
                                               "min_segment_minutes",
                                               "min_altitude_degrees",
                                               "sweep_angle_degrees",
                                               "required_hours",
                                               "coarse_step_minutes",
                                               "refine_seconds",
                                               "refraction",
                                               "receiver_offset_m"};
    return keys;
}

std::optional<int> parseClock(const std::string& text) {
    static const std::regex re(R"(^(\d{1,2}):(\d{2})(?::(\d{2}))?$)");
    std::smatch m;
    if (!std::regex_match(text, m, re))
        return std::nullopt;
    const int h = std::stoi(m[1]), mi = std::stoi(m[2]), s = m[3].matched ? std::stoi(m[3]) : 0;
    if (mi > 59 || s > 59 || h > 24 || (h == 24 && (mi || s)))
        return std::nullopt;
    return h * 3600 + mi * 60 + s;
}

Result<CountingOptions> parseCountingRule(const std::string& text) {
    CountingOptions c;
    static const std::regex re(R"(^longest-(\d{1,2})$)");
    std::smatch m;
    if (text == "cumulative")
        c.rule = CountingRule::Cumulative;
    else if (text == "longest")
        c.rule = CountingRule::Longest;
    else if (std::regex_match(text, m, re) && std::stoi(m[1]) >= 1) {
        c.rule = CountingRule::SumOfLongest;
        c.longestCount = std::stoi(m[1]);
    } else
        return Error{"unknown counting rule '" + text +
                     "': use cumulative, longest, or longest-N (the sum of the N longest segments, N >= 1)"};
    return c;
}

Result<double> solarTermJd(int year, double longitude) {
    if (!(longitude >= 0 && longitude < 360))
        return Error{"the solar longitude of a solar term must be within 0..360 degrees"};
    if (year < -1999 || year > 5999)
        return Error{"year " + std::to_string(year) + " is outside the SPA range (-2000..6000)"};
    SunObserver o;
    o.deltaT = estimateDeltaT(double(year) + 0.5);
    auto delta = [&](double jd) -> Result<double> {
        auto spa = computeSpa(utcFromJulianDay(jd), o);
        if (!spa)
            return Error{spa.error()};
        double d = std::fmod(spa->detail.lambda - longitude, 360.0);
        if (d > 180)
            d -= 360;
        if (d <= -180)
            d += 360;
        return d;
    };
    const double start = julianDay({year, 1, 1, 0, 0, 0}), end = julianDay({year + 1, 1, 1, 0, 0, 0});
    auto prev = delta(start);
    if (!prev)
        return Error{prev.error()};
    for (double jd = start + 1; jd <= end + 1e-9; jd += 1) {
        auto cur = delta(jd);
        if (!cur)
            return Error{cur.error()};
        if (prev.value() < 0 && cur.value() >= 0 && cur.value() - prev.value() < 5) {
            double lo = jd - 1, hi = jd;
            while (hi - lo > 1e-6) { // ~0.1 s
                const double mid = 0.5 * (lo + hi);
                auto d = delta(mid);
                if (!d)
                    return Error{d.error()};
                (d.value() < 0 ? lo : hi) = mid;
            }
            if (hi >= end)
                break;
            return 0.5 * (lo + hi);
        }
        prev = cur;
    }
    return Error{"the sun does not reach longitude " + std::to_string(longitude) + " in " +
                 std::to_string(year)};
}

Result<CalendarDate> solarTermDate(int year, double longitude, double utcOffsetHours) {
    auto jd = solarTermJd(year, longitude);
    if (!jd)
        return Error{jd.error()};
    const UtcDateTime t = utcFromJulianDay(jd.value() + utcOffsetHours / 24.0);
    return CalendarDate{t.year, t.month, t.day};
}

Result<CalendarDate> presetDate(const SunlightPreset& preset, int year) {
    if (preset.date.solarLongitude)
        return solarTermDate(year, *preset.date.solarLongitude, preset.date.calendarUtcOffsetHours);
    CalendarDate d{year, preset.date.month, preset.date.day};
    if (std::string e = validateUtc({d.year, d.month, d.day, 12, 0, 0}); !e.empty())
        return Error{"preset '" + preset.name + "': " + e};
    return d;
}

Result<SunlightParameters> presetParameters(const SunlightPreset& preset, int year) {
    auto date = presetDate(preset, year);
    if (!date)
        return Error{date.error()};
    SunlightParameters p = preset.parameters;
    p.year = date->year;
    p.month = date->month;
    p.day = date->day;
    return p;
}

Result<SunlightPreset> parsePreset(const std::string& text, const std::string& source) {
    const json j = json::parse(text, nullptr, false);
    const std::string where = "preset '" + source + "'";
    if (j.is_discarded() || !j.is_object())
        return Error{where + " is not a JSON object (malformed file)"};
    for (const auto& k : presetKeys())
        if (!j.contains(k))
            return Error{where + ": missing '" + k + "' (a preset names every parameter)"};
    for (const auto& [k, v] : j.items())
        if (std::find(presetKeys().begin(), presetKeys().end(), k) == presetKeys().end())
            return Error{where + ": unknown key '" + k + "'"};
    try {
        SunlightPreset p;
        p.source = source;
        p.name = j.at("name").get<std::string>();
        p.title = j.at("title").get<std::string>();
        p.reference = j.at("reference").get<std::string>();
        p.notes = j.at("notes").get<std::string>();
        const json& d = j.at("date");
        if (!d.is_object())
            return Error{where + ": 'date' must be an object"};
        if (d.contains("solar_longitude")) {
            p.date.solarLongitude = d.at("solar_longitude").get<double>();
            p.date.solarTerm = d.at("solar_term").get<std::string>();
            p.date.calendarUtcOffsetHours = d.at("calendar_utc_offset_hours").get<double>();
            if (!(*p.date.solarLongitude >= 0 && *p.date.solarLongitude < 360))
                return Error{where + ": 'date.solar_longitude' must be within 0..360"};
        } else {
            p.date.month = d.at("month").get<int>();
            p.date.day = d.at("day").get<int>();
            if (std::string e = validateUtc({2001, p.date.month, p.date.day, 12, 0, 0});
                !e.empty() && !(p.date.month == 2 && p.date.day == 29))
                return Error{where + ": 'date': " + e};
        }
        const json& w = j.at("window");
        if (!w.is_array() || w.size() != 2)
            return Error{where + ": 'window' must be [\"HH:MM\", \"HH:MM\"]"};
        auto a = parseClock(w[0].get<std::string>()), b = parseClock(w[1].get<std::string>());
        if (!a || !b || *a >= *b)
            return Error{where + ": 'window' must be two times HH:MM, the second later than the first"};
        p.parameters.windowStart = *a;
        p.parameters.windowEnd = *b;
        const std::string tb = j.at("time_base").get<std::string>();
        if (tb != "solar" && tb != "clock")
            return Error{where + ": 'time_base' must be \"solar\" or \"clock\""};
        p.parameters.timeBase = tb == "solar" ? TimeBase::Solar : TimeBase::Clock;
        p.parameters.timeZone = j.at("time_zone").get<std::string>();
        if (p.parameters.timeBase == TimeBase::Clock && p.parameters.timeZone.empty())
            return Error{where + ": clock time needs a 'time_zone' (an IANA name)"};
        p.ruleText = j.at("rule").get<std::string>();
        auto rule = parseCountingRule(p.ruleText);
        if (!rule)
            return Error{where + ": " + rule.error()};
        p.parameters.counting = rule.value();
        p.parameters.counting.minSegmentSeconds = j.at("min_segment_minutes").get<double>() * 60.0;
        p.parameters.minAltitude = j.at("min_altitude_degrees").get<double>();
        p.parameters.sweepAngle = j.at("sweep_angle_degrees").get<double>();
        p.parameters.requiredHours = j.at("required_hours").get<double>();
        p.parameters.coarseStepSeconds = int(std::lround(j.at("coarse_step_minutes").get<double>() * 60.0));
        p.parameters.refineSeconds = j.at("refine_seconds").get<int>();
        p.parameters.refraction = j.at("refraction").get<bool>();
        p.parameters.receiverOffset = j.at("receiver_offset_m").get<double>();
        auto params = presetParameters(p, 2001);
        if (!params)
            return Error{where + ": " + params.error()};
        if (std::string e = validateSunlightParameters(params.value()); !e.empty())
            return Error{where + ": " + e};
        return p;
    } catch (const json::exception& e) {
        return Error{where + ": a value has the wrong type (" + std::string(e.what()) + ")"};
    }
}

Result<SunlightPreset> loadPresetFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot read the preset file '" + path + "'"};
    std::stringstream ss;
    ss << in.rdbuf();
    return parsePreset(ss.str(), path);
}

std::vector<std::string> listPresets(const std::vector<std::string>& dirs) {
    std::set<std::string> names;
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (dir.empty() || !fs::is_directory(dir, ec))
            continue;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.path().extension() == ".json")
                names.insert(e.path().stem().string());
    }
    return {names.begin(), names.end()};
}

Result<SunlightPreset> findPreset(const std::string& name, const std::vector<std::string>& dirs) {
    std::error_code ec;
    if (name.size() > 5 && name.substr(name.size() - 5) == ".json" && fs::is_regular_file(name, ec))
        return loadPresetFile(name);
    for (const auto& dir : dirs) {
        if (dir.empty())
            continue;
        const fs::path file = fs::path(dir) / (name + ".json");
        if (fs::is_regular_file(file, ec))
            return loadPresetFile(file.string());
    }
    const auto names = listPresets(dirs);
    std::string list;
    for (const auto& n : names)
        list += (list.empty() ? "" : ", ") + n;
    std::string searched;
    for (const auto& d : dirs)
        if (!d.empty())
            searched += (searched.empty() ? "" : ", ") + d;
    return Error{"unknown preset '" + name + "'; available: " + (list.empty() ? "(none found)" : list) +
                 " (searched " + (searched.empty() ? "nothing" : searched) + ")"};
}

} // namespace gis::analysis
