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


def _with_closeness(case: iptkit.Case, value: int) -> iptkit.Case:
    inventory = case.inventory
    assert inventory is not None
    relationships = inventory.relationships
    relationships[0].closeness = value
    inventory.relationships = relationships
    case.inventory = inventory
    return case


def test_a_well_formed_case_has_no_errors(cases: list[iptkit.Case]) -> None:
    for c in cases:
        assert c.check() == []
        assert iptkit.check(c) == []


def test_a_closeness_of_nine_is_loud_everywhere() -> None:
    bad = _with_closeness(_example(), 9)
    errors = bad.check()
    assert [(e.path, e.kind, e.message) for e in errors] == [
        ("/inventory/relationships/0/closeness", iptkit.ErrorKind.out_of_range,
         "expected an integer from 1 to 4; found 9")]
    findings = bad.validate()
    assert findings[0].code == "S001"
    assert findings[0].path == "/inventory/relationships/0/closeness"
    with pytest.raises(iptkit.DecodeError) as raised:
        bad.to_json()
    assert [e.path for e in raised.value.errors] == ["/inventory/relationships/0/closeness"]
    for write in (lambda: bad.to_dict(), lambda: bad.to_fhir(), lambda: iptkit.tables([bad]),
                  lambda: bad.to_json(pretty=False)):
        with pytest.raises(iptkit.DecodeError):
            write()


def test_check_equals_reading_the_document() -> None:
    # What check() says is what from_dict says of the same document with the value in it.
    bad = _with_closeness(_example(), 9)
    document = _example().to_dict()
    document["inventory"]["relationships"][0]["closeness"] = 9
    with pytest.raises(iptkit.DecodeError) as raised:
        iptkit.Case.from_dict(document)
    assert [(e.path, e.kind, e.message) for e in raised.value.errors] == \
        [(e.path, e.kind, e.message) for e in bad.check()]


def test_a_session_number_a_date_and_an_unknown_adaptation() -> None:
    c = _example()
    sessions = c.sessions
    sessions[0].number = 0
    c.sessions = sessions
    c.adaptation = "ipt_unknown"
    errors = c.check()
    assert [(e.path, e.kind.name) for e in errors] == [
        ("/adaptation", "bad_enum"), ("/sessions/0/number", "out_of_range")]
    assert "ipt_unknown" in errors[0].message
    # validate() used to find nothing to say about an adaptation the registry lacks.
    assert [f.path for f in iptkit.validate([c])[0] if f.code == "S001"] == ["/adaptation", "/sessions/0/number"]


def test_an_assessment_with_neither_items_nor_total() -> None:
    c = _example()
    assessments = c.assessments
    assessments[0].items = []
    assessments[0].total = None
    c.assessments = assessments
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
    bad = _with_closeness(_example(), 9)
    bad.case_id = "Jane Doe"
    for e in bad.check(redact=True):
        assert "Jane" not in e.message and "found 9" not in e.message


def test_writing_a_cohort_refuses_it(tmp_path: Path) -> None:
    good = _example()
    bad = _with_closeness(_example(), 9)
    with pytest.raises(iptkit.DecodeError) as raised:
        iptkit.write_tables([good, bad], tmp_path / "tables")
    assert [e.path for e in raised.value.errors] == ["/1/inventory/relationships/0/closeness"]
    assert not (tmp_path / "tables").exists()  # nothing at all is left behind


def test_dates_keep_their_year() -> None:
    c = _example()
    assert c.contract.start_date.year < 9999
    contract = c.contract
    contract.start_date = dt.date(2026, 2, 28)
    c.contract = contract
    assert c.check() == []
