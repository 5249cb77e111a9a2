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
    with pytest.raises(iptkit.DecodeError, match="cbt") as raised:
        iptkit.plan("cbt", start)
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
