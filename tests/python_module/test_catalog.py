"""iptkit.Catalog: the protocols, instruments and rules in force, passed as ``catalog=``."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
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


def _trial_catalog() -> iptkit.Catalog:
    protocols = iptkit.ProtocolRegistry.with_builtins()
    trial = protocols.find("ipt")
    trial.id = "ipt_trial"
    protocols.add(trial)
    return iptkit.Catalog(protocols=protocols)


def test_a_path_is_read_with_the_catalog_given(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "data" / "cohort.jsonl").read_text()
    path = tmp_path / "trial.jsonl"
    path.write_text(text.replace('"adaptation":"ipt"', '"adaptation":"ipt_trial"'))
    cat = _trial_catalog()
    cases = iptkit.read_cases(path, catalog=cat)
    assert sum(c.adaptation == "ipt_trial" for c in cases) == 6
    # Every function that takes a path reads it with its catalog, never with the built-ins.
    assert iptkit.outcomes(path, catalog=cat).equals(iptkit.outcomes(cases, catalog=cat))
    assert iptkit.summary(path, by="arm", catalog=cat).equals(iptkit.summary(cases, by="arm", catalog=cat))
    assert iptkit.validate(path, catalog=cat) == iptkit.validate(cases, catalog=cat)
    assert len(iptkit.deidentify(path, seed=1, catalog=cat)) == len(cases)
    with pytest.raises(iptkit.DecodeError):
        iptkit.outcomes(path)
    pytest.importorskip("matplotlib")
    import matplotlib
    matplotlib.use("Agg")
    from iptkit import plot
    ax = plot.outcome_rates(path, "remission", catalog=cat)
    assert ax.get_title(loc="left") == "PHQ-9: remission rate by arm"
    with pytest.raises(iptkit.DecodeError):
        plot.outcome_rates(path, "remission")


def test_fhir_refuses_an_instrument_the_catalog_lacks() -> None:
    c = iptkit.read_case(BASE_CASE)
    assert c.to_fhir()["resourceType"] == "Bundle"
    with pytest.raises(iptkit.DecodeError) as err:
        c.to_fhir(catalog=iptkit.Catalog(instruments=iptkit.InstrumentRegistry()))
    assert [e.path for e in err.value.errors] == [f"/assessments/{i}/instrument" for i in range(len(c.assessments))]


def test_a_chart_of_an_instrument_no_one_has_is_refused() -> None:
    c = iptkit.read_case(BASE_CASE)
    with pytest.raises(ValueError, match="phq-9"):
        iptkit.case_trajectory_svg(c, "phq-9")


def test_the_notebook_view_says_which_catalog_it_judged_against() -> None:
    c = iptkit.read_case(BASE_CASE)
    assert "Judged against the built-in catalog." in c._repr_html_()
    cat = iptkit.Catalog()
    assert cat.rules.disable("F004")
    assert f"Judged against {html.escape(repr(cat))}" in iptkit.case_html(c, cat)
