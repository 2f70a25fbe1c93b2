// DEM reading: large rasters are decimated on read so memory stays bounded (gis/io/raster_io.h).
#include "gis/io/raster_io.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace gis;

class TestRasterIo : public QObject {
    Q_OBJECT
private slots:
    void largeRastersAreDecimatedByAveraging() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("dem.tif").toStdString();
        RasterF dem(1000, 800, 500000, 3400000, 2.0, 0.0f);
        for (int row = 0; row < dem.height; ++row)
            for (int col = 0; col < dem.width; ++col)
                dem.at(col, row) = float(col + 0.5 * row);
        dem.at(4, 4) = std::numeric_limits<float>::quiet_NaN(); // a hole inside block (1, 1)
        QVERIFY(io::writeGeoTiff(dem, Crs{"EPSG:32650"}, path));

        auto full = io::readDem(path);
        QVERIFY(full);
        QCOMPARE(full->decimation, 1);
        QCOMPARE(full->raster.width, 1000);

        auto small = io::readDem(path, {}, 100000); // 800k cells: factor 3 (88,888 cells) fits, 2 does not
        QVERIFY2(small, small.error().c_str());
        QCOMPARE(small->decimation, 3);
        QCOMPARE(small->sourceWidth, 1000);
        QCOMPARE(small->raster.width, 333);
        QCOMPARE(small->raster.height, 266);
        QCOMPARE(small->raster.cellSize, 6.0);
        QCOMPARE(small->raster.originX, 500000.0);
        QCOMPARE(small->raster.originY, 3400000.0);
        // Block (col 10, row 20) covers source cols 30..32, rows 60..62: mean col 31, mean row 61.
        QCOMPARE(small->raster.at(10, 20), float(31 + 0.5 * 61));
        // The block with the hole averages its eight valid cells (cols 3..5, rows 3..5 without (4, 4)):
        // the hole does not spread. The mean of the 8 is still 4 + 0.5 * 4 by symmetry.
        QVERIFY(!std::isnan(small->raster.at(1, 1)));
        QCOMPARE(small->raster.at(1, 1), float(4 + 0.5 * 4));
        // Whatever is left fits the budget.
        QVERIFY(small->raster.data.size() <= 100000u);
    }
};

QTEST_APPLESS_MAIN(TestRasterIo)
#include "test_raster_io.moc"
