#!/usr/bin/env bash
# The main job on the bundled sample data: validate every case, print the cohort summary by arm,
# write the HTML report, and say where it is. Usage: examples/sample_pipeline.sh [IPTKIT_BINARY]
set -uo pipefail
cd "$(dirname "$0")/.."
iptkit=${1:-build/release/iptkit}
data=(examples/data/*.json examples/data/cohort.jsonl)

echo "== iptkit validate: structural errors and protocol findings"
"$iptkit" validate "${data[@]}"
status=$?
echo
echo "== iptkit summary --by arm: outcomes of the 24-case cohort"
"$iptkit" summary --by arm examples/data/cohort.jsonl || status=$?
echo
echo "== iptkit report: every case, findings, trajectories and closeness circles"
"$iptkit" report "${data[@]}" -o report.html || status=$?
echo "Open $(pwd)/report.html in a browser."
exit $status
