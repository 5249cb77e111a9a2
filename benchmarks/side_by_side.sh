#!/usr/bin/env bash
# Runs the same Google Benchmark programs from two builds (say, the previous commit and this one)
# alternately, round after round, so that both see the same machine; then prints each benchmark's
# median over the rounds for both and their ratio (new / base: below 1 is faster).
#
#   benchmarks/side_by_side.sh BASE_BUILD NEW_BUILD [ROUNDS] [PROGRAM[:FILTER]]...
#
# Each build folder is configured with the release preset and IPTKIT_BUILD_BENCHMARKS=ON and has
# the programs built. ROUNDS defaults to 5; programs default to bench_json and bench_threads
# (goals 1-3 and 7 of docs/performance.md). For a tree of another commit:
#   git worktree add /tmp/base <commit>
#   cmake --preset release -S /tmp/base -B /tmp/base-build -DIPTKIT_BUILD_BENCHMARKS=ON
#   cmake --build /tmp/base-build --target bench_json bench_threads
set -euo pipefail
if [[ $# -lt 2 ]]; then sed -n '2,13p' "$0"; exit 2; fi
base="$1" new="$2"
rounds="${3:-5}"
shift $(( $# < 3 ? $# : 3 ))
programs=("$@")
[[ ${#programs[@]} -gt 0 ]] || programs=(bench_json bench_threads)
python="${PYTHON:-python3}"
out="$(mktemp -d)"
for r in $(seq 1 "$rounds"); do
  for side in base new; do
    dir="$base"; [[ $side == new ]] && dir="$new"
    for p in "${programs[@]}"; do
      name="${p%%:*}" filter="${p#*:}"; [[ $filter == "$p" ]] && filter="."
      "$dir/benchmarks/$name" --benchmark_filter="$filter" --benchmark_format=json \
        --benchmark_repetitions=1 > "$out/$side-$name-$r.json"
    done
  done
  echo "round $r of $rounds done" >&2
done
"$python" - "$out" <<'EOF'
import glob, json, os, statistics, sys
out = sys.argv[1]
times = {}  # (side, benchmark) -> [seconds]
for path in sorted(glob.glob(os.path.join(out, "*.json"))):
    side = os.path.basename(path).split("-", 1)[0]
    for b in json.load(open(path))["benchmarks"]:
        if b.get("run_type") == "aggregate":
            continue
        # Wall time for the benchmarks that ask for it (UseRealTime), else CPU time.
        key = "real_time" if "/real_time" in b["name"] else "cpu_time"
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
        times.setdefault((side, b["name"]), []).append(b[key] * scale)
names = sorted({n for _, n in times}, key=lambda n: min(i for i, (s, m) in enumerate(times) if m == n))
print(f"| benchmark | base (median) | new (median) | new / base |")
print(f"| --- | --- | --- | --- |")
for n in names:
    if ("base", n) not in times or ("new", n) not in times:
        print(f"| `{n}` | only in one build | | |")
        continue
    b, w = statistics.median(times[("base", n)]), statistics.median(times[("new", n)])
    print(f"| `{n}` | {b * 1e3:.1f} ms | {w * 1e3:.1f} ms | {w / b:.3f} |")

# The goals of docs/performance.md, as each build meets them (peer or 1-thread time over iptkit's).
def median(side, prefix):
    runs = [v for (s, n), v in times.items() if s == side and (n == prefix or n.startswith(prefix + "/"))]
    return statistics.median(runs[0]) if len(runs) == 1 else None
goals = [("1", "json/peer_boost_json_parse", "json/read_jsonl_reader"),
         ("2", "json/peer_boost_json_parse", "json/read_validate"),
         ("3", "json/peer_boost_json_serialize", "json/write_case_compact"),
         ("7a", "threads/validate_cohort/1", "threads/validate_cohort/2"),
         ("7b", "threads/compute_outcome_columns/1", "threads/compute_outcome_columns/2")]
rows = []
for goal, peer, ours in goals:
    r = {}
    for side in ("base", "new"):
        p, o = median(side, peer), median(side, ours)
        if p is not None and o is not None:
            r[side] = p / o
    if len(r) == 2:
        rows.append(f"| {goal} | {r['base']:.2f}x | {r['new']:.2f}x | {r['new'] / r['base']:.3f} |")
if rows:
    print()
    print("| goal | base | new | new / base |")
    print("| --- | --- | --- | --- |")
    print("\n".join(rows))
EOF
rm -rf "$out"
