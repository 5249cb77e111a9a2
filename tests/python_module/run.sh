#!/usr/bin/env bash
# The Python module's test stage, as CI runs it: a fresh virtual environment, `pip install .[test]`
# with every version pinned (constraints.txt), then pytest (the whole API, bad input, plots, Dask
# on a LocalCluster with 2 worker processes, the quickstart notebook), stubtest and mypy.
#   usage: tests/python_module/run.sh [WORK_DIR]   (default build/python-stage)
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$src/build/python-stage}"
venv="$work/venv"
rm -rf "$venv"
mkdir -p "$work"
python3 -m venv "$venv"
py="$venv/bin/python"
# The wheel's build directory is kept in WORK_DIR, so a second run only rebuilds what changed.
"$py" -m pip install -q --disable-pip-version-check -c "$src/tests/python_module/constraints.txt" \
  --config-settings=build-dir="$work/wheel-build" "$src[test]"

# Outside the source tree, so that `import iptkit` is the installed package.
cd "$work"
"$py" -c "import iptkit, sys; assert iptkit.__file__.startswith('$venv'), iptkit.__file__"
"$py" -m pytest -q -p no:cacheprovider --rootdir "$src/tests/python_module" "$src/tests/python_module"
"$py" -m mypy.stubtest iptkit --allowlist "$src/tests/python_module/stubtest-allowlist.txt"
"$py" -m mypy --strict --no-incremental -p iptkit
"$py" -m mypy --strict --no-incremental "$src/examples/python"
# The Python benchmarks once at their small size, so they never rot (not timed or judged).
"$py" -m pip install -q --disable-pip-version-check -r "$src/benchmarks/python/requirements.txt"
(cd "$src/benchmarks/python" && IPTKIT_BENCH_DATA="$work/bench-data" "$py" bench_read.py --small >/dev/null \
  && IPTKIT_BENCH_DATA="$work/bench-data" "$py" bench_outcomes.py --small >/dev/null \
  && IPTKIT_BENCH_DATA="$work/bench-data" "$py" bench_redcap.py --small >/dev/null \
  && IPTKIT_BENCH_DATA="$work/bench-data" "$py" bench_pickle.py --small >/dev/null)
