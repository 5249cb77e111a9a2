"""De-identification from Python, with property-based tests: random strings put into every
free-text field and the case id never reach the output or the report."""

from __future__ import annotations

import datetime
import enum
import json
import string
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iptkit
from case_texts import replace_texts, texts
from conftest import EXAMPLES

def shared(d: iptkit.Deidentified) -> str:
    """What is shared: the case and the report (never the mapping)."""
    return d.value.to_json() + d.report.to_json()


def test_examples_and_a_synthetic_cohort(cases: list[iptkit.Case]) -> None:
    cohort = cases + iptkit.synthesize(1000, seed=11)
    out = iptkit.deidentify(cohort, seed=5)
    assert len(out) == len(cohort)
    codes = {d.value.case_id for d in out}
    assert len(codes) == len(cohort)
    for c, d in zip(cohort, out):
        text = shared(d).lower()
        assert c.case_id.lower() not in text
        for t in texts(c.to_dict()):
            if len(t) >= 4 and not kept(t):
                assert t.lower() not in text, (c.case_id, t)
        assert d.mapping.case_id == c.case_id and d.mapping.study_code == d.value.case_id
        assert -364 <= d.mapping.date_shift_days <= -1
        shift = datetime.timedelta(days=d.mapping.date_shift_days)
        assert d.value.contract.start_date == c.contract.start_date + shift
        assert [s.date for s in d.value.sessions] == [s.date + shift for s in c.sessions]
        assert [a.date for a in d.value.assessments] == [a.date + shift for a in c.assessments]
        if c.age_at_intake is not None:
            assert d.value.age_at_intake == min(c.age_at_intake, 90) if c.age_at_intake > 89 else c.age_at_intake
        assert sorted(f.code for f in d.value.validate()) == sorted(f.code for f in c.validate())
        assert iptkit.Case.from_json(d.value.to_json()) == d.value  # a valid document


# Words that are also enum spellings (a label "Colleague" becomes "colleague 1") or the
# placeholder, so their presence proves nothing.
KEPT_WORDS = {"[removed]"} | {m.name.lower().replace("_", " ") for e in vars(iptkit._core).values()
                              if isinstance(e, type) and issubclass(e, enum.Enum) for m in e} | \
    {m.name.lower() for e in vars(iptkit._core).values()
     if isinstance(e, type) and issubclass(e, enum.Enum) for m in e}


def kept(t: str) -> bool:
    """An enum word, or shaped like a replacement label (`friend 2`): proves nothing if present."""
    word, _, number = t.lower().replace("_", " ").rpartition(" ")
    return t.lower() in KEPT_WORDS or (number.isdigit() and word.replace(" ", "_") in KEPT_WORDS)


def test_keep_dates_and_options(cases: list[iptkit.Case]) -> None:
    kept = iptkit.deidentify(cases, dates="keep", seed=1)
    assert [d.value.contract.start_date for d in kept] == [c.contract.start_date for c in cases]
    assert all(d.report.dates == iptkit.DateHandling.keep for d in kept)
    again = iptkit.deidentify(cases, dates="keep", seed=1)
    assert [d.value for d in again] == [d.value for d in kept]
    assert [d.value.case_id for d in iptkit.deidentify(cases, seed=2)] != [d.value.case_id for d in kept]
    assert all(d.value.case_id.startswith("T") for d in iptkit.deidentify(cases, code_prefix="T"))
    with pytest.raises(ValueError):
        iptkit.deidentify(cases, dates="blur")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        iptkit.deidentify(cases, code_prefix="bad prefix!")


distinct = st.text(alphabet=string.ascii_letters + string.digits + " .,'-éßø",
                   min_size=8, max_size=30).filter(lambda s: len(set(s.lower())) >= 5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(example=st.sampled_from(EXAMPLES), data=st.data(), case_id=st.from_regex(r"\A[A-Za-z0-9]{6,20}\Z"))
def test_random_text_never_leaks(example: Any, data: st.DataObject, case_id: str) -> None:
    planted: list[str] = []

    def fresh() -> str:
        s: str = data.draw(distinct)
        planted.append(s)
        return s

    doc = replace_texts(json.loads(example.read_text()), fresh)
    doc["case_id"] = case_id
    c = iptkit.Case.from_dict(doc)
    (d,) = iptkit.deidentify(c)
    text = shared(d).lower()
    baseline = shared(iptkit.deidentify(iptkit.read_case(example), seed=1)[0]).lower()
    assert case_id.lower() not in text or case_id.lower() in baseline
    for s in planted:
        assert s.lower() not in text or s.lower() in baseline, s
