#pragma once
// The hydrology grid every flood tier works on (docs: shared/design/FLOOD.md): a north-up DEM (RasterF, NaN =
// nodata) with buildings burned in, per-cell Manning's n and runoff coefficients from land-cover classes, and
// the seeds (points, river/sea lines, areas, the DEM edge) a static flood starts from.
//
// Conventions shared by static_flood.h and depression_fill.h:
// - Cells are indexed row-major (row 0 north), as RasterF::data.
// - Nodata cells (NaN) never hold water and never conduct it.
// - "Outside" nodata is nodata connected to the grid border (e.g. a coast clipped out of the DEM); nodata not
//   connected to the border is a hole (a LiDAR gap, a masked building). The DEM edge (seeds, outlets) is the
//   valid cells on the grid border plus those next to outside nodata.
#include "gis/model/building.h"
#include "gis/model/crs.h"
#include "gis/model/raster.h"
#include "gis/result.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gis::analysis::flood {

// Which neighbours touch: 4 (rook: N, E, S, W) or 8 (queen: also the diagonals). GRASS r.lake uses 8.
enum class Connectivity { Four = 4, Eight = 8 };

// ---- Buildings -------------------------------------------------------------------------------------------

// How buildings enter the hydrology grid: Blocked cells become nodata (water flows around them, as most 2D
// models treat buildings); Raised cells are lifted by raiseBy metres (the UK Environment Agency raises them
// 5 m, so a deep enough flood can still overtop them).
enum class BuildingMode { None, Blocked, Raised };

struct BuildingBurnOptions {
    BuildingMode mode = BuildingMode::Blocked;
    double raiseBy = 5.0; // metres, for Raised
};

// Calls fn(index) for every cell whose centre lies inside the polygon (holes excluded), by scanlines.
void forEachCellInPolygon(const RasterF& grid, const Polygon& polygon,
                          const std::function<void(std::size_t)>& fn);

// 1 for cells whose centre lies inside a building footprint, 0 elsewhere (row-major, the grid's size).
std::vector<std::uint8_t> buildingMask(const RasterF& grid, const std::vector<Building>& buildings);

// Burns the buildings into `dem` in place (nodata cells stay nodata); returns the number of cells changed.
std::size_t burnBuildings(RasterF& dem, const std::vector<Building>& buildings,
                          const BuildingBurnOptions& options);

// ---- Land cover ------------------------------------------------------------------------------------------

struct LandCoverClass {
    int code = 0;
    std::string name;
    double manningN = 0.03;         // s/m^(1/3)
    double runoffCoefficient = 1.0; // fraction of rain that runs off, [0, 1]
};

// Land-cover classes -> Manning's n and runoff coefficient. The shipped defaults are
// resources/flood/landcover.json (ESA WorldCover codes plus Urbis's roof / paved / green classes); a user
// copy with the same layout can replace them.
struct LandCoverTable {
    std::vector<LandCoverClass> classes;
    int defaultCode = 0;  // used for cells whose code is nodata or not in the table
    int buildingCode = 0; // the class burnBuildingClass() gives building footprints (roofs)

    const LandCoverClass* find(int code) const;
    const LandCoverClass& classOf(int code) const; // find(code), else the default class
};

// Parses the table; `source` names it in messages. Checks codes are unique, n in (0, 1], C in [0, 1], and
// that the default and building codes exist.
Result<LandCoverTable> parseLandCoverTable(const std::string& jsonText, const std::string& source);
Result<LandCoverTable> loadLandCoverTable(const std::string& path);
// The table in the layout parseLandCoverTable() reads (for a user's edited copy).
std::string landCoverTableJson(const LandCoverTable& table);
// The shipped table: resourceDirectory()/flood/landcover.json.
Result<LandCoverTable> defaultLandCoverTable();

// Sets the class code of building cells to the table's roof class (landCover holds class codes).
void burnBuildingClass(RasterF& landCover, const std::vector<Building>& buildings,
                       const LandCoverTable& table);

enum class LandCoverProperty { ManningN, RunoffCoefficient };
// Per-cell property from a class-code raster on the same grid as `dem` (NaN where the DEM is nodata). Fails
// when the grids differ (the message says how to resample with gdalwarp).
Result<RasterF> landCoverProperty(const RasterF& landCover, const RasterF& dem, const LandCoverTable& table,
                                  LandCoverProperty property);

// ---- DEM checks ------------------------------------------------------------------------------------------

// Refuses DEMs that flood analysis cannot use: empty, all nodata, too large for 32-bit cell indices, or in
// geographic (degree) coordinates or feet (areas and volumes would be wrong): the message names `path` and
// gives the gdalwarp command to reproject (with the UTM zone of the DEM's centre when it is in degrees).
Status checkHydrologyDem(const RasterF& dem, const Crs& crs, const std::string& path);

// ---- Seeds -----------------------------------------------------------------------------------------------

// Where a static flood starts, in the DEM's CRS. Lines are rasterised (every cell a line passes through);
// areas seed every cell whose centre is inside; edge = the DEM edge (see the top of this file).
struct FloodSeeds {
    std::vector<Vec2> points;
    std::vector<std::vector<Vec2>> lines;
    std::vector<Polygon> areas;
    bool edge = false;

    bool isEmpty() const { return points.empty() && lines.empty() && areas.empty() && !edge; }
};

// Seed cells (row-major indices, sorted, unique, all valid). Fails, naming the seed and `demName`, when a
// point lies outside the DEM or on nodata, or a line or area covers no valid cell.
Result<std::vector<std::uint32_t>> seedCells(const RasterF& dem, const FloodSeeds& seeds,
                                             const std::string& demName);

// Points, lines and polygons of every layer of a vector file GDAL reads (GeoJSON, GeoPackage, Shapefile, CSV
// with x/y, easting/northing or lon/lat columns or a WKT column), reprojected into demCrs when both have a
// CRS (a file without one is taken to be in demCrs).
Result<FloodSeeds> readSeedFile(const std::string& path, const Crs& demCrs);

// ---- Internals shared by the flood kernels ---------------------------------------------------------------

namespace detail {

// A copy of the grid with a one-cell frame, so that the neighbours of every real cell sit at fixed index
// offsets and the inner loops need no bounds checks (the frame is marked closed).
struct Frame {
    int width = 0, height = 0; // the real grid
    int stride = 0;            // width + 2
    // Neighbour offsets: N, E, S, W, then NE, SE, SW, NW (the first 4 are 4-connectivity).
    std::array<std::ptrdiff_t, 8> offsets{};

    explicit Frame(int w, int h);
    std::size_t size() const { return std::size_t(stride) * (height + 2); }
    std::size_t padded(std::size_t index) const {
        return (index / width + 1) * std::size_t(stride) + index % width + 1;
    }
    std::size_t unpadded(std::size_t p) const {
        return (p / stride - 1) * std::size_t(width) + p % stride - 1;
    }
};

// The grid values in a framed array: frame and nodata cells hold NaN.
std::vector<float> framed(const Frame& frame, const std::vector<float>& values);

// The DEM edge (see the top of this file), or with holesDrain every valid cell next to any nodata too:
// row-major indices.
std::vector<std::uint32_t> edgeCells(const RasterF& dem, bool holesDrain);

// A float's bits mapped so that unsigned order is numeric order (NaN excluded).
inline std::uint32_t orderedBits(float f) {
    std::uint32_t u;
    static_assert(sizeof u == sizeof f);
    __builtin_memcpy(&u, &f, sizeof u);
    return (u & 0x80000000u) ? ~u : (u | 0x80000000u);
}

// A monotone priority queue (radix heap, Ahuja, Mehlhorn, Orlin & Tarjan 1990) on 32-bit keys with a 32-bit
// payload: every pushed key must be >= the last popped key, which holds in Priority-Flood (a cell is pushed
// at a level no lower than the cell that reaches it). Amortised O(log C) with sequential memory traffic;
// about 2x faster than std::priority_queue on (level, index) pairs for DEM-sized queues. Ties pop in any
// order.
class RadixHeap {
public:
    void push(std::uint32_t key, std::uint32_t value) {
        mBuckets[bucketOf(key)].push_back((std::uint64_t(key) << 32) | value);
        ++mSize;
    }
    bool empty() const { return mSize == 0; }
    std::size_t size() const { return mSize; }
    // The payload of an entry with the smallest key.
    std::uint32_t pop() {
        if (mBuckets[0].empty()) {
            int i = 1;
            while (mBuckets[i].empty())
                ++i;
            std::vector<std::uint64_t>& b = mBuckets[i];
            std::uint64_t lowest = b[0];
            for (std::uint64_t e : b)
                lowest = std::min(lowest, e);
            mLast = std::uint32_t(lowest >> 32);
            for (std::uint64_t e : b)
                mBuckets[bucketOf(std::uint32_t(e >> 32))].push_back(e);
            b.clear();
        }
        const std::uint64_t e = mBuckets[0].back();
        mBuckets[0].pop_back();
        --mSize;
        return std::uint32_t(e);
    }

private:
    int bucketOf(std::uint32_t key) const { return key == mLast ? 0 : 32 - __builtin_clz(key ^ mLast); }
    std::array<std::vector<std::uint64_t>, 33> mBuckets;
    std::uint32_t mLast = 0;
    std::size_t mSize = 0;
};

} // namespace detail

} // namespace gis::analysis::flood
