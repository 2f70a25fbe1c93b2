#include "gis/model/project.h"

#include <cmath>
#include <set>

namespace gis {

namespace {
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;
} // namespace

std::size_t Layer::featureCount() const {
    return std::visit(Overloaded{[](const BuildingLayerData& d) { return d.buildings.size(); },
                                 [](const ZoneLayerData& d) { return d.zones.size(); },
                                 [](const TerrainLayerData& d) { return std::size_t(d.dem ? 1 : 0); },
                                 [](const CityModelLayerData& d) { return d.objects.size(); },
                                 [](const ImageryLayerData& d) { return std::size_t(d.image ? 1 : 0); }},
                      data);
}

Extent Layer::extent() const {
    Extent e;
    std::visit(Overloaded{[&](const BuildingLayerData& d) {
                              for (const auto& b : d.buildings)
                                  e.include(b.footprint.extent());
                          },
                          [&](const ZoneLayerData& d) {
                              for (const auto& z : d.zones)
                                  e.include(z.area.extent());
                          },
                          [&](const TerrainLayerData& d) {
                              if (d.dem)
                                  e.include(d.dem->extent());
                          },
                          [&](const CityModelLayerData& d) {
                              if (d.mesh)
                                  for (const auto& v : d.mesh->vertices)
                                      e.include(v.x, v.y);
                          },
                          [&](const ImageryLayerData& d) { e.include(d.extent()); }},
               data);
    return e;
}

Layer* Project::findLayer(const std::string& id) {
    for (auto& l : layers)
        if (l.id == id)
            return &l;
    return nullptr;
}

const Layer* Project::findLayer(const std::string& id) const {
    return const_cast<Project*>(this)->findLayer(id);
}

const TerrainLayerData* Project::terrain() const {
    for (const auto& l : layers)
        if (const auto* t = std::get_if<TerrainLayerData>(&l.data); t && t->dem)
            return t;
    return nullptr;
}

Extent Project::extent() const {
    Extent e;
    for (const auto& l : layers)
        e.include(l.extent());
    return e;
}

Vec3 Project::origin() const {
    Extent e = extent();
    if (e.isEmpty())
        return {};
    Vec2 c = e.center();
    return {std::round(c.x / 100.0) * 100.0, std::round(c.y / 100.0) * 100.0, 0.0};
}

double Project::groundHeight(double x, double y) const {
    if (const auto* t = terrain())
        if (auto h = t->dem->sample(x, y))
            return *h;
    return 0.0;
}

std::string Project::uniqueLayerId(const std::string& base) const {
    std::string clean;
    for (char c : base) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
            clean += c;
        else if (c >= 'A' && c <= 'Z')
            clean += char(c - 'A' + 'a');
        else if (!clean.empty() && clean.back() != '_')
            clean += '_';
    }
    if (clean.empty() || (clean[0] >= '0' && clean[0] <= '9'))
        clean = "layer_" + clean;
    std::set<std::string> used;
    for (const auto& l : layers)
        used.insert(l.id);
    std::string id = clean;
    for (int n = 2; used.count(id); ++n)
        id = clean + "_" + std::to_string(n);
    return id;
}

} // namespace gis
