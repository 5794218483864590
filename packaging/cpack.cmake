# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: `cpack -G DEB` in the build directory makes cdefer_<version>_<arch>.deb
# with everything `cmake --install` installs: the plugin(s) in their GCC's
# plugin directory (/usr/lib/gcc/<triplet>/<major>/plugin/cdefer.so), the
# front end, the headers, the CMake and pkg-config files, the docs and the
# man page.  Configure the build with -DCMAKE_INSTALL_PREFIX=/usr (the plugin
# remembers ${prefix}/include/cdefer/ts; packaging/cpack-project-config.cmake.in
# refuses to make a .deb otherwise) and preferably -DCDEFER_EXTRA_GCCS= so the
# package holds just the plugin for the system GCC.
set(CPACK_PACKAGE_NAME cdefer)
set(CPACK_PACKAGE_VENDOR "cdefer")
set(CPACK_PACKAGE_CONTACT "cdefer maintainers <cdefer@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "defer and scope for C (GCC plugin and front end)")
set(CPACK_PACKAGE_DESCRIPTION
"cdefer gives C two statements, defer and scope, with compile-time checks
for the well-known defer mistakes.  This package holds the GCC plugin (gcc
-fplugin=cdefer), the cdefer front end (cdefer lower, check, cc --via=lower,
for any C compiler), the header cdefer.h, and find_package(cdefer) and
pkg-config support.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The plugin's install destination is an absolute path (GCC's plugin
# directory).  With DESTDIR staging CPack takes such files into the package
# as they are, below the package root.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
# One package with every component (plugin, headers, doc, Unspecified).
set(CPACK_DEB_COMPONENT_INSTALL OFF)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_BINARY_DIR}/packaging/cpack-project-config.cmake)
set(CDEFER_CONFIGURED_PREFIX ${CMAKE_INSTALL_PREFIX})
configure_file(${PROJECT_SOURCE_DIR}/packaging/cpack-project-config.cmake.in
               ${PROJECT_BINARY_DIR}/packaging/cpack-project-config.cmake @ONLY)

# ---- Debian ---------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)            # cdefer_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
# A GCC plugin loads only into the GCC it was built against: plugin_default_
# version_check compares the full base version (12.2.0), so the package
# depends on gcc-<major> of exactly that base version (any Debian revision).
set(_deps "")
set(_suggests "")
if(CDEFER_MAIN_GCC)
  string(REGEX MATCH "^[0-9]+\\.[0-9]+\\.[0-9]+" _v "${CMAKE_C_COMPILER_VERSION}")
  string(REGEX MATCH "^[0-9]+\\.[0-9]+" _mm "${_v}")
  string(REGEX MATCH "[0-9]+$" _patch "${_v}")
  math(EXPR _next "${_patch} + 1")
  list(APPEND _deps "gcc-${CDEFER_MAIN_GCC_MAJOR} (>= ${_v})" "gcc-${CDEFER_MAIN_GCC_MAJOR} (<< ${_mm}.${_next})")
endif()
# Plugins for further GCCs (CDEFER_EXTRA_GCCS): only suggested.
foreach(_entry IN LISTS CDEFER_PLUGINS)
  string(REGEX MATCH "^[0-9]+" _m "${_entry}")
  if(NOT (CDEFER_MAIN_GCC AND _m STREQUAL CDEFER_MAIN_GCC_MAJOR))
    list(APPEND _suggests "gcc-${_m}")
  endif()
endforeach()
find_program(CDEFER_DPKG_SHLIBDEPS dpkg-shlibdeps)
mark_as_advanced(CDEFER_DPKG_SHLIBDEPS)
if(CDEFER_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)          # libc6, libstdc++6, libgcc-s1
else()
  list(APPEND _deps libc6 libstdc++6)
endif()
string(REPLACE ";" ", " CPACK_DEBIAN_PACKAGE_DEPENDS "${_deps}")
string(REPLACE ";" ", " CPACK_DEBIAN_PACKAGE_SUGGESTS "${_suggests}")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "pkgconf | pkg-config")
# libcdefer.so.0: a shlibs file, and the ldconfig trigger.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")

include(CPack)
