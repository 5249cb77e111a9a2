"""Cohort I/O: write_cases (JSON Lines or an array, atomic, refusing cases that are not well
formed), errors="collect" on every function that takes a path, iter_cases errors naming the file."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

import iptkit


@pytest.fixture(scope="module")
def trial() -> list[iptkit.Case]:
    return iptkit.synthesize(12, seed=5)


@pytest.mark.parametrize("name", ["out.jsonl", "out.ndjson", "out.json"])
def test_write_cases_round_trips(trial: list[iptkit.Case], tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert iptkit.write_cases(trial, path) == str(path)
    text = path.read_text(encoding="utf-8")
    if name.endswith(".json"):
        assert isinstance(json.loads(text), list) and len(json.loads(text)) == len(trial)
    else:
        assert len(text.splitlines()) == len(trial)
    back = iptkit.read_cases(path)
    assert [c.to_json() for c in back] == [c.to_json() for c in trial]


def test_write_cases_refuses_a_case_that_is_not_well_formed(trial: list[iptkit.Case], tmp_path: Path) -> None:
    path = tmp_path / "cohort.jsonl"
    iptkit.write_cases(trial, path)
    before = path.read_bytes()
    edited = [iptkit.Case.from_json(c.to_json()) for c in trial]
    edited[4].adaptation = "no_such_protocol"  # a protocol the catalog lacks: checked when written
    with pytest.raises(iptkit.DecodeError) as raised:
        iptkit.write_cases(edited, path)
    assert any(e.path.startswith("/4/") for e in raised.value.errors)
    # The message names the case by id as well as position, and cuts the long list of adaptations.
    text = str(raised.value)
    assert text.startswith(f"1 case not well formed:\n  case 4 ({edited[4].case_id}): /adaptation: expected one of")
    assert len(text) < 300
    assert path.read_bytes() == before  # nothing written
    assert [p.name for p in tmp_path.iterdir()] == ["cohort.jsonl"]  # no temporary file left


def test_write_cases_needs_a_known_extension(trial: list[iptkit.Case], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.jsonl or \.ndjson \(JSON Lines\) or \.json"):
        iptkit.write_cases(trial, tmp_path / "cohort.txt")
    assert not (tmp_path / "cohort.txt").exists()


@pytest.fixture()
def damaged(trial: list[iptkit.Case], tmp_path: Path) -> Path:
    """A JSON Lines file whose third line is not a case."""
    lines = [c.to_json(pretty=False) for c in trial]
    lines[2] = '{"schema": "iptkit.case/1", "case_id": "X"}'
    path = tmp_path / "damaged.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_function_taking_a_path_collects(damaged: Path, trial: list[iptkit.Case]) -> None:
    good = [c for i, c in enumerate(trial) if i != 2]
    calls = {
        "validate": lambda **k: iptkit.validate(damaged, **k),
        "outcomes": lambda **k: iptkit.outcomes(damaged, **k),
        "tables": lambda **k: iptkit.tables(damaged, **k),
        "assessments": lambda **k: iptkit.assessments(damaged, **k),
        "summary": lambda **k: iptkit.summary(damaged, **k),
        "comparisons": lambda **k: iptkit.comparisons(damaged, **k),
        "cohort_summary": lambda **k: iptkit.cohort_summary(damaged, **k),
        "deidentify": lambda **k: iptkit.deidentify(damaged, seed=1, **k),
    }
    for name, call in calls.items():
        with pytest.raises(iptkit.DecodeError, match="damaged.jsonl: line 3 could not be read"):
            call()
        with pytest.warns(iptkit.DecodeWarning, match=rf"iptkit.{name}: 1 case of .*damaged.jsonl could not be read "
                                                       r"and is left out \(errors='collect'\); the first, line 3"):
            result = call(errors="collect")
        assert result is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", iptkit.DecodeWarning)
        found = iptkit.validate(damaged, errors="collect")
        assert found.case_ids == [c.case_id for c in good]
        assert [e.line for e in found.errors] == [3]
        out = iptkit.outcomes(damaged, errors="collect")
        pd.testing.assert_frame_equal(out, iptkit.outcomes(good), check_like=False)
        assert [e.line for e in out.attrs["errors"]] == [3]
        assert [e.line for e in iptkit.tables(damaged, errors="collect")["cases"].attrs["errors"]] == [3]


def test_write_functions_collect(damaged: Path, tmp_path: Path) -> None:
    with pytest.warns(iptkit.DecodeWarning, match="write_cases: 1 case"):
        iptkit.write_cases(damaged, tmp_path / "clean.jsonl", errors="collect")
    assert len(iptkit.read_cases(tmp_path / "clean.jsonl")) == 11
    with pytest.warns(iptkit.DecodeWarning, match="write_tables: 1 case"):
        iptkit.write_tables(damaged, tmp_path / "tables", errors="collect")
    assert len(pd.read_csv(tmp_path / "tables" / "cases.csv")) == 11
    with pytest.raises(ValueError, match="errors must be 'raise' or 'collect'"):
        iptkit.outcomes(damaged, errors="ignore")  # type: ignore[arg-type]


def test_iter_cases_errors_name_the_file(damaged: Path) -> None:
    stream = iptkit.iter_cases(damaged)
    next(stream), next(stream)
    with pytest.raises(iptkit.DecodeError, match=r"damaged\.jsonl: line 3 could not be read\n  .+") as raised:
        next(stream)
    assert raised.value.errors
    assert [e.line for e in stream.errors] == [3]
    collected = iptkit.iter_cases(damaged, errors="collect")
    assert len(list(collected)) == 11 and [e.source for e in collected.errors] == [os.fspath(damaged)]
