"""Planning and progress from Python."""

from __future__ import annotations

import datetime

import pytest

import iptkit


def test_plan_weekly_ipt() -> None:
    start = datetime.date(2024, 1, 1)
    p = iptkit.plan("ipt", start, planned_sessions=12)
    assert [s.number for s in p] == list(range(1, 13))
    assert [s.date for s in p] == [start + datetime.timedelta(weeks=k) for k in range(12)]
    assert p[0].phase == iptkit.Phase.initial and p[-1].phase == iptkit.Phase.termination
    assert iptkit.Task.interpersonal_inventory in {t for s in p[:3] for t in s.tasks}


def test_plan_options() -> None:
    start = datetime.date(2024, 1, 1)
    skip = [datetime.date(2024, 1, 8)]
    p = iptkit.plan("ipt", start, planned_sessions=12, frequency=iptkit.SessionFrequency.twice_weekly,
                    skip=skip, focus=[iptkit.ProblemArea.grief])
    assert len(p) == 12 and skip[0] not in [s.date for s in p]
    assert iptkit.Task.facilitate_mourning in {t for s in p for t in s.tasks}
    assert iptkit.plan("ipt", "2024-01-01") == iptkit.plan("ipt", start)
    with pytest.raises(iptkit.DecodeError, match="psychoanalysis") as raised:
        iptkit.plan("psychoanalysis", start)
    assert [e.path for e in raised.value.errors] == ["/adaptation"]


def test_plan_refuses_what_it_cannot_plan() -> None:
    start = datetime.date(2026, 1, 5)
    with pytest.raises(iptkit.DecodeError) as raised:
        iptkit.plan("ipt", start, planned_sessions=10_000_000)
    assert [(e.path, e.kind.name) for e in raised.value.errors] == [("/planned_sessions", "out_of_range")]
    with pytest.raises(iptkit.DecodeError) as raised:
        iptkit.plan("ipt", start, focus=[iptkit.ProblemArea.grief, iptkit.ProblemArea.role_dispute,
                                         iptkit.ProblemArea.role_transition])
    assert [e.path for e in raised.value.errors] == ["/focus"]
    with pytest.raises(iptkit.DecodeError) as raised:
        iptkit.plan("ipt", start, focus=[iptkit.ProblemArea.grief] * 2)
    assert [(e.path, e.kind.name) for e in raised.value.errors] == [("/focus/1", "duplicate_id")]


def test_progress(cases: list[iptkit.Case]) -> None:
    c = next(c for c in cases if len(c.sessions) >= 8)
    mid = c.sessions[5].date
    p = iptkit.progress(c, mid)
    assert isinstance(p, iptkit.CourseProgress)
    assert p.as_of == mid and p.sessions_held == sum(1 for s in c.sessions if s.date <= mid)
    assert p.next_session is not None and p.next_session > c.sessions[5].number
    assert p.latest_measures and all(m.date <= mid for m in p.latest_measures)
    end = iptkit.progress(c, c.sessions[-1].date + datetime.timedelta(days=1))
    assert end.sessions_held == len(c.sessions)
    assert iptkit.progress(c, mid, catalog=iptkit.Catalog(protocols=iptkit.ProtocolRegistry.with_builtins(),
                                                          instruments=iptkit.InstrumentRegistry.with_builtins())) == p


def test_progress_shows_open_risk_alerts_first_until_reviewed() -> None:
    from conftest import DATA
    c = iptkit.read_case(DATA / "parenthood-perinatal-alert.json")  # PHQ-9 item 9 = 1 on 2026-02-02
    p = iptkit.progress(c, datetime.date(2026, 2, 9))
    assert [(r.instrument, r.item, r.at_least, r.from_total) for r in p.open_risk_alerts] == [("phq9", 9, 1, False)]
    html = p._repr_html_()
    assert html.index("Risk: review now") < html.index("phase")
    assert "A007" in c.validate().codes()
    c.risk_reviews = [iptkit.RiskReview(date=datetime.date(2026, 2, 2), reviewed_by=iptkit.ReviewerRole.therapist,
                                        outcome=iptkit.RiskReviewOutcome.safety_plan)]
    assert iptkit.progress(c, datetime.date(2026, 2, 9)).open_risk_alerts == []
    assert "A007" not in c.validate().codes()
    assert "Risk: review now" not in iptkit.progress(c, datetime.date(2026, 2, 9))._repr_html_()
    # The review is part of the document and reads back.
    assert iptkit.Case.from_json(c.to_json()).risk_reviews[0].outcome == iptkit.RiskReviewOutcome.safety_plan


def test_dit_and_mit_focus_models() -> None:
    from conftest import DATA
    dit = iptkit.read_case(DATA / "dit-ipaf-mother.json")
    assert dit.formulation is not None and dit.formulation.ipaf is not None and not dit.formulation.focus
    assert dit.formulation.ipaf.relationships == ["mother"]
    assert dit.validate().codes() == []
    assert iptkit.Catalog().protocols.find("dit").focus_model == iptkit.FocusModel.ipaf
    mit = iptkit.read_case(DATA / "mit-schema-sister.json")
    assert mit.formulation is not None and mit.formulation.maladaptive_schema is not None
    f = mit.formulation  # a copy (nested optional objects are values in Python)
    f.maladaptive_schema = None
    mit.formulation = f
    assert "F015" in mit.validate().codes()
    assert iptkit.Catalog().protocols.find("usual_care").kind == iptkit.ProtocolKind.comparator
