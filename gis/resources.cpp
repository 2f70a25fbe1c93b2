#include "gis/resources.h"

#include <cstdlib>

namespace gis {

std::string resourceDirectory() {
    if (const char* env = std::getenv("URBIS_RESOURCE_DIR"); env && *env)
        return env;
    return URBIS_SOURCE_RESOURCE_DIR;
}

} // namespace gis
