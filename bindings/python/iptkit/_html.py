"""Notebook views: a case as key facts, findings, its symptom trajectory and closeness circle."""

from __future__ import annotations

from html import escape

from . import _core
from ._core import Attendance, Case, Catalog, CourseProgress, Phase

_RISK_STYLE = "border:2px solid #b00020;padding:4px 8px;margin:4px 0"


def _facts(c: Case) -> list[tuple[str, str]]:
    acute = [s for s in c.sessions if s.phase != Phase.maintenance]
    attended = sum(1 for s in acute if s.attendance == Attendance.attended)
    planned = c.contract.renegotiations[-1].planned_sessions if c.contract.renegotiations \
        else c.contract.planned_sessions
    facts = [("case", c.case_id), ("adaptation", c.adaptation)]
    if c.arm is not None:
        facts.append(("arm", c.arm))
    if c.site is not None:
        facts.append(("site", c.site))
    facts.append(("start", c.contract.start_date.isoformat()))
    facts.append(("acute sessions", f"{attended} attended of {len(acute)} held, {planned} planned"))
    if c.formulation is not None and c.formulation.focus:
        facts.append(("focus", ", ".join(f.area.name.replace("_", " ") for f in c.formulation.focus)))
    if c.formulation is not None and c.formulation.ipaf is not None:
        i = c.formulation.ipaf
        facts.append(("IPAF", f"self: {i.self_representation}; other: {i.other_representation}; affect: {i.affect}"))
    if c.formulation is not None and c.formulation.maladaptive_schema is not None:
        m = c.formulation.maladaptive_schema
        facts.append(("schema", f"wish: {m.wish}; expects: {m.other_response}; self: {m.self_response}"))
    if c.maintenance is not None:
        facts.append(("maintenance", "planned"))
    return facts


def case_html(self: Case, catalog: Catalog | None = None) -> str:
    """The HTML a notebook shows for a case: key facts, findings and figures, judged against
    ``catalog`` (default: the built-ins, which is what a notebook's own display uses; the view
    says so). Call ``iptkit.case_html(case, catalog)`` for a trial's own catalog."""
    facts = "".join(f"<tr><th style='text-align:left'>{escape(k)}</th><td>{escape(v)}</td></tr>"
                    for k, v in _facts(self))
    findings = self.validate(catalog=catalog)
    instruments = list(dict.fromkeys(a.instrument for a in self.assessments))
    figures = [_core.case_trajectory_svg(self, i, id=f"traj-{self.case_id}-{i}", width=480, height=280,
                                         catalog=catalog)
               for i in instruments[:2]]
    if self.inventory is not None and self.inventory.relationships:
        figures.append(_core.closeness_circle_svg(self.inventory, id=f"circle-{self.case_id}", width=320,
                                                  height=320))
    against = "the built-in catalog" if catalog is None else escape(repr(catalog))
    # Open risk alerts before anything else (a reviewed one is no longer an alert).
    alerts = [f for f in findings if f.severity.name == "alert"]
    risk = ("" if not alerts else
            f"<div style='{_RISK_STYLE}'><strong>Risk: review now</strong><ul>"
            + "".join(f"<li>{escape(f.message)}</li>" for f in alerts) + "</ul></div>")
    return (f"<div class='iptkit-case'><h4>Case {escape(self.case_id)}</h4>{risk}"
            f"<p style='font-size:smaller'>Judged against {against}.</p>"
            f"<table>{facts}</table><h5>Findings</h5>{findings._repr_html_()}"
            f"<div style='display:flex;flex-wrap:wrap;gap:8px'>{''.join(figures)}</div></div>")


def _repr_html(self: Case) -> str:
    return case_html(self)


setattr(Case, "_repr_html_", _repr_html)


def _progress_html(self: CourseProgress) -> str:
    """Where a course stands, as a therapist reads it before a session: open risk alerts first."""
    risk = "".join(
        f"<li>{escape(r.instrument)} item {r.item} (self-harm / suicide) is "
        f"{'at least ' if r.from_total else ''}{r.at_least} on {r.date.isoformat()}, not reviewed</li>"
        for r in self.open_risk_alerts)
    parts = [f"<div style='{_RISK_STYLE}'><strong>Risk: review now</strong><ul>{risk}</ul></div>"] if risk else []
    parts.append(f"<p>On {self.as_of.isoformat()}: {self.phase.name} phase, {self.sessions_held} session(s) so far "
                 f"({self.sessions_attended} attended), {self.sessions_remaining} of {self.planned_sessions} "
                 "remaining.</p>")
    if self.next_session is not None and self.next_due is not None:
        parts.append(f"<p>Next: session {self.next_session} due {self.next_due.isoformat()}.</p>")
    if self.tasks_due:
        parts.append("<p>Tasks: " + escape(", ".join(t.name for t in self.tasks_due)) + "</p>")
    if self.overdue:
        parts.append("<ul>" + "".join(f"<li>overdue: {escape(t.task.name)}: {escape(t.reason)}</li>"
                                      for t in self.overdue) + "</ul>")
    if self.latest_measures:
        parts.append("<ul>" + "".join(
            f"<li>latest {escape(m.instrument)}: {m.total}{' (' + escape(m.band) + ')' if m.band else ''} "
            f"on {m.date.isoformat()}</li>" for m in self.latest_measures) + "</ul>")
    return "<div class='iptkit-progress'>" + "".join(parts) + "</div>"


setattr(CourseProgress, "_repr_html_", _progress_html)
