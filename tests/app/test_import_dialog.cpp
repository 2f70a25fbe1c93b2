// The import dialog driven like a user would (no GL: it runs on any Qt platform): the attribute roles are
// guessed from the field names, the preview line follows the mapping, a dataset without a CRS keeps Import
// disabled until a CRS is picked in the search, the project CRS can be chosen, and Import runs the import
// with the chosen options and reports the height counts. URBIS_DIALOG_SCREENSHOTS=folder saves pictures of
// it.
#include "app/model/document.h"
#include "app/model/recent_files.h"
#include "app/model/task_runner.h"
#include "app/ui/crs_picker.h"
#include "app/ui/database_dialog.h"
#include "app/ui/file_controller.h"
#include "app/ui/import_dialog.h"
#include "app/ui/translations.h"
#include "common/postgis_server.h"
#include "common/test_files.h"
#include "gis/demo/demo_city.h"
#include "gis/io/crs_search.h"
#include "gis/io/gdal_log.h"
#include "gis/io/postgis.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using app::ImportDialog;
using gis::io::FieldRole;
using urbis_test::writeText;

namespace {
// Four footprints in CGCS2000 / GK CM 114E (the demo city's CRS): a height, storeys only, both, neither.
const char* kBuildings = R"({"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}},
 "features": [
  {"type": "Feature", "properties": {"height": 24.5, "building:levels": null, "name": "A", "landuse": "R"},
   "geometry": {"type": "Polygon", "coordinates": [[[528800, 3380500], [528840, 3380500], [528840, 3380530], [528800, 3380500]]]}},
  {"type": "Feature", "properties": {"height": null, "building:levels": 6, "name": "B", "landuse": "R"},
   "geometry": {"type": "Polygon", "coordinates": [[[528900, 3380500], [528940, 3380500], [528940, 3380530], [528900, 3380500]]]}},
  {"type": "Feature", "properties": {"height": 30, "building:levels": 4, "name": "C", "landuse": "B"},
   "geometry": {"type": "Polygon", "coordinates": [[[529000, 3380500], [529040, 3380500], [529040, 3380530], [529000, 3380500]]]}},
  {"type": "Feature", "properties": {"height": null, "building:levels": null, "name": "D", "landuse": "B"},
   "geometry": {"type": "Polygon", "coordinates": [[[529100, 3380500], [529140, 3380500], [529140, 3380530], [529100, 3380500]]]}}
 ]})";

// A GeoPackage with Chinese survey attributes (层数, 名称) and no height field.
void writeSurveyGpkg(const QString& path) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    QVERIFY(driver);
    GDALDataset* ds = driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    QVERIFY(ds);
    OGRSpatialReference srs;
    srs.importFromEPSG(4547);
    OGRLayer* layer = ds->CreateLayer("建筑", &srs, wkbPolygon, nullptr);
    OGRFieldDefn levels("层数", OFTInteger);
    OGRFieldDefn name("名称", OFTString);
    layer->CreateField(&levels);
    layer->CreateField(&name);
    for (int i = 0; i < 5; ++i) {
        OGRFeature f(layer->GetLayerDefn());
        if (i < 3)
            f.SetField(0, 6 + i);
        f.SetField(1, "楼");
        OGRPolygon poly;
        OGRLinearRing ring;
        ring.addPoint(528800 + i * 50, 3380500);
        ring.addPoint(528830 + i * 50, 3380500);
        ring.addPoint(528830 + i * 50, 3380520);
        ring.closeRings();
        poly.addRing(&ring);
        f.SetGeometry(&poly);
        QVERIFY(layer->CreateFeature(&f) == OGRERR_NONE);
    }
    GDALClose(ds);
}

// Zoning in a Shapefile without .prj: coordinates in metres, no CRS.
void writeNoCrsShapefile(const QString& path) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    QVERIFY(driver);
    GDALDataset* ds = driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    QVERIFY(ds);
    OGRLayer* layer = ds->CreateLayer("plan", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn zoning("zoning", OFTString);
    layer->CreateField(&zoning);
    OGRFeature f(layer->GetLayerDefn());
    f.SetField(0, "R2");
    OGRPolygon poly;
    OGRLinearRing ring;
    ring.addPoint(528800, 3380500);
    ring.addPoint(528900, 3380500);
    ring.addPoint(528900, 3380600);
    ring.closeRings();
    poly.addRing(&ring);
    f.SetGeometry(&poly);
    QVERIFY(layer->CreateFeature(&f) == OGRERR_NONE);
    GDALClose(ds);
}

// Waits for the recount that a mapping change started.
bool waitForPreview(ImportDialog& dialog) {
    QSignalSpy updated(&dialog, &ImportDialog::previewUpdated);
    return dialog.waitForPreviews(30000) && (updated.count() > 0 || updated.wait(30000));
}

void saveScreenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("URBIS_DIALOG_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    widget.show();
    QTest::qWait(200);
    QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
}
} // namespace

class TestImportDialog : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;
    QString mBuildings, mSurvey, mNoCrs;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // remembered storey/default heights from an earlier run
        gis::io::initGdal();
        mBuildings = mDir.filePath(QStringLiteral("blocks.geojson"));
        writeText(mBuildings, kBuildings);
        mSurvey = mDir.filePath(QStringLiteral("survey.gpkg"));
        writeSurveyGpkg(mSurvey);
        mNoCrs = mDir.filePath(QStringLiteral("plan.shp"));
        writeNoCrsShapefile(mNoCrs);
    }

    void guessesAndLivePreview() {
        ImportDialog dialog(gis::Crs{});
        dialog.addSources({mBuildings});
        QVERIFY(dialog.waitForPreviews());
        QCOMPARE(dialog.field(FieldRole::Height), QStringLiteral("height"));
        QCOMPARE(dialog.field(FieldRole::Levels), QStringLiteral("building:levels"));
        QCOMPARE(dialog.field(FieldRole::Base), QString());
        QCOMPARE(dialog.field(FieldRole::ZoneClass), QStringLiteral("landuse"));
        QCOMPARE(dialog.field(FieldRole::Name), QStringLiteral("name"));
        auto* heightBox = dialog.findChild<QComboBox*>(QStringLiteral("heightField"));
        QVERIFY(heightBox && heightBox->isEnabled());
        QCOMPARE(heightBox->currentData().toString(), QStringLiteral("height"));
        QCOMPARE(dialog.previewText(),
                 QStringLiteral("2 with height, 1 from storeys, 1 get the default height (10 m)"));
        QVERIFY(dialog.importButton()->isEnabled());
        saveScreenshot(dialog, QStringLiteral("import_dialog.png"));

        // No height field: storeys for two, the default for the others; the label follows.
        heightBox->setCurrentIndex(0);
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(dialog.field(FieldRole::Height), QString());
        QCOMPARE(dialog.previewText(),
                 QStringLiteral("0 with height, 2 from storeys, 2 get the default height (10 m)"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("previewLine"))->text(), dialog.previewText());
        // The storey height is limited to what a storey can be (at most 10 m: never an absurd building).
        dialog.setStoreyHeight(200);
        QCOMPARE(dialog.findChild<QDoubleSpinBox*>(QStringLiteral("storeyHeight"))->value(), 10.0);
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(dialog.previewText(),
                 QStringLiteral("0 with height, 2 from storeys, 2 get the default height (10 m)"));
        dialog.setStoreyHeight(3);
        dialog.setDefaultHeight(12);
        QVERIFY(waitForPreview(dialog));
        QVERIFY(dialog.previewText().endsWith(QStringLiteral("(12 m)")));

        // The options handed to the import: the chosen fields.
        const auto requests = dialog.requests();
        QCOMPARE(requests.size(), std::size_t(1));
        QVERIFY(requests[0].options.heightField.empty()); // storeys named: the height is not guessed back
        QCOMPARE(requests[0].options.levelsField, std::string("building:levels"));
        QCOMPARE(requests[0].options.classField, std::string("landuse"));
        QCOMPARE(requests[0].options.storeyHeight, 3.0);
        QCOMPARE(requests[0].options.defaultHeight, 12.0);
        QVERIFY(requests[0].options.assumeCrs.empty());
        // The project takes the dataset's CRS.
        QCOMPARE(dialog.projectCrs().definition, std::string("EPSG:4547"));
    }

    void chineseFieldNamesInAGeoPackage() {
        ImportDialog dialog(gis::Crs{"EPSG:4547"});
        dialog.addSources({mSurvey});
        QVERIFY(dialog.waitForPreviews());
        QCOMPARE(dialog.field(FieldRole::Levels), QStringLiteral("层数"));
        QCOMPARE(dialog.field(FieldRole::Name), QStringLiteral("名称"));
        QCOMPARE(dialog.field(FieldRole::Height), QString());
        QCOMPARE(dialog.previewText(),
                 QStringLiteral("0 with height, 3 from storeys, 2 get the default height (10 m)"));
        // Storeys read as a height instead: 6, 7, 8 m count as heights.
        dialog.setField(FieldRole::Height, QStringLiteral("层数"));
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(dialog.previewText(),
                 QStringLiteral("3 with height, 0 from storeys, 2 get the default height (10 m)"));
        QVERIFY(dialog.projectCrs().isEmpty()); // the project has one already
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("projectCrsLabel"))
                    ->text()
                    .contains(QStringLiteral("4547")));
    }

    void noCrsKeepsImportDisabledUntilOneIsPicked() {
        ImportDialog dialog(gis::Crs{});
        dialog.show();
        dialog.addSources({mNoCrs});
        QVERIFY(dialog.waitForPreviews());
        QVERIFY(dialog.preview() && dialog.preview()->needsCrs);
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("no coordinate system")));
        app::CrsPicker* picker = dialog.datasetCrsPicker();
        QVERIFY(picker->isVisible());
        QCOMPARE(dialog.previewText(), QStringLiteral("1 zoning polygon(s)"));
        saveScreenshot(dialog, QStringLiteral("import_dialog_no_crs.png"));

        // Typed like a user: the code, then Enter takes the first match (and does not press Import).
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        picker->searchField()->setFocus();
        QTest::keyClicks(picker->searchField(), QStringLiteral("4547"));
        QTest::keyClick(picker->searchField(), Qt::Key_Return);
        QCOMPARE(picker->selectedCode(), QStringLiteral("EPSG:4547"));
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(dialog.assumedCrs(), QStringLiteral("EPSG:4547"));
        QVERIFY2(dialog.importButton()->isEnabled(), qPrintable(dialog.problem()));
        QCOMPARE(dialog.requests()[0].options.assumeCrs, std::string("EPSG:4547"));
        QCOMPARE(dialog.projectCrs().definition, std::string("EPSG:4547"));
        saveScreenshot(dialog, QStringLiteral("import_dialog_crs_picked.png"));

        // Another project CRS, searched by name among projected CRSs in metres.
        dialog.setProjectCrsOverride(QStringLiteral("EPSG:32650"));
        QCOMPARE(dialog.projectCrs().definition, std::string("EPSG:32650"));
        QVERIFY(dialog.projectCrsPicker()->isVisible());
        saveScreenshot(dialog, QStringLiteral("import_dialog_project_crs.png"));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("projectCrsLabel"))
                    ->text()
                    .contains(QStringLiteral("32650")));
    }

    void crsPickerFindsByCodeAndName() {
        app::CrsPicker picker(false);
        QTest::keyClicks(picker.searchField(), QStringLiteral("CGCS2000 / 3-degree Gauss-Kruger CM 114E"));
        picker.searchNow();
        QVERIFY(picker.results()->topLevelItemCount() > 0);
        QCOMPARE(picker.results()->topLevelItem(0)->text(0), QStringLiteral("EPSG:4547"));
        QVERIFY(picker.results()->topLevelItem(0)->text(2).contains(QStringLiteral("metres")));
        QVERIFY(picker.selectedCode().isEmpty()); // nothing chosen until the user picks
        picker.results()->setCurrentItem(picker.results()->topLevelItem(0));
        QCOMPARE(picker.selectedCode(), QStringLiteral("EPSG:4547"));

        auto byCode = gis::io::searchCrs("4547");
        QCOMPARE(byCode.front().code, std::string("EPSG:4547"));
        QCOMPARE(byCode.front().type, gis::io::CrsType::Projected);
        QVERIFY(byCode.front().metres);

        // The project picker lists only projected CRSs in metres: no lon/lat.
        app::CrsPicker projected(true);
        projected.searchField()->setText(QStringLiteral("WGS 84"));
        projected.searchNow();
        for (int i = 0; i < projected.results()->topLevelItemCount(); ++i)
            QVERIFY(projected.results()->topLevelItem(i)->text(0) != QStringLiteral("EPSG:4326"));
    }

    void unreadableFilesBlockTheImport() {
        const QString junk = mDir.filePath(QStringLiteral("junk.gpkg"));
        writeText(junk, "not a geopackage");
        ImportDialog dialog(gis::Crs{"EPSG:4547"});
        dialog.addSources({mBuildings, junk});
        QVERIFY(dialog.waitForPreviews());
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("junk.gpkg")));
        dialog.setCurrentSource(1);
        saveScreenshot(dialog, QStringLiteral("import_dialog_unreadable.png"));
        dialog.setCurrentSource(1);
        dialog.removeCurrentSource();
        QCOMPARE(dialog.sourceCount(), 1);
        QVERIFY(dialog.importButton()->isEnabled());
    }

    void importRunsWithTheChosenOptions() {
        QWidget window;
        app::Document document;
        app::TaskRunner tasks;
        app::RecentFiles recent(nullptr, QStringLiteral("testRecent"));
        app::FileController files(&window, &document, &tasks, &recent);
        QSignalSpy log(&files, &app::FileController::logMessage);
        ImportDialog* dialog = files.showImportDialog({mBuildings});
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->waitForPreviews());
        dialog->setStoreyHeight(4);
        dialog->setDefaultHeight(12);
        QVERIFY(waitForPreview(*dialog));
        dialog->importButton()->click();
        QVERIFY(tasks.waitForFinished(60000));
        QCoreApplication::processEvents();
        QCOMPARE(document.layerCount(), 1);
        QCOMPARE(document.project().crs.definition, std::string("EPSG:4547"));
        const auto& buildings = std::get<gis::BuildingLayerData>(document.layerAt(0)->data).buildings;
        QCOMPARE(buildings.size(), std::size_t(4));
        QCOMPARE(buildings[0].height, 24.5);
        QCOMPARE(buildings[1].height, 24.0); // 6 storeys x 4 m
        QCOMPARE(buildings[2].height, 30.0);
        QCOMPARE(buildings[3].height, 12.0); // the default, reported
        bool reported = false;
        for (const auto& args : log)
            reported |= args.at(1).toString().contains(QStringLiteral(
                "4 building(s): 2 with a height, 1 from storeys × 4 m, 1 got the default height of 12 m"));
        QVERIFY2(reported, "the height counts are reported in the Messages panel");

        // Storeys only (the height field set to none): the import does what the preview said.
        dialog = files.showImportDialog({mBuildings});
        QVERIFY(dialog->waitForPreviews());
        QVERIFY(dialog->projectCrs().isEmpty()); // the project has its CRS now
        dialog->setField(FieldRole::Height, QString());
        QVERIFY(waitForPreview(*dialog));
        QCOMPARE(dialog->previewText(),
                 QStringLiteral("0 with height, 2 from storeys, 2 get the default height (12 m)"));
        dialog->importButton()->click();
        QVERIFY(tasks.waitForFinished(60000));
        QCoreApplication::processEvents();
        QCOMPARE(document.layerCount(), 2);
        const auto& second = std::get<gis::BuildingLayerData>(document.layerAt(1)->data).buildings;
        QCOMPARE(second.size(), std::size_t(4));
        QCOMPARE(second[0].height, 12.0);
        QCOMPARE(second[1].height, 24.0);
        QCOMPARE(second[2].height, 16.0);
        QCOMPARE(second[3].height, 12.0);
        // Remembered for the next import.
        ImportDialog next(gis::Crs{});
        QCOMPARE(next.findChild<QDoubleSpinBox*>(QStringLiteral("storeyHeight"))->value(), 4.0);
        QCOMPARE(next.findChild<QDoubleSpinBox*>(QStringLiteral("defaultHeight"))->value(), 12.0);
        QSettings().clear();
    }

    void postgisConnectionStrings() {
        app::PostgisParams p;
        p.host = QStringLiteral("127.0.0.1");
        p.port = 5433;
        p.database = QStringLiteral("city");
        p.user = QStringLiteral("planner");
        p.password = QStringLiteral("it's secret");
        p.tables = QStringList{QStringLiteral("zones"), QStringLiteral("public.buildings")};
        QCOMPARE(
            app::postgisConnectionString(p),
            QStringLiteral("PG:host=127.0.0.1 port=5433 dbname=city user=planner password='it\\'s secret' "
                           "tables=zones,public.buildings"));
        app::PostgisParams local;
        local.port = 0;
        local.database = QStringLiteral("gis");
        QCOMPARE(app::postgisConnectionString(local), QStringLiteral("PG:dbname=gis"));
    }

    // A real PostgreSQL + PostGIS server: the tables listed (polygon ones ticked), the connection string with
    // the ticked tables previewed and imported like a file.
    void databaseTablesThroughTheDialog() {
        std::unique_ptr<urbis_test::PostgisServer> server;
        URBIS_START_POSTGIS(server);
        const gis::Project city = gis::demo::makeDemoCity();
        const gis::Layer* zones = nullptr;
        for (const auto& l : city.layers)
            if (l.kind() == gis::LayerKind::Zones)
                zones = &l;
        QVERIFY(zones);
        const gis::Status written =
            gis::io::writeZoneLayer(server->connection().toStdString(), *zones, city.crs, "zoning", false);
        QVERIFY2(written.isOk(), written.error().c_str());
        QVERIFY(!server
                     ->sql("CREATE TABLE roads (id serial PRIMARY KEY, geom geometry(LineString, 4547)); "
                           "INSERT INTO roads (geom) VALUES "
                           "('SRID=4547;LINESTRING(528800 3380500, 528900 3380500)')")
                     .isNull());

        app::DatabaseDialog database;
        database.findChild<QLineEdit*>(QStringLiteral("pgConnection"))->setText(server->connection());
        QVERIFY(database.listTables());
        QCOMPARE(database.tables()->topLevelItemCount(), 2);
        const QString connection = database.connection();
        QVERIFY2(connection.endsWith(QStringLiteral(" tables=zoning")), qPrintable(connection));

        ImportDialog dialog(gis::Crs{});
        dialog.addSources({connection});
        QVERIFY(dialog.waitForPreviews());
        QVERIFY2(dialog.preview(), qPrintable(dialog.problem()));
        QCOMPARE(dialog.preview()->kind, gis::io::SourceKind::Database);
        QCOMPARE(dialog.preview()->crs, std::string("EPSG:4547"));
        QCOMPARE(dialog.preview()->counts.zones, std::int64_t(zones->featureCount()));
        QCOMPARE(dialog.field(FieldRole::ZoneClass), QStringLiteral("class"));
        QVERIFY(dialog.importButton()->isEnabled());
        QCOMPARE(dialog.projectCrs().definition, std::string("EPSG:4547"));
        // The wrong port: a clear message in the dialog, nothing listed.
        app::DatabaseDialog wrong;
        wrong.findChild<QLineEdit*>(QStringLiteral("pgConnection"))
            ->setText(QStringLiteral("PG:host=127.0.0.1 port=1 dbname=none user=nobody"));
        QVERIFY(!wrong.listTables());
        QCOMPARE(wrong.tables()->topLevelItemCount(), 0);
    }

    // Pictures of the dialog in Chinese for a look (only with URBIS_DIALOG_SCREENSHOTS set).
    void chineseScreenshot() {
        if (qEnvironmentVariableIsEmpty("URBIS_DIALOG_SCREENSHOTS"))
            QSKIP("set URBIS_DIALOG_SCREENSHOTS=folder for pictures");
        app::Translations translations;
        translations.install(QLocale(QStringLiteral("zh_CN")));
        ImportDialog dialog(gis::Crs{});
        dialog.addSources({mSurvey, mNoCrs});
        QVERIFY(dialog.waitForPreviews());
        saveScreenshot(dialog, QStringLiteral("import_dialog_zh.png"));
        dialog.setCurrentSource(1);
        saveScreenshot(dialog, QStringLiteral("import_dialog_zh_no_crs.png"));
    }
};

int main(int argc, char** argv) {
    // Widgets only (no OpenGL): always offscreen, so that no window of this test appears on the X display the
    // GL tests share (scripts/test.sh runs them under one xvfb-run): a window taking the keyboard focus there
    // makes a GL test's held key go up (ViewerWidget::focusOutEvent) and its walker stop.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("UrbisTest"));
    QApplication::setApplicationName(QStringLiteral("test_import_dialog"));
    QLocale::setDefault(QLocale::c());
    TestImportDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_import_dialog.moc"
