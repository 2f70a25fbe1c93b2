#include "gis/io/crs_transform.h"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace gis::io {

namespace {
// One PROJ context per thread: PJ objects are not thread-safe across contexts.
PJ_CONTEXT* threadContext() {
    thread_local struct Ctx {
        PJ_CONTEXT* ctx = proj_context_create();
        ~Ctx() { proj_context_destroy(ctx); }
    } c;
    return c.ctx;
}

struct PjDeleter {
    void operator()(PJ* p) const {
        if (p)
            proj_destroy(p);
    }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

PjPtr createCrs(const Crs& crs) {
    return PjPtr(proj_create(threadContext(), crs.definition.c_str()));
}
} // namespace

struct CrsTransform::Impl {
    PJ_CONTEXT* ctx = nullptr;
    PjPtr pj;
};

CrsTransform::CrsTransform() : d(std::make_unique<Impl>()) {}
CrsTransform::CrsTransform(CrsTransform&&) noexcept = default;
CrsTransform& CrsTransform::operator=(CrsTransform&&) noexcept = default;
CrsTransform::~CrsTransform() = default;

Result<CrsTransform> CrsTransform::create(const Crs& from, const Crs& to) {
    if (from.isEmpty() || to.isEmpty())
        return Error{"no coordinate reference system given"};
    PJ_CONTEXT* ctx = threadContext();
    PjPtr a = createCrs(from);
    if (!a)
        return Error{"unknown coordinate reference system '" + from.definition.substr(0, 80) + "'"};
    PjPtr b = createCrs(to);
    if (!b)
        return Error{"unknown coordinate reference system '" + to.definition.substr(0, 80) + "'"};
    PjPtr op(proj_create_crs_to_crs_from_pj(ctx, a.get(), b.get(), nullptr, nullptr));
    if (!op)
        return Error{"no transformation between '" + crsName(from) + "' and '" + crsName(to) + "'"};
    PjPtr norm(proj_normalize_for_visualization(ctx, op.get()));
    if (!norm)
        return Error{"cannot normalise axis order for '" + crsName(from) + "'"};
    CrsTransform t;
    t.d->ctx = ctx;
    t.d->pj = std::move(norm);
    return t;
}

bool CrsTransform::transform(Vec3& p) const {
    PJ_COORD c = proj_coord(p.x, p.y, p.z, 0);
    PJ_COORD r = proj_trans(d->pj.get(), PJ_FWD, c);
    if (!std::isfinite(r.xyz.x) || !std::isfinite(r.xyz.y) || r.xyz.x == HUGE_VAL)
        return false;
    p = {r.xyz.x, r.xyz.y, r.xyz.z};
    return true;
}

bool CrsTransform::transform(Vec2& p) const {
    Vec3 q{p.x, p.y, 0};
    if (!transform(q))
        return false;
    p = {q.x, q.y};
    return true;
}

Extent CrsTransform::transform(const Extent& e) const {
    Extent out;
    if (e.isEmpty())
        return out;
    constexpr int n = 21;
    for (int i = 0; i < n; ++i) {
        double t = double(i) / (n - 1);
        Vec2 pts[4] = {{e.minX + t * e.width(), e.minY},
                       {e.minX + t * e.width(), e.maxY},
                       {e.minX, e.minY + t * e.height()},
                       {e.maxX, e.minY + t * e.height()}};
        for (auto& p : pts)
            if (transform(p))
                out.include(p);
    }
    return out;
}

std::string crsIdentifier(const Crs& crs) {
    PjPtr pj = createCrs(crs);
    if (!pj)
        return {};
    PJ_CONTEXT* ctx = threadContext();
    if (const char* auth = proj_get_id_auth_name(pj.get(), 0)) {
        const char* code = proj_get_id_code(pj.get(), 0);
        if (code)
            return std::string(auth) + ":" + code;
    }
    int* confidence = nullptr;
    PJ_OBJ_LIST* list = proj_identify(ctx, pj.get(), "EPSG", nullptr, &confidence);
    std::string id;
    if (list && proj_list_get_count(list) > 0 && confidence && confidence[0] >= 90) {
        PjPtr best(proj_list_get(ctx, list, 0));
        if (const char* code = proj_get_id_code(best.get(), 0))
            id = std::string("EPSG:") + code;
    }
    proj_int_list_destroy(confidence);
    proj_list_destroy(list);
    if (!id.empty())
        return id;
    const char* wkt = proj_as_wkt(ctx, pj.get(), PJ_WKT2_2019, nullptr);
    return wkt ? wkt : "";
}

std::string crsName(const Crs& crs) {
    PjPtr pj = createCrs(crs);
    if (!pj)
        return crs.definition.substr(0, 60);
    const char* name = proj_get_name(pj.get());
    return name ? name : crs.definition.substr(0, 60);
}

std::string verticalDatumName(const Crs& crs) {
    if (crs.isEmpty())
        return {};
    PjPtr pj = createCrs(crs);
    if (!pj)
        return "not declared";
    PJ_CONTEXT* ctx = threadContext();
    const PJ_TYPE type = proj_get_type(pj.get());
    if (type == PJ_TYPE_COMPOUND_CRS) {
        PjPtr vertical(proj_crs_get_sub_crs(ctx, pj.get(), 1));
        const char* name = vertical ? proj_get_name(vertical.get()) : nullptr;
        return name ? name : "not declared";
    }
    if (type == PJ_TYPE_GEOGRAPHIC_3D_CRS || type == PJ_TYPE_GEOCENTRIC_CRS) {
        PjPtr datum(proj_crs_get_datum_forced(ctx, pj.get())); // also for datum ensembles (WGS 84)
        const char* name = datum ? proj_get_name(datum.get()) : nullptr;
        return std::string("ellipsoidal height (") + (name ? name : "unknown datum") + ")";
    }
    if (type == PJ_TYPE_VERTICAL_CRS) {
        const char* name = proj_get_name(pj.get());
        return name ? name : "not declared";
    }
    return "not declared";
}

bool isProjectedMetric(const Crs& crs) {
    PjPtr pj = createCrs(crs);
    if (!pj)
        return false;
    PJ_CONTEXT* ctx = threadContext();
    PJ_TYPE type = proj_get_type(pj.get());
    PjPtr horizontal;
    PJ* candidate = pj.get();
    if (type == PJ_TYPE_COMPOUND_CRS) {
        horizontal.reset(proj_crs_get_sub_crs(ctx, pj.get(), 0));
        candidate = horizontal.get();
        if (!candidate)
            return false;
        type = proj_get_type(candidate);
    }
    if (type != PJ_TYPE_PROJECTED_CRS)
        return false;
    PjPtr cs(proj_crs_get_coordinate_system(ctx, candidate));
    if (!cs)
        return false;
    double factor = 0;
    if (!proj_cs_get_axis_info(ctx, cs.get(), 0, nullptr, nullptr, nullptr, &factor, nullptr, nullptr,
                               nullptr))
        return false;
    return std::abs(factor - 1.0) < 1e-9;
}

bool isWebMercator(const Crs& crs) {
    const std::string id = crsIdentifier(crs);
    if (id == "EPSG:3857" || id == "EPSG:900913" || id == "EPSG:3785" || id == "ESRI:102100")
        return true;
    return crsName(crs).find("Pseudo-Mercator") != std::string::npos;
}

Crs utmZoneFor(double lon, double lat) {
    const int zone = std::clamp(int(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
    return Crs{std::string(lat >= 0 ? "EPSG:326" : "EPSG:327") + (zone < 10 ? "0" : "") +
               std::to_string(zone)};
}

} // namespace gis::io
