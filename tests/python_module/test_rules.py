"""Validation from Python: findings, rule sets (disable, re-grade, add rules written in Python),
threads, pickling of rule sets."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

import iptkit
from conftest import DATA, EXAMPLES


def expected_codes() -> dict[str, list[str]]:
    """examples/data/README.md lists, in bold, the findings each example must give."""
    out: dict[str, list[str]] = {}
    for line in (DATA / "README.md").read_text().splitlines():
        m = re.match(r"\|\s*`([^`]+\.json)`\s*\|.*\|\s*([^|]*)\|\s*$", line)
        if m:
            out[m.group(1)] = re.findall(r"\*\*([A-Z]\d{3})\*\*", m.group(2))
    return out


def test_examples_give_the_documented_findings() -> None:
    expected = expected_codes()
    assert expected, "README table not found"
    for p in EXAMPLES:
        findings = iptkit.read_case(p).validate()
        assert isinstance(findings, iptkit.Findings)
        assert sorted(set(findings.codes())) == sorted(set(expected[p.name])), p.name
        for f in findings:
            assert isinstance(f.severity, iptkit.Severity)
            assert f.path == "" or f.path.startswith("/")
            assert f.message


def test_cohort_validation_threads_and_module_function(cohort: iptkit.CaseList) -> None:
    one = iptkit.validate(cohort)
    assert len(one) == len(cohort)
    assert iptkit.validate(cohort, threads=2) == one
    assert [c.validate() for c in cohort] == one
    assert iptkit.validate(cohort[0]) == [cohort[0].validate()]
    assert iptkit.validate(iter(cohort)) == one  # any iterable
    assert iptkit.validate(cohort, progress=True) == one
    frame = iptkit.findings_frame(one, cohort)
    assert len(frame) == sum(len(f) for f in one)
    assert list(frame.columns) == ["case_index", "case_id", "code", "severity", "path", "message"]
    with pytest.raises(TypeError):
        iptkit.validate([cohort[0], "not a case"])  # type: ignore[list-item]


def test_rule_set_disable_and_regrade(cases: list[iptkit.Case]) -> None:
    c = next(c for c in cases if "F004" in c.validate().codes())
    rules = iptkit.RuleSet()
    assert "F004" in rules and rules.is_enabled("F004") and len(rules) >= 39
    assert rules.set_severity("F004", iptkit.Severity.alert)
    f004 = [f for f in c.validate(catalog=iptkit.Catalog(rules=rules)) if f.code == "F004"]
    assert f004 and all(f.severity == iptkit.Severity.alert for f in f004)
    assert rules.disable("F004") and not rules.is_enabled("F004")
    assert "F004" not in c.validate(catalog=iptkit.Catalog(rules=rules)).codes()
    assert rules.enable("F004") and "F004" in c.validate(catalog=iptkit.Catalog(rules=rules)).codes()
    assert not rules.disable("Z999")
    assert iptkit.RuleSet.empty().codes == [] and c.validate(catalog=iptkit.Catalog(rules=iptkit.RuleSet.empty())) == []
    described = rules.describe()
    assert described[0][0] == rules.codes[0] and isinstance(described[0][1], iptkit.Severity)


def no_notes(case: iptkit.Case) -> list[tuple[str, str]]:
    return [] if case.notes else [("/notes", f"case {case.case_id} has no notes")]


def test_python_rules(cohort: iptkit.CaseList) -> None:
    rules = iptkit.RuleSet()
    rules.add("X001", iptkit.Severity.warning, "every case has notes", no_notes)
    rules.add("X002", iptkit.Severity.error, "short courses", lambda c: (
        f"only {len(c.sessions)} sessions" for _ in [0] if len(c.sessions) < 8))
    findings = iptkit.validate(cohort, catalog=iptkit.Catalog(rules=rules))
    for c, fs in zip(cohort, findings):
        x1 = [f for f in fs if f.code == "X001"]
        assert len(x1) == (0 if c.notes else 1)
        if x1:
            assert x1[0].path == "/notes" and c.case_id in x1[0].message
        x2 = [f for f in fs if f.code == "X002"]
        assert len(x2) == (1 if len(c.sessions) < 8 else 0)
        if x2:
            assert x2[0].path == "" and x2[0].severity == iptkit.Severity.error
    assert iptkit.validate(cohort, catalog=iptkit.Catalog(rules=rules), threads=2) == findings
    # A rule set with Python rules pickles (module-level functions), so it reaches Dask workers.
    rules2 = iptkit.RuleSet()
    rules2.add("X001", iptkit.Severity.warning, "every case has notes", no_notes)
    rules2.disable("F004")
    back = pickle.loads(pickle.dumps(rules2))
    assert back.codes == rules2.codes and not back.is_enabled("F004")
    assert iptkit.validate(cohort, catalog=iptkit.Catalog(rules=back)) == iptkit.validate(cohort, catalog=iptkit.Catalog(rules=rules2))


def test_python_rule_errors_propagate(cohort: iptkit.CaseList) -> None:
    rules = iptkit.RuleSet.empty()

    def broken(case: iptkit.Case) -> list[tuple[str, str]]:
        raise KeyError("boom")

    rules.add("X003", iptkit.Severity.warning, "broken", broken)
    with pytest.raises(KeyError):
        iptkit.validate(cohort, catalog=iptkit.Catalog(rules=rules), threads=2)
    rules.add("X003", iptkit.Severity.warning, "bad shape", lambda c: [("a", "b", "c")])
    with pytest.raises(ValueError):
        cohort[0].validate(catalog=iptkit.Catalog(rules=rules))
    with pytest.raises(ValueError):
        rules.add("", iptkit.Severity.warning, "no code", no_notes)


def test_custom_protocols_and_instruments(cases: list[iptkit.Case]) -> None:
    protocols = iptkit.ProtocolRegistry.with_builtins()
    ipt = protocols.find("ipt")
    assert ipt is not None
    c = cases[0]
    assert c.validate(catalog=iptkit.Catalog(protocols=protocols)) == c.validate()
    assert c.validate(catalog=iptkit.Catalog(instruments=iptkit.InstrumentRegistry.with_builtins())) == c.validate()
