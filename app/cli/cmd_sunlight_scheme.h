#pragma once
// Scheme comparison and the PDF report of `urbis-cli sunlight` (private to cmd_sunlight.cpp): reading the
// proposal's buildings, the "comparison" JSON and text, and the SunlightReportData the report is drawn from.
#include "app/cli/cmd_sunlight_io.h"
#include "gis/analysis/sunlight_compare.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <vector>

namespace app::cli::sunlight {

// How --proposal FILE is read: Add (default) adds its buildings to the baseline; Full means the file is the
// whole proposal scene (it replaces --buildings; --occluders stay). `remove` ids (--proposal-remove) are
// demolished from the baseline in both modes.
enum class ProposalMode { Add, Full };

// --proposal-full, --proposal-remove and --report, checked: "" or the usage message.
struct ProposalOptions {
    ProposalMode mode = ProposalMode::Add;
    std::vector<std::int64_t> remove;
    QString reportPath;
};
QString parseProposalOptions(const QCommandLineParser& parser, ProposalOptions& out);

// The proposal's building list (baseline buildings are input.buildings). Returns "" or the message.
QString loadProposal(const QString& path, ProposalMode mode, const std::vector<std::int64_t>& remove,
                     const gis::Crs& crs, const gis::io::ImportOptions& importOptions,
                     gis::Progress& progress, const std::vector<gis::Building>& baseline,
                     std::vector<gis::Building>& proposal);

// loadProposal, then compareSchemes over input's receivers (per window when `windows` is given); the
// proposal run's warnings are added to `notes`. Returns "" or the message.
QString runProposal(const QString& path, const ProposalOptions& options,
                    const gis::io::ImportOptions& importOptions, gis::Progress& progress,
                    const gis::analysis::SunlightInput& input, const gis::analysis::WindowReceivers* windows,
                    std::vector<gis::Building>& proposalBuildings,
                    std::optional<gis::analysis::SchemeRun>& scheme, QStringList& notes);

// {"proposal", "mode", "removed", "building_count", "tolerance_seconds", "counts": {receivers, drops,
//  new_failures, gains, unchanged, passing_before, failing_before, passing_after, failing_after, new_passes},
//  "drops": [...], "new_failures": [...]} with rows {"id", "index", "before_minutes", "after_minutes",
//  "delta_minutes", "pass_before", "pass_after", "inside_after"}.
nlohmann::json comparisonJson(const gis::analysis::SchemeComparison& c, const QString& proposalPath,
                              ProposalMode mode, const std::vector<std::int64_t>& removed,
                              std::size_t proposalBuildings);
// The proposal's result for each row, as the subset {"sunlit_minutes", "intervals", "pass", "inside"} of a
// point.
nlohmann::json proposalPointJson(const gis::analysis::ReceiverSunlight& r);
// Summary line and the new failures for the text output.
QStringList comparisonText(const gis::analysis::SchemeComparison& c);

// Everything the report needs from a run.
struct ReportContext {
    QString title, buildingsPath, receiversSource, proposalPath, crs, zoneName;
    QString presetName, presetTitle, presetReference;
    QStringList occluders, notes;
    bool windows = false;
    const gis::analysis::SunlightInput* input = nullptr; // baseline scene, receivers, parameters
    const gis::analysis::SunlightResult* result = nullptr;
    const gis::analysis::WindowReceivers* windowReceivers = nullptr;
    std::span<const Row> rows;                        // the table: the proposal's rows when there is one
    const gis::analysis::SchemeRun* scheme = nullptr; // with --proposal
    const std::vector<gis::Building>* proposalBuildings = nullptr;
    ClockOf clock;
};

// The context's title, file names and preset fields from the command line (`preset` as recorded under
// "parameters"; null for manual parameters).
ReportContext reportContext(const QCommandLineParser& parser, const nlohmann::json& preset,
                            std::size_t windowCount);

// Writes the PDF (app_report). Returns "" or the message. Needs a QGuiApplication (main.cpp makes one for
// `sunlight --report`).
QString writeReport(const QString& path, const ReportContext& context);

} // namespace app::cli::sunlight
