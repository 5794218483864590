# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -P cdeferUninstall.cmake, run by `cmake --build build --target
# uninstall`: removes every file the last `cmake --install` of this build
# directory put down, as listed in its install_manifest.txt.  The manifest
# holds the paths without DESTDIR: for a staged install, give the same
# DESTDIR to the uninstall.  Directories stay: they may have been there
# before, or be shared with other packages.
if(NOT DEFINED CDEFER_MANIFEST)
  message(FATAL_ERROR "cdeferUninstall.cmake: CDEFER_MANIFEST is not set")
endif()
if(NOT EXISTS "${CDEFER_MANIFEST}")
  message(FATAL_ERROR "uninstall: ${CDEFER_MANIFEST} does not exist: "
                      "nothing was installed from this build directory")
endif()
file(STRINGS "${CDEFER_MANIFEST}" _files)
set(_left "")
foreach(_f IN LISTS _files)
  set(_f "$ENV{DESTDIR}${_f}")
  # IS_SYMLINK too: a dangling libcdefer.so link is not EXISTS.
  if(EXISTS "${_f}" OR IS_SYMLINK "${_f}")
    message(STATUS "Uninstalling: ${_f}")
    file(REMOVE "${_f}")
    if(EXISTS "${_f}" OR IS_SYMLINK "${_f}")
      list(APPEND _left "${_f}")
    endif()
  else()
    message(STATUS "Not installed: ${_f}")
  endif()
endforeach()
if(_left)
  string(REPLACE ";" "\n  " _left "${_left}")
  message(FATAL_ERROR "uninstall: could not remove:\n  ${_left}")
endif()
file(REMOVE "${CDEFER_MANIFEST}")
