#pragma once
// CityGML 2.0 and 1.0 (.gml, .citygml, .xml), read with libcitygml (LGPL, a private dependency of
// gis_core: no libcitygml type appears in a header) into the same model as the CityJSON reader, then
// imported as one CityModel layer in the project CRS (see importCityModel in cityjson.h).
//
// - every Building, BuildingPart and other feature (not boundary surfaces or openings) is one object; the
//   polygons of its boundary surfaces (WallSurface, RoofSurface, GroundSurface, ...) and openings belong to
//   it; semantics become Surface::Roof/Wall/Ground, a building polygon without one is classified by its
//   normal (up: roof, down: ground, else wall);
// - one LoD per object: the requested one, by default the highest the object has;
// - the CRS is the srsName of the model's envelope (EPSG codes in any spelling, AdV names such as
//   "urn:adv:crs:ETRS89_UTM33*DE_DHHN92_NH"); without one the user must assign a CRS;
// - CityGML 3.0 and LoD0-only files are refused with a message naming the file (libcitygml 2.4 reads
//   neither).
#include "gis/io/cityjson.h"

#include <string>

namespace gis::io {

struct CityGmlOptions {
    std::string lod; // "1" .. "4"; empty: the highest LoD each object has
};

// True when `path` is CityGML: extension .gml/.citygml/.xml and a CityGML namespace near the start (GDAL's
// GML driver would open it but loses the semantics and the boundary-surface geometry).
bool isCityGml(const std::string& path);

// The srsName of a CityGML file as a CRS PROJ understands ("EPSG:25833"); empty when it is empty or not
// known. Exposed for tests.
Crs crsFromSrsName(const std::string& srsName);

// Reads the file in its own CRS (model.crs empty when it declares none or an unknown one).
Result<CityJsonModel> readCityGml(const std::string& path, const CityGmlOptions& options, Progress& progress);

// Imports a CityGML file as one CityModel layer (see importDataset). A file without a usable srsName needs
// options.assumeCrs; otherwise the error asks for one.
Result<ImportReport> importCityGml(const std::string& path, const Project& project,
                                   const ImportOptions& options, const CityGmlOptions& cityGml,
                                   Progress& progress);

} // namespace gis::io
