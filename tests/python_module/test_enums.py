"""Enums are str-valued: a member equals its spelling in the case format, a spelling makes a
member, and a bad spelling raises naming the enum and what it may be."""

from __future__ import annotations

import enum
import json
import pickle

import pandas as pd
import pytest

import iptkit
from iptkit import _core


def every_enum() -> list[type[enum.Enum]]:
    found = [v for v in vars(_core).values() if isinstance(v, type) and issubclass(v, enum.Enum)]
    assert len(found) >= 30  # every bound C++ enum, not a handful
    return found


@pytest.mark.parametrize("cls", every_enum(), ids=lambda c: c.__name__)
def test_every_member_is_its_spelling(cls: type[enum.Enum]) -> None:
    assert issubclass(cls, str)
    for m in cls:
        assert isinstance(m, str) and m == m.value and str(m) == m.value
        assert cls(m.value) is m  # the spelling makes the member
        assert m.name.rstrip("_") == m.value  # a Python keyword's name alone carries a `_`
    assert len({m.value for m in cls}) == len(cls)


def test_filtering_by_spelling_matches_filtering_by_member(cohort: iptkit.CaseList) -> None:
    formulated = [c for c in cohort if c.formulation]
    by_spelling = [c.case_id for c in formulated if any(f.area == "grief" for f in c.formulation.focus)]
    by_member = [c.case_id for c in formulated
                 if any(f.area == iptkit.ProblemArea.grief for f in c.formulation.focus)]
    assert by_spelling and by_spelling == by_member  # not silently empty
    others = [c.case_id for c in formulated if all(f.area != "grief" for f in c.formulation.focus)]
    assert others and not set(others) & set(by_spelling)
    middle = [s for c in cohort for s in c.sessions if s.phase == "middle"]
    assert middle and all(s.phase is iptkit.Phase.middle for s in middle)


def test_constructors_and_setters_take_spellings() -> None:
    s = iptkit.Session(number=1, date="2026-01-05", phase="initial", attendance="attended")
    assert s.phase is iptkit.Phase.initial and s.attendance is iptkit.Attendance.attended
    s.phase = "middle"
    assert s.phase is iptkit.Phase.middle
    s.phase = iptkit.Phase.termination
    assert s.phase == "termination"


@pytest.mark.parametrize("make", [
    lambda: iptkit.Phase("midle"),
    lambda: iptkit.Session(number=1, date="2026-01-05", phase="midle", attendance="attended"),
])
def test_a_bad_spelling_raises_with_the_allowed_ones(make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError) as e:
        make()
    message = str(e.value)
    assert "'midle'" in message and "Phase" in message
    assert "initial, middle, termination, maintenance" in message
    assert len(message) < 500


def test_a_bad_spelling_set_on_a_field_raises() -> None:
    s = iptkit.Session(number=1, date="2026-01-05", phase="initial", attendance="attended")
    with pytest.raises(ValueError, match=r"Phase \(initial, middle, termination, maintenance\), found 'midle'"):
        s.phase = "midle"
    assert s.phase is iptkit.Phase.initial  # unchanged
    long = "x" * 10_000
    with pytest.raises(ValueError) as e:
        s.phase = long
    assert len(str(e.value)) < 200  # the value is shown cut short, never whole


def test_members_travel_as_their_spellings() -> None:
    p = iptkit.Phase.middle
    assert pickle.loads(pickle.dumps(p)) is p
    assert json.dumps({"phase": p}) == '{"phase": "middle"}'
    assert f"{p}" == "middle"
    assert {"middle": 1}[p] == 1 and {p: 1}["middle"] == 1  # hash of the spelling
    assert (pd.Series([p, iptkit.Phase.initial]) == "middle").tolist() == [True, False]


def test_to_dict_and_frames_hold_spellings(cases: list[iptkit.Case]) -> None:
    c = cases[0]
    assert c.to_dict()["sessions"][0]["phase"] == c.sessions[0].phase
    frame = iptkit.tables([c])["sessions"]
    assert (frame["phase"].astype(str) == [s.phase for s in c.sessions]).all()


def test_members_order_by_declaration_not_alphabet() -> None:
    P = iptkit.Phase
    assert sorted([P.maintenance, P.termination, P.initial, P.middle]) == [P.initial, P.middle, P.termination, P.maintenance]
    assert max(P) is P.maintenance  # alphabetically it would be 'termination'
    assert P.middle < "termination" and P.maintenance > "termination"
    with pytest.raises(ValueError, match="'midle' is not a Phase"):
        P.middle < "midle"  # a bad spelling is not compared as text
    with pytest.raises(TypeError):
        P.middle < 3  # type: ignore[operator]


def test_membership_and_lookup_by_spelling() -> None:
    assert "middle" in iptkit.Phase and "midle" not in iptkit.Phase and iptkit.Phase.middle in iptkit.Phase
    assert iptkit.Phase["middle"] is iptkit.Phase.middle
    with pytest.raises(KeyError, match=r"'midle' is not a Phase: expected one of .* \(did you mean 'middle'\?\)"):
        iptkit.Phase["midle"]
    with pytest.raises(ValueError, match=r"\(did you mean 'middle'\?\)"):
        iptkit.Phase("Middle")  # letter case suggested too
