"""FHIR R4 from Python: Case.to_fhir() gives the same Bundle as the C++ export and the CLI."""

from __future__ import annotations

import json

import iptkit
from iptkit import _core


def test_to_fhir_is_the_bundle(cases: list[iptkit.Case]) -> None:
    for c in cases:
        b = c.to_fhir()
        assert b == json.loads(_core.fhir_bundle(c))
        assert b["resourceType"] == "Bundle" and b["type"] == "collection"
        urls = {e["fullUrl"] for e in b["entry"]}
        refs = [v for e in b["entry"] for v in _references(e["resource"])]
        assert refs and all(r in urls for r in refs)
        kinds = [e["resource"]["resourceType"] for e in b["entry"]]
        assert kinds.count("Observation") == len(c.assessments)
        assert kinds.count("Condition") == len(c.diagnoses)
        text = json.dumps(b)
        if c.notes:
            assert c.notes not in text
        for r in (c.inventory.relationships if c.inventory else []):
            assert r.label not in text


def _references(node: object) -> list[str]:
    out: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "reference" and isinstance(v, str):
                out.append(v)
            else:
                out.extend(_references(v))
    elif isinstance(node, list):
        for v in node:
            out.extend(_references(v))
    return out
