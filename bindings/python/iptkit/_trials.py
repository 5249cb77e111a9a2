"""The CONSORT flow of a trial's case records (docs/trials.md): the typed flow, a tidy table of its
boxes, and the CONSORT 2010 flow diagram for a notebook."""

from __future__ import annotations

import html as _html
from typing import Any

import pandas as _pd

from . import _core

# The boxes of one arm, in the diagram's order: (stage, box).
_ARM_BOXES = (("allocation", "allocated"), ("allocation", "received_allocated"), ("allocation", "did_not_receive"),
              ("follow_up", "lost_to_follow_up"), ("follow_up", "discontinued"),
              ("analysis", "analysed"), ("analysis", "excluded_from_analysis"))


class Consort:
    """The CONSORT 2010 flow of a trial. ``flow`` is the typed :class:`ConsortFlow`; ``table`` has
    one row per box (``stage, arm, box, reason, n, case_ids``), reasons as rows of their own
    (``box`` ``exclusion_reason``, ``discontinued_reason`` or ``excluded_reason``: patients per
    reason, so they can add up to more than the box they explain; ``discontinued_reason`` rows
    include ``lost_to_follow_up``, which is also a box of its own, so they add up to
    ``discontinued`` + ``lost_to_follow_up``); ``notes`` lists the records placed by assumption;
    ``svg()`` draws the CONSORT 2010 flow diagram, which a notebook shows above the table."""

    def __init__(self, flow: _core.ConsortFlow) -> None:
        self.flow = flow

    @property
    def notes(self) -> list[str]:
        return list(self.flow.notes)

    @property
    def table(self) -> _pd.DataFrame:
        f = self.flow
        rows: list[tuple[str, str | None, str, str | None, int, list[str]]] = []

        def box(stage: str, arm: str | None, name: str, b: _core.ConsortBox, reason: str | None = None) -> None:
            rows.append((stage, arm, name, reason, b.n, list(b.case_ids)))

        for name in ("assessed", "excluded", "not_eligible", "declined"):
            box("enrolment", None, name, getattr(f, name))
        for r in f.exclusion_reasons:
            box("enrolment", None, "exclusion_reason", r.patients, r.reason)
        box("enrolment", None, "randomised", f.randomised)
        for a in f.arms:
            for stage, name in _ARM_BOXES:
                box(stage, a.arm, name, getattr(a, name))
                if name == "discontinued":
                    for r in a.discontinued_reasons:
                        box(stage, a.arm, "discontinued_reason", r.patients, r.reason)
                if name == "excluded_from_analysis":
                    for r in a.excluded_reasons:
                        box(stage, a.arm, "excluded_reason", r.patients, r.reason)
        out = _pd.DataFrame(rows, columns=["stage", "arm", "box", "reason", "n", "case_ids"])
        for name in ("stage", "arm", "box", "reason"):
            out[name] = out[name].astype("string")
        out["n"] = out["n"].astype("int64")
        out.attrs["analysis_set"] = f.analysis_set
        return out

    def to_json(self) -> str:
        """The flow as JSON (every box with its case ids), as ``iptkit consort --format json``."""
        return str(self.flow.to_json())

    def svg(self, *, width: int = 640, id: str = "", title: str = "") -> str:
        """The CONSORT 2010 flow diagram as one ``<svg>`` element (``iptkit consort --format svg``):
        ``width`` in px (raised when the arms need more), ``id`` of the element (default
        ``consort``), ``title`` drawn above it and its accessible name."""
        return _core.consort_svg(self.flow, width=width, id=id, title=title)

    def __repr__(self) -> str:
        f = self.flow
        arms = ", ".join(f"{a.arm} {a.allocated.n}" for a in f.arms)
        return (f"<iptkit.Consort: {f.assessed.n} assessed, {f.excluded.n} excluded, {f.randomised.n} randomised"
                f"{' (' + arms + ')' if arms else ''}; analysed: {f.analysis_set}"
                f"{'; ' + str(len(f.notes)) + ' note(s)' if f.notes else ''}>")

    def _repr_html_(self) -> str:
        t = self.table.drop(columns=["case_ids"])
        body = t.to_html(index=False, na_rep="")
        notes = "".join(f"<li>{_html.escape(n)}</li>" for n in self.notes)
        return (f"<div><strong>CONSORT flow</strong> (analysed: {_html.escape(self.flow.analysis_set)})"
                f"{self.svg()}{body}{'<ul>' + notes + '</ul>' if notes else ''}</div>")


class RelapseSurvival:
    """Time to relapse or recurrence in maintenance, per group (docs/trials.md "Time to relapse").

    ``subjects``: one row per case at risk (``case_id, group, days, event, kind``): days from the
    last acute session to the maintenance relapse rule's firing (``event`` 1, ``kind`` relapse,
    recurrence or no_remission) or to the last assessment of its instrument (``event`` 0).
    ``kaplan_meier`` (:class:`iptkit.stats.KaplanMeier`, with ``table`` and ``median`` also here)
    and ``logrank`` (:class:`iptkit.stats.Logrank`, None with one group or no event) are computed
    on them. ``notes`` states the analysis set, who is at risk and the events by kind;
    ``not_at_risk`` counts the cases of the set without a relapse rule or its measures."""

    def __init__(self, values: dict[str, Any]) -> None:
        from . import stats
        self.analysis_set: str = str(values["analysis_set"])
        self.notes: list[str] = list(values["notes"])
        self.not_at_risk: int = int(values["not_at_risk"])
        self.subjects: _pd.DataFrame = _pd.DataFrame({
            "case_id": _pd.Series(values["case_id"], dtype="string"),
            "group": _pd.Series(values["group"], dtype="string"),
            "days": _pd.Series(values["days"], dtype="float64"),
            "event": _pd.Series(values["event"], dtype="int32"),
            "kind": _pd.Series(values["kind"], dtype="string")})
        s = self.subjects
        self.kaplan_meier: stats.KaplanMeier | None = None
        self.logrank: stats.Logrank | None = None
        if len(s):
            self.kaplan_meier = stats.kaplan_meier(s["days"], s["event"], s["group"].astype(str))
            if s["group"].nunique() >= 2 and int(s["event"].sum()) > 0:
                self.logrank = stats.logrank(s["days"], s["event"], s["group"].astype(str))

    @property
    def table(self) -> _pd.DataFrame:
        """The Kaplan-Meier table (``group, time, at_risk, events, censored, survival, std_err,
        lower, upper``); empty without subjects."""
        if self.kaplan_meier is None:
            return _pd.DataFrame(columns=["group", "time", "at_risk", "events", "censored", "survival", "std_err",
                                          "lower", "upper"])
        return self.kaplan_meier.table

    @property
    def median(self) -> _pd.DataFrame:
        """Median days without relapse or recurrence per group (``group, median, lower, upper``);
        NaN where not reached."""
        if self.kaplan_meier is None:
            return _pd.DataFrame(columns=["group", "median", "lower", "upper"])
        return self.kaplan_meier.median

    def plot(self, ax: Any = None) -> Any:
        """The Kaplan-Meier curves (:func:`iptkit.plot.survival`), titled with the analysis set."""
        from . import plot
        return plot.survival(self, ax=ax)

    def __repr__(self) -> str:
        lr = f"; log-rank p={self.logrank.pvalue:.3g}" if self.logrank is not None else ""
        return (f"<iptkit.RelapseSurvival: {len(self.subjects)} at risk, {int(self.subjects['event'].sum())} "
                f"event(s); analysis set {self.analysis_set}{lr}>")
