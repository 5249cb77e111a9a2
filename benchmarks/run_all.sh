#!/usr/bin/env bash
# Builds the benchmarks and runs every one, then prints the table of goals (docs/performance.md):
# goal, measured ratio, target, met or not met.
#
#   benchmarks/run_all.sh            full run (about 15-20 minutes on 2 cores, after the build)
#   benchmarks/run_all.sh --small    smoke run for CI: every benchmark once at a tiny size, nothing
#                                    judged (well under a minute after the build)
#   benchmarks/run_all.sh --no-build skip configure and build (use what is in the build folder)
#
# Environment:
#   PYTHON              a Python with iptkit installed (pip install .) and the peers
#                       (pip install -r benchmarks/python/requirements.txt); default: python3
#   IPTKIT_BENCH_BUILD  build folder (default build/release, configured with the release preset
#                       and IPTKIT_BUILD_BENCHMARKS=ON)
#   IPTKIT_BENCH_OUT    where the result files go (default <build>/bench-results[-small])
#   IPTKIT_BENCH_DATA   where generated inputs are kept between runs (default /tmp/iptkit-bench-data;
#                       a full run keeps about 9 GB there)
#   IPTKIT_BENCH_JOBS   build parallelism (default 2)
set -euo pipefail

small=0
build=1
for arg in "$@"; do
  case "$arg" in
    --small) small=1 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run_all.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${IPTKIT_BENCH_BUILD:-$root/build/release}"
python="${PYTHON:-python3}"
data="${IPTKIT_BENCH_DATA:-/tmp/iptkit-bench-data}"
export IPTKIT_BENCH_DATA="$data"
if [[ $small == 1 ]]; then
  out="${IPTKIT_BENCH_OUT:-$build_dir/bench-results-small}"
  export IPTKIT_BENCH_SMALL=1
  small_flag=(--small)
else
  out="${IPTKIT_BENCH_OUT:-$build_dir/bench-results}"
  unset IPTKIT_BENCH_SMALL
  small_flag=()
fi
mkdir -p "$out" "$data"
log() { printf '\n== %s\n' "$*" >&2; }

if [[ $build == 1 ]]; then
  log "build ($build_dir)"
  if [[ "$build_dir" == "$root/build/release" ]]; then
    (cd "$root" && cmake --preset release -DIPTKIT_BUILD_BENCHMARKS=ON >/dev/null)
  else
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DIPTKIT_BUILD_BENCHMARKS=ON >/dev/null
  fi
  cmake --build "$build_dir" -j "${IPTKIT_BENCH_JOBS:-2}" \
    --target iptkit_cli bench_json bench_outcomes bench_threads bench_scaling bench_import
fi
for program in bench_json bench_outcomes bench_threads bench_scaling bench_import; do
  [[ -x "$build_dir/benchmarks/$program" ]] || { echo "missing $build_dir/benchmarks/$program" >&2; exit 1; }
done

# The Python module is built by pip, not by this script: say when it is older than the C++ code.
"$python" - "$root" <<'EOF' || { echo "run_all.sh: $python cannot import iptkit and the peers; see PYTHON above" >&2; exit 1; }
import os, sys
import iptkit, iptkit._core, numpy, pandas, pydantic, msgspec
root = sys.argv[1]
newest = max(os.path.getmtime(os.path.join(d, f)) for top in ("src", "include", "bindings/src")
             for d, _, fs in os.walk(os.path.join(root, top)) for f in fs)
if os.path.getmtime(iptkit._core.__file__) < newest:
    print(f"warning: {iptkit._core.__file__} is older than the C++ sources; the Python figures are "
          "those of the module as built (pip install . to rebuild it)", file=sys.stderr)
EOF

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load.txt" >&2
bench() {  # program, extra Google Benchmark flags...
  local program=$1; shift
  log "$program"
  "$build_dir/benchmarks/$program" --benchmark_out="$out/$program.json" --benchmark_out_format=json "$@"
}
if [[ $small == 1 ]]; then
  for program in bench_json bench_threads bench_outcomes bench_scaling bench_import; do bench $program; done
else
  # Goals 1-3: five repetitions, interleaved at random so that load from other processes falls on
  # a benchmark and its peer alike; the table uses the medians (of CPU time). Goal 7 (wall time):
  # ten repetitions, and the table uses the fastest of each, the run in which other work on the
  # machine left the second core free.
  interleave=(--benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true)
  bench bench_json --benchmark_repetitions=5 "${interleave[@]}"
  bench bench_threads --benchmark_repetitions=10 "${interleave[@]}"
  bench bench_outcomes
  bench bench_scaling
  bench bench_import --benchmark_repetitions=5 "${interleave[@]}"
fi

cd "$root/benchmarks/python"
log "goal 4: Python read (bench_read.py)"
"$python" bench_read.py "${small_flag[@]}" --json "$out/py_read.json" >/dev/null
log "goals 5 and 6: Python outcomes (bench_outcomes.py)"
"$python" bench_outcomes.py "${small_flag[@]}" --json "$out/py_outcomes.json" >/dev/null
log "goal 10: REDCap import (bench_redcap.py)"
"$python" bench_redcap.py "${small_flag[@]}" --json "$out/py_redcap.json" >/dev/null
log "goal 8: peak memory of iptkit validate (memory.py)"
"$python" "$root/benchmarks/memory.py" --cli "$build_dir/iptkit" "${small_flag[@]}" --json "$out/memory.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt" >&2

log "results ($out)"
"$python" "$root/benchmarks/report.py" "$out" "${small_flag[@]}" --markdown "$out/table.md"
cat "$out/load.txt"
