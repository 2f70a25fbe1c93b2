#pragma once
// Time series for the dynamic flood model: rain hyetographs (mm/h), inflow hydrographs (m³/s) and boundary
// water levels (m), all as (time in seconds, value) pairs with linear interpolation between them. Before the
// first point the first value holds, after the last point the last value holds (so a one-point series is a
// constant and a table should end with an explicit 0 when the input stops).
#include "gis/result.h"

#include <string>
#include <utility>
#include <vector>

namespace gis::analysis::flood {

class TimeSeries {
public:
    TimeSeries() = default;
    // Validates: at least one point, finite values, times non-decreasing (a repeated time is a step).
    static Result<TimeSeries> fromPoints(std::vector<std::pair<double, double>> points,
                                         const std::string& what = "time series");
    static TimeSeries constant(double value) { return TimeSeries({{0.0, value}}); }

    bool isEmpty() const { return mPoints.empty(); }
    const std::vector<std::pair<double, double>>& points() const { return mPoints; }
    // Linearly interpolated value at t (0 for an empty series).
    double value(double t) const;
    // Exact mean over [t0, t1] of the piecewise-linear series (value(t0) when t1 <= t0). The model applies
    // rain and inflows as these means, so the volumes it books equal the integral of the input.
    double mean(double t0, double t1) const;
    // Exact integral over [t0, t1].
    double integral(double t0, double t1) const;
    double maxValue() const;
    double minValue() const;
    // Multiplies every value (e.g. flow per unit width × width).
    TimeSeries scaled(double factor) const;

private:
    explicit TimeSeries(std::vector<std::pair<double, double>> p) : mPoints(std::move(p)) {}
    std::vector<std::pair<double, double>> mPoints;
};

// Chicago design storm (Keifer & Chu 1957) from an IDF curve i = a / (d + b)^c, with i in mm/h and the
// duration d in minutes. The hyetograph has its peak at r × duration (0 < r < 1, often 0.3–0.5); before and
// after the peak the instantaneous intensity is i(t) = a [(1 − c) τ + b] / (τ + b)^(1 + c) with τ the time
// from the peak scaled by r (before) or 1 − r (after), in minutes. Every window of length d around the peak
// then holds exactly the IDF depth a d / (d + b)^c / 60 mm. Returned as block means over `stepS` seconds (a
// step function, so the storm's total depth equals the IDF depth for its duration), ending with 0 after the
// storm.
struct ChicagoStorm {
    double a = 0;   // mm/h · min^c
    double b = 0;   // min
    double c = 0;   // dimensionless, 0 < c < 1
    double r = 0.4; // peak position as a fraction of the duration
    double durationS = 3600;
    double stepS = 300; // block length of the returned hyetograph
};
Result<TimeSeries> chicagoHyetograph(const ChicagoStorm& storm);
// Depth in mm of the IDF curve over a duration in minutes: a d / (d + b)^c / 60.
double idfDepthMm(const ChicagoStorm& storm, double durationMin);

} // namespace gis::analysis::flood
