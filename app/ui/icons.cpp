#include "app/ui/icons.h"

#include <QFile>
#include <QHash>
#include <QImageReader>

static void initUrbisResources() {
    Q_INIT_RESOURCE(urbis);
}

namespace app {

namespace {
bool svgSupported() {
    static const bool supported = QImageReader::supportedImageFormats().contains("svg");
    return supported;
}
} // namespace

QIcon icon(const QString& name) {
    static const bool initialised = (initUrbisResources(), true);
    Q_UNUSED(initialised);
    static QHash<QString, QIcon> cache;
    if (auto it = cache.constFind(name); it != cache.constEnd())
        return *it;

    QIcon result;
    const QString svg = QStringLiteral(":/icons/%1.svg").arg(name);
    if (svgSupported() && QFile::exists(svg)) {
        result = QIcon(svg);
    } else {
        for (int size : {16, 24, 32, 48, 64, 128, 256}) {
            const QString png = QStringLiteral(":/icons/png/%1-%2.png").arg(name).arg(size);
            if (QFile::exists(png))
                result.addFile(png, QSize(size, size));
        }
    }
    if (result.isNull())
        qWarning("urbis: no icon named '%s' in the resources", qPrintable(name));
    cache.insert(name, result);
    return result;
}

QIcon layerKindIcon(gis::LayerKind kind) {
    switch (kind) {
    case gis::LayerKind::Buildings:
    case gis::LayerKind::CityModel:
        return icon(QStringLiteral("layer-buildings"));
    case gis::LayerKind::Zones:
        return icon(QStringLiteral("layer-zones"));
    case gis::LayerKind::Terrain:
        return icon(QStringLiteral("layer-terrain"));
    case gis::LayerKind::Imagery:
        return icon(QStringLiteral("layer-imagery"));
    }
    return {};
}

} // namespace app
