# All third-party dependencies, from Debian 12 packages (scripts/setup.sh installs them).
find_package(GDAL 3.6 REQUIRED)
find_package(PROJ REQUIRED CONFIG)
find_package(CGAL REQUIRED)
find_package(embree 3 REQUIRED)
find_package(TBB REQUIRED)
find_package(nlohmann_json REQUIRED)
# CityGML 2.0/1.0 reader (libcitygml-dev, LGPL): linked privately to gis_core only.
find_package(citygml 2.4 REQUIRED CONFIG)
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets OpenGL OpenGLWidgets Concurrent Charts LinguistTools Test Network)

# OSG has no CMake config package: wrap FindOpenSceneGraph in one INTERFACE target.
find_package(OpenSceneGraph 3.6 REQUIRED COMPONENTS osgDB osgGA osgUtil osgViewer osgText)
add_library(urbis_osg INTERFACE)
target_include_directories(urbis_osg SYSTEM INTERFACE ${OPENSCENEGRAPH_INCLUDE_DIRS})
target_link_libraries(urbis_osg INTERFACE ${OPENSCENEGRAPH_LIBRARIES} OpenGL::GL)
find_package(OpenGL REQUIRED)
