# SPDX-License-Identifier: GPL-3.0-or-later
# Install-side packaging of cdefer (included from the top-level CMakeLists.txt
# after runtime/, plugin/ and frontend/):
#   lib/cmake/cdefer/cdeferConfig.cmake, cdeferConfigVersion.cmake,
#     cdeferTargets.cmake       find_package(cdefer): cdefer::headers,
#                               cdefer::runtime, cdefer::runtime_static,
#                               cdefer::cdefer, cdefer_enable()
#   ${libdir}/pkgconfig/cdefer.pc         headers and libcdefer (any compiler)
#   ${libdir}/pkgconfig/cdefer-plugin.pc  + -fplugin= (that GCC only)
#   ${datadir}/doc/cdefer/      README.md and docs/*.md
#   ${mandir}/man1/cdefer.1     if frontend/cdefer.1 exists
# The plugins themselves are installed by plugin/CMakeLists.txt into the
# plugin directory of their own GCC (an absolute path).
include(CMakePackageConfigHelpers)

# lib/cmake, not ${CMAKE_INSTALL_LIBDIR}/cmake: CMake searches the multiarch
# lib/<triplet>/cmake only when it knows the compiler's library architecture,
# which it does not for tcc, for example.
set(CDEFER_CMAKE_INSTALL_DIR lib/cmake/cdefer
    CACHE STRING "Where cdeferConfig.cmake is installed (relative to the prefix)")
set(CDEFER_PKGCONFIG_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig
    CACHE STRING "Where cdefer.pc is installed (relative to the prefix)")

# Every plugin that `cmake --install` puts in place, as "major=installed path".
# plugin/CMakeLists.txt names them cdefer_plugin (the C compiler's major) and
# cdefer_plugin_gccN (the others); CDEFER_PLUGINS lists "major|gcc|build path".
set(CDEFER_INSTALLED_PLUGINS "")
set(CDEFER_MAIN_PLUGIN "")
foreach(_entry IN LISTS CDEFER_PLUGINS)
  string(REPLACE "|" ";" _f "${_entry}")
  list(GET _f 0 _major)
  if(TARGET cdefer_plugin AND CDEFER_MAIN_GCC AND _major STREQUAL CDEFER_MAIN_GCC_MAJOR)
    set(_t cdefer_plugin)
  else()
    set(_t cdefer_plugin_gcc${_major})
  endif()
  if(NOT TARGET ${_t})
    continue()
  endif()
  get_property(_dir TARGET ${_t} PROPERTY CDEFER_GCC_PLUGIN_DIR)
  list(APPEND CDEFER_INSTALLED_PLUGINS "${_major}=${_dir}/cdefer.so")
  if(_t STREQUAL "cdefer_plugin")
    set(CDEFER_MAIN_PLUGIN "${_dir}/cdefer.so")
  endif()
endforeach()

# ---- CMake package -----------------------------------------------------------
install(EXPORT cdeferTargets NAMESPACE cdefer::
        DESTINATION ${CDEFER_CMAKE_INSTALL_DIR} COMPONENT headers)

if(TARGET cdefer)
  set(CDEFER_HAVE_FRONTEND 1)
else()
  set(CDEFER_HAVE_FRONTEND 0)
endif()
set(CDEFER_CONFIG_BINDIR ${CMAKE_INSTALL_BINDIR})
set(CDEFER_CONFIG_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/cdeferConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/cdeferConfig.cmake
  INSTALL_DESTINATION ${CDEFER_CMAKE_INSTALL_DIR}
  PATH_VARS CDEFER_CONFIG_BINDIR CDEFER_CONFIG_INCLUDEDIR)
# 0.x: only the same minor version is compatible; from 1.0 the same major.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_compat SameMinorVersion)
else()
  set(_compat SameMajorVersion)
endif()
# Not ARCH_INDEPENDENT: the package holds libcdefer, built for one
# architecture (the version file checks the consumer's pointer size).
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/cdeferConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${_compat})
install(FILES ${PROJECT_BINARY_DIR}/cmake/cdeferConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/cdeferConfigVersion.cmake
        DESTINATION ${CDEFER_CMAKE_INSTALL_DIR} COMPONENT headers)

# ---- pkg-config ---------------------------------------------------------------
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CDEFER_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(CDEFER_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(CDEFER_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(CDEFER_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(CDEFER_MAIN_PLUGIN)
  set(CDEFER_PC_GCC_MAJOR "${CDEFER_MAIN_GCC_MAJOR}")
else()
  set(CDEFER_PC_GCC_MAJOR "")
endif()
# Two files, because pkg-config cannot ask which compiler will read the
# flags: cdefer.pc suits every compiler, cdefer-plugin.pc only the GCC the
# plugin was built for (clang fails to load it: undefined symbol global_dc).
configure_file(${PROJECT_SOURCE_DIR}/packaging/cdefer.pc.in
               ${PROJECT_BINARY_DIR}/packaging/cdefer.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/cdefer.pc
        DESTINATION ${CDEFER_PKGCONFIG_INSTALL_DIR} COMPONENT headers)
if(CDEFER_MAIN_PLUGIN)
  configure_file(${PROJECT_SOURCE_DIR}/packaging/cdefer-plugin.pc.in
                 ${PROJECT_BINARY_DIR}/packaging/cdefer-plugin.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/packaging/cdefer-plugin.pc
          DESTINATION ${CDEFER_PKGCONFIG_INSTALL_DIR} COMPONENT headers)
endif()

# ---- documentation --------------------------------------------------------------
file(GLOB _cdefer_docs ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${_cdefer_docs}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/cdefer COMPONENT doc)
# The licence: Debian's machine-readable copyright file (the .deb needs it
# at /usr/share/doc/cdefer/copyright), and the texts themselves.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/cdefer COMPONENT doc)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/cdefer COMPONENT doc)
install(FILES ${PROJECT_SOURCE_DIR}/runtime/LICENSE
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/cdefer RENAME LICENSE.runtime COMPONENT doc)
# The man page is being written separately: installed once it exists.
if(EXISTS ${PROJECT_SOURCE_DIR}/frontend/cdefer.1)
  install(FILES ${PROJECT_SOURCE_DIR}/frontend/cdefer.1
          DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT doc)
endif()

# ---- the conformance suite ----------------------------------------------------
# ${datadir}/cdefer/conformance: the cases, run-suite and what it needs
# (run-case, lib/), so `cdefer-conformance --cc "COMPILER"` runs the suite
# against any compiler without the source tree.
set(_conf ${PROJECT_SOURCE_DIR}/tests/conformance)
set(_conf_dest ${CMAKE_INSTALL_DATADIR}/cdefer/conformance)
install(DIRECTORY ${_conf}/go ${_conf}/ts ${_conf}/lib DESTINATION ${_conf_dest}
        COMPONENT conformance)
install(PROGRAMS ${_conf}/run-suite ${_conf}/run-case ${_conf}/probe-caps
        DESTINATION ${_conf_dest} COMPONENT conformance)
install(FILES ${_conf}/README.md DESTINATION ${_conf_dest} COMPONENT conformance)
file(RELATIVE_PATH CDEFER_CONFORMANCE_REL
     ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR} ${CMAKE_INSTALL_PREFIX}/${_conf_dest})
configure_file(${_conf}/cdefer-conformance.in ${PROJECT_BINARY_DIR}/cdefer-conformance @ONLY)
install(PROGRAMS ${PROJECT_BINARY_DIR}/cdefer-conformance
        DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT conformance)

# ---- uninstall ----------------------------------------------------------------
# `cmake --build build --target uninstall` removes what `cmake --install
# build` (or `make install`) recorded in build/install_manifest.txt.  Not
# defined when a parent project (add_subdirectory) has its own.
if(NOT TARGET uninstall)
  add_custom_target(uninstall
    COMMAND ${CMAKE_COMMAND} -DCDEFER_MANIFEST=${PROJECT_BINARY_DIR}/install_manifest.txt
            -P ${PROJECT_SOURCE_DIR}/cmake/cdeferUninstall.cmake
    COMMENT "Removing the files listed in install_manifest.txt"
    VERBATIM)
endif()
