# IPTKIT_BUILD_FUZZERS: libFuzzer binaries (tests/fuzz). Every target of the build, the library
# first, is instrumented for coverage and built with AddressSanitizer and UBSan, so that a finding
# anywhere in iptkit stops the fuzzer; only the fuzz targets link libFuzzer's main.
if(IPTKIT_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "IPTKIT_BUILD_FUZZERS needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
