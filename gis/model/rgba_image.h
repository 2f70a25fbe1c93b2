#pragma once
// An 8-bit RGBA image (imagery draped on the terrain), without georeference: see gis::ImageryLayerData.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gis {

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // row-major, row 0 is north, 4 bytes (R, G, B, A) per pixel

    RgbaImage() = default;
    RgbaImage(int w, int h) : width(w), height(h), pixels(std::size_t(w) * h * 4, 0) {}

    bool isEmpty() const { return width <= 0 || height <= 0; }
    std::uint8_t* at(int col, int row) { return pixels.data() + (std::size_t(row) * width + col) * 4; }
    const std::uint8_t* at(int col, int row) const {
        return pixels.data() + (std::size_t(row) * width + col) * 4;
    }
};

} // namespace gis
