"""Analysis sets, synthetic trials and time to relapse in Python: iptkit.summary(analysis_set=...)
states its set and counts ITT denominators as documented (checked against counts made here from
iptkit.outcomes), iptkit.analysis_population says why each case is out, and
iptkit.relapse_survival matches statsmodels' SurvfuncRight and survdiff on the cases at risk."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from statsmodels.duration.survfunc import SurvfuncRight, survdiff  # noqa: E402

import iptkit  # noqa: E402
import iptkit.plot  # noqa: E402

TOL = dict(rtol=1e-9, atol=1e-9)


@pytest.fixture(scope="module")
def trial() -> iptkit.CaseList:
    return iptkit.synthesize(1200, seed=19, trial=True)


def test_synthesize_trial_gives_trial_records(trial: iptkit.CaseList) -> None:
    assert all(c.trial is not None for c in trial)
    assert any(c.trial.randomised_on is None for c in trial)  # screening failures
    assert any(c.group_id is not None for c in trial)
    assert all(c.trial is None for c in iptkit.synthesize(20))
    o = iptkit.SynthOptions(cases=30, trial=iptkit.SynthTrial(screen_failure_rate=0.0))
    assert all(c.trial.randomised_on is not None for c in iptkit.synthesize(options=o))
    with pytest.raises(ValueError, match="trial"):
        iptkit.synthesize(10, options=o)
    with pytest.raises(TypeError, match="True or False"):
        iptkit.synthesize(10, trial="yes")  # type: ignore[arg-type]


def test_consort_of_a_synthetic_trial_matches_counts_made_here(trial: iptkit.CaseList) -> None:
    flow = iptkit.consort(trial).flow
    randomised = [c for c in trial if c.trial.randomised_on is not None]
    assert flow.assessed.n == len(trial)
    assert flow.randomised.n == len(randomised)
    assert flow.not_eligible.n == sum(1 for c in trial if c.trial.randomised_on is None and not c.trial.eligible)
    for arm in flow.arms:
        mine = [c for c in randomised if c.trial.allocation == arm.arm]
        assert arm.allocated.n == len(mine)
        assert arm.lost_to_follow_up.n == sum(1 for c in mine if c.discontinuation is not None
                                              and c.discontinuation.reason == "lost_to_follow_up")


def test_itt_summary_counts_missing_endpoints_as_non_response(trial: iptkit.CaseList) -> None:
    rows = iptkit.outcomes(trial)
    allocation = {c.case_id: c.trial.allocation for c in trial if c.trial.randomised_on is not None}
    rows = rows[rows.case_id.isin(list(allocation))]
    rows = rows.assign(arm=rows.case_id.map(allocation))
    counted = rows[(rows.instrument == "phq9") | rows.instrument.isna() | (rows.instrument == "")]
    for missing in ("non_response", "left_out"):
        s = iptkit.summary(trial, by="arm", analysis_set="itt", missing=missing)
        assert set(s.analysis_set) == {"itt"} and set(s.missing_endpoints) == {missing}
        for _, g in s[s.instrument == "phq9"].iterrows():
            mine = counted[counted.arm == g.group]
            observed = mine.response.notna()
            assert g.response_k == int(mine.response[observed].astype(bool).sum())
            expected_n = len(mine) if missing == "non_response" else int(observed.sum())
            assert g.response_n == expected_n, (missing, g.group)
    summary = iptkit.cohort_summary(trial, analysis_set="itt")
    assert summary.analysis_set == "itt" and any("intention to treat" in n for n in summary.notes)
    assert set(iptkit.comparisons(trial, analysis_set="per_protocol").analysis_set) == {"per_protocol"}


def test_analysis_population_says_why(trial: iptkit.CaseList) -> None:
    p = iptkit.analysis_population(trial, "per_protocol")
    assert list(p.columns) == ["case_id", "in_set", "arm", "excluded_because"]
    assert len(p) == len(trial)
    reasons = set(p.excluded_because[~p.in_set])
    assert "not randomised" in reasons and "discontinued" in reasons
    assert (p.excluded_because[p.in_set] == "").all()
    with pytest.raises(ValueError, match="none of the .* was randomised"):
        iptkit.analysis_population(iptkit.synthesize(10), "itt")
    with pytest.raises(ValueError):
        iptkit.summary(trial, analysis_set="everyone")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="applies to analysis_set='itt' only"):
        iptkit.summary(trial, analysis_set="completers", missing="left_out")
    strict = iptkit.summary(trial, by="arm", analysis_set="itt", missing="discontinued_non_response")
    plain = iptkit.summary(trial, by="arm", analysis_set="itt")
    assert (strict.response_n == plain.response_n).all() and (strict.response_k <= plain.response_k).all()
    assert any("last observation carried forward" in n for n in iptkit.cohort_summary(trial).notes)
    with pytest.raises(ValueError, match="Cohort's columns"):
        iptkit.Cohort.from_tables(iptkit.tables(trial, complete=True)).summary(analysis_set="itt")


def test_consort_per_protocol_counts_the_excluded_by_reason(trial: iptkit.CaseList) -> None:
    c = iptkit.consort(trial, analysis_set="per_protocol")
    assert c.flow.analysis_set == "per_protocol"
    pop = iptkit.analysis_population(trial, "per_protocol")
    for arm in c.flow.arms:
        assert arm.analysed.n == int((pop.in_set & (pop.arm == arm.arm)).sum())
        assert sum(r.patients.n for r in arm.excluded_reasons) == arm.excluded_from_analysis.n
    reasons = c.table[c.table.box == "excluded_reason"]
    assert len(reasons) > 0 and "Excluded from analysis" in c.svg()
    with pytest.raises(ValueError, match="completers"):
        iptkit.consort(trial, analysis_set="completers")


def test_html_report_in_an_analysis_set(trial: iptkit.CaseList) -> None:
    page = iptkit.html_report(trial, analysis_set="per_protocol")
    size = int(iptkit.analysis_population(trial, "per_protocol").in_set.sum())
    assert f"analysis set per_protocol: {size} in" in page
    assert "Analysed: per protocol" in page
    assert "left out of the denominator" in iptkit.html_report(trial, analysis_set="itt", missing="left_out")
    with pytest.raises(ValueError, match="itt"):
        iptkit.html_report(trial, analysis_set="completers", missing="left_out")


def maintenance_trial() -> iptkit.CaseList:
    arms = [iptkit.SynthArm(id=a, adaptations=[iptkit.SynthShare(id="ipt")], maintenance=True) for a in ("a", "b")]
    o = iptkit.SynthOptions(cases=2500, seed=47, arms=arms, maintenance_share=0.8, trial=iptkit.SynthTrial())
    return iptkit.synthesize(options=o)


def test_relapse_survival_matches_statsmodels() -> None:
    cases = maintenance_trial()
    fit = iptkit.relapse_survival(cases, analysis_set="itt")
    s = fit.subjects
    assert list(s.columns) == ["case_id", "group", "days", "event", "kind"]
    assert int(s.event.sum()) > 20 and set(s.group) == {"a", "b"}
    # The cases at risk: from the outcome rows, independently.
    rows = iptkit.outcomes(cases)
    at_risk = rows[rows.relapse_days.notna()]
    randomised = {c.case_id for c in cases if c.trial.randomised_on is not None}
    at_risk = at_risk[at_risk.case_id.isin(list(randomised))]
    assert sorted(s.case_id) == sorted(at_risk.case_id)
    for name in ("a", "b"):
        mine = s[s.group == name]
        sf = SurvfuncRight(mine.days.to_numpy(), mine.event.to_numpy())
        table = fit.table[(fit.table.group == name) & (fit.table.events > 0)]
        np.testing.assert_allclose(table.survival, sf.surv_prob, **TOL)
        np.testing.assert_allclose(table.std_err, sf.surv_prob_se, **TOL)
    chi2, p = survdiff(s.days.to_numpy(), s.event.to_numpy(), s.group.astype(str).to_numpy())
    assert fit.logrank is not None
    np.testing.assert_allclose(fit.logrank.statistic, chi2, **TOL)
    np.testing.assert_allclose(fit.logrank.pvalue, p, **TOL)
    assert fit.analysis_set == "itt" and "Analysis set itt" in fit.notes[0]
    assert list(fit.median.columns) == ["group", "median", "lower", "upper"]
    assert "RelapseSurvival" in repr(fit)


def test_relapse_survival_plot_draws_a_curve_per_group() -> None:
    fit = iptkit.relapse_survival(maintenance_trial(), analysis_set="itt")
    ax = fit.plot()
    curves = [line for line in ax.get_lines() if str(line.get_gid()).startswith("curve:")]
    assert sorted(line.get_gid() for line in curves) == ["curve:a", "curve:b"]
    at_risk = [t for t in ax.texts if str(t.get_gid()).startswith("at_risk:")]
    assert at_risk and "log-rank" in ax.get_title()
    empty = iptkit.relapse_survival(iptkit.synthesize(20, seed=3), by=None)
    if len(empty.subjects) == 0:
        with pytest.raises(ValueError, match="no subjects at risk"):
            iptkit.plot.survival(empty)
    assert isinstance(iptkit.plot.survival(iptkit.stats.kaplan_meier([1, 2, 3], [1, 0, 1])), matplotlib.axes.Axes)
