"""Lists of findings that show as a table in a notebook and convert to a DataFrame."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Iterable, Sequence

import pandas as pd

if TYPE_CHECKING:
    from ._core import Case, Finding

_COLOURS = {"alert": "#b00020", "error": "#a15c00", "warning": "#555555"}


class Findings(list["Finding"]):
    """The findings of one case, in document order."""

    def codes(self) -> list[str]:
        """The rule codes, in order."""
        return [f.code for f in self]

    def to_frame(self) -> pd.DataFrame:
        """One row per finding: code, severity, path, message."""
        return pd.DataFrame(
            {"code": [f.code for f in self],
             "severity": pd.Categorical([f.severity.name for f in self],
                                        categories=["error", "warning", "alert"]),
             "path": [f.path for f in self],
             "message": [f.message for f in self]})

    def _repr_html_(self) -> str:
        if not self:
            return "<p><strong>No findings.</strong></p>"
        # Alerts (clinical risk) first, then document order.
        ordered = sorted(self, key=lambda f: f.severity.name != "alert")
        rows = "".join(
            f"<tr><td><code>{escape(f.code)}</code></td>"
            f"<td style='color:{_COLOURS.get(f.severity.name, '#000')}'>{escape(f.severity.name)}</td>"
            f"<td><code>{escape(f.path or '(case)')}</code></td><td>{escape(f.message)}</td></tr>"
            for f in ordered)
        return ("<table><thead><tr><th>code</th><th>severity</th><th>path</th><th>message</th></tr>"
                f"</thead><tbody>{rows}</tbody></table>")

    def __repr__(self) -> str:
        return f"Findings({list.__repr__(self)})"


def findings_frame(findings: Sequence[Iterable[Finding]], cases: Sequence[Case]) -> pd.DataFrame:
    """A tidy table of a cohort's findings: one row per finding with its case's id."""
    rows = [(c.case_id, f.code, f.severity.name, f.path, f.message)
            for c, fs in zip(cases, findings) for f in fs]
    out = pd.DataFrame(rows, columns=["case_id", "code", "severity", "path", "message"])
    out["severity"] = pd.Categorical(out["severity"], categories=["error", "warning", "alert"])
    return out
