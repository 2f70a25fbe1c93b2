#include "gis/analysis/sunlight_receivers.h"

#include "gis/io/crs_transform.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace gis::analysis {

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r\"");
    const auto b = s.find_last_not_of(" \t\r\"");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if ((c == ',' || c == ';' || c == '\t') && !quoted) {
            out.push_back(trim(cur));
            cur.clear();
        } else
            cur += c;
    }
    out.push_back(trim(cur));
    return out;
}

bool toNumber(const std::string& s, double& v) {
    if (s.empty())
        return false;
    char* end = nullptr;
    v = std::strtod(s.c_str(), &end);
    return end && *end == 0 && std::isfinite(v);
}

Status finishNormal(SunlightReceiver& r, const std::string& where) {
    if (!r.normal)
        return Status::ok();
    if (r.normal->length() < 1e-9)
        return Error{where + ": the normal (nx, ny, nz) is zero; leave it empty for a free point"};
    r.normal = r.normal->normalized();
    return Status::ok();
}

Result<std::vector<SunlightReceiver>> readCsv(const std::string& path, std::istream& in) {
    std::vector<SunlightReceiver> out;
    std::map<std::string, int> col; // name -> column
    std::string line;
    int lineNo = 0, expected = -1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (trim(line).empty() || trim(line)[0] == '#')
            continue;
        const auto f = splitCsv(line);
        double dummy;
        if (col.empty() && out.empty() && expected < 0 && !toNumber(f[0], dummy)) {
            for (int i = 0; i < int(f.size()); ++i) {
                std::string n = lower(f[i]);
                static const std::map<std::string, std::string> alias{
                    {"normal_x", "nx"}, {"normal_y", "ny"}, {"normal_z", "nz"}, {"name", "id"},
                    {"east", "x"},      {"north", "y"},     {"height", "z"},    {"elevation", "z"}};
                if (auto it = alias.find(n); it != alias.end() && !col.count(it->second))
                    n = it->second;
                col[n] = i;
            }
            for (const char* need : {"x", "y", "z"})
                if (!col.count(need))
                    return Error{"'" + path + "': the header has no column '" + need +
                                 "' (expected x,y,z[,nx,ny,nz][,id])"};
            const int normals = int(col.count("nx") + col.count("ny") + col.count("nz"));
            if (normals != 0 && normals != 3)
                return Error{"'" + path + "': give all of nx, ny, nz or none"};
            continue;
        }
        const std::string where = "'" + path + "', line " + std::to_string(lineNo);
        if (col.empty()) {
            const int n = int(f.size());
            if (n != 3 && n != 4 && n != 6 && n != 7)
                return Error{where + ": " + std::to_string(n) +
                             " columns; expected x,y,z[,nx,ny,nz][,id] (3, 4, 6 or 7 columns)"};
            if (expected >= 0 && n != expected)
                return Error{where + ": " + std::to_string(n) + " columns, earlier lines have " +
                             std::to_string(expected)};
            expected = n;
            col = {{"x", 0}, {"y", 1}, {"z", 2}};
            if (n >= 6)
                col.insert({{"nx", 3}, {"ny", 4}, {"nz", 5}});
            if (n == 4 || n == 7)
                col["id"] = n - 1;
        }
        auto get = [&](const char* name, double& v) -> Status {
            const int i = col.at(name);
            if (i >= int(f.size()) || !toNumber(f[i], v))
                return Error{where + ": '" + std::string(name) + "' is not a number" +
                             (i < int(f.size()) ? " ('" + f[i] + "')" : std::string(" (missing)"))};
            return Status::ok();
        };
        SunlightReceiver r;
        for (auto [name, field] : {std::pair{"x", &r.position.x}, {"y", &r.position.y}, {"z", &r.position.z}})
            if (Status s = get(name, *field); !s)
                return Error{s.error()};
        if (col.count("nx")) {
            Vec3 n;
            for (auto [name, field] : {std::pair{"nx", &n.x}, {"ny", &n.y}, {"nz", &n.z}})
                if (Status s = get(name, *field); !s)
                    return Error{s.error()};
            r.normal = n;
        }
        if (auto it = col.find("id"); it != col.end() && it->second < int(f.size()))
            r.id = f[it->second];
        if (r.id.empty())
            r.id = std::to_string(out.size() + 1);
        if (Status s = finishNormal(r, where); !s)
            return Error{s.error()};
        out.push_back(std::move(r));
    }
    return out;
}

std::optional<double> numberProperty(const nlohmann::json& props, const char* name) {
    if (!props.is_object() || !props.contains(name) || props[name].is_null())
        return std::nullopt;
    if (props[name].is_number())
        return props[name].get<double>();
    if (props[name].is_string()) {
        double v;
        if (toNumber(props[name].get<std::string>(), v))
            return v;
    }
    return std::nullopt;
}

Result<std::vector<SunlightReceiver>> readGeoJson(const std::string& path, std::istream& in,
                                                  const Crs& target) {
    using nlohmann::json;
    json doc = json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return Error{"'" + path + "' is not valid JSON / GeoJSON"};
    std::vector<json> features;
    if (doc.value("type", "") == "FeatureCollection" && doc.contains("features") &&
        doc["features"].is_array())
        features = doc["features"].get<std::vector<json>>();
    else if (doc.value("type", "") == "Feature")
        features = {doc};
    else
        return Error{"'" + path + "': expected a GeoJSON FeatureCollection of Point features"};
    std::vector<SunlightReceiver> out;
    for (std::size_t fi = 0; fi < features.size(); ++fi) {
        const json& f = features[fi];
        const std::string where = "'" + path + "', feature " + std::to_string(fi + 1);
        if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object())
            return Error{where + ": no geometry"};
        const json& g = f["geometry"];
        const std::string type = g.value("type", "");
        std::vector<json> coords;
        if (type == "Point")
            coords = {g.value("coordinates", json::array())};
        else if (type == "MultiPoint")
            coords = g.value("coordinates", json::array()).get<std::vector<json>>();
        else
            return Error{where + ": a " + type + "; receiver files hold Point or MultiPoint features only"};
        const json props = f.value("properties", json::object());
        for (std::size_t ci = 0; ci < coords.size(); ++ci) {
            const json& c = coords[ci];
            if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number())
                return Error{where + ": coordinates are not [x, y(, z)] numbers"};
            SunlightReceiver r;
            r.position = {c[0].get<double>(), c[1].get<double>(), 0};
            if (auto z = numberProperty(props, "z"))
                r.position.z = *z;
            else if (c.size() >= 3 && c[2].is_number())
                r.position.z = c[2].get<double>();
            else
                return Error{where + ": no height: give a property \"z\" or a third coordinate"};
            auto nx = numberProperty(props, "nx"), ny = numberProperty(props, "ny"),
                 nz = numberProperty(props, "nz");
            if (nx || ny || nz) {
                if (!(nx && ny && nz))
                    return Error{where + ": give all of the properties nx, ny, nz or none"};
                r.normal = Vec3{*nx, *ny, *nz};
            }
            std::string id;
            for (const char* key : {"id", "name"})
                if (id.empty() && props.is_object() && props.contains(key) && !props[key].is_null())
                    id = props[key].is_string() ? props[key].get<std::string>() : props[key].dump();
            if (id.empty() && f.contains("id"))
                id = f["id"].is_string() ? f["id"].get<std::string>() : f["id"].dump();
            if (id.empty())
                id = std::to_string(out.size() + 1);
            else if (coords.size() > 1)
                id += "_" + std::to_string(ci + 1);
            r.id = id;
            if (Status s = finishNormal(r, where); !s)
                return Error{s.error()};
            out.push_back(std::move(r));
        }
    }
    // A CRS named in the file (legacy "crs" member) other than the buildings' one: transform.
    if (doc.contains("crs") && doc["crs"].is_object() && !target.isEmpty()) {
        const std::string name = doc["crs"].value("properties", json::object()).value("name", "");
        if (!name.empty()) {
            auto t = io::CrsTransform::create(Crs{name}, target);
            if (!t)
                return Error{"'" + path + "': its CRS '" + name +
                             "' cannot be transformed to the buildings' CRS: " + t.error()};
            for (auto& r : out)
                if (!t->transform(r.position))
                    return Error{"'" + path + "': receiver '" + r.id +
                                 "' cannot be transformed to the buildings' CRS"};
        }
    }
    return out;
}
} // namespace

Result<std::vector<SunlightReceiver>> readReceiverPoints(const std::string& path, const Crs& targetCrs) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot read the points file '" + path + "': it does not exist or is not readable"};
    const std::string ext = lower(
        path.substr(path.find_last_of('.') == std::string::npos ? path.size() : path.find_last_of('.')));
    Result<std::vector<SunlightReceiver>> r =
        ext == ".geojson" || ext == ".json" ? readGeoJson(path, in, targetCrs)
        : ext == ".csv" || ext == ".txt"    ? readCsv(path, in)
                                            : Result<std::vector<SunlightReceiver>>(Error{
                                               "'" + path + "': points must be a .csv or .geojson file"});
    if (r && r->empty())
        return Error{"'" + path + "' holds no receiver points"};
    return r;
}

} // namespace gis::analysis
