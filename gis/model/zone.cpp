#include "gis/model/zone.h"

namespace gis {

namespace {
struct ClassInfo {
    std::string_view code;
    std::string_view name;
    Rgb colour;
};
// GB 50137-2011 major classes with the hues Chinese planners recognise (shared/design/UX.md).
constexpr ClassInfo kClasses[] = {
    {"R", "Residential", {255, 221, 87}},
    {"A", "Public administration and services", {232, 98, 180}},
    {"B", "Commercial and business", {226, 48, 48}},
    {"M", "Industrial", {150, 100, 60}},
    {"W", "Logistics and warehouse", {140, 90, 180}},
    {"S", "Roads and transport", {160, 160, 160}},
    {"U", "Utilities", {40, 110, 210}},
    {"G", "Green space and squares", {80, 180, 80}},
    {"E", "Water and non-construction", {150, 210, 240}},
};
} // namespace

Rgb landClassColour(std::string_view landClass) {
    std::string_view major = landClass.substr(0, 1);
    for (const auto& c : kClasses)
        if (c.code == major)
            return c.colour;
    return {210, 210, 210};
}

const std::array<std::string_view, 9>& landClassCodes() {
    static const std::array<std::string_view, 9> codes = {"R", "A", "B", "M", "W", "S", "U", "G", "E"};
    return codes;
}

std::string_view landClassName(std::string_view landClass) {
    std::string_view major = landClass.substr(0, 1);
    for (const auto& c : kClasses)
        if (c.code == major)
            return c.name;
    return "Other";
}

} // namespace gis
