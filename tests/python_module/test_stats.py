"""iptkit.stats against independent implementations: statsmodels (SurvfuncRight, survdiff, PHReg
with both ties methods, OLS) on generated data with ties and censoring, to 1e-6; the ICC against a
hand computation in numpy; the worked examples of docs/trials.md; bad input."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats as sps
from statsmodels.duration.hazard_regression import PHReg
from statsmodels.duration.survfunc import SurvfuncRight, survdiff

import iptkit
from iptkit import stats

Z95 = 1.959963984540054
TOL: dict[str, Any] = {"rtol": 1e-6, "atol": 1e-8}


def survival_data(seed: int, n: int = 90, groups: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Integer times (many ties, events tied with censorings), about a third censored, and a
    covariate that matters."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, groups, n)
    age = rng.normal(0, 1, n)
    hazard = np.exp(0.5 * group + 0.4 * age)
    event_time = rng.exponential(10 / hazard)
    censor_time = rng.uniform(2, 30, n)
    time = np.ceil(np.minimum(event_time, censor_time))
    event = (event_time <= censor_time).astype(int)
    return time, event, group, age


SEEDS = [1, 2, 3, 4]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("groups", [2, 3])
def test_kaplan_meier_matches_survfuncright(seed: int, groups: int) -> None:
    time, event, group, _ = survival_data(seed, groups=groups)
    labels = np.array(["ab"[0] + str(g) for g in group])
    km = stats.kaplan_meier(pd.Series(time), event.tolist(), labels)
    assert list(km.table.columns) == ["group", "time", "at_risk", "events", "censored", "survival", "std_err",
                                      "lower", "upper"]
    assert list(km.median.columns) == ["group", "median", "lower", "upper"]
    for name in sorted(set(labels)):
        mine = km.table[km.table.group == name]
        sel = labels == name
        t, e = time[sel], event[sel]
        sf = SurvfuncRight(t, e)
        at_events = mine[mine.events > 0]
        np.testing.assert_allclose(at_events.time, sf.surv_times, **TOL)
        np.testing.assert_allclose(at_events.survival, sf.surv_prob, **TOL)
        np.testing.assert_allclose(at_events.std_err, sf.surv_prob_se, **TOL)  # NaN where statsmodels has NaN
        np.testing.assert_array_equal(at_events.at_risk, sf.n_risk)
        np.testing.assert_array_equal(at_events.events, sf.n_events)
        # Every distinct time, with its censorings, at risk counted before it.
        np.testing.assert_array_equal(mine.time, np.unique(t))
        np.testing.assert_array_equal(mine.censored, [np.sum((t == u) & (e == 0)) for u in np.unique(t)])
        np.testing.assert_array_equal(mine.at_risk, [np.sum(t >= u) for u in np.unique(t)])
        # The log-log interval from statsmodels' own standard error.
        s, se = sf.surv_prob, sf.surv_prob_se
        with np.errstate(divide="ignore", invalid="ignore"):
            w = Z95 * se / (s * np.abs(np.log(s)))
            np.testing.assert_allclose(at_events.lower, s ** np.exp(w), **TOL)
            np.testing.assert_allclose(at_events.upper, s ** np.exp(-w), **TOL)
        row = km.median[km.median.group == name].iloc[0]
        np.testing.assert_allclose(row["median"], sf.quantile(0.5), **TOL)
        with np.errstate(divide="ignore", invalid="ignore"):  # statsmodels' log(0) where S reaches 0
            lb, ub = sf.quantile_ci(0.5)  # Brookmeyer-Crowley, cloglog: statsmodels' default
        np.testing.assert_allclose(row["lower"], lb, **TOL)
        np.testing.assert_allclose(row["upper"], np.nan if np.isinf(ub) else ub, **TOL)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("groups", [2, 3])
def test_logrank_matches_survdiff(seed: int, groups: int) -> None:
    time, event, group, _ = survival_data(seed, groups=groups)
    test = stats.logrank(time, event, group)
    chisq, p = survdiff(time, event, group)
    np.testing.assert_allclose(test.statistic, chisq, **TOL)
    np.testing.assert_allclose(test.pvalue, p, rtol=1e-6, atol=1e-12)
    assert test.df == groups - 1
    # Observed and expected by hand: O_g = events, E_g = sum over times of n_g d / n.
    for g in range(groups):
        expected = sum(np.sum((time >= u) & (group == g)) * np.sum((time == u) & (event == 1)) / np.sum(time >= u)
                       for u in np.unique(time))
        np.testing.assert_allclose(test.expected[str(g)], expected, **TOL)
        assert test.observed[str(g)] == np.sum(event[group == g])


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("ties", ["efron", "breslow"])
def test_cox_matches_phreg(seed: int, ties: str) -> None:
    time, event, group, age = survival_data(seed, n=120, groups=3)
    x = pd.DataFrame({"arm1": (group == 1).astype(float), "arm2": (group == 2).astype(float), "age": age})
    fit = stats.cox(time, event, x, ties=ties)  # type: ignore[arg-type]
    model = PHReg(time, x.to_numpy(), status=event, ties=ties)
    ref = model.fit()
    assert list(fit.table.columns) == ["coef", "se", "hazard_ratio", "lower", "upper", "z", "pvalue"]
    assert list(fit.table.index) == ["arm1", "arm2", "age"]
    np.testing.assert_allclose(fit.table.coef, ref.params, **TOL)
    np.testing.assert_allclose(fit.table.se, ref.bse, **TOL)
    np.testing.assert_allclose(fit.table.hazard_ratio, np.exp(ref.params), **TOL)
    np.testing.assert_allclose(fit.table.lower, np.exp(ref.params - Z95 * ref.bse), **TOL)
    np.testing.assert_allclose(fit.table.upper, np.exp(ref.params + Z95 * ref.bse), **TOL)
    np.testing.assert_allclose(fit.table.z, ref.tvalues, **TOL)
    np.testing.assert_allclose(fit.table.pvalue, ref.pvalues, rtol=1e-6, atol=1e-12)
    np.testing.assert_allclose(fit.loglik, ref.llf, **TOL)
    null = model.loglike(np.zeros(3))
    np.testing.assert_allclose(fit.null_loglik, null, **TOL)
    np.testing.assert_allclose(fit.lr_statistic, 2 * (ref.llf - null), **TOL)
    np.testing.assert_allclose(fit.lr_pvalue, sps.chi2.sf(2 * (ref.llf - null), 3), rtol=1e-6, atol=1e-12)
    wald = ref.params @ np.linalg.solve(ref.cov_params(), ref.params)
    np.testing.assert_allclose(fit.wald_statistic, wald, **TOL)
    assert fit.lr_df == 3


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("arms", [2, 3])
def test_ancova_matches_ols(seed: int, arms: int) -> None:
    rng = np.random.default_rng(seed)
    n = 80
    arm = rng.choice(["control", "ipt", "ipt-group"][:arms], n)
    stratum = rng.choice(["site A", "site B", "site C"], n)
    baseline = rng.integers(10, 27, n).astype(float)
    endpoint = 5 + 0.6 * baseline - 3 * (arm != "control") + (stratum == "site B") + rng.normal(0, 3, n)
    endpoint[[3, 17]] = np.nan  # missing endpoints are left out
    for with_strata in (False, True):
        fit = stats.ancova(endpoint, arm, baseline, stratum if with_strata else None)
        keep = ~np.isnan(endpoint)
        levels = sorted(set(arm))
        columns = [np.ones(n)] + [(arm == a).astype(float) for a in levels[1:]] + [baseline]
        if with_strata:
            columns += [(stratum == s).astype(float) for s in sorted(set(stratum))[1:]]
        ref = sm.OLS(endpoint[keep], np.column_stack(columns)[keep]).fit()
        k = len(levels) - 1
        np.testing.assert_allclose(fit.table.estimate, ref.params[1:1 + k], **TOL)
        np.testing.assert_allclose(fit.table.se, ref.bse[1:1 + k], **TOL)
        ci = ref.conf_int(0.05)[1:1 + k]
        np.testing.assert_allclose(fit.table.lower, ci[:, 0], **TOL)
        np.testing.assert_allclose(fit.table.upper, ci[:, 1], **TOL)
        np.testing.assert_allclose(fit.table.t, ref.tvalues[1:1 + k], **TOL)
        np.testing.assert_allclose(fit.table.pvalue, ref.pvalues[1:1 + k], rtol=1e-6, atol=1e-12)
        np.testing.assert_allclose(fit.baseline_slope, ref.params[1 + k], **TOL)
        np.testing.assert_allclose(fit.residual_sd, np.sqrt(ref.scale), **TOL)
        assert fit.df == ref.df_resid
        assert (fit.n, fit.excluded, fit.reference) == (n - 2, 2, "control")
        assert list(fit.table.index) == levels[1:]


def test_ancova_reference_and_labels() -> None:
    rng = np.random.default_rng(9)
    arm = rng.integers(1, 3, 40)  # numbers as labels: "1", "2"
    baseline = rng.normal(15, 3, 40)
    endpoint = baseline + 2 * (arm == 2) + rng.normal(0, 1, 40)
    a = stats.ancova(endpoint, arm, baseline)
    b = stats.ancova(endpoint, arm.astype(float), baseline, reference=2.0)
    assert a.reference == "1" and b.reference == "2"
    np.testing.assert_allclose(a.table.loc["2", "estimate"], -b.table.loc["1", "estimate"], rtol=1e-9)


def icc_by_hand(values: np.ndarray, cluster: np.ndarray) -> tuple[float, float, float, float]:
    """ICC(1), its F interval and n0 with numpy alone (Shrout and Fleiss 1979; n0 as Donner and Klar)."""
    names = np.unique(cluster)
    k, n = len(names), len(values)
    sizes = np.array([np.sum(cluster == c) for c in names])
    means = np.array([values[cluster == c].mean() for c in names])
    msb = np.sum(sizes * (means - values.mean()) ** 2) / (k - 1)
    msw = sum(np.sum((values[cluster == c] - m) ** 2) for c, m in zip(names, means)) / (n - k)
    n0 = (n - np.sum(sizes ** 2) / n) / (k - 1)
    f = msb / msw
    fl = f / sps.f.ppf(0.975, k - 1, n - k)
    fu = f * sps.f.ppf(0.975, n - k, k - 1)
    return (msb - msw) / (msb + (n0 - 1) * msw), (fl - 1) / (fl + n0 - 1), (fu - 1) / (fu + n0 - 1), n0


@pytest.mark.parametrize("seed", SEEDS)
def test_icc_matches_numpy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    sizes = rng.integers(2, 9, 12)  # unequal cluster sizes
    cluster = np.repeat([f"therapist {i}" for i in range(12)], sizes)
    values = np.repeat(rng.normal(0, 1.5, 12), sizes) + rng.normal(0, 3, len(cluster))
    fit = stats.icc(values, cluster)
    value, lower, upper, n0 = icc_by_hand(values, cluster)
    np.testing.assert_allclose([fit.icc, fit.lower, fit.upper, fit.n0], [value, lower, upper, n0], **TOL)
    m = len(values) / 12
    np.testing.assert_allclose(fit.design_effect, 1 + (m - 1) * max(value, 0.0), **TOL)
    assert (fit.n, fit.clusters) == (len(values), 12)


def test_icc_with_arms_inflates_the_standard_error() -> None:
    rng = np.random.default_rng(5)
    sizes = rng.integers(3, 7, 10)
    cluster = np.repeat(np.arange(10), sizes)
    arm = np.where(cluster < 5, "control", "ipt")
    values = np.repeat(rng.normal(0, 2, 10), sizes) + rng.normal(0, 3, len(cluster)) - 2 * (arm == "ipt")
    fit = stats.icc(values, cluster, arm)
    # By hand: one-way ANOVA about each arm's mean, df clusters - arms.
    centred = values - np.where(arm == "ipt", values[arm == "ipt"].mean(), values[arm == "control"].mean())
    sizes_ = np.array([np.sum(cluster == c) for c in range(10)])
    means = np.array([centred[cluster == c].mean() for c in range(10)])
    msb = np.sum(sizes_ * means ** 2) / 8
    msw = sum(np.sum((centred[cluster == c] - means[c]) ** 2) for c in range(10)) / (len(values) - 10)
    n_arm = np.where(np.arange(10) < 5, np.sum(arm == "control"), np.sum(arm == "ipt"))
    n0 = (len(values) - np.sum(sizes_ ** 2 / n_arm)) / 8
    value = (msb - msw) / (msb + (n0 - 1) * msw)
    np.testing.assert_allclose(fit.icc, value, **TOL)
    row = fit.comparisons.loc["ipt"]
    a, c = values[arm == "ipt"], values[arm == "control"]
    se = np.sqrt(a.var(ddof=1) / len(a) + c.var(ddof=1) / len(c))
    deff = 1 + (len(values) / 10 - 1) * max(value, 0.0)
    np.testing.assert_allclose([row.difference, row.se, row.se_adjusted], [a.mean() - c.mean(), se, se * np.sqrt(deff)],
                               **TOL)
    q = sps.t.ppf(0.975, 8)
    np.testing.assert_allclose([row.lower, row.upper], [a.mean() - c.mean() - q * se * np.sqrt(deff),
                                                        a.mean() - c.mean() + q * se * np.sqrt(deff)], **TOL)


def test_negative_icc_is_reported_as_is() -> None:
    # Clusters with identical means but spread within: MSB < MSW.
    values = np.array([0.0, 10, 0, 10, 0, 10, 1, 9])
    cluster = np.repeat(["a", "b", "c", "d"], 2)
    fit = stats.icc(values, cluster)
    assert fit.icc < 0
    assert fit.design_effect == 1.0


def test_icc_without_within_cluster_variation() -> None:
    fit = stats.icc([1.0, 1.0, 2.0, 2.0, np.nan], ["a", "a", "b", "b", "b"])
    assert (fit.icc, fit.lower, fit.upper, fit.design_effect) == (1, 1, 1, 2)  # documented: MSW 0
    assert (fit.n, fit.excluded) == (4, 1)
    same = stats.icc([3.0, 3.0, 3.0, 3.0], ["a", "a", "b", "b"])
    assert np.isnan(same.icc) and np.isnan(same.f_statistic) and same.design_effect == 1  # nothing varies


# docs/trials.md "Worked example": the numbers printed there.
EXAMPLE_TIME = [2, 3, 3, 5, 6, 8, 8, 9]
EXAMPLE_EVENT = [1, 1, 0, 1, 0, 1, 1, 0]
EXAMPLE_ARM = ["IPT", "control", "IPT", "control", "IPT", "control", "control", "IPT"]


def test_worked_example_of_the_docs() -> None:
    km = stats.kaplan_meier(EXAMPLE_TIME, EXAMPLE_EVENT)
    row = km.table.set_index("time").loc[8]
    assert (row.at_risk, row.events, row.censored) == (3, 2, 0)
    assert row.survival == pytest.approx(0.2)
    assert row.std_err == pytest.approx(0.174165, abs=5e-7)
    assert (row.lower, row.upper) == (pytest.approx(0.0096, abs=5e-5), pytest.approx(0.5727, abs=5e-5))
    assert km.median.loc[0, "median"] == 8
    assert km.median.loc[0, "lower"] == 2 and np.isnan(km.median.loc[0, "upper"])  # not reached
    lr = stats.logrank(EXAMPLE_TIME, EXAMPLE_EVENT, EXAMPLE_ARM)
    assert lr.observed.to_dict() == {"IPT": 1, "control": 4}
    assert (lr.expected["IPT"], lr.statistic, lr.pvalue) == (pytest.approx(1.9952, abs=5e-5),
                                                             pytest.approx(1.0349, abs=5e-5),
                                                             pytest.approx(0.3090, abs=5e-5))
    fit = stats.cox(EXAMPLE_TIME, EXAMPLE_EVENT, {"IPT": [a == "IPT" for a in EXAMPLE_ARM]})
    assert fit.table.loc["IPT", "hazard_ratio"] == pytest.approx(0.3232, abs=5e-5)
    assert fit.lr_statistic == pytest.approx(1.2213, abs=5e-5)


def test_worked_ancova_and_icc_of_the_docs() -> None:
    arm = ["control"] * 4 + ["IPT"] * 4
    fit = stats.ancova([14, 17, 20, 15, 10, 14, 12, 13], arm, [18, 22, 25, 20, 19, 24, 21, 23], reference="control")
    row = fit.table.loc["IPT"]
    assert (row.estimate, row.se, row.lower, row.upper) == (pytest.approx(-4.6687, abs=5e-5),
                                                            pytest.approx(0.2569, abs=5e-5),
                                                            pytest.approx(-5.3291, abs=5e-5),
                                                            pytest.approx(-4.0083, abs=5e-5))
    assert fit.baseline_slope == pytest.approx(0.8373, abs=5e-5) and fit.df == 5
    c = stats.icc([0.5, 1.5, 2.5, 3.5, 7, 9], ["T1", "T1", "T2", "T2", "T3", "T3"])
    assert (c.ms_between, c.ms_within, c.n0, c.f_statistic) == (26, 1, 2, 26)
    assert (c.icc, c.lower, c.upper, c.design_effect) == (pytest.approx(25 / 27), pytest.approx(0.2368, abs=5e-5),
                                                          pytest.approx(0.9980, abs=5e-5), pytest.approx(1 + 25 / 27))


def test_repr_is_one_line() -> None:
    time, event, group, age = survival_data(1)
    for r in (stats.kaplan_meier(time, event, group), stats.logrank(time, event, group),
              stats.cox(time, event, {"arm": group}), stats.icc(age, group)):
        assert "\n" not in repr(r) and len(repr(r)) < 600


def test_iptkit_exposes_stats() -> None:
    assert iptkit.stats.kaplan_meier is stats.kaplan_meier
    assert "stats" in dir(iptkit)


# Bad input: a clear message, never a NaN without a reason.

def test_negative_time_is_refused() -> None:
    with pytest.raises(ValueError, match=r"iptkit.stats.kaplan_meier: time\[1\] is -2: times must be finite and >= 0"):
        stats.kaplan_meier([1, -2, 3], [1, 0, 1])
    with pytest.raises(ValueError, match=r"time\[0\] is nan"):
        stats.logrank([np.nan, 2, 3], [1, 0, 1], ["a", "b", "b"])


def test_events_must_be_zero_or_one() -> None:
    with pytest.raises(ValueError, match=r"event\[2\] is 2: events must be 0 \(censored\) or 1 \(event\)"):
        stats.kaplan_meier([1, 2, 3], [1, 0, 2])
    with pytest.raises(ValueError, match=r"event\[0\] is 0.5"):
        stats.cox([1, 2, 3], [0.5, 0, 1], {"x": [1, 2, 3]})
    ok = stats.kaplan_meier([1, 2, 3], np.array([True, False, True]))
    assert ok.table.events.sum() == 2


def test_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="event has 2 values but time has 3: expected one per subject"):
        stats.kaplan_meier([1, 2, 3], [1, 0])
    with pytest.raises(ValueError, match="group has 2 values but time has 3"):
        stats.logrank([1, 2, 3], [1, 0, 1], ["a", "b"])
    with pytest.raises(ValueError, match="arm has 2 values but endpoint has 3"):
        stats.ancova([1, 2, 3], ["a", "b"], [1, 2, 3])
    with pytest.raises(ValueError, match="expected 3 rows x 1 columns"):
        stats.cox([1, 2, 3], [1, 0, 1], {"x": [1.0, 2.0]})


def test_a_group_without_events() -> None:
    time = [1, 2, 3, 4, 5, 6, 7, 8]
    event = [1, 1, 1, 1, 0, 0, 0, 0]
    arm = ["a"] * 4 + ["b"] * 4
    km = stats.kaplan_meier(time, event, arm)
    b = km.median.set_index("group").loc["b"]
    assert np.isnan(b["median"])  # documented: not reached
    assert (km.table[km.table.group == "b"].survival == 1).all()
    assert stats.logrank(time, event, arm).observed["b"] == 0
    with pytest.raises(ValueError, match=r"separation \(monotone likelihood\): the coefficient of b diverges"):
        stats.cox(time, event, {"b": [g == "b" for g in arm]})


def test_wrong_types_say_so_briefly() -> None:
    with pytest.raises(TypeError, match=r"iptkit.stats.kaplan_meier: time: expected numbers .* found str"):
        stats.kaplan_meier("1 2 3", [1, 0, 1])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="holding values that are not numbers"):
        stats.kaplan_meier(["a", "b"], [1, 0])
    with pytest.raises(TypeError, match="group: expected one label per subject"):
        stats.logrank([1, 2], [1, 0], "ab")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ties is 'exact': expected 'efron' or 'breslow'"):
        stats.cox([1, 2], [1, 0], {"x": [0, 1]}, ties="exact")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"group\[1\] is missing"):
        stats.logrank([1, 2, 3], [1, 0, 1], ["a", None, "b"])


def test_other_refusals() -> None:
    with pytest.raises(ValueError, match="expected at least 2 groups"):
        stats.logrank([1, 2, 3], [1, 0, 1], ["a", "a", "a"])
    with pytest.raises(ValueError, match="no events in any group"):
        stats.logrank([1, 2, 3], [0, 0, 0], ["a", "b", "a"])
    with pytest.raises(ValueError, match="covariate x is constant"):
        stats.cox([1, 2, 3], [1, 0, 1], {"x": [1, 1, 1]})
    with pytest.raises(ValueError, match="cluster t1 is in arms a and b"):
        stats.icc([1, 2, 3, 4], ["t1", "t1", "t2", "t2"], ["a", "b", "b", "b"])
    with pytest.raises(ValueError, match="reference arm z has no complete rows"):
        stats.ancova([1, 2, 3, 4, 5], ["a", "b", "a", "b", "a"], [1, 3, 2, 5, 4], reference="z")
