"""by= in summary, comparisons and cohort_summary: a column name, a list of names or a function of
the case, with the same default (arm) for all of them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import iptkit


@pytest.fixture(scope="module")
def trial() -> list[iptkit.Case]:
    return iptkit.synthesize(80, seed=3)


def test_the_default_is_arm_for_summary_and_comparisons(trial: list[iptkit.Case]) -> None:
    pd.testing.assert_frame_equal(iptkit.summary(trial), iptkit.summary(trial, by="arm"))
    pd.testing.assert_frame_equal(iptkit.comparisons(trial), iptkit.comparisons(trial, by="arm"))
    arms = {c.arm for c in trial}
    assert set(iptkit.summary(trial)["group"]) == arms
    assert iptkit.cohort_summary(trial).by == iptkit.GroupBy.arm
    one = iptkit.summary(trial, by=None)
    assert set(one["group"]) == {"all"}


def test_a_function_of_the_case(trial: list[iptkit.Case]) -> None:
    by_function = iptkit.summary(trial, by=lambda c: c.arm)
    pd.testing.assert_frame_equal(by_function, iptkit.summary(trial, by="arm"))

    def focus(c: iptkit.Case) -> str | None:
        return c.formulation.focus[0].area if c.formulation and c.formulation.focus else None

    s = iptkit.summary(trial, by=focus)
    expected = {"(none)" if focus(c) is None else str(focus(c)) for c in trial}
    assert set(s["group"]) == expected
    phq = s[s["instrument"] == "phq9"].set_index("group")
    for label in expected:
        # Each group's statistics are those of its cases summarised alone.
        members = [c for c in trial if ("(none)" if focus(c) is None else str(focus(c))) == label]
        alone = iptkit.summary(members, by=None)
        alone_phq = alone[alone["instrument"] == "phq9"].iloc[0]
        assert phq.loc[label, "baseline_n"] == alone_phq["baseline_n"]
        assert phq.loc[label, "change_mean"] == pytest.approx(alone_phq["change_mean"], nan_ok=True)


def test_a_function_returning_something_else_raises(trial: list[iptkit.Case]) -> None:
    with pytest.raises(TypeError, match=r"returned a list for case '.+'; expected a label"):
        iptkit.summary(trial, by=lambda c: [c.arm])

    def broken(c: iptkit.Case) -> str:
        raise KeyError("no such thing")

    with pytest.raises(KeyError) as raised:
        iptkit.comparisons(trial, by=broken)
    assert any("by= function for case" in n for n in raised.value.__notes__)


def test_a_column_of_the_cases_table(trial: list[iptkit.Case]) -> None:
    s = iptkit.summary(trial, by="format")
    assert set(s["group"]) == {str(c.contract.format) for c in trial}
    with pytest.raises(ValueError, match=r"cannot group by 'arms': not a column of the cases table \(its columns: "):
        iptkit.summary(trial, by="arms")


def test_a_list_of_columns(trial: list[iptkit.Case]) -> None:
    s = iptkit.summary(trial, by=["arm", "site"])
    assert list(s.columns[:3]) == ["group", "arm", "site"]
    pairs = {(c.arm or "(none)", c.site or "(none)") for c in trial}
    assert set(zip(s["arm"], s["site"])) == pairs
    assert set(s["group"]) == {f"{a} | {b}" for a, b in pairs}
    counts = s[s["instrument"] == "phq9"].set_index("group")
    by_hand = iptkit.summary([c for c in trial if (c.arm, c.site) == (trial[0].arm, trial[0].site)], by=None)
    label = f"{trial[0].arm} | {trial[0].site}"
    phq = by_hand[by_hand["instrument"] == "phq9"].iloc[0]
    assert counts.loc[label, "baseline_n"] == phq["baseline_n"]
    assert counts.loc[label, "change_mean"] == pytest.approx(phq["change_mean"], nan_ok=True)
    c = iptkit.comparisons(trial, by=["arm", "site"])
    assert set(c["group_a"]) | set(c["group_b"]) <= set(s["group"])
    with pytest.raises(ValueError, match="empty list"):
        iptkit.summary(trial, by=[])
    with pytest.raises(TypeError, match="column names"):
        iptkit.summary(trial, by=["arm", 3])  # type: ignore[list-item]


def test_a_summary_refuses_a_given_by(trial: list[iptkit.Case]) -> None:
    s = iptkit.cohort_summary(trial)
    iptkit.summary(s)  # the default is not "given"
    with pytest.raises(ValueError, match="cannot change a CohortSummary"):
        iptkit.summary(s, by="arm")
    with pytest.raises(ValueError, match="cannot change a CohortSummary"):
        iptkit.comparisons(s, by="site")


def test_cohort_groups_by_columns(trial: list[iptkit.Case]) -> None:
    cohort = iptkit.Cohort.from_tables(iptkit.tables(trial, complete=True))
    pd.testing.assert_frame_equal(cohort.summary(), iptkit.summary(trial))
    pd.testing.assert_frame_equal(cohort.summary(by=["arm", "site"]), iptkit.summary(trial, by=["arm", "site"]))
    pd.testing.assert_frame_equal(cohort.summary(by=None), iptkit.summary(trial, by=None))
    with pytest.raises(TypeError, match="groups by column names"):
        cohort.summary(by=lambda c: c.arm)


def test_cohort_from_csv_keeps_text_codes(tmp_path: Path) -> None:
    # Sites "01" and "1", arms "1" and "1.0": read as numbers they would merge into one group.
    cases = iptkit.synthesize(12, seed=2)
    for i, c in enumerate(cases):
        c.site = ["01", "02", "1"][i % 3]
        c.arm = ["1", "1.0", "ipt"][i % 3]
    iptkit.write_tables(cases, tmp_path, complete=True)
    paths = {k: tmp_path / f"{k}.csv" for k in ("cases", "sessions", "assessments", "relationships")}
    cohort = iptkit.Cohort.from_tables(paths)
    pd.testing.assert_frame_equal(cohort.outcomes(), iptkit.outcomes(cases))
    assert set(cohort.summary(by="site")["group"]) == {"01", "02", "1"}
    assert set(cohort.summary(by="arm")["group"]) == {"1", "1.0", "ipt"}
    assert [c.site for c in cohort.cases()] == [c.site for c in cases]
