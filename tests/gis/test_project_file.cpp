#include "gis/demo/demo_city.h"
#include "gis/io/project_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace gis;

namespace {
QByteArray sha(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void compareProjects(const Project& a, const Project& b) {
    QCOMPARE(b.crs, a.crs);
    QCOMPARE(b.title, a.title);
    QCOMPARE(b.view.has_value(), a.view.has_value());
    if (a.view) {
        QVERIFY(std::abs(b.view->east - a.view->east) < 1e-3);
        QVERIFY(std::abs(b.view->pitch - a.view->pitch) < 1e-3);
    }
    QCOMPARE(b.layers.size(), a.layers.size());
    for (std::size_t i = 0; i < a.layers.size(); ++i) {
        const Layer &la = a.layers[i], &lb = b.layers[i];
        QCOMPARE(lb.id, la.id);
        QCOMPARE(lb.name, la.name);
        QCOMPARE(lb.visible, la.visible);
        QCOMPARE(lb.kind(), la.kind());
        QCOMPARE(lb.featureCount(), la.featureCount());
        if (la.kind() == LayerKind::Buildings) {
            const auto& ba = std::get<BuildingLayerData>(la.data).buildings;
            const auto& bb = std::get<BuildingLayerData>(lb.data).buildings;
            for (std::size_t k = 0; k < ba.size(); ++k) {
                QCOMPARE(bb[k].id, ba[k].id);
                QCOMPARE(bb[k].height, ba[k].height);
                QCOMPARE(bb[k].baseZ, ba[k].baseZ);
                QCOMPARE(bb[k].footprint.outer.size(), ba[k].footprint.outer.size());
                QCOMPARE(bb[k].footprint.holes.size(), ba[k].footprint.holes.size());
                QVERIFY(std::abs(area(bb[k].footprint) - area(ba[k].footprint)) < 1e-6);
            }
        }
        if (la.kind() == LayerKind::Terrain) {
            const auto& ta = std::get<TerrainLayerData>(la.data);
            const auto& tb = std::get<TerrainLayerData>(lb.data);
            QVERIFY(tb.dem);
            QCOMPARE(tb.dem->data, ta.dem->data);
        }
    }
}

// Writes a value into urbis_meta through GDAL (as another program would).
void setMeta(const QString& path, const char* key, const char* value) {
    GDALDataset* ds = static_cast<GDALDataset*>(
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    QVERIFY(ds);
    OGRLayer* meta = ds->GetLayerByName("urbis_meta");
    QVERIFY(meta);
    meta->SetAttributeFilter((std::string("key = '") + key + "'").c_str());
    OGRFeature* f = meta->GetNextFeature();
    QVERIFY(f);
    f->SetField("value", value);
    QCOMPARE(meta->SetFeature(f), OGRERR_NONE);
    OGRFeature::DestroyFeature(f);
    GDALClose(ds);
}
} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;

private slots:
    void roundTrip() {
        Project p = demo::makeDemoCity();
        p.view = CameraView{528800, 3380000, 400, 20, -35};
        p.layers[1].visible = false;
        const QString path = mDir.filePath("city.gpkg");
        auto st = io::writeProject(p, path.toStdString());
        QVERIFY2(st, st.error().c_str());
        QVERIFY(io::isUrbisProject(path.toStdString()));
        auto back = io::readProject(path.toStdString());
        QVERIFY2(back, back.error().c_str());
        compareProjects(p, back.value());
        // No temporary file is left behind.
        QCOMPARE(QDir(mDir.path()).entryList(QStringList{"*.saving-*"}).size(), 0);
    }
    void overwriteKeepsOnlyTheNewContent() {
        const QString path = mDir.filePath("over.gpkg");
        Project a = demo::makeDemoCity({.seed = 1});
        Project b = demo::makeDemoCity({.seed = 2});
        QVERIFY(io::writeProject(a, path.toStdString()));
        QVERIFY(io::writeProject(b, path.toStdString()));
        auto back = io::readProject(path.toStdString());
        QVERIFY(back);
        compareProjects(b, back.value());
    }
    void failedSaveLeavesThePreviousFile() {
        const QString path = mDir.filePath("keep.gpkg");
        QVERIFY(io::writeProject(demo::makeDemoCity(), path.toStdString()));
        const QByteArray before = sha(path);
        Project cancelled = demo::makeDemoCity({.buildingCount = 20000});
        Progress progress;
        progress.cancel();
        auto st = io::writeProject(cancelled, path.toStdString(), progress);
        QVERIFY(!st);
        QVERIFY(st.error().find("previous file was not changed") != std::string::npos);
        QCOMPARE(sha(path), before);
        QCOMPARE(QDir(mDir.path()).entryList(QStringList{"*.saving-*"}).size(), 0);
    }
    void saveIntoMissingFolderFailsClearly() {
        auto st = io::writeProject(demo::makeDemoCity(), mDir.filePath("no/such/dir/x.gpkg").toStdString());
        QVERIFY(!st);
        QVERIFY(st.error().find("no/such/dir/x.gpkg") != std::string::npos);
    }
    void missingFile() {
        auto r = io::readProject(mDir.filePath("absent.gpkg").toStdString());
        QVERIFY(!r);
        QVERIFY(r.error().find("does not exist") != std::string::npos);
    }
    void textFileIsNotAProject() {
        const QString path = mDir.filePath("notes.gpkg");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just some text\n");
        f.close();
        const QByteArray before = sha(path);
        auto r = io::readProject(path.toStdString());
        QVERIFY(!r);
        QVERIFY2(r.error().find("not a Urbis project") != std::string::npos, r.error().c_str());
        QCOMPARE(sha(path), before);
    }
    void plainGeoPackageIsNotAProject() {
        const QString path = mDir.filePath("plain.gpkg");
        GDALAllRegister();
        GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
            path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
        QVERIFY(ds);
        QVERIFY(ds->CreateLayer("roads", nullptr, wkbLineString, nullptr));
        GDALClose(ds);
        const QByteArray before = sha(path);
        auto r = io::readProject(path.toStdString());
        QVERIFY(!r);
        QVERIFY2(r.error().find("not a Urbis project") != std::string::npos, r.error().c_str());
        QVERIFY(r.error().find("Import") != std::string::npos);
        QCOMPARE(sha(path), before);
    }
    void newerSchemaIsRefused() {
        const QString path = mDir.filePath("newer.gpkg");
        QVERIFY(io::writeProject(demo::makeDemoCity(), path.toStdString()));
        setMeta(path, "schema_version", "99");
        const QByteArray before = sha(path);
        auto r = io::readProject(path.toStdString());
        QVERIFY(!r);
        QVERIFY2(r.error().find("newer Urbis") != std::string::npos, r.error().c_str());
        QCOMPARE(sha(path), before);
    }
    void truncatedFileIsDamaged() {
        const QString good = mDir.filePath("good.gpkg");
        QVERIFY(io::writeProject(demo::makeDemoCity(), good.toStdString()));
        const QString bad = mDir.filePath("truncated.gpkg");
        QFile in(good);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 3));
        out.close();
        const QByteArray before = sha(bad);
        auto r = io::readProject(bad.toStdString());
        QVERIFY(!r);
        QVERIFY2(r.error().find("damaged") != std::string::npos, r.error().c_str());
        QCOMPARE(sha(bad), before);
        // Given to the app, it is opened (to say "damaged"), not imported as data.
        QCOMPARE(io::fileRole(bad.toStdString()), io::FileRole::DamagedProject);
        QCOMPARE(io::fileRole(good.toStdString()), io::FileRole::Project);
        QCOMPARE(sha(bad), before);
    }
    void externalTerrainIsRelativeAndReprojected();
};

// A terrain layer referencing a GeoTIFF is stored relative to the project and loaded again on open.
#include "gis/io/raster_io.h"
void TestProjectFile::externalTerrainIsRelativeAndReprojected() {
    QDir(mDir.path()).mkpath("data");
    RasterF dem(20, 20, 528000, 3381000, 50, 0.0f);
    for (int r = 0; r < 20; ++r)
        for (int c = 0; c < 20; ++c)
            dem.at(c, r) = float(r + c);
    const QString tif = mDir.filePath("data/dem.tif");
    QVERIFY(io::writeGeoTiff(dem, Crs{"EPSG:4547"}, tif.toStdString()));
    Project p;
    p.crs.definition = "EPSG:4547";
    p.layers.push_back(
        {"dem", "DEM", true, TerrainLayerData{tif.toStdString(), std::make_shared<RasterF>(dem)}});
    const QString path = mDir.filePath("ext.gpkg");
    QVERIFY(io::writeProject(p, path.toStdString()));
    auto back = io::readProject(path.toStdString());
    QVERIFY2(back, back.error().c_str());
    const auto& t = std::get<TerrainLayerData>(back->layers[0].data);
    QVERIFY(t.dem);
    QCOMPARE(t.dem->width, 20);
    QCOMPARE(t.dem->at(3, 4), 7.0f);
}

QTEST_APPLESS_MAIN(TestProjectFile)
#include "test_project_file.moc"
