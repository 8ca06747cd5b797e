# SPDX-License-Identifier: GPL-3.0-or-later
# FindQCustomPlot.cmake -- locate the *Qt6* build of QCustomPlot 2.1 on Debian 12.
#
# Debian's libqcustomplot-dev ships ONE header (/usr/include/qcustomplot.h) for both
# builds plus two libraries:
#   libQCustomPlot.so      -> Qt5 build  (package libqcustomplot2.1)
#   libQCustomPlotQt6.so   -> Qt6 build  (package libqcustomplot2.1-qt6)
# Linking the Qt5 one into a Qt6 app compiles and links, then aborts at run time
# because libQt5*.so get loaded next to Qt6, so we search for the Qt6 name only.
# The package name "QCustomPlot" in Debian's config files is the Qt5 build; this
# module wins because cmake/ is on CMAKE_MODULE_PATH and module mode is the default.
#
# Result: imported target QCustomPlot::QCustomPlot, variables QCustomPlot_FOUND,
# QCustomPlot_INCLUDE_DIR, QCustomPlot_LIBRARY, QCustomPlot_VERSION.

find_package(Qt6 QUIET COMPONENTS Widgets PrintSupport)

find_path(QCustomPlot_INCLUDE_DIR
  NAMES qcustomplot.h
  PATH_SUFFIXES qcustomplot)

find_library(QCustomPlot_LIBRARY
  NAMES QCustomPlotQt6 qcustomplot-qt6 qcustomplotqt6)

if(QCustomPlot_INCLUDE_DIR AND EXISTS "${QCustomPlot_INCLUDE_DIR}/qcustomplot.h")
  file(STRINGS "${QCustomPlot_INCLUDE_DIR}/qcustomplot.h" _qcp_ver
       REGEX "^#define QCUSTOMPLOT_VERSION_STR \"[^\"]+\"")
  string(REGEX REPLACE ".*\"([^\"]+)\".*" "\\1" QCustomPlot_VERSION "${_qcp_ver}")
  unset(_qcp_ver)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QCustomPlot
  REQUIRED_VARS QCustomPlot_LIBRARY QCustomPlot_INCLUDE_DIR Qt6Widgets_FOUND Qt6PrintSupport_FOUND
  VERSION_VAR QCustomPlot_VERSION)

if(QCustomPlot_FOUND AND NOT TARGET QCustomPlot::QCustomPlot)
  add_library(QCustomPlot::QCustomPlot SHARED IMPORTED)
  set_target_properties(QCustomPlot::QCustomPlot PROPERTIES
    IMPORTED_LOCATION "${QCustomPlot_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QCustomPlot_INCLUDE_DIR}"
    # Do NOT define QCUSTOMPLOT_USE_OPENGL: Debian's build has no OpenGL FBO members,
    # defining it changes sizeof(QCustomPlot) -> ABI mismatch.
    INTERFACE_COMPILE_DEFINITIONS "QCUSTOMPLOT_USE_LIBRARY"
    INTERFACE_LINK_LIBRARIES "Qt6::Widgets;Qt6::PrintSupport")
endif()

mark_as_advanced(QCustomPlot_INCLUDE_DIR QCustomPlot_LIBRARY)
