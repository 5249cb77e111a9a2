#!/usr/bin/env bash
# The outside FHIR R4 check, as ctest fhir_validation runs it: installs the pinned validator
# (FHIR.js, tests/fhir/package-lock.json) into WORK_DIR, writes the Bundle of every case in
# EXAMPLES_DIR (*.json, *.jsonl), of edge-case.json, of the trial records in trial-cases.json and of
# a synthetic cohort, validates each, and requires that the validator rejects two deliberately
# broken Bundles (broken-bundle.json, wrong-target-bundle.json), so the check can fail.
#   usage: tests/fhir/run.sh WRITE_FHIR_BUNDLES WORK_DIR EXAMPLES_DIR
# NODE and NPM may name the programs (CMake passes the ones it found).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
writer="$1"
work="$2"
examples="$3"
node="${NODE:-node}"
npm="${NPM:-npm}"

# Installed in the build tree, not in tests/fhir, so that two build directories never share (or
# race on) one node_modules. npm ci starts from scratch, so it runs only when the lock changed.
npm_dir="$work/npm"
mkdir -p "$npm_dir"
cp "$here/package.json" "$here/package-lock.json" "$here/validate.js" "$npm_dir/"
if ! cmp -s "$here/package-lock.json" "$npm_dir/installed-lock.json" || [ ! -d "$npm_dir/node_modules/fhir" ]; then
  (cd "$npm_dir" && "$npm" ci --silent --no-audit --no-fund --prefer-offline)
  cp "$here/package-lock.json" "$npm_dir/installed-lock.json"
fi

bundles="$work/bundles"
rm -rf "$bundles"
mkdir -p "$bundles"
shopt -s nullglob
"$writer" "$bundles" --synthetic 40 "$examples"/*.json "$examples"/*.jsonl "$here/edge-case.json" \
  "$here/trial-cases.json"
files=("$bundles"/*.json)
[ "${#files[@]}" -ge 48 ] || { echo "fhir_validation: only ${#files[@]} Bundles written" >&2; exit 1; }
# No example or synthetic case has a trial record: these come from trial-cases.json.
trial="$(grep -l '"ResearchSubject"' "${files[@]}" | wc -l || true)"
[ "$trial" -ge 6 ] || { echo "fhir_validation: only $trial Bundles with a ResearchSubject" >&2; exit 1; }

# Warnings (codes FHIR.js has no value set for, e.g. LOINC and RoleCode) go to stderr, errors to
# stdout; any error fails.
"$node" "$npm_dir/validate.js" "${files[@]}" 2>"$work/warnings.txt"
echo "fhir_validation: ${#files[@]} Bundles valid FHIR R4 ($(wc -l <"$work/warnings.txt") warnings in $work/warnings.txt)"

# The broken Bundle must fail, and for the reasons it was broken for, reported by FHIR.js itself.
set +e
out="$("$node" "$npm_dir/validate.js" "$here/broken-bundle.json" 2>/dev/null)"
rc=$?
set -e
if [ "$rc" -ne 1 ] \
  || ! grep -q 'Observation.status (BROKEN-observation-1): Missing property' <<<"$out" \
  || ! grep -q 'Observation.valueInteger (BROKEN-observation-1): Number type expected but string received' <<<"$out"; then
  echo "fhir_validation: the broken Bundle was not rejected as expected (exit $rc):" >&2
  echo "$out" >&2
  exit 1
fi
echo "fhir_validation: the broken Bundle is rejected ($(wc -l <<<"$out") errors)"

# validate.js's own check of reference target types (FHIR.js cannot read a type from urn:uuid:).
set +e
out="$("$node" "$npm_dir/validate.js" "$here/wrong-target-bundle.json" 2>/dev/null)"
rc=$?
set -e
if [ "$rc" -ne 1 ] || [ "$(wc -l <<<"$out")" -ne 1 ] \
  || ! grep -q 'AdverseEvent.study (WRONG-adverseevent-1): Reference to a CarePlan, expected ResearchStudy' <<<"$out"; then
  echo "fhir_validation: the Bundle with a wrong reference target was not rejected as expected (exit $rc):" >&2
  echo "$out" >&2
  exit 1
fi
echo "fhir_validation: a reference to the wrong resource type is rejected"
