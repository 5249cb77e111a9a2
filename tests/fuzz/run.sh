#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang-14, ASan + UBSan) and runs each for
# SECONDS (default 900), one after another on one core:
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
# Each target's corpus grows in build/fuzz-run/<target>/corpus (never in the source tree); a
# finding is written to build/fuzz-run/<target>/ as crash-*, leak-*, timeout-* or oom-*, and the
# log to build/fuzz-run/<target>.log. Copy a finding to tests/fuzz/regressions/<target>/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-900}
shift $(($# > 0 ? 1 : 0))
targets=("$@")
((${#targets[@]})) || targets=(read_case cohort registries validate_outcomes import_tables import_redcap import_fhir table_columns)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j2

status=0
for t in "${targets[@]}"; do
  work=build/fuzz-run/$t
  mkdir -p "$work/corpus" "$work/seeds"
  # The seeds of tests/fuzz/seeds.txt (files, or folders' files) beside the checked-in corpus.
  while read -r target path; do
    [ "$target" = "$t" ] || continue
    if [ -d "$path" ]; then cp "$path"/* "$work/seeds/"; else cp "$path" "$work/seeds/"; fi
  done < <(grep -v '^#' tests/fuzz/seeds.txt)
  echo "fuzz: $t for ${seconds}s (log: $work.log)"
  if ! build/fuzz/tests/fuzz/fuzz_"$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=16384 \
      -dict=tests/fuzz/iptkit.dict -print_final_stats=1 -artifact_prefix="$work/" \
      "$work/corpus" "$work/seeds" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" >"$work.log" 2>&1; then
    echo "fuzz: $t found something: see $work.log and $work/"
    status=1
  fi
  grep -E '^#[0-9]+' "$work.log" | tail -1
  grep -E '^(Done|stat::)' "$work.log" || tail -5 "$work.log"
done
exit $status
