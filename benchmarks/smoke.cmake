# ctest benchmarks_smoke: runs every benchmark program once at a tiny size (IPTKIT_BENCH_SMALL=1:
# small cohorts, one iteration per benchmark). It checks that the programs build, run and find
# their data; the figures of such a run mean nothing and are not looked at.
#   cmake -DPROGRAMS="a|b|c" -DDATA_DIR=dir -P smoke.cmake
string(REPLACE "|" ";" programs "${PROGRAMS}")
set(ENV{IPTKIT_BENCH_SMALL} 1)
set(ENV{IPTKIT_BENCH_DATA} "${DATA_DIR}")
foreach(program IN LISTS programs)
  execute_process(COMMAND "${program}" --benchmark_format=console
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR out MATCHES "ERROR OCCURRED" OR err MATCHES "ERROR OCCURRED")
    message(FATAL_ERROR "${program} failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "${program}: ok")
endforeach()
