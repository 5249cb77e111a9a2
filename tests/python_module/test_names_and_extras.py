"""A name the library does not know raises, listing the ones it does, instead of drawing or
filtering nothing; a missing optional dependency names the extra that installs it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import iptkit

KNOWN = "(it has phq9, gad7, bdi2, hamd17) (did you mean 'phq9'?)"


def test_a_misspelt_instrument_in_a_trajectory_raises(cohort: iptkit.CaseList) -> None:
    plot = pytest.importorskip("iptkit.plot")
    for given in (cohort, cohort[0]):
        with pytest.raises(ValueError) as e:
            plot.trajectory(given, "phq-9")
        assert str(e.value) == f"iptkit.plot.trajectory: no instrument 'phq-9' in the catalog {KNOWN}"
    with pytest.raises(ValueError) as e:
        iptkit.case_trajectory_svg(cohort[0], "phq-9")
    assert str(e.value).startswith("iptkit.case_trajectory_svg: no instrument 'phq-9' in the catalog (it has phq9, ")
    assert str(e.value).endswith("(did you mean 'phq9'?)")
    assert "<svg" in iptkit.case_trajectory_svg(cohort[0], "phq9")


def test_outcomes_of_some_instruments(cohort: iptkit.CaseList) -> None:
    every = iptkit.outcomes(cohort)
    for wanted in (["gad7"], ["phq9", "phq9+gad7"]):
        some = iptkit.outcomes(cohort, instruments=wanted)
        assert len(some) and set(some["instrument"]) == set(wanted)
        assert len(some) == every["instrument"].isin(wanted).sum()
        assert list(some.columns) == list(every.columns) and list(some.index) == list(range(len(some)))
    with pytest.raises(ValueError) as e:
        iptkit.outcomes(cohort, instruments=["phq-9"])
    assert str(e.value) == f"iptkit.outcomes: no instrument 'phq-9' in the catalog {KNOWN}"
    with pytest.raises(TypeError, match="expected a list of instrument ids, found a str"):
        iptkit.outcomes(cohort, instruments="phq9")
    with pytest.raises(ValueError, match=r"no instrument 'PHQ9' .* \(did you mean 'phq9'\?\)$"):
        iptkit.outcomes(cohort, instruments=["PHQ9"])  # letter case suggested too
    with pytest.raises(TypeError, match=r"^iptkit.outcomes: expected an instrument id \(a str\), found int$"):
        iptkit.outcomes(cohort, instruments=[1])  # type: ignore[list-item]


def without(module: str, code: str) -> str:
    """The error a fresh interpreter raises running `code` with `module` made unimportable."""
    script = f"import sys\nsys.modules[{module!r}] = None\n" + textwrap.dedent(code)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode != 0, run.stdout
    return run.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("module, extra, code", [
    ("matplotlib", "plot", "import iptkit.plot"),
    ("dask", "dask", "import iptkit.dask"),
    ("tqdm", "progress", "import iptkit; iptkit.validate(iptkit.read_cases('examples/data/cohort.jsonl'), "
                         "progress=True)"),
    ("pyarrow", "parquet", "import iptkit, tempfile; iptkit.write_tables(iptkit.read_cases("
                           "'examples/data/cohort.jsonl'), tempfile.mkdtemp() + '/t', format='parquet')"),
])
def test_a_missing_extra_is_named(module: str, extra: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import ROOT
    monkeypatch.chdir(ROOT)
    last = without(module, code)
    assert last.startswith("ImportError: ") and f"pip install 'iptkit[{extra}]'" in last, last
