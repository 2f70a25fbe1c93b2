// The only CGAL translation unit of the foundation (CGAL TUs cost ~30 s and 1.5 GB each to compile).
// Constrained Delaunay triangulation of polygons with holes, with the "mark domains" nesting-level walk from
// the CGAL manual (Triangulation_2, "Triangulating a Polygonal Domain").
#include "gis/geom/triangulate.h"

#include <CGAL/Constrained_Delaunay_triangulation_2.h>
#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>
#include <CGAL/Triangulation_face_base_with_info_2.h>
#include <CGAL/Triangulation_vertex_base_with_info_2.h>

#include <cmath>
#include <list>

namespace gis::geom {

namespace {
using K = CGAL::Exact_predicates_inexact_constructions_kernel;
struct FaceInfo {
    int nesting = -1;
    bool inDomain() const { return nesting % 2 == 1; }
};
using Vb = CGAL::Triangulation_vertex_base_with_info_2<std::uint32_t, K>;
using Fbi = CGAL::Triangulation_face_base_with_info_2<FaceInfo, K>;
using Fb = CGAL::Constrained_triangulation_face_base_2<K, Fbi>;
using Tds = CGAL::Triangulation_data_structure_2<Vb, Fb>;
using Cdt = CGAL::Constrained_Delaunay_triangulation_2<K, Tds, CGAL::Exact_predicates_tag>;

void markDomains(Cdt& cdt, Cdt::Face_handle start, int index, std::list<Cdt::Edge>& border) {
    if (start->info().nesting != -1)
        return;
    std::list<Cdt::Face_handle> queue{start};
    while (!queue.empty()) {
        auto fh = queue.front();
        queue.pop_front();
        if (fh->info().nesting != -1)
            continue;
        fh->info().nesting = index;
        for (int i = 0; i < 3; ++i) {
            Cdt::Edge e(fh, i);
            auto n = fh->neighbor(i);
            if (n->info().nesting == -1) {
                if (cdt.is_constrained(e))
                    border.push_back(e);
                else
                    queue.push_back(n);
            }
        }
    }
}

void markDomains(Cdt& cdt) {
    for (auto f = cdt.all_faces_begin(); f != cdt.all_faces_end(); ++f)
        f->info().nesting = -1;
    std::list<Cdt::Edge> border;
    markDomains(cdt, cdt.infinite_face(), 0, border);
    while (!border.empty()) {
        Cdt::Edge e = border.front();
        border.pop_front();
        auto n = e.first->neighbor(e.second);
        if (n->info().nesting == -1)
            markDomains(cdt, n, e.first->info().nesting + 1, border);
    }
}

bool finite(const Vec2& p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

} // namespace

Triangulation triangulate(const Polygon& polygon, double maxEdge, const std::vector<Vec2>& steiner) {
    Triangulation out;
    if (polygon.outer.size() < 3)
        return out;
    Cdt cdt;
    // Insert each ring as constraints, splitting long edges so draped geometry can follow the terrain.
    auto addRing = [&](const Ring& ring) {
        const std::size_t n = ring.size();
        if (n < 3)
            return;
        std::vector<K::Point_2> pts;
        for (std::size_t i = 0; i < n; ++i) {
            const Vec2& a = ring[i];
            const Vec2& b = ring[(i + 1) % n];
            if (!finite(a) || !finite(b))
                return;
            pts.emplace_back(a.x, a.y);
            if (maxEdge > 0) {
                double len = std::hypot(b.x - a.x, b.y - a.y);
                int pieces = int(std::ceil(len / maxEdge));
                for (int k = 1; k < pieces; ++k) {
                    double t = double(k) / pieces;
                    pts.emplace_back(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
                }
            }
        }
        cdt.insert_constraint(pts.begin(), pts.end(), true);
    };
    addRing(polygon.outer);
    for (const auto& h : polygon.holes)
        addRing(h);
    if (cdt.number_of_faces() == 0)
        return out;
    markDomains(cdt);

    // Steiner points strictly inside the domain.
    if (!steiner.empty()) {
        std::vector<K::Point_2> inside;
        for (const auto& s : steiner) {
            if (!finite(s))
                continue;
            auto f = cdt.locate(K::Point_2(s.x, s.y));
            if (f != nullptr && !cdt.is_infinite(f) && f->info().inDomain())
                inside.emplace_back(s.x, s.y);
        }
        cdt.insert(inside.begin(), inside.end());
        markDomains(cdt);
    }

    std::uint32_t next = 0;
    for (auto v = cdt.finite_vertices_begin(); v != cdt.finite_vertices_end(); ++v) {
        v->info() = next++;
        out.points.push_back({v->point().x(), v->point().y()});
    }
    for (auto f = cdt.finite_faces_begin(); f != cdt.finite_faces_end(); ++f) {
        if (!f->info().inDomain())
            continue;
        out.triangles.push_back({f->vertex(0)->info(), f->vertex(1)->info(), f->vertex(2)->info()});
    }
    return out;
}

} // namespace gis::geom
