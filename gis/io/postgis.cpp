#include "gis/io/postgis.h"

#include "gis/io/gdal_log.h"
#include "gis/io/gdal_ptr.h"
#include "gis/io/ogr_geometry.h"

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace gis::io {

namespace {
// key=value pairs of a libpq connection string (values may be single-quoted).
std::map<std::string, std::string> connectionParams(const std::string& connection) {
    std::map<std::string, std::string> out;
    std::string s = isPostgisConnection(connection) ? connection.substr(3) : connection;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
        const std::size_t eq = s.find('=', i);
        if (eq == std::string::npos)
            break;
        std::string key = s.substr(i, eq - i);
        key.erase(std::remove_if(key.begin(), key.end(), [](unsigned char c) { return std::isspace(c); }),
                  key.end());
        i = eq + 1;
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
        std::string value;
        if (i < s.size() && s[i] == '\'') {
            for (++i; i < s.size() && s[i] != '\''; ++i)
                value += (s[i] == '\\' && i + 1 < s.size()) ? s[++i] : s[i];
            ++i;
        } else {
            while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])))
                value += s[i++];
        }
        out[key] = value;
    }
    return out;
}

std::string firstRowValue(GDALDataset& ds, const std::string& sql) {
    std::string value;
    if (OGRLayer* rs = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
        if (OGRFeature* f = rs->GetNextFeature()) {
            value = f->GetFieldAsString(0);
            OGRFeature::DestroyFeature(f);
        }
        ds.ReleaseResultSet(rs);
    }
    return value;
}

bool validTableName(const std::string& t) {
    if (t.empty() || t.size() > 63 || std::isdigit(static_cast<unsigned char>(t[0])))
        return false;
    return std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}
} // namespace

bool isPostgisConnection(const std::string& path) {
    return path.size() >= 3 && (path.compare(0, 3, "PG:") == 0 || path.compare(0, 3, "pg:") == 0);
}

std::string describePostgisConnection(const std::string& connection) {
    auto p = connectionParams(connection);
    auto get = [&](const char* key, const std::string& fallback) {
        auto it = p.find(key);
        return it != p.end() && !it->second.empty() ? it->second : fallback;
    };
    return "host " + get("host", "localhost (default)") + ", port " + get("port", "5432 (default)") +
           ", database " + get("dbname", "(default: the user name)");
}

Status writeZoneLayer(const std::string& connection, const Layer& zones, const Crs& crs,
                      const std::string& table, bool overwrite) {
    initGdal();
    GdalErrorScope errors;
    if (!isPostgisConnection(connection))
        return Error{"'" + connection +
                     "' is not a PostgreSQL connection string; write it as \"PG:host=... port=... "
                     "dbname=... user=...\"."};
    const auto* data = std::get_if<ZoneLayerData>(&zones.data);
    if (!data)
        return Error{"Layer '" + zones.id + "' is not a zoning layer; only zoning layers can be written."};
    if (!validTableName(table))
        return Error{"'" + table +
                     "' is not a usable table name: use letters, digits and underscores (at most 63), not "
                     "starting with a digit."};
    std::string name = table;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    const std::string where = describePostgisConnection(connection);

    const char* drivers[] = {"PostgreSQL", nullptr};
    detail::DatasetPtr ds = detail::openDataset(connection, GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers);
    if (!ds)
        return Error{"Cannot connect to PostgreSQL at " + where + (errors.lastError().empty() ? "" : " (") +
                     errors.lastError() + (errors.lastError().empty() ? "" : ")") +
                     ". Check that the server is running and accepts TCP connections on that host and port, "
                     "that the database exists, and the user name and password."};
    if (firstRowValue(*ds, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'").empty())
        return Error{
            "The database at " + where +
            " has no PostGIS extension; a database owner must run 'CREATE EXTENSION postgis;' in it."};

    OGRSpatialReference srs;
    if (crs.isEmpty() || srs.SetFromUserInput(crs.definition.c_str()) != OGRERR_NONE)
        return Error{"Cannot write '" + zones.id + "' to PostGIS: the project CRS '" + crs.definition +
                     "' is not known; set the project CRS first."};
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    int existing = -1;
    for (int i = 0; i < ds->GetLayerCount(); ++i)
        if (ds->GetLayer(i)->GetName() == name || ds->GetLayer(i)->GetName() == "public." + name)
            existing = i;
    if (existing < 0 && firstRowValue(*ds, "SELECT to_regclass('" + name + "') IS NOT NULL") == "t")
        existing = -2; // a table without geometry: the driver does not list it
    if (existing != -1 && !overwrite)
        return Error{"Table '" + name + "' already exists in the database at " + where +
                     "; it was left unchanged. Choose another table name or allow overwriting (CLI: "
                     "--overwrite)."};

    // Ids become feature ids when they are usable as such (the import reads them back as zone ids).
    std::set<std::int64_t> ids;
    for (const auto& z : data->zones)
        ids.insert(z.id);
    const bool idsAsFid = ids.size() == data->zones.size() && (ids.empty() || *ids.begin() > 0);

    if (ds->StartTransaction() != OGRERR_NONE)
        return Error{"Cannot start a transaction on the database at " + where + ": " + errors.lastError()};
    auto rollback = [&](const std::string& what) -> Status {
        const std::string detail = errors.lastError();
        ds->RollbackTransaction();
        return Error{"Cannot write table '" + name + "' to the database at " + where + ": " + what +
                     (detail.empty() ? "" : " (" + detail + ")") + ". Nothing was written."};
    };
    if (existing >= 0 && ds->DeleteLayer(existing) != OGRERR_NONE)
        return rollback("the existing table cannot be replaced");
    if (existing == -2) {
        ds->ExecuteSQL(("DROP TABLE " + name).c_str(), nullptr, nullptr); // CreateLayer fails if it failed
    }
    const char* options[] = {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=GIST", "LAUNDER=YES", nullptr};
    OGRLayer* layer = ds->CreateLayer(name.c_str(), &srs, wkbMultiPolygon, const_cast<char**>(options));
    if (!layer)
        return rollback("the table cannot be created");
    OGRFieldDefn classField("class", OFTString), nameField("name", OFTString),
        idField("zone_id", OFTInteger64);
    if (layer->CreateField(&classField) != OGRERR_NONE || layer->CreateField(&nameField) != OGRERR_NONE ||
        layer->CreateField(&idField) != OGRERR_NONE)
        return rollback("its fields cannot be created");
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (const auto& z : data->zones) {
        std::unique_ptr<OGRFeature, void (*)(OGRFeature*)> f(OGRFeature::CreateFeature(defn),
                                                             OGRFeature::DestroyFeature);
        f->SetField("class", z.landClass.c_str());
        f->SetField("name", z.name.c_str());
        f->SetField("zone_id", static_cast<GIntBig>(z.id));
        if (idsAsFid)
            f->SetFID(z.id);
        if (z.area.outer.size() >= 3) {
            auto multi = std::make_unique<OGRMultiPolygon>();
            multi->addGeometryDirectly(detail::toOgr(z.area).release());
            multi->assignSpatialReference(&srs);
            f->SetGeometryDirectly(multi.release());
        }
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            return rollback("zone " + std::to_string(z.id) + " cannot be inserted");
    }
    if (layer->SyncToDisk() != OGRERR_NONE)
        return rollback("the features cannot be flushed");
    if (ds->CommitTransaction() != OGRERR_NONE)
        return rollback("the transaction cannot be committed");
    return Status::ok();
}

std::string redactPassword(const std::string& connection) {
    std::string out = connection;
    for (std::size_t at = 0; (at = out.find("password=", at)) != std::string::npos;) {
        const std::size_t begin = at + 9;
        std::size_t end = begin;
        if (end < out.size() && out[end] == '\'') {
            end = out.find('\'', end + 1);
            end = end == std::string::npos ? out.size() : end + 1;
        } else {
            while (end < out.size() && out[end] != ' ')
                ++end;
        }
        out.replace(begin, end - begin, "***");
        at = begin + 3;
    }
    return out;
}

} // namespace gis::io
