#pragma once
// Private to gis/io: small GDAL helpers shared by the readers (GDAL types stay out of public headers).
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <memory>
#include <string>

namespace gis::io::detail {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const {
        if (ds)
            GDALClose(ds);
    }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

inline DatasetPtr openDataset(const std::string& path, unsigned flags, const char* const* drivers = nullptr) {
    return DatasetPtr(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), flags, drivers, nullptr, nullptr)));
}

// WKT2 of a spatial reference; empty for none.
inline std::string wktOf(const OGRSpatialReference* srs) {
    if (!srs)
        return {};
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, opts);
    std::string s = wkt ? wkt : "";
    CPLFree(wkt);
    return s;
}

inline bool hasSqliteHeader(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    char header[16] = {};
    f.read(header, 16);
    return f.gcount() == 16 && std::string(header, 15) == "SQLite format 3";
}

// SQLite's own integrity check on a GeoPackage: a truncated or corrupted file often opens, and this finds the
// damage before half of it is read. Returns "ok", or what SQLite reports ("" when the check itself failed).
inline std::string sqliteQuickCheck(GDALDataset& ds) {
    std::string verdict;
    if (OGRLayer* check = ds.ExecuteSQL("PRAGMA quick_check", nullptr, nullptr)) {
        if (OGRFeature* f = check->GetNextFeature()) {
            verdict = f->GetFieldAsString(0);
            OGRFeature::DestroyFeature(f);
        }
        ds.ReleaseResultSet(check);
    }
    return verdict;
}

} // namespace gis::io::detail
