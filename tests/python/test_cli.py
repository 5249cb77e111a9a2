"""Golden tests of the iptkit command line: every verb (text and json output, csv where it
applies), every exit code, bad flags, unreadable and malformed files, JSON Lines with bad lines.

Each case runs the program from the source root and compares its exit code, standard output and
standard error with tests/cli/golden/<name>.txt. After a deliberate change, regenerate with
IPTKIT_UPDATE_GOLDEN=1 and review the diff."""
import datetime
import json
import os
import pathlib
import subprocess

import pytest
from case_texts import texts

ROOT = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
CLI = os.environ.get("IPTKIT_CLI")
GOLDEN = ROOT / "tests/cli/golden"
UPDATE = os.environ.get("IPTKIT_UPDATE_GOLDEN") == "1"

pytestmark = pytest.mark.skipif(not CLI, reason="IPTKIT_CLI not set (run through ctest)")

EXAMPLES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples/data").glob("*.json"))
COHORT = "examples/data/cohort.jsonl"
IN_PROGRESS = "examples/data/in-progress-job-loss.json"
BAD_LINES = "tests/data/cli/bad-lines.jsonl"
ARRAY = "tests/data/cli/array-with-bad-case.json"

CASES = {
    # validate
    "validate_examples_text": (["validate", *EXAMPLES], None),
    "validate_examples_json": (["validate", "--format", "json", *EXAMPLES], None),
    "validate_examples_csv": (["validate", "--format", "csv", *EXAMPLES], None),
    "validate_cohort_text": (["validate", COHORT], None),
    "validate_bad_lines_text": (["validate", BAD_LINES], None),
    "validate_bad_lines_json": (["validate", "--format", "json", BAD_LINES], None),
    "validate_array_text": (["validate", ARRAY], None),
    "validate_invalid_document_json": (["validate", "--format", "json", "tests/data/invalid/bad_enum-dispute-stage.json"], None),
    "validate_quiet": (["validate", "--quiet", *EXAMPLES, COHORT], None),
    "validate_stdin": (["validate", "-"], "examples/data/role-dispute-renegotiation.json"),
    "validate_stdin_jsonl": (["validate", "-"], COHORT),
    "validate_trial_protocol": (["validate", "--protocols", "tests/data/cli/trial-protocols.json", "tests/data/base-case.json"], None),
    "validate_threads": (["validate", "--threads", "2", "--quiet", COHORT], None),
    # outcomes and summary
    "outcomes_text": (["outcomes", COHORT], None),
    "outcomes_json": (["outcomes", "--format", "json", "examples/data/grief-delayed-hamd.json"], None),
    "outcomes_csv": (["outcomes", "--format", "csv", COHORT], None),
    "outcomes_bad_lines": (["outcomes", BAD_LINES], None),
    "summary_by_arm_text": (["summary", "--by", "arm", COHORT], None),
    "summary_by_arm_json": (["summary", "--by", "arm", "--format", "json", COHORT], None),
    "summary_by_adaptation_csv": (["summary", "--by", "adaptation", "--format", "csv", COHORT], None),
    "summary_all_text": (["summary", *EXAMPLES], None),
    # plan and progress
    "plan_ipt_16_text": (["plan", "--adaptation", "ipt", "--start", "2026-01-05", "--sessions", "16"], None),
    "plan_ipt_g_json": (["plan", "--adaptation", "ipt_g", "--start", "2026-01-05", "--sessions", "16", "--format", "json"], None),
    "plan_skip_csv": (["plan", "--adaptation", "ipt", "--start", "2026-01-05", "--skip", "2026-01-19", "--focus", "grief", "--format", "csv"], None),
    "plan_trial_protocol": (["plan", "--adaptation", "ipt", "--start", "2026-01-05", "--protocols", "tests/data/cli/trial-protocols.json"], None),
    "progress_text": (["progress", IN_PROGRESS, "--as-of", "2026-04-02"], None),
    "progress_json": (["progress", IN_PROGRESS, "--as-of", "2026-04-02", "--format", "json"], None),
    "progress_risk_text": (["progress", "examples/data/parenthood-perinatal-alert.json", "--as-of", "2026-02-09"], None),
    # convert and synth
    "convert_to_jsonl": (["convert", "examples/data/grief-normal-brief.json", ARRAY, "--to", "jsonl", "-o", "-"], None),
    "convert_to_json": (["convert", "tests/data/base-case.json", "--to", "json", "-o", "-"], None),
    "synth_five": (["synth", "--cases", "5", "--seed", "42", "-o", "-"], None),
    # usage and I/O errors: exit 2 with one line on standard error
    "error_no_verb": ([], None),
    "error_unknown_verb": (["diagnose", COHORT], None),
    "error_bad_flag": (["validate", "--colour", COHORT], None),
    "error_missing_file": (["validate", "no/such/file.json"], None),
    "error_folder": (["validate", "examples/data"], None),
    "error_bad_format": (["validate", "--format", "xml", COHORT], None),
    "error_bad_date": (["plan", "--adaptation", "ipt", "--start", "2026-02-30"], None),
    "error_unknown_adaptation": (["plan", "--adaptation", "psychoanalysis", "--start", "2026-01-05"], None),
    "error_broken_protocols": (["validate", "--protocols", "tests/data/cli/broken-protocols.json", COHORT], None),
    "error_bad_grouping": (["summary", "--by", "therapist", COHORT], None),
    "error_progress_csv": (["progress", IN_PROGRESS, "--as-of", "2026-04-02", "--format", "csv"], None),
    "error_bad_threads": (["validate", "--threads", "0", COHORT], None),
    "error_consort_format": (["consort", "--format", "csv", COHORT], None),
}


def run(args, stdin_file=None):
    stdin = (ROOT / stdin_file).read_bytes() if stdin_file else None
    return subprocess.run([CLI, *args], cwd=ROOT, input=stdin, capture_output=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1"})


def render(p):
    return (f"exit: {p.returncode}\n--- stdout\n{p.stdout.decode()}--- stderr\n{p.stderr.decode()}")


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):
    args, stdin_file = CASES[name]
    got = render(run(args, stdin_file))
    path = GOLDEN / f"{name}.txt"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"no golden file {path.name}: run with IPTKIT_UPDATE_GOLDEN=1 and review it")
        path.write_bytes(got.encode())
    assert got == path.read_bytes().decode()  # bytes: CSV lines end in CRLF (RFC 4180)


def test_every_golden_file_has_a_case():
    assert {p.stem for p in GOLDEN.glob("*.txt")} == set(CASES)


def test_exit_codes():
    assert run(["validate", *EXAMPLES]).returncode == 0                   # findings, but no errors
    assert run(["validate", BAD_LINES]).returncode == 1                   # structural errors
    assert run(["validate", "tests/data/invalid/out_of_range-closeness.json"]).returncode == 1
    assert run(["validate", "--colour"]).returncode == 2                 # usage
    assert run(["validate", "no/such/file.json"]).returncode == 2        # I/O
    assert run(["--version"]).returncode == 0


def test_usage_errors_are_one_line():
    for name, (args, stdin_file) in CASES.items():
        if name.startswith("error_"):
            p = run(args, stdin_file)
            assert p.returncode == 2, name
            assert p.stdout == b"", name
            assert p.stderr.decode().count("\n") == 1, (name, p.stderr)


def test_help_on_every_verb():
    for verb in ["validate", "outcomes", "summary", "report", "convert", "plan", "progress", "schema", "synth"]:
        p = run([verb, "--help"])
        assert p.returncode == 0 and b"Usage" in p.stdout, verb


def test_validate_json_is_exactly_the_documented_shape():
    out = json.loads(run(["validate", "--format", "json", BAD_LINES]).stdout)
    assert set(out) == {"summary", "cases"}
    assert set(out["summary"]) == {"cases", "valid", "errors", "warnings", "alerts"}
    assert out["summary"]["cases"] == 5 and out["summary"]["valid"] == 3
    for c in out["cases"]:
        assert set(c) == {"file", "line", "index", "case_id", "errors", "findings"}
        for e in c["errors"]:
            assert set(e) == {"path", "kind", "message", "line", "column"}
        for f in c["findings"]:
            assert set(f) == {"code", "severity", "path", "message"}
    assert [c["line"] for c in out["cases"]] == [1, 2, 3, 4, 5]
    assert [c["case_id"] for c in out["cases"]][:3] == ["COH-001", "BROKEN-2", "COH-002"]
    assert out["cases"][3]["case_id"] is None                            # not even its id is readable
    assert out["cases"][1]["errors"] and out["cases"][3]["errors"]


def test_schema_verb_prints_the_committed_schema():
    p = run(["schema"])
    assert p.returncode == 0
    assert p.stdout == (ROOT / "docs/schema/case.schema.json").read_bytes()


def test_convert_round_trips_through_jsonl(tmp_path):
    out = tmp_path / "cases.jsonl"
    assert run(["convert", *EXAMPLES, "--to", "jsonl", "-o", str(out)]).returncode == 0
    back = tmp_path / "cases.json"
    assert run(["convert", str(out), "--to", "json", "-o", str(back)]).returncode == 0
    again = tmp_path / "again.jsonl"
    assert run(["convert", str(back), "--to", "jsonl", "-o", str(again)]).returncode == 0
    assert out.read_text() == again.read_text()
    assert len(out.read_text().splitlines()) == len(EXAMPLES)


def test_convert_to_csv_writes_the_tidy_tables(tmp_path):
    import csv
    out = tmp_path / "tables"
    p = run(["convert", COHORT, "--to", "csv", "-o", str(out)])
    assert p.returncode == 0, p.stderr
    names = ["cases", "sessions", "assessments", "relationships", "outcomes"]
    assert sorted(f.name for f in out.iterdir()) == sorted(n + ".csv" for n in names)
    cohort = [json.loads(line) for line in (ROOT / COHORT).read_text().splitlines() if line.strip()]
    with open(out / "cases.csv", newline="") as f:
        cases = list(csv.DictReader(f))
    assert [r["case_id"] for r in cases] == [c["case_id"] for c in cohort]
    assert all(r["day"] == "0" for r in cases)
    with open(out / "sessions.csv", newline="") as f:
        sessions = list(csv.DictReader(f))
    assert len(sessions) == sum(len(c["sessions"]) for c in cohort)
    assert (out / "outcomes.csv").read_bytes().count(b"\r\n") >= len(cohort)
    # Without dates no calendar date is left, only day offsets.
    bare = tmp_path / "bare"
    assert run(["convert", COHORT, "--to", "csv", "--no-dates", "-o", str(bare)]).returncode == 0
    text = "".join(f.read_text() for f in bare.iterdir())
    assert cohort[0]["contract"]["start_date"] not in text and "date" not in text.split("\r\n")[0]
    assert run(["convert", COHORT, "--to", "csv", "-o", "-"]).returncode == 2


def test_import_tables_gives_the_cases_back_byte_for_byte(tmp_path):
    tables = tmp_path / "tables"
    assert run(["convert", *EXAMPLES, "--to", "csv", "--complete", "-o", str(tables)]).returncode == 0
    back = tmp_path / "back.jsonl"
    p = run(["import", "tables", str(tables), "-o", str(back)])
    assert p.returncode == 0, p.stderr
    assert b"outcomes.csv is derived" in p.stderr
    original = tmp_path / "original.jsonl"
    assert run(["convert", *EXAMPLES, "--to", "jsonl", "-o", str(original)]).returncode == 0
    assert back.read_bytes() == original.read_bytes()


def test_import_tables_reports_each_mistake_where_it_is_and_writes_nothing(tmp_path):
    tables = tmp_path / "tables"
    assert run(["convert", COHORT, "--to", "csv", "--complete", "-o", str(tables)]).returncode == 0
    rows = (tables / "sessions.csv").read_bytes().split(b"\r\n")
    header = rows[0].split(b",")
    cells = rows[3].split(b",")
    cells[header.index(b"attendance")] = b"absent"
    rows[3] = b",".join(cells)
    (tables / "sessions.csv").write_bytes(b"\r\n".join(rows))
    out = tmp_path / "out.jsonl"
    p = run(["import", "tables", str(tables), "-o", str(out), "--format", "json"])
    assert p.returncode == 1
    assert not out.exists(), "nothing is written when a case has errors"
    report = json.loads(p.stderr.splitlines()[0])
    (error,) = report["errors"]
    assert error["source"].endswith("sessions.csv") and error["line"] == 4 and error["field"] == "attendance"
    assert error["kind"] == "invalid" and error["read_kind"] == "bad_enum" and error["case_id"]
    assert report["cases_written"] == 0 and report["cases_imported"] > 0
    partial = run(["import", "tables", str(tables), "-o", str(out), "--partial", "-q"])
    assert partial.returncode == 1
    assert len(out.read_text().splitlines()) == report["cases_imported"]
    # Tables written without the complete columns lack the relationships' ids: said, not guessed.
    lossy = tmp_path / "lossy"
    assert run(["convert", COHORT, "--to", "csv", "-o", str(lossy)]).returncode == 0
    p = run(["import", "tables", str(lossy), "-o", str(out)])
    assert p.returncode == 1 and b"--complete" in p.stderr
    assert run(["import", "tables", str(tmp_path / "none"), "-o", str(out)]).returncode == 2
    # A table under another name is never skipped unseen; a cases file named .csv is refused.
    (tables / "sessions.csv").rename(tables / "Sessions.csv")
    p = run(["import", "tables", str(tables), "-o", str(out)])
    assert p.returncode == 2 and b"Sessions.csv" in p.stderr
    (tables / "Sessions.csv").rename(tables / "sessions.csv")
    assert run(["import", "tables", str(tables), "-o", str(tmp_path / "out.csv")]).returncode == 2
    assert run(["convert", COHORT, "--to", "jsonl", "--complete", "-o", str(out)]).returncode == 2


def test_import_redcap_makes_the_example_projects_cases_and_says_what_it_did_not_use(tmp_path):
    redcap = ROOT / "examples/redcap"
    args = ["--dictionary", str(redcap / "dictionary.csv"), "--mapping", str(redcap / "mapping.json")]
    out = tmp_path / "cohort.jsonl"
    p = run(["import", "redcap", str(redcap / "records.csv"), *args, "-o", str(out), "--format", "json"])
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stderr)
    assert report["cases_written"] == 6 and report["rows_read"] == 95 and not report["errors"]
    unused = {u["field"] for u in report["unused"] if u.get("line") is None}
    assert {"first_name", "last_name", "dob", "mrn", "sess_notes"} <= unused
    assert all("MRN" not in u["message"] for u in report["unused"]), "identifiers are never echoed"
    (incomplete,) = [u for u in report["unused"] if u["kind"] == "incomplete"]
    assert (incomplete["record"], incomplete["event"], incomplete["instance"]) == ("1005", "treatment_arm_1", 2)
    assert {f["code"] for f in report["findings"]} >= {"P005"}, "the protocol findings follow the import"
    cases = [json.loads(line) for line in out.read_text().splitlines()]
    assert [c["case_id"] for c in cases] == ["1001", "1002", "1003", "1004", "1005", "1006"]
    assert "MRN" not in out.read_text() and "Moreno" not in out.read_text()
    # The API's flat JSON records give the same cases.
    again = tmp_path / "again.jsonl"
    assert run(["import", "redcap", str(redcap / "records.json"), *args, "-o", str(again), "-q"]).returncode == 0
    assert again.read_bytes() == out.read_bytes()
    # A mistake is placed at record, event, instance and field; nothing is written.
    records = (redcap / "records.csv").read_text().splitlines()
    header = records[0].split(",")
    for i, line in enumerate(records):
        cells = line.split(",")
        if cells[:4] == ["1002", "treatment_arm_1", "session", "3"]:
            cells[header.index("sess_date")] = "2026-13-01"
            records[i] = ",".join(cells)
    bad = tmp_path / "records.csv"
    bad.write_text("\n".join(records) + "\n")
    out.unlink()
    p = run(["import", "redcap", str(bad), *args, "-o", str(out)])
    assert p.returncode == 1 and not out.exists()
    assert b"records.csv:" in p.stderr and b"record 1002, event treatment_arm_1, instance 3: sess_date:" in p.stderr
    assert run(["import", "redcap", str(bad), *args, "-o", str(tmp_path / "x.csv")]).returncode == 2
    assert run(["import", "redcap", str(bad), "--mapping", args[3], "-o", str(out)]).returncode == 2


def test_import_fhir_makes_assessment_records_or_attaches_them_to_cases(tmp_path):
    cohort = [json.loads(line) for line in (ROOT / COHORT).read_text().splitlines()]
    subject = cohort[0]["case_id"]
    answer = {0: "LA6568-5", 1: "LA6569-3", 2: "LA6570-1", 3: "LA6571-9"}
    codes = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"]
    scores = [1, 1, 0, 2, 1, 0, 1, 0, 0]

    def response(who, total):
        items = [{"linkId": "/" + c, "answer": [{"valueCoding": {"code": answer[v]}}]} for c, v in zip(codes, scores)]
        items.append({"linkId": "/44261-6", "answer": [{"valueInteger": total}]})
        return {"resourceType": "QuestionnaireResponse", "status": "completed", "questionnaire": "http://loinc.org/q/44249-1",
                "subject": {"reference": "Patient/" + who}, "authored": "2026-03-02T10:00:00Z", "item": items}

    lines = tmp_path / "responses.ndjson"
    lines.write_text(json.dumps(response(subject, 6)) + "\n")
    records = tmp_path / "records.jsonl"
    p = run(["import", "fhir", str(lines), "-o", str(records)])
    assert p.returncode == 0, p.stderr
    (record,) = [json.loads(line) for line in records.read_text().splitlines()]
    assert record["case_id"] == subject and record["value"]["items"] == scores and record["line"] == 1
    # Attached: the case gains the assessment; everything else of the cohort is unchanged.
    cases = tmp_path / "cases.jsonl"
    p = run(["import", "fhir", str(lines), "--cases", COHORT, "-o", str(cases), "--format", "json"])
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stderr)
    assert report["assessments_imported"] == 1 and report["cases_written"] == len(cohort)
    back = [json.loads(line) for line in cases.read_text().splitlines()]
    assert back[0]["assessments"][-1]["date"] == "2026-03-02" and back[1:] == cohort[1:]
    # A stated total that disagrees with the items, and a subject with no case: errors, nothing written.
    lines.write_text(json.dumps(response(subject, 9)) + "\n" + json.dumps(response("NOBODY", 6)) + "\n")
    cases.unlink()
    p = run(["import", "fhir", str(lines), "--cases", COHORT, "-o", str(cases), "--format", "json"])
    assert p.returncode == 1 and not cases.exists()
    kinds = sorted((e["kind"], e.get("line")) for e in json.loads(p.stderr)["errors"])
    assert kinds == [("inconsistent", 1), ("unmatched_row", 2)], kinds


def test_convert_to_fhir(tmp_path):
    out = tmp_path / "fhir"
    p = run(["convert", *EXAMPLES, "--to", "fhir", "-o", str(out)])
    assert p.returncode == 0, p.stderr
    files = sorted(out.iterdir())
    assert len(files) == len(EXAMPLES)
    for f in files:
        bundle = json.loads(f.read_text())
        assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    lines = run(["convert", COHORT, "--to", "fhir", "-o", "-"]).stdout.decode().splitlines()
    assert len(lines) == 24 and all(json.loads(l)["resourceType"] == "Bundle" for l in lines)


def test_convert_to_fhir_refuses_an_instrument_the_catalog_lacks(tmp_path):
    case = json.loads((ROOT / IN_PROGRESS).read_text())
    case["assessments"][0]["instrument"] = "wsas"
    src = tmp_path / "wsas.json"
    src.write_text(json.dumps(case))
    out = tmp_path / "bundles.ndjson"
    p = run(["convert", str(src), "--to", "fhir", "-o", str(out)])
    err = p.stderr.decode()
    assert p.returncode == 1 and not out.exists(), err
    assert f"case {case['case_id']} /assessments/0/instrument" in err and '"wsas"' in err
    assert "no FHIR Bundle written" in err
    # Defined with --instruments, it is written (a text-only code: no LOINC given).
    scales = tmp_path / "scales.json"
    scales.write_text(json.dumps([{"id": "wsas", "name": "Work and Social Adjustment Scale", "items": 5,
                                   "item_max": 8, "total_max": 40}]))
    p = run(["convert", str(src), "--instruments", str(scales), "--to", "fhir", "-o", str(out)])
    assert p.returncode == 0, p.stderr.decode()
    assert json.loads(out.read_text().splitlines()[0])["resourceType"] == "Bundle"


def test_deidentify_leaks_nothing_to_output_report_or_stderr(tmp_path):
    synth = tmp_path / "synth.jsonl"
    assert run(["synth", "--cases", "1000", "--seed", "3", "-o", str(synth)]).returncode == 0
    # An unreadable case whose text must not be echoed either.
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"case_id": "LEAKY-ID-77", "notes": "Mrs Leakington", "adaptation": 5,
                               "secret field of Mrs Leakington": "x"}))
    inputs = [*EXAMPLES, str(synth), str(bad)]
    docs = [json.loads((ROOT / e).read_text()) for e in EXAMPLES]
    docs += [json.loads(line) for line in synth.read_text().splitlines()]
    # Labels such as "Friend" or "Friend 2" read like the replacement labels; they prove nothing.
    kinds = {"partner", "former_partner", "parent", "child", "sibling", "grandparent", "other_family", "friend",
             "colleague", "community", "professional", "other"}
    originals = {t for d in docs for t in texts(d)
                 if len(t) >= 6 and t.lower().replace(" ", "_").rstrip("_0123456789") not in kinds}
    originals |= {d["case_id"] for d in docs} | {"LEAKY-ID-77", "Leakington"}
    out, report, mapping = tmp_path / "out.jsonl", tmp_path / "report.json", tmp_path / "key.jsonl"
    p = run(["deidentify", *inputs, "-o", str(out), "--report", str(report), "--mapping", str(mapping)])
    assert p.returncode == 1  # the bad case is left out
    shared = (out.read_text() + report.read_text() + p.stderr.decode() + p.stdout.decode()).lower()
    leaked = sorted(t for t in originals if t.lower() in shared)
    assert not leaked, leaked[:10]
    assert len(out.read_text().splitlines()) == len(docs)
    assert (mapping.stat().st_mode & 0o777) == 0o600
    keys = [json.loads(line) for line in mapping.read_text().splitlines()]
    assert sorted(k["case_id"] for k in keys) == sorted(d["case_id"] for d in docs)
    # The mapping is never overwritten, and nothing is written then.
    again = tmp_path / "again.jsonl"
    p = run(["deidentify", *EXAMPLES, "-o", str(again), "--mapping", str(mapping)])
    assert p.returncode == 2 and not again.exists()
    assert [json.loads(line) for line in mapping.read_text().splitlines()] == keys
    kept = tmp_path / "kept.json"
    assert run(["deidentify", EXAMPLES[0], "--keep-dates", "-o", str(kept)]).returncode == 0
    assert json.loads(kept.read_text())["contract"]["start_date"] == docs[0]["contract"]["start_date"]
    assert run(["deidentify", EXAMPLES[0], "--keep-dates", "--shift-dates", "-o", str(kept)]).returncode == 2


def test_report_is_written_and_self_contained(tmp_path):
    out = tmp_path / "report.html"
    p = run(["report", *EXAMPLES, COHORT, "-o", str(out)])
    assert p.returncode == 0, p.stderr
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and 'id="summary"' in html
    assert "https://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert str(out) in p.stderr.decode()


def test_output_to_a_device_writes_in_place():
    # Renaming a temporary file over /dev/null would replace the device with an ordinary file.
    assert run(["synth", "--cases", "2", "-o", "/dev/null"]).returncode == 0
    assert pathlib.Path("/dev/null").is_char_device()



def test_unreadable_entries_are_the_same_as_the_libraries():
    # tests/data/unreadable/README.md: the C++ cohort_reader and Python give these entries too.
    expected = json.loads((ROOT / "tests/data/unreadable/entries.expected.json").read_text())
    got = []
    for source in expected["inputs"]:
        out = json.loads(run(["validate", "--format", "json", source]).stdout)
        for c in out["cases"]:
            if c["errors"]:
                got.append({"source": c["file"], "line": c["line"], "index": c["index"], "case_id": c["case_id"],
                            "errors": [{k: e[k] for k in ("path", "kind", "line", "column")} for e in c["errors"]]})
    assert got == expected["entries"]


def test_recovery_months_decides_relapse_or_recurrence(tmp_path):
    # Remitted at the end of the acute course, two months later the relapse rule fires: a relapse
    # with the default four months of sustained remission, a recurrence with one month.
    case = json.loads((ROOT / "examples/data/maintenance-recurrent-illness.json").read_text())
    last = max(s["date"] for s in case["sessions"] if s["phase"] != "maintenance")
    case["assessments"] = [a for a in case["assessments"] if a["date"] <= last]
    day = datetime.date.fromisoformat(last)
    for d, total in [(0, 3), (31, 3), (45, 11), (61, 12)]:
        case["assessments"].append({"instrument": "phq9", "date": (day + datetime.timedelta(days=d)).isoformat(),
                                    "total": total})
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))

    def kind(*extra):
        p = run(["outcomes", str(path), "--format", "json", *extra])
        assert p.returncode == 0, p.stderr
        return [r.get("relapse_kind") for r in json.loads(p.stdout) if r["instrument"] == "phq9"][0]

    assert kind() == "relapse"
    assert kind("--recovery-months", "1") == "recurrence"
    bad = run(["outcomes", str(path), "--recovery-months", "0"])
    assert bad.returncode == 2 and b"--recovery-months" in bad.stderr
