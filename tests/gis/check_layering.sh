#!/usr/bin/env bash
# Fails when a file under gis/ includes a Qt or OSG header, or viewer/scene includes any Qt header
# (ARCHITECTURE.md: folders alone do not hold a boundary). Also fails if a file of gis/ links Qt or OSG in CMake.
set -u
root="${1:-.}"
status=0
leaks=$(grep -rnE '^\s*#\s*include\s*[<"](Q[A-Za-z]|qt|osg|OpenThreads)' "$root/gis" 2>/dev/null)
if [ -n "$leaks" ]; then
  echo "gis/ must not include Qt or OSG headers:"; echo "$leaks"; status=1
fi
leaks=$(grep -rnE '^\s*#\s*include\s*[<"](Q[A-Za-z]|qt)' "$root/viewer/scene" 2>/dev/null)
if [ -n "$leaks" ]; then
  echo "viewer/scene must not include Qt headers:"; echo "$leaks"; status=1
fi
leaks=$(grep -nE 'Qt6::|urbis_osg|OPENSCENEGRAPH' "$root/gis/CMakeLists.txt")
if [ -n "$leaks" ]; then
  echo "gis/CMakeLists.txt must not link Qt or OSG:"; echo "$leaks"; status=1
fi
# Sanity: the check must see the files it guards.
n=$(find "$root/gis" -name '*.cpp' | wc -l)
if [ "$n" -lt 5 ]; then echo "check_layering: gis/ sources not found under $root"; status=1; fi
[ $status -eq 0 ] && echo "layering ok: $n gis sources, no Qt/OSG includes"
exit $status
