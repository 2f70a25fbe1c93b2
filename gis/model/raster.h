#pragma once
// A north-up georeferenced grid (GDAL geotransform without rotation). Cell (col,row) covers
// [originX + col*cellSize, originX + (col+1)*cellSize] x [originY - (row+1)*cellSize, originY -
// row*cellSize].
#include "gis/model/geometry.h"

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace gis {

template <class T> struct Raster {
    int width = 0;
    int height = 0;
    double originX = 0;  // west edge
    double originY = 0;  // north edge
    double cellSize = 1; // metres, square cells
    std::optional<T> noData;
    std::vector<T> data; // row-major, row 0 is north

    Raster() = default;
    Raster(int w, int h, double ox, double oy, double cell, T fill = T{})
        : width(w), height(h), originX(ox), originY(oy), cellSize(cell), data(std::size_t(w) * h, fill) {}

    bool isEmpty() const { return width <= 0 || height <= 0; }
    T& at(int col, int row) { return data[std::size_t(row) * width + col]; }
    const T& at(int col, int row) const { return data[std::size_t(row) * width + col]; }
    bool isNoData(T v) const {
        return (noData && v == *noData) || (std::is_floating_point_v<T> && std::isnan(v));
    }

    // Centre of a cell in CRS coordinates.
    Vec2 cellCenter(int col, int row) const {
        return {originX + (col + 0.5) * cellSize, originY - (row + 0.5) * cellSize};
    }
    // Smallest and largest valid (non-nodata) value; nullopt when every cell is nodata.
    std::optional<std::pair<double, double>> valueRange() const {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (const T& v : data)
            if (!isNoData(v)) {
                lo = std::min(lo, double(v));
                hi = std::max(hi, double(v));
            }
        if (lo > hi)
            return std::nullopt;
        return std::pair{lo, hi};
    }
    Extent extent() const {
        Extent e;
        e.include(originX, originY - height * cellSize);
        e.include(originX + width * cellSize, originY);
        return e;
    }
    // Bilinear sample at CRS coordinates between cell centres; clamps at the border.
    // Returns nullopt outside the raster or when a contributing cell is nodata.
    std::optional<double> sample(double x, double y) const {
        if (isEmpty())
            return std::nullopt;
        double fx = (x - originX) / cellSize - 0.5;
        double fy = (originY - y) / cellSize - 0.5;
        if (fx < -0.5 || fy < -0.5 || fx > width - 0.5 || fy > height - 0.5)
            return std::nullopt;
        fx = std::clamp(fx, 0.0, double(width - 1));
        fy = std::clamp(fy, 0.0, double(height - 1));
        int c0 = std::min(int(fx), width - 1), r0 = std::min(int(fy), height - 1);
        int c1 = std::min(c0 + 1, width - 1), r1 = std::min(r0 + 1, height - 1);
        double tx = fx - c0, ty = fy - r0;
        T v00 = at(c0, r0), v10 = at(c1, r0), v01 = at(c0, r1), v11 = at(c1, r1);
        if (isNoData(v00) || isNoData(v10) || isNoData(v01) || isNoData(v11))
            return std::nullopt;
        return (1 - ty) * ((1 - tx) * v00 + tx * v10) + ty * ((1 - tx) * v01 + tx * v11);
    }
};

using RasterF = Raster<float>;

} // namespace gis
