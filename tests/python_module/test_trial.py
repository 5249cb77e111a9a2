"""The trial record from Python: typed fields, enums by their spelling, tables columns,
de-identification that keeps therapist and group clusters, and the CONSORT flow with its diagram."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

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


def _randomised(case_id: str, allocation: str, received: str) -> iptkit.Case:
    case = iptkit.synthesize(1, seed=7)[0]
    case.case_id = case_id
    case.arm = received
    case.trial = iptkit.TrialRecord(randomised_on=datetime.date(2025, 12, 1), allocation=allocation, eligible=True)
    return case


def test_consort_counts_each_box_with_its_case_ids() -> None:
    screened = iptkit.synthesize(1, seed=8)[0]
    screened.case_id = "S1"
    screened.sessions = []
    screened.trial = iptkit.TrialRecord(eligible=False, exclusion_reasons=["bipolar disorder", "age over 65"])
    cases = [screened, _randomised("R1", "ipt", "ipt"), _randomised("R2", "ipt", "tau"), _randomised("R3", "tau", "tau")]
    flow = iptkit.consort(cases)
    assert repr(flow) == "<iptkit.Consort: 4 assessed, 1 excluded, 3 randomised (ipt 2, tau 1); analysed: itt>"
    t = flow.table
    assert list(t.columns) == ["stage", "arm", "box", "reason", "n", "case_ids"]

    def n(arm: str | None, box: str, reason: str | None = None) -> int:
        rows = t[(t["box"] == box) & (t["arm"].isna() if arm is None else t["arm"] == arm)
                 & (t["reason"].isna() if reason is None else t["reason"] == reason)]
        assert len(rows) == 1, (arm, box, reason)
        return int(rows["n"].iloc[0])

    assert n(None, "assessed") == 4 and n(None, "not_eligible") == 1 and n(None, "randomised") == 3
    assert n(None, "exclusion_reason", "bipolar disorder") == 1 and flow.flow.exclusion_reasons_given == 2
    assert n("ipt", "allocated") == 2 and n("ipt", "received_allocated") == 1 and n("ipt", "did_not_receive") == 1
    assert t[(t["arm"] == "ipt") & (t["box"] == "did_not_receive")]["case_ids"].iloc[0] == ["R2"]
    assert n("tau", "analysed") == 1
    assert '"case_ids":["R1","R2"]' in flow.to_json().replace(" ", "").replace("\n", "")
    assert "CONSORT flow" in flow._repr_html_()


def test_consort_says_what_it_assumed() -> None:
    case = _randomised("R9", "ipt", "ipt")
    case.trial = iptkit.TrialRecord(randomised_on=datetime.date(2025, 12, 1))  # no eligible, no allocation
    flow = iptkit.consort([case, iptkit.synthesize(1, seed=2)[0]])
    assert flow.notes == ["records without a trial record, not in the diagram: 1",
                          "randomised records without `eligible`, counted as randomised but not as assessed: 1",
                          "randomised records without an allocation, in the arm \"(none)\": 1"]
    assert "3 note(s)" in repr(flow)


def test_consort_draws_its_diagram_and_the_notebook_shows_it_above_the_table() -> None:
    screened = iptkit.synthesize(1, seed=8)[0]
    screened.case_id = "S1"
    screened.sessions = []
    screened.trial = iptkit.TrialRecord(eligible=False, exclusion_reasons=["<b>bipolar</b>"])
    flow = iptkit.consort([screened, _randomised("R1", "ipt", "ipt"), _randomised("R2", "tau", "tau")])
    svg = flow.svg()
    root = ET.fromstring(svg)  # well formed, the reason escaped
    assert root.get("class") == "consort" and root.get("id") == "consort" and root.get("width") == "640"
    boxes = {g.get("data-box") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "box"}
    assert boxes == {"assessed", "excluded", "randomised", "arm0.allocation", "arm0.follow_up", "arm0.analysis",
                     "arm1.allocation", "arm1.follow_up", "arm1.analysis"}
    assert "&lt;b&gt;bipolar&lt;/b&gt; (n=1)" in svg and "Assessed for eligibility (n=3)" in svg
    assert svg == iptkit.consort_svg(flow.flow)  # the same bytes from the module function
    titled = flow.svg(width=900, id="trial-1", title="Flow <1>")
    assert 'id="trial-1"' in titled and 'width="900"' in titled and "Flow &lt;1&gt;</title>" in titled
    html = flow._repr_html_()
    assert html.index("<svg") < html.index("<table")
