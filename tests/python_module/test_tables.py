"""The tidy tables from Python: DataFrames, CSV (the C++ writer) read back with pandas, Parquet."""

from __future__ import annotations

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
