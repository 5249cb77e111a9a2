"""The importers' bad-input corpus (tests/data/bad-import/README.md) through the command line:
`iptkit import tables DIR` and `iptkit import redcap RECORDS --dictionary D --mapping M`, with
`--format json`, on each entry must exit 1 (0 for the entries that are accepted), never 2 and never
crash, and report exactly the expected errors (every located field, in order) and number of cases,
each with a short message."""
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


def import_entry(entry, tmp_path, *flags):
    folder = CORPUS / entry
    out = tmp_path / "out.jsonl"
    if entry.startswith("tables/"):
        args = ["import", "tables", str(folder)]
    else:
        records = folder / "records.json" if (folder / "records.json").exists() else folder / "records.csv"
        args = ["import", "redcap", str(records), "--dictionary", str(folder / "dictionary.csv"),
                "--mapping", str(folder / "mapping.json")]
    p = subprocess.run([CLI, *args, "-o", str(out), "--format", "json", *flags], capture_output=True,
                       timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert p.returncode in (0, 1), (p.returncode, p.stderr[-2000:])  # 2 would be usage or I/O; crashes are negative
    return p.returncode, json.loads(p.stderr), out


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
    assert report["cases_imported"] == expected["cases"]
    assert code == (1 if expected["errors"] else 0)
    if not expected["errors"]:
        assert len(out.read_text().splitlines()) == expected["cases"]
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
