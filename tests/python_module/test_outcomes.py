"""Outcomes and statistics as pandas tables: every cell equals the C++ row objects, dtypes are
the nullable ones a statistician expects, and chunked / threaded computation changes nothing."""

from __future__ import annotations

import datetime
import math

import numpy as np
import pandas as pd
import pytest

import iptkit
from iptkit import _core, _progress
from conftest import COHORT, DATA


def cell_equals(value: object, expected: object) -> bool:
    if expected is None:
        return value is pd.NA or value is None or (isinstance(value, float) and math.isnan(value)) \
            or value is pd.NaT
    if isinstance(expected, datetime.date):
        return pd.Timestamp(value).date() == expected  # type: ignore[arg-type]
    if hasattr(expected, "name") and hasattr(type(expected), "__members__"):  # an enum
        return value == expected.name  # type: ignore[attr-defined]
    if isinstance(expected, float):
        return math.isclose(float(value), expected, rel_tol=0, abs_tol=0)  # type: ignore[arg-type]
    return bool(value == expected)


TIDY_EXTRA = ("baseline_day", "day", "arm", "site", "adaptation")
"""The columns the outcome frame has beyond CaseOutcome's fields, as the tidy outcomes table."""

def test_frame_equals_row_objects(cohort: iptkit.CaseList) -> None:
    df = iptkit.outcomes(cohort)
    rows = _core.outcomes(cohort)
    assert len(df) == len(rows) > len(cohort)
    names = [n for n in dir(rows[0]) if not n.startswith("_") and n not in
             ("to_dict", "to_json", "from_dict", "from_json")]
    assert set(df.columns) == set(names) | set(TIDY_EXTRA)
    for i, r in enumerate(rows):
        for name in names:
            assert cell_equals(df.at[i, name], getattr(r, name)), (i, name, df.at[i, name], getattr(r, name))


def test_frame_columns_are_the_described_fields_in_order(cohort: iptkit.CaseList) -> None:
    # The frame is generated from the C++ description of the quantities, as are the CaseOutcome
    # class and the CSV: the same names in the same order everywhere.
    df = iptkit.outcomes(cohort)
    header = _core.tidy_csv(cohort, "outcomes").split("\r\n", 1)[0].split(",")
    assert list(df.columns) == header
    assert header[-len(TIDY_EXTRA):] == list(TIDY_EXTRA)
    assert list(df.columns)[:3] == ["case_index", "case_id", "instrument"]
    assert list(iptkit.tables(cohort)["outcomes"].columns) == header
    rows = _core.outcomes(cohort)
    assert list(_core.outcome_columns(cohort)) == list(df.columns)
    assert len(rows[0].__getstate__()[1]) == len(df.columns) - len(TIDY_EXTRA)


def test_dtypes(cohort: iptkit.CaseList) -> None:
    df = iptkit.outcomes(cohort)
    assert df["baseline"].dtype == "Int64"
    assert df["response"].dtype == "boolean"
    assert df["completer"].dtype == bool
    assert df["sessions_attended"].dtype == np.int64
    assert df["percent_change"].dtype == np.float64
    assert isinstance(df["status"].dtype, pd.CategoricalDtype)
    assert list(df["response_reason"].cat.categories) == [c.name for c in iptkit.NotComputed]
    assert df["case_id"].dtype == "string"
    assert df["baseline_date"].dtype.kind == "M"
    assert set(df["instrument"]) >= {"phq9", "gad7", "phq9+gad7"}


def test_chunked_threaded_and_path_inputs_agree(cohort: iptkit.CaseList, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = iptkit.outcomes(cohort)
    pd.testing.assert_frame_equal(iptkit.outcomes(cohort, threads=2), whole)
    pd.testing.assert_frame_equal(iptkit.outcomes(COHORT), whole)
    pd.testing.assert_frame_equal(iptkit.outcomes(iter(cohort)), whole)
    monkeypatch.setattr(_progress, "CHUNK", 5)  # several C++ calls, case_index offset per chunk
    chunked = iptkit.outcomes(cohort, progress=True)
    pd.testing.assert_frame_equal(chunked, whole)


def test_single_case_and_empty(cohort: iptkit.CaseList) -> None:
    one = iptkit.outcomes(cohort[3])
    assert set(one["case_id"]) == {cohort[3].case_id} and set(one["case_index"]) == {0}
    empty = iptkit.outcomes([])
    assert len(empty) == 0 and list(empty.columns) == list(one.columns)


def test_summary_matches_cohort_summary(cohort: iptkit.CaseList) -> None:
    s = iptkit.cohort_summary(cohort, by="arm")
    assert isinstance(s, iptkit.CohortSummary) and s.by == iptkit.GroupBy.arm
    df = iptkit.summary(cohort, by=iptkit.GroupBy.arm)
    assert len(df) == len(s.groups)
    for i, g in enumerate(s.groups):
        assert df.at[i, "group"] == g.group and df.at[i, "instrument"] == g.instrument
        assert df.at[i, "cases"] == g.cases
        assert df.at[i, "response_k"] == g.response.k and df.at[i, "response_n"] == g.response.n
        if g.response.rate is not None:
            assert df.at[i, "response_rate"] == g.response.rate
            lo, hi = iptkit.wilson(g.response.k, g.response.n).lower, g.response.upper
            assert df.at[i, "response_lower"] == lo and df.at[i, "response_upper"] == hi
        if g.d_z.g is not None:
            assert df.at[i, "d_z_g"] == g.d_z.g
    pd.testing.assert_frame_equal(iptkit.summary(s), df)
    assert set(iptkit.summary(cohort, by=None)["group"]) == {"all"}


def test_comparisons(cohort: iptkit.CaseList) -> None:
    s = iptkit.cohort_summary(cohort, by="arm")
    df = iptkit.comparisons(s)
    assert len(df) == sum(1 + len(c.rates) for c in s.comparisons)
    first = s.comparisons[0]
    row = df.iloc[0]
    assert (row["group_a"], row["group_b"], row["statistic"]) == (first.group_a, first.group_b, "hedges_g")
    assert row["estimate"] == first.hedges_g.g
    r = df[(df["instrument"] == first.instrument) & (df["outcome"] == first.rates[0].outcome)].iloc[0]
    assert r["estimate"] == first.rates[0].difference and r["lower"] == first.rates[0].lower
    assert df[df["statistic"] == "rate_difference"]["n"].isna().all()
    with pytest.raises(ValueError, match="cannot group by"):
        iptkit.comparisons(cohort, by="colour")


def test_assessments_table(cohort: iptkit.CaseList) -> None:
    df = iptkit.assessments(cohort)
    assert len(df) == sum(len(c.assessments) for c in cohort)
    i = 0
    for k, c in enumerate(cohort):
        for a in c.assessments:
            assert df.at[i, "case_index"] == k and df.at[i, "case_id"] == c.case_id
            assert df.at[i, "day"] == (a.date - c.contract.start_date).days
            assert df.at[i, "total"] == (a.total if a.total is not None else sum(a.items))
            i += 1


def test_synthesize_is_deterministic() -> None:
    a = iptkit.synthesize(20, seed=3)
    assert a == iptkit.synthesize(20, seed=3) and a != iptkit.synthesize(20, seed=4)
    assert len(a) == 20 and all(isinstance(c, iptkit.Case) for c in a)
    o = iptkit.SynthOptions(cases=5, seed=3, dropout_rate=0.0)
    assert len(iptkit.synthesize(options=o)) == 5
    with pytest.raises(ValueError):
        iptkit.synthesize(options=iptkit.SynthOptions(dropout_rate=2.0))


def test_case_without_assessments_matches_its_row_object(cohort: iptkit.CaseList) -> None:
    bare = iptkit.Case.from_dict({**cohort[0].to_dict(), "assessments": [], "case_id": "NO-MEASURES"})
    cases = [cohort[1], bare, cohort[2]]
    df = iptkit.outcomes(cases)
    rows = _core.outcomes(cases)
    assert len(df) == len(rows)
    (i,) = [k for k, r in enumerate(rows) if r.case_id == "NO-MEASURES"]
    assert rows[i].instrument == "" and rows[i].status == iptkit.NotComputed.no_assessments
    for name in df.columns[:-len(TIDY_EXTRA)]:
        for k, r in enumerate(rows):
            assert cell_equals(df.at[k, name], getattr(r, name)), (k, name)
    # Column order is the CaseOutcome field order, then the tidy outcomes table's own columns.
    tidy = iptkit.tables(cases)["outcomes"]
    assert list(tidy.columns) == list(df.columns)


def test_episode_course_columns_and_recovery_period() -> None:
    # Remitted at the end of the acute course (3 on 2026-03-23), then 11 and 12: the relapse rule
    # (PHQ-9 >= 10 twice) fires on 2026-05-23, two months on: a relapse with the default
    # four-month recovery period, a recurrence with one month.
    c = iptkit.read_case(DATA / "maintenance-recurrent-illness.json")
    last = max(s.date for s in c.sessions if s.phase != iptkit.Phase.maintenance)
    scores = [(0, 3), (31, 3), (45, 11), (61, 12)]
    c.assessments = [a for a in c.assessments if a.date <= last] + [
        iptkit.Assessment(instrument="phq9", date=last + datetime.timedelta(days=d), total=t) for d, t in scores]
    df = iptkit.outcomes(c)
    phq = df[df["instrument"] == "phq9"].iloc[0]
    assert phq["relapse_rule_fired"] == True  # noqa: E712
    assert phq["relapse_kind"] == "relapse"
    assert phq["relapse_days"] == 61
    assert phq["relapse_censored"] == False  # noqa: E712
    assert pd.isna(phq["sustained_remission_date"])
    assert df["relapse_days"].dtype == "Int64"
    assert df["relapse_censored"].dtype == "boolean"
    assert df["sustained_remission_date"].dtype.kind == "M"
    assert list(df["relapse_kind"].cat.categories) == ["relapse", "recurrence", "no_remission"]
    one = iptkit.outcomes(c, recovery_period_months=1)
    phq1 = one[one["instrument"] == "phq9"].iloc[0]
    assert phq1["relapse_kind"] == "recurrence"
    assert not pd.isna(phq1["sustained_remission_date"])
    s = iptkit.summary([c], recovery_period_months=1)
    row = s[s["instrument"] == "phq9"].iloc[0]
    assert (row["recurrence_k"], row["recurrence_n"], row["relapse_k"]) == (1, 1, 0)
    with pytest.raises(ValueError, match="recovery_period_months"):
        iptkit.outcomes(c, recovery_period_months=0)
