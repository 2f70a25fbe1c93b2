// Drives the real urbis-cli binary: every subcommand, its --help, bad input and exit codes.
#include "common/cli_runner.h"
#include "gis/demo/demo_city.h"
#include "gis/io/project_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
using Run = urbis_test::CliRun;

Run cli(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
        int timeoutMs = 120000) {
    return urbis_test::runCli(args, env, timeoutMs);
}

QByteArray sha(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

// One Building with two LoD1 BuildingParts in EPSG:7415 (Amersfoort / RD New + NAP).
const char* kTinyCityJson =
    R"({"type": "CityJSON", "version": "2.0",
 "transform": {"scale": [0.001, 0.001, 0.001], "translate": [85000, 446000, 0]},
)"
    // (an ordinary literal: moc reads "//" inside a raw string as a comment)
    "\"metadata\": {\"referenceSystem\": \"https://www.opengis.net/def/crs/EPSG/0/7415\"},"
    R"(
 "CityObjects": {
  "b1": {"type": "Building", "children": ["p1", "p2"]},
  "p1": {"type": "BuildingPart", "parents": ["b1"],
         "geometry": [{"type": "MultiSurface", "lod": "1", "boundaries": [[[0, 1, 2, 3]]]}]},
  "p2": {"type": "BuildingPart", "parents": ["b1"],
         "geometry": [{"type": "MultiSurface", "lod": "1", "boundaries": [[[4, 5, 6, 7]]]}]}},
 "vertices": [[0, 0, 5000], [10000, 0, 5000], [10000, 10000, 5000], [0, 10000, 5000],
              [20000, 0, 5000], [30000, 0, 5000], [30000, 10000, 5000], [20000, 10000, 5000]]})";

bool haveDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY");
}
} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir mDir;
    QString mDemo;

private slots:
    void initTestCase() {
        QVERIFY(mDir.isValid());
        mDemo = mDir.filePath("demo.gpkg");
        Run r = cli({"demo", "--out", mDemo});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QFile::exists(mDemo));
    }
    void helpForEverySubcommand() {
        for (const QString sub : {"info", "render", "demo", "bench"}) {
            Run r = cli({sub, "--help"});
            QVERIFY2(r.code == 0, qPrintable(sub));
            QVERIFY2(r.out.contains("--"), qPrintable(sub + ": " + r.out));
        }
        QCOMPARE(cli({"--help"}).code, 0);
    }
    void usageErrorsExitTwo() {
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({"frobnicate"}).code, 2);
        QCOMPARE(cli({"info"}).code, 2);
        QCOMPARE(cli({"info", "--no-such-flag", mDemo}).code, 2);
        QCOMPARE(cli({"demo"}).code, 2);
        QCOMPARE(cli({"demo", "--out", mDir.filePath("x.gpkg"), "--buildings", "many"}).code, 2);
        QCOMPARE(cli({"render", "--demo"}).code, 2); // no --out
        QCOMPARE(cli({"render", "--demo", "--out", mDir.filePath("v.png"), "--view", "1,2,3"}).code, 2);
    }
    void infoOnTheDemoProjectListsItsLayers() {
        Run r = cli({"info", mDemo, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonParseError pe;
        QJsonObject j = QJsonDocument::fromJson(r.out, &pe).object();
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        QCOMPARE(j["format"].toString(), QString("Urbis project"));
        QCOMPARE(j["crs"].toString(), QString("EPSG:4547"));
        QCOMPARE(j["extent_lonlat"].toArray().size(), 4);
        // Counts must be those of the city the library generates.
        gis::Project expected = gis::demo::makeDemoCity();
        QJsonArray layers = j["layers"].toArray();
        QCOMPARE(layers.size(), qsizetype(expected.layers.size()));
        for (int i = 0; i < layers.size(); ++i) {
            QJsonObject l = layers[i].toObject();
            QCOMPARE(l["name"].toString(), QString::fromStdString(expected.layers[i].id));
            QCOMPARE(l["feature_count"].toInteger(), qint64(expected.layers[i].featureCount()));
            QVERIFY(!l["geometry_type"].toString().isEmpty());
        }
        Run text = cli({"info", mDemo});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("buildings"));
    }
    void infoOnBadInputExitsOneWithAClearMessage() {
        const QString txt = mDir.filePath("notes.txt");
        QFile f(txt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is a text file, not a dataset\n");
        f.close();
        Run r = cli({"info", txt});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("notes.txt") && r.err.contains("not a dataset"), r.err.constData());

        QFile in(mDemo);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        const QString truncated = mDir.filePath("truncated.gpkg");
        QFile out(truncated);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 2));
        out.close();
        r = cli({"info", truncated});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("truncated.gpkg") && r.err.contains("damaged"), r.err.constData());

        r = cli({"info", mDir.filePath("missing.gpkg")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("missing.gpkg") && r.err.contains("does not exist"), r.err.constData());
    }
    void infoCountsCityObjects() {
        const QString path = mDir.filePath("tiny.city.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kTinyCityJson);
        f.close();
        Run r = cli({"info", path, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject objects = QJsonDocument::fromJson(r.out).object()["city_objects"].toObject();
        QCOMPARE(objects["Building"].toInt(), 1);
        QCOMPARE(objects["BuildingPart"].toInt(), 2);
    }
    void renderWritesAPngOfTheCity() {
        if (!haveDisplay()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("render needs an X server; CI must run the suite under xvfb-run");
            QSKIP("no DISPLAY: run under xvfb-run");
        }
        const QString png = mDir.filePath("demo.png");
        Run r = cli({"render", "--demo", "--out", png, "--width", "480", "--height", "300", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QImage img(png);
        QCOMPARE(img.size(), QSize(480, 300));
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 3)
            for (int x = 0; x < img.width(); x += 3)
                colours.insert(img.pixel(x, y));
        QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));
        QVERIFY(QJsonDocument::fromJson(r.out).object().contains("draw_calls"));

        const QString png2 = mDir.filePath("project.png");
        r = cli({"render", mDemo, "--out", png2, "--width", "320", "--height", "200", "--view",
                 "528800,3379200,600,0,-35"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(!QImage(png2).isNull());
        r = cli({"render", mDir.filePath("absent.gpkg"), "--out", png2});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("absent.gpkg"));
    }
    void renderWithoutXServerSaysSo() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        Run r = cli({"render", "--demo", "--out", mDir.filePath("nox.png")}, env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("X server"), r.err.constData());
    }
    void killDuringSaveLeavesThePreviousProjectIntact() {
        const QString path = mDir.filePath("crash.gpkg");
        QVERIFY(cli({"demo", "--out", path}).code == 0);
        const QByteArray before = sha(path);
        // A much larger save, killed as soon as its temporary file exists (mid-write).
        QProcess p;
        p.start(URBIS_CLI, {"demo", "--out", path, "--buildings", "300000"});
        QVERIFY(p.waitForStarted());
        QDir dir(mDir.path());
        bool sawTemp = false;
        for (int i = 0; i < 6000 && !sawTemp && p.state() == QProcess::Running; ++i) {
            sawTemp = !dir.entryList({"crash.gpkg.saving-*"}).isEmpty();
            if (!sawTemp)
                QTest::qWait(5);
        }
        QVERIFY2(sawTemp, "the save finished before it could be interrupted");
        QTest::qWait(150);
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished();
        QCOMPARE(sha(path), before);
        auto project = gis::io::readProject(path.toStdString());
        QVERIFY2(project, project.error().c_str());
        QCOMPARE(project->layers.size(), gis::demo::makeDemoCity().layers.size());
        // A later successful save replaces it.
        QCOMPARE(cli({"demo", "--out", path, "--seed", "3"}).code, 0);
        QVERIFY(sha(path) != before);
    }
};

QTEST_GUILESS_MAIN(TestCli) // QImage needs only QtGui, not an application
#include "test_cli.moc"
