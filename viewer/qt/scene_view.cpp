#include "viewer/qt/scene_view.h"

#include "viewer/scene/camera.h"
#include "viewer/scene/scene_builder.h"
#include "viewer/scene/sun_shadows.h"

#include <osg/Depth>
#include <osg/Geometry>
#include <osg/Light>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

#include <algorithm>
#include <cmath>

namespace viewer {

namespace {

const osg::Vec4 kSkyTop(0.38f, 0.58f, 0.84f, 1.0f);
const osg::Vec4 kSkyHorizon(0.80f, 0.87f, 0.94f, 1.0f);
const osg::Vec4 kSunDiffuse(0.74f, 0.72f, 0.66f, 1.0f);

// A bounding box that is never valid: the sky quad takes no part in near/far computation or culling.
struct NoBounds : public osg::Drawable::ComputeBoundingBoxCallback {
    osg::BoundingBox computeBound(const osg::Drawable&) const override { return osg::BoundingBox(); }
};

// A full-screen vertical gradient drawn first (render bin -10) without touching the depth buffer.
osg::ref_ptr<osg::Camera> makeSkyCamera() {
    osg::ref_ptr<osg::Camera> camera = new osg::Camera;
    camera->setName("sky");
    camera->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    camera->setRenderOrder(osg::Camera::NESTED_RENDER);
    camera->setClearMask(0);
    camera->setProjectionMatrix(osg::Matrixd::ortho2D(0, 1, 0, 1));
    camera->setViewMatrix(osg::Matrixd::identity());
    camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    camera->setAllowEventFocus(false);

    osg::ref_ptr<osg::Geometry> quad = new osg::Geometry;
    quad->setName("sky_gradient");
    quad->setUseDisplayList(false);
    quad->setUseVertexBufferObjects(true);
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array;
    // Horizon colour over the lower 45 %, then a gradient to the zenith colour.
    const float ys[] = {0.0f, 0.45f, 1.0f};
    const osg::Vec4 cs[] = {kSkyHorizon, kSkyHorizon, kSkyTop};
    for (int i = 0; i < 3; ++i) {
        v->push_back(osg::Vec3(0, ys[i], -0.5f));
        v->push_back(osg::Vec3(1, ys[i], -0.5f));
        c->push_back(cs[i]);
        c->push_back(cs[i]);
    }
    quad->setVertexArray(v);
    quad->setColorArray(c, osg::Array::BIND_PER_VERTEX);
    quad->addPrimitiveSet(new osg::DrawArrays(GL_TRIANGLE_STRIP, 0, 6));
    quad->setComputeBoundingBoxCallback(new NoBounds);
    quad->setCullingActive(false);
    osg::StateSet* ss = quad->getOrCreateStateSet();
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    ss->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0, 1, false));
    ss->setRenderBinDetails(-10, "RenderBin");
    camera->addChild(quad);
    camera->setNodeMask(0x1); // drawn, never picked (picks traverse only the project root)
    return camera;
}

} // namespace

SceneView::SceneView() {
    mViewer = new osgViewer::Viewer;
    mViewer->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    mViewer->setKeyEventSetsDone(0);
    mViewer->setQuitEventSetsDone(false);
    mViewer->setReleaseContextAtEndOfFrameHint(false);
    mWindow = new osgViewer::GraphicsWindowEmbedded(0, 0, mWidth, mHeight);
    osg::Camera* camera = mViewer->getCamera();
    camera->setGraphicsContext(mWindow.get());
    camera->setViewport(0, 0, mWidth, mHeight);
    camera->setClearColor(kSkyHorizon);
    camera->setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    camera->setSmallFeatureCullingPixelSize(1.0f);
    setNearFarRatio(0.0002);

    // A sun fixed in the world (south-south-east, 40 degrees up) plus sky ambient.
    mViewer->setLightingMode(osg::View::SKY_LIGHT);
    osg::Light* light = mViewer->getLight();
    const gis::Vec3 toSun = viewDirection(150.0, 40.0);
    light->setPosition(osg::Vec4(float(toSun.x), float(toSun.y), float(toSun.z), 0.0f));
    light->setAmbient(osg::Vec4(0.42f, 0.43f, 0.47f, 1.0f));
    light->setDiffuse(kSunDiffuse);
    light->setSpecular(osg::Vec4(0, 0, 0, 1));

    mFog = new osg::Fog;
    mFog->setMode(osg::Fog::LINEAR);
    mFog->setColor(kSkyHorizon);

    mRoot = new osg::Group;
    mRoot->setName("view_root");
    mRoot->addChild(makeSkyCamera());
    mProjectRoot = new osg::MatrixTransform;
    mRoot->addChild(mProjectRoot);
    mOverlayRoot = new osg::MatrixTransform;
    mOverlayRoot->setName("overlays");
    mRoot->addChild(mOverlayRoot);
    mViewer->setSceneData(mRoot);
    mProjectRoot->getOrCreateStateSet()->setAttributeAndModes(mFog.get(), osg::StateAttribute::ON);
    updateProjection();
}

SceneView::~SceneView() = default;

void SceneView::setProject(const gis::Project* project) {
    mRoot->removeChild(mProjectRoot);
    if (project) {
        mOrigin = project->origin();
        mProjectRoot = buildProjectScene(*project, mOrigin);
    } else {
        mOrigin = {};
        mProjectRoot = new osg::MatrixTransform;
    }
    mRoot->addChild(mProjectRoot);
    mOverlayRoot->setMatrix(mProjectRoot->getMatrix());
    mContent = osg::BoundingSphered();
    if (project) {
        const gis::Extent e = projectContentExtent(*project);
        const HeightRange range = projectHeightRange(*project);
        if (!e.isEmpty()) {
            const osg::Vec3d lo(e.minX, e.minY, range.zMin), hi(e.maxX, e.maxY, range.zMax);
            mContent.set((lo + hi) * 0.5, std::max((hi - lo).length() * 0.5, 50.0));
        }
    }
    mProjectRoot->getOrCreateStateSet()->setAttributeAndModes(mFog.get(), osg::StateAttribute::ON);
    if (mShadowsEnabled)
        mShadows->attach(mRoot.get(), mProjectRoot.get());
}

void SceneView::setSunDirection(const std::optional<gis::Vec3>& toSun) {
    mSun = toSun;
    osg::Light* light = mViewer->getLight();
    gis::Vec3 d = toSun ? toSun->normalized() : viewDirection(150.0, 40.0);
    light->setPosition(osg::Vec4(float(d.x), float(d.y), float(d.z), 0.0f));
    // Below the horizon only the sky lights the city; a low sun fades in over the first two degrees.
    const float k = toSun ? float(std::clamp(d.z / 0.035, 0.0, 1.0)) : 1.0f;
    light->setDiffuse(osg::Vec4(kSunDiffuse.r() * k, kSunDiffuse.g() * k, kSunDiffuse.b() * k, 1.0f));
    if (mShadows)
        mShadows->setSunDirection(osg::Vec3d(d.x, d.y, d.z));
}

void SceneView::setShadowsEnabled(bool enabled) {
    if (enabled == mShadowsEnabled)
        return;
    mShadowsEnabled = enabled;
    if (enabled) {
        if (!mShadows) {
            mShadows = std::make_unique<SunShadows>();
            const gis::Vec3 d = mSun ? mSun->normalized() : viewDirection(150.0, 40.0);
            mShadows->setSunDirection(osg::Vec3d(d.x, d.y, d.z));
        }
        mShadows->attach(mRoot.get(), mProjectRoot.get());
    } else if (mShadows) {
        mShadows->detach();
    }
}

void SceneView::setOverlay(const std::string& name, osg::Node* node) {
    if (osg::Node* old = overlay(name))
        mOverlayRoot->removeChild(old);
    if (node) {
        node->setName("overlay:" + name);
        mOverlayRoot->addChild(node);
    }
}

osg::Node* SceneView::overlay(const std::string& name) const {
    for (unsigned i = 0; i < mOverlayRoot->getNumChildren(); ++i)
        if (mOverlayRoot->getChild(i)->getName() == "overlay:" + name)
            return mOverlayRoot->getChild(i);
    return nullptr;
}

void SceneView::updateFog() {
    // Aerial perspective: what lies well beyond the content fades into the horizon colour, which also hides
    // the hard edge of the terrain.
    if (!mContent.valid()) {
        mFog->setStart(1e7f);
        mFog->setEnd(2e7f);
        return;
    }
    const double distance = (cameraMatrix().getTrans() - mContent.center()).length();
    const double r = mContent.radius();
    mFog->setStart(float(distance + 0.2 * r));
    mFog->setEnd(float(distance + 2.5 * r));
}

void SceneView::refreshLayer(const gis::Project& project, const std::string& layerId) {
    const gis::Layer* layer = project.findLayer(layerId);
    osg::Node* old = findLayerNode(mProjectRoot.get(), layerId);
    if (!layer) {
        if (old)
            mProjectRoot->removeChild(old);
        return;
    }
    osg::ref_ptr<osg::Node> node = buildLayerNode(*layer, project, mOrigin);
    if (old)
        mProjectRoot->replaceChild(old, node);
    else
        mProjectRoot->addChild(node);
}

void SceneView::resize(int width, int height) {
    mWidth = std::max(width, 1);
    mHeight = std::max(height, 1);
    mWindow->resized(0, 0, mWidth, mHeight);
    mWindow->getEventQueue()->windowResize(0, 0, mWidth, mHeight);
    mViewer->getCamera()->setViewport(0, 0, mWidth, mHeight);
    updateProjection();
}

void SceneView::setVerticalFov(double degrees) {
    mFovDeg = degrees;
    updateProjection();
}

void SceneView::setNearFarRatio(double ratio) {
    mViewer->getCamera()->setNearFarRatio(ratio);
}

void SceneView::updateProjection() {
    mViewer->getCamera()->setProjectionMatrixAsPerspective(mFovDeg, aspect(), 1.0, 100000.0);
}

void SceneView::setCameraMatrix(const osg::Matrixd& cameraToWorld) {
    mViewer->getCamera()->setViewMatrix(osg::Matrixd::inverse(cameraToWorld));
}

osg::Matrixd SceneView::cameraMatrix() const {
    if (const osgGA::CameraManipulator* m = mViewer->getCameraManipulator())
        return m->getMatrix();
    return osg::Matrixd::inverse(mViewer->getCamera()->getViewMatrix());
}

void SceneView::frame(unsigned fbo) {
    mWindow->setDefaultFboId(fbo);
    updateFog();
    if (mShadowsEnabled)
        mShadows->update(cameraMatrix(), mFovDeg, aspect(), mContent,
                         osg::Vec3d(mOrigin.x, mOrigin.y, mOrigin.z));
    mViewer->frame();
}

void SceneView::pixelRay(double x, double y, osg::Vec3d& from, osg::Vec3d& direction) const {
    const double tanV = std::tan(osg::DegreesToRadians(mFovDeg) / 2);
    const double tanH = tanV * aspect();
    const double nx = 2.0 * (x + 0.5) / mWidth - 1.0;
    const double ny = 1.0 - 2.0 * (y + 0.5) / mHeight;
    const osg::Matrixd m = cameraMatrix();
    from = m.getTrans();
    direction = osg::Matrixd::transform3x3(osg::Vec3d(nx * tanH, ny * tanV, -1.0), m);
    direction.normalize();
}

std::optional<osg::Vec3d> SceneView::pickRay(const osg::Vec3d& from, const osg::Vec3d& direction,
                                             double length) const {
    if (!mProjectRoot || mProjectRoot->getNumChildren() == 0)
        return std::nullopt;
    osg::ref_ptr<osgUtil::LineSegmentIntersector> intersector =
        new osgUtil::LineSegmentIntersector(osgUtil::Intersector::MODEL, from, from + direction * length);
    intersector->setIntersectionLimit(osgUtil::Intersector::LIMIT_NEAREST);
    osgUtil::IntersectionVisitor visitor(intersector.get());
    mProjectRoot->accept(visitor);
    if (!intersector->containsIntersections())
        return std::nullopt;
    return intersector->getFirstIntersection().getWorldIntersectPoint();
}

std::optional<osg::Vec3d> SceneView::pick(double x, double y) const {
    osg::Vec3d from, direction;
    pixelRay(x, y, from, direction);
    return pickRay(from, direction, 200000.0);
}

int SceneView::drawCalls() const {
    return countDrawCalls(mRoot.get());
}

} // namespace viewer
