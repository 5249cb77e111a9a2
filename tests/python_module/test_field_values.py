"""A value given to a field (constructor keyword or property) is checked there: a wrong one
raises naming Class.field, what the field takes and what was found, short, with the field's
declared constraints applied as the reader applies them; bulk options name themselves."""

from __future__ import annotations

import datetime

import pytest

import iptkit


def session(**changes: object) -> iptkit.Session:
    given: dict[str, object] = {"number": 1, "date": "2026-01-05", "phase": "initial", "attendance": "attended"}
    given.update(changes)
    return iptkit.Session(**given)  # type: ignore[arg-type]


def short(e: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(e.value)
    assert len(message) <= 500 and "incompatible function arguments" not in message
    return message


def test_a_wrong_kind_names_the_field_what_it_takes_and_what_was_found(cases: list[iptkit.Case]) -> None:
    c = iptkit.Case.from_json(cases[0].to_json())
    with pytest.raises(TypeError) as e:
        c.arm = 5  # type: ignore[assignment]
    assert short(e) == "Case.arm: expected a str, or None; found int 5"
    with pytest.raises(TypeError) as e:
        session(date="2026-02-30")
    assert short(e) == ("Session.date: expected a datetime.date, or a 'YYYY-MM-DD' str of a date that exists; "
                        "found str '2026-02-30'")
    with pytest.raises(TypeError) as e:
        session(minutes="fifty")
    assert short(e).startswith("Session.minutes: expected an integer, or None; found str 'fifty'")


def test_a_bad_spelling_names_the_field() -> None:
    s = session()
    with pytest.raises(ValueError) as e:
        s.phase = "midle"
    assert short(e) == ("Session.phase: expected one of Phase (initial, middle, termination, maintenance), "
                        "found 'midle' (did you mean 'middle'?)")
    with pytest.raises(ValueError) as e:
        session(tasks=["symptom_review", "sympton_review"])
    assert short(e).startswith("Session.tasks: expected one of Task (symptom_review, ")
    assert "32 in all" in str(e.value) and str(e.value).endswith("found 'sympton_review' (did you mean 'symptom_review'?)")
    assert s.phase is iptkit.Phase.initial


def test_setters_apply_the_fields_constraints() -> None:
    r = iptkit.Relationship(id="p1", label="Ann", kind="partner", status="current", closeness=2)
    with pytest.raises(ValueError) as e:
        r.closeness = 5
    assert short(e).startswith("Relationship.closeness: ") and "5" in str(e.value)
    assert r.closeness == 2  # unchanged
    with pytest.raises(ValueError) as e:
        iptkit.Relationship(id="p1", label="Ann", kind="partner", status="current", closeness=0)
    assert short(e).startswith("Relationship.closeness: ")
    with pytest.raises(ValueError) as e:
        r.id = ""
    assert short(e).startswith("Relationship.id: ")
    r.closeness = 4
    assert r.closeness == 4


def test_large_values_are_named_by_kind_not_printed(cohort: iptkit.CaseList) -> None:
    s = session()
    big = list(range(100_000))
    with pytest.raises(TypeError) as e:
        s.tasks = big  # type: ignore[assignment]
    assert short(e).startswith("Session.tasks: expected a list, each item one of Task (symptom_review, ")
    assert str(e.value).endswith("; found list of 100000 items, item 0 int 0")
    with pytest.raises(TypeError) as e:
        s.number = "x" * 100_000  # type: ignore[assignment]
    assert len(short(e)) < 200
    with pytest.raises(TypeError) as e:
        s.date = object()  # type: ignore[assignment]
    assert short(e).endswith("found object")


@pytest.mark.parametrize("threads", [-1, 0, 2.5, "2", None, 10**20])
def test_a_bad_thread_count_names_threads(cohort: iptkit.CaseList, threads: object) -> None:
    many = list(cohort) * 50
    for call in (lambda: iptkit.validate(many, threads=threads),  # type: ignore[arg-type]
                 lambda: iptkit.outcomes(many, threads=threads)):  # type: ignore[arg-type]
        with pytest.raises((TypeError, ValueError)) as e:
            call()
        assert short(e).startswith("threads: expected a whole number from 1 to 1024; found ")
        assert "Case(" not in str(e.value)


def test_good_values_still_go_in() -> None:
    s = session(date=datetime.date(2026, 1, 5), minutes=50, tasks=["symptom_review", iptkit.Task.psychoeducation])
    assert s.date == datetime.date(2026, 1, 5) and s.minutes == 50
    assert s.tasks == [iptkit.Task.symptom_review, iptkit.Task.psychoeducation]
    s.minutes = None
    assert s.minutes is None


def test_no_silent_change_of_kind() -> None:
    s = session()
    r = iptkit.Relationship(id="p1", label="Ann", kind="partner", status="current", closeness=2)
    with pytest.raises(TypeError, match=r"^Session.number: expected an integer; found bool True$"):
        s.number = True
    with pytest.raises(TypeError, match=r"^Relationship.changed_near_onset: expected True or False, or None; found int 1$"):
        r.changed_near_onset = 1  # type: ignore[assignment]
    with pytest.raises(TypeError, match=r"^Session.date: .* found datetime 2026-01-05T23:59:00$"):
        s.date = datetime.datetime(2026, 1, 5, 23, 59)  # the time of day would be dropped
    s.date = datetime.datetime(2026, 1, 6)  # midnight: a date
    assert s.date == datetime.date(2026, 1, 6)
    with pytest.raises(ValueError, match=r"^Session.number: expected an integer from -2147483648 to 2147483647; "
                                         r"found int 2147483648$"):
        s.number = 2**31


def test_pandas_missing_values_are_none_where_a_field_allows_none() -> None:
    import pandas as pd
    s = session(minutes=50)
    for missing in (pd.NA, float("nan")):
        s.minutes = 50
        s.minutes = missing  # type: ignore[assignment]
        assert s.minutes is None
    with pytest.raises(TypeError, match=r"^Session.date: .*; found a missing value \(NaT\)$"):
        s.date = pd.NaT
    from conftest import EXAMPLES
    row = iptkit.tables([iptkit.read_case(EXAMPLES[0])])["sessions"].iloc[0]
    back = iptkit.Session(number=row["number"], date=row["date"], phase=row["phase"], attendance=row["attendance"],
                          minutes=row["minutes"])
    assert back.number == row["number"] and back.phase == row["phase"]


def test_a_wrong_list_item_is_named() -> None:
    s = session()
    with pytest.raises(TypeError) as e:
        s.tasks = ["symptom_review", 5]  # type: ignore[list-item]
    assert short(e).endswith("; found list of 2 items, item 1 int 5")
    r = iptkit.Relationship(id="p1", label="Ann", kind="partner", status="current", closeness=2)
    with pytest.raises(TypeError) as e:
        r.expectations = [{"holder": "patient"}]  # type: ignore[list-item]
    assert short(e) == ("Relationship.expectations: expected a list, each item an Expectation; "
                        "found list of 1 item, item 0 dict of 1 item")


@pytest.mark.parametrize("call, message", [
    (lambda: iptkit.Session(number=1, date="2026-01-05", phase="initial"),
     "Session: missing required field(s) attendance (fields: number, date, phase, attendance, minutes, format, "
     "modality, tasks, focus_areas, homework, therapist_id)"),
    (lambda: iptkit.Session(number=1, date="2026-01-05", phase="initial", attendance="attended", minuts=50),
     "Session has no field 'minuts' (did you mean 'minutes'?) (fields: number, date, phase, attendance, minutes, "
     "format, modality, tasks, focus_areas, homework, therapist_id)"),
    (lambda: iptkit.Session(1, "2026-01-05"),  # type: ignore[misc]
     "Session() takes keyword arguments only (2 positional given): Session(number=..., ...)"),
    (lambda: iptkit.Session(number=1, date="2026-01-05", phase="initial", tasks=["symptom_review"] * 100_000),
     "Session: missing required field(s) attendance (fields: number, date, phase, attendance, minutes, format, "
     "modality, tasks, focus_areas, homework, therapist_id)"),
])
def test_a_call_that_matches_no_field_set_says_why(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError) as e:
        call()
    assert short(e) == message  # pybind11's own said 1.8 MB for the long list


@pytest.mark.parametrize("threads, kind, found", [
    ("2", TypeError, "str '2'"), (2.5, TypeError, "float 2.5"), (None, TypeError, "None"), (True, TypeError, "bool True"),
])
def test_thread_counts_of_another_kind_are_type_errors(threads: object, kind: type, found: str) -> None:
    with pytest.raises(kind) as e:
        iptkit.validate([], threads=threads)  # type: ignore[arg-type]
    assert str(e.value) == f"threads: expected a whole number from 1 to 1024; found {found}"


def test_wrong_argument_types_are_named_briefly() -> None:
    # pybind11's own message quoted the repr of every argument: 18,877 characters for 200 cases.
    cases = iptkit.synthesize(300, seed=1)
    calls = {
        "validate": lambda: iptkit.validate(cases, catalog="x"),  # type: ignore[arg-type]
        "outcomes": lambda: iptkit.outcomes(cases, catalog=3),  # type: ignore[arg-type]
        "tables": lambda: iptkit.tables(cases, dates="no"),  # type: ignore[arg-type]
        "summary": lambda: iptkit.summary(cases, catalog=[1]),  # type: ignore[arg-type]
        "write_tables": lambda: iptkit.write_tables(cases, "/nonexistent/x", catalog=2),  # type: ignore[arg-type]
        "write_cases": lambda: iptkit.write_cases(cases, "/nonexistent/x.jsonl", catalog=2),  # type: ignore[arg-type]
        "deidentify": lambda: iptkit.deidentify(cases, seed="1"),  # type: ignore[arg-type]
    }
    for name, call in calls.items():
        with pytest.raises(TypeError) as raised:
            call()
        text = str(raised.value)
        assert text.startswith(f"iptkit.{name}: an argument has the wrong type (given: a CaseList of 300 items"), text
        assert len(text) <= 500 and "Case(" not in text and "SYN-" not in text, text
