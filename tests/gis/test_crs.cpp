#include "gis/io/crs_transform.h"

#include <QTest>

using namespace gis;
using namespace gis::io;

class TestCrs : public QObject {
    Q_OBJECT
private slots:
    void gaussKrugerToLonLatInGisOrder() {
        // EPSG:4547 is northing-first in its definition; we must always get x = east, y = north.
        auto t = CrsTransform::create(Crs{"EPSG:4547"}, Crs{"EPSG:4326"});
        QVERIFY2(t, t.error().c_str());
        Vec2 p{500000, 3380000}; // on the central meridian 114E
        QVERIFY(t->transform(p));
        QVERIFY(std::abs(p.x - 114.0) < 1e-6);
        QVERIFY(std::abs(p.y - 30.54) < 0.01);
        auto back = CrsTransform::create(Crs{"EPSG:4326"}, Crs{"EPSG:4547"});
        QVERIFY(back);
        QVERIFY(back->transform(p));
        QVERIFY(std::abs(p.x - 500000) < 1e-3 && std::abs(p.y - 3380000) < 1e-3);
    }
    void extentIsDensified() {
        auto t = CrsTransform::create(Crs{"EPSG:4547"}, Crs{"EPSG:4326"});
        Extent e;
        e.include(520000, 3370000);
        e.include(540000, 3390000);
        Extent ll = t->transform(e);
        QVERIFY(!ll.isEmpty());
        QVERIFY(ll.minX > 114.1 && ll.maxX < 114.5 && ll.minY > 30.4 && ll.maxY < 30.7);
    }
    void identifyAndName() {
        QCOMPARE(crsIdentifier(Crs{"EPSG:4547"}), std::string("EPSG:4547"));
        QVERIFY(crsName(Crs{"EPSG:4547"}).find("CGCS2000") != std::string::npos);
        QVERIFY(isProjectedMetric(Crs{"EPSG:4547"}));
        QVERIFY(isProjectedMetric(Crs{"EPSG:32650"}));
        QVERIFY(!isProjectedMetric(Crs{"EPSG:4326"}));
        QVERIFY(!isProjectedMetric(Crs{"EPSG:2229"})); // US survey feet
    }
    void verticalDatumIsNamed() {
        QCOMPARE(io::verticalDatumName(Crs{"EPSG:7415"}), std::string("NAP height")); // RD New + NAP
        QCOMPARE(io::verticalDatumName(Crs{"EPSG:4547"}), std::string("not declared"));
        QVERIFY(io::verticalDatumName(Crs{"EPSG:4979"}).starts_with("ellipsoidal height (World Geodetic"));
        QVERIFY(io::verticalDatumName(Crs{}).empty());
    }

    void unknownCrsIsAnError() {
        auto t = CrsTransform::create(Crs{"EPSG:999999"}, Crs{"EPSG:4326"});
        QVERIFY(!t);
        QVERIFY(t.error().find("EPSG:999999") != std::string::npos);
        QVERIFY(!CrsTransform::create(Crs{}, Crs{"EPSG:4326"}));
    }
};

QTEST_APPLESS_MAIN(TestCrs)
#include "test_crs.moc"
