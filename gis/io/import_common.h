#pragma once
// Private to gis/io: pieces shared by the generic GDAL import and the OSM import.
#include "gis/io/import_dataset.h"

#include <cpl_error.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

class OGRLayer;

namespace gis::io::detail {

// Lowest terrain height under the polygon's outer vertices; 0 without terrain.
double minGround(const Project& project, const Polygon& p);

// The project CRS for data in `dataCrs`: the project's; else the data's when it is projected in true metres;
// else (lon/lat, Web Mercator) the UTM zone at the centre of `extent` (given in the data CRS).
Result<Crs> targetCrs(const Project& project, const Crs& dataCrs, const Extent& extent,
                      const std::string& path);

// A length from an OSM-style tag value: "12", "12.5 m", "12m", "40'", "40 ft"; nullopt when not a length.
std::optional<double> parseLength(const std::string& text);

// How one building's height was decided from its attribute texts (empty text: no value), shared by the
// generic and the OSM import so both count and report the same way.
struct HeightChoice {
    enum class Source { Height, Levels, Default };
    Source source = Source::Default;
    double height = 0;        // from the base to the roof, metres
    double base = 0;          // height above ground where the building starts (min_height), metres
    int storeys = 0;          // 0 when unknown
    bool implausible = false; // a given value was not usable
    std::string note;         // what was wrong and what was done ("" when nothing to report)
};
HeightChoice chooseHeight(const std::string& height, const std::string& levels, const std::string& base,
                          const ImportOptions& options);

// `text` when it is valid UTF-8; otherwise a copy with each invalid byte replaced by '?' and `bad` set.
std::string validUtf8(const char* text, bool& bad);

// Where the layers of importVectorLayer come from.
struct VectorSource {
    std::string path; // as shown in messages (a PostGIS password redacted)
    std::string stem; // file name without extension: the layer name when a file has one layer
    bool postgis = false;
    int layerIndex = 0, layerCount = 1;
};

// Imports one polygon layer of a GDAL dataset into `report` (a building layer when it has a height, storey
// or base field or is named like buildings, else a zone layer); non-polygon and empty layers only add a
// warning. Bad features are repaired or skipped, each named in a note. Fails only for what stops the whole
// file: no CRS, no transformation, cancellation. `fieldsFound` collects the user-named fields the layer has.
// `scratch` holds the ids of the project's and this import's layers (for unique ids).
Status importVectorLayer(OGRLayer& layer, const VectorSource& source, const Project& project,
                         const ImportOptions& options, ImportReport& report, Project& scratch,
                         std::set<std::string>& fieldsFound, Progress& progress);

// Collects the GDAL/GEOS messages raised while it lives (instead of printing them), so that a warning such
// as "Non closed ring detected" or a GEOS validity reason becomes part of the note about that feature.
class CaptureMessages {
public:
    CaptureMessages() { CPLPushErrorHandlerEx(&CaptureMessages::handler, this); }
    ~CaptureMessages() { CPLPopErrorHandler(); }
    CaptureMessages(const CaptureMessages&) = delete;
    CaptureMessages& operator=(const CaptureMessages&) = delete;
    const std::string& text() const { return mText; }
    bool failed() const { return mFailed; }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* msg) {
        auto* self = static_cast<CaptureMessages*>(CPLGetErrorHandlerUserData());
        if (level == CE_Debug || !self || !msg)
            return;
        std::string m = msg;
        if (m.rfind("GEOS warning: ", 0) == 0)
            m.erase(0, 14);
        if (m.rfind("GEOS error: ", 0) == 0)
            m.erase(0, 12);
        self->mFailed |= level >= CE_Failure;
        if (self->mText.find(m) == std::string::npos)
            self->mText += (self->mText.empty() ? "" : "; ") + m;
    }
    std::string mText;
    bool mFailed = false;
};

// Gives every item (Building, Zone) a positive id unique in its layer: the project file stores ids as feature
// ids. A feature that became several polygons (an OSM multipolygon, a bow-tie split by MakeValid) keeps its
// id on the first; the others, and items without an id, get new ids above the largest.
template <class T> void makeIdsUnique(std::vector<T>& items) {
    std::int64_t next = 0;
    for (const auto& item : items)
        next = std::max(next, item.id);
    std::unordered_set<std::int64_t> used;
    used.reserve(items.size());
    for (auto& item : items)
        if (item.id <= 0 || !used.insert(item.id).second) {
            item.id = ++next;
            used.insert(item.id);
        }
}

// Per-feature notes kept per kind and layer; the rest are summed up in one line (a 100,000-feature layer
// with a systematic problem must not print 100,000 lines).
constexpr int kMaxNotes = 20;

} // namespace gis::io::detail

namespace gis::io {
// OSM PBF/XML through GDAL's OSM driver with the project's osmconf (resources/osm/osmconf.ini).
Result<ImportReport> importOsm(const std::string& path, const Project& project, const ImportOptions& options,
                               Progress& progress);
} // namespace gis::io
