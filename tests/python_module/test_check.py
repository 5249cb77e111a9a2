"""Cases built or changed in Python get the reader's checks: check() lists exactly the errors
reading their JSON would give, validate() reports them as S001, and no writer writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import iptkit

from conftest import DATA


def _example() -> iptkit.Case:
    return iptkit.read_case(DATA / "grief-chronic-sertraline.json")


def _without_score(case: iptkit.Case) -> iptkit.Case:
    # Setters refuse a value their field cannot hold (closeness 9: test_field_values.py); a rule
    # across fields, as here an assessment with neither items nor a total, is check()'s.
    assessments = case.assessments
    assessments[0].items = []
    assessments[0].total = None
    case.assessments = assessments
    return case


def test_a_well_formed_case_has_no_errors(cases: list[iptkit.Case]) -> None:
    for c in cases:
        assert c.check() == []
        assert iptkit.check(c) == []


def test_an_assessment_without_a_score_is_loud_everywhere() -> None:
    bad = _without_score(_example())
    errors = bad.check()
    assert [(e.path, e.kind, e.message) for e in errors] == [
        ("/assessments/0/total", iptkit.ErrorKind.missing_field,
         'expected at least one of "items" and "total"; found neither')]
    findings = bad.validate()
    assert findings[0].code == "S001"
    assert findings[0].path == "/assessments/0/total"
    with pytest.raises(iptkit.DecodeError) as raised:
        bad.to_json()
    assert [e.path for e in raised.value.errors] == ["/assessments/0/total"]
    for write in (lambda: bad.to_dict(), lambda: bad.to_fhir(), lambda: iptkit.tables([bad]),
                  lambda: bad.to_json(pretty=False)):
        with pytest.raises(iptkit.DecodeError):
            write()


def test_check_equals_reading_the_document() -> None:
    # What check() says is what from_dict says of the same document with the value in it.
    bad = _without_score(_example())
    document = _example().to_dict()
    document["assessments"][0].pop("items", None)
    document["assessments"][0].pop("total", None)
    with pytest.raises(iptkit.DecodeError) as raised:
        iptkit.Case.from_dict(document)
    assert [(e.path, e.kind, e.message) for e in raised.value.errors] == \
        [(e.path, e.kind, e.message) for e in bad.check()]


def test_an_unknown_adaptation_and_a_missing_score() -> None:
    c = _without_score(_example())
    c.adaptation = "ipt_unknown"  # the catalog in force decides: check() and validate() do
    errors = c.check()
    assert [(e.path, e.kind.name) for e in errors] == [
        ("/adaptation", "bad_enum"), ("/assessments/0/total", "missing_field")]
    assert "ipt_unknown" in errors[0].message
    # validate() used to find nothing to say about an adaptation the registry lacks.
    assert [f.path for f in iptkit.validate([c])[0] if f.code == "S001"] == ["/adaptation", "/assessments/0/total"]


def test_a_session_number_out_of_range_is_refused_where_it_is_set() -> None:
    sessions = _example().sessions
    with pytest.raises(ValueError, match=r"^Session.number: expected an integer from 1 to 1000; found 0$"):
        sessions[0].number = 0
    assert sessions[0].number == 1


def test_an_assessment_with_neither_items_nor_total() -> None:
    c = _without_score(_example())
    assert [(e.path, e.kind.name) for e in c.check()] == [("/assessments/0/total", "missing_field")]


def test_a_custom_protocol_is_checked_against_its_registry() -> None:
    protocols = iptkit.ProtocolRegistry.with_builtins()
    base = protocols.find("ipt")
    assert base is not None
    base.id = "ipt_trial"
    protocols.add(base)
    c = _example()
    c.adaptation = "ipt_trial"
    assert [e.path for e in c.check()] == ["/adaptation"]
    assert c.check(catalog=iptkit.Catalog(protocols=protocols)) == []
    with pytest.raises(iptkit.DecodeError):
        c.to_json()
    text = c.to_json(catalog=iptkit.Catalog(protocols=protocols))
    assert iptkit.Case.from_json(text, catalog=iptkit.Catalog(protocols=protocols)) == c
    assert c.to_dict(catalog=iptkit.Catalog(protocols=protocols))["adaptation"] == "ipt_trial"
    # The tables of a trial's own protocol, as its registry allows them.
    with pytest.raises(iptkit.DecodeError):
        iptkit.tables([c])
    assert list(iptkit.tables([c], catalog=iptkit.Catalog(protocols=protocols))["cases"]["adaptation"]) == ["ipt_trial"]
    assert len(iptkit.assessments([c], catalog=iptkit.Catalog(protocols=protocols))) == len(c.assessments)


def test_redacted_messages_name_no_value() -> None:
    bad = _without_score(_example())
    bad.adaptation = "Jane Doe"
    errors = bad.check(redact=True)
    assert len(errors) == 2
    for e in errors:
        assert "Jane" not in e.message


def test_writing_a_cohort_refuses_it(tmp_path: Path) -> None:
    good = _example()
    bad = _without_score(_example())
    with pytest.raises(iptkit.DecodeError) as raised:
        iptkit.write_tables([good, bad], tmp_path / "tables")
    assert [e.path for e in raised.value.errors] == ["/1/assessments/0/total"]
    assert not (tmp_path / "tables").exists()  # nothing at all is left behind


def test_dates_keep_their_year() -> None:
    c = _example()
    assert c.contract.start_date.year < 9999
    contract = c.contract
    contract.start_date = dt.date(2026, 2, 28)
    c.contract = contract
    assert c.check() == []
