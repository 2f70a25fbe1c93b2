#pragma once
// Filling SunlightReportData from gis results (the CLI and the GUI share this): table rows of windows and
// points, the plan's buildings coloured by their windows' pass/fail, the parameter list, the comparison.
#include "app/report/sunlight_report.h"
#include "gis/analysis/sunlight.h"
#include "gis/analysis/sunlight_compare.h"
#include "gis/analysis/sunlight_windows.h"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace app::report {

// Window seconds (the time base) -> clock seconds; empty when no clock time is known (or the time base is
// clock already: then the clock column repeats the intervals).
using ClockOfSeconds = std::function<int(int)>;

// "08:00:00-10:12:33 11:02:10-16:00:00" in the time base, or via `clock` (empty `clock`: "").
QString intervalsText(const gis::analysis::ReceiverSunlight& r, const ClockOfSeconds& clock = {});

ReportRow windowRow(const gis::analysis::WindowReceiver& w, const gis::analysis::ReceiverSunlight& r,
                    const gis::analysis::SunlightParameters& p, const ClockOfSeconds& clock);
ReportRow pointRow(const std::string& id, const gis::analysis::ReceiverSunlight& r,
                   const gis::analysis::SunlightParameters& p, const ClockOfSeconds& clock);

// Every parameter of a run, as (name, value) pairs, bilingual names. `presetName` and `presetTitle` may be
// empty (manual parameters); `timeZone` names the clock zone ("" when none).
QList<QPair<QString, QString>> parameterList(const gis::analysis::SunlightParameters& p,
                                             const QString& presetName, const QString& presetTitle,
                                             const QString& presetReference, const QString& timeZone);

// The plan's footprints. A building's status: Fail when any of its windows in `windowResults` fails, Pass
// when it has windows and all with a requirement pass, else Context. `windows`/`windowResults` may be empty.
QList<ReportBuilding> planBuildings(std::span<const gis::Building> buildings,
                                    const gis::analysis::WindowReceivers& windows,
                                    std::span<const gis::analysis::ReceiverSunlight> windowResults);
// Footprints of a proposal's buildings that are new or changed (not identical to a baseline building with
// the same id) as Proposed, and of baseline buildings absent from the proposal as Removed.
QList<ReportBuilding> proposalChanges(std::span<const gis::Building> baseline,
                                      std::span<const gis::Building> proposal);

ReportComparison reportComparison(const gis::analysis::SchemeComparison& c, const QString& proposal);

} // namespace app::report
