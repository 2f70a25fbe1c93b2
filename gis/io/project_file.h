#pragma once
// The Urbis project file: one GeoPackage written through GDAL.
// Tables: urbis_meta (key/value: schema_version, crs, title, camera), urbis_layers (id, name, kind, visible,
// z_order, source, table_name) and one feature table per vector layer. Saving writes a temporary file next to
// the target and renames it into place, so a crash mid-save never damages the previous file.
#include "gis/model/project.h"
#include "gis/progress.h"
#include "gis/result.h"

#include <string>

namespace gis::io {

Status writeProject(const Project& project, const std::string& path, Progress& progress);
Status writeProject(const Project& project, const std::string& path);

// Fails with a clear message (and leaves the file untouched) for: a missing file, a file that is not a
// GeoPackage, a GeoPackage that is not a Urbis project, a newer schema, or a damaged file.
Result<Project> readProject(const std::string& path, Progress& progress);
Result<Project> readProject(const std::string& path);

// True when the file exists and is a GeoPackage with a urbis_meta table (cheap check, no layers read).
bool isUrbisProject(const std::string& path);

// What a file dropped on or given to the app should be treated as: a project to open (which reports its own
// problems), a damaged SQLite/GeoPackage file (also opened, so the user reads "damaged, restore from a
// backup" rather than an import error), or anything else (imported as data).
enum class FileRole { Project, DamagedProject, Data };
FileRole fileRole(const std::string& path);

} // namespace gis::io
