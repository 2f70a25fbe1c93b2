#pragma once
#include <string>

namespace gis {

// The folder of Urbis's data files (regulation presets, osmconf): the environment variable URBIS_RESOURCE_DIR
// when set, else the source tree's resources/ folder (the build runs from the source tree; an installed
// layout sets the variable).
std::string resourceDirectory();

} // namespace gis
