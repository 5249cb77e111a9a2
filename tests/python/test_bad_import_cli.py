"""The importers' bad-input corpus (tests/data/bad-import/README.md) through the command line:
`iptkit import tables DIR`, `iptkit import redcap RECORDS --dictionary D --mapping M` and
`iptkit import fhir FILE [--cases cases.jsonl]`, with `--format json`, on each entry must exit 1 (0
for the entries that are accepted), never 2 and never crash, and report exactly the expected errors
(every located field, in order) and number of cases (FHIR: of assessments), each with a short
message."""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
CLI = os.environ.get("IPTKIT_CLI")
CORPUS = ROOT / "tests/data/bad-import"

pytestmark = pytest.mark.skipif(not CLI, reason="IPTKIT_CLI not set (run through ctest)")

# The fields of an error that are compared (README.md, "Format").
FIELDS = ("kind", "read_kind", "source", "line", "row", "field", "path", "case_id", "record", "event", "instance")

ENTRIES = sorted(f"{p.parent.parent.name}/{p.parent.name}" for p in CORPUS.glob("*/*/expected.json"))

# The one input file of a FHIR entry (README.md, "Format").
FHIR_INPUTS = ("responses.json", "responses.ndjson", "bundle.json")


def import_entry(entry, tmp_path, *flags):
    folder = CORPUS / entry
    out = tmp_path / "out.jsonl"
    if entry.startswith("fhir/"):
        args = ["import", "fhir", *(str(folder / name) for name in FHIR_INPUTS if (folder / name).exists())]
        if (folder / "cases.jsonl").exists():
            args += ["--cases", str(folder / "cases.jsonl")]
    elif entry.startswith("tables/"):
        args = ["import", "tables", str(folder)]
    else:
        records = folder / "records.json" if (folder / "records.json").exists() else folder / "records.csv"
        args = ["import", "redcap", str(records), "--dictionary", str(folder / "dictionary.csv"),
                "--mapping", str(folder / "mapping.json")]
    p = subprocess.run([CLI, *args, "-o", str(out), "--format", "json", *flags], capture_output=True,
                       timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert p.returncode in (0, 1), (p.returncode, p.stderr[-2000:])  # 2 would be usage or I/O; crashes are negative
    return p.returncode, json.loads(p.stderr), out


def imported(entry, expected, report):
    """The expected and the reported number imported: cases, or for FHIR assessments."""
    if entry.startswith("fhir/"):
        return expected["imported"], report["assessments_imported"]
    return expected["cases"], report["cases_imported"]


def written(entry, expected):
    """The lines an accepted entry writes: one per case, or for FHIR one per assessment record
    (with cases.jsonl, every given case)."""
    cases = CORPUS / entry / "cases.jsonl"
    if entry.startswith("fhir/") and cases.exists():
        return sum(1 for line in cases.read_text().splitlines() if line.strip())
    if entry.startswith("fhir/"):
        return expected["imported"]
    return expected["cases"]


def located(error):
    """An error of the report as expected.json gives it: the compared fields, the source's file name
    only, absent and empty fields left out."""
    e = dict(error, source=pathlib.PurePath(error.get("source") or "").name)
    return {k: e[k] for k in FIELDS if e.get(k) not in (None, "")}


@pytest.mark.parametrize("entry", ENTRIES)
def test_corpus_entry(entry, tmp_path):
    expected = json.loads((CORPUS / entry / "expected.json").read_text())
    code, report, out = import_entry(entry, tmp_path)
    assert [located(e) for e in report["errors"]] == expected["errors"]
    want, got = imported(entry, expected, report)
    assert got == want
    assert code == (1 if expected["errors"] else 0)
    if not expected["errors"]:
        assert len(out.read_text().splitlines()) == written(entry, expected)
    for e in report["errors"] + report["unused"]:
        assert 0 < len(e["message"].encode()) < 1024, e["message"][:200]


@pytest.mark.parametrize("entry", ENTRIES)
def test_corpus_entry_redacted_gives_the_same_errors(entry, tmp_path):
    expected = json.loads((CORPUS / entry / "expected.json").read_text())
    _, report, _ = import_entry(entry, tmp_path, "--redact")
    assert [located(e) for e in report["errors"]] == expected["errors"]


def test_corpus_is_large_enough():
    assert sum(e.startswith("tables/") for e in ENTRIES) >= 8
    assert sum(e.startswith("redcap/") for e in ENTRIES) >= 8
    assert sum(e.startswith("fhir/") for e in ENTRIES) >= 10


def test_fhir_entries_have_one_input():
    for entry in (e for e in ENTRIES if e.startswith("fhir/")):
        assert sum((CORPUS / entry / name).exists() for name in FHIR_INPUTS) == 1, entry
