#pragma once
// Regulation presets: JSON data files (resources/presets/*.json) that fix every parameter of a sunlight
// check. The date is either a fixed month/day or a solar term (大寒 = apparent solar longitude 300°, 冬至 =
// 270°), computed with SPA for the analysis year. Every key must be present (no silent defaults) and unknown
// keys are errors (typos must not pass). Format:
//   {"name": "gb50180-dahan-2h", "title": "...", "reference": "...", "notes": "...",
//    "date": {"solar_term": "dahan", "solar_longitude": 300, "calendar_utc_offset_hours": 8}
//         | {"month": 3, "day": 21},
//    "window": ["08:00", "16:00"], "time_base": "solar" | "clock", "time_zone": "Europe/London" | "",
//    "rule": "cumulative" | "longest" | "longest-N", "min_segment_minutes": 0, "min_altitude_degrees": 0,
//    "sweep_angle_degrees": 0, "required_hours": 2, "coarse_step_minutes": 5, "refine_seconds": 1,
//    "refraction": false, "receiver_offset_m": 0.01}
#include "gis/analysis/sunlight.h"

#include <optional>
#include <string>
#include <vector>

namespace gis::analysis {

struct PresetDate {
    // Fixed calendar date (month, day) when solarLongitude is empty.
    int month = 1, day = 1;
    std::optional<double> solarLongitude; // degrees: the date of this solar term in the analysis year
    std::string solarTerm;                // its name, e.g. "dahan"
    double calendarUtcOffsetHours = 0;    // the solar term's calendar date is taken at this offset (China: 8)
};

struct SunlightPreset {
    std::string name, title, reference, notes, source; // source: the file it came from
    PresetDate date;
    std::string ruleText; // as written: "cumulative", "longest", "longest-2"
    // Every parameter the preset fixes; the date fields are set per analysis year by presetParameters, and a
    // clock-time zone (parameters.timeZone) is resolved to an offset by the caller.
    SunlightParameters parameters;
};

// The keys every preset must name.
const std::vector<std::string>& presetKeys();

// Parses a preset's JSON text; `source` names it in messages.
Result<SunlightPreset> parsePreset(const std::string& json, const std::string& source);
Result<SunlightPreset> loadPresetFile(const std::string& path);
// Finds `name` (the file stem, or a path to a .json file) in the first directory of `dirs` that has it.
// Unknown names are an error that lists the available presets.
Result<SunlightPreset> findPreset(const std::string& name, const std::vector<std::string>& dirs);
// Stems of the *.json files of the existing directories of `dirs`, sorted, without duplicates.
std::vector<std::string> listPresets(const std::vector<std::string>& dirs);

// "longest", "longest-3", "cumulative" -> counting options; error for anything else.
Result<CountingOptions> parseCountingRule(const std::string& text);
// "HH:MM" or "HH:MM:SS" (24:00 allowed) -> seconds.
std::optional<int> parseClock(const std::string& text);

// UTC instant (JD, UT) at which the sun's apparent geocentric longitude reaches `longitude` degrees in the
// given (Gregorian) year; SPA's λ, root-found to ~1 s.
Result<double> solarTermJd(int year, double longitude);
struct CalendarDate {
    int year = 0, month = 0, day = 0;
};
// The calendar date of that instant at a UTC offset (hours).
Result<CalendarDate> solarTermDate(int year, double longitude, double utcOffsetHours);
// The preset's date in `year`.
Result<CalendarDate> presetDate(const SunlightPreset& preset, int year);

// The preset's parameters for a year (date resolved; clock-time offset left to the caller).
Result<SunlightParameters> presetParameters(const SunlightPreset& preset, int year);

} // namespace gis::analysis
