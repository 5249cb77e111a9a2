"""Analysis sets from the command line: `iptkit synth --trial` writes a trial, `summary --set`
states its set in every output, counts the intention-to-treat denominators as documented (checked
against counts made here from the records and `iptkit outcomes`), and refuses a set that would be
silently empty."""
import csv
import io
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
CLI = os.environ.get("IPTKIT_CLI")

pytestmark = pytest.mark.skipif(not CLI, reason="IPTKIT_CLI not set (run through ctest)")


def run(args):
    return subprocess.run([CLI, *map(str, args)], cwd=ROOT, capture_output=True, timeout=300,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    path = tmp_path_factory.mktemp("trial") / "trial.jsonl"
    p = run(["synth", "--trial", "--cases", 600, "--seed", 9, "-o", path, "--quiet"])
    assert p.returncode == 0, p.stderr.decode()
    return path


def records(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_synth_trial_writes_trial_records(trial):
    cases = records(trial)
    assert all("trial" in c for c in cases)
    screened_only = [c for c in cases if "randomised_on" not in c["trial"]]
    assert 0 < len(screened_only) < len(cases)
    assert all("arm" not in c and not c.get("sessions") for c in screened_only)
    assert any("discontinuation" in c for c in cases)
    assert any("group_id" in c for c in cases)


def test_itt_denominators_follow_the_allocation_and_count_missing_as_non_response(trial):
    cases = records(trial)
    rows = list(csv.DictReader(io.StringIO(run(["outcomes", "--format", "csv", trial]).stdout.decode())))
    by_id = {c["case_id"]: c for c in cases}
    n, k, observed = {}, {}, {}
    for r in rows:
        c = by_id[r["case_id"]]
        if "randomised_on" not in c["trial"]:
            continue
        arm = c["trial"]["allocation"]
        if r["instrument"] not in ("phq9", ""):
            continue
        n[arm] = n.get(arm, 0) + 1  # measured on the PHQ-9, or on nothing at all
        if r["response"] in ("true", "false"):
            observed[arm] = observed.get(arm, 0) + 1
            k[arm] = k.get(arm, 0) + (r["response"] == "true")
    for missing, denominator in (("non_response", n), ("left_out", observed)):
        p = run(["summary", trial, "--by", "arm", "--set", "itt", "--missing", missing, "--format", "json", "--quiet"])
        assert p.returncode == 0, p.stderr.decode()
        s = json.loads(p.stdout)
        assert s["analysis_set"] == "itt" and s["missing_endpoints"] == missing
        assert s["population"] == sum(1 for c in cases if "randomised_on" in c["trial"])
        assert any("intention to treat" in note for note in s["notes"])
        phq9 = {g["group"]: g for g in s["groups"] if g["instrument"] == "phq9"}
        assert set(phq9) == set(n)
        for arm, g in phq9.items():
            assert g["analysis_set"] == "itt"
            assert g["response"]["k"] == k[arm]
            assert g["response"]["n"] == denominator[arm], (missing, arm)


def test_every_output_states_its_set(trial):
    text = run(["summary", trial, "--by", "arm", "--set", "per_protocol", "--quiet"]).stdout.decode()
    assert "Analysis set per_protocol:" in text
    table = run(["summary", trial, "--set", "completers", "--format", "csv", "--quiet"]).stdout.decode()
    assert set(r["analysis_set"] for r in csv.DictReader(io.StringIO(table))) == {"completers"}


def test_report_states_its_set(trial, tmp_path):
    out = tmp_path / "report.html"
    p = run(["report", trial, "-o", out, "--set", "itt", "--missing", "left_out", "--quiet"])
    assert p.returncode in (0, 1), p.stderr.decode()
    page = out.read_text()
    assert 'id="analysis-set"' in page
    assert "Analysis set itt (intention to treat)" in page
    assert "left out of the denominator" in page


def test_a_set_that_would_be_empty_is_a_usage_error():
    p = run(["summary", "examples/data/cohort.jsonl", "--set", "itt"])
    assert p.returncode == 2
    assert "none of the" in p.stderr.decode() and "was randomised" in p.stderr.decode()
    p = run(["summary", "examples/data/cohort.jsonl", "--set", "everyone"])
    assert p.returncode == 2
