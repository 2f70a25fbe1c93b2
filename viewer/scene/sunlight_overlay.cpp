#include "viewer/scene/sunlight_overlay.h"

#include "viewer/scene/scene_util.h"

#include <osg/AlphaFunc>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Group>
#include <osg/Image>
#include <osg/LineWidth>
#include <osg/PolygonOffset>
#include <osg/Texture2D>

#include <algorithm>
#include <cmath>
#include <limits>

namespace viewer {

namespace {

Rgba mix(const Rgba& a, const Rgba& b, double t) {
    Rgba c;
    for (int i = 0; i < 4; ++i)
        c[i] = float(a[i] + (b[i] - a[i]) * t);
    return c;
}

// The sequential ramp below the requirement: dark blue, teal, green-yellow, yellow.
Rgba rampColour(double t) {
    static const Rgba stops[] = {{0.08f, 0.12f, 0.42f, 1},
                                 {0.13f, 0.47f, 0.60f, 1},
                                 {0.55f, 0.75f, 0.35f, 1},
                                 {0.99f, 0.85f, 0.20f, 1}};
    t = std::clamp(t, 0.0, 1.0) * 3.0;
    const int i = std::min(int(t), 2);
    return mix(stops[i], stops[i + 1], t - i);
}

osg::Vec4 vec(const Rgba& c) {
    return osg::Vec4(c[0], c[1], c[2], c[3]);
}

void unlit(osg::StateSet* ss) {
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    ss->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
}

} // namespace

std::vector<HourClass> sunlightHourClasses(std::optional<double> requiredHours, double windowHours) {
    std::vector<HourClass> classes;
    if (requiredHours && *requiredHours > 0) {
        const double r = *requiredHours;
        const double step = r <= 1.0 ? 0.25 : r <= 3.0 ? 0.5 : 1.0;
        const int below = std::max(1, int(std::ceil(r / step - 1e-9)));
        for (int i = 0; i < below; ++i)
            classes.push_back({i * step, std::min((i + 1) * step, r),
                               rampColour(below > 1 ? double(i) / (below - 1) : 1.0)});
        classes.push_back({r, std::numeric_limits<double>::infinity(), {1.0f, 0.98f, 0.93f, 1.0f}});
        return classes;
    }
    const int hours = std::clamp(int(std::ceil(windowHours - 1e-9)), 1, 24);
    for (int i = 0; i < hours; ++i) {
        const double to = i + 1 == hours ? std::numeric_limits<double>::infinity() : i + 1.0;
        classes.push_back({double(i), to,
                           i + 1 == hours ? Rgba{1.0f, 0.98f, 0.93f, 1.0f}
                                          : rampColour(hours > 2 ? double(i) / (hours - 2) : 1.0)});
    }
    return classes;
}

Rgba sunlightHoursColour(double hours, std::span<const HourClass> classes) {
    if (std::isnan(hours) || classes.empty())
        return {0, 0, 0, 0};
    for (const HourClass& c : classes)
        if (hours < c.to)
            return c.colour;
    return classes.back().colour;
}

Rgba passFailColour(bool pass, bool colourBlindSafe) {
    if (colourBlindSafe)
        return pass ? Rgba{0.13f, 0.40f, 0.80f, 1} : Rgba{0.95f, 0.50f, 0.05f, 1};
    return pass ? Rgba{0.15f, 0.70f, 0.25f, 1} : Rgba{0.88f, 0.12f, 0.12f, 1};
}

Rgba neutralColour() {
    return {0.55f, 0.55f, 0.58f, 1};
}

osg::ref_ptr<osg::Node> buildWindowMarks(std::span<const WindowMark> marks, double width, double height,
                                         const gis::Vec3& origin) {
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->setName("sunlight_windows");
    if (marks.empty())
        return geode;
    osg::ref_ptr<osg::Geometry> quads = detail::makeGeometry("window_marks");
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array;
    osg::ref_ptr<osg::Geometry> frames = detail::makeGeometry("window_frames");
    osg::ref_ptr<osg::Vec3Array> fv = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> fc = new osg::Vec4Array;
    const double hw = width / 2;
    for (const WindowMark& m : marks) {
        const gis::Vec3 n = gis::Vec3{m.normal.x, m.normal.y, 0}.normalized();
        const gis::Vec3 t{-n.y, n.x, 0};
        const gis::Vec3 base = m.sill + n * 0.1;
        const gis::Vec3 corners[4] = {base - t * hw, base + t * hw, base + t * hw + gis::Vec3{0, 0, height},
                                      base - t * hw + gis::Vec3{0, 0, height}};
        for (const gis::Vec3& p : corners) {
            v->push_back(detail::local(p.x, p.y, p.z, origin));
            c->push_back(vec(m.colour));
        }
        if (m.outlined) {
            // A frame 0.25 m wider all round, a little further out (lines over the quad).
            const gis::Vec3 b = m.sill + n * 0.15 - gis::Vec3{0, 0, 0.25};
            const double fw = hw + 0.25, fh = height + 0.5;
            const gis::Vec3 fcorners[4] = {b - t * fw, b + t * fw, b + t * fw + gis::Vec3{0, 0, fh},
                                           b - t * fw + gis::Vec3{0, 0, fh}};
            for (int i = 0; i < 4; ++i) {
                const gis::Vec3& p = fcorners[i];
                const gis::Vec3& q = fcorners[(i + 1) % 4];
                fv->push_back(detail::local(p.x, p.y, p.z, origin));
                fv->push_back(detail::local(q.x, q.y, q.z, origin));
                fc->push_back(osg::Vec4(0.05f, 0.05f, 0.05f, 1));
                fc->push_back(osg::Vec4(0.05f, 0.05f, 0.05f, 1));
            }
        }
    }
    quads->setVertexArray(v);
    quads->setColorArray(c, osg::Array::BIND_PER_VERTEX);
    quads->addPrimitiveSet(new osg::DrawArrays(GL_QUADS, 0, GLsizei(v->size())));
    geode->addDrawable(quads);
    if (!fv->empty()) {
        frames->setVertexArray(fv);
        frames->setColorArray(fc, osg::Array::BIND_PER_VERTEX);
        frames->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, GLsizei(fv->size())));
        frames->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(3.0f));
        geode->addDrawable(frames);
    }
    osg::StateSet* ss = geode->getOrCreateStateSet();
    unlit(ss);
    ss->setAttributeAndModes(new osg::PolygonOffset(-1.0f, -4.0f));
    return geode;
}

osg::ref_ptr<osg::Node> buildHourGrid(const gis::RasterF& hours, std::span<const HourClass> classes,
                                      const gis::RasterF* dem, double groundZ, double lift,
                                      const gis::Vec3& origin) {
    if (hours.isEmpty())
        return nullptr;
    // The classed colours as a texture (one texel per cell, nearest filtering: crisp cells), with nodata
    // transparent and cut by an alpha test. Larger grids than a texture can hold are sampled.
    constexpr int kMaxTexture = 8192;
    const int sx = (hours.width + kMaxTexture - 1) / kMaxTexture,
              sy = (hours.height + kMaxTexture - 1) / kMaxTexture;
    const int tw = (hours.width + sx - 1) / sx, th = (hours.height + sy - 1) / sy;
    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(tw, th, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    for (int row = 0; row < th; ++row)
        for (int col = 0; col < tw; ++col) {
            const float value =
                hours.at(std::min(col * sx, hours.width - 1), std::min(row * sy, hours.height - 1));
            const Rgba c = hours.isNoData(value) ? Rgba{0, 0, 0, 0} : sunlightHoursColour(value, classes);
            // Image rows run south to north (texture t grows northward); raster row 0 is north.
            unsigned char* px = image->data(col, th - 1 - row);
            for (int i = 0; i < 4; ++i)
                px[i] = static_cast<unsigned char>(std::clamp(c[i], 0.0f, 1.0f) * 255.0f + 0.5f);
        }
    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(image);
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::NEAREST);
    texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::NEAREST);
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    texture->setResizeNonPowerOfTwoHint(false);

    // A draped mesh of at most ~64k vertices over the grid, lifted above both terrain meshes (fine and
    // coarse LOD) so it never sinks into whichever renders.
    const double w = hours.width * hours.cellSize, h = hours.height * hours.cellSize;
    const int cellsPerVertex =
        std::max(1, int(std::ceil(std::sqrt(double(hours.width) * hours.height / 65000.0))));
    const int nx = std::max(1, (hours.width + cellsPerVertex - 1) / cellsPerVertex);
    const int ny = std::max(1, (hours.height + cellsPerVertex - 1) / cellsPerVertex);
    const int fine = dem ? detail::terrainStep(*dem) : 1;
    const double west = hours.originX, south = hours.originY - h;
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> tc = new osg::Vec2Array;
    for (int j = 0; j <= ny; ++j)
        for (int i = 0; i <= nx; ++i) {
            const double x = west + w * i / nx, y = south + h * j / ny;
            double z = groundZ;
            if (dem && !dem->isEmpty())
                z = std::max(detail::terrainHeight(dem, x, y, fine),
                             detail::terrainHeight(dem, x, y, fine * detail::kTerrainCoarseFactor));
            v->push_back(detail::local(x, y, z + lift, origin));
            tc->push_back(osg::Vec2(float(i) / nx, float(j) / ny));
        }
    osg::ref_ptr<osg::DrawElementsUInt> tris = new osg::DrawElementsUInt(GL_TRIANGLES);
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const unsigned a = unsigned(j * (nx + 1) + i), b = a + 1, c = a + unsigned(nx + 1), d = c + 1;
            for (unsigned k : {a, b, d, a, d, c})
                tris->push_back(k);
        }
    osg::ref_ptr<osg::Geometry> geometry = detail::makeGeometry("sunlight_hour_grid");
    geometry->setVertexArray(v);
    geometry->setTexCoordArray(0, tc);
    osg::ref_ptr<osg::Vec4Array> white = new osg::Vec4Array;
    white->push_back(osg::Vec4(1, 1, 1, 1));
    geometry->setColorArray(white, osg::Array::BIND_OVERALL);
    geometry->addPrimitiveSet(tris);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->setName("sunlight_grid");
    geode->addDrawable(geometry);
    osg::StateSet* ss = geode->getOrCreateStateSet();
    unlit(ss);
    ss->setTextureAttributeAndModes(0, texture, osg::StateAttribute::ON);
    ss->setAttributeAndModes(new osg::AlphaFunc(osg::AlphaFunc::GREATER, 0.5f));
    ss->setAttributeAndModes(new osg::PolygonOffset(-1.0f, -6.0f));
    return geode;
}

osg::ref_ptr<osg::Node> buildShadowOutlines(std::span<const gis::Polygon> polygons, const gis::RasterF* dem,
                                            double groundZ, double lift, const gis::Vec3& origin) {
    if (polygons.empty())
        return nullptr;
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Geometry> geometry = detail::makeGeometry("sunlight_shadow_outlines");
    auto addRing = [&](const gis::Ring& ring) {
        if (ring.size() < 2)
            return;
        const auto first = GLint(vertices->size());
        // Densify long edges so the line follows the terrain instead of cutting through hills.
        const double step = dem ? std::max(dem->cellSize, 2.0) : 1e9;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const gis::Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
            const int n = std::max(1, int(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / step)));
            for (int k = 0; k < n; ++k) {
                const gis::Vec2 p = a + (b - a) * (double(k) / n);
                const double z = (dem ? detail::terrainHeight(dem, p.x, p.y) : groundZ) + lift;
                vertices->push_back(detail::local(p.x, p.y, z, origin));
            }
        }
        geometry->addPrimitiveSet(
            new osg::DrawArrays(GL_LINE_LOOP, first, GLsizei(vertices->size()) - first));
    };
    for (const gis::Polygon& p : polygons) {
        addRing(p.outer);
        for (const gis::Ring& h : p.holes)
            addRing(h);
    }
    geometry->setVertexArray(vertices);
    osg::ref_ptr<osg::Vec4Array> colour = new osg::Vec4Array;
    colour->push_back(osg::Vec4(0.12f, 0.10f, 0.35f, 1.0f));
    geometry->setColorArray(colour, osg::Array::BIND_OVERALL);
    osg::StateSet* ss = geometry->getOrCreateStateSet();
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    ss->setAttributeAndModes(new osg::LineWidth(2.0f));
    ss->setAttributeAndModes(new osg::PolygonOffset(-1.0f, -8.0f));
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->setName("sunlight_shadow_outlines");
    geode->addDrawable(geometry);
    return geode;
}

} // namespace viewer
