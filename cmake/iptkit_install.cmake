# Install the library, headers and a CMake package so that consumers can
#   find_package(iptkit CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE iptkit::iptkit)
include(CMakePackageConfigHelpers)

set(IPTKIT_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/iptkit")

install(TARGETS iptkit EXPORT iptkit-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/iptkit" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${PROJECT_BINARY_DIR}/include/iptkit/version.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/iptkit")
install(EXPORT iptkit-targets NAMESPACE iptkit:: DESTINATION "${IPTKIT_CMAKE_DIR}")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/iptkit-config.cmake.in"
  "${PROJECT_BINARY_DIR}/iptkit-config.cmake"
  INSTALL_DESTINATION "${IPTKIT_CMAKE_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/iptkit-config-version.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/iptkit-config.cmake"
  "${PROJECT_BINARY_DIR}/iptkit-config-version.cmake"
  DESTINATION "${IPTKIT_CMAKE_DIR}")
