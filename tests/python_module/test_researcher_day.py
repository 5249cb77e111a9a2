"""A researcher's everyday tasks, as a notebook would run them, each result checked against the
raw JSON read without iptkit: filter by problem area, edit and write back, group by arm and site,
look at the findings, plot."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

import iptkit
from conftest import COHORT

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def raw() -> list[dict[str, object]]:
    """The cohort as plain JSON, the independent view every result is checked against."""
    return [json.loads(line) for line in COHORT.read_text(encoding="utf-8").splitlines() if line.strip()]


def _areas(doc: dict[str, object]) -> list[str]:
    formulation = doc.get("formulation") or {}
    assert isinstance(formulation, dict)
    return [f["area"] for f in formulation.get("focus", [])]


def test_filter_by_problem_area(raw: list[dict[str, object]]) -> None:
    cases = iptkit.read_cases(COHORT)
    grief = [c for c in cases if c.formulation and any(f.area == "grief" for f in c.formulation.focus)]
    expected = [d["case_id"] for d in raw if "grief" in _areas(d)]
    assert expected, "the sample cohort has grief cases"
    assert [c.case_id for c in grief] == expected
    # The enum and its spelling are the same filter; a misspelling raises instead of matching nothing.
    assert [c.case_id for c in cases
            if c.formulation and any(f.area == iptkit.ProblemArea.grief for f in c.formulation.focus)] == expected
    with pytest.raises(ValueError, match="greif"):
        iptkit.ProblemArea("greif")


def test_edit_and_write_back(raw: list[dict[str, object]], tmp_path: Path) -> None:
    cases = iptkit.read_cases(COHORT)
    missing_site = [c.case_id for c in cases if c.site is None]
    for c in cases:
        if c.site is None:
            c.site = "site-z"
        c.contract.session_minutes = 45
    path = tmp_path / "edited.jsonl"
    iptkit.write_cases(cases, path)
    back = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [d["case_id"] for d in back] == [d["case_id"] for d in raw]
    for before, after in zip(raw, back):
        assert after["site"] == (before.get("site") or "site-z")
        assert after["contract"]["session_minutes"] == 45  # type: ignore[index]
        # Nothing else changed.
        rest = {k: v for k, v in after.items() if k not in ("site", "contract")}
        assert rest == {k: v for k, v in before.items() if k not in ("site", "contract")}
    assert sum(1 for d in back if d["site"] == "site-z") == len(missing_site)


def test_group_by_arm_and_site(raw: list[dict[str, object]]) -> None:
    cases = iptkit.read_cases(COHORT)
    out = iptkit.outcomes(cases, instruments=["phq9"])
    # Grouping columns come with the outcome rows: no join needed, and they match the documents.
    arm_of = {d["case_id"]: d.get("arm") for d in raw}
    assert all((None if pd.isna(a) else a) == arm_of[i] for i, a in zip(out["case_id"], out["arm"]))
    by_pandas = out.groupby(["arm", "site"], dropna=False)["response"].agg(lambda s: (int(s.sum()), int(s.count())))
    summary = iptkit.summary(cases, by=["arm", "site"])
    phq = summary[summary["instrument"] == "phq9"]
    for (arm, site), (k, n) in by_pandas.items():
        label = f"{'(none)' if pd.isna(arm) else arm} | {'(none)' if pd.isna(site) else site}"
        row = phq[phq["group"] == label].iloc[0]
        assert (row["response_k"], row["response_n"]) == (k, n), label
    assert Counter(zip(phq["arm"], phq["site"])) == Counter(
        ("(none)" if pd.isna(a) else a, "(none)" if pd.isna(s) else s) for a, s in by_pandas.index)
    comparisons = iptkit.comparisons(cases)  # by arm, as summary
    assert set(comparisons["group_a"]) | set(comparisons["group_b"]) == {a for a in arm_of.values() if a}


def test_findings_of_the_cohort(raw: list[dict[str, object]]) -> None:
    cases = iptkit.read_cases(COHORT)
    edited = iptkit.CaseList(cases)
    # Two sessions on one day give the case a finding; the frame must name that case.
    target = edited[5]
    sessions = target.sessions  # a copy: edit it, then set it back
    sessions[1].date = sessions[0].date
    target.sessions = sessions
    results = iptkit.validate(edited)
    frame = results.to_frame()
    assert set(frame["case_id"]) <= {d["case_id"] for d in raw}
    assert (frame["case_id"] == [edited[i].case_id for i in frame["case_index"]]).all()
    assert target.case_id in set(frame["case_id"])
    with pytest.raises(ValueError):
        iptkit.findings_frame(results, list(reversed(edited)))


def test_plot_by_arm(raw: list[dict[str, object]]) -> None:
    import matplotlib.pyplot as plt

    from iptkit import plot

    cases = iptkit.read_cases(COHORT)
    ax = plot.trajectory(cases, "phq9", by="arm")
    labels = {t.get_text() for t in ax.get_legend().get_texts()}
    arms = {str(d["arm"]) for d in raw if d.get("arm")}
    assert all(any(label.startswith(a) for label in labels) for a in arms)
    plt.close(ax.figure)
