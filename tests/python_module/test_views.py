"""Notebook views: HTML of a case, findings and tables; the SVG figures and the HTML report."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import iptkit


def test_case_html_has_facts_findings_and_figures(cases: list[iptkit.Case]) -> None:
    c = next(c for c in cases if c.inventory and c.validate())
    html = c._repr_html_()  # type: ignore[attr-defined]
    assert c.case_id in html and c.adaptation in html
    for f in c.validate():
        assert f.code in html
    assert html.count("<svg") >= 2 and "closeness-circle" in html
    ET.fromstring(f"<div>{html}</div>")  # well-formed (SVG is XML)


def test_findings_html_and_frame(cases: list[iptkit.Case]) -> None:
    c = next(c for c in cases if c.validate())
    f = c.validate()
    html = f._repr_html_()
    assert "<table>" in html and all(x.code in html for x in f)
    assert list(f.to_frame()["code"]) == f.codes()
    assert "No findings" in iptkit.Findings()._repr_html_()


def test_html_escapes_case_text(cases: list[iptkit.Case]) -> None:
    c = iptkit.Case.from_dict(cases[0].to_dict())
    c.arm = "<script>alert(1)</script>"
    html = c._repr_html_()  # type: ignore[attr-defined]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_svgs_and_report(cohort: iptkit.CaseList) -> None:
    c = cohort[0]
    svg = iptkit.case_trajectory_svg(c, "phq9", id="t1")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("id") == "t1"
    assert c.inventory is not None
    assert "closeness-circle" in iptkit.closeness_circle_svg(c.inventory)
    findings = iptkit.validate(cohort)
    report = iptkit.html_report(cohort, findings, title="Trial X")
    assert report.startswith("<!DOCTYPE html>") and "Trial X" in report
    assert all(x.case_id in report for x in cohort)
    assert iptkit._core.escape_xml("a<b") == "a&lt;b"
