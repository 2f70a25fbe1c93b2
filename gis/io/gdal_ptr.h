#pragma once
// Private to gis/io: owning pointer for GDAL datasets (closed with GDALClose, never delete).
#include <gdal_priv.h>

#include <memory>

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

} // namespace gis::io::detail
