#pragma once
// A sunlight analysis as the GUI runs it (no widgets): a snapshot of the project's scene taken on the GUI
// thread, the request the Sunlight panel fills, and the run on a worker thread — windows of residential
// buildings or a plan grid, optionally compared with a proposal (a buildings layer added to the scene). The
// numbers come from gis::analysis (computeSunlight / compareSchemes), the very calls urbis-cli makes.
// Also the time conversions the panel, the table and the time slider share (window seconds in solar and
// clock time, the sun's direction at a second).
#include "gis/analysis/sunlight.h"
#include "gis/analysis/sunlight_compare.h"
#include "gis/analysis/sunlight_grid.h"
#include "gis/analysis/sunlight_windows.h"
#include "gis/model/project.h"
#include "gis/progress.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace app {

// What casts shadows. Buildings of the visible building layers; the proposal layer's buildings apart.
struct SunlightScene {
    gis::Crs crs;
    std::uint64_t proposalRays = 0; // shadow rays of the proposal's run (the baseline's: result.raysCast)
    std::vector<gis::Building> buildings;         // the baseline
    std::vector<gis::Building> proposalBuildings; // the proposal layer's (empty when none is chosen)
    std::shared_ptr<const gis::RasterF> terrain;  // casts shadows and carries the grid
    std::vector<std::shared_ptr<const gis::TriangleMesh>> meshes; // visible city models
};

// `proposalLayerId`: a buildings layer to hold apart as the proposal (its visibility does not matter);
// empty: none.
SunlightScene sunlightScene(const gis::Project& project, const std::string& proposalLayerId = {});

enum class ReceiverKind { Windows, Grid };

struct SunlightRequest {
    gis::analysis::SunlightParameters parameters; // date resolved, clock offset resolved
    gis::analysis::GeoLocation location;          // the site (one sun for every run of a session)
    ReceiverKind kind = ReceiverKind::Windows;
    gis::analysis::WindowOptions windowOptions; // windows: which buildings, spacing, samples
    gis::analysis::GridOptions gridOptions;     // grid: spacing, height (terrain set by the run)
    std::vector<gis::Polygon> aoi;              // grid: the area
    bool compare = false;                       // baseline vs baseline + proposal buildings
};

struct SunlightRun {
    SunlightRequest request;
    gis::analysis::WindowReceivers windows; // kind Windows
    gis::analysis::PlanGrid grid;           // kind Grid
    gis::analysis::SunlightResult result;   // per sample point (baseline)
    // One entry per row of the table: per window (whole-window rule) or per grid cell. Baseline.
    std::vector<gis::analysis::ReceiverSunlight> rows;
    // With a comparison: the proposal's rows and the comparison of the rows.
    std::vector<gis::analysis::ReceiverSunlight> proposalRows;
    std::optional<gis::analysis::SchemeComparison> comparison;
    gis::RasterF hours, proposalHours; // grid: counted hours per cell (NaN = no data)
    gis::Crs crs;
    std::uint64_t proposalRays = 0; // shadow rays of the proposal's run (the baseline's: result.raysCast)
    std::vector<gis::Building> buildings;         // the baseline scene (for the report's plan)
    std::vector<gis::Building> proposalBuildings; // the proposal's additions (comparison only)
    bool terrain = false;
    double seconds = 0; // wall-clock time of the run

    std::size_t size() const { return rows.size(); }
    // The row's identifier as urbis-cli prints it (window or cell id).
    const std::string& rowId(std::size_t i) const;
    // Where the row is: sill centre (windows) or cell centre at receiver height (grid).
    gis::Vec3 rowPosition(std::size_t i) const;
    // The result that decides the row now: the proposal's with a comparison, else the baseline's.
    const gis::analysis::ReceiverSunlight& current(std::size_t i) const {
        return comparison ? proposalRows[i] : rows[i];
    }
};

// Runs the request on the scene (call on a worker thread; cancellable). Errors say what to change: no
// windows (no residential building, a selection without windows), an empty area, no proposal buildings.
gis::Result<SunlightRun> runSunlight(const SunlightScene& scene, const SunlightRequest& request,
                                     gis::Progress& progress);

// Where the project is on the Earth (its content's centre; PROJ), for the sun. Error without a CRS.
gis::Result<gis::analysis::GeoLocation> projectLocation(const gis::Project& project);

// An IANA zone for clock times at a place when the user named none: China's single zone inside China's
// longitudes and latitudes, otherwise the whole-hour offset of the longitude ("UTC+08:00").
QString defaultTimeZone(const gis::analysis::GeoLocation& where);
// The UTC offset of `zone` (IANA id or "UTC±HH:MM") at local noon of the date; empty when unknown.
std::optional<int> utcOffsetOn(const QString& zone, int year, int month, int day);

// Window seconds (in the parameters' time base) to solar and clock time of the same instant.
class SunlightClock {
public:
    SunlightClock(const gis::analysis::SunlightParameters& p, const gis::analysis::GeoLocation& where,
                  int clockOffsetSeconds);
    int solarSeconds(int windowSecond) const;
    int clockSeconds(int windowSecond) const;
    // Unit vector toward the sun in the project's grid frame (x east, y north, z up) at a window second;
    // azimuth (true, from north, clockwise) and elevation in degrees. Empty when SPA refuses the date.
    struct Sun {
        gis::Vec3 toSun;
        double azimuth = 0, elevation = 0;
    };
    std::optional<Sun> sunAt(int windowSecond) const;
    int clockOffset() const { return mOffset; }

private:
    std::optional<double> julianDay(int windowSecond) const;
    double exactOther(int windowSecond) const; // clock seconds (solar base) or solar seconds (clock base)

    gis::analysis::SunlightParameters mParams;
    gis::analysis::GeoLocation mWhere;
    int mOffset = 0;
    double mDayJd = 0; // JD of 00:00 UTC of the date
    // The other time base at every minute of the day (SPA is costly and the relation is smooth: the
    // equation of time changes by well under a second per hour), interpolated in between.
    std::vector<double> mOtherAtMinute;
};

// The run as CSV (one line per row; machine-readable English headers like urbis-cli's):
// id,[building,part,storey,facade,window,]x,y,z,sunlit_minutes,required_hours,pass,inside,intervals_solar,
// intervals_clock[,before_minutes,delta_minutes,pass_before,newly_fails]. Intervals "HH:MM:SS-HH:MM:SS;...".
QString sunlightCsv(const SunlightRun& run, const SunlightClock& clock);

// "HH:MM" / "HH:MM:SS" of seconds from midnight (may exceed 24 h or be negative across midnight: wrapped).
QString clockText(int seconds, bool withSeconds = true);

} // namespace app
