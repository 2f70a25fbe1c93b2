#pragma once

namespace gis {

// A saved camera view in the project CRS. heading: degrees clockwise from north; pitch: degrees, negative
// looking down (-90 straight down, 0 horizontal).
struct CameraView {
    double east = 0;
    double north = 0;
    double height = 0;
    double heading = 0;
    double pitch = -30;
    bool operator==(const CameraView&) const = default;
};

} // namespace gis
