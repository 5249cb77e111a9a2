"""The model classes generated from the C++ description: constructors, properties, repr,
equality, pickling and the JSON/dict round trips, for every type."""

from __future__ import annotations

import copy
import datetime
import enum
import inspect
import json
import pickle

import pytest

import iptkit
from iptkit import _core
from conftest import EXAMPLES


def model_classes() -> list[type]:
    return [c for _, c in inspect.getmembers(_core, inspect.isclass)
            if hasattr(c, "from_dict") and hasattr(c, "to_dict")]


def enums() -> list[type[enum.Enum]]:
    return [c for _, c in inspect.getmembers(_core, inspect.isclass) if issubclass(c, enum.Enum)]


def test_every_described_type_is_bound() -> None:
    names = {c.__name__ for c in model_classes()}
    for expected in ("Case", "Session", "Contract", "Inventory", "Relationship", "Formulation",
                     "GriefFocus", "Assessment", "MaintenancePlan", "Instrument", "Protocol",
                     "Finding", "ReadError", "CaseOutcome", "CohortSummary", "CourseProgress",
                     "PlannedSession", "SynthOptions"):
        assert expected in names
    assert len(names) >= 40


def test_enums_are_python_enums_with_json_spellings() -> None:
    assert issubclass(iptkit.Phase, enum.Enum)
    assert [p.name for p in iptkit.Phase] == ["initial", "middle", "termination", "maintenance"]
    # `friend` is spelled `friend_` in C++ (a keyword there) but not in Python.
    assert iptkit.RelationshipKind["friend"].name == "friend"
    assert len(enums()) >= 25


def test_keyword_constructor_and_defaults() -> None:
    s = iptkit.Session(number=3, date=datetime.date(2024, 1, 15), phase=iptkit.Phase.middle,
                       attendance=iptkit.Attendance.attended, tasks=[iptkit.Task.role_play])
    assert s.number == 3 and s.date == datetime.date(2024, 1, 15)
    assert s.minutes is None and s.focus_areas == [] and s.tasks == [iptkit.Task.role_play]
    # Dates may be given as ISO text.
    assert iptkit.Session(number=1, date="2024-02-29", phase=iptkit.Phase.initial,
                          attendance=iptkit.Attendance.cancelled).date == datetime.date(2024, 2, 29)
    with pytest.raises(TypeError):  # required like the document's required fields
        iptkit.Session(number=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):  # keyword-only
        iptkit.Homework("text", iptkit.HomeworkStatus.assigned)  # type: ignore[misc]
    with pytest.raises(TypeError):  # not a date
        iptkit.Session(number=1, date="2024-02-30", phase=iptkit.Phase.initial,
                       attendance=iptkit.Attendance.attended)


def test_nested_objects_are_live_and_lists_are_copies(cases: list[iptkit.Case]) -> None:
    c = copy.deepcopy(cases[0])
    c.contract.planned_sessions = 15
    assert c.contract.planned_sessions == 15
    sessions = c.sessions
    sessions.pop()
    assert len(c.sessions) == len(sessions) + 1
    c.sessions = sessions
    assert len(c.sessions) == len(sessions)
    assert c != cases[0]


def test_repr_and_equality(cases: list[iptkit.Case]) -> None:
    c = cases[0]
    assert repr(c).startswith(f"Case(case_id='{c.case_id}'")
    h = iptkit.Homework(text="Call Ann", status=iptkit.HomeworkStatus.completed)
    assert repr(h) == "Homework(text='Call Ann', status=<HomeworkStatus.completed: 'completed'>)"
    assert h == iptkit.Homework(text="Call Ann", status=iptkit.HomeworkStatus.completed)
    assert h != iptkit.Homework(text="Call Bob", status=iptkit.HomeworkStatus.completed)
    with pytest.raises(TypeError):
        hash(h)  # mutable, so unhashable


def test_focus_variant_and_area(cases: list[iptkit.Case]) -> None:
    areas = {f.area for c in cases if c.formulation for f in c.formulation.focus}
    assert areas == set(iptkit.ProblemArea)
    g = iptkit.GriefFocus(relationship="father", grief_type=iptkit.GriefType.delayed)
    f = iptkit.Formulation(agreed_session=3, patient_agreed=True, focus=[g])
    assert isinstance(f.focus[0], iptkit.GriefFocus) and f.focus[0].area == iptkit.ProblemArea.grief


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_round_trips(path) -> None:  # type: ignore[no-untyped-def]
    c = iptkit.read_case(path)
    assert iptkit.Case.from_dict(c.to_dict()) == c
    assert iptkit.Case.from_json(c.to_json()) == c
    assert iptkit.Case.from_json(c.to_json(pretty=False)) == c
    assert c.to_json() == path.read_text()  # the examples are in canonical form
    assert pickle.loads(pickle.dumps(c)) == c
    assert copy.deepcopy(c) == c
    assert json.loads(c.to_json()) == c.to_dict()


def test_every_type_pickles(cases: list[iptkit.Case], cohort: iptkit.CaseList) -> None:
    c = next(c for c in cases if c.maintenance and c.inventory and c.formulation)
    values: list[object] = [
        c, c.contract, c.inventory, c.inventory.relationships[0], c.formulation, c.formulation.focus[0],
        c.sessions[0], c.assessments[0], c.maintenance, c.diagnoses[0],
        iptkit.InstrumentRegistry.with_builtins(), iptkit.ProtocolRegistry.with_builtins(),
        iptkit.InstrumentRegistry.with_builtins().find("phq9"),
        iptkit.ProtocolRegistry.with_builtins().find("ipt"),
        iptkit.RuleSet(), iptkit.SynthOptions(), iptkit.progress(c, c.sessions[-1].date),
        iptkit.plan("ipt", datetime.date(2024, 1, 1))[0],
        iptkit.cohort_summary(cohort, by="arm"), _core.outcomes(cohort)[0],
        *c.validate(), *list(iptkit.Phase),
    ]
    for v in values:
        back = pickle.loads(pickle.dumps(v))
        assert type(back) is type(v)
        if not isinstance(v, (iptkit.InstrumentRegistry, iptkit.ProtocolRegistry, iptkit.RuleSet)):
            assert back == v, type(v).__name__
    reg = pickle.loads(pickle.dumps(iptkit.InstrumentRegistry.with_builtins()))
    assert reg.ids == iptkit.InstrumentRegistry.with_builtins().ids
    assert reg.entries == iptkit.InstrumentRegistry.with_builtins().entries


def test_every_model_type_round_trips_through_dict_and_json(cases: list[iptkit.Case]) -> None:
    seen = set()
    c = cases[0]
    for v in [c, c.contract, c.sessions[0], c.assessments[0], iptkit.SynthOptions(),
              iptkit.InstrumentRegistry.with_builtins().find("phq9")]:
        cls = type(v)
        seen.add(cls)
        assert cls.from_dict(v.to_dict()) == v
        assert cls.from_json(v.to_json()) == v


def test_bad_pickle_state_is_an_error() -> None:
    with pytest.raises((ValueError, TypeError)):
        iptkit.Homework.__new__(iptkit.Homework).__setstate__((2, ()))


def test_registries() -> None:
    r = iptkit.InstrumentRegistry.with_builtins()
    assert r.ids == ["phq9", "gad7", "bdi2", "hamd17"] and "phq9" in r and len(r) == 4
    assert r.find("nope") is None
    assert r.find("phq9").caseness == 10
    empty = iptkit.ProtocolRegistry()
    assert len(empty) == 0
    p = iptkit.ProtocolRegistry.with_builtins()
    empty.load_json(p.to_json())
    assert empty.ids == p.ids
    with pytest.raises(iptkit.DecodeError) as e:
        empty.load_json('[{"id": 3}]')
    assert e.value.errors[0].path.startswith("/0")
