"""The importers' bad-input corpus (tests/data/bad-import/README.md) through the Python module:
import_tables on each tables folder, import_redcap on each REDCap entry and import_fhir on each FHIR
entry (files given by path; with cases.jsonl, cases=) report exactly the expected errors (every
located field, in order) and number of cases (FHIR: of assessments), with short messages, and
redact=True gives the same errors."""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any

import pytest

import iptkit

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "bad-import"
ENTRIES = sorted(f"{p.parent.parent.name}/{p.parent.name}" for p in CORPUS.glob("*/*/expected.json"))

# The fields of an error that are compared (README.md, "Format").
FIELDS = ("kind", "read_kind", "source", "line", "row", "field", "path", "case_id", "record", "event", "instance")

# The one input file of a FHIR entry (README.md, "Format").
FHIR_INPUTS = ("responses.json", "responses.ndjson", "bundle.json")


def run(entry: str, redact: bool = False) -> iptkit.ImportResult:
    folder = CORPUS / entry
    if entry.startswith("tables/"):
        return iptkit.import_tables(folder, redact=redact)
    records = folder / "records.json" if (folder / "records.json").exists() else folder / "records.csv"
    return iptkit.import_redcap(records, dictionary=folder / "dictionary.csv", mapping=folder / "mapping.json",
                                redact=redact)


def run_fhir(entry: str, redact: bool = False) -> iptkit.FhirImportResult:
    folder = CORPUS / entry
    inputs = [folder / name for name in FHIR_INPUTS if (folder / name).exists()]
    assert len(inputs) == 1, entry
    cases = iptkit.read_cases(folder / "cases.jsonl") if (folder / "cases.jsonl").exists() else None
    return iptkit.import_fhir(inputs[0], cases=cases, redact=redact)


def located(e: iptkit.ImportIssue) -> dict[str, Any]:
    """An issue as expected.json gives it: the compared fields, the source's file name only, absent
    and empty fields left out."""
    values: dict[str, Any] = {
        "kind": e.kind.name,
        "read_kind": e.read_kind.name if e.read_kind is not None else None,
        "source": PurePath(e.source).name,
        "line": e.line,
        "row": e.row,
        "field": e.field,
        "path": e.path,
        "case_id": e.case_id,
        "record": e.record,
        "event": e.event,
        "instance": e.instance,
    }
    return {k: values[k] for k in FIELDS if values[k] not in (None, "")}


@pytest.mark.parametrize("entry", ENTRIES)
def test_corpus_entry(entry: str) -> None:
    expected = json.loads((CORPUS / entry / "expected.json").read_text())
    fhir = entry.startswith("fhir/")
    for redact in (False, True):
        r = run_fhir(entry, redact=redact) if fhir else run(entry, redact=redact)
        made = r.assessments if isinstance(r, iptkit.FhirImportResult) else r.cases
        assert [located(e) for e in r.errors] == expected["errors"], redact
        assert len(made) == expected["imported" if fhir else "cases"]  # FHIR counts assessments
        assert r.ok == (not expected["errors"])
        assert all(0 < len(e.message.encode()) < 1024 for e in [*r.errors, *r.unused])


def test_corpus_is_large_enough() -> None:
    assert sum(e.startswith("tables/") for e in ENTRIES) >= 8
    assert sum(e.startswith("redcap/") for e in ENTRIES) >= 8
    assert sum(e.startswith("fhir/") for e in ENTRIES) >= 10
