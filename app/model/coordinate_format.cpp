#include "app/model/coordinate_format.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace app {

QString formatMetres(double value, int decimals) {
    if (!std::isfinite(value))
        return QStringLiteral("–");
    QString text = QString::number(std::abs(value), 'f', decimals);
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    qsizetype intEnd = dot < 0 ? text.size() : dot;
    for (qsizetype i = intEnd - 3; i > 0; i -= 3)
        text.insert(i, QLatin1Char(' '));
    // "-0.0" reads oddly: only negative when a non-zero digit is shown.
    const bool negative = value < 0 && text.contains(QRegularExpression(QStringLiteral("[1-9]")));
    return negative ? QLatin1Char('-') + text : text;
}

QString formatProjected(double east, double north, double height) {
    return QCoreApplication::translate("app::CoordinateFormat", "E %1  N %2  H %3 m")
        .arg(formatMetres(east), formatMetres(north), formatMetres(height));
}

QString formatProjected(double east, double north) {
    return QCoreApplication::translate("app::CoordinateFormat", "E %1  N %2")
        .arg(formatMetres(east), formatMetres(north));
}

QString formatLonLat(double lon, double lat) {
    if (!std::isfinite(lon) || !std::isfinite(lat))
        return QStringLiteral("–");
    const QString lonText = QString::number(std::abs(lon), 'f', 5);
    const QString latText = QString::number(std::abs(lat), 'f', 5);
    const QString east = lon >= 0 ? QCoreApplication::translate("app::CoordinateFormat", "%1°E").arg(lonText)
                                  : QCoreApplication::translate("app::CoordinateFormat", "%1°W").arg(lonText);
    const QString north = lat >= 0
                              ? QCoreApplication::translate("app::CoordinateFormat", "%1°N").arg(latText)
                              : QCoreApplication::translate("app::CoordinateFormat", "%1°S").arg(latText);
    return QCoreApplication::translate("app::CoordinateFormat", "%1 %2", "longitude latitude")
        .arg(east, north);
}

} // namespace app
