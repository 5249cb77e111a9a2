"""Reading cases and cohorts: paths, text, bytes, JSON Lines streamed and in bulk, lax and
collect modes, and every kind of bad input raising DecodeError with JSON Pointers (never a crash)."""

from __future__ import annotations

import json
import random
import warnings
from typing import Any
from pathlib import Path

import pytest

import iptkit
from conftest import COHORT, DATA, EXAMPLES, INVALID, ROOT

BASE = Path(__file__).resolve().parents[1] / "data" / "base-case.json"


def test_read_case_from_path_text_and_bytes() -> None:
    p = EXAMPLES[0]
    c = iptkit.read_case(p)
    assert iptkit.read_case(str(p)) == c
    assert iptkit.read_case(p.read_text()) == c
    assert iptkit.read_case(p.read_bytes()) == c
    assert iptkit.Case.from_json(p.read_text()) == c


@pytest.mark.parametrize("path", sorted(INVALID.glob("*.json")), ids=lambda p: p.name)
def test_invalid_documents_raise_with_kind_and_path(path: Path) -> None:
    kind = path.name.split("-")[0]
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.read_case(path)
    assert isinstance(e.value, ValueError)
    assert kind in {err.kind.name for err in e.value.errors}
    for err in e.value.errors:
        assert isinstance(err, iptkit.ReadError)
        assert err.path == "" or err.path.startswith("/")
        assert err.message and err.line is not None and err.column is not None  # where it is in the file
        assert err.path in str(e.value)


def test_error_paths_are_json_pointers() -> None:
    doc = json.loads(BASE.read_text())
    doc["sessions"][1]["phase"] = "opening"
    doc["age_at_intake"] = "forty"
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.Case.from_dict(doc)
    got = [(err.path, err.kind) for err in e.value.errors]
    assert got == [("/age_at_intake", iptkit.ErrorKind.wrong_type),
                   ("/sessions/1/phase", iptkit.ErrorKind.bad_enum)]
    assert "expected" in e.value.errors[1].message and "opening" in e.value.errors[1].message


def test_lax_mode_warns_about_unknown_fields() -> None:
    doc = json.loads(BASE.read_text())
    doc["favourite_colour"] = "blue"
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.Case.from_dict(doc)
    assert e.value.errors[0].kind == iptkit.ErrorKind.unknown_field
    with pytest.warns(iptkit.DecodeWarning, match="favourite_colour"):
        c = iptkit.Case.from_dict(doc, lax=True)
    assert c == iptkit.read_case(BASE)
    with pytest.warns(iptkit.DecodeWarning):
        iptkit.read_case(json.dumps(doc), lax=True)


def test_read_cases_bulk_of_every_shape(cohort: iptkit.CaseList) -> None:
    assert len(cohort) == 24 and cohort.errors == []
    assert all(isinstance(c, iptkit.Case) for c in cohort)
    array = "[" + ",".join(c.to_json(pretty=False) for c in cohort) + "]"
    assert list(iptkit.read_cases(array)) == list(cohort)
    assert list(iptkit.read_cases(EXAMPLES[0])) == [iptkit.read_case(EXAMPLES[0])]
    assert list(iptkit.read_cases(COHORT.read_bytes())) == list(cohort)


def test_iter_cases_streams_json_lines(cohort: iptkit.CaseList, tmp_path: Path) -> None:
    it = iptkit.iter_cases(COHORT)
    assert next(it) == cohort[0]
    assert [cohort[0], *it] == list(cohort)
    arr = tmp_path / "cohort.json"
    arr.write_text("[" + ",".join(c.to_json() for c in cohort[:3]) + "]")
    assert list(iptkit.iter_cases(arr)) == list(cohort[:3])
    noext = tmp_path / "cohort.txt"
    noext.write_text(COHORT.read_text())
    assert list(iptkit.iter_cases(noext)) == list(cohort)
    # The shape comes from the C++ detect_cohort_shape, given the whole first line however long:
    # JSON Lines without the extension and with a 20 kB first line is still streamed.
    long_first = cohort[0].to_dict()
    long_first["notes"] = "n" * 20_000
    lines = tmp_path / "long.txt"
    lines.write_text("\n" + json.dumps(long_first) + "\n" + "\n".join(c.to_json(pretty=False) for c in cohort[1:4]))
    it = iptkit.iter_cases(lines)
    assert isinstance(it._source, iptkit._core.CaseStream)
    assert [c.case_id for c in it] == [c.case_id for c in cohort[:4]]
    assert iptkit._core.cohort_shape("x.txt", (tmp_path / "long.txt").read_bytes()[:4096]) == "single"
    assert iptkit._core.cohort_shape("x.txt", b"[{}]") == "array"
    assert iptkit._core.cohort_shape("x.jsonl", b"") == "lines"


def bad_cohort(tmp_path: Path, cohort: iptkit.CaseList) -> Path:
    lines = [c.to_json(pretty=False) for c in cohort[:5]]
    lines.insert(2, '{"case_id": 7}')
    lines.insert(4, "not json at all")
    lines.insert(6, '{"case_id": "LATE-9", "sessions": 3}')
    p = tmp_path / "bad.jsonl"
    p.write_text("\n".join(lines) + "\n")
    return p


def test_collect_mode_skips_and_reports_bad_lines(tmp_path: Path, cohort: iptkit.CaseList) -> None:
    p = bad_cohort(tmp_path, cohort)
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.read_cases(p)
    assert e.value.errors[0].line == 3
    got = iptkit.read_cases(p, errors="collect")
    assert list(got) == list(cohort[:5])
    # A bad case is named by its case_id when that is a well-formed identifier (not 7).
    assert [(x.index, x.line, x.case_id) for x in got.errors] == [(2, 3, None), (4, 5, None), (6, 7, "LATE-9")]
    assert got.errors[0].errors[0].line == 3
    assert got.errors[1].errors[0].kind == iptkit.ErrorKind.syntax
    streamed = iptkit._core.CaseStream(str(p), skip_errors=True)
    assert list(streamed) == list(cohort[:5])
    assert [(i, line, case_id) for i, line, _, case_id, _ in streamed.errors] == [(2, 3, None), (4, 5, None), (6, 7, "LATE-9")]
    it = iptkit.iter_cases(p, errors="collect")
    assert list(it) == list(cohort[:5])
    assert [(x.index, x.line, x.case_id) for x in it.errors] == [(2, 3, None), (4, 5, None), (6, 7, "LATE-9")]
    with pytest.raises(iptkit.DecodeError):
        list(iptkit.iter_cases(p))
    with pytest.raises(ValueError):
        iptkit.read_cases(p, errors="ignore")  # type: ignore[arg-type]


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        iptkit.read_case(tmp_path / "nope.json")
    with pytest.raises(FileNotFoundError):
        iptkit.read_cases(tmp_path / "nope.jsonl")
    with pytest.raises(FileNotFoundError):
        list(iptkit.iter_cases(tmp_path / "nope.jsonl"))


@pytest.mark.parametrize("value, kind", [
    ({"case_id": float("nan")}, "wrong_type"),
    ({1: "x"}, "wrong_type"),
    ({"case_id": {1, 2}}, "wrong_type"),
    ({"age_at_intake": 10**30}, "out_of_range"),
    ("a string", "wrong_type"),
    (None, "wrong_type"),
    ([], "wrong_type"),
])
def test_from_dict_rejects_non_json_values(value: object, kind: str) -> None:
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.Case.from_dict(value)
    assert kind in {err.kind.name for err in e.value.errors}


def test_deep_nesting_is_a_limit_not_a_crash() -> None:
    deep: object = "x"
    for _ in range(5_000):
        deep = [deep]
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.Case.from_dict({"notes": deep})
    assert e.value.errors[0].kind == iptkit.ErrorKind.limit_exceeded
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.read_case('{"notes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert e.value.errors[0].kind == iptkit.ErrorKind.limit_exceeded


def test_dates_enums_numpy_and_objects_in_dicts() -> None:
    np = pytest.importorskip("numpy")
    import datetime
    doc = json.loads(BASE.read_text())
    c = iptkit.read_case(BASE)
    doc["contract"]["start_date"] = c.contract.start_date  # a datetime.date
    doc["contract"]["frequency"] = iptkit.SessionFrequency.weekly
    doc["contract"]["planned_sessions"] = np.int64(c.contract.planned_sessions)
    doc["sessions"] = [s for s in c.sessions]  # iptkit objects
    assert isinstance(doc["contract"]["start_date"], datetime.date)
    assert iptkit.Case.from_dict(doc) == c


def test_random_bytes_never_crash() -> None:
    rng = random.Random(20261125)
    text = BASE.read_bytes()
    for _ in range(300):
        data = bytearray(text)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            iptkit.read_case(bytes(data))
        except iptkit.DecodeError as e:
            assert e.errors
        try:
            iptkit.read_cases(bytes(data), errors="collect")
        except iptkit.DecodeError:
            pass


def test_schemas_are_json_schema_documents() -> None:
    s = iptkit.case_json_schema()
    assert s["$schema"].startswith("https://json-schema.org/")
    committed = json.loads((Path(__file__).resolve().parents[2] / "docs" / "schema" / "case.schema.json").read_text())
    assert s == committed
    assert "ipt" in json.dumps(s)
    protocols = iptkit.ProtocolRegistry.with_builtins()
    assert json.loads(iptkit._core.protocols_json_schema())["type"] == "array"
    assert json.loads(iptkit._core.instruments_json_schema())["type"] == "array"
    assert iptkit.case_json_schema(iptkit.Catalog(protocols=protocols)) == s


def entries(found: list[iptkit.InputError]) -> list[dict[str, Any]]:
    return [{"source": x.source, "line": x.line, "index": x.index, "case_id": x.case_id,
             "errors": [{"path": e.path, "kind": e.kind.name, "line": e.line, "column": e.column} for e in x.errors]}
            for x in found]


def test_unreadable_entries_are_the_same_as_the_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    # tests/data/unreadable/README.md: the C++ cohort_reader and the command line give these too.
    expected = json.loads((ROOT / "tests/data/unreadable/entries.expected.json").read_text())
    monkeypatch.chdir(ROOT)  # the sources are named as given, relative to the repository
    collected: list[iptkit.InputError] = []
    iterated: list[iptkit.InputError] = []
    for source in expected["inputs"]:
        collected += iptkit.read_cases(source, errors="collect").errors
        it = iptkit.iter_cases(source, errors="collect")
        list(it)
        iterated += it.errors
    assert entries(collected) == expected["entries"]
    assert entries(iterated) == expected["entries"]


def test_a_pretty_printed_document_gives_line_and_column() -> None:
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.read_case(INVALID / "bad_enum-dispute-stage.json")
    assert [(x.path, x.line, x.column) for x in e.value.errors] == [("/formulation/focus/0/stage", 75, 18)]
    assert "line" not in e.value.errors[0].message
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.read_cases(ROOT / "tests/data/cli/array-with-bad-case.json")
    assert "line 182, column 20: /contract/frequency" in str(e.value)


def test_a_case_list_shows_in_one_line(cohort: iptkit.CaseList) -> None:
    # A notebook cell ending in the cohort printed every case (463 KB for 5,000 cases).
    first, last = cohort[0].case_id, cohort[-1].case_id
    assert repr(cohort) == f"<iptkit.CaseList: {len(cohort)} cases ({first} ... {last})>"
    assert repr(iptkit.CaseList(cohort[:1])) == f"<iptkit.CaseList: 1 case ({first})>"
    assert repr(iptkit.CaseList()) == "<iptkit.CaseList: 0 cases>"
    assert list(cohort) == list(iptkit.CaseList(cohort))  # still a list of its cases


def test_grouping_errors_read_alike(cohort: iptkit.CaseList) -> None:
    with pytest.raises(ValueError, match=r"^iptkit.summary: cannot group by 'arms': not a column of the cases table"):
        iptkit.summary(cohort, by="arms")  # type: ignore[arg-type]
    plot = pytest.importorskip("iptkit.plot")
    with pytest.raises(ValueError, match=r"^iptkit.plot.trajectory: cannot group by 'arms': not a column of the cases table"):
        plot.trajectory(cohort, by="arms")
