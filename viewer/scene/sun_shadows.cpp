#include "viewer/scene/sun_shadows.h"

#include <osg/ColorMask>
#include <osg/CullFace>
#include <osg/Image>
#include <osg/PolygonOffset>
#include <osg/Shader>

#include <algorithm>
#include <cmath>
#include <vector>

namespace viewer {

namespace {

// Fixed-function vertex stage (lighting, colour material, fog coordinate, TexGen), this fragment stage.
// gl_TexCoord[1]: shadow-map coordinate; gl_TexCoord[2]: position in the project's local frame.
const char* kFragmentShader = R"(#version 120
uniform sampler2DShadow urbis_shadowMap;
uniform vec3 urbis_toSun;   // world = local axes
uniform float urbis_sunUp;  // 1 while the sun is above the horizon
uniform float urbis_texel;  // 1 / map size

float litFraction(vec3 p) {
    // Outside the fitted map nothing is known: lit.
    if (p.x <= 0.0 || p.x >= 1.0 || p.y <= 0.0 || p.y >= 1.0 || p.z >= 1.0)
        return 1.0;
    // Four bilinear comparisons 1.5 texels apart: soft, stable edges.
    float o = 0.75 * urbis_texel;
    float s = shadow2D(urbis_shadowMap, p + vec3(-o, -o, 0.0)).r;
    s += shadow2D(urbis_shadowMap, p + vec3(o, -o, 0.0)).r;
    s += shadow2D(urbis_shadowMap, p + vec3(-o, o, 0.0)).r;
    s += shadow2D(urbis_shadowMap, p + vec3(o, o, 0.0)).r;
    return 0.25 * s;
}

void main() {
    vec4 colour = gl_Color;
    // Face normal from the screen derivatives of the position: it points toward the viewer (front faces).
    vec3 q = gl_TexCoord[2].xyz;
    vec3 n = cross(dFdx(q), dFdy(q));
    float len = length(n);
    float ndl = len > 1e-12 ? dot(n / len, urbis_toSun) : 1.0;
    if (urbis_sunUp > 0.5 && ndl > 0.0) {
        float lit = litFraction(gl_TexCoord[1].xyz / gl_TexCoord[1].w);
        // The sun's share of the lit colour goes where the sun does not reach; the sky's stays.
        vec3 a = gl_LightModel.ambient.rgb + gl_LightSource[0].ambient.rgb;
        vec3 d = gl_LightSource[0].diffuse.rgb * ndl;
        colour.rgb *= (a + d * lit) / max(a + d, vec3(0.001));
    }
    float fog = clamp((gl_Fog.end - gl_FogFragCoord) * gl_Fog.scale, 0.0, 1.0);
    gl_FragColor = vec4(mix(gl_Fog.color.rgb, colour.rgb, fog), colour.a);
}
)";

const GLenum kTexGenModes[] = {GL_TEXTURE_GEN_S, GL_TEXTURE_GEN_T, GL_TEXTURE_GEN_R, GL_TEXTURE_GEN_Q};

osg::ref_ptr<osg::TexGenNode> makeTexGenNode(unsigned unit, const std::string& name) {
    osg::ref_ptr<osg::TexGenNode> node = new osg::TexGenNode;
    node->setName(name);
    node->setTextureUnit(unit);
    node->setReferenceFrame(osg::TexGenNode::RELATIVE_RF);
    node->getTexGen()->setMode(osg::TexGen::EYE_LINEAR);
    node->getTexGen()->setPlanesFromMatrix(osg::Matrixd::identity());
    return node;
}

} // namespace

SunShadows::SunShadows(int mapSize) : mMapSize(std::clamp(mapSize, 256, 8192)) {
    mDepth = new osg::Texture2D;
    mDepth->setName("sun_shadow_map");
    mDepth->setTextureSize(mMapSize, mMapSize);
    mDepth->setInternalFormat(GL_DEPTH_COMPONENT);
    mDepth->setSourceFormat(GL_DEPTH_COMPONENT);
    mDepth->setSourceType(GL_FLOAT);
    mDepth->setShadowComparison(true);
    mDepth->setShadowCompareFunc(osg::Texture::LEQUAL);
    mDepth->setShadowTextureMode(osg::Texture::LUMINANCE);
    mDepth->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR);
    mDepth->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    mDepth->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_BORDER);
    mDepth->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_BORDER);
    mDepth->setBorderColor(osg::Vec4d(1, 1, 1, 1));

    // A 1x1 white texture stands in for the depth texture while the depth pass renders into it.
    osg::ref_ptr<osg::Image> white = new osg::Image;
    white->allocateImage(1, 1, 1, GL_LUMINANCE, GL_UNSIGNED_BYTE);
    *white->data() = 255;
    mDummy = new osg::Texture2D(white);

    mCamera = new osg::Camera;
    mCamera->setName("sun_shadow_pass");
    mCamera->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    mCamera->setRenderOrder(osg::Camera::PRE_RENDER);
    mCamera->setRenderTargetImplementation(osg::Camera::FRAME_BUFFER_OBJECT);
    mCamera->setImplicitBufferAttachmentMask(0, 0);
    mCamera->attach(osg::Camera::DEPTH_BUFFER, mDepth.get());
    mCamera->setDrawBuffer(GL_NONE);
    mCamera->setReadBuffer(GL_NONE);
    mCamera->setViewport(0, 0, mMapSize, mMapSize);
    mCamera->setClearMask(GL_DEPTH_BUFFER_BIT);
    mCamera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    mCamera->setAllowEventFocus(false);
    // Depth only, back faces (see the header), no shader, no lighting; the depth texture is not bound.
    osg::StateSet* ss = mCamera->getOrCreateStateSet();
    const auto over = osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE;
    ss->setAttributeAndModes(new osg::CullFace(osg::CullFace::FRONT), over);
    ss->setAttributeAndModes(new osg::PolygonOffset(1.0f, 2.0f), over);
    ss->setAttribute(new osg::ColorMask(false, false, false, false), osg::StateAttribute::OVERRIDE);
    ss->setAttributeAndModes(new osg::Program, over);
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    ss->setMode(GL_FOG, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    ss->setTextureAttribute(kShadowUnit, mDummy.get(), osg::StateAttribute::OVERRIDE);

    mTexGenFrame = new osg::MatrixTransform;
    mTexGenFrame->setName("sun_shadow_texgen");
    mShadowTexGen = makeTexGenNode(kShadowUnit, "sun_shadow_coordinates");
    mPositionTexGen = makeTexGenNode(kPositionUnit, "sun_shadow_positions");
    mTexGenFrame->addChild(mShadowTexGen);
    mTexGenFrame->addChild(mPositionTexGen);

    mProgram = new osg::Program;
    mProgram->setName("sun_shadow_receiver");
    mProgram->addShader(new osg::Shader(osg::Shader::FRAGMENT, kFragmentShader));
    mMapUniform = new osg::Uniform("urbis_shadowMap", int(kShadowUnit));
    mToSun = new osg::Uniform("urbis_toSun", osg::Vec3f(mToSunWorld));
    mSunUp = new osg::Uniform("urbis_sunUp", 1.0f);
    mTexel = new osg::Uniform("urbis_texel", 1.0f / float(mMapSize));
}

SunShadows::~SunShadows() {
    detach();
}

void SunShadows::applyReceiverState(osg::StateSet* ss) const {
    ss->setAttributeAndModes(mProgram.get(), osg::StateAttribute::ON);
    ss->setTextureAttribute(kShadowUnit, mDepth.get(), osg::StateAttribute::ON);
    for (unsigned unit : {kShadowUnit, kPositionUnit})
        for (GLenum mode : kTexGenModes)
            ss->setTextureMode(unit, mode, osg::StateAttribute::ON);
    for (osg::Uniform* u : {mMapUniform.get(), mToSun.get(), mSunUp.get(), mTexel.get()})
        ss->addUniform(u);
}

void SunShadows::removeReceiverState(osg::StateSet* ss) const {
    ss->removeAttribute(mProgram.get());
    ss->removeTextureAttribute(kShadowUnit, mDepth.get());
    for (unsigned unit : {kShadowUnit, kPositionUnit})
        for (GLenum mode : kTexGenModes)
            ss->removeTextureMode(unit, mode);
    for (osg::Uniform* u : {mMapUniform.get(), mToSun.get(), mSunUp.get(), mTexel.get()})
        ss->removeUniform(u);
}

void SunShadows::attach(osg::Group* viewRoot, osg::MatrixTransform* projectRoot) {
    if (!viewRoot || !projectRoot)
        return;
    osg::ref_ptr<osg::Group> oldView;
    osg::ref_ptr<osg::MatrixTransform> oldProject;
    mViewRoot.lock(oldView);
    mProjectRoot.lock(oldProject);
    if (oldView != viewRoot) {
        if (oldView) {
            oldView->removeChild(mCamera);
            oldView->removeChild(mTexGenFrame);
        }
        viewRoot->addChild(mCamera);
        viewRoot->addChild(mTexGenFrame);
        mViewRoot = viewRoot;
    }
    if (oldProject != projectRoot) {
        if (oldProject && oldProject->getStateSet())
            removeReceiverState(oldProject->getStateSet());
        applyReceiverState(projectRoot->getOrCreateStateSet());
        mProjectRoot = projectRoot;
    }
    mCamera->removeChildren(0, mCamera->getNumChildren());
    mCamera->addChild(projectRoot);
}

void SunShadows::detach() {
    osg::ref_ptr<osg::Group> view;
    osg::ref_ptr<osg::MatrixTransform> project;
    if (mViewRoot.lock(view)) {
        view->removeChild(mCamera);
        view->removeChild(mTexGenFrame);
    }
    if (mProjectRoot.lock(project) && project->getStateSet())
        removeReceiverState(project->getStateSet());
    mCamera->removeChildren(0, mCamera->getNumChildren());
    mViewRoot = nullptr;
    mProjectRoot = nullptr;
}

void SunShadows::setSunDirection(const osg::Vec3d& toSun) {
    osg::Vec3d d = toSun;
    if (d.normalize() <= 0)
        return;
    mToSunWorld = d;
    mToSun->set(osg::Vec3f(d));
    const bool up = d.z() > 0.005;
    mSunUp->set(up ? 1.0f : 0.0f);
    // Below the horizon the depth pass would only cost time.
    mCamera->setNodeMask(up ? ~0u : 0u);
}

void SunShadows::update(const osg::Matrixd& cameraToWorld, double verticalFovDeg, double aspect,
                        const osg::BoundingSphered& content, const osg::Vec3d& origin) {
    if (!attached() || !content.valid())
        return;
    const osg::Vec3d c = content.center();
    const double radius = content.radius();
    // The ground the view shows: where the centre, edge and corner rays meet the plane through the content's
    // centre, within the content's box. Rays above the horizon reach the far side of the content.
    const osg::Vec3d eye = cameraToWorld.getTrans();
    const double tanV = std::tan(osg::DegreesToRadians(verticalFovDeg) / 2), tanH = tanV * aspect;
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    for (int i = -1; i <= 1; ++i)
        for (int j = -1; j <= 1; ++j) {
            osg::Vec3d dir = osg::Matrixd::transform3x3(osg::Vec3d(i * tanH, j * tanV, -1.0), cameraToWorld);
            dir.normalize();
            osg::Vec3d p;
            const double t = dir.z() < -1e-3 ? (c.z() - eye.z()) / dir.z() : -1;
            if (t > 0 && t < 4 * radius + (eye - c).length())
                p = eye + dir * t;
            else
                p = eye + osg::Vec3d(dir.x(), dir.y(), 0) * (2 * radius + (eye - c).length());
            p.x() = std::clamp(p.x(), c.x() - radius, c.x() + radius);
            p.y() = std::clamp(p.y(), c.y() - radius, c.y() + radius);
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
    const osg::Vec3d focus((minX + maxX) / 2, (minY + maxY) / 2, c.z());
    // Walls and roofs stand above the ground they are seen over: a margin for their height.
    const double r =
        std::max(0.5 * std::hypot(maxX - minX, maxY - minY) + std::min(0.1 * radius, 150.0), 60.0);

    const double distance = 2 * radius + r;
    const osg::Vec3d up = std::abs(mToSunWorld.z()) > 0.99 ? osg::Vec3d(0, 1, 0) : osg::Vec3d(0, 0, 1);
    const osg::Matrixd view = osg::Matrixd::lookAt(focus + mToSunWorld * distance, focus, up);
    const double zNear = std::max(1.0, distance - 2 * radius - r - 1), zFar = distance + 2 * radius + r + 1;
    const osg::Matrixd projection = osg::Matrixd::ortho(-r, r, -r, r, zNear, zFar);
    mCamera->setViewMatrix(view);
    mCamera->setProjectionMatrix(projection);

    const osg::Matrixd local = osg::Matrixd::translate(origin);
    const osg::Matrixd bias = osg::Matrixd::translate(1, 1, 1) * osg::Matrixd::scale(0.5, 0.5, 0.5);
    mShadowMatrix = local * view * projection * bias;
    mTexGenFrame->setMatrix(local);
    mShadowTexGen->getTexGen()->setPlanesFromMatrix(mShadowMatrix);
}

} // namespace viewer
