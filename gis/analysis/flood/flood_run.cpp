// RUN.json → InertialInput; every error names the file, the key and what to do. The outputs of a run are
// written by flood_outputs.cpp.
#include "gis/analysis/flood/flood_run.h"

#include "gis/io/crs_transform.h"
#include "gis/io/raster_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace gis::analysis::flood {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// ---- RUN.json helpers: every error says which key is wrong ----
struct Reader {
    std::string file;
    fs::path base;
    Error err(const std::string& key, const std::string& what) const {
        return Error{"RUN.json '" + file + "': '" + key + "' " + what};
    }
    std::string path(const std::string& p) const {
        const fs::path q(p);
        return (q.is_absolute() ? q : base / q).lexically_normal().string();
    }
};

Result<double> number(const Reader& rd, const json& j, const std::string& key) {
    if (!j.is_number())
        return rd.err(key, "must be a number.");
    const double v = j.get<double>();
    if (!std::isfinite(v))
        return rd.err(key, "must be a finite number.");
    return v;
}

Result<Vec2> point(const Reader& rd, const json& j, const std::string& key) {
    if (!j.is_array() || j.size() != 2 || !j[0].is_number() || !j[1].is_number())
        return rd.err(key, "must be a point [x, y].");
    return Vec2{j[0].get<double>(), j[1].get<double>()};
}

// A LISFLOOD-FP boundary file (.bdy): a comment line, then per series its name, "N seconds|minutes|hours" and
// N lines "value time".
Result<TimeSeries> readLisfloodBdy(const std::string& path, const std::string& name) {
    std::ifstream in(path);
    if (!in)
        return Error{"Cannot read the LISFLOOD boundary file '" + path + "'."};
    std::string line;
    std::getline(in, line); // comment
    std::vector<std::string> names;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string series;
        if (!(ls >> series))
            continue;
        names.push_back(series);
        std::string countLine;
        while (std::getline(in, countLine) && countLine.find_first_not_of(" \t\r") == std::string::npos) {
        }
        std::istringstream cs(countLine);
        int count = 0;
        std::string unit;
        cs >> count >> unit;
        const double scale = unit == "hours" ? 3600 : unit == "minutes" ? 60 : 1;
        if (count <= 0 || (unit != "seconds" && unit != "minutes" && unit != "hours"))
            return Error{"LISFLOOD boundary file '" + path + "': series '" + series +
                         "' lacks its 'N seconds' line."};
        std::vector<std::pair<double, double>> pts;
        for (int i = 0; i < count && std::getline(in, line); ++i) {
            std::istringstream vs(line);
            double v = 0, t = 0;
            if (!(vs >> v >> t))
                return Error{"LISFLOOD boundary file '" + path + "': series '" + series + "' row " +
                             std::to_string(i + 1) + " is not 'value time'."};
            pts.emplace_back(t * scale, v);
        }
        if (series == name)
            return TimeSeries::fromPoints(std::move(pts), "series '" + name + "' in '" + path + "'");
    }
    std::string known;
    for (const auto& n : names)
        known += (known.empty() ? "" : ", ") + n;
    return Error{"LISFLOOD boundary file '" + path + "' has no series '" + name + "' (it has: " + known +
                 ")."};
}

Result<TimeSeries> series(const Reader& rd, const json& j, const std::string& key) {
    if (j.is_number())
        return TimeSeries::constant(j.get<double>());
    if (j.is_object() && j.contains("lisflood_bdy")) {
        if (!j["lisflood_bdy"].is_string() || !j.contains("name") || !j["name"].is_string())
            return rd.err(key, "needs {\"lisflood_bdy\": path, \"name\": series}.");
        return readLisfloodBdy(rd.path(j["lisflood_bdy"].get<std::string>()), j["name"].get<std::string>());
    }
    if (!j.is_array() || j.empty())
        return rd.err(key, "must be a list of [time_s, value] pairs.");
    std::vector<std::pair<double, double>> pts;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const json& p = j[i];
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
            return rd.err(key, "entry " + std::to_string(i + 1) + " must be [time_s, value].");
        pts.emplace_back(p[0].get<double>(), p[1].get<double>());
    }
    auto s = TimeSeries::fromPoints(std::move(pts), "'" + key + "'");
    if (!s)
        return rd.err(key, s.error());
    return s;
}

bool sameGrid(const RasterF& a, const RasterF& b) {
    return a.width == b.width && a.height == b.height &&
           std::abs(a.cellSize - b.cellSize) < 1e-6 * b.cellSize &&
           std::abs(a.originX - b.originX) < 1e-3 * b.cellSize &&
           std::abs(a.originY - b.originY) < 1e-3 * b.cellSize;
}

Result<RasterF> gridRaster(const Reader& rd, const json& j, const std::string& key, const RasterF& dem) {
    if (!j.is_string())
        return rd.err(key, "must be a raster path.");
    const std::string p = rd.path(j.get<std::string>());
    auto r = io::readDem(p);
    if (!r)
        return rd.err(key, "cannot be read: " + r.error());
    if (!sameGrid(r->raster, dem))
        return rd.err(key, "'" + p + "' is not on the DEM's grid (" + std::to_string(dem.width) + " × " +
                               std::to_string(dem.height) + " cells of " + std::to_string(dem.cellSize) +
                               " m); resample it with gdalwarp -te/-tr to the DEM's extent and cell size.");
    return std::move(r->raster);
}

// Nodata cells not connected to the grid's border through other nodata cells: holes in the surveyed area.
int countHoles(const RasterF& dem, Vec2* first) {
    const int W = dem.width, H = dem.height;
    std::vector<std::uint8_t> outside(dem.data.size(), 0);
    std::vector<int> stack;
    auto push = [&](int c, int r) {
        const std::size_t i = std::size_t(r) * W + c;
        if (std::isnan(dem.data[i]) && !outside[i]) {
            outside[i] = 1;
            stack.push_back(int(i));
        }
    };
    for (int c = 0; c < W; ++c)
        push(c, 0), push(c, H - 1);
    for (int r = 0; r < H; ++r)
        push(0, r), push(W - 1, r);
    while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        const int c = i % W, r = i / W;
        if (c > 0)
            push(c - 1, r);
        if (c + 1 < W)
            push(c + 1, r);
        if (r > 0)
            push(c, r - 1);
        if (r + 1 < H)
            push(c, r + 1);
    }
    int holes = 0;
    for (std::size_t i = 0; i < dem.data.size(); ++i)
        if (std::isnan(dem.data[i]) && !outside[i]) {
            if (holes++ == 0)
                *first = dem.cellCenter(int(i % W), int(i / W));
        }
    return holes;
}

Status readManning(const Reader& rd, const json& j, FloodRun& run) {
    InertialInput& in = run.input;
    if (j.is_number()) {
        in.manning = j.get<double>();
        return Status::ok();
    }
    if (j.is_string()) {
        auto r = gridRaster(rd, j, "manning", in.dem);
        if (!r)
            return Error{r.error()};
        in.manningRaster = std::move(r).value();
        return Status::ok();
    }
    if (!j.is_object() || !j.contains("classes") || !j.contains("table") || !j["table"].is_object())
        return rd.err("manning",
                      "must be a number, a raster path or {\"classes\": raster, \"table\": {\"1\": n}}.");
    auto classes = gridRaster(rd, j["classes"], "manning.classes", in.dem);
    if (!classes)
        return Error{classes.error()};
    std::map<long, double> table;
    for (auto& [k, v] : j["table"].items()) {
        char* end = nullptr;
        const long cls = std::strtol(k.c_str(), &end, 10);
        if (*end != '\0' || !v.is_number())
            return rd.err("manning.table", "entries must be \"class\": n (got \"" + k + "\").");
        table[cls] = v.get<double>();
    }
    double fallback = NAN;
    if (j.contains("default")) {
        auto d = number(rd, j["default"], "manning.default");
        if (!d)
            return Error{d.error()};
        fallback = *d.operator->();
    }
    in.manningRaster = classes.value();
    for (std::size_t i = 0; i < in.manningRaster.data.size(); ++i) {
        const float c = classes->data[i];
        if (std::isnan(c) || std::isnan(in.dem.data[i])) {
            in.manningRaster.data[i] = NAN;
            continue;
        }
        auto it = table.find(std::lround(c));
        if (it == table.end() && std::isnan(fallback)) {
            const Vec2 p = in.dem.cellCenter(int(i % in.dem.width), int(i / in.dem.width));
            return rd.err("manning.table", "has no entry for land-cover class " +
                                               std::to_string(std::lround(c)) + " (first at x " +
                                               std::to_string(p.x) + ", y " + std::to_string(p.y) +
                                               "); add it or give \"default\".");
        }
        in.manningRaster.data[i] = float(it == table.end() ? fallback : it->second);
    }
    return Status::ok();
}

} // namespace

Result<FloodRun> loadFloodRun(const std::string& runJsonPath) {
    FloodRun run;
    std::error_code ec;
    run.runFile = fs::absolute(runJsonPath, ec).lexically_normal().string();
    std::ifstream file(runJsonPath);
    if (!file)
        return Error{"Cannot read the run file '" + runJsonPath + "'."};
    std::stringstream text;
    text << file.rdbuf();
    run.runJson = text.str();
    json j;
    try {
        j = json::parse(run.runJson);
    } catch (const json::parse_error& e) {
        return Error{"RUN.json '" + runJsonPath + "' is not valid JSON: " + e.what()};
    }
    if (!j.is_object())
        return Error{"RUN.json '" + runJsonPath + "' must hold a JSON object."};
    const Reader rd{runJsonPath, fs::path(run.runFile).parent_path()};
    static const char* known[] = {"dem",
                                  "manning",
                                  "duration_s",
                                  "output_every_s",
                                  "rain",
                                  "losses_mm_per_h",
                                  "drainage_mm_per_h",
                                  "inflows",
                                  "boundaries",
                                  "gauges",
                                  "theta",
                                  "alpha",
                                  "max_time_step_s",
                                  "depth_threshold",
                                  "blocked",
                                  "initial_depth",
                                  "write_depth_snapshots",
                                  "stats_every_steps",
                                  "nodata_holes",
                                  "max_velocity",
                                  "comment"};
    for (auto& [key, value] : j.items())
        if (std::find(std::begin(known), std::end(known), key) == std::end(known))
            run.warnings.push_back("RUN.json: unknown key '" + key + "' ignored (misspelt?)");
    InertialInput& in = run.input;
    in.keepSnapshots = false;

    if (!j.contains("dem") || !j["dem"].is_string())
        return rd.err("dem", "is required: the path of the DEM raster.");
    run.demPath = rd.path(j["dem"].get<std::string>());
    auto dem = io::readDem(run.demPath);
    if (!dem)
        return rd.err("dem", "cannot be read: " + dem.error());
    run.crs = dem->crs;
    in.dem = std::move(dem->raster);
    if (run.crs.isEmpty())
        run.warnings.push_back("The DEM '" + run.demPath + "' has no CRS: its cell size is taken as metres.");
    else if (!io::isProjectedMetric(run.crs))
        return Error{
            "The DEM '" + run.demPath + "' is in " + io::crsName(run.crs) +
            ", not a projected CRS in metres (geographic degrees cannot be used as cell sizes). Reproject "
            "it first, e.g. gdalwarp -t_srs EPSG:<UTM zone or national grid> -tr 5 5 in.tif out.tif."};
    else if (io::isWebMercator(run.crs))
        run.warnings.push_back("The DEM is in Web Mercator: its metres are map metres, not ground metres; "
                               "reproject it to a local projected CRS for correct depths and speeds.");
    run.demSha256 = fileSha256(run.demPath);
    for (float v : in.dem.data)
        run.nodataCells += std::isnan(v);
    Vec2 firstHole;
    if (const int holes = countHoles(in.dem, &firstHole); holes > 0) {
        const bool asWalls = j.contains("nodata_holes") && j["nodata_holes"] == "walls";
        const std::string where =
            " (first near x " + std::to_string(firstHole.x) + ", y " + std::to_string(firstHole.y) + ")";
        if (!asWalls)
            return Error{
                "The DEM '" + run.demPath + "' has " + std::to_string(holes) +
                " nodata cells inside its surveyed area" + where +
                ". They would act as walls (a missing river surface would block the flow). Fill them "
                "first (gdal_fillnodata.py) or set \"nodata_holes\": \"walls\" in RUN.json."};
        run.warnings.push_back(std::to_string(holes) + " interior nodata cells are treated as walls" + where +
                               ".");
    }

    if (!j.contains("duration_s"))
        return rd.err("duration_s", "is required: the simulated time in seconds.");
    auto duration = number(rd, j["duration_s"], "duration_s");
    if (!duration)
        return Error{duration.error()};
    in.durationS = duration.value();
    in.outputEveryS = std::min(600.0, in.durationS);
    struct Scalar {
        const char* key;
        double* target;
    };
    double statsEvery = 1;
    for (const Scalar& s :
         {Scalar{"output_every_s", &in.outputEveryS}, Scalar{"losses_mm_per_h", &in.lossesMmPerH},
          Scalar{"drainage_mm_per_h", &in.drainageMmPerH}, Scalar{"theta", &in.theta},
          Scalar{"alpha", &in.alpha}, Scalar{"max_time_step_s", &in.maxTimeStepS},
          Scalar{"depth_threshold", &in.depthThreshold}, Scalar{"max_velocity", &in.maxVelocity},
          Scalar{"stats_every_steps", &statsEvery}})
        if (j.contains(s.key)) {
            auto v = number(rd, j[s.key], s.key);
            if (!v)
                return Error{v.error()};
            *s.target = v.value();
        }
    in.statsEverySteps = int(statsEvery);
    if (j.contains("write_depth_snapshots"))
        run.writeDepthSnapshots =
            j["write_depth_snapshots"].is_boolean() && j["write_depth_snapshots"].get<bool>();

    if (j.contains("manning"))
        if (Status s = readManning(rd, j["manning"], run); !s)
            return Error{s.error()};
    if (j.contains("blocked")) {
        auto b = gridRaster(rd, j["blocked"], "blocked", in.dem);
        if (!b)
            return Error{b.error()};
        in.blocked.resize(b->data.size());
        for (std::size_t i = 0; i < b->data.size(); ++i)
            in.blocked[i] = !std::isnan(b->data[i]) && b->data[i] != 0;
    }
    if (j.contains("initial_depth")) {
        auto d = gridRaster(rd, j["initial_depth"], "initial_depth", in.dem);
        if (!d)
            return Error{d.error()};
        in.initialDepth = std::move(d).value();
    }
    if (j.contains("rain")) {
        const json& r = j["rain"];
        if (r.is_object() && r.contains("chicago")) {
            const json& c = r["chicago"];
            ChicagoStorm storm;
            struct Field {
                const char* key;
                double* target;
            };
            for (const Field& f :
                 {Field{"a", &storm.a}, Field{"b", &storm.b}, Field{"c", &storm.c}, Field{"r", &storm.r},
                  Field{"duration_s", &storm.durationS}, Field{"step_s", &storm.stepS}}) {
                if (!c.contains(f.key))
                    continue;
                auto v = number(rd, c[f.key], std::string("rain.chicago.") + f.key);
                if (!v)
                    return Error{v.error()};
                *f.target = v.value();
            }
            auto s = chicagoHyetograph(storm);
            if (!s)
                return rd.err("rain.chicago", s.error());
            in.rain = std::move(s).value();
        } else {
            auto s = series(rd, r, "rain");
            if (!s)
                return Error{s.error()};
            in.rain = std::move(s).value();
        }
    }
    if (j.contains("inflows")) {
        if (!j["inflows"].is_array())
            return rd.err("inflows", "must be a list.");
        for (std::size_t i = 0; i < j["inflows"].size(); ++i) {
            const json& f = j["inflows"][i];
            const std::string key = "inflows[" + std::to_string(i) + "]";
            Inflow inflow;
            inflow.name = f.contains("name") && f["name"].is_string() ? f["name"].get<std::string>() : key;
            if (f.contains("point")) {
                auto p = point(rd, f["point"], key + ".point");
                if (!p)
                    return Error{p.error()};
                inflow.vertices = {p.value()};
            } else if (f.contains("line") && f["line"].is_array() && f["line"].size() >= 2) {
                for (std::size_t k = 0; k < f["line"].size(); ++k) {
                    auto p = point(rd, f["line"][k], key + ".line[" + std::to_string(k) + "]");
                    if (!p)
                        return Error{p.error()};
                    inflow.vertices.push_back(p.value());
                }
            } else
                return rd.err(key, "needs \"point\": [x, y] or \"line\": [[x, y], [x, y], ...].");
            if (!f.contains("series"))
                return rd.err(key + ".series", "is required: [[time_s, m3_per_s], ...].");
            auto s = series(rd, f["series"], key + ".series");
            if (!s)
                return Error{s.error()};
            double scale = 1;
            if (f.contains("scale")) {
                auto v = number(rd, f["scale"], key + ".scale");
                if (!v)
                    return Error{v.error()};
                scale = v.value();
            }
            inflow.flow = s->scaled(scale);
            in.inflows.push_back(std::move(inflow));
        }
    }
    if (j.contains("boundaries")) {
        if (!j["boundaries"].is_array())
            return rd.err("boundaries", "must be a list.");
        for (std::size_t i = 0; i < j["boundaries"].size(); ++i) {
            const json& b = j["boundaries"][i];
            const std::string key = "boundaries[" + std::to_string(i) + "]";
            EdgeBoundary eb;
            const std::string edge =
                b.contains("edge") && b["edge"].is_string() ? b["edge"].get<std::string>() : "";
            if (edge == "west")
                eb.edge = Edge::West;
            else if (edge == "east")
                eb.edge = Edge::East;
            else if (edge == "north")
                eb.edge = Edge::North;
            else if (edge == "south")
                eb.edge = Edge::South;
            else
                return rd.err(key + ".edge", "must be \"west\", \"east\", \"north\" or \"south\".");
            if (b.contains("level")) {
                eb.kind = EdgeBoundary::Kind::Level;
                auto s = series(rd, b["level"], key + ".level");
                if (!s)
                    return Error{s.error()};
                eb.level = std::move(s).value();
            } else if (b.contains("free") && b["free"] == true) {
                eb.kind = EdgeBoundary::Kind::Free;
                if (b.contains("slope")) {
                    auto v = number(rd, b["slope"], key + ".slope");
                    if (!v)
                        return Error{v.error()};
                    eb.freeSlope = v.value();
                }
            } else
                return rd.err(key, "needs \"level\": [[time_s, m], ...] or \"free\": true.");
            if (b.contains("range")) {
                const json& r = b["range"];
                if (!r.is_array() || r.size() != 2 || !r[0].is_number() || !r[1].is_number())
                    return rd.err(key + ".range", "must be [min, max] along the edge.");
                eb.rangeMin = std::min(r[0].get<double>(), r[1].get<double>());
                eb.rangeMax = std::max(r[0].get<double>(), r[1].get<double>());
            }
            in.boundaries.push_back(std::move(eb));
        }
    }
    if (j.contains("gauges")) {
        if (!j["gauges"].is_array())
            return rd.err("gauges", "must be a list of {\"name\", \"x\", \"y\"}.");
        for (std::size_t i = 0; i < j["gauges"].size(); ++i) {
            const json& g = j["gauges"][i];
            const std::string key = "gauges[" + std::to_string(i) + "]";
            if (!g.is_object() || !g.contains("x") || !g.contains("y") || !g["x"].is_number() ||
                !g["y"].is_number())
                return rd.err(key, "must be {\"name\": text, \"x\": number, \"y\": number}.");
            in.gauges.push_back({g.contains("name") && g["name"].is_string() ? g["name"].get<std::string>()
                                                                             : "G" + std::to_string(i + 1),
                                 g["x"].get<double>(), g["y"].get<double>()});
        }
    }
    if (Status s = validateInertialInput(in); !s)
        return Error{"RUN.json '" + runJsonPath + "': " + s.error()};
    return run;
}

} // namespace gis::analysis::flood
