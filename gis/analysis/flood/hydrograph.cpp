#include "gis/analysis/flood/hydrograph.h"

#include <algorithm>
#include <cmath>

namespace gis::analysis::flood {

Result<TimeSeries> TimeSeries::fromPoints(std::vector<std::pair<double, double>> points,
                                          const std::string& what) {
    if (points.empty())
        return Error{what + " is empty: give at least one [time_s, value] pair."};
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto [t, v] = points[i];
        if (!std::isfinite(t) || !std::isfinite(v))
            return Error{what + ": entry " + std::to_string(i + 1) + " is not a finite number."};
        if (i > 0 && t < points[i - 1].first)
            return Error{what + ": times must not decrease (entry " + std::to_string(i + 1) + " at " +
                         std::to_string(t) + " s comes after " + std::to_string(points[i - 1].first) +
                         " s)."};
    }
    return TimeSeries(std::move(points));
}

double TimeSeries::value(double t) const {
    if (mPoints.empty())
        return 0;
    if (t < mPoints.front().first)
        return mPoints.front().second;
    if (t >= mPoints.back().first)
        return mPoints.back().second;
    // First point with time > t: the segment [i-1, i] holds t (right-continuous at steps).
    auto it = std::upper_bound(mPoints.begin(), mPoints.end(), t,
                               [](double x, const std::pair<double, double>& p) { return x < p.first; });
    const auto& [t1, v1] = *it;
    const auto& [t0, v0] = *(it - 1);
    return t1 > t0 ? v0 + (v1 - v0) * (t - t0) / (t1 - t0) : v1;
}

double TimeSeries::integral(double a, double b) const {
    if (mPoints.empty() || b <= a)
        return 0;
    double sum = 0;
    // Constant extensions before the first and after the last point.
    const double tFirst = mPoints.front().first, tLast = mPoints.back().first;
    if (a < tFirst)
        sum += mPoints.front().second * (std::min(b, tFirst) - a);
    if (b > tLast)
        sum += mPoints.back().second * (b - std::max(a, tLast));
    for (std::size_t i = 1; i < mPoints.size(); ++i) {
        const auto [t0, v0] = mPoints[i - 1];
        const auto [t1, v1] = mPoints[i];
        const double lo = std::max(a, t0), hi = std::min(b, t1);
        if (hi <= lo || t1 <= t0)
            continue;
        const double slope = (v1 - v0) / (t1 - t0);
        const double vlo = v0 + slope * (lo - t0), vhi = v0 + slope * (hi - t0);
        sum += 0.5 * (vlo + vhi) * (hi - lo);
    }
    return sum;
}

double TimeSeries::mean(double t0, double t1) const {
    return t1 > t0 ? integral(t0, t1) / (t1 - t0) : value(t0);
}

double TimeSeries::maxValue() const {
    double m = mPoints.empty() ? 0 : mPoints.front().second;
    for (const auto& p : mPoints)
        m = std::max(m, p.second);
    return m;
}

double TimeSeries::minValue() const {
    double m = mPoints.empty() ? 0 : mPoints.front().second;
    for (const auto& p : mPoints)
        m = std::min(m, p.second);
    return m;
}

TimeSeries TimeSeries::scaled(double factor) const {
    TimeSeries out = *this;
    for (auto& p : out.mPoints)
        p.second *= factor;
    return out;
}

double idfDepthMm(const ChicagoStorm& s, double durationMin) {
    if (durationMin <= 0)
        return 0;
    return s.a * durationMin / std::pow(durationMin + s.b, s.c) / 60.0;
}

Result<TimeSeries> chicagoHyetograph(const ChicagoStorm& s) {
    if (!(s.a > 0) || !(s.b >= 0) || !(s.c > 0 && s.c < 1))
        return Error{"Chicago storm: the IDF parameters need a > 0, b >= 0 and 0 < c < 1 (i = a / (d + b)^c, "
                     "i in mm/h, d in minutes)."};
    if (!(s.r > 0 && s.r < 1))
        return Error{"Chicago storm: the peak position r must lie strictly between 0 and 1 (got " +
                     std::to_string(s.r) + ")."};
    if (!(s.durationS > 0) || !(s.stepS > 0) || s.stepS > s.durationS)
        return Error{"Chicago storm: duration_s must be positive and step_s within (0, duration_s]."};
    const double td = s.durationS / 60.0, tp = s.r * td;
    // Cumulative depth (mm) from the storm start to t minutes: the depth before the peak within a window of
    // length T around it is r·D(T), after it (1 − r)·D(T).
    auto cumulative = [&](double t) {
        if (t <= tp)
            return s.r * idfDepthMm(s, td) - s.r * idfDepthMm(s, (tp - t) / s.r);
        return s.r * idfDepthMm(s, td) + (1 - s.r) * idfDepthMm(s, (t - tp) / (1 - s.r));
    };
    std::vector<std::pair<double, double>> pts;
    for (double t0 = 0; t0 < s.durationS - 1e-9; t0 += s.stepS) {
        const double t1 = std::min(s.durationS, t0 + s.stepS);
        const double mmPerH = (cumulative(t1 / 60.0) - cumulative(t0 / 60.0)) / ((t1 - t0) / 3600.0);
        pts.emplace_back(t0, mmPerH);
        pts.emplace_back(t1, mmPerH);
    }
    pts.emplace_back(s.durationS, 0.0);
    return TimeSeries::fromPoints(std::move(pts), "Chicago storm");
}

} // namespace gis::analysis::flood
