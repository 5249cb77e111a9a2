# Build options. Tests, examples and install default to on only when iptkit is the top-level
# project, so that add_subdirectory / FetchContent users build just the library.
include(GNUInstallDirs)

option(IPTKIT_BUILD_TESTS "Build the test suite" ${PROJECT_IS_TOP_LEVEL})
option(IPTKIT_BUILD_CLI "Build the iptkit command line" ${PROJECT_IS_TOP_LEVEL})
option(IPTKIT_TEST_CXX_ONLY
  "Only the C++ test programs (the sanitizer presets): no Python, FHIR or consumer tests" OFF)
option(IPTKIT_BUILD_EXAMPLES "Build the example programs" ${PROJECT_IS_TOP_LEVEL})
option(IPTKIT_BUILD_BENCHMARKS "Build the Google Benchmark programs" OFF)
option(IPTKIT_BUILD_FUZZERS "Build the libFuzzer targets of tests/fuzz (needs clang)" OFF)
option(IPTKIT_BUILD_PYTHON "Build the Python module iptkit._core" OFF)
option(IPTKIT_TEST_PYTHON_MODULE
  "Test the Python module as users get it: fresh venv, pip install .[test], pytest, stubtest, mypy" OFF)
option(IPTKIT_INSTALL "Generate the install and export rules" ${PROJECT_IS_TOP_LEVEL})
option(IPTKIT_WERROR "Treat compiler warnings as errors" OFF)
option(IPTKIT_REQUIRE_PYTHON_TESTS
  "Fail configuration when the Python test dependencies (jsonschema) are missing" OFF)
option(IPTKIT_REQUIRE_FHIR_VALIDATOR
  "Fail configuration when node and npm (the outside FHIR R4 validator, tests/fhir) are missing" OFF)
