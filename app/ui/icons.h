#pragma once
// Urbis' own icons (resources/icons): the SVG when Qt's SVG plugin is installed, else the rendered PNGs.
#include "gis/model/project.h"

#include <QIcon>
#include <QString>

namespace app {

// name: the file stem under resources/icons, e.g. "orbit", "walk", "layer-buildings".
QIcon icon(const QString& name);
QIcon layerKindIcon(gis::LayerKind kind);

} // namespace app
