// Imagery import (gis/io/raster_io.h readImagery, importDataset's raster branch) on images generated here:
// RGB, RGBA, paletted, PNG + world file, reprojection, decimation, and the project file round trip.
#include "gis/io/crs_transform.h"
#include "gis/io/import_dataset.h"
#include "gis/io/import_preview.h"
#include "gis/io/project_file.h"
#include "gis/io/raster_io.h"

#include <gdal_priv.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <functional>

using namespace gis;

namespace {

using Rgba = std::array<int, 4>;
using PixelFn = std::function<Rgba(int col, int row)>;

// A north-up image of `bands` Byte bands (1: grey, 3: RGB, 4: RGBA with an alpha band) written by GDAL's
// `driver` (GTiff, or PNG with a world file through a MEM copy), pixels from `pixel`.
void writeImage(const std::string& path, int width, int height, int bands, double originX, double originY,
                double pixelSize, const char* crs, const PixelFn& pixel, const char* driver = "GTiff") {
    GDALAllRegister();
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDataset* ds = mem->Create("", width, height, bands, GDT_Byte, nullptr);
    QVERIFY(ds);
    double gt[6] = {originX, pixelSize, 0, originY, 0, -pixelSize};
    ds->SetGeoTransform(gt);
    if (crs) {
        OGRSpatialReference srs;
        srs.SetFromUserInput(crs);
        ds->SetSpatialRef(&srs);
    }
    std::vector<GByte> data(std::size_t(width) * height);
    for (int b = 0; b < bands; ++b) {
        for (int row = 0; row < height; ++row)
            for (int col = 0; col < width; ++col)
                data[std::size_t(row) * width + col] = GByte(pixel(col, row)[b]);
        QCOMPARE(ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, width, height, data.data(), width, height,
                                                    GDT_Byte, 0, 0),
                 CE_None);
    }
    if (bands == 4)
        ds->GetRasterBand(4)->SetColorInterpretation(GCI_AlphaBand);
    char** options = std::string(driver) == "PNG" ? CSLSetNameValue(nullptr, "WORLDFILE", "YES") : nullptr;
    if (std::string(driver) == "GTiff" && bands == 4)
        options = CSLSetNameValue(options, "ALPHA", "YES");
    GDALDataset* out = GetGDALDriverManager()->GetDriverByName(driver)->CreateCopy(path.c_str(), ds, FALSE,
                                                                                   options, nullptr, nullptr);
    CSLDestroy(options);
    QVERIFY(out);
    GDALClose(out);
    GDALClose(ds);
}

// A red/green checkerboard of 8-pixel squares.
Rgba checker(int col, int row) {
    return ((col / 8 + row / 8) % 2) ? Rgba{20, 200, 30, 255} : Rgba{220, 10, 10, 255};
}

Rgba pixelOf(const RgbaImage& image, int col, int row) {
    const std::uint8_t* p = image.at(col, row);
    return {p[0], p[1], p[2], p[3]};
}

const ImageryLayerData& imageryOf(const Layer& layer) {
    return std::get<ImageryLayerData>(layer.data);
}

} // namespace

class TestImagery : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;

    std::string file(const char* name) const { return mDir.filePath(name).toStdString(); }

private slots:
    void rgbGeoTiffBecomesImagery() {
        const std::string path = file("ortho.tif");
        writeImage(path, 64, 48, 3, 500000, 3400000, 2.0, "EPSG:32650", checker);
        Progress progress;
        auto r = io::importDataset(path, Project{}, {}, progress);
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->layers.size(), std::size_t(1));
        const Layer& layer = r->layers[0];
        QCOMPARE(layer.kind(), LayerKind::Imagery);
        QCOMPARE(layer.name, std::string("ortho"));
        QCOMPARE(layer.featureCount(), std::size_t(1));
        const ImageryLayerData& m = imageryOf(layer);
        QVERIFY(m.image);
        QCOMPARE(m.image->width, 64);
        QCOMPARE(m.image->height, 48);
        QCOMPARE(m.originX, 500000.0);
        QCOMPARE(m.originY, 3400000.0);
        QCOMPARE(m.cellSize, 2.0);
        QCOMPARE(QString::fromStdString(m.source), QDir(mDir.path()).absoluteFilePath("ortho.tif"));
        // The project takes the image's CRS (projected, metres); the extent is the image's.
        QCOMPARE(io::crsIdentifier(r->datasetCrs), std::string("EPSG:32650"));
        const Extent e = layer.extent();
        QCOMPARE(e.minX, 500000.0);
        QCOMPARE(e.maxX, 500128.0);
        QCOMPARE(e.minY, 3399904.0);
        QCOMPARE(e.maxY, 3400000.0);
        // Colours: row 0 is north; opaque everywhere.
        QCOMPARE(pixelOf(*m.image, 0, 0), (Rgba{220, 10, 10, 255}));
        QCOMPARE(pixelOf(*m.image, 9, 0), (Rgba{20, 200, 30, 255}));
        QCOMPARE(pixelOf(*m.image, 9, 9), (Rgba{220, 10, 10, 255}));
        QCOMPARE(pixelOf(*m.image, 63, 47), checker(63, 47));
    }

    void rgbaKeepsItsAlpha() {
        const std::string path = file("rgba.tif");
        writeImage(path, 16, 16, 4, 500000, 3400000, 1.0, "EPSG:32650", [](int col, int row) {
            return col < 8 ? Rgba{0, 0, 255, 255} : Rgba{0, 0, 0, 0};
        });
        auto m = io::readImagery(path);
        QVERIFY2(m, m.error().c_str());
        QCOMPARE(pixelOf(m->image, 2, 5), (Rgba{0, 0, 255, 255}));
        QCOMPARE(pixelOf(m->image, 12, 5)[3], 0);
    }

    void palettedImageIsExpanded() {
        const std::string path = file("plan.tif");
        GDALAllRegister();
        GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), 10, 10, 1,
                                                                                   GDT_Byte, nullptr);
        QVERIFY(ds);
        double gt[6] = {500000, 5, 0, 3400000, 0, -5};
        ds->SetGeoTransform(gt);
        OGRSpatialReference srs;
        srs.SetFromUserInput("EPSG:32650");
        ds->SetSpatialRef(&srs);
        GDALColorTable table;
        const GDALColorEntry red{250, 0, 0, 255}, blue{0, 0, 250, 255}, clear{9, 9, 9, 0};
        table.SetColorEntry(0, &red);
        table.SetColorEntry(1, &blue);
        table.SetColorEntry(2, &clear);
        ds->GetRasterBand(1)->SetColorTable(&table);
        // TIFF palettes have no alpha: the transparent index is the nodata value.
        ds->GetRasterBand(1)->SetNoDataValue(2);
        std::vector<GByte> index(100);
        for (int i = 0; i < 100; ++i)
            index[i] = GByte(i < 50 ? 0 : (i < 90 ? 1 : 2)); // rows 0-4 red, 5-8 blue, row 9 transparent
        QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 10, 10, index.data(), 10, 10, GDT_Byte, 0, 0),
                 CE_None);
        GDALClose(ds);

        Progress progress;
        auto r = io::importDataset(path, Project{}, {}, progress);
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->layers.at(0).kind(), LayerKind::Imagery);
        const RgbaImage& image = *imageryOf(r->layers[0]).image;
        QCOMPARE(pixelOf(image, 3, 2), (Rgba{250, 0, 0, 255}));
        QCOMPARE(pixelOf(image, 3, 7), (Rgba{0, 0, 250, 255}));
        QCOMPARE(pixelOf(image, 3, 9)[3], 0);

        // Reprojected (into the neighbouring UTM zone), palette colours are picked, never blended.
        Project west;
        west.crs = Crs{"EPSG:32649"};
        auto warped = io::importDataset(path, west, {}, progress);
        QVERIFY2(warped, warped.error().c_str());
        const RgbaImage& w = *imageryOf(warped->layers.at(0)).image;
        int reds = 0, blues = 0, other = 0;
        for (int row = 0; row < w.height; ++row)
            for (int col = 0; col < w.width; ++col) {
                const Rgba px = pixelOf(w, col, row);
                if (px[3] == 0)
                    continue;
                reds += px == Rgba{250, 0, 0, 255};
                blues += px == Rgba{0, 0, 250, 255};
                other += px != Rgba{250, 0, 0, 255} && px != Rgba{0, 0, 250, 255};
            }
        QVERIFY2(reds > 0 && blues > 0 && other == 0,
                 qPrintable(QString("red %1, blue %2, other %3").arg(reds).arg(blues).arg(other)));
    }

    void singleBandFloatStaysTerrain() {
        RasterF dem(30, 20, 500000, 3400000, 5, 12.5f);
        const std::string path = file("heights.tif");
        QVERIFY(io::writeGeoTiff(dem, Crs{"EPSG:32650"}, path));
        Progress progress;
        auto r = io::importDataset(path, Project{}, {}, progress);
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->layers.at(0).kind(), LayerKind::Terrain);
        // The import dialog's preview tells the two apart.
        auto preview = io::previewImport(path, {});
        QVERIFY2(preview, preview.error().c_str());
        QCOMPARE(preview->layers.at(0).geometryType, std::string("Raster"));
        writeImage(file("preview.tif"), 16, 16, 3, 500000, 3400000, 1.0, "EPSG:32650", checker);
        auto imagePreview = io::previewImport(file("preview.tif"), {});
        QVERIFY2(imagePreview, imagePreview.error().c_str());
        QCOMPARE(imagePreview->layers.at(0).geometryType, std::string("Image"));
        // readImagery refuses it with a message that says why.
        auto m = io::readImagery(path);
        QVERIFY(!m);
        QVERIFY2(m.error().find("terrain") != std::string::npos, m.error().c_str());
    }

    void pngWithWorldFileAndAssumedCrs() {
        const std::string path = file("scan.png");
        writeImage(path, 32, 32, 3, 500000, 3400000, 0.5, nullptr, checker, "PNG");
        QVERIFY(QFile::exists(mDir.filePath("scan.wld")) || QFile::exists(mDir.filePath("scan.pgw")));
        Progress progress;
        // No CRS in the file: refused without one, placed with the assumed one.
        auto none = io::importDataset(path, Project{}, {}, progress);
        QVERIFY(!none);
        QVERIFY2(none.error().find("assume-crs") != std::string::npos, none.error().c_str());
        io::ImportOptions options;
        options.assumeCrs = "EPSG:32650";
        auto r = io::importDataset(path, Project{}, options, progress);
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->layers.at(0).kind(), LayerKind::Imagery);
        QCOMPARE(imageryOf(r->layers[0]).cellSize, 0.5);
        QCOMPARE(pixelOf(*imageryOf(r->layers[0]).image, 8, 0), (Rgba{20, 200, 30, 255}));
        // ... but not when the assumed CRS is not the project's (it would need reprojecting on every open).
        Project other;
        other.crs = Crs{"EPSG:4547"};
        auto refused = io::importDataset(path, other, options, progress);
        QVERIFY(!refused);
        QVERIFY2(refused.error().find("gdal_edit") != std::string::npos, refused.error().c_str());
    }

    void reprojectedImageHasTransparentCorners() {
        // A lon/lat image near Wuhan imported into a UTM project: warped, north-up in UTM, the corners of the
        // new grid outside the source transparent.
        const std::string path = file("lonlat.tif");
        writeImage(path, 200, 200, 3, 114.30, 30.56, 0.0001, "EPSG:4326", [](int, int) {
            return Rgba{200, 40, 40, 255};
        });
        Project project;
        project.crs = Crs{"EPSG:32650"};
        Progress progress;
        auto r = io::importDataset(path, project, {}, progress);
        QVERIFY2(r, r.error().c_str());
        const ImageryLayerData& m = imageryOf(r->layers.at(0));
        const RgbaImage& image = *m.image;
        // 0.0001 deg is ~9.6 m east-west and ~11.1 m north-south here: the grid is square in metres.
        QVERIFY2(m.cellSize > 8 && m.cellSize < 12, std::to_string(m.cellSize).c_str());
        QVERIFY(m.originX > 200000 && m.originX < 800000);
        const Rgba centre = pixelOf(image, image.width / 2, image.height / 2);
        QVERIFY(std::abs(centre[0] - 200) <= 2 && centre[3] == 255);
        int transparent = 0;
        const std::pair<int, int> corners[] = {
            {0, 0}, {image.width - 1, 0}, {0, image.height - 1}, {image.width - 1, image.height - 1}};
        for (const auto& [col, row] : corners)
            transparent += pixelOf(image, col, row)[3] == 0;
        QVERIFY2(transparent >= 2, std::to_string(transparent).c_str());
    }

    void largeImagesAreDecimatedByAveraging() {
        const std::string path = file("large.tif");
        // Each 3x3 block averages to (30, 60, 200).
        writeImage(path, 300, 200, 3, 500000, 3400000, 0.25, "EPSG:32650", [](int col, int row) {
            return Rgba{col % 3 * 30, row % 3 * 60, 200, 255};
        });
        auto m = io::readImagery(path, {}, 10000); // 60,000 pixels: factor 3 (6,666) fits, 2 does not
        QVERIFY2(m, m.error().c_str());
        QCOMPARE(m->decimation, 3);
        QCOMPARE(m->sourceWidth, 300);
        QCOMPARE(m->image.width, 100);
        QCOMPARE(m->image.height, 66);
        QCOMPARE(m->cellSize, 0.75);
        QCOMPARE(m->originY, 3400000.0);
        QCOMPARE(pixelOf(m->image, 10, 20), (Rgba{30, 60, 200, 255}));
        QVERIFY(m->image.pixels.size() / 4 <= 10000u);
    }

    void projectRoundTripRereadsTheSource() {
        const QString folder = mDir.filePath("roundtrip");
        QVERIFY(QDir().mkpath(folder + "/images"));
        const std::string image = (folder + "/images/ortho.tif").toStdString();
        writeImage(image, 64, 48, 3, 500000, 3400000, 2.0, "EPSG:32650", checker);
        Progress progress;
        auto r = io::importDataset(image, Project{}, {}, progress);
        QVERIFY2(r, r.error().c_str());
        Project project;
        project.crs = r->datasetCrs;
        project.layers = r->layers;
        project.layers[0].visible = false;
        const std::string path = (folder + "/city.gpkg").toStdString();
        QVERIFY(io::writeProject(project, path));

        auto back = io::readProject(path);
        QVERIFY2(back, back.error().c_str());
        QCOMPARE(back->layers.size(), std::size_t(1));
        const Layer& layer = back->layers[0];
        QCOMPARE(layer.kind(), LayerKind::Imagery);
        QCOMPARE(layer.visible, false);
        const ImageryLayerData& m = imageryOf(layer);
        QVERIFY(m.image);
        QCOMPARE(m.originX, 500000.0);
        QCOMPARE(m.cellSize, 2.0);
        QVERIFY(m.image->pixels == imageryOf(project.layers[0]).image->pixels);

        // The reference is relative: the project folder can move.
        const QString moved = mDir.filePath("moved");
        QVERIFY(QDir().rename(folder, moved));
        auto movedBack = io::readProject((moved + "/city.gpkg").toStdString());
        QVERIFY2(movedBack, movedBack.error().c_str());
        QVERIFY(imageryOf(movedBack->layers.at(0)).image);

        // A missing source keeps the layer (empty) and its reference, so saving again loses nothing.
        QVERIFY(QFile::remove(moved + "/images/ortho.tif"));
        auto missing = io::readProject((moved + "/city.gpkg").toStdString());
        QVERIFY2(missing, missing.error().c_str());
        QCOMPARE(missing->layers.at(0).kind(), LayerKind::Imagery);
        QVERIFY(!imageryOf(missing->layers[0]).image);
        QVERIFY(io::writeProject(missing.value(), (moved + "/again.gpkg").toStdString()));
        writeImage((moved + "/images/ortho.tif").toStdString(), 64, 48, 3, 500000, 3400000, 2.0, "EPSG:32650",
                   checker);
        auto again = io::readProject((moved + "/again.gpkg").toStdString());
        QVERIFY2(again, again.error().c_str());
        QVERIFY(imageryOf(again->layers.at(0)).image);
    }
};

QTEST_APPLESS_MAIN(TestImagery)
#include "test_imagery.moc"
