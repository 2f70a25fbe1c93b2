// Imagery: draped on the terrain as a texture, or a flat textured quad where there is no terrain.
//
// The drape is a copy of the terrain tiles (new Geometries sharing the plain terrain's vertex, normal and
// index arrays, so nothing is uploaded twice) that renders instead of the plain terrain. Its tiles under the
// image carry texture coordinates and their height-ramp colour (texture unit 3), and a small fragment stage
// mixes per fragment: mix(lit ramp, lit image, image alpha). So the image keeps the terrain's shading,
// transparent pixels and everything outside the image show the ramp exactly as the plain terrain does, and
// the edge is as sharp as a texel (vertex colours alone would blend over a whole grid cell). One pass, not a
// second blended pass over the terrain: llvmpipe is fill-bound. Hiding the imagery switches back to the
// plain terrain; nothing is rebuilt.
#include "viewer/scene/scene_builder.h"
#include "viewer/scene/scene_util.h"

#include <osg/AlphaFunc>
#include <osg/CopyOp>
#include <osg/Geometry>
#include <osg/Image>
#include <osg/NodeVisitor>
#include <osg/Program>
#include <osg/Shader>
#include <osg/Switch>
#include <osg/Texture2D>
#include <osg/Uniform>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace viewer {

namespace {

// Textures up to this size on a side (llvmpipe and current GPUs take 8192; larger images are averaged down).
constexpr int kMaxTextureSize = 8192;
const std::string kDrapePrefix = "terrain_drape:";

// Keeps the model's pixels alive while an osg::Image points at them (no copy for opaque images that fit).
struct PixelsHolder : osg::Referenced {
    explicit PixelsHolder(std::shared_ptr<const gis::RgbaImage> p) : pixels(std::move(p)) {}
    std::shared_ptr<const gis::RgbaImage> pixels;
};

// Gives fully transparent texels the colour of an opaque neighbour (alpha stays 0), so that filtering at the
// edge of transparent parts blends toward the image's own colours rather than toward black.
void bleedColours(osg::Image& image) {
    const int w = image.s(), h = image.t();
    const osg::ref_ptr<osg::Image> before = new osg::Image(image, osg::CopyOp::DEEP_COPY_ALL);
    for (int row = 0; row < h; ++row)
        for (int col = 0; col < w; ++col) {
            unsigned char* out = image.data(col, row);
            if (out[3] != 0)
                continue;
            for (int k = 0; k < 9; ++k) {
                const int x = col + k % 3 - 1, y = row + k / 3 - 1;
                if (x < 0 || y < 0 || x >= w || y >= h)
                    continue;
                if (const unsigned char* n = before->data(x, y); n[3] != 0) {
                    std::copy(n, n + 3, out);
                    break;
                }
            }
        }
}

// The image as a texture (straight alpha); memory row 0 (north) is t = 0. Images larger than a texture can
// be are box-averaged down (colours weighted by alpha).
osg::ref_ptr<osg::Texture2D> imageryTexture(const gis::ImageryLayerData& imagery) {
    const gis::RgbaImage& src = *imagery.image;
    const int f = std::max({1, (src.width + kMaxTextureSize - 1) / kMaxTextureSize,
                            (src.height + kMaxTextureSize - 1) / kMaxTextureSize});
    bool opaque = true;
    for (std::size_t i = 3; i < src.pixels.size() && opaque; i += 4)
        opaque = src.pixels[i] == 255;
    osg::ref_ptr<osg::Image> image = new osg::Image;
    if (f == 1 && opaque) {
        image->setImage(src.width, src.height, 1, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE,
                        const_cast<unsigned char*>(src.pixels.data()), osg::Image::NO_DELETE);
        image->setUserData(new PixelsHolder(imagery.image));
    } else {
        const int tw = (src.width + f - 1) / f, th = (src.height + f - 1) / f;
        image->allocateImage(tw, th, 1, GL_RGBA, GL_UNSIGNED_BYTE);
        image->setInternalTextureFormat(GL_RGBA8);
        for (int row = 0; row < th; ++row)
            for (int col = 0; col < tw; ++col) {
                double sum[3] = {0, 0, 0}, weight = 0;
                int n = 0;
                for (int y = row * f; y < std::min((row + 1) * f, src.height); ++y)
                    for (int x = col * f; x < std::min((col + 1) * f, src.width); ++x, ++n) {
                        const std::uint8_t* p = src.at(x, y);
                        for (int c = 0; c < 3; ++c)
                            sum[c] += p[c] * double(p[3]);
                        weight += p[3];
                    }
                unsigned char* out = image->data(col, row);
                for (int c = 0; c < 3; ++c)
                    out[c] = static_cast<unsigned char>(weight > 0 ? sum[c] / weight + 0.5 : 0.0);
                out[3] = static_cast<unsigned char>(weight / std::max(n, 1) + 0.5);
            }
        bleedColours(*image);
    }
    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(image);
    texture->setName("imagery_texture");
    // Bilinear within the nearest mip level: trilinear filtering cost a sixth of the frame rate under
    // llvmpipe.
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_NEAREST);
    texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    // Outside the image: transparent, so the terrain shows.
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_BORDER);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_BORDER);
    texture->setBorderColor(osg::Vec4d(0, 0, 0, 0));
    texture->setResizeNonPowerOfTwoHint(false);
    return texture;
}

// Texture coordinates of a point in the project CRS.
osg::Vec2 texCoord(const gis::ImageryLayerData& m, double x, double y) {
    return osg::Vec2(float((x - m.originX) / (m.image->width * m.cellSize)),
                     float((m.originY - y) / (m.image->height * m.cellSize)));
}

// The vertex colour of the draped tiles: lighting scales it without reaching 1 (ambient + diffuse stay below
// 2), so the fragment stage recovers the unclamped light as gl_Color / kDrapeGrey.
constexpr float kDrapeGrey = 0.5f;
constexpr unsigned kRampUnit = 3; // texture coordinates 3: the plain terrain's (unlit) ramp colour

// Fixed-function vertex stage (lighting, colour material, fog coordinate); fixed-function fog reproduced as
// in sun_shadows.cpp. The fixed-function result of the plain terrain is min(ramp * light, 1), that of a
// modulated texture min(light, 1) * texel: both are kept.
const char* kDrapeFragmentShader = R"(#version 120
uniform sampler2D urbis_imagery;
uniform float urbis_drapeGrey;
void main() {
    vec3 light = gl_Color.rgb / urbis_drapeGrey;
    vec4 image = texture2D(urbis_imagery, gl_TexCoord[0].st);
    vec3 ramp = min(gl_TexCoord[3].rgb * light, vec3(1.0));
    vec3 colour = mix(ramp, image.rgb * min(light, vec3(1.0)), image.a);
    float fog = clamp((gl_Fog.end - gl_FogFragCoord) * gl_Fog.scale, 0.0, 1.0);
    gl_FragColor = vec4(mix(gl_Fog.color.rgb, colour, fog), 1.0);
}
)";

// The state of the draped tiles: the image on unit 0 and the mixing fragment stage. The stage replaces a
// shader on the project root (the sun shadows' one, which knows no imagery): the drape shows no sun shadows.
osg::ref_ptr<osg::StateSet> drapeState(const gis::ImageryLayerData& imagery) {
    osg::ref_ptr<osg::StateSet> ss = new osg::StateSet;
    ss->setTextureAttributeAndModes(0, imageryTexture(imagery), osg::StateAttribute::ON);
    osg::ref_ptr<osg::Program> program = new osg::Program;
    program->setName("imagery_drape");
    program->addShader(new osg::Shader(osg::Shader::FRAGMENT, kDrapeFragmentShader));
    ss->setAttributeAndModes(program, osg::StateAttribute::ON);
    ss->addUniform(new osg::Uniform("urbis_imagery", 0));
    ss->addUniform(new osg::Uniform("urbis_drapeGrey", kDrapeGrey));
    return ss;
}

// Fixed-function texturing for the flat quad: an empty Program, so that a shader on the project root (the
// sun shadows' fragment stage, which knows no imagery texture) does not paint the image white. A pass that
// overrides programs (the shadow map's depth pass) still wins.
void useFixedFunction(osg::StateSet* ss) {
    osg::ref_ptr<osg::Program> fixedFunction = new osg::Program;
    fixedFunction->setName("imagery_fixed_function");
    ss->setAttributeAndModes(fixedFunction, osg::StateAttribute::ON);
}

// Turns a copy of the terrain tiles into the drape: the tiles under the image get texture coordinates, their
// ramp colours as texture coordinates 3, a grey vertex colour and the drape state; the others stay as the
// plain terrain draws them (fixed-function, sharing its colours).
class DrapeVisitor : public osg::NodeVisitor {
public:
    DrapeVisitor(const gis::ImageryLayerData& imagery, const gis::Vec3& origin)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), mImagery(imagery), mOrigin(origin),
          mGrey(new osg::Vec4Array), mState(drapeState(imagery)) {
        mGrey->push_back(osg::Vec4(kDrapeGrey, kDrapeGrey, kDrapeGrey, 1.0f));
        const gis::Extent e = imagery.extent();
        mExtent.set(float(e.minX - origin.x), float(e.minY - origin.y), -1e9f, float(e.maxX - origin.x),
                    float(e.maxY - origin.y), 1e9f);
    }
    void apply(osg::Geometry& geometry) override {
        const auto* vertices = dynamic_cast<const osg::Vec3Array*>(geometry.getVertexArray());
        const auto* ramp = dynamic_cast<const osg::Vec4ubArray*>(geometry.getColorArray());
        if (!vertices || !ramp || ramp->size() != vertices->size())
            return;
        osg::BoundingBox box;
        for (const osg::Vec3& v : *vertices)
            box.expandBy(v);
        if (!box.intersects(mExtent))
            return;
        osg::ref_ptr<osg::Vec2Array> coords = new osg::Vec2Array;
        osg::ref_ptr<osg::Vec3Array> colours = new osg::Vec3Array;
        coords->reserve(vertices->size());
        colours->reserve(vertices->size());
        for (std::size_t i = 0; i < vertices->size(); ++i) {
            const osg::Vec3& v = (*vertices)[i];
            coords->push_back(texCoord(mImagery, v.x() + mOrigin.x, v.y() + mOrigin.y));
            const osg::Vec4ub& c = (*ramp)[i];
            colours->push_back(osg::Vec3(c.r() / 255.0f, c.g() / 255.0f, c.b() / 255.0f));
        }
        geometry.setTexCoordArray(0, coords, osg::Array::BIND_PER_VERTEX);
        geometry.setTexCoordArray(kRampUnit, colours, osg::Array::BIND_PER_VERTEX);
        geometry.setColorArray(mGrey, osg::Array::BIND_OVERALL);
        geometry.setStateSet(mState);
        ++draped;
    }
    int draped = 0;

private:
    const gis::ImageryLayerData& mImagery;
    gis::Vec3 mOrigin;
    osg::ref_ptr<osg::Vec4Array> mGrey;
    osg::ref_ptr<osg::StateSet> mState;
    osg::BoundingBox mExtent;
};

// Finds the drape switches under a node, hidden nodes included.
class DrapeSwitchFinder : public osg::NodeVisitor {
public:
    DrapeSwitchFinder() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) { setNodeMaskOverride(~0u); }
    void apply(osg::Switch& node) override {
        if (node.getName() == "terrain_drape")
            switches.push_back(&node);
        traverse(node);
    }
    std::vector<osg::Switch*> switches;
};

// Child index of the first of `visibleIds` that has a drape on `drape`; 0 (none) when none has.
unsigned chooseDrape(const osg::Switch& drape, const std::vector<std::string>& visibleIds) {
    for (const std::string& id : visibleIds)
        for (unsigned i = 1; i < drape.getNumChildren(); ++i)
            if (drape.getChild(i)->getName() == kDrapePrefix + id)
                return i;
    return 0;
}

// Exactly one child renders: the chosen drape, or the plain terrain (0).
void selectDrape(osg::Switch& drape, unsigned chosen) {
    drape.setSingleChildOn(chosen);
}

} // namespace

osg::ref_ptr<osg::Node> buildTerrainNode(const gis::RasterF& dem, const gis::Vec3& origin,
                                         std::span<const TerrainDrape> drapes,
                                         const std::string& activeLayerId) {
    osg::ref_ptr<osg::Node> plain = buildTerrainNode(dem, origin);
    if (drapes.empty())
        return plain;
    plain->setName("terrain_plain");
    osg::ref_ptr<osg::Switch> drape = new osg::Switch;
    drape->setName("terrain_drape");
    drape->addChild(plain, true);
    for (const TerrainDrape& d : drapes) {
        if (!d.imagery || !d.imagery->image || d.imagery->image->isEmpty())
            continue;
        // New nodes and Geometries, the same arrays and primitive sets.
        osg::ref_ptr<osg::Node> copy = static_cast<osg::Node*>(
            plain->clone(osg::CopyOp(osg::CopyOp::DEEP_COPY_NODES | osg::CopyOp::DEEP_COPY_DRAWABLES)));
        copy->setName(kDrapePrefix + d.layerId);
        DrapeVisitor visitor(*d.imagery, origin);
        copy->accept(visitor);
        if (visitor.draped == 0)
            continue;
        drape->addChild(copy, false);
    }
    selectDrape(*drape, chooseDrape(*drape, {activeLayerId}));
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName("terrain");
    group->addChild(drape);
    return group;
}

osg::ref_ptr<osg::Node> buildImageryNode(const gis::ImageryLayerData& imagery, double z,
                                         const gis::Vec3& origin) {
    if (!imagery.image || imagery.image->isEmpty())
        return nullptr;
    const gis::Extent e = imagery.extent();
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> coords = new osg::Vec2Array;
    // South-west, south-east, north-west, north-east: a strip counter-clockwise seen from above.
    const gis::Vec2 corners[] = {{e.minX, e.minY}, {e.maxX, e.minY}, {e.minX, e.maxY}, {e.maxX, e.maxY}};
    for (const gis::Vec2& c : corners) {
        vertices->push_back(detail::local(c.x, c.y, z, origin));
        coords->push_back(texCoord(imagery, c.x, c.y));
    }
    osg::ref_ptr<osg::Geometry> geometry = detail::makeGeometry("imagery_quad");
    geometry->setVertexArray(vertices);
    geometry->setTexCoordArray(0, coords, osg::Array::BIND_PER_VERTEX);
    osg::ref_ptr<osg::Vec3Array> normal = new osg::Vec3Array;
    normal->push_back(osg::Vec3(0, 0, 1));
    geometry->setNormalArray(normal, osg::Array::BIND_OVERALL);
    osg::ref_ptr<osg::Vec4ubArray> white = new osg::Vec4ubArray;
    white->push_back(detail::rgba(1, 1, 1));
    geometry->setColorArray(white, osg::Array::BIND_OVERALL);
    geometry->addPrimitiveSet(new osg::DrawArrays(GL_TRIANGLE_STRIP, 0, 4));
    osg::StateSet* ss = geometry->getOrCreateStateSet();
    // The quad is the image's extent: no border is needed, and sampling it at the multisampled edges of the
    // quad left light dots along them (llvmpipe).
    osg::ref_ptr<osg::Texture2D> texture = imageryTexture(imagery);
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    ss->setTextureAttributeAndModes(0, texture, osg::StateAttribute::ON);
    // Transparent pixels (outside a reprojected image, nodata) are not drawn.
    ss->setAttributeAndModes(new osg::AlphaFunc(osg::AlphaFunc::GREATER, 0.5f));
    useFixedFunction(ss);
    return geometry;
}

void updateTerrainDrapes(osg::Group* root) {
    if (!root)
        return;
    std::vector<std::string> visible; // imagery layer ids in project order
    const std::string prefix = layerNodeName("");
    for (unsigned i = 0; i < root->getNumChildren(); ++i) {
        const osg::Node* child = root->getChild(i);
        const auto& descriptions = child->getDescriptions();
        if (child->getNodeMask() != 0 && child->getName().rfind(prefix, 0) == 0 &&
            std::find(descriptions.begin(), descriptions.end(), kImageryNodeDescription) !=
                descriptions.end())
            visible.push_back(child->getName().substr(prefix.size()));
    }
    DrapeSwitchFinder finder;
    root->accept(finder);
    for (osg::Switch* drape : finder.switches)
        selectDrape(*drape, chooseDrape(*drape, visible));
}

} // namespace viewer
