// CityGML 2.0 on small files written here: counts and semantics, the CRS from srsName, refusal of
// CityGML 3.0, a missing srsName, a malformed file, `info` and the project file reference.
#include "common/test_files.h"
#include "gis/io/citygml_import.h"
#include "gis/io/dataset_info.h"
#include "gis/io/import_dataset.h"
#include "gis/io/project_file.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace gis;

namespace {
using urbis_test::writeText;

QByteArray ring(const char* coordinates) {
    return QByteArray("<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension=\"3\">") +
           coordinates + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
}

// Building B1 in Berlin (EPSG:25833): a WallSurface (10 x 10 m, vertical), a RoofSurface at 40 m and an
// unclassified downward-facing polygon at 30 m (classified as ground by its normal).
QByteArray cityGml(const QByteArray& srs = "EPSG:25833",
                   const QByteArray& ns = "http://www.opengis.net/citygml/2.0") {
    const QByteArray envelope =
        srs.isEmpty()
            ? QByteArray()
            : "<gml:boundedBy><gml:Envelope srsName=\"" + srs +
                  "\" srsDimension=\"3\"><gml:lowerCorner>390500 5819300 30</gml:lowerCorner>"
                  "<gml:upperCorner>390510 5819310 40</gml:upperCorner></gml:Envelope></gml:boundedBy>";
    const QByteArray bldg = ns == "http://www.opengis.net/citygml/2.0"
                                ? "http://www.opengis.net/citygml/building/2.0"
                                : "http://www.opengis.net/citygml/building/3.0";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<core:CityModel xmlns:core=\"" + ns +
           "\" xmlns:bldg=\"" + bldg + "\" xmlns:gml=\"http://www.opengis.net/gml\">" + envelope +
           "<core:cityObjectMember><bldg:Building gml:id=\"B1\">"
           "<bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>" +
           ring("390500 5819300 30 390500 5819310 30 390510 5819310 30 390510 5819300 30 390500 5819300 30") +
           "</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface>"
           "<bldg:boundedBy><bldg:WallSurface gml:id=\"W1\"><bldg:lod2MultiSurface><gml:MultiSurface>"
           "<gml:surfaceMember>" +
           ring("390500 5819300 30 390510 5819300 30 390510 5819300 40 390500 5819300 40 390500 5819300 30") +
           "</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:WallSurface></"
           "bldg:boundedBy>"
           "<bldg:boundedBy><bldg:RoofSurface gml:id=\"R1\"><bldg:lod2MultiSurface><gml:MultiSurface>"
           "<gml:surfaceMember>" +
           ring("390500 5819300 40 390510 5819300 40 390510 5819310 40 390500 5819310 40 390500 5819300 40") +
           "</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></"
           "bldg:boundedBy>"
           "</bldg:Building></core:cityObjectMember></core:CityModel>\n";
}
} // namespace

class TestCityGml : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;

    Result<io::ImportReport> import(const QString& path, const std::string& assumeCrs = {}) {
        Project p;
        io::ImportOptions options;
        options.assumeCrs = assumeCrs;
        Progress progress;
        return io::importDataset(path.toStdString(), p, options, progress);
    }

private slots:
    void srsNames() {
        QCOMPARE(io::crsFromSrsName("EPSG:25833").definition, std::string("EPSG:25833"));
        QCOMPARE(io::crsFromSrsName("urn:ogc:def:crs:EPSG::25833").definition, std::string("EPSG:25833"));
        QCOMPARE(io::crsFromSrsName("urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837").definition,
                 std::string("EPSG:25832"));
        QCOMPARE(io::crsFromSrsName("http://www.opengis.net/def/crs/EPSG/0/25833").definition,
                 std::string("EPSG:25833"));
        QCOMPARE(io::crsFromSrsName("urn:adv:crs:ETRS89_UTM33*DE_DHHN92_NH").definition,
                 std::string("EPSG:25833"));
        QCOMPARE(io::crsFromSrsName("urn:adv:crs:DE_DHDN_3GK3*DE_DHHN92_NH").definition,
                 std::string("EPSG:31467"));
        QVERIFY(io::crsFromSrsName("").isEmpty());
        QVERIFY(io::crsFromSrsName("urn:adv:crs:SOMETHING_ELSE").isEmpty());
    }

    void buildingWithSemantics() {
        const QString path = mDir.filePath("b1.gml");
        writeText(path, cityGml());
        QVERIFY(io::isCityGml(path.toStdString()));
        auto r = import(path);
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->datasetCrs.definition, std::string("EPSG:25833"));
        QCOMPARE(r->layers.size(), std::size_t(1));
        QCOMPARE(r->layers.front().kind(), LayerKind::CityModel);
        const auto& d = std::get<CityModelLayerData>(r->layers.front().data);
        QCOMPARE(d.objects.size(), std::size_t(1));
        QCOMPARE(d.objects.front().id, std::string("B1"));
        QCOMPARE(d.objects.front().type, std::string("Building"));
        QCOMPARE(d.objects.front().lod, std::string("2"));
        std::map<Surface, int> counts;
        for (Surface s : d.mesh->surfaces)
            ++counts[s];
        QCOMPARE(counts[Surface::Wall], 2); // each 10 x 10 m square is two triangles
        QCOMPARE(counts[Surface::Roof], 2);
        QCOMPARE(counts[Surface::Ground], 2); // no semantics: downward normal
        QCOMPARE(counts[Surface::Unknown], 0);
        for (std::uint32_t id : d.mesh->objectIds)
            QCOMPARE(id, std::uint32_t(0));
        const Extent e = r->layers.front().extent();
        QCOMPARE(e.minX, 390500.0);
        QCOMPARE(e.maxY, 5819310.0);

        auto info = io::describeDataset(path.toStdString());
        QVERIFY2(info, info.error().c_str());
        QCOMPARE(info->driver, std::string("CityGML"));
        QCOMPARE(info->cityObjects, (std::map<std::string, std::int64_t>{{"Building", 1}}));
        QCOMPARE(info->lods, std::vector<std::string>{"2"});

        // The project stores a reference to the file and re-reads it on open.
        Project p;
        p.crs = r->datasetCrs;
        p.layers = r->layers;
        const std::string projectPath = mDir.filePath("b1.urbis").toStdString();
        QVERIFY(io::writeProject(p, projectPath));
        auto reopened = io::readProject(projectPath);
        QVERIFY2(reopened, reopened.error().c_str());
        QCOMPARE(reopened->layers.size(), std::size_t(1));
        const auto& c = std::get<CityModelLayerData>(reopened->layers.front().data);
        QVERIFY(c.mesh);
        QCOMPARE(c.mesh->triangleCount(), std::size_t(6));
    }

    void cityGml3IsRefused() {
        const QString path = mDir.filePath("v3.gml");
        writeText(path, cityGml("EPSG:25833", "http://www.opengis.net/citygml/3.0"));
        auto r = import(path);
        QVERIFY(!r);
        QVERIFY2(r.error().find("CityGML 3.0") != std::string::npos, r.error().c_str());
        QVERIFY2(r.error().find("v3.gml") != std::string::npos, r.error().c_str());
    }

    void missingSrsNameAsksForACrs() {
        const QString path = mDir.filePath("nosrs.citygml");
        writeText(path, cityGml(""));
        auto refused = import(path);
        QVERIFY(!refused);
        QVERIFY2(refused.error().find("--assume-crs") != std::string::npos, refused.error().c_str());
        QVERIFY2(refused.error().find("nosrs.citygml") != std::string::npos, refused.error().c_str());
        auto r = import(path, "EPSG:25833");
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(std::get<CityModelLayerData>(r->layers.front().data).sourceCrs, std::string("EPSG:25833"));
    }

    void lod0OnlyIsRefused() {
        const QString path = mDir.filePath("footprints.gml");
        QByteArray text = cityGml();
        const int begin = text.indexOf("<bldg:boundedBy>"), end = text.lastIndexOf("</bldg:Building>");
        text.remove(begin, end - begin);
        text.replace("lod2MultiSurface", "lod0FootPrint");
        writeText(path, text);
        auto r = import(path);
        QVERIFY(!r);
        QVERIFY2(r.error().find("LoD0") != std::string::npos, r.error().c_str());
        QVERIFY2(r.error().find("footprints.gml") != std::string::npos, r.error().c_str());
    }

    void malformedXmlNamesTheFile() {
        const QString path = mDir.filePath("broken.gml");
        const QByteArray full = cityGml();
        writeText(path, full.left(full.size() * 2 / 3));
        auto r = import(path);
        QVERIFY(!r);
        QVERIFY2(r.error().find("broken.gml") != std::string::npos, r.error().c_str());
    }
};

QTEST_APPLESS_MAIN(TestCityGml)
#include "test_citygml.moc"
