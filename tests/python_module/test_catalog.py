"""iptkit.Catalog: the protocols, instruments and rules in force, passed as ``catalog=``."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import iptkit

from conftest import ROOT

BASE_CASE = (ROOT / "tests" / "data" / "base-case.json").read_text()


def test_a_fresh_catalog_holds_the_builtins() -> None:
    cat = iptkit.Catalog()
    assert cat.protocols.ids == iptkit.ProtocolRegistry.with_builtins().ids
    assert cat.instruments.ids == iptkit.InstrumentRegistry.with_builtins().ids
    assert cat.rules.codes == iptkit.RuleSet().codes
    assert repr(cat) == (f"Catalog(protocols=<{len(cat.protocols.ids)}>, "
                         f"instruments=<{len(cat.instruments.ids)}>, rules=<{len(cat.rules.codes)}>)")


def test_a_registry_changed_through_the_catalog_is_the_one_in_force() -> None:
    c = iptkit.read_case(BASE_CASE)
    formulation = c.formulation
    formulation.patient_agreed = False  # F004
    c.formulation = formulation
    cat = iptkit.Catalog()
    assert "F004" in c.validate(catalog=cat).codes()
    assert cat.rules.disable("F004")
    assert "F004" not in c.validate(catalog=cat).codes()
    assert "F004" in c.validate().codes()  # the built-ins are untouched
    assert "F004" in c.validate(catalog=iptkit.Catalog()).codes()


def test_pickling_keeps_a_trial_manual_and_switched_off_rules() -> None:
    protocols = iptkit.ProtocolRegistry.with_builtins()
    trial = protocols.find("ipt")
    trial.id = "ipt_trial"
    protocols.add(trial)
    rules = iptkit.RuleSet()
    rules.disable("F004")
    cat = iptkit.Catalog(protocols=protocols, rules=rules)
    back = pickle.loads(pickle.dumps(cat))
    assert "ipt_trial" in back.protocols.ids
    assert not back.rules.is_enabled("F004")
    assert back.instruments.ids == cat.instruments.ids


def test_an_adaptation_the_catalog_lacks_is_refused_by_name() -> None:
    doc = BASE_CASE.replace('"adaptation": "ipt"', '"adaptation": "ipt_trial"')
    with pytest.raises(iptkit.DecodeError) as err:
        iptkit.read_case(doc)
    assert [e.path for e in err.value.errors] == ["/adaptation"]
    protocols = iptkit.ProtocolRegistry.with_builtins()
    trial = protocols.find("ipt")
    trial.id = "ipt_trial"
    protocols.add(trial)
    assert iptkit.read_case(doc, catalog=iptkit.Catalog(protocols=protocols)).adaptation == "ipt_trial"


def test_progress_names_an_instrument_the_catalog_lacks() -> None:
    c = iptkit.read_case(BASE_CASE)
    c.assessments = [*c.assessments[:1], iptkit.Assessment(
        instrument="trial_mood", date=c.assessments[0].date, total=3)]
    with pytest.raises(iptkit.DecodeError) as err:
        iptkit.progress(c, c.assessments[0].date + dt.timedelta(days=1))
    assert [e.path for e in err.value.errors] == ["/assessments/1/instrument"]
    assert "trial_mood" in str(err.value)


def test_anything_but_a_catalog_is_a_type_error() -> None:
    c = iptkit.read_case(BASE_CASE)
    with pytest.raises(TypeError):
        c.validate(catalog=iptkit.RuleSet())  # type: ignore[arg-type]
