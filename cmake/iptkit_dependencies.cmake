# Boost 1.81 (Debian: libboost1.81-dev, libboost-json1.81-dev): Describe is header-only, JSON is
# compiled. 1.74, Debian's default, lacks Describe.
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS json)
