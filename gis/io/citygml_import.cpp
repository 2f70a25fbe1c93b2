// CityGML 2.0/1.0 -> one CityModel layer in the project CRS, through libcitygml (see citygml_import.h).
// The only translation unit that includes libcitygml.
#include "gis/io/citygml_import.h"

#include <citygml/citygml.h>
#include <citygml/citygmllogger.h>
#include <citygml/citymodel.h>
#include <citygml/cityobject.h>
#include <citygml/envelope.h>
#include <citygml/geometry.h>
#include <citygml/polygon.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

namespace gis::io {

namespace fs = std::filesystem;
using CO = citygml::CityObject;
using COT = citygml::CityObject::CityObjectsType;

namespace {

constexpr const char* kCityGmlNamespace = "http://www.opengis.net/citygml";
constexpr const char* kCityGml3Namespace = "http://www.opengis.net/citygml/3.0";

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string readHead(const std::string& path, std::size_t bytes) {
    std::ifstream in(path, std::ios::binary);
    std::string head(bytes, '\0');
    if (!in)
        return {};
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    return head;
}

// True when `needle` (lower case) occurs in the file (read in chunks, case-insensitive).
bool fileContains(const std::string& path, const std::string& needle) {
    std::ifstream in(path, std::ios::binary);
    std::string carry, chunk(1 << 20, '\0');
    while (in) {
        in.read(chunk.data(), std::streamsize(chunk.size()));
        const std::string part = carry + lower(chunk.substr(0, std::size_t(in.gcount())));
        if (part.find(needle) != std::string::npos)
            return true;
        carry = part.size() > needle.size() ? part.substr(part.size() - needle.size()) : part;
    }
    return false;
}

// Collects libcitygml's messages instead of letting it print them.
class Logger : public citygml::CityGMLLogger {
public:
    Logger() : CityGMLLogger(LOGLEVEL::LL_WARNING) {}
    void log(LOGLEVEL level, const std::string& message, const char*, int) const override {
        std::lock_guard<std::mutex> lock(mMutex);
        if (level == LOGLEVEL::LL_ERROR)
            errors.push_back(message);
    }
    mutable std::vector<std::string> errors;

private:
    mutable std::mutex mMutex;
};

// Boundary surfaces and openings: their polygons belong to the enclosing feature.
bool isPartOfFeature(COT t) {
    switch (t) {
    case COT::COT_WallSurface:
    case COT::COT_RoofSurface:
    case COT::COT_GroundSurface:
    case COT::COT_ClosureSurface:
    case COT::COT_FloorSurface:
    case COT::COT_InteriorWallSurface:
    case COT::COT_CeilingSurface:
    case COT::COT_OuterCeilingSurface:
    case COT::COT_OuterFloorSurface:
    case COT::COT_Door:
    case COT::COT_Window:
        return true;
    default:
        return false;
    }
}

// Same mapping as the CityJSON reader's semantic surfaces.
Surface surfaceOf(COT t) {
    switch (t) {
    case COT::COT_RoofSurface:
        return Surface::Roof;
    case COT::COT_GroundSurface:
    case COT::COT_FloorSurface:
        return Surface::Ground;
    case COT::COT_WallSurface:
    case COT::COT_ClosureSurface:
    case COT::COT_OuterCeilingSurface:
    case COT::COT_OuterFloorSurface:
    case COT::COT_InteriorWallSurface:
    case COT::COT_Door:
    case COT::COT_Window:
        return Surface::Wall;
    case COT::COT_TINRelief:
    case COT::COT_ReliefFeature:
    case COT::COT_ReliefComponent:
        return Surface::Terrain;
    default:
        return Surface::Unknown;
    }
}

Surface surfaceOf(citygml::Geometry::GeometryType t) {
    using GT = citygml::Geometry::GeometryType;
    switch (t) {
    case GT::GT_Roof:
        return Surface::Roof;
    case GT::GT_Ground:
    case GT::GT_Floor:
        return Surface::Ground;
    case GT::GT_Wall:
    case GT::GT_Closure:
    case GT::GT_InteriorWall:
    case GT::GT_OuterCeiling:
    case GT::GT_OuterFloor:
        return Surface::Wall;
    case GT::GT_Tin:
        return Surface::Terrain;
    default:
        return Surface::Unknown;
    }
}

bool isBuildingLike(const std::string& type) {
    for (const char* prefix : {"Building", "Bridge", "Tunnel"})
        if (type.rfind(prefix, 0) == 0)
            return true;
    return false;
}

struct Piece {
    const citygml::Polygon* polygon;
    Surface semantic;
    unsigned lod;
};

class Reader {
public:
    Reader(const std::string& path, const CityGmlOptions& options, CityJsonModel& model)
        : mPath(path), mModel(model) {
        if (!options.lod.empty()) {
            try {
                mLod = int(std::stoul(options.lod));
            } catch (...) {
                mLod = -2; // matches nothing
            }
        }
    }

    void visit(const CO& o, const std::string& parent) {
        const std::string type = o.getTypeAsString();
        ++mModel.typeCounts[type];
        std::vector<Piece> pieces;
        collect(o, Surface::Unknown, pieces);
        for (unsigned i = 0; i < o.getChildCityObjectsCount(); ++i) {
            const CO& child = o.getChildCityObject(i);
            if (isPartOfFeature(child.getType()))
                collectSurface(child, pieces);
            else
                visit(child, o.getId());
        }
        emit(o.getId(), type, parent, pieces);
    }

    void finish() {
        for (unsigned lod : mLods)
            mModel.lods.push_back(std::to_string(lod));
        if (mMinZ <= mMaxZ) {
            mModel.minZ = mMinZ;
            mModel.maxZ = mMaxZ;
        }
        if (mMissingLod > 0)
            mModel.warnings.push_back("'" + mPath + "': " + std::to_string(mMissingLod) +
                                      " city object(s) have no LoD" + std::to_string(mLod) +
                                      " geometry; not shown.");
    }

    bool anyGeometry() const { return !mLods.empty(); }

private:
    void collectSurface(const CO& surface, std::vector<Piece>& pieces) {
        collect(surface, surfaceOf(surface.getType()), pieces);
        for (unsigned i = 0; i < surface.getChildCityObjectsCount(); ++i) // openings of a surface
            collectSurface(surface.getChildCityObject(i), pieces);
    }

    void collect(const CO& o, Surface semantic, std::vector<Piece>& pieces) {
        for (unsigned i = 0; i < o.getGeometriesCount(); ++i)
            collect(o.getGeometry(i), semantic, pieces);
    }

    void collect(const citygml::Geometry& g, Surface semantic, std::vector<Piece>& pieces) {
        const Surface own = semantic != Surface::Unknown ? semantic : surfaceOf(g.getType());
        for (unsigned i = 0; i < g.getPolygonsCount(); ++i)
            if (auto p = g.getPolygon(i))
                pieces.push_back({p.get(), own, g.getLOD()});
        for (unsigned i = 0; i < g.getGeometriesCount(); ++i)
            collect(g.getGeometry(i), own, pieces);
    }

    void emit(const std::string& id, const std::string& type, const std::string& parent,
              const std::vector<Piece>& pieces) {
        if (pieces.empty())
            return;
        int chosen = -1;
        for (const auto& piece : pieces) {
            mLods.insert(piece.lod);
            chosen = std::max(chosen, int(piece.lod));
            for (const auto& v : piece.polygon->getVertices()) {
                mModel.extent.include(v.x, v.y);
                mMinZ = std::min(mMinZ, v.z);
                mMaxZ = std::max(mMaxZ, v.z);
            }
        }
        if (mLod != -1) {
            const bool has =
                std::any_of(pieces.begin(), pieces.end(), [&](const Piece& p) { return int(p.lod) == mLod; });
            if (!has) {
                ++mMissingLod;
                return;
            }
            chosen = mLod;
        }
        // A polygon referenced twice (a solid reusing the boundary surfaces by xlink) is drawn once, with
        // its semantic if either reference has one.
        std::map<const citygml::Polygon*, Surface> polygons;
        std::vector<const citygml::Polygon*> order;
        for (const auto& piece : pieces) {
            if (int(piece.lod) != chosen)
                continue;
            auto [it, inserted] = polygons.emplace(piece.polygon, piece.semantic);
            if (inserted)
                order.push_back(piece.polygon);
            else if (it->second == Surface::Unknown)
                it->second = piece.semantic;
        }
        const bool building = isBuildingLike(type);
        const auto objectId = std::uint32_t(mModel.objects.size());
        TriangleMesh& mesh = mModel.mesh;
        const std::size_t before = mesh.triangleCount();
        for (const citygml::Polygon* polygon : order) {
            const auto& vertices = polygon->getVertices();
            const auto& indices = polygon->getIndices();
            // libcitygml keeps the closing vertex of a ring: drop the degenerate triangles it makes.
            std::vector<std::array<std::uint32_t, 3>> triangles;
            Vec3 n;
            for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
                if (indices[t] >= vertices.size() || indices[t + 1] >= vertices.size() ||
                    indices[t + 2] >= vertices.size())
                    continue;
                const auto &a = vertices[indices[t]], &b = vertices[indices[t + 1]],
                           &c = vertices[indices[t + 2]];
                const Vec3 cross =
                    Vec3{b.x - a.x, b.y - a.y, b.z - a.z}.cross(Vec3{c.x - a.x, c.y - a.y, c.z - a.z});
                if (cross.length() < 1e-9)
                    continue;
                n = n + cross;
                triangles.push_back({indices[t], indices[t + 1], indices[t + 2]});
            }
            if (triangles.empty() || n.length() < 1e-12)
                continue;
            Surface semantic = polygons[polygon];
            if (semantic == Surface::Unknown && building) {
                n = n.normalized();
                semantic = n.z > 0.5 ? Surface::Roof : (n.z < -0.5 ? Surface::Ground : Surface::Wall);
            }
            const auto base = std::uint32_t(mesh.vertices.size());
            for (const auto& v : vertices)
                mesh.vertices.push_back(Vec3{v.x, v.y, v.z});
            for (const auto& t : triangles) {
                mesh.indices.insert(mesh.indices.end(), {base + t[0], base + t[1], base + t[2]});
                mesh.surfaces.push_back(semantic);
                mesh.objectIds.push_back(objectId);
            }
        }
        if (mesh.triangleCount() > before)
            mModel.objects.push_back(CityObjectInfo{id, type, parent, std::to_string(chosen)});
    }

    const std::string& mPath;
    CityJsonModel& mModel;
    int mLod = -1;
    std::set<unsigned> mLods;
    double mMinZ = 1e300, mMaxZ = -1e300;
    std::int64_t mMissingLod = 0;
};

} // namespace

bool isCityGml(const std::string& path) {
    const std::string name = lower(fs::path(path).filename().string());
    auto endsWith = [&](const std::string& suffix) {
        return name.size() >= suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (!endsWith(".gml") && !endsWith(".citygml") && !endsWith(".xml"))
        return false;
    return readHead(path, 8192).find(kCityGmlNamespace) != std::string::npos;
}

Crs crsFromSrsName(const std::string& srsName) {
    const std::string s = lower(srsName);
    if (s.empty())
        return {};
    // AdV (German surveying) names: urn:adv:crs:ETRS89_UTM33*DE_DHHN92_NH (horizontal*vertical).
    if (const auto adv = s.find("urn:adv:crs:"); adv != std::string::npos) {
        std::string horizontal = s.substr(adv + 12);
        horizontal = horizontal.substr(0, horizontal.find('*'));
        static const std::map<std::string, std::string> known{
            {"etrs89_utm31", "EPSG:25831"}, {"etrs89_utm32", "EPSG:25832"}, {"etrs89_utm33", "EPSG:25833"},
            {"de_dhdn_3gk2", "EPSG:31466"}, {"de_dhdn_3gk3", "EPSG:31467"}, {"de_dhdn_3gk4", "EPSG:31468"},
            {"de_dhdn_3gk5", "EPSG:31469"}, {"de_rd83_3gk4", "EPSG:3398"},  {"de_rd83_3gk5", "EPSG:3399"},
        };
        auto it = known.find(horizontal);
        return it != known.end() ? Crs{it->second} : Crs{};
    }
    // "EPSG:25833", "urn:ogc:def:crs:EPSG::25833", "urn:ogc:def:crs,crs:EPSG::25833,crs:EPSG::7837",
    // "http://www.opengis.net/def/crs/EPSG/0/25833", "EPSG:25833+7837": the first (horizontal) code.
    if (const auto epsg = s.find("epsg"); epsg != std::string::npos) {
        std::size_t begin = epsg + 4;
        if (s.compare(begin, 3, "/0/") == 0)
            begin += 3;
        while (begin < s.size() && !std::isdigit(static_cast<unsigned char>(s[begin])))
            ++begin;
        std::size_t end = begin;
        while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])))
            ++end;
        if (end > begin)
            return Crs{"EPSG:" + s.substr(begin, end - begin)};
        return {};
    }
    return {};
}

Result<CityJsonModel> readCityGml(const std::string& path, const CityGmlOptions& options,
                                  Progress& progress) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return Error{"Cannot read '" + path + "': the file does not exist."};
    const std::string head = readHead(path, 8192);
    if (head.find(kCityGml3Namespace) != std::string::npos)
        return Error{"Cannot read '" + path +
                     "': it is CityGML 3.0, which the CityGML reader (libcitygml 2.4) does not support; "
                     "convert it to CityGML 2.0 or CityJSON (e.g. with citygml-tools) and import that."};
    if (head.find(kCityGmlNamespace) == std::string::npos)
        return Error{"Cannot read '" + path + "': it has no CityGML namespace; it is not a CityGML file."};

    citygml::ParserParams params;
    params.tesselate = true;
    if (!options.lod.empty()) {
        try {
            params.minLOD = params.maxLOD = unsigned(std::stoul(options.lod));
        } catch (...) {
            return Error{"Cannot read '" + path + "': '" + options.lod + "' is not a CityGML LoD (0 to 4)."};
        }
    }
    auto logger = std::make_shared<Logger>();
    std::shared_ptr<const citygml::CityModel> city;
    progress.setMessage("Reading " + fs::path(path).filename().string());
    try {
        city = citygml::load(path, params, logger);
    } catch (const std::exception& e) {
        return Error{"Cannot read '" + path + "': malformed CityGML (" + e.what() + ")."};
    } catch (...) {
        return Error{"Cannot read '" + path + "': malformed CityGML."};
    }
    if (!city)
        return Error{"Cannot read '" + path + "': malformed CityGML" +
                     (logger->errors.empty() ? std::string(" (truncated or invalid XML).")
                                             : " (" + logger->errors.front() + ").")};
    progress.setFraction(0.7);
    if (progress.isCanceled())
        return Error{"Reading '" + path + "' was cancelled."};

    CityJsonModel model;
    model.version = head.find("http://www.opengis.net/citygml/1.0") != std::string::npos ? "1.0" : "2.0";
    std::string srs = city->getSRSName();
    if (srs.empty())
        srs = city->getEnvelope().srsName();
    model.crs = crsFromSrsName(srs);
    if (model.crs.isEmpty() && !srs.empty())
        model.warnings.push_back("'" + path + "': the srsName '" + srs +
                                 "' is not a coordinate reference system Urbis knows.");
    Reader reader(path, options, model);
    for (unsigned i = 0; i < city->getNumRootCityObjects(); ++i)
        reader.visit(city->getRootCityObject(int(i)), "");
    reader.finish();
    if (!reader.anyGeometry()) {
        if (fileContains(path, "lod0"))
            return Error{"Cannot read '" + path +
                         "': it has only LoD0 geometry (footprints, roof edges), which the CityGML reader "
                         "(libcitygml 2.4) does not read; use a file with LoD1 or LoD2 buildings."};
        if (!options.lod.empty())
            return Error{"Cannot read '" + path + "': it has no LoD" + options.lod + " geometry."};
    }
    progress.setFraction(1.0);
    return model;
}

Result<ImportReport> importCityGml(const std::string& path, const Project& project,
                                   const ImportOptions& options, const CityGmlOptions& cityGml,
                                   Progress& progress) {
    SubProgress reading(progress, 0.0, 0.8);
    auto read = readCityGml(path, cityGml, reading);
    if (!read)
        return Error{read.error()};
    CityJsonModel& model = read.value();
    std::string why = "(no srsName)";
    for (const auto& w : model.warnings)
        if (w.find("srsName") != std::string::npos)
            why = "(its srsName is not one Urbis knows)";
    return importCityModel(path, std::move(model), project, options, cityGml.lod,
                           "'" + path + "' is CityGML without a usable coordinate reference system " + why +
                               "; assign one (CLI: --assume-crs EPSG:xxxx; German city models are usually "
                               "EPSG:25832 or EPSG:25833).",
                           progress);
}

} // namespace gis::io
