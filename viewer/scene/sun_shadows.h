#pragma once
// Live sun shadows for the sunlight preview: a custom shadow-map pass (SUNLIGHT.md: a shadow map is a
// preview, never a compliance number; the numbers come from the ray-traced gis::analysis engine).
//
// Why not osgShadow: Debian's OSG is a fixed-function build and the scene relies on fixed-function lighting,
// colour material and fog (TOOLCHAIN.md pitfalls 1 and 10; ViewDependentShadowMap gives solid black shadows
// and acne under llvmpipe). Here the vertex stage stays fixed-function and only a fragment shader is added:
//  - a depth-only pre-render camera looks along the sun over the part of the city in view (an orthographic
//    box fitted every frame) and renders the back faces of the scene (front faces culled: no acne on lit
//    surfaces; single-sided terrain therefore casts no shadow, which the preview accepts);
//  - eye-linear TexGen gives every fragment its shadow-map coordinate (unit 1) and its position in the
//    project's local frame (unit 2); the face normal comes from the screen derivatives of that position;
//  - a fragment in shadow keeps the ambient part of its lit colour only: colour * (A + D·n·l·lit) / (A +
//  D·n·l)
//    with A and D the light's ambient and diffuse terms, so faces turned away from the sun are not darkened
//    twice; fog is applied as the fixed-function pipeline would.
// Nothing is changed in the scene while detached: renders without shadows are unchanged.
#include <osg/BoundingSphere>
#include <osg/Camera>
#include <osg/Group>
#include <osg/MatrixTransform>
#include <osg/Matrixd>
#include <osg/Program>
#include <osg/TexGenNode>
#include <osg/Texture2D>
#include <osg/Uniform>
#include <osg/observer_ptr>
#include <osg/ref_ptr>

namespace viewer {

class SunShadows {
public:
    static constexpr unsigned kShadowUnit = 1;   // shadow-map coordinates and the depth texture
    static constexpr unsigned kPositionUnit = 2; // local position (face normals from its derivatives)

    explicit SunShadows(int mapSize = 2048);
    ~SunShadows();
    SunShadows(const SunShadows&) = delete;
    SunShadows& operator=(const SunShadows&) = delete;

    // Adds the shadow pass under `viewRoot` and the shadow lookup to `projectRoot`'s state (the project scene
    // casts and receives). Call again after the project root was replaced; detach() undoes everything.
    void attach(osg::Group* viewRoot, osg::MatrixTransform* projectRoot);
    void detach();
    bool attached() const { return mProjectRoot.valid(); }

    // Unit vector toward the sun in the world frame (x east, y north, z up). Below the horizon nothing is lit
    // by the sun, so nothing is shadowed either.
    void setSunDirection(const osg::Vec3d& toSun);

    // Fits the shadow map to what the camera sees (called before every frame). `content`: the scene's bounds
    // in world coordinates; `origin`: the project root's translation.
    void update(const osg::Matrixd& cameraToWorld, double verticalFovDeg, double aspect,
                const osg::BoundingSphered& content, const osg::Vec3d& origin);

    osg::Camera* camera() const { return mCamera.get(); }
    osg::Texture2D* depthTexture() const { return mDepth.get(); }
    // The local-to-shadow-texture matrix of the last update (row vectors, OSG convention).
    const osg::Matrixd& shadowMatrix() const { return mShadowMatrix; }

private:
    void applyReceiverState(osg::StateSet* ss) const;
    void removeReceiverState(osg::StateSet* ss) const;

    int mMapSize;
    osg::ref_ptr<osg::Camera> mCamera;
    osg::ref_ptr<osg::Texture2D> mDepth;
    osg::ref_ptr<osg::Texture2D> mDummy; // bound instead of the depth texture while rendering into it
    osg::ref_ptr<osg::MatrixTransform> mTexGenFrame; // the project's local frame, for the TexGen planes
    osg::ref_ptr<osg::TexGenNode> mShadowTexGen, mPositionTexGen;
    osg::ref_ptr<osg::Program> mProgram;
    osg::ref_ptr<osg::Uniform> mToSun, mSunUp, mTexel, mMapUniform;
    osg::observer_ptr<osg::Group> mViewRoot;
    osg::observer_ptr<osg::MatrixTransform> mProjectRoot;
    osg::Vec3d mToSunWorld{0, -0.6, 0.8};
    osg::Matrixd mShadowMatrix;
};

} // namespace viewer
