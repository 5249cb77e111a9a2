"""Shared fixtures: the bundled example cases and cohort."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import iptkit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "support"))  # helpers shared with tests/python
DATA = ROOT / "examples" / "data"
INVALID = ROOT / "tests" / "data" / "invalid"
EXAMPLES = sorted(DATA.glob("*.json"))
COHORT = DATA / "cohort.jsonl"


@pytest.fixture(scope="session")
def cases() -> list[iptkit.Case]:
    return [iptkit.read_case(p) for p in EXAMPLES]


@pytest.fixture(scope="session")
def cohort() -> iptkit.CaseList:
    return iptkit.read_cases(COHORT)
