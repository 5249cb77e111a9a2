"""The trial record from Python: typed fields, enums by their spelling, tables columns and
de-identification that keeps therapist and group clusters."""

from __future__ import annotations

import datetime

import pytest

import iptkit


def _trial_case() -> iptkit.Case:
    case = iptkit.synthesize(1, seed=5)[0]
    case.trial = iptkit.TrialRecord(randomised_on=datetime.date(2026, 1, 2), allocation="ipt",
                                    stratum="severe", eligible=True)
    case.therapist_id = "th-07"
    case.group_id = "grp.3"
    case.discontinuation = iptkit.Discontinuation(date=datetime.date(2026, 3, 1), reason="moved_away",
                                                  by="patient", notes="moved to another city")
    case.adverse_events = [iptkit.AdverseEvent(date=datetime.date(2026, 2, 10), serious=False,
                                               description="headache", related="not")]
    return case


def test_the_trial_record_round_trips_with_its_spellings() -> None:
    case = _trial_case()
    assert case.check() == []
    back = iptkit.read_case(case.to_json())
    assert back == case
    assert back.discontinuation.reason == "moved_away"
    assert back.adverse_events[0].related == iptkit.Relatedness.not_ == "not"
    assert '"related": "not"' in case.to_json()


def test_a_bad_spelling_names_the_field_and_the_allowed_values() -> None:
    with pytest.raises(ValueError, match=r"Discontinuation\.reason.*withdrew_consent"):
        iptkit.Discontinuation(date=datetime.date(2026, 3, 1), reason="moved")
    case = _trial_case()
    with pytest.raises(ValueError, match=r"Case\.therapist_id"):
        case.therapist_id = "Dr Smith"


def test_tables_carry_therapist_and_group() -> None:
    cases = [_trial_case()]
    table = iptkit.tables(cases)["cases"]
    assert table.loc[0, "therapist_id"] == "th-07" and table.loc[0, "group_id"] == "grp.3"


def test_deidentify_keeps_clusters_with_one_code_per_therapist() -> None:
    a, b = _trial_case(), _trial_case()
    b.case_id = "OTHER-1"
    out = iptkit.deidentify([a, b], seed=3)
    x, y = out[0].value, out[1].value
    assert x.therapist_id == y.therapist_id and x.therapist_id.startswith("T") and x.therapist_id != "th-07"
    assert x.group_id == y.group_id and x.group_id.startswith("G")
    assert x.adverse_events[0].description == "[removed]" and x.discontinuation.notes is None
    assert [(p.field, p.original) for p in out[0].mapping.pseudonyms] == [("therapist_id", "th-07"),
                                                                          ("group_id", "grp.3")]
