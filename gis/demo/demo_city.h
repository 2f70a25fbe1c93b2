#pragma once
// The built-in demo city, generated in code (no downloads): a river valley on the Yangtze near Wuhan in
// CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547), a street grid, a dense centre of towers falling off
// to mid-rise and low-rise edges, north-south oriented residential slabs, an industrial strip, parks along
// the river and zoning polygons that match what stands on them. Deterministic for a seed.
#include "gis/model/project.h"

#include <cstdint>

namespace gis::demo {

struct DemoCityOptions {
    std::uint32_t seed = 42;
    // 0: the natural city (a few hundred buildings). Otherwise exactly this many buildings, packed over a
    // larger area (used by benchmarks: 1k/10k/100k).
    int buildingCount = 0;
};

Project makeDemoCity(const DemoCityOptions& options = {});

// Terrain of the demo city for a generator URI "urbis:demo-terrain?seed=N&size=M"; empty raster if unknown.
RasterF demoTerrain(std::uint32_t seed, double sizeMetres);
std::string demoTerrainUri(std::uint32_t seed, double sizeMetres);
bool parseDemoTerrainUri(const std::string& uri, std::uint32_t& seed, double& sizeMetres);

constexpr const char* kDemoCrs = "EPSG:4547";

} // namespace gis::demo
