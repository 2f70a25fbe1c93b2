#include "app/cli/cmd_sunlight_scheme.h"

#include "app/report/sunlight_report.h"
#include "app/report/sunlight_report_gis.h"
#include "gis/io/crs_transform.h"
#include "gis/io/project_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <unordered_set>

namespace app::cli::sunlight {

using namespace gis::analysis;

QString parseProposalOptions(const QCommandLineParser& parser, ProposalOptions& out) {
    for (const char* flag : {"proposal-full", "proposal-remove"})
        if (parser.isSet(flag) && !parser.isSet("proposal"))
            return QString("--%1 goes with --proposal FILE").arg(flag);
    out.mode = parser.isSet("proposal-full") ? ProposalMode::Full : ProposalMode::Add;
    for (const QString& id : parser.value("proposal-remove").split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        out.remove.push_back(id.trimmed().toLongLong(&ok));
        if (!ok)
            return "--proposal-remove takes building ids separated by commas (got '" + id + "')";
    }
    out.reportPath = parser.value("report");
    if (parser.isSet("report") && !out.reportPath.endsWith(".pdf", Qt::CaseInsensitive))
        return "--report must name a .pdf file (got '" + out.reportPath + "')";
    return {};
}

QString loadProposal(const QString& path, ProposalMode mode, const std::vector<std::int64_t>& remove,
                     const gis::Crs& crs, const gis::io::ImportOptions& importOptions,
                     gis::Progress& progress, const std::vector<gis::Building>& baseline,
                     std::vector<gis::Building>& proposal) {
    if (!QFile::exists(path))
        return "the proposal file '" + path + "' does not exist";
    progress.setMessage("reading the proposal");
    std::vector<gis::Building> read;
    const std::string p = path.toStdString();
    if (gis::io::isUrbisProject(p)) {
        auto project = gis::io::readProject(p, progress);
        if (!project)
            return QString::fromStdString(project.error());
        if (!(project->crs == crs))
            return "the proposal project '" + path + "' is in " +
                   QString::fromStdString(gis::io::crsIdentifier(project->crs)) + ", the buildings in " +
                   QString::fromStdString(gis::io::crsIdentifier(crs)) +
                   ": give the proposal in the same CRS (or as a GIS file, which is reprojected)";
        for (const auto& layer : project->layers)
            if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
                read.insert(read.end(), b->buildings.begin(), b->buildings.end());
    } else {
        gis::Project project;
        project.crs = crs; // reprojected to the buildings' CRS
        auto imported = gis::io::importDataset(p, project, importOptions, progress);
        if (!imported)
            return QString::fromStdString(imported.error());
        for (const auto& layer : imported->layers)
            if (const auto* b = std::get_if<gis::BuildingLayerData>(&layer.data))
                read.insert(read.end(), b->buildings.begin(), b->buildings.end());
    }
    if (read.empty() && mode == ProposalMode::Add)
        return "the proposal file '" + path +
               "' holds no buildings (no polygon features with a height): the proposal would change nothing";
    std::unordered_set<std::int64_t> known;
    for (const auto& b : baseline)
        known.insert(b.id);
    for (std::int64_t id : remove)
        if (!known.count(id))
            return QString(
                       "--proposal-remove: no building with id %1 in the buildings file (ids are those of "
                       "the window ids b<id>-..., or the features' FIDs)")
                .arg(id);
    ProposalChange change;
    change.removed = remove;
    if (mode == ProposalMode::Add) {
        // Added buildings are numbered after the baseline's ids: a second file's FIDs would collide with them
        // (labels, and the proposal's changed/removed buildings are told apart by id).
        std::int64_t next = 0;
        for (const auto& b : baseline)
            next = std::max(next, b.id);
        for (auto& b : read)
            b.id = ++next;
        change.added = std::move(read);
        proposal = applyProposal(baseline, change);
    } else {
        proposal = applyProposal(read, change); // ids to remove apply to the full scene as well
    }
    return {};
}

QString runProposal(const QString& path, const ProposalOptions& options,
                    const gis::io::ImportOptions& importOptions, gis::Progress& progress,
                    const SunlightInput& input, const WindowReceivers* windows,
                    std::vector<gis::Building>& proposalBuildings, std::optional<SchemeRun>& scheme,
                    QStringList& notes) {
    if (QString e = loadProposal(path, options.mode, options.remove, input.crs, importOptions, progress,
                                 input.buildings, proposalBuildings);
        !e.isEmpty())
        return e;
    CompareOptions compareOptions;
    compareOptions.windows = windows;
    auto run = compareSchemes(input, proposalBuildings, progress, compareOptions);
    if (!run)
        return QString::fromStdString(run.error());
    scheme = std::move(run.value());
    for (const auto& w : scheme->proposal.warnings)
        notes << "proposal: " + QString::fromStdString(w);
    return {};
}

namespace {
nlohmann::json optionalBool(const std::optional<bool>& b) {
    return b ? nlohmann::json(*b) : nlohmann::json(nullptr);
}
nlohmann::json changeRows(const std::vector<ReceiverChange>& rows) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows)
        out.push_back({{"id", r.id},
                       {"index", r.index},
                       {"before_minutes", r.beforeSeconds / 60.0},
                       {"after_minutes", r.afterSeconds / 60.0},
                       {"delta_minutes", r.deltaSeconds / 60.0},
                       {"pass_before", optionalBool(r.passBefore)},
                       {"pass_after", optionalBool(r.passAfter)},
                       {"inside_after", r.insideAfter}});
    return out;
}
} // namespace

nlohmann::json comparisonJson(const SchemeComparison& c, const QString& proposalPath, ProposalMode mode,
                              const std::vector<std::int64_t>& removed, std::size_t proposalBuildings) {
    return {{"proposal", proposalPath.toStdString()},
            {"mode", mode == ProposalMode::Add ? "add" : "full"},
            {"removed", removed},
            {"building_count", proposalBuildings},
            {"tolerance_seconds", c.toleranceSeconds},
            {"counts",
             {{"receivers", c.receivers},
              {"drops", c.drops.size()},
              {"new_failures", c.newFailures.size()},
              {"gains", c.gains.size()},
              {"unchanged", c.unchanged},
              {"passing_before", c.passingBefore},
              {"failing_before", c.failingBefore},
              {"passing_after", c.passingAfter},
              {"failing_after", c.failingAfter},
              {"new_passes", c.newPasses}}},
            {"drops", changeRows(c.drops)},
            {"new_failures", changeRows(c.newFailures)}};
}

nlohmann::json proposalPointJson(const ReceiverSunlight& r) {
    nlohmann::json iv = nlohmann::json::array();
    for (const auto& in : r.intervals)
        iv.push_back({formatSeconds(in.start), formatSeconds(in.end)});
    return {{"sunlit_minutes", r.countedSeconds / 60.0},
            {"intervals", iv},
            {"pass", optionalBool(r.pass)},
            {"inside", r.inside}};
}

QStringList comparisonText(const SchemeComparison& c) {
    QStringList out;
    out << QString("  proposal: %1 receivers, %2 with fewer hours, %3 newly failing, %4 with more hours "
                   "(pass %5 -> %6, fail %7 -> %8)")
               .arg(c.receivers)
               .arg(c.drops.size())
               .arg(c.newFailures.size())
               .arg(c.gains.size())
               .arg(c.passingBefore)
               .arg(c.passingAfter)
               .arg(c.failingBefore)
               .arg(c.failingAfter);
    constexpr std::size_t kMax = 500;
    for (std::size_t i = 0; i < c.newFailures.size() && i < kMax; ++i) {
        const auto& r = c.newFailures[i];
        out << QString("  NEW FAIL  %1  %2 -> %3 min%4")
                   .arg(QString::fromStdString(r.id))
                   .arg(r.beforeSeconds / 60.0, 0, 'f', 1)
                   .arg(r.afterSeconds / 60.0, 0, 'f', 1)
                   .arg(r.insideAfter ? "  (inside a proposed building)" : "");
    }
    if (c.newFailures.size() > kMax)
        out << QString("  (%1 more newly failing: see --json)").arg(c.newFailures.size() - kMax);
    return out;
}

ReportContext reportContext(const QCommandLineParser& parser, const nlohmann::json& preset,
                            std::size_t windowCount) {
    ReportContext rc;
    rc.title = preset.is_null() ? QString("Sunlight hours (parameters given by hand)")
                                : QString::fromStdString(preset["title"].get<std::string>());
    rc.buildingsPath = parser.value("buildings");
    rc.receiversSource = parser.isSet("points") ? parser.value("points")
                         : parser.isSet("windows")
                             ? QString("windows of the buildings (%1 windows)").arg(windowCount)
                             : "grid " + parser.value("grid") + " m in " + parser.value("aoi");
    rc.proposalPath = parser.value("proposal");
    if (!preset.is_null()) {
        rc.presetName = QString::fromStdString(preset["name"].get<std::string>());
        rc.presetTitle = QString::fromStdString(preset["title"].get<std::string>());
        rc.presetReference = QString::fromStdString(preset["reference"].get<std::string>());
    }
    return rc;
}

QString writeReport(const QString& path, const ReportContext& x) {
    using namespace app::report;
    SunlightReportData d;
    const SunlightParameters& p = x.input->parameters;
    d.title = x.title;
    d.project = QFileInfo(x.buildingsPath).fileName();
    d.dataSources.append(QPair<QString, QString>("建筑 Buildings", x.buildingsPath));
    for (const QString& o : x.occluders)
        d.dataSources.append(QPair<QString, QString>("遮挡物 Occluders", o));
    d.dataSources.append(QPair<QString, QString>("测点 Receivers", x.receiversSource));
    if (!x.proposalPath.isEmpty())
        d.dataSources.append(QPair<QString, QString>("方案 Proposal", x.proposalPath));
    d.crs = x.crs;
    d.latitude = x.result->location.latitude;
    d.longitude = x.result->location.longitude;
    d.gridConvergence = x.result->location.gridConvergence;
    d.parameters = parameterList(p, x.presetName, x.presetTitle, x.presetReference, x.zoneName);
    d.windowColumns = x.windows;

    // Table and plan: the proposal's state when there is one (the scheme under review), else the baseline.
    const std::vector<gis::Building>& shown = x.proposalBuildings ? *x.proposalBuildings : x.input->buildings;
    static const WindowReceivers kNoWindows;
    const WindowReceivers& wr = x.windowReceivers ? *x.windowReceivers : kNoWindows;
    std::vector<ReceiverSunlight> windowResults;
    for (const Row& r : x.rows)
        if (r.window)
            windowResults.push_back(*r.result);
    if (x.scheme && x.proposalBuildings) {
        // The baseline buildings the proposal keeps, coloured by the proposal's windows; new and changed
        // buildings hatched, demolished ones dashed.
        QList<ReportBuilding> changes = proposalChanges(x.input->buildings, shown);
        std::unordered_set<std::int64_t> gone;
        for (const auto& b : x.input->buildings)
            gone.insert(b.id);
        for (const auto& b : shown)
            gone.erase(b.id);
        std::vector<gis::Building> kept;
        for (const auto& b : x.input->buildings)
            if (!gone.count(b.id))
                kept.push_back(b);
        d.planBuildings = planBuildings(kept, wr, windowResults);
        d.planBuildings += changes;
    } else {
        d.planBuildings = planBuildings(shown, wr, windowResults);
    }
    std::unordered_set<std::size_t> newFailures;
    if (x.scheme)
        for (const auto& c : x.scheme->comparison.newFailures)
            newFailures.insert(c.index);
    for (std::size_t i = 0; i < x.rows.size(); ++i) {
        const Row& r = x.rows[i];
        d.rows << (r.window ? windowRow(*r.window, *r.result, p, x.clock)
                            : pointRow(r.id, *r.result, p, x.clock));
        ReportPoint pt{QPointF(r.position.x, r.position.y), r.result->pass};
        pt.newFailure = newFailures.count(i) > 0;
        d.planPoints << pt;
    }
    if (x.scheme) {
        d.comparison = reportComparison(x.scheme->comparison, x.proposalPath);
        d.notes << "表中为方案实施后的日照; 方案对比见第 6 节。 The table shows the hours with the proposal "
                   "built; section 6 compares them with the existing situation.";
    }
    d.notes += x.notes;
    d.planCaption =
        QString("%1 buildings; %2 receivers. Grid north up.").arg(shown.size()).arg(x.rows.size());
    d.softwareVersion = "Urbis " + (QCoreApplication::applicationVersion().isEmpty()
                                        ? QString(URBIS_CLI_VERSION)
                                        : QCoreApplication::applicationVersion());
    QString error;
    if (!writeSunlightReport(d, path, &error))
        return error;
    return {};
}

} // namespace app::cli::sunlight
