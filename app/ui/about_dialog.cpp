#include "app/ui/about_dialog.h"

#include "app/ui/icons.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace app {

void showAboutDialog(QWidget* parent) {
    const QString text =
        QCoreApplication::translate(
            "app::AboutDialog",
            "<h3>Urbis %1</h3>"
            "<p>3D urban planning: buildings, zoning, terrain, sunlight and flood analysis on real "
            "coordinates.</p>"
            "<p>Built on Qt %2, OpenSceneGraph, GDAL, PROJ and CGAL.</p>"
            "<p>Open source software.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()));
    QMessageBox box(QMessageBox::NoIcon, QCoreApplication::translate("app::AboutDialog", "About Urbis"), text,
                    QMessageBox::Ok, parent);
    box.setIconPixmap(icon(QStringLiteral("urbis")).pixmap(64, 64));
    box.exec();
}

} // namespace app
