"""`iptkit consort`: the CONSORT flow of a trial's records as text and JSON, every box with its
case ids, the diagram as SVG, and an unreadable record making the exit status 1 (it is in no box)."""
import json
import xml.etree.ElementTree as ET
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


SVG = "{http://www.w3.org/2000/svg}"


def test_svg_is_the_diagram_with_every_box(tmp_path):
    r = run(["consort", trial_file(tmp_path), "--format", "svg"])
    assert r.returncode == 0, r.stderr
    svg = ET.fromstring(r.stdout)  # well-formed XML
    assert svg.tag == SVG + "svg" and svg.get("class") == "consort" and svg.get("role") == "img"
    assert svg.get("width") == "640" and svg.get("viewBox") == "0 0 640 " + svg.get("height")
    boxes = {g.get("data-box"): " ".join(t.text for t in g.iter(SVG + "text"))
             for g in svg.iter(SVG + "g") if g.get("class") == "box"}
    assert set(boxes) == {"assessed", "excluded", "randomised", "arm0.allocation", "arm0.follow_up", "arm0.analysis",
                          "arm1.allocation", "arm1.follow_up", "arm1.analysis"}
    assert boxes["assessed"] == "Assessed for eligibility (n=5)"
    assert "Allocated to tau (n=2)" in boxes["arm1.allocation"]
    assert "3 reasons given in all" in boxes["excluded"]
    assert "5 assessed for eligibility" in svg.find(SVG + "desc").text
    assert r.stdout.endswith(b"</svg>\n")


def test_svg_takes_a_width_and_an_escaped_title(tmp_path):
    r = run(["consort", trial_file(tmp_path), "--format", "svg", "--width", "900", "--title", "Flow <of> 'IPT' & TAU"])
    assert r.returncode == 0, r.stderr
    assert b"Flow &lt;of&gt; &#39;IPT&#39; &amp; TAU</title>" in r.stdout
    assert b'width="900"' in r.stdout
    assert ET.fromstring(r.stdout).find(SVG + "title").text == "Flow <of> 'IPT' & TAU"


def test_svg_notes_go_to_standard_error(tmp_path):
    path = trial_file(tmp_path)
    no_trial = json.loads((ROOT / "examples/data/grief-normal-brief.json").read_text())
    path.write_text(path.read_text() + json.dumps(no_trial) + "\n")
    r = run(["consort", path, "--format", "svg"])
    assert r.returncode == 0, r.stderr
    assert b"note: records without a trial record, not in the diagram: 1" in r.stderr
    assert run(["consort", path, "--format", "svg", "--quiet"]).stderr == b""


def test_width_and_title_need_svg(tmp_path):
    r = run(["consort", trial_file(tmp_path), "--width", "900"])
    assert r.returncode == 2 and r.stdout == b""
    assert b"--width and --title: only with --format svg" in r.stderr
