"""The bad-input corpus (tests/data/bad/README.md) through the Python module: read_case on each
document (read_cases for JSON Lines) raises DecodeError with exactly the expected errors (path and
kind, and line for JSON Lines), and redact=True keeps every value out of the messages."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

import iptkit

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"
NAMES = sorted(p.name[: -len(".expected.json")] for p in BAD.glob("*.expected.json"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The big documents (100,000 levels of nesting, a 50 MB string), written by generate.py."""
    spec = importlib.util.spec_from_file_location("generate_bad", BAD / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("bad-generated")
    module.generate(out)
    return out


def document(name: str, generated: Path) -> Path:
    for folder in (BAD, generated):
        for ext in (".json", ".jsonl"):
            if (folder / (name + ext)).exists():
                return folder / (name + ext)
    raise AssertionError(f"no document for {name}")


def errors_of(path: Path, **options: Any) -> list[iptkit.ReadError]:
    if path.suffix == ".jsonl":
        cases = iptkit.read_cases(path, errors="collect", **options)
        return [e for failed in cases.errors for e in failed.errors]
    try:
        iptkit.read_case(path, **options)
    except iptkit.DecodeError as e:
        return e.errors
    return []


def as_expected(errors: list[iptkit.ReadError], jsonl: bool) -> list[dict[str, Any]]:
    out = []
    for e in errors:
        out.append({"path": e.path, "kind": e.kind.name, "line": e.line, "column": e.column})
    return out


@pytest.mark.parametrize("name", NAMES)
def test_corpus_document(name: str, generated: Path) -> None:
    path = document(name, generated)
    expected = json.loads((BAD / f"{name}.expected.json").read_text())
    for redact in (False, True):
        errors = errors_of(path, redact=redact)
        assert as_expected(errors, path.suffix == ".jsonl") == expected
        assert all(0 < len(e.message) < 1024 for e in errors)


def test_corpus_is_large_enough() -> None:
    assert len(NAMES) >= 60


SECRET = "Zebediah Quincey-Marchbanks of 12 Elm Row"


def secret_case() -> dict[str, Any]:
    case = json.loads((ROOT / "tests" / "data" / "base-case.json").read_text())
    case["contract"]["frequency"] = SECRET
    case["age_at_intake"] = SECRET
    case["inventory"]["relationships"][1]["id"] = "partner"   # a duplicate id
    case["sessions"][1]["date"] = "2026-02-30"
    return case


def test_messages_quote_a_short_excerpt_and_nothing_with_redact() -> None:
    text = json.dumps(secret_case())
    with pytest.raises(iptkit.DecodeError) as plain:
        iptkit.read_case(text)
    messages = " ".join(e.message for e in plain.value.errors)
    assert SECRET[:32] + "..." in messages and SECRET not in messages
    assert "2026-02-30" in messages and '"partner"' in messages
    for read in (lambda **o: iptkit.read_case(text, **o),
                 lambda **o: iptkit.read_case(text.encode(), **o),
                 lambda **o: iptkit.Case.from_json(text, **o),
                 lambda **o: iptkit.read_cases(text.encode(), **o)):
        with pytest.raises(iptkit.DecodeError) as redacted:
            read(redact=True)
        assert [(e.path, e.kind) for e in redacted.value.errors] == \
            [(e.path, e.kind) for e in plain.value.errors]
        everything = str(redacted.value) + " ".join(e.message for e in redacted.value.errors)
        for value in ("Zebediah", "2026-02-30", "partner"):
            assert value not in everything


def test_validate_redact_gives_rule_titles() -> None:
    case = iptkit.read_case(ROOT / "tests" / "data" / "base-case.json")
    formulation = case.formulation
    assert formulation is not None
    formulation.focus = [iptkit.RoleDisputeFocus(relationship="quincey", stage=iptkit.DisputeStage.impasse)]
    case.formulation = formulation
    plain = iptkit.validate(case)[0]
    redacted = iptkit.validate(case, redact=True)[0]
    assert any("quincey" in f.message for f in plain)
    assert [(f.code, f.path) for f in redacted] == [(f.code, f.path) for f in plain]
    assert not any("quincey" in f.message for f in redacted)
    assert [f.message for f in case.validate(redact=True)] == [f.message for f in redacted]


def test_read_limits() -> None:
    limits = iptkit.ReadLimits(max_list_length=8)
    assert limits.max_list_length == 8 and limits.max_depth == iptkit.ReadLimits().max_depth
    base = ROOT / "tests" / "data" / "base-case.json"
    iptkit.read_case(base)  # the defaults accept it
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.read_case(base, limits=iptkit.ReadLimits(max_string_bytes=8))
    assert [(x.path, x.kind) for x in e.value.errors] == [("/schema", iptkit.ErrorKind.limit_exceeded)]
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.read_case(base, limits=iptkit.ReadLimits(max_depth=2))
    assert e.value.errors[0].kind == iptkit.ErrorKind.limit_exceeded
    cohort = ROOT / "examples" / "data" / "cohort.jsonl"
    found = iptkit.read_cases(cohort, errors="collect", limits=iptkit.ReadLimits(max_document_bytes=100))
    assert len(found) == 0 and found.errors
    assert all(f.errors[0].kind == iptkit.ErrorKind.limit_exceeded for f in found.errors)
    streamed = iptkit.iter_cases(cohort, errors="collect", limits=iptkit.ReadLimits(max_document_bytes=100))
    assert list(streamed) == [] and len(streamed.errors) == len(found.errors)


def test_a_case_of_an_array_that_breaks_a_limit_fails_alone() -> None:
    # As a JSON Lines line would: every good case comes out and the bad one is named.
    docs = [json.loads(line) for line in (ROOT / "examples" / "data" / "cohort.jsonl").read_text().splitlines()[:4]]
    docs[2]["notes"] = "n" * 5000
    text = json.dumps(docs, indent=1).encode()
    limits = iptkit.ReadLimits(max_string_bytes=4096)
    found = iptkit.read_cases(text, errors="collect", limits=limits)
    assert [c.case_id for c in found] == [docs[i]["case_id"] for i in (0, 1, 3)]
    assert [(e.index, e.line, e.case_id, [(x.path, x.kind) for x in e.errors]) for e in found.errors] == [
        (2, None, docs[2]["case_id"], [("/notes", iptkit.ErrorKind.limit_exceeded)])]
    with pytest.raises(iptkit.DecodeError):
        iptkit.read_cases(text, limits=limits)


def test_numbers_give_clear_errors() -> None:
    base = json.loads((ROOT / "tests" / "data" / "base-case.json").read_text())
    for raw, kind, words in (("NaN", "syntax", "NaN"), ("1e400", "out_of_range", "too large"),
                             ("18446744073709551616", "out_of_range", "64 bits"),
                             ("41.5", "wrong_type", "41.5")):
        text = json.dumps(base).replace('"age_at_intake": 41', f'"age_at_intake": {raw}')
        with pytest.raises(iptkit.DecodeError) as e:
            iptkit.read_case(text)
        assert [(x.path, x.kind.name) for x in e.value.errors] == [("/age_at_intake", kind)]
        assert words in e.value.errors[0].message
