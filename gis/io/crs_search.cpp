#include "gis/io/crs_search.h"

#include "gis/io/crs_transform.h"

#include <proj.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <sstream>

namespace gis::io {

namespace {
struct PjDeleter {
    void operator()(PJ* p) const {
        if (p)
            proj_destroy(p);
    }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

// One PROJ context per thread: a context must not be used by two threads at once.
PJ_CONTEXT* threadContext() {
    thread_local struct Ctx {
        PJ_CONTEXT* ctx = proj_context_create();
        Ctx() { proj_log_level(ctx, PJ_LOG_NONE); } // "unknown name" is an answer here, not an error
        ~Ctx() { proj_context_destroy(ctx); }
    } c;
    return c.ctx;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

CrsType typeOf(PJ_TYPE type) {
    switch (type) {
    case PJ_TYPE_PROJECTED_CRS:
        return CrsType::Projected;
    case PJ_TYPE_GEOGRAPHIC_2D_CRS:
    case PJ_TYPE_GEOGRAPHIC_3D_CRS:
        return CrsType::Geographic;
    case PJ_TYPE_COMPOUND_CRS:
        return CrsType::Compound;
    default:
        return CrsType::Other;
    }
}

struct Entry {
    CrsInfo info;
    std::string lowerName;
    std::string lowerArea;
    std::string number; // the code without "EPSG:"
};

// The EPSG CRSs a dataset or a project can be in (projected, geographic, compound), read once.
const std::vector<Entry>& database() {
    static const std::vector<Entry> entries = [] {
        std::vector<Entry> out;
        PJ_CONTEXT* ctx = proj_context_create();
        PROJ_CRS_LIST_PARAMETERS* params = proj_get_crs_list_parameters_create();
        params->allow_deprecated = 1;
        int count = 0;
        PROJ_CRS_INFO** list = proj_get_crs_info_list_from_database(ctx, "EPSG", params, &count);
        for (int i = 0; list && i < count; ++i) {
            const PROJ_CRS_INFO* c = list[i];
            const CrsType type = typeOf(c->type);
            if (type == CrsType::Other)
                continue;
            Entry e;
            e.number = c->code;
            e.info.code = std::string(c->auth_name) + ":" + c->code;
            e.info.name = c->name ? c->name : "";
            e.info.type = type;
            e.info.areaOfUse = c->area_name ? c->area_name : "";
            e.info.hasBounds = c->bbox_valid;
            e.info.west = c->west_lon_degree;
            e.info.south = c->south_lat_degree;
            e.info.east = c->east_lon_degree;
            e.info.north = c->north_lat_degree;
            e.info.deprecated = c->deprecated;
            e.lowerName = lower(e.info.name);
            e.lowerArea = lower(e.info.areaOfUse);
            out.push_back(std::move(e));
        }
        proj_crs_info_list_destroy(list);
        proj_get_crs_list_parameters_destroy(params);
        proj_context_destroy(ctx);
        return out;
    }();
    return entries;
}

// Whether a CRS's first axis is in metres; asked of PROJ once per code (creating a CRS reads the database).
bool inMetres(const std::string& code, CrsType type) {
    if (type != CrsType::Projected && type != CrsType::Compound)
        return false;
    static std::mutex mutex;
    static std::map<std::string, bool> cache;
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(code); it != cache.end())
            return it->second;
    }
    const bool metres = isProjectedMetric(Crs{code});
    std::lock_guard lock(mutex);
    cache[code] = metres;
    return metres;
}

CrsInfo withUnits(CrsInfo info) {
    info.metres = inMetres(info.code, info.type);
    return info;
}

// An entry for a CRS outside the EPSG list (another authority, or a WKT that PROJ cannot identify).
std::optional<CrsInfo> describe(const std::string& definition) {
    PJ_CONTEXT* ctx = threadContext();
    PjPtr pj(proj_create(ctx, definition.c_str()));
    if (!pj)
        return std::nullopt;
    if (!proj_is_crs(pj.get()))
        return std::nullopt; // an operation, an ellipsoid, ...
    CrsInfo info;
    info.type = typeOf(proj_get_type(pj.get()));
    const char* auth = proj_get_id_auth_name(pj.get(), 0);
    const char* code = proj_get_id_code(pj.get(), 0);
    info.code = auth && code ? std::string(auth) + ":" + code : definition;
    info.name = proj_get_name(pj.get()) ? proj_get_name(pj.get()) : "";
    const char* area = nullptr;
    info.hasBounds =
        proj_get_area_of_use(ctx, pj.get(), &info.west, &info.south, &info.east, &info.north, &area) &&
        info.west > -1000;
    info.areaOfUse = area ? area : "";
    info.deprecated = proj_is_deprecated(pj.get());
    info.metres = isProjectedMetric(Crs{definition});
    return info;
}

const Entry* findCode(const std::string& number) {
    for (const Entry& e : database())
        if (e.number == number)
            return &e;
    return nullptr;
}
} // namespace

const char* crsTypeName(CrsType type) {
    switch (type) {
    case CrsType::Projected:
        return "Projected";
    case CrsType::Geographic:
        return "Geographic";
    case CrsType::Compound:
        return "Compound";
    case CrsType::Other:
        break;
    }
    return "Other";
}

std::optional<CrsInfo> crsInfo(const std::string& definition) {
    static const std::regex kEpsg(R"(^\s*epsg\s*:\s*(\d+)\s*$)", std::regex::icase);
    std::smatch m;
    if (std::regex_match(definition, m, kEpsg))
        if (const Entry* e = findCode(m[1].str()))
            return withUnits(e->info);
    const std::string id = crsIdentifier(Crs{definition});
    if (std::regex_match(id, m, kEpsg))
        if (const Entry* e = findCode(m[1].str()))
            return withUnits(e->info);
    return describe(definition);
}

std::vector<CrsInfo> searchCrs(const std::string& query, const CrsSearchOptions& options) {
    static const std::regex kCode(R"(^\s*(?:epsg)?\s*[:\s]?\s*(\d+)\s*$)", std::regex::icase);
    static const std::regex kOtherAuthority(R"(^\s*([A-Za-z][A-Za-z0-9_]*)\s*:\s*(\S+)\s*$)");
    std::vector<CrsInfo> results;
    if (words(query).empty() || options.limit == 0)
        return results;
    std::smatch m;
    std::string digits;
    if (std::regex_match(query, m, kCode))
        digits = m[1].str();
    else if (std::regex_match(query, m, kOtherAuthority) && lower(m[1].str()) != "epsg") {
        // "ESRI:102100", "IGNF:LAMB93": looked up directly (only EPSG is listed for name searches).
        if (auto info = describe(query); info && (!options.projectedOnly || info->metres))
            results.push_back(std::move(*info));
        return results;
    }

    // Rank: 0 exact code or name, 1 code or name starting with the query, 2 every word in the name, 3 words
    // found in the name or the area of use (or the digits anywhere in the name).
    const std::string q = lower(query);
    const std::vector<std::string> ws = words(q);
    std::string joined;
    for (const auto& w : ws)
        joined += (joined.empty() ? "" : " ") + w;
    struct Hit {
        int rank;
        const Entry* entry;
    };
    std::vector<Hit> hits;
    for (const Entry& e : database()) {
        if (e.info.deprecated && !options.includeDeprecated)
            continue;
        if (options.projectedOnly && e.info.type != CrsType::Projected && e.info.type != CrsType::Compound)
            continue;
        int rank = -1;
        if (!digits.empty()) {
            if (e.number == digits)
                rank = 0;
            else if (e.number.rfind(digits, 0) == 0)
                rank = 1;
            else if (e.lowerName.find(digits) != std::string::npos)
                rank = 3;
        } else if (e.lowerName == joined) {
            rank = 0;
        } else if (e.lowerName.rfind(joined, 0) == 0) {
            rank = 1;
        } else {
            bool inName = true, inEither = true;
            for (const auto& w : ws) {
                const bool n = e.lowerName.find(w) != std::string::npos;
                inName = inName && n;
                inEither = inEither && (n || e.lowerArea.find(w) != std::string::npos);
            }
            rank = inName ? 2 : inEither ? 3 : -1;
        }
        if (rank >= 0)
            hits.push_back({rank, &e});
    }
    auto typeOrder = [](CrsType t) { return t == CrsType::Projected ? 0 : t == CrsType::Geographic ? 1 : 2; };
    std::stable_sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.entry->info.deprecated != b.entry->info.deprecated)
            return !a.entry->info.deprecated;
        if (typeOrder(a.entry->info.type) != typeOrder(b.entry->info.type))
            return typeOrder(a.entry->info.type) < typeOrder(b.entry->info.type);
        if (a.entry->number.size() != b.entry->number.size())
            return a.entry->number.size() < b.entry->number.size();
        return a.entry->number < b.entry->number;
    });
    // Units are asked of PROJ only for what is returned (or, for projected-only searches, checked).
    for (const Hit& h : hits) {
        if (results.size() >= options.limit)
            break;
        CrsInfo info = withUnits(h.entry->info);
        if (options.projectedOnly && !info.metres)
            continue;
        results.push_back(std::move(info));
    }
    return results;
}

} // namespace gis::io
