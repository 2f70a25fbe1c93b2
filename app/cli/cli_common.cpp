#include "app/cli/cli_common.h"

#include <QElapsedTimer>

#include <cmath>
#include <cstdio>

namespace app::cli {

void printOut(const QString& text) {
    std::fputs(text.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printErr(const QString& text) {
    std::fputs(text.toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

std::optional<double> numberOption(const QCommandLineParser& parser, const QString& flag, double lo,
                                   double hi, QString* message) {
    bool ok = false;
    const double v = parser.value(flag).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo || v > hi) {
        *message = QString("--%1 must be a number within %2..%3 (got '%4')")
                       .arg(flag)
                       .arg(lo)
                       .arg(hi)
                       .arg(parser.value(flag));
        return std::nullopt;
    }
    return v;
}

std::optional<int> parseArguments(QCommandLineParser& parser, const QString& sub, const QStringList& args,
                                  const QString& usageLine, int maxPositionals,
                                  const QString& positionalHelp) {
    const QString program = "urbis-cli " + sub;
    if (!parser.parse(QStringList{program} + args))
        return fail(sub, parser.errorText() + "\n" + usageLine, kUsage);
    if (parser.isSet("help")) {
        // Qt's first line names argv[0]; state the subcommand (and its positional arguments) instead.
        QString help = parser.helpText();
        const qsizetype firstLineEnd = help.indexOf('\n');
        help.replace(0, firstLineEnd,
                     "Usage: " + program + " [options]" +
                         (positionalHelp.isEmpty() ? "" : " " + positionalHelp));
        printOut(help);
        return kOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (maxPositionals >= 0 && positional.size() > maxPositionals)
        return fail(sub, "unexpected argument '" + positional.at(maxPositionals) + "'\n" + usageLine, kUsage);
    return std::nullopt;
}

int fail(const QString& sub, const QString& message, int code) {
    printErr(QString("urbis-cli %1: %2").arg(sub, message));
    return code;
}

namespace {
double nowSeconds() {
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed() / 1000.0;
}
} // namespace

void TerminalProgress::setFraction(double fraction) {
    if (mQuiet)
        return;
    const int percent = int(fraction * 100);
    const double now = nowSeconds();
    if (percent == mLastPercent || (now - mLastPrint < 0.5 && percent < 100))
        return;
    mLastPercent = percent;
    mLastPrint = now;
    std::fprintf(stderr, "%s... %d%%\n", mMessage.empty() ? "working" : mMessage.c_str(), percent);
}

void TerminalProgress::setMessage(const std::string& message) {
    if (message == mMessage)
        return;
    mMessage = message;
    mLastPercent = -1;
    if (!mQuiet)
        std::fprintf(stderr, "%s...\n", message.c_str());
}

} // namespace app::cli
