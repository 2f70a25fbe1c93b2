#pragma once
// Shared pieces of the urbis-cli subcommands. Contract: --json output on stdout, progress and messages on
// stderr, exit codes 0 success, 1 failure (the message names the file and the problem), 2 usage error.
#include "gis/progress.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>
#include <string>

namespace app::cli {

enum ExitCode { kOk = 0, kFailure = 1, kUsage = 2 };

// Each subcommand: args excludes the program and subcommand names.
int runInfo(const QStringList& args);
int runDemo(const QStringList& args);
int runRender(const QStringList& args);
int runBench(const QStringList& args);
int runSunPosition(const QStringList& args);
int runSunlight(const QStringList& args);
int runExportZones(const QStringList& args);
int runImport(const QStringList& args);
int runShadows(const QStringList& args);    // cmd_shadows.cpp
int runIsochrones(const QStringList& args); // cmd_shadows.cpp
int runFlood(const QStringList& args);      // dispatches flood static|fill|simulate (cmd_flood.h)

void printOut(const QString& text); // stdout, newline added
void printErr(const QString& text); // stderr, newline added
// The value of a number flag (its default when not given) within [lo, hi]; on error nullopt, and `message`
// names the flag and the allowed range.
std::optional<double> numberOption(const QCommandLineParser& parser, const QString& flag, double lo,
                                   double hi, QString* message);

// Parses the arguments of subcommand `sub` with a parser the caller has set up. Returns an exit code when the
// run ends here: 0 after printing --help, 2 for an unknown option or more than `maxPositionals` positional
// arguments
// (-1: any number), with `usageLine` after the message. `positionalHelp` (e.g. "PATH") goes into --help's
// usage.
std::optional<int> parseArguments(QCommandLineParser& parser, const QString& sub, const QStringList& args,
                                  const QString& usageLine, int maxPositionals,
                                  const QString& positionalHelp = {});

// "urbis-cli SUB: message" on stderr and returns code.
int fail(const QString& sub, const QString& message, int code = kFailure);

// Progress printed on stderr as "message... NN%" lines, at most every 0.5 s.
class TerminalProgress : public gis::Progress {
public:
    explicit TerminalProgress(bool quiet = false) : mQuiet(quiet) {}
    void setFraction(double fraction) override;
    void setMessage(const std::string& message) override;

private:
    bool mQuiet;
    std::string mMessage;
    double mLastPrint = -1;
    int mLastPercent = -1;
};

} // namespace app::cli
