// Height decisions and text checks shared by the generic GDAL import and the OSM import (import_common.h).
#include "gis/io/import_common.h"

#include <cmath>
#include <cstdio>
#include <vector>

namespace gis::io::detail {

namespace {
constexpr double kMaxHeight = 1000.0; // taller than any building: a unit error (cm, mm) or a typo
constexpr double kMaxStoreys = 300.0;

std::string metres(double m) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%g m", m);
    return buf;
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : sep) + p;
    return out;
}
} // namespace

HeightChoice chooseHeight(const std::string& heightText, const std::string& levelsText,
                          const std::string& baseText, const ImportOptions& options) {
    HeightChoice c;
    std::vector<std::string> problems, actions;
    const std::string ht = trimmed(heightText), lt = trimmed(levelsText), bt = trimmed(baseText);
    // A height or storey count of 0 means "unknown" in many datasets: no value, not an error.
    if (!ht.empty()) {
        const auto h = parseLength(ht);
        if (!h)
            problems.push_back("height '" + ht + "' is not a number");
        else if (*h < 0)
            problems.push_back("height " + metres(*h) + " is negative");
        else if (*h > kMaxHeight)
            problems.push_back("height " + metres(*h) + " is over " + metres(kMaxHeight));
        else if (*h > 0) {
            c.source = HeightChoice::Source::Height;
            c.height = *h;
        }
    }
    if (!lt.empty()) {
        const auto n = parseLength(lt);
        if (!n)
            problems.push_back("storey count '" + lt + "' is not a number");
        else if (*n < 0)
            problems.push_back("storey count " + lt + " is negative");
        else if (*n >= kMaxStoreys || *n * options.storeyHeight > kMaxHeight)
            problems.push_back("storey count " + lt + " is not plausible");
        else if (*n > 0) {
            c.storeys = int(*n);
            if (c.source == HeightChoice::Source::Default) {
                c.source = HeightChoice::Source::Levels;
                c.height = *n * options.storeyHeight;
                if (!problems.empty()) // only worth saying when the height attribute was unusable
                    actions.push_back("the storey count x " + metres(options.storeyHeight) + " = " +
                                      metres(c.height) + " was used");
            }
        }
    }
    if (c.source == HeightChoice::Source::Default) {
        c.height = options.defaultHeight;
        if (!problems.empty())
            actions.push_back("the default height of " + metres(options.defaultHeight) + " was used");
    } else if (c.source == HeightChoice::Source::Height && !problems.empty()) {
        actions.push_back("the height attribute was used");
    }
    if (!bt.empty()) {
        const auto b = parseLength(bt);
        std::string problem;
        if (!b)
            problem = "base height '" + bt + "' is not a number";
        else if (*b < 0)
            problem = "base height " + metres(*b) + " is negative";
        else if (*b >= c.height && c.source != HeightChoice::Source::Default)
            problem = "base height " + metres(*b) + " is not below the height of " + metres(c.height);
        else
            c.base = *b;
        if (!problem.empty()) {
            problems.push_back(problem);
            actions.push_back("the base was ignored (the building starts at the ground)");
        }
    }
    // Given heights are measured from the ground, so the extrusion runs from the base to them; the default
    // is the extrusion itself (a part known to start at 18 m with no height gets the default above that).
    if (c.source != HeightChoice::Source::Default)
        c.height -= c.base;
    c.implausible = !problems.empty();
    if (c.implausible)
        c.note = join(problems, "; ") + ": " + join(actions, ", ") + ".";
    return c;
}

std::string validUtf8(const char* text, bool& bad) {
    std::string out;
    const auto* s = reinterpret_cast<const unsigned char*>(text ? text : "");
    while (*s) {
        const unsigned char c = *s;
        int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && !(len == 2 && c < 0xC2) && !(len == 4 && c > 0xF4);
        for (int i = 1; ok && i < len; ++i)
            ok = (s[i] & 0xC0) == 0x80; // also stops at the terminating 0
        if (ok && len == 3)             // no overlong forms or UTF-16 surrogates
            ok = !(c == 0xE0 && s[1] < 0xA0) && !(c == 0xED && s[1] >= 0xA0);
        if (ok && len == 4)
            ok = !(c == 0xF0 && s[1] < 0x90) && !(c == 0xF4 && s[1] >= 0x90);
        if (!ok) {
            bad = true;
            out += '?';
            ++s;
            continue;
        }
        out.append(reinterpret_cast<const char*>(s), std::size_t(len));
        s += len;
    }
    return out;
}

} // namespace gis::io::detail
