"""`iptkit consort`: the CONSORT flow of a trial's records as text and JSON, every box with its
case ids, and an unreadable record making the exit status 1 (it is in no box)."""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
CLI = os.environ.get("IPTKIT_CLI")

pytestmark = pytest.mark.skipif(not CLI, reason="IPTKIT_CLI not set (run through ctest)")


def run(args):
    return subprocess.run([CLI, *map(str, args)], cwd=ROOT, capture_output=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1"})


def record(case_id, trial, arm="ipt", attended=True):
    c = json.loads((ROOT / "examples/data/grief-normal-brief.json").read_text())
    c.update(case_id=case_id, arm=arm, trial=trial)
    if not attended:
        c["sessions"] = []
        c["assessments"] = [a for a in c.get("assessments", []) if "session" not in a]
    return c


def trial_file(tmp_path, extra=""):
    cases = [
        record("S1", {"eligible": False, "exclusion_reasons": ["bipolar disorder", "age over 65"]}, attended=False),
        record("S2", {"eligible": True, "exclusion_reasons": ["declined"]}, attended=False),
        record("R1", {"eligible": True, "randomised_on": "2025-12-01", "allocation": "ipt"}),
        record("R2", {"eligible": True, "randomised_on": "2025-12-01", "allocation": "tau"}, arm="tau"),
        record("R3", {"eligible": True, "randomised_on": "2025-12-01", "allocation": "tau"}, arm="ipt"),
    ]
    path = tmp_path / "trial.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in cases) + extra)
    return path


def test_json_gives_every_box_with_its_case_ids(tmp_path):
    r = run(["consort", trial_file(tmp_path), "--format", "json"])
    assert r.returncode == 0, r.stderr
    f = json.loads(r.stdout)
    assert f["analysis_set"] == "itt"
    assert f["assessed"]["n"] == 5 and f["randomised"]["case_ids"] == ["R1", "R2", "R3"]
    assert f["not_eligible"]["case_ids"] == ["S1"] and f["declined"]["case_ids"] == ["S2"]
    assert f["exclusion_reasons_given"] == 3
    arms = {a["arm"]: a for a in f["arms"]}
    assert arms["tau"]["allocated"]["case_ids"] == ["R2", "R3"]
    assert arms["tau"]["did_not_receive"]["case_ids"] == ["R3"]  # received ipt instead
    assert arms["ipt"]["analysed"]["n"] == 1


def test_text_shows_the_boxes_and_the_reasons(tmp_path):
    r = run(["consort", trial_file(tmp_path)])
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "CONSORT flow (analysed: itt)" in out
    assert "assessed for eligibility" in out and "randomised" in out
    assert "bipolar disorder 1; age over 65 1; declined 1 (reasons: 3, patients: 2)" in out


def test_an_unreadable_record_is_in_no_box_and_exits_1(tmp_path):
    r = run(["consort", trial_file(tmp_path, extra="{not json}\n"), "--format", "json"])
    assert r.returncode == 1
    assert json.loads(r.stdout)["randomised"]["n"] == 3
    assert b"line 6" in r.stderr
