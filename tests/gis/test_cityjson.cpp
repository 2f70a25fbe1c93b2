// CityJSON 1.1/2.0 and CityJSONSeq on small files written here: transform, LoD selection, semantics, bad
// vertex indices, missing CRS, missing textures, `info` city object counts and the project file reference.
#include "common/test_files.h"
#include "gis/io/cityjson.h"
#include "gis/io/dataset_info.h"
#include "gis/io/import_dataset.h"
#include "gis/io/project_file.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace gis;

namespace {
using urbis_test::writeText;

// Cube B1 (10 m, LoD1 without semantics and LoD2 with semantics), its BuildingPart P1 (a roof at 15 m), a
// Road with a hole (20 m square minus 4 m square) and object "bad" with a vertex index out of range.
// Integer vertices: v * 0.01 + (85000, 447000, 1).
QByteArray cityJson(const char* version, bool withCrs, const char* extra = "") {
    QByteArray crs =
        withCrs ? R"("metadata": {"referenceSystem": "https://www.opengis.net/def/crs/EPSG/0/7415"},)" : "";
    return QByteArray(R"({"type": "CityJSON", "version": ")") + version + R"(", )" + crs + extra + R"(
 "transform": {"scale": [0.01, 0.01, 0.01], "translate": [85000.0, 447000.0, 1.0]},
 "CityObjects": {
  "B1": {"type": "Building", "children": ["P1"], "geometry": [
    {"type": "Solid", "lod": "1", "boundaries": [[[[0,3,2,1]], [[4,5,6,7]], [[0,1,5,4]], [[1,2,6,5]], [[2,3,7,6]], [[3,0,4,7]]]]},
    {"type": "Solid", "lod": "2.2", "boundaries": [[[[0,3,2,1]], [[4,5,6,7]], [[0,1,5,4]], [[1,2,6,5]], [[2,3,7,6]], [[3,0,4,7]]]],
     "semantics": {"surfaces": [{"type": "GroundSurface"}, {"type": "RoofSurface"}, {"type": "WallSurface"}],
                   "values": [[0, 1, 2, 2, 2, 2]]}}]},
  "P1": {"type": "BuildingPart", "parents": ["B1"], "geometry": [
    {"type": "MultiSurface", "lod": "2.2", "boundaries": [[[8,9,10,11]]],
     "semantics": {"surfaces": [{"type": "RoofSurface"}], "values": [0]}}]},
  "R1": {"type": "Road", "geometry": [
    {"type": "MultiSurface", "lod": "1", "boundaries": [[[12,13,14,15], [16,19,18,17]]]}]},
  "bad": {"type": "Building", "geometry": [
    {"type": "Solid", "lod": "1", "boundaries": [[[[0,1,999]]]]}]}
 },
 "vertices": [[0,0,0],[1000,0,0],[1000,1000,0],[0,1000,0],[0,0,1000],[1000,0,1000],[1000,1000,1000],[0,1000,1000],
   [0,0,1500],[500,0,1500],[500,500,1500],[0,500,1500],
   [2000,0,0],[4000,0,0],[4000,2000,0],[2000,2000,0],[2800,800,0],[3200,800,0],[3200,1200,0],[2800,1200,0]]
})";
}

double triangleArea(const TriangleMesh& m, std::size_t t) {
    const Vec3 a = m.vertices[m.indices[3 * t]], b = m.vertices[m.indices[3 * t + 1]],
               c = m.vertices[m.indices[3 * t + 2]];
    return (b - a).cross(c - a).length() / 2;
}

const CityModelLayerData& cityModel(const io::ImportReport& r) {
    return std::get<CityModelLayerData>(r.layers.front().data);
}

std::size_t objectIndex(const CityModelLayerData& d, const std::string& id) {
    for (std::size_t i = 0; i < d.objects.size(); ++i)
        if (d.objects[i].id == id)
            return i;
    return std::size_t(-1);
}
} // namespace

class TestCityJson : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;

    Result<io::ImportReport> import(const QString& path, const std::string& assumeCrs = {},
                                    const std::string& lod = {}) {
        Project p;
        io::ImportOptions options;
        options.assumeCrs = assumeCrs;
        Progress progress;
        if (lod.empty())
            return io::importDataset(path.toStdString(), p, options, progress);
        return io::importCityJson(path.toStdString(), p, options, io::CityJsonOptions{lod}, progress);
    }

private slots:
    void highestLodSemanticsTransformAndBadObject() {
        const QString path = mDir.filePath("cube.city.json");
        writeText(path, cityJson("2.0", true));
        QVERIFY(io::isCityJson(path.toStdString()));
        auto r = import(path);
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->datasetCrs.definition, std::string("EPSG:7415"));
        QCOMPARE(r->layers.size(), std::size_t(1));
        QCOMPARE(r->layers.front().kind(), LayerKind::CityModel);
        const auto& d = cityModel(r.value());
        QCOMPARE(d.objects.size(), std::size_t(3)); // B1, P1, R1; "bad" skipped
        const std::size_t b1 = objectIndex(d, "B1"), p1 = objectIndex(d, "P1"), r1 = objectIndex(d, "R1");
        QVERIFY(b1 < 3 && p1 < 3 && r1 < 3);
        QCOMPARE(d.objects[b1].lod, std::string("2.2")); // default: the highest LoD
        QCOMPARE(d.objects[p1].type, std::string("BuildingPart"));
        QCOMPARE(d.objects[p1].parent, std::string("B1"));
        QCOMPARE(d.objects[r1].lod, std::string("1"));
        // The bad object is named, with the file, and skipped; the others are imported.
        bool named = false;
        for (const auto& w : r->warnings)
            named |= w.find("'bad'") != std::string::npos && w.find("out of range") != std::string::npos &&
                     w.find("cube.city.json") != std::string::npos && w.find("skipped") != std::string::npos;
        QVERIFY(named);
        QCOMPARE(r->heights.skipped, std::int64_t(1));

        const TriangleMesh& m = *d.mesh;
        QCOMPARE(m.surfaces.size(), m.triangleCount());
        QCOMPARE(m.objectIds.size(), m.triangleCount());
        double roof = 0, wall = 0, ground = 0, road = 0, partRoof = 0;
        double minZ = 1e9, maxZ = -1e9;
        for (std::size_t t = 0; t < m.triangleCount(); ++t) {
            const double a = triangleArea(m, t);
            if (m.objectIds[t] == b1) {
                roof += m.surfaces[t] == Surface::Roof ? a : 0;
                wall += m.surfaces[t] == Surface::Wall ? a : 0;
                ground += m.surfaces[t] == Surface::Ground ? a : 0;
            } else if (m.objectIds[t] == p1) {
                partRoof += m.surfaces[t] == Surface::Roof ? a : 0;
            } else if (m.objectIds[t] == r1) {
                road += a;
                QCOMPARE(m.surfaces[t], Surface::Unknown);
            }
        }
        for (const auto& v : m.vertices) {
            minZ = std::min(minZ, v.z);
            maxZ = std::max(maxZ, v.z);
        }
        QVERIFY(std::abs(roof - 100) < 1e-6 && std::abs(ground - 100) < 1e-6 && std::abs(wall - 400) < 1e-6);
        QVERIFY(std::abs(partRoof - 25) < 1e-6);
        QVERIFY2(std::abs(road - 384) < 1e-6, "the road's hole is cut out (400 - 16 m2)");
        QCOMPARE(minZ, 1.0);  // translate z
        QCOMPARE(maxZ, 16.0); // 1500 * 0.01 + 1
        const Extent e = r->layers.front().extent();
        QVERIFY(std::abs(e.minX - 85000) < 1e-9 && std::abs(e.maxX - 85040) < 1e-9);
        QVERIFY(std::abs(e.minY - 447000) < 1e-9 && std::abs(e.maxY - 447020) < 1e-9);
        // Faces point outwards: the roof's triangles face up, the ground's down.
        for (std::size_t t = 0; t < m.triangleCount(); ++t) {
            if (m.objectIds[t] != b1 || m.surfaces[t] == Surface::Wall)
                continue;
            const Vec3 a = m.vertices[m.indices[3 * t]], b = m.vertices[m.indices[3 * t + 1]],
                       c = m.vertices[m.indices[3 * t + 2]];
            const double nz = (b - a).cross(c - a).z;
            QVERIFY(m.surfaces[t] == Surface::Roof ? nz > 0 : nz < 0);
        }
    }

    void requestedLodAndNormalClassification() {
        const QString path = mDir.filePath("cube_lod1.json");
        writeText(path, cityJson("1.1", true));
        auto r = import(path, {}, "1");
        QVERIFY2(r, r.error().c_str());
        const auto& d = cityModel(r.value());
        const std::size_t b1 = objectIndex(d, "B1");
        QCOMPARE(d.objects[b1].lod, std::string("1"));
        // P1 has no LoD1: its highest LoD is used, and the user is told.
        QCOMPARE(d.objects[objectIndex(d, "P1")].lod, std::string("2.2"));
        bool told = false;
        for (const auto& w : r->warnings)
            told |= w.find("no LoD 1") != std::string::npos;
        QVERIFY(told);
        // No semantics in LoD1: classified by the normals.
        const TriangleMesh& m = *d.mesh;
        int roof = 0, wall = 0, ground = 0;
        for (std::size_t t = 0; t < m.triangleCount(); ++t)
            if (m.objectIds[t] == b1) {
                roof += m.surfaces[t] == Surface::Roof;
                wall += m.surfaces[t] == Surface::Wall;
                ground += m.surfaces[t] == Surface::Ground;
            }
        QCOMPARE(roof, 2);
        QCOMPARE(ground, 2);
        QCOMPARE(wall, 8);
    }

    void missingCrsAsksForOne() {
        const QString path = mDir.filePath("nocrs.json");
        writeText(path, cityJson("2.0", false));
        auto r = import(path);
        QVERIFY(!r);
        QVERIFY2(r.error().find("--assume-crs") != std::string::npos, r.error().c_str());
        QVERIFY(r.error().find("nocrs.json") != std::string::npos);
        auto assumed = import(path, "EPSG:7415");
        QVERIFY2(assumed, assumed.error().c_str());
        QCOMPARE(cityModel(assumed.value()).sourceCrs, std::string("EPSG:7415"));
        QCOMPARE(assumed->datasetCrs.definition, std::string("EPSG:7415"));
    }

    void missingTexturesAreNamed() {
        QVERIFY(QDir(mDir.path()).mkpath("tex/appearances"));
        const QString path = mDir.filePath("tex/textured.json");
        QByteArray json = cityJson(
            "2.0", true,
            R"("appearance": {"textures": [{"type": "JPG", "image": "appearances/present.jpg"}, {"type": "JPG", "image": "appearances/gone.jpg"}],
               "vertices-texture": [[0,0],[1,0],[1,1],[0,1]]},)");
        json.replace(R"("values": [0]}}]},)",
                     R"("values": [0]}, "texture": {"t": {"values": [[[1, 0, 1, 2, 3]]]}}}]},)");
        json.replace(
            R"([[[12,13,14,15], [16,19,18,17]]]}]},)",
            R"([[[12,13,14,15], [16,19,18,17]]], "texture": {"t": {"values": [[[0, 0, 1, 2, 3], [0, 0, 1, 2, 3]]]}}}]},)");
        writeText(path, json);
        writeText(mDir.filePath("tex/appearances/present.jpg"), "not really a jpeg");
        auto r = import(path);
        QVERIFY2(r, r.error().c_str());
        bool warned = false;
        for (const auto& w : r->warnings)
            warned |= w.find("gone.jpg") != std::string::npos &&
                      w.find("textured.json") != std::string::npos && w.find("1 of 2") != std::string::npos &&
                      w.find("present.jpg") == std::string::npos;
        QVERIFY(warned);
    }

    void cityJsonSeq() {
        const QString path = mDir.filePath("seq.city.jsonl");
        writeText(
            path,
            QByteArrayList{
                R"({"type": "CityJSON", "version": "2.0", "transform": {"scale": [0.001, 0.001, 0.001], "translate": [85000, 447000, 0]}, "metadata": {"referenceSystem": "https://www.opengis.net/def/crs/EPSG/0/7415"}, "CityObjects": {}, "vertices": []})",
                R"({"type": "CityJSONFeature", "id": "A", "CityObjects": {"A": {"type": "Building", "geometry": [{"type": "MultiSurface", "lod": "2", "boundaries": [[[0,1,2,3]]], "semantics": {"surfaces": [{"type": "RoofSurface"}], "values": [0]}}]}}, "vertices": [[0,0,5000],[4000,0,5000],[4000,4000,5000],[0,4000,5000]]})",
                R"({"type": "CityJSONFeature", "id": "B", "CityObjects": {"B": {"type": "Building", "children": ["B-1"]}, "B-1": {"type": "BuildingPart", "parents": ["B"], "geometry": [{"type": "MultiSurface", "lod": "2", "boundaries": [[[0,1,2]]]}]}}, "vertices": [[10000,0,0],[12000,0,0],[12000,0,3000]]})"}
                .join('\n'));
        QVERIFY(io::isCityJson(path.toStdString()));
        auto r = import(path);
        QVERIFY2(r, r.error().c_str());
        const auto& d = cityModel(r.value());
        QCOMPARE(d.objects.size(), std::size_t(2)); // A and B-1 (B has no geometry of its own)
        const Extent e = r->layers.front().extent();
        QVERIFY(std::abs(e.minX - 85000) < 1e-9 && std::abs(e.maxX - 85012) < 1e-9);
        QCOMPARE(d.mesh->vertices.front().z, 5.0);
        auto info = io::describeDataset(path.toStdString());
        QVERIFY2(info, info.error().c_str());
        QCOMPARE(info->format, std::string("CityJSONSeq 2.0"));
        QCOMPARE(info->cityObjects.at("Building"), std::int64_t(2));
        QCOMPARE(info->cityObjects.at("BuildingPart"), std::int64_t(1));
    }

    void infoCountsCityObjectsByType() {
        const QString path = mDir.filePath("info.city.json");
        writeText(path, cityJson("2.0", true));
        auto info = io::describeDataset(path.toStdString());
        QVERIFY2(info, info.error().c_str());
        QCOMPARE(info->driver, std::string("CityJSON"));
        QCOMPARE(info->format, std::string("CityJSON 2.0"));
        QCOMPARE(info->crs, std::string("EPSG:7415"));
        QCOMPARE(info->cityObjects.size(), std::size_t(3));
        QCOMPARE(info->cityObjects.at("Building"), std::int64_t(2));
        QCOMPARE(info->cityObjects.at("BuildingPart"), std::int64_t(1));
        QCOMPARE(info->cityObjects.at("Road"), std::int64_t(1));
        QCOMPARE(info->lods, (std::vector<std::string>{"1", "2.2"}));
        QVERIFY(info->extentLonLat);
        QVERIFY(info->extentLonLat->minX > 4.3 && info->extentLonLat->maxX < 4.4); // RD New near Delft
        QVERIFY(info->extentLonLat->minY > 51.9 && info->extentLonLat->maxY < 52.1);
    }

    void geoJsonIsNotCityJson() {
        const QString path = mDir.filePath("plain.json");
        writeText(path, R"({"type": "FeatureCollection", "features": []})");
        QVERIFY(!io::isCityJson(path.toStdString()));
    }

    void malformedJsonNamesTheFile() {
        const QString path = mDir.filePath("broken.city.json");
        writeText(path, R"({"type": "CityJSON", "version": "2.0", "CityObjects": {"A": )");
        auto r = import(path, "EPSG:7415");
        QVERIFY(!r);
        QVERIFY2(r.error().find("broken.city.json") != std::string::npos, r.error().c_str());
    }

    void projectKeepsAReferenceAndRereads() {
        const QString data = mDir.filePath("ref_nocrs.json");
        writeText(data, cityJson("2.0", false));
        auto r = import(data, "EPSG:7415");
        QVERIFY2(r, r.error().c_str());
        Project p;
        p.crs = r->datasetCrs;
        p.layers = r->layers;
        const QString project = mDir.filePath("city.gpkg");
        auto saved = io::writeProject(p, project.toStdString());
        QVERIFY2(saved, saved.error().c_str());
        auto back = io::readProject(project.toStdString());
        QVERIFY2(back, back.error().c_str());
        QCOMPARE(back->layers.size(), std::size_t(1));
        QCOMPARE(back->layers.front().kind(), LayerKind::CityModel);
        const auto& d = std::get<CityModelLayerData>(back->layers.front().data);
        QCOMPARE(d.sourceCrs, std::string("EPSG:7415"));
        QCOMPARE(d.objects.size(), std::size_t(3));
        QVERIFY(d.mesh && d.mesh->triangleCount() == cityModel(r.value()).mesh->triangleCount());
        auto info = io::describeDataset(project.toStdString());
        QVERIFY2(info, info.error().c_str());
        QCOMPARE(info->layers.front().kind, std::string("city_model"));
    }
};

QTEST_APPLESS_MAIN(TestCityJson)
#include "test_cityjson.moc"
