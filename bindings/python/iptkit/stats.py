"""Trial statistics (docs/trials.md): Kaplan-Meier, the log-rank test, the Cox model, ANCOVA and
the intraclass correlation of clustered outcomes. Computed in C++ (include/iptkit/stats); this
module turns numpy arrays, pandas Series and lists into its inputs and its results into small
objects whose tables are pandas DataFrames.

Inputs: times, events and values as numbers (a list, numpy array or pandas Series); events 0/1 or
bool; group, arm, stratum and cluster labels as any hashable values, turned into text as
``summary``'s groups are (``1.0`` -> ``"1"``; a missing label is refused). Bad input raises
ValueError (a wrong kind of argument, TypeError) saying what was expected and what was found.

Undefined values are NaN for a stated reason only: a Kaplan-Meier standard error and interval
once survival reaches 0; a median, or its upper bound, that is not reached.
"""

from __future__ import annotations

from typing import Any, Hashable, Literal, Mapping, Sequence, Union, cast

import numpy as np
import pandas as pd

from . import _core
from ._calls import cut, shown
from ._grouping import MISSING, label

__all__ = ["Ancova", "Cox", "Icc", "KaplanMeier", "Logrank", "ancova", "cox", "icc", "kaplan_meier", "logrank"]

Numbers = Union[Sequence[Any], "np.ndarray[Any, Any]", "pd.Series[Any]"]
"""A column of numbers: a list, a one-dimensional numpy array or a pandas Series."""

Labels = Union[Sequence[Hashable], "np.ndarray[Any, Any]", "pd.Series[Any]"]
"""A column of labels (any hashable values)."""

Covariates = Union["pd.DataFrame", Mapping[str, Numbers], "pd.Series[Any]", "np.ndarray[Any, Any]", Sequence[Any]]
"""Cox covariates: a DataFrame (its column names), a dict of name -> column, a named Series, or a
numpy array (one column ``x``, or n x p columns ``x0``, ``x1`` ...)."""

_SHOWN = 5  # offending elements spelled out in one message


def _fail(what: str, message: str) -> ValueError:
    return ValueError(cut(f"iptkit.stats.{what}: {message}"))


def _numbers(what: str, name: str, values: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
    """``values`` as a float64 array; NaN where pandas has a missing value."""
    if isinstance(values, (str, bytes)) or values is None or (np.ndim(values) == 0 and not isinstance(values, Sequence)):
        raise TypeError(cut(f"iptkit.stats.{what}: {name}: expected numbers (a list, numpy array or pandas "
                            f"Series), found {shown(values)}"))
    array: np.ndarray[Any, np.dtype[np.float64]]
    try:
        if isinstance(values, pd.Series):
            array = values.to_numpy(dtype=np.float64, na_value=np.nan)
        else:
            array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(cut(f"iptkit.stats.{what}: {name}: expected numbers, found {shown(values)} holding "
                            f"values that are not numbers")) from None
    if array.ndim != 1:
        raise _fail(what, f"{name}: expected one dimension, found shape {array.shape}")
    return np.ascontiguousarray(array)


def _events(what: str, values: Any) -> np.ndarray[Any, np.dtype[np.int32]]:
    """Events as int32 0/1; anything else is refused here, where its own value can be quoted."""
    array = _numbers(what, "event", values)
    bad = np.flatnonzero((array != 0) & (array != 1))
    if len(bad):
        parts = [f"event[{i}] is {array[i]:g}: events must be 0 (censored) or 1 (event)" for i in bad[:_SHOWN]]
        if len(bad) > _SHOWN:
            parts.append(f"... and {len(bad) - _SHOWN} more events not 0/1")
        raise _fail(what, "; ".join(parts))
    return array.astype(np.int32)


def _labels(what: str, name: str, values: Any) -> list[str]:
    if isinstance(values, (str, bytes)) or values is None or np.ndim(values) != 1:
        raise TypeError(cut(f"iptkit.stats.{what}: {name}: expected one label per subject (a list, numpy array "
                            f"or pandas Series), found {shown(values)}"))
    out = [label(v) for v in (values.tolist() if isinstance(values, (pd.Series, np.ndarray)) else values)]
    missing = [i for i, v in enumerate(out) if v == MISSING]
    if missing:
        raise _fail(what, f"{name}[{missing[0]}] is missing ({len(missing)} missing in all): expected a label "
                          f"for every subject")
    return out


def _run(what: str, function: Any, *args: Any) -> dict[str, Any]:
    try:
        return cast(dict[str, Any], function(*args))
    except ValueError as e:
        raise _fail(what, str(e).replace(f"iptkit::stats::{what}: ", "", 1)) from None


def _number_text(x: float) -> str:
    return "not reached" if np.isnan(x) else f"{x:g}"


class KaplanMeier:
    """The Kaplan-Meier estimate (Kaplan and Meier 1958) of each group.

    ``table``: one row per group and distinct observed time, columns ``group, time, at_risk,
    events, censored, survival, std_err, lower, upper``: ``at_risk`` just before the time,
    ``survival`` just after it, Greenwood's standard error and the log-log 95% interval (NaN once
    survival is 0: Greenwood's variance is undefined there).
    ``median``: one row per group, columns ``group, median, lower, upper``: the first event time
    at which survival falls below 0.5 and its Brookmeyer-Crowley interval (log-log); NaN where not
    reached (a median or upper bound beyond the data).
    """

    def __init__(self, values: dict[str, Any]) -> None:
        self.n: int = int(values["n"])
        self.table: pd.DataFrame = pd.DataFrame(values["table"])
        m = values["medians"]
        self.median: pd.DataFrame = pd.DataFrame({k: m[k] for k in ("group", "median", "lower", "upper")})
        self.events: dict[str, int] = dict(zip(m["group"], (int(e) for e in m["events"])))

    def __repr__(self) -> str:
        groups = ", ".join(f"{g}: median {_number_text(float(m))} (events {self.events[str(g)]})"
                           for g, m in zip(self.median["group"], self.median["median"]))
        return cut(f"KaplanMeier(n={self.n}; {groups})")


def kaplan_meier(time: Numbers, event: Numbers, group: Labels | None = None) -> KaplanMeier:
    """The Kaplan-Meier estimate with Greenwood standard errors, log-log 95% intervals, numbers at
    risk and medians, of each group (one group ``all`` without ``group``). A group without events
    keeps survival 1 and has no median (NaN)."""
    t = _numbers("kaplan_meier", "time", time)
    e = _events("kaplan_meier", event)
    g = [] if group is None else _labels("kaplan_meier", "group", group)
    return KaplanMeier(_run("kaplan_meier", _core.stats_kaplan_meier, t, e, g))


class Logrank:
    """The log-rank test (Mantel 1966): ``statistic`` chi-square on ``df`` = groups - 1 degrees of
    freedom, ``pvalue``, and per group (Series indexed by the sorted labels) ``observed`` and
    ``expected`` events and ``n`` subjects."""

    def __init__(self, values: dict[str, Any]) -> None:
        groups = pd.Index(values["groups"], name="group")
        self.statistic: float = float(values["statistic"])
        self.df: int = int(values["df"])
        self.pvalue: float = float(values["pvalue"])
        self.observed: pd.Series[float] = pd.Series(values["observed"], index=groups, name="observed", dtype=float)
        self.expected: pd.Series[float] = pd.Series(values["expected"], index=groups, name="expected", dtype=float)
        self.group_n: pd.Series[int] = pd.Series(values["group_n"], index=groups, name="n", dtype=int)
        self.n: int = int(values["n"])

    def __repr__(self) -> str:
        return f"Logrank(chi2={self.statistic:.4g}, df={self.df}, p={self.pvalue:.4g}, n={self.n})"


def logrank(time: Numbers, event: Numbers, group: Labels) -> Logrank:
    """The log-rank test of equal hazards across the groups of ``group`` (two or more)."""
    t = _numbers("logrank", "time", time)
    e = _events("logrank", event)
    return Logrank(_run("logrank", _core.stats_logrank, t, e, _labels("logrank", "group", group)))


def _covariates(x: Any) -> tuple[np.ndarray[Any, np.dtype[np.float64]], list[str]]:
    if isinstance(x, pd.DataFrame):
        names = [str(c) for c in x.columns]
        columns = [_numbers("cox", f"covariates[{n!r}]", x[c]) for n, c in zip(names, x.columns)]
    elif isinstance(x, Mapping):
        names = [str(k) for k in x]
        columns = [_numbers("cox", f"covariates[{n!r}]", v) for n, v in zip(names, x.values())]
    elif isinstance(x, pd.Series):
        names = [str(x.name) if x.name is not None else "x"]
        columns = [_numbers("cox", "covariates", x)]
    else:
        try:
            array = np.asarray(x, dtype=np.float64)
        except (TypeError, ValueError):
            raise TypeError(cut(f"iptkit.stats.cox: covariates: expected a DataFrame, a dict of columns, a Series or "
                                f"a numeric array, found {shown(x)}")) from None
        if array.ndim == 1:
            return np.ascontiguousarray(array.reshape(-1, 1)), ["x"]
        if array.ndim != 2:
            raise _fail("cox", f"covariates: expected 1 or 2 dimensions, found shape {array.shape}")
        return np.ascontiguousarray(array), [f"x{j}" for j in range(array.shape[1])]
    lengths = {len(c) for c in columns}
    if len(lengths) > 1:
        raise _fail("cox", f"covariates: columns of different lengths {sorted(lengths)}: expected one value per subject")
    if not columns:
        raise _fail("cox", "covariates: expected at least one column, found none")
    return np.ascontiguousarray(np.column_stack(columns)), names


class Cox:
    """A Cox proportional hazards fit (Cox 1972) by Newton-Raphson on the partial likelihood.

    ``table``: index the covariate names, columns ``coef, se, hazard_ratio, lower, upper, z,
    pvalue`` (Wald 95% interval and test); ``loglik`` and ``null_loglik`` (all coefficients 0),
    the likelihood-ratio test ``lr_statistic`` / ``lr_df`` / ``lr_pvalue`` and the overall Wald
    test ``wald_statistic`` / ``wald_pvalue``, both against the model without covariates."""

    def __init__(self, values: dict[str, Any], ties: str) -> None:
        t = values["table"]
        self.table: pd.DataFrame = pd.DataFrame(
            {k: t[k] for k in ("coef", "se", "hazard_ratio", "lower", "upper", "z", "pvalue")},
            index=pd.Index(t["name"], name="covariate"))
        self.ties: str = ties
        self.n: int = int(values["n"])
        self.events: int = int(values["events"])
        self.loglik: float = float(values["loglik"])
        self.null_loglik: float = float(values["null_loglik"])
        self.lr_statistic: float = float(values["lr_statistic"])
        self.lr_df: int = int(values["df"])
        self.lr_pvalue: float = float(values["lr_pvalue"])
        self.wald_statistic: float = float(values["wald_statistic"])
        self.wald_pvalue: float = float(values["wald_pvalue"])
        self.iterations: int = int(values["iterations"])

    def __repr__(self) -> str:
        hr = ", ".join(f"{name} HR {r.hazard_ratio:.3g} [{r.lower:.3g}, {r.upper:.3g}]"
                       for name, r in zip(self.table.index, self.table.itertuples()))
        return cut(f"Cox(n={self.n}, events={self.events}, ties={self.ties}; {hr}; LR p={self.lr_pvalue:.4g})")


def cox(time: Numbers, event: Numbers, covariates: Covariates, ties: Literal["efron", "breslow"] = "efron") -> Cox:
    """The Cox proportional hazards model of ``time`` and ``event`` on ``covariates`` (numeric
    columns: code an arm as 0/1), ties by Efron (default) or Breslow.

    Raises ValueError for separation (monotone likelihood: e.g. an arm without events, so that a
    coefficient diverges and no finite estimate exists), naming the covariates concerned, and for
    a fit that does not converge otherwise."""
    if ties not in ("efron", "breslow"):
        raise _fail("cox", f"ties is {ties!r}: expected 'efron' or 'breslow'")
    t = _numbers("cox", "time", time)
    e = _events("cox", event)
    x, names = _covariates(covariates)
    values = _run("cox", _core.stats_cox, t, e, x, names, ties)
    if not values["converged"]:
        if values["separated"]:
            raise _fail("cox", f"separation (monotone likelihood): the coefficient of {', '.join(values['separated'])} "
                               f"diverges (e.g. a group without events), so no finite estimate exists")
        raise _fail("cox", f"the Newton-Raphson fit did not converge in {values['iterations']} iterations")
    return Cox(values, ties)


class Ancova:
    """ANCOVA by ordinary least squares: ``endpoint ~ arm + baseline (+ stratum)``.

    ``table``: index the arms compared with ``reference``, columns ``reference, n, estimate, se,
    lower, upper, t, pvalue`` (the adjusted difference arm - reference, 95% t interval on ``df``
    residual degrees of freedom). ``n`` subjects were used, ``excluded`` left out for a missing
    endpoint or baseline (complete-case analysis)."""

    def __init__(self, values: dict[str, Any]) -> None:
        t = values["differences"]
        self.table: pd.DataFrame = pd.DataFrame(
            {k: t[k] for k in ("reference", "n", "estimate", "se", "lower", "upper", "t", "pvalue")},
            index=pd.Index(t["arm"], name="arm"))
        self.n: int = int(values["n"])
        self.excluded: int = int(values["excluded"])
        self.df: int = int(values["df"])
        self.reference: str = str(values["reference"])
        self.reference_n: int = int(values["reference_n"])
        self.baseline_slope: float = float(values["baseline_slope"])
        self.baseline_se: float = float(values["baseline_se"])
        self.residual_sd: float = float(values["residual_sd"])
        self.strata: list[str] = list(values["strata"])

    def __repr__(self) -> str:
        d = ", ".join(f"{arm} - {self.reference} {r.estimate:.4g} [{r.lower:.4g}, {r.upper:.4g}]"
                      for arm, r in zip(self.table.index, self.table.itertuples()))
        return cut(f"Ancova(n={self.n}, excluded={self.excluded}; {d})")


def ancova(endpoint: Numbers, arm: Labels, baseline: Numbers, stratum: Labels | None = None,
           reference: Hashable | None = None) -> Ancova:
    """The ANCOVA of ``endpoint`` on ``arm`` adjusted for ``baseline`` and, when given,
    ``stratum`` (EMA 2015): each arm's adjusted difference from ``reference`` (default: the first
    arm in sorted order of the labels as text). Rows with a missing (NaN) endpoint or baseline are
    left out and counted."""
    y = _numbers("ancova", "endpoint", endpoint)
    b = _numbers("ancova", "baseline", baseline)
    a = _labels("ancova", "arm", arm)
    s = [] if stratum is None else _labels("ancova", "stratum", stratum)
    ref = None if reference is None else label(reference)
    return Ancova(_run("ancova", _core.stats_ancova, y, a, b, s, ref))


class Icc:
    """ICC(1), the one-way random effects intraclass correlation by the ANOVA estimator.

    ``icc`` = (MSB - MSW) / (MSB + (n0 - 1) MSW), reported as is when negative, with the F-based
    95% interval ``lower``, ``upper`` (n0 the adjusted mean cluster size); ``design_effect`` =
    1 + (m - 1) max(icc, 0), m = ``mean_cluster_size``. With arms: clusters nested in arms, and
    ``comparisons`` (index the arms compared with the reference; columns ``reference, n,
    reference_n, difference, se, se_adjusted, df, lower, upper``), the difference of means with
    its standard error inflated by sqrt(design effect) and a t interval on clusters - arms df."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.n: int = int(values["n"])
        self.excluded: int = int(values["excluded"])
        self.clusters: int = int(values["clusters"])
        self.arms: int = int(values["arms"])
        self.icc: float = float(values["icc"])
        self.lower: float = float(values["lower"])
        self.upper: float = float(values["upper"])
        self.design_effect: float = float(values["design_effect"])
        self.n0: float = float(values["n0"])
        self.mean_cluster_size: float = float(values["mean_cluster_size"])
        self.ms_between: float = float(values["ms_between"])
        self.ms_within: float = float(values["ms_within"])
        self.df_between: float = float(values["df_between"])
        self.df_within: float = float(values["df_within"])
        self.f_statistic: float = float(values["f_statistic"])
        self.f_pvalue: float = float(values["f_pvalue"])
        c = values["differences"]
        self.comparisons: pd.DataFrame = pd.DataFrame(
            {k: c[k] for k in ("reference", "n", "reference_n", "difference", "se", "se_adjusted", "df", "lower",
                               "upper")},
            index=pd.Index(c["arm"], name="arm"))

    def __repr__(self) -> str:
        return (f"Icc(icc={self.icc:.4g} [{self.lower:.4g}, {self.upper:.4g}], design_effect={self.design_effect:.4g}, "
                f"n={self.n}, clusters={self.clusters})")


def icc(values: Numbers, cluster: Labels, arm: Labels | None = None, reference: Hashable | None = None) -> Icc:
    """ICC(1) of ``values`` (e.g. change scores) by ``cluster`` (therapist or group), the design
    effect and, with ``arm``, cluster-adjusted differences of each arm from ``reference``. Missing
    (NaN) values are left out and counted. When every cluster is constant within itself (MSW 0)
    the ICC and both bounds are 1; when every value is equal the ICC is undefined (NaN, F too) and
    the design effect 1."""
    v = _numbers("icc", "values", values)
    c = _labels("icc", "cluster", cluster)
    a = [] if arm is None else _labels("icc", "arm", arm)
    ref = None if reference is None else label(reference)
    return Icc(_run("icc", _core.stats_icc, v, c, a, ref))
