#pragma once
// The sunlight report: the PDF a planning bureau files (issue 4, item 9). Qt Gui only (QPdfWriter +
// QPainter, no widgets, no GL), so urbis-cli writes the very same document as the GUI. A QGuiApplication
// must exist (fonts); without an X server use QT_QPA_PLATFORM=offscreen (this writes no GL).
//
// Layout (A4 portrait, 15 mm margins; Chinese text in a CJK font, labels bilingual 中文 / English):
//   1. title, project, generation date and software version;
//   2. parameters (every one, in the caller's order), data sources, CRS, location;
//   3. summary: receivers, pass, fail, without requirement, inside a building; the caller's notes;
//   4. plan figure: drawn from the building footprints (coloured by pass/fail, proposed and removed
//      buildings marked, receivers as dots) with grid north and a scale bar, or the caller's image;
//   5. the receiver/window table (window id, building, storey, hours, required, pass/fail, lit intervals
//      in solar and clock time), paginated with the header repeated on every page;
//   6. when a comparison is given: its counts, every receiver that newly fails, every receiver whose hours
//      drop (before, after, change).
// Every page has a footer "Urbis <version> · <generated> · page N / M".
//
// Fill SunlightReportData by hand, or from gis results with sunlight_report_gis.h (the CLI does that), then:
//   QString error;
//   if (!app::report::writeSunlightReport(data, "report.pdf", &error)) ... show error ...
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QPair>
#include <QPointF>
#include <QPolygonF>
#include <QString>
#include <QStringList>

#include <optional>

namespace app::report {

// A building footprint of the plan figure, in the project CRS (metres; x east, y grid north).
struct ReportBuilding {
    enum class Status {
        Context,  // no receivers of its own (neighbour, occluder): grey
        Pass,     // it has receivers and all with a requirement pass: green
        Fail,     // at least one of its receivers fails: red
        Proposed, // added or changed by the proposal: blue outline, hatched
        Removed   // demolished by the proposal: dashed outline
    };
    QPolygonF outline; // outer ring (closing point optional)
    QList<QPolygonF> holes;
    QString label; // drawn at the centre when the footprint is large enough on paper (e.g. the id)
    Status status = Status::Context;
};

// A receiver dot on the plan (window centre, grid cell or point).
struct ReportPoint {
    QPointF position;
    std::optional<bool> pass; // empty: no requirement (drawn dark grey)
    bool newFailure = false;  // fails because of the proposal: drawn larger, with a ring
};

// One table row: a window (building/storey/facade/window set) or a free receiver (id only).
struct ReportRow {
    QString id;
    QString building;                       // building id or name ("" for points and grid cells)
    int storey = 0, facade = 0, window = 0; // 0: not a window
    double countedSeconds = 0;              // under the counting rule
    std::optional<double> requiredHours;
    std::optional<bool> pass;
    QString intervalsSolar; // e.g. "08:00:00-10:12:33 11:02:10-16:00:00" ("" when never lit)
    QString intervalsClock; // the same in clock time; "" when unknown
    bool inside = false;    // inside a building
    bool neverFacesSun = false;
};

// One receiver of the comparison lists.
struct ReportChange {
    QString id;
    double beforeSeconds = 0, afterSeconds = 0;
    std::optional<bool> passBefore, passAfter;
    bool insideAfter = false;
};

struct ReportComparison {
    QString proposal; // what the proposal is (file name, scheme name)
    int receivers = 0, drops = 0, newFailures = 0, gains = 0, unchanged = 0;
    int passingBefore = 0, failingBefore = 0, passingAfter = 0, failingAfter = 0;
    double toleranceSeconds = 1;
    QList<ReportChange> newFailureRows; // every receiver that passed before and fails after
    QList<ReportChange> dropRows;       // every receiver whose hours drop, largest loss first
};

struct SunlightReportData {
    QString title;                              // e.g. "住宅日照分析 Residential sunlight analysis"
    QString project;                            // project or scheme name / path; optional
    QList<QPair<QString, QString>> dataSources; // (what, file): ("Buildings", "city.gpkg"), ("Proposal", ...)
    QString crs;                                // e.g. "EPSG:32650"
    double latitude = 0, longitude = 0;         // of the receivers (the sun is computed there)
    double gridConvergence = 0;                 // degrees from grid north clockwise to true north
    QList<QPair<QString, QString>> parameters;  // every parameter used, in display order (name, value)

    QImage planImage;                    // when not null it is the plan figure (the caller rendered it)
    QList<ReportBuilding> planBuildings; // else the plan is drawn from these...
    QList<ReportPoint> planPoints;       // ...and these
    QString planCaption;                 // optional line under the figure

    bool windowColumns = true; // building and storey columns beside the id (false: receiver id only)
    QList<ReportRow> rows;
    std::optional<ReportComparison> comparison;
    QStringList notes; // warnings and remarks printed under the summary

    QString softwareVersion; // e.g. "Urbis 0.1.0"
    QDateTime generated;     // invalid: the current time
};

// Writes the report to `path` (a PDF, overwritten). Returns false and sets *error (when given) on failure:
// the path cannot be written, or there is nothing to report (no rows and no comparison).
bool writeSunlightReport(const SunlightReportData& data, const QString& path, QString* error = nullptr);

// The font family used for text (a CJK-capable family when one is installed, e.g. "Noto Sans CJK SC");
// empty when none was found (Chinese text would then be missing glyphs).
QString reportFontFamily();

// "H:MM:SS" of a number of seconds (rounded to the second).
QString formatHours(double seconds);

} // namespace app::report
