// 3D city models (CityJSON LoD1/LoD2 meshes): batched into a few Geometries (at most kMaxVertices vertices
// each), float vertices relative to the scene origin, coloured per vertex by semantic surface (roof
// red-brown, wall light grey, ground dark grey) and, for objects that are not buildings (roads, land use,
// vegetation, water), by object type. Back faces are drawn: not every file orients its surfaces outwards.
#include "viewer/scene/scene_builder.h"
#include "viewer/scene/scene_util.h"

#include <osg/CullFace>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LightModel>

#include <vector>

namespace viewer {

namespace {

constexpr std::size_t kMaxVertices = 1u << 20;

osg::Vec4ub surfaceColour(gis::Surface s) {
    switch (s) {
    case gis::Surface::Roof:
        return detail::rgba(0.62, 0.30, 0.24);
    case gis::Surface::Wall:
        return detail::rgba(0.86, 0.85, 0.83);
    case gis::Surface::Ground:
        return detail::rgba(0.32, 0.32, 0.33);
    case gis::Surface::Terrain:
        return detail::rgba(0.62, 0.60, 0.52);
    case gis::Surface::Unknown:
        break;
    }
    return detail::rgba(0.75, 0.74, 0.72);
}

osg::Vec4ub typeColour(const std::string& type, gis::Surface s) {
    if (type == "PlantCover" || type == "SolitaryVegetationObject")
        return detail::rgba(0.45, 0.62, 0.36);
    if (type == "WaterBody")
        return detail::rgba(0.45, 0.62, 0.80);
    if (type == "Road" || type == "Railway" || type == "TransportSquare" || type == "Waterway")
        return detail::rgba(0.50, 0.50, 0.52);
    if (type == "LandUse")
        return detail::rgba(0.80, 0.77, 0.66);
    if (type == "TINRelief")
        return detail::rgba(0.62, 0.60, 0.52);
    return surfaceColour(s);
}

class Batch {
public:
    explicit Batch(const gis::Vec3& origin) : mOrigin(origin) {}

    void addTriangle(const gis::TriangleMesh& mesh, std::size_t t, const osg::Vec4ub& colour) {
        osg::Vec3 p[3];
        for (int k = 0; k < 3; ++k) {
            const gis::Vec3& v = mesh.vertices[mesh.indices[3 * t + std::size_t(k)]];
            p[k] = detail::local(v.x, v.y, v.z, mOrigin);
        }
        osg::Vec3 n = (p[1] - p[0]) ^ (p[2] - p[0]);
        if (n.normalize() <= 0)
            return;
        for (const auto& q : p) {
            mVertices->push_back(q);
            mNormals->push_back(n);
            mColours->push_back(colour);
        }
    }

    std::size_t size() const { return mVertices->size(); }

    osg::ref_ptr<osg::Geometry> finish(const std::string& name) {
        if (mVertices->empty())
            return nullptr;
        auto geometry = detail::makeGeometry(name);
        geometry->setVertexArray(mVertices);
        geometry->setNormalArray(mNormals, osg::Array::BIND_PER_VERTEX);
        geometry->setColorArray(mColours, osg::Array::BIND_PER_VERTEX);
        geometry->addPrimitiveSet(new osg::DrawArrays(GL_TRIANGLES, 0, GLsizei(mVertices->size())));
        return geometry;
    }

private:
    gis::Vec3 mOrigin;
    osg::ref_ptr<osg::Vec3Array> mVertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> mNormals = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> mColours = new osg::Vec4ubArray;
};

} // namespace

osg::ref_ptr<osg::Node> buildCityModelNode(const gis::CityModelLayerData& model, const gis::Vec3& origin) {
    if (!model.mesh || model.mesh->indices.empty())
        return nullptr;
    const gis::TriangleMesh& mesh = *model.mesh;
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->setName("city_model");
    // Flat-shaded triangles (a vertex per triangle corner) so that every face shows its own orientation.
    Batch batch(origin);
    int part = 0;
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
        const std::uint32_t object = t < mesh.objectIds.size() ? mesh.objectIds[t] : 0;
        const std::string& type = object < model.objects.size() ? model.objects[object].type : std::string();
        const gis::Surface s = t < mesh.surfaces.size() ? mesh.surfaces[t] : gis::Surface::Unknown;
        batch.addTriangle(mesh, t, typeColour(type, s));
        if (batch.size() >= kMaxVertices) {
            geode->addDrawable(batch.finish("city_model_" + std::to_string(part++)));
            batch = Batch(origin);
        }
    }
    if (auto g = batch.finish("city_model_" + std::to_string(part)))
        geode->addDrawable(g);
    osg::StateSet* ss = geode->getOrCreateStateSet();
    ss->setMode(GL_CULL_FACE, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    osg::ref_ptr<osg::LightModel> lightModel = new osg::LightModel;
    lightModel->setTwoSided(true);
    lightModel->setAmbientIntensity(osg::Vec4(0.1f, 0.1f, 0.1f, 1.0f)); // osgUtil::SceneView default
    ss->setAttributeAndModes(lightModel);
    return geode;
}

} // namespace viewer
