// CityJSON / CityJSONSeq reader: JSON -> city objects -> triangles (see cityjson.h).
#include "gis/io/cityjson.h"

#include "gis/geom/triangulate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace gis::io {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kMaxObjectWarnings = 50;

struct BadGeometry {
    std::string what;
};

std::string lodString(const json& lod) {
    if (lod.is_string())
        return lod.get<std::string>();
    if (lod.is_number()) {
        std::ostringstream s;
        s << lod.get<double>();
        return s.str();
    }
    return "";
}

double lodValue(const std::string& lod) {
    try {
        return std::stod(lod);
    } catch (...) {
        return -1;
    }
}

// "https://www.opengis.net/def/crs/EPSG/0/7415", "urn:ogc:def:crs:EPSG::7415", "EPSG:7415" -> "EPSG:7415".
Crs crsFromReference(const std::string& ref) {
    if (ref.empty())
        return {};
    const auto epsg = ref.find("EPSG");
    if (epsg == std::string::npos)
        return Crs{ref}; // let PROJ try (WKT, another authority)
    std::size_t end = ref.size();
    while (end > epsg && !std::isdigit(static_cast<unsigned char>(ref[end - 1])))
        --end;
    std::size_t begin = end;
    while (begin > epsg && std::isdigit(static_cast<unsigned char>(ref[begin - 1])))
        --begin;
    if (begin == end)
        return Crs{ref};
    return Crs{"EPSG:" + ref.substr(begin, end - begin)};
}

bool isBuildingLike(const std::string& type) {
    for (const char* prefix : {"Building", "Bridge", "Tunnel", "Other"})
        if (type.rfind(prefix, 0) == 0)
            return true;
    return false;
}

Surface surfaceOf(const std::string& semantic) {
    if (semantic == "RoofSurface")
        return Surface::Roof;
    if (semantic == "GroundSurface" || semantic == "FloorSurface")
        return Surface::Ground;
    if (semantic == "WallSurface" || semantic == "ClosureSurface" || semantic == "OuterCeilingSurface" ||
        semantic == "OuterFloorSurface" || semantic == "Window" || semantic == "Door" ||
        semantic == "InteriorWallSurface")
        return Surface::Wall;
    if (semantic == "TINRelief" || semantic == "WaterGroundSurface")
        return Surface::Terrain;
    return Surface::Unknown;
}

bool isSurfaceNode(const json& b) {
    return b.is_array() && !b.empty() && b[0].is_array() && (b[0].empty() || b[0][0].is_number());
}

class Reader {
public:
    Reader(const std::string& path, const CityJsonOptions& options, bool summaryOnly, CityJsonModel& model)
        : mPath(path), mOptions(options), mSummaryOnly(summaryOnly), mModel(model) {}

    void setHeader(const json& doc) {
        mModel.version = doc.value("version", std::string());
        if (auto m = doc.find("metadata"); m != doc.end() && m->is_object()) {
            if (auto r = m->find("referenceSystem"); r != m->end() && r->is_string())
                mModel.crs = crsFromReference(r->get<std::string>());
        }
        if (auto t = doc.find("transform"); t != doc.end() && t->is_object()) {
            const json& s = (*t)["scale"];
            const json& tr = (*t)["translate"];
            mScale = {s.at(0).get<double>(), s.at(1).get<double>(), s.at(2).get<double>()};
            mTranslate = {tr.at(0).get<double>(), tr.at(1).get<double>(), tr.at(2).get<double>()};
        }
    }

    // One chunk: the whole file, or one CityJSONFeature of a sequence (its own vertices and appearance).
    void addChunk(const json& doc, Progress& progress, double begin, double end) {
        std::vector<Vec3> vertices;
        if (auto v = doc.find("vertices"); v != doc.end() && v->is_array()) {
            vertices.reserve(v->size());
            for (const auto& p : *v) {
                Vec3 q{p.at(0).get<double>() * mScale.x + mTranslate.x,
                       p.at(1).get<double>() * mScale.y + mTranslate.y,
                       p.at(2).get<double>() * mScale.z + mTranslate.z};
                mModel.extent.include(q.x, q.y);
                mMinZ = std::min(mMinZ, q.z);
                mMaxZ = std::max(mMaxZ, q.z);
                vertices.push_back(q);
            }
        }
        const json* appearance = nullptr;
        if (auto a = doc.find("appearance"); a != doc.end() && a->is_object())
            appearance = &*a;
        auto objects = doc.find("CityObjects");
        if (objects == doc.end() || !objects->is_object())
            return;
        const double n = std::max<double>(1, double(objects->size()));
        std::size_t i = 0;
        for (const auto& [id, obj] : objects->items()) {
            if (++i % 64 == 0)
                progress.setFraction(begin + (end - begin) * double(i) / n);
            addObject(id, obj, vertices, appearance);
        }
    }

    void finish() {
        if (mMinZ <= mMaxZ) {
            mModel.minZ = mMinZ;
            mModel.maxZ = mMaxZ;
        }
        std::vector<std::string> lods(mLods.begin(), mLods.end());
        std::sort(lods.begin(), lods.end(),
                  [](const std::string& a, const std::string& b) { return lodValue(a) < lodValue(b); });
        mModel.lods = std::move(lods);
        if (mModel.skipped > kMaxObjectWarnings)
            mModel.warnings.push_back("'" + mPath + "': " + std::to_string(mModel.skipped) +
                                      " city object(s) skipped in all.");
        if (mFallbacks > 0)
            mModel.warnings.push_back("'" + mPath + "': " + std::to_string(mFallbacks) +
                                      " city object(s) have no LoD " + mOptions.lod +
                                      "; their highest LoD was used.");
        if (mTemplates > 0)
            mModel.warnings.push_back(
                "'" + mPath + "': " + std::to_string(mTemplates) +
                " geometry instance(s) (templates) are not supported yet and were skipped.");
        checkTextures();
    }

private:
    void warnObject(const std::string& id, const std::string& what) {
        ++mModel.skipped;
        if (mModel.skipped <= kMaxObjectWarnings)
            mModel.warnings.push_back("'" + mPath + "', city object '" + id + "': " + what +
                                      "; the object was skipped.");
    }

    // The geometry to use: the requested LoD, else the highest LoD (surface geometries only).
    const json* pickGeometry(const json& geometries) {
        const json* best = nullptr;
        const json* exact = nullptr;
        double bestLod = -1e9;
        bool anySurface = false;
        for (const auto& g : geometries) {
            if (!g.is_object())
                continue;
            const std::string type = g.value("type", std::string());
            if (type == "GeometryInstance") {
                ++mTemplates;
                continue;
            }
            if (type != "MultiSurface" && type != "CompositeSurface" && type != "Solid" &&
                type != "MultiSolid" && type != "CompositeSolid")
                continue;
            anySurface = true;
            const std::string lod = g.contains("lod") ? lodString(g["lod"]) : std::string();
            mLods.insert(lod);
            const double v = lodValue(lod);
            if (!mOptions.lod.empty() && std::abs(v - lodValue(mOptions.lod)) < 1e-9)
                exact = &g;
            if (!best || v > bestLod) {
                best = &g;
                bestLod = v;
            }
        }
        if (!mOptions.lod.empty() && !exact && anySurface)
            ++mFallbacks;
        return exact ? exact : best;
    }

    void addObject(const std::string& id, const json& obj, const std::vector<Vec3>& vertices,
                   const json* appearance) {
        if (!obj.is_object()) {
            warnObject(id, "not a JSON object");
            return;
        }
        const std::string type = obj.value("type", std::string("?"));
        ++mModel.typeCounts[type];
        auto geometries = obj.find("geometry");
        if (geometries == obj.end() || !geometries->is_array() || geometries->empty())
            return; // e.g. a Building whose geometry is in its BuildingParts
        try {
            const json* g = pickGeometry(*geometries);
            if (!g)
                return;
            if (mSummaryOnly) {
                collectTextures(*g, appearance);
                return;
            }
            CityObjectInfo info;
            info.id = id;
            info.type = type;
            info.lod = g->contains("lod") ? lodString((*g)["lod"]) : std::string();
            if (auto p = obj.find("parents");
                p != obj.end() && p->is_array() && !p->empty() && (*p)[0].is_string())
                info.parent = (*p)[0].get<std::string>();
            TriangleMesh mesh;
            std::vector<std::string> semanticTypes;
            const json* values = nullptr;
            if (auto s = g->find("semantics"); s != g->end() && s->is_object()) {
                if (auto surfaces = s->find("surfaces"); surfaces != s->end() && surfaces->is_array())
                    for (const auto& sf : *surfaces)
                        semanticTypes.push_back(sf.is_object() ? sf.value("type", std::string())
                                                               : std::string());
                if (auto v = s->find("values"); v != s->end())
                    values = &*v;
            }
            const json& boundaries = g->at("boundaries");
            walk(boundaries, values, semanticTypes, vertices, isBuildingLike(type), mesh);
            collectTextures(*g, appearance);
            if (mesh.indices.empty())
                return;
            const auto index = std::uint32_t(mModel.objects.size());
            std::fill(mesh.objectIds.begin(), mesh.objectIds.end(), index);
            mModel.objects.push_back(std::move(info));
            mModel.mesh.append(mesh);
        } catch (const BadGeometry& e) {
            warnObject(id, e.what);
        } catch (const json::exception& e) {
            warnObject(id, std::string("malformed geometry (") + e.what() + ")");
        }
    }

    void walk(const json& b, const json* values, const std::vector<std::string>& semanticTypes,
              const std::vector<Vec3>& vertices, bool building, TriangleMesh& mesh) {
        if (!b.is_array())
            throw BadGeometry{"a geometry boundary is not an array"};
        if (isSurfaceNode(b)) {
            Surface s = Surface::Unknown;
            if (values && values->is_number_integer()) {
                const auto k = values->get<std::int64_t>();
                if (k >= 0 && std::size_t(k) < semanticTypes.size())
                    s = surfaceOf(semanticTypes[std::size_t(k)]);
            }
            addSurface(b, s, vertices, building, mesh);
            return;
        }
        for (std::size_t i = 0; i < b.size(); ++i) {
            const json* v = values && values->is_array() && i < values->size() ? &(*values)[i] : nullptr;
            walk(b[i], v, semanticTypes, vertices, building, mesh);
        }
    }

    void addSurface(const json& surface, Surface semantic, const std::vector<Vec3>& vertices, bool building,
                    TriangleMesh& mesh) {
        std::vector<std::vector<Vec3>> rings;
        for (const auto& r : surface) {
            std::vector<Vec3> ring;
            for (const auto& idx : r) {
                if (!idx.is_number_integer())
                    throw BadGeometry{"a vertex index is not an integer"};
                const auto k = idx.get<std::int64_t>();
                if (k < 0 || std::size_t(k) >= vertices.size())
                    throw BadGeometry{"vertex index " + std::to_string(k) + " is out of range (" +
                                      std::to_string(vertices.size()) + " vertices)"};
                const Vec3& p = vertices[std::size_t(k)];
                if (ring.empty() || !(ring.back() == p))
                    ring.push_back(p);
            }
            while (ring.size() > 1 && ring.front() == ring.back())
                ring.pop_back();
            if (ring.size() >= 3)
                rings.push_back(std::move(ring));
            else if (rings.empty())
                return; // degenerate outer ring: nothing to draw
        }
        if (rings.empty())
            return;
        // Newell normal of the outer ring (robust for non-convex, slightly non-planar rings).
        const std::vector<Vec3>& outer = rings.front();
        const Vec3 o = outer.front();
        Vec3 n;
        for (std::size_t i = 0; i < outer.size(); ++i) {
            const Vec3 a = outer[i] - o, c = outer[(i + 1) % outer.size()] - o;
            n = n + Vec3{(a.y - c.y) * (a.z + c.z), (a.z - c.z) * (a.x + c.x), (a.x - c.x) * (a.y + c.y)};
        }
        if (n.length() < 1e-12)
            return;
        n = n.normalized();
        if (semantic == Surface::Unknown && building)
            semantic = n.z > 0.5 ? Surface::Roof : (n.z < -0.5 ? Surface::Ground : Surface::Wall);

        const auto base = std::uint32_t(mesh.vertices.size());
        auto addTriangle = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
            mesh.indices.insert(mesh.indices.end(), {base + a, base + b, base + c});
            mesh.surfaces.push_back(semantic);
            mesh.objectIds.push_back(0);
        };
        if (rings.size() == 1 && outer.size() == 3) {
            mesh.vertices.insert(mesh.vertices.end(), outer.begin(), outer.end());
            addTriangle(0, 1, 2);
            return;
        }
        // Plane basis with u x v = n: counter-clockwise in (u, v) faces along n.
        const Vec3 ref = std::abs(n.x) < 0.9 ? Vec3{1, 0, 0} : Vec3{0, 1, 0};
        const Vec3 u = ref.cross(n).normalized();
        const Vec3 v = n.cross(u);
        auto to2d = [&](const Vec3& p) { return Vec2{(p - o).dot(u), (p - o).dot(v)}; };
        Polygon poly;
        for (const auto& p : outer)
            poly.outer.push_back(to2d(p));
        for (std::size_t r = 1; r < rings.size(); ++r) {
            Ring hole;
            for (const auto& p : rings[r])
                hole.push_back(to2d(p));
            poly.holes.push_back(std::move(hole));
        }
        if (poly.holes.empty() && convexCcw(poly.outer)) {
            mesh.vertices.insert(mesh.vertices.end(), outer.begin(), outer.end());
            for (std::uint32_t i = 1; i + 1 < outer.size(); ++i)
                addTriangle(0, i, i + 1);
            return;
        }
        // The CDT keeps the inserted coordinates exactly: map them back to their 3D vertices; points it adds
        // (crossing constraints) are lifted onto the plane.
        std::map<std::pair<double, double>, Vec3> lift;
        for (const auto& ring : rings)
            for (const auto& p : ring) {
                const Vec2 q = to2d(p);
                lift.emplace(std::make_pair(q.x, q.y), p);
            }
        const geom::Triangulation t = geom::triangulate(poly);
        for (const auto& q : t.points) {
            auto it = lift.find({q.x, q.y});
            mesh.vertices.push_back(it != lift.end() ? it->second : o + u * q.x + v * q.y);
        }
        for (const auto& tri : t.triangles)
            addTriangle(tri[0], tri[1], tri[2]);
    }

    static bool convexCcw(const Ring& ring) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0; i < n; ++i) {
            const Vec2 a = ring[i], b = ring[(i + 1) % n], c = ring[(i + 2) % n];
            if ((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x) <= 1e-12)
                return false;
        }
        return true;
    }

    // Texture indices referenced by a geometry: every theme's values hold, per ring, [texture, uv...].
    void collectTextures(const json& g, const json* appearance) {
        auto tex = g.find("texture");
        if (tex == g.end() || !tex->is_object())
            return;
        std::vector<const json*> stack;
        for (const auto& [theme, t] : tex->items())
            if (auto v = t.find("values"); v != t.end())
                stack.push_back(&*v);
        while (!stack.empty()) {
            const json* node = stack.back();
            stack.pop_back();
            if (!node->is_array() || node->empty())
                continue;
            if ((*node)[0].is_number_integer()) {
                const auto k = (*node)[0].get<std::int64_t>();
                if (appearance && k >= 0) {
                    const json& textures = appearance->value("textures", json::array());
                    if (std::size_t(k) < textures.size() && textures[std::size_t(k)].is_object())
                        mTextures.insert(textures[std::size_t(k)].value("image", std::string()));
                }
                continue;
            }
            for (const auto& child : *node)
                stack.push_back(&child);
        }
    }

    void checkTextures() {
        const fs::path dir = fs::path(mPath).parent_path();
        std::vector<std::string> missing;
        for (const auto& image : mTextures) {
            if (image.empty())
                continue;
            ++mModel.texturesReferenced;
            std::error_code ec;
            if (image.rfind("http://", 0) == 0 || image.rfind("https://", 0) == 0 ||
                !fs::exists(dir / image, ec))
                missing.push_back(image);
        }
        mModel.texturesMissing = std::int64_t(missing.size());
        if (missing.empty())
            return;
        std::string list;
        for (std::size_t i = 0; i < missing.size() && i < 5; ++i)
            list += (i ? ", '" : "'") + missing[i] + "'";
        if (missing.size() > 5)
            list += ", ...";
        mModel.warnings.push_back("'" + mPath + "': " + std::to_string(missing.size()) + " of " +
                                  std::to_string(mModel.texturesReferenced) +
                                  " referenced texture image(s) are missing (" + list + ", relative to '" +
                                  dir.string() +
                                  "'); those surfaces are shown in their roof/wall/ground colours. Copy the "
                                  "images there to keep them with the model.");
    }

    const std::string& mPath;
    const CityJsonOptions& mOptions;
    const bool mSummaryOnly;
    CityJsonModel& mModel;
    Vec3 mScale{1, 1, 1};
    Vec3 mTranslate{0, 0, 0};
    double mMinZ = 1e300, mMaxZ = -1e300;
    std::set<std::string> mLods;
    std::set<std::string> mTextures;
    std::int64_t mFallbacks = 0;
    std::int64_t mTemplates = 0;
};

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

Result<CityJsonModel> readCityJson(const std::string& path, const CityJsonOptions& options,
                                   Progress& progress, bool summaryOnly) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return Error{"Cannot read '" + path + "': the file does not exist."};
    const std::string text = readAll(path);
    CityJsonModel model;
    Reader reader(path, options, summaryOnly, model);
    try {
        json doc = json::parse(text, nullptr, false);
        if (!doc.is_discarded()) {
            const std::string type = doc.value("type", std::string());
            if (type == "CityJSONFeature")
                return Error{
                    "Cannot read '" + path +
                    "': it is a single CityJSONFeature without the CityJSON header line that holds its "
                    "transform and CRS; read the whole CityJSONSeq (.jsonl) file instead."};
            if (type != "CityJSON")
                return Error{"Cannot read '" + path + "': it is JSON but not CityJSON (type '" + type +
                             "')."};
            reader.setHeader(doc);
            reader.addChunk(doc, progress, 0, 1);
        } else {
            // CityJSONSeq: one JSON object per line, the first a CityJSON header.
            model.sequence = true;
            std::istringstream lines(text);
            std::string line;
            std::size_t lineNo = 0, pos = 0;
            bool header = false;
            while (std::getline(lines, line)) {
                ++lineNo;
                pos += line.size() + 1;
                if (line.find_first_not_of(" \t\r") == std::string::npos)
                    continue;
                json j = json::parse(line, nullptr, false);
                if (!header && j.is_discarded())
                    json::parse(text)
                        .is_object(); // not a sequence either: throws the parse error of the file
                if (j.is_discarded() || !j.is_object())
                    return Error{"Cannot read '" + path + "': line " + std::to_string(lineNo) +
                                 " is not valid JSON (neither a CityJSON file nor a CityJSONSeq)."};
                const std::string type = j.value("type", std::string());
                if (!header) {
                    if (type != "CityJSON")
                        return Error{"Cannot read '" + path +
                                     "': the first line of a CityJSONSeq must be a CityJSON header (type '" +
                                     type + "')."};
                    reader.setHeader(j);
                    reader.addChunk(j, progress, 0, 0);
                    header = true;
                    continue;
                }
                if (type != "CityJSONFeature") {
                    model.warnings.push_back("'" + path + "', line " + std::to_string(lineNo) +
                                             ": not a CityJSONFeature (type '" + type + "'); skipped.");
                    continue;
                }
                const double f = double(pos) / double(std::max<std::size_t>(1, text.size()));
                reader.addChunk(j, progress, f, f);
                if (progress.isCanceled())
                    return Error{"Reading '" + path + "' was cancelled."};
            }
            if (!header)
                return Error{"Cannot read '" + path + "': it is empty."};
        }
    } catch (const json::exception& e) {
        return Error{"Cannot read '" + path + "': malformed CityJSON (" + e.what() + ")."};
    }
    if (progress.isCanceled())
        return Error{"Reading '" + path + "' was cancelled."};
    reader.finish();
    progress.setFraction(1.0);
    return model;
}

bool isCityJson(const std::string& path) {
    std::string name = fs::path(path).filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    auto endsWith = [&](const char* s) {
        const std::string suffix(s);
        return name.size() >= suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (!endsWith(".json") && !endsWith(".jsonl") && !endsWith(".cityjson") && !endsWith(".city.jsonl"))
        return false;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    // The top-level "type" may come after megabytes of CityObjects: look for the CityJSON markers in the
    // first 64 KiB, then (unless it is clearly GeoJSON) in the whole file.
    std::string head(65536, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    auto marked = [](const std::string& s) {
        for (const char* type : {"CityJSON\"", "CityJSONFeature\""}) {
            for (std::size_t p = s.find(type); p != std::string::npos; p = s.find(type, p + 1)) {
                // "type" <spaces> : <spaces> "CityJSON"
                std::size_t q = p;
                if (q == 0 || s[q - 1] != '"')
                    continue;
                --q;
                while (q > 0 && std::isspace(static_cast<unsigned char>(s[q - 1])))
                    --q;
                if (q == 0 || s[q - 1] != ':')
                    continue;
                --q;
                while (q > 0 && std::isspace(static_cast<unsigned char>(s[q - 1])))
                    --q;
                if (q >= 6 && s.compare(q - 6, 6, "\"type\"") == 0)
                    return true;
            }
        }
        return false;
    };
    if (marked(head) || head.find("\"CityObjects\"") != std::string::npos)
        return true;
    if (head.find("\"FeatureCollection\"") != std::string::npos || head.size() < 65536)
        return false;
    return marked(readAll(path));
}

} // namespace gis::io
