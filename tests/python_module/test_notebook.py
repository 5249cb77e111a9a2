"""The quickstart notebook (examples/notebooks/quickstart.ipynb) runs end to end in a fresh
kernel, from its own directory, and produces what its text promises: the case's HTML view, the
findings table, the two figures and the outcome CSV."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

nbclient = pytest.importorskip("nbclient")
import nbformat  # noqa: E402  (a dependency of nbclient)
import pandas as pd  # noqa: E402

import iptkit  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "notebooks" / "quickstart.ipynb"
COHORT = ROOT / "examples" / "data" / "cohort.jsonl"


def code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code"]


def cell_ending_with(nb: Any, last_line: str) -> Any:
    """The code cell whose last source line is `last_line` (cells are found by content, so that
    adding a cell does not break the test)."""
    found = [c for c in code_cells(nb) if c.source.strip().splitlines()[-1].strip() == last_line]
    assert len(found) == 1, f"expected one code cell ending with {last_line!r}, found {len(found)}"
    return found[0]


def cell_containing(nb: Any, text: str) -> Any:
    found = [c for c in code_cells(nb) if text in c.source]
    assert found, f"no code cell contains {text!r}"
    return found[0]


def stdout(cell: Any) -> str:
    return "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")


def data(cell: Any, mime: str) -> list[str]:
    return [o.data[mime] for o in cell.outputs
            if o.output_type in ("execute_result", "display_data") and mime in o.data]


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """The notebook after a run in kernel `python3` with the notebook's directory as working
    directory; the kernel's TMPDIR is a fresh directory, so the CSV the notebook writes with
    tempfile lands where the test can find it (and pytest removes it)."""
    tmp = tmp_path_factory.mktemp("notebook-tmp")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute(env={**os.environ, "TMPDIR": str(tmp)})
    return nb, tmp


def test_the_stored_notebook_has_no_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in code_cells(nb):
        assert cell.outputs == [] and cell.execution_count is None, cell.source


def test_every_cell_runs_without_error(executed: tuple[Any, Path]) -> None:
    nb, _ = executed
    errors = [f"{o.ename}: {o.evalue}\n--- in cell:\n{c.source}"
              for c in code_cells(nb) for o in c.outputs if o.output_type == "error"]
    assert not errors, "\n\n".join(errors)
    assert all(c.execution_count is not None for c in code_cells(nb))
    stderr = "".join(o.text for c in code_cells(nb) for o in c.outputs
                     if o.output_type == "stream" and o.name == "stderr")
    assert "Traceback" not in stderr


def test_the_cohort_is_read(executed: tuple[Any, Path]) -> None:
    nb, _ = executed
    cohort = iptkit.read_cases(COHORT)
    out = stdout(cell_containing(nb, "iptkit.read_cases("))
    assert f"{len(cohort)} cases read, 0 unreadable" in out


def test_the_case_shows_as_html(executed: tuple[Any, Path]) -> None:
    nb, _ = executed
    html = data(cell_ending_with(nb, "case"), "text/html")
    assert len(html) == 1
    first = iptkit.read_cases(COHORT)[0]
    assert "iptkit-case" in html[0] and first.case_id in html[0]
    assert "<svg" in html[0]  # the trajectory and the closeness circle


def test_findings_are_counted_by_code(executed: tuple[Any, Path]) -> None:
    nb, _ = executed
    counts = data(cell_containing(nb, 'groupby("code")'), "text/plain")
    assert len(counts) == 1 and "T001" in counts[0]


def test_the_plots_are_drawn(executed: tuple[Any, Path]) -> None:
    nb, _ = executed
    for call in ("iptkit.plot.trajectory(", "iptkit.plot.outcome_rates("):
        assert data(cell_containing(nb, call), "image/png"), f"{call} drew no figure"


def test_the_outcome_csv_is_written(executed: tuple[Any, Path]) -> None:
    nb, tmp = executed
    written = sorted(tmp.glob("iptkit-quickstart-*/outcomes.csv"))
    assert len(written) == 1, f"expected one outcomes.csv under {tmp}, found {written}"
    assert str(written[0]) in stdout(cell_containing(nb, "to_csv("))

    expected = iptkit.outcomes(iptkit.read_cases(COHORT))
    reread = pd.read_csv(written[0])
    assert len(reread) == len(expected)
    assert list(reread.columns) == list(expected.columns)
    assert reread["case_id"].tolist() == expected["case_id"].astype(str).tolist()
