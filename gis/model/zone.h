#pragma once
#include "gis/model/geometry.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gis {

// A zoning polygon. landClass is a GB 50137-2011 major class code: R A B M W S U G E (or a custom code).
struct Zone {
    std::int64_t id = 0;
    Polygon area;
    std::string landClass;
    std::string name;
};

struct Rgb {
    unsigned char r = 0, g = 0, b = 0;
};

// Colours planners recognise for GB 50137 classes (see shared/design/UX.md); unknown codes are light grey.
Rgb landClassColour(std::string_view landClass);

// All GB 50137 major class codes Urbis knows, in legend order.
const std::array<std::string_view, 9>& landClassCodes();

// English name of a class ("Residential"); the UI translates it.
std::string_view landClassName(std::string_view landClass);

} // namespace gis
