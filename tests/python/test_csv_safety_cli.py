"""Spreadsheet safety of the command line's CSV (OWASP "CSV Injection"): every verb that writes CSV
puts a leading apostrophe before a text cell that begins with = + - @ tab or CR, leaves numbers as
they are, writes the cells raw with --raw-cells, and `import tables` gives the cases back byte for
byte."""
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

TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]
HYPERLINK = '=HYPERLINK("http://evil.example","click")'
CALC = "+cmd|/C calc!A0"


def run(args):
    return subprocess.run([CLI, *map(str, args)], cwd=ROOT, capture_output=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1"})


def example(case_id, arm, site, notes=None, name="grief-normal-brief"):
    c = json.loads((ROOT / f"examples/data/{name}.json").read_text())
    c.update(case_id=case_id, arm=arm, site=site)
    if notes is not None:
        c["notes"] = notes
    return c


def write_cases(path, cases):
    path.write_text("".join(json.dumps(c) + "\n" for c in cases))
    return path


def rows(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_issues_arm_and_site_are_neutralised_in_cases_csv_and_raw_on_request(tmp_path):
    cohort = write_cases(tmp_path / "c.jsonl", [example("EX-1", HYPERLINK, CALC)])
    p = run(["convert", cohort, "--to", "csv", "-o", tmp_path / "safe"])
    assert p.returncode == 0, p.stderr
    [row] = rows((tmp_path / "safe/cases.csv").read_bytes().decode())
    assert (row["arm"], row["site"]) == ("'" + HYPERLINK, "'" + CALC)
    p = run(["convert", cohort, "--to", "csv", "--raw-cells", "-o", tmp_path / "raw"])
    assert p.returncode == 0, p.stderr
    [row] = rows((tmp_path / "raw/cases.csv").read_bytes().decode())
    assert (row["arm"], row["site"]) == (HYPERLINK, CALC)


@pytest.mark.parametrize("trigger", TRIGGERS, ids=["eq", "plus", "minus", "at", "tab", "cr"])
def test_every_trigger_is_neutralised_by_every_verb_that_writes_csv(tmp_path, trigger):
    case_id = "-x1"  # an identifier may begin with '-': a text cell too
    cohort = write_cases(tmp_path / "c.jsonl", [example(case_id, trigger + "arm", trigger + "site")])
    assert run(["convert", cohort, "--to", "csv", "-o", tmp_path / "t"]).returncode == 0
    [case] = rows((tmp_path / "t/cases.csv").read_bytes().decode())
    assert (case["case_id"], case["arm"], case["site"]) == ("'-x1", "'" + trigger + "arm", "'" + trigger + "site")

    outcomes = run(["outcomes", "--format", "csv", cohort])
    assert outcomes.returncode == 0, outcomes.stderr
    out = rows(outcomes.stdout.decode())
    assert {r["case_id"] for r in out} == {"'-x1"}
    # Numbers stay numbers: the change of an improving patient is a plain negative number.
    changes = [r["change"] for r in out if r["change"]]
    assert any(c.startswith("-") for c in changes) and all(int(c) == float(c) for c in changes)
    raw = rows(run(["outcomes", "--format", "csv", "--raw-cells", cohort]).stdout.decode())
    assert [r["change"] for r in raw] == [r["change"] for r in out] and {r["case_id"] for r in raw} == {case_id}

    summary = run(["summary", "--by", "arm", "--format", "csv", cohort])
    assert summary.returncode == 0, summary.stderr
    assert {r["group"] for r in rows(summary.stdout.decode())} == {"'" + trigger + "arm"}
    raw = run(["summary", "--by", "arm", "--format", "csv", "--raw-cells", cohort])
    assert {r["group"] for r in rows(raw.stdout.decode())} == {trigger + "arm"}

    gap = write_cases(tmp_path / "gap.jsonl", [example(case_id, "a", "s", name="retirement-inhibited-grief-gap")])
    found = rows(run(["validate", "--format", "csv", gap]).stdout.decode())
    assert found and {r["case_id"] for r in found} == {"'-x1"}
    raw = rows(run(["validate", "--format", "csv", "--raw-cells", gap]).stdout.decode())
    assert len(raw) == len(found) and {r["case_id"] for r in raw} == {case_id}


def test_a_value_that_begins_with_an_apostrophe_keeps_it_through_convert_and_import(tmp_path):
    values = [t + "v" for t in TRIGGERS] + ["'" + t + "v" for t in TRIGGERS] + ["''", "'", "'plain", HYPERLINK]
    cases = [example(f"C-{i}", v, v, notes=v) for i, v in enumerate(values)]
    cohort = write_cases(tmp_path / "c.jsonl", cases)
    original = tmp_path / "original.jsonl"
    assert run(["convert", cohort, "--to", "jsonl", "-o", original]).returncode == 0
    for flags in ([], ["--raw-cells"]):
        tables = tmp_path / ("tables" + "".join(flags))
        assert run(["convert", cohort, "--to", "csv", "--complete", *flags, "-o", tables]).returncode == 0
        back = tmp_path / ("back" + "".join(flags) + ".jsonl")
        p = run(["import", "tables", tables, *flags, "-o", back])
        assert p.returncode == 0, p.stderr
        assert back.read_bytes() == original.read_bytes(), flags


def test_raw_cells_is_refused_where_no_csv_is_written():
    p = run(["validate", "--raw-cells", "examples/data/grief-normal-brief.json"])
    assert p.returncode == 2
    assert p.stderr.decode() == "iptkit: --raw-cells: only with CSV output (--format csv, convert --to csv)\n"
    assert run(["convert", "examples/data/grief-normal-brief.json", "--to", "jsonl", "--raw-cells", "-o", "-"]).returncode == 2
    assert run(["report", "examples/data/grief-normal-brief.json", "--raw-cells", "-o", "/dev/null"]).returncode == 2
