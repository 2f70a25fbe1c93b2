#pragma once
// A throwaway PostgreSQL 15 + PostGIS server for tests: initdb into a temporary folder, listening only on
// 127.0.0.1 on a free port (its unix socket inside the folder), trust authentication, one database with the
// postgis extension. The destructor always stops it (pg_ctl -m immediate). As root (PostgreSQL refuses to
// run as root) the server runs as the `postgres` system user the Debian package creates.
//
// Use URBIS_START_POSTGIS(server) in initTestCase: it skips when the binaries are missing, except when the
// environment variable CI is set, where that fails (a skip must never hide a requirement in CI).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace urbis_test {

class PostgisServer {
public:
    static QString binDir() { return QStringLiteral("/usr/lib/postgresql/15/bin"); }
    // Empty when the server can be started here; else what is missing.
    static QString missingRequirement() {
        for (const char* tool : {"initdb", "pg_ctl", "postgres", "psql", "createdb"})
            if (!QFileInfo(binDir() + "/" + tool).isExecutable())
                return QString("%1/%2 is missing (install postgresql-15 postgresql-15-postgis-3; "
                               "scripts/setup.sh does)")
                    .arg(binDir(), tool);
        if (!QFileInfo::exists("/usr/share/postgresql/15/extension/postgis.control"))
            return "PostGIS for PostgreSQL 15 is missing (install postgresql-15-postgis-3)";
        if (::geteuid() == 0 && (!::getpwnam("postgres") || !QFileInfo("/usr/sbin/runuser").isExecutable()))
            return "running as root needs the 'postgres' system user and runuser";
        return {};
    }

    PostgisServer() = default;
    PostgisServer(const PostgisServer&) = delete;
    PostgisServer& operator=(const PostgisServer&) = delete;
    ~PostgisServer() { stop(); }

    // Starts the server; empty on success, else the reason (with the server log).
    QString start(const QString& database = "urbis_test") {
        mDatabase = database;
        mDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + "/urbis-pg-XXXXXX");
        if (!mDir->isValid())
            return "cannot create a temporary folder";
        if (::geteuid() == 0) {
            const passwd* pw = ::getpwnam("postgres");
            if (!pw || ::chown(QFile::encodeName(mDir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0)
                return "cannot hand the temporary folder to the postgres user";
        }
        QTcpServer probe; // a free port: bind to 0, read it, release it
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return "cannot find a free port";
        mPort = probe.serverPort();
        probe.close();

        QString out;
        if (!runAsServerUser(
                "initdb",
                {"-D", dataDir(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"},
                &out))
            return "initdb failed: " + out;
        const QString opts =
            QString("-c listen_addresses=127.0.0.1 -p %1 -k %2 -c fsync=off").arg(mPort).arg(mDir->path());
        if (!runAsServerUser(
                "pg_ctl", {"-D", dataDir(), "-l", logFile(), "-o", opts, "-w", "-t", "60", "start"}, &out)) {
            mStarted = true; // pg_ctl may have left a postmaster behind: stop() cleans up
            return "pg_ctl start failed: " + out + "\n" + log();
        }
        mStarted = true;
        if (!runClient("createdb", {mDatabase}, &out))
            return "createdb failed: " + out;
        if (!runClient("psql",
                       {"-d", mDatabase, "-v", "ON_ERROR_STOP=1", "-q", "-c", "CREATE EXTENSION postgis"},
                       &out))
            return "CREATE EXTENSION postgis failed: " + out;
        return {};
    }

    void stop() {
        if (!mStarted)
            return;
        mStarted = false;
        QString out;
        runAsServerUser("pg_ctl", {"-D", dataDir(), "-m", "immediate", "-w", "-t", "60", "stop"}, &out);
    }

    int port() const { return mPort; }
    QString database() const { return mDatabase; }
    // "PG:host=127.0.0.1 port=N dbname=D user=postgres"
    QString connection() const {
        return QString("PG:host=127.0.0.1 port=%1 dbname=%2 user=postgres").arg(mPort).arg(mDatabase);
    }
    // Runs SQL through psql; returns its unaligned output (tuples only), or a null string on failure.
    QString sql(const QString& statement) {
        QString out;
        if (!runClient("psql", {"-d", mDatabase, "-v", "ON_ERROR_STOP=1", "-q", "-t", "-A", "-c", statement},
                       &out))
            return {};
        const QString result = out.trimmed();
        return result.isNull() ? QString("") : result; // null only on failure
    }
    QString log() const {
        QFile f(logFile());
        return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll()) : QString();
    }

private:
    QString dataDir() const { return mDir->path() + "/data"; }
    QString logFile() const { return mDir->path() + "/server.log"; }

    static bool run(const QString& program, const QStringList& args, QString* output) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        const bool finished = p.waitForFinished(120000);
        if (!finished) {
            p.kill();
            p.waitForFinished();
        }
        *output = QString::fromLocal8Bit(p.readAll());
        return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
    bool runAsServerUser(const QString& tool, const QStringList& args, QString* output) const {
        if (::geteuid() == 0)
            return run("/usr/sbin/runuser", QStringList{"-u", "postgres", "--", binDir() + "/" + tool} + args,
                       output);
        return run(binDir() + "/" + tool, args, output);
    }
    bool runClient(const QString& tool, const QStringList& args, QString* output) const {
        return run(binDir() + "/" + tool,
                   QStringList{"-h", "127.0.0.1", "-p", QString::number(mPort), "-U", "postgres"} + args,
                   output);
    }

    std::unique_ptr<QTemporaryDir> mDir;
    QString mDatabase;
    int mPort = 0;
    bool mStarted = false;
};

} // namespace urbis_test

// Starts `server` (a std::unique_ptr<PostgisServer>) or skips/fails the test case.
#define URBIS_START_POSTGIS(server)                                                                          \
    do {                                                                                                     \
        const QString missing = urbis_test::PostgisServer::missingRequirement();                             \
        if (!missing.isEmpty()) {                                                                            \
            if (!qEnvironmentVariableIsEmpty("CI"))                                                          \
                QFAIL(qPrintable("PostGIS tests are required in CI: " + missing));                           \
            QSKIP(qPrintable("PostGIS tests skipped: " + missing));                                          \
        }                                                                                                    \
        server = std::make_unique<urbis_test::PostgisServer>();                                              \
        const QString why = server->start();                                                                 \
        QVERIFY2(why.isEmpty(), qPrintable("cannot start a PostgreSQL server: " + why));                     \
    } while (false)
