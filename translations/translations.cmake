# Urbis translations: the .ts files, the sources lupdate reads and its options. Included by app/ui/CMakeLists.txt
# (qt_add_translations embeds the .qm files at :/i18n/) and mirrored by translations/lupdate.cmake, which the
# urbis_update_translations target and the tests/translations check run.
set(URBIS_TS_FILES
  ${CMAKE_SOURCE_DIR}/translations/urbis_zh_CN.ts)
set(URBIS_LUPDATE_OPTIONS -no-obsolete -locations none)
file(GLOB_RECURSE URBIS_TR_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/app/*.cpp ${CMAKE_SOURCE_DIR}/app/*.h
  ${CMAKE_SOURCE_DIR}/viewer/*.cpp ${CMAKE_SOURCE_DIR}/viewer/*.h)

# Rewrites the .ts files from the sources (then translate what is new, e.g. in Qt Linguist).
if(NOT TARGET urbis_update_translations)
  add_custom_target(urbis_update_translations
    COMMAND ${CMAKE_COMMAND} -DMODE=update -DLUPDATE=$<TARGET_FILE:Qt6::lupdate>
            -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DWORK_DIR=${CMAKE_BINARY_DIR}/translations
            -P ${CMAKE_SOURCE_DIR}/translations/lupdate.cmake
    COMMENT "Updating translations/urbis_*.ts from app/ and viewer/"
    VERBATIM)
endif()
