"""The tidy tables from Python: DataFrames, CSV (the C++ writer) read back with pandas, Parquet."""

from __future__ import annotations

import copy
import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import iptkit


def test_tables_shapes_and_keys(cohort: iptkit.CaseList) -> None:
    t = iptkit.tables(cohort)
    assert list(t) == list(iptkit.TABLES)
    assert len(t["cases"]) == len(cohort)
    assert len(t["sessions"]) == sum(len(c.sessions) for c in cohort)
    assert len(t["assessments"]) == sum(len(c.assessments) for c in cohort)
    assert len(t["relationships"]) == sum(len(c.inventory.relationships) for c in cohort if c.inventory)
    for name, frame in t.items():
        assert {"case_id", "day"} <= set(frame.columns), name
    pd.testing.assert_frame_equal(t["outcomes"][iptkit.outcomes(cohort).columns], iptkit.outcomes(cohort))
    labels = {r.label for c in cohort if c.inventory for r in c.inventory.relationships}
    rel = t["relationships"].astype(str).to_numpy().ravel()
    assert not labels & set(rel)


def test_items_are_columns(cohort: iptkit.CaseList) -> None:
    a = iptkit.tables(cohort)["assessments"]
    first = cohort[0].assessments[0]
    assert [a.at[0, f"item_{k + 1}"] for k in range(len(first.items))] == first.items


def test_tidy_csv_reproduces_outcomes(cohort: iptkit.CaseList, tmp_path: Path) -> None:
    paths = iptkit.write_tables(cohort, tmp_path)
    assert [Path(p).name for p in paths] == [f"{n}.csv" for n in iptkit.TABLES]
    back = pd.read_csv(tmp_path / "outcomes.csv")
    want = iptkit.outcomes(cohort)
    assert len(back) == len(want)
    for col in ("baseline", "endpoint", "change", "sessions_attended"):
        np.testing.assert_array_equal(back[col].to_numpy(dtype=float, na_value=np.nan),
                                      want[col].to_numpy(dtype=float, na_value=np.nan))
    for col in ("percent_change", "rci"):
        np.testing.assert_allclose(back[col].to_numpy(dtype=float), want[col].to_numpy(dtype=float),
                                   rtol=1e-15, equal_nan=True)
    for col in ("response", "remission", "recovery"):
        assert list(back[col].astype(object).where(back[col].notna(), None)) == \
            [None if v is pd.NA else bool(v) for v in want[col]]
    assert list(back["case_id"]) == list(want["case_id"])
    assert (tmp_path / "outcomes.csv").read_bytes().decode() == iptkit._core.tidy_csv(cohort, "outcomes")


def test_no_dates(cohort: iptkit.CaseList, tmp_path: Path) -> None:
    t = iptkit.tables(cohort, dates=False)
    for name, frame in t.items():
        assert not [c for c in frame.columns if "date" in c], name
    iptkit.write_tables(cohort, tmp_path, dates=False)
    text = "".join(p.read_text() for p in tmp_path.glob("*.csv"))
    assert cohort[0].contract.start_date.isoformat() not in text


def test_parquet_round_trip(cohort: iptkit.CaseList, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    iptkit.write_tables(cohort, tmp_path, format="parquet")
    t = iptkit.tables(cohort)
    for name in iptkit.TABLES:
        back = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert list(back.columns) == list(t[name].columns)
        assert len(back) == len(t[name])
    o = pd.read_parquet(tmp_path / "outcomes.parquet")
    assert list(o["baseline"]) == list(t["outcomes"]["baseline"])
    with pytest.raises(ValueError):
        iptkit.write_tables(cohort, tmp_path, format="xlsx")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        iptkit._core.tidy_csv(cohort, "people")


# Spreadsheet safety (OWASP "CSV Injection"): every trigger character, each on its own.
TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]
HYPERLINK = '=HYPERLINK("http://evil.example","click")'
CALC = "+cmd|/C calc!A0"


def _starting_with(cases: list[iptkit.Case], starts: list[str]) -> list[iptkit.Case]:
    """A copy of the first case per start, its id, arm, site and notes beginning with it."""
    base = next(c for c in cases if c.case_id == "EX-GRIEF-NORMAL-BRIEF")  # improves: a negative change
    out = []
    for i, start in enumerate(starts):
        c = copy.deepcopy(base)
        c.case_id = f"-case-{i}"  # an identifier may begin with '-': a text cell
        c.arm = start + "arm"
        c.site = start + "site"
        c.notes = start
        out.append(c)
    return out


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_issues_arm_and_site_are_neutralised_and_raw_on_request(cases: list[iptkit.Case], tmp_path: Path) -> None:
    c = copy.deepcopy(cases[0])
    c.arm, c.site = HYPERLINK, CALC
    iptkit.write_tables([c], tmp_path / "safe")
    [row] = _read(tmp_path / "safe" / "cases.csv")
    assert (row["arm"], row["site"]) == ("'" + HYPERLINK, "'" + CALC)
    iptkit.write_tables([c], tmp_path / "raw", raw_cells=True)
    [row] = _read(tmp_path / "raw" / "cases.csv")
    assert (row["arm"], row["site"]) == (HYPERLINK, CALC)
    with pytest.raises(TypeError, match="raw_cells"):
        iptkit.write_tables([c], tmp_path / "x", raw_cells="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize("trigger", TRIGGERS, ids=["eq", "plus", "minus", "at", "tab", "cr"])
def test_every_trigger_is_neutralised_and_numbers_stay_numbers(cases: list[iptkit.Case], tmp_path: Path,
                                                               trigger: str) -> None:
    [c] = _starting_with(cases, [trigger])
    iptkit.write_tables([c], tmp_path, complete=True)  # with the notes column
    [row] = _read(tmp_path / "cases.csv")
    assert [row[k] for k in ("case_id", "arm", "site", "notes")] == ["'-case-0"] + [
        "'" + trigger + v for v in ("arm", "site", "")]
    want = iptkit.outcomes([c])
    back = pd.read_csv(tmp_path / "outcomes.csv")
    assert (want["change"].dropna() < 0).any(), "the example improves on some instrument"
    assert pd.api.types.is_integer_dtype(back["change"].dropna().astype("Int64"))
    np.testing.assert_array_equal(back["change"].to_numpy(dtype=float, na_value=np.nan),
                                  want["change"].to_numpy(dtype=float, na_value=np.nan))
    assert set(back["case_id"]) == {"'-case-0"}


def test_write_then_import_gives_every_value_back(cases: list[iptkit.Case], tmp_path: Path) -> None:
    starts = TRIGGERS + ["'" + t for t in TRIGGERS] + ["''", "'", "'a", HYPERLINK]
    made = _starting_with(cases, starts)
    want = [c.to_json() for c in made]
    for raw in (False, True):
        folder = tmp_path / f"raw-{raw}"
        iptkit.write_tables(made, folder, complete=True, raw_cells=raw)
        r = iptkit.import_tables(folder, raw_cells=raw)
        assert r.ok, r.errors[:1]
        assert [c.to_json() for c in r.cases] == want, raw
    # DataFrames hold the values as they are, whatever they begin with.
    r = iptkit.import_tables({k: v for k, v in iptkit.tables(made, complete=True).items() if k != "outcomes"})
    assert r.ok and [c.to_json() for c in r.cases] == want
    # A value that begins with ' and a trigger, written raw, loses its ' unless read raw too.
    r = iptkit.import_tables(tmp_path / "raw-True")
    assert r.cases[len(TRIGGERS)].arm == "=arm"


def test_parquet_and_cohort_hold_the_values_as_they_are(cases: list[iptkit.Case], tmp_path: Path) -> None:
    made = _starting_with(cases, TRIGGERS + ["'="])
    arms = [c.arm for c in made]
    iptkit.write_tables(made, tmp_path / "csv", complete=True)
    names = ("cases", "sessions", "assessments", "relationships")
    cohort = iptkit.Cohort.from_tables({n: tmp_path / "csv" / f"{n}.csv" for n in names})
    assert cohort.tables()["cases"]["arm"].tolist() == arms
    assert cohort.case_ids.tolist() == [c.case_id for c in made]
    assert cohort.case(0).to_json() == made[0].to_json()
    with pytest.raises(iptkit.TableError, match="case_id"):  # "'-case-0" read raw is no case id
        iptkit.Cohort.from_tables({n: tmp_path / "csv" / f"{n}.csv" for n in names}, raw_cells=True)
    iptkit.write_tables(made, tmp_path / "raw", complete=True, raw_cells=True)
    raw = iptkit.Cohort.from_tables({n: tmp_path / "raw" / f"{n}.csv" for n in names}, raw_cells=True)
    assert raw.tables()["cases"]["arm"].tolist() == arms
    pytest.importorskip("pyarrow")
    iptkit.write_tables(made, tmp_path / "parquet", format="parquet", complete=True)
    assert pd.read_parquet(tmp_path / "parquet" / "cases.parquet")["arm"].tolist() == arms
    r = iptkit.import_tables(tmp_path / "parquet")
    assert r.ok and [c.arm for c in r.cases] == arms
