#pragma once
// Private to gis/geom: the one Embree device of the process (created on first use, never released; Embree
// devices are thread-safe and expensive to create).
#include <embree3/rtcore.h>

namespace gis::geom::detail {

RTCDevice embreeDevice();

} // namespace gis::geom::detail
