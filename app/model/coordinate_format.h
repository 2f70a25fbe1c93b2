#pragma once
// How coordinates read in the status bar and elsewhere: projected metres with thin digit grouping
// ("E 529 123.4  N 3 380 456.7  H 23.1 m") and geographic degrees ("114.30123°E 30.55012°N").
#include <QString>

namespace app {

// 1234567.89 -> "1 234 567.9" (one decimal, space-grouped thousands, '-' for negatives).
QString formatMetres(double value, int decimals = 1);
QString formatProjected(double east, double north, double height);
QString formatProjected(double east, double north); // without height
QString formatLonLat(double lon, double lat);

} // namespace app
