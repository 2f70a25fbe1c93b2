#pragma once
// The OSG side shared by ViewerWidget and OffscreenRenderer (no Qt here): a single-threaded osgViewer::Viewer
// on an embedded graphics window, a sky background, a sun light and the project scene. The caller owns the GL
// context and calls frame() with it current.
#include "gis/model/camera_view.h"
#include "gis/model/project.h"

#include <osg/BoundingSphere>
#include <osg/Camera>
#include <osg/Fog>
#include <osg/MatrixTransform>
#include <osg/ref_ptr>
#include <osgViewer/GraphicsWindow>
#include <osgViewer/Viewer>

#include <memory>
#include <optional>
#include <string>

namespace viewer {

class SunShadows;

class SceneView {
public:
    static constexpr double kOrbitFovDeg = 30.0;
    static constexpr double kWalkFovDeg = 55.0;

    SceneView();
    ~SceneView();
    SceneView(const SceneView&) = delete;
    SceneView& operator=(const SceneView&) = delete;

    osgViewer::Viewer* viewer() const { return mViewer.get(); }
    osgViewer::GraphicsWindowEmbedded* window() const { return mWindow.get(); }

    // Builds the scene of `project` (null: empty scene). The project is not kept.
    void setProject(const gis::Project* project);
    osg::MatrixTransform* projectRoot() const { return mProjectRoot.get(); }
    const gis::Vec3& origin() const { return mOrigin; }
    // Rebuilds one layer node in place.
    void refreshLayer(const gis::Project& project, const std::string& layerId);

    // Analysis overlays (sunlight colours, water surfaces ...) kept across setProject: `node` is in project
    // coordinates relative to origin() (the same frame as the layer nodes); setting a name again replaces
    // its node, null removes it.
    void setOverlay(const std::string& name, osg::Node* node);
    osg::Node* overlay(const std::string& name) const;

    // Viewport size in device pixels.
    void resize(int width, int height);
    int width() const { return mWidth; }
    int height() const { return mHeight; }
    double aspect() const { return mHeight > 0 ? double(mWidth) / mHeight : 1.6; }
    void setVerticalFov(double degrees);
    double verticalFov() const { return mFovDeg; }
    // Smaller for walking (a close near plane), larger for overviews.
    void setNearFarRatio(double ratio);

    // Camera matrix (camera to world, origin included) used when there is no camera manipulator.
    void setCameraMatrix(const osg::Matrixd& cameraToWorld);
    osg::Matrixd cameraMatrix() const;

    // Renders one frame into framebuffer object `fbo` (0: the window system framebuffer).
    void frame(unsigned fbo);

    // World-space ray through a pixel (device pixels, y down from the top).
    void pixelRay(double x, double y, osg::Vec3d& from, osg::Vec3d& direction) const;
    // First scene surface under a pixel (world coordinates, origin included).
    std::optional<osg::Vec3d> pick(double x, double y) const;
    std::optional<osg::Vec3d> pickRay(const osg::Vec3d& from, const osg::Vec3d& direction,
                                      double length) const;

    int drawCalls() const;

    // The sun of the sunlight preview: unit vector toward it in the world frame (x east, y north, z up); the
    // scene's light follows it (no direct light below the horizon). Empty: the fixed default sun.
    void setSunDirection(const std::optional<gis::Vec3>& toSun);
    const std::optional<gis::Vec3>& sunDirection() const { return mSun; }
    // Shadow-mapped sun shadows (viewer/scene/sun_shadows.h); off by default, so renders are unchanged.
    void setShadowsEnabled(bool enabled);
    bool shadowsEnabled() const { return mShadowsEnabled; }

private:
    void updateProjection();
    void updateFog();

    osg::ref_ptr<osgViewer::Viewer> mViewer;
    osg::ref_ptr<osgViewer::GraphicsWindowEmbedded> mWindow;
    osg::ref_ptr<osg::Group> mRoot;
    osg::ref_ptr<osg::MatrixTransform> mProjectRoot;
    osg::ref_ptr<osg::MatrixTransform> mOverlayRoot; // same transform as mProjectRoot
    gis::Vec3 mOrigin;
    osg::ref_ptr<osg::Fog> mFog;
    osg::BoundingSphered mContent; // world coordinates; the fog starts beyond it
    int mWidth = 1;
    int mHeight = 1;
    double mFovDeg = kOrbitFovDeg;
    std::unique_ptr<SunShadows> mShadows; // created when first enabled
    bool mShadowsEnabled = false;
    std::optional<gis::Vec3> mSun;
};

} // namespace viewer
