"""Lists of findings that show as a table in a notebook and convert to a DataFrame."""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING, Iterable, Sequence, SupportsIndex, overload

import pandas as pd

if TYPE_CHECKING:
    from . import InputError
    from ._core import Case, Finding

_COLOURS = {"alert": "#b00020", "error": "#a15c00", "warning": "#555555"}


class Findings(list["Finding"]):
    """The findings of one case, in document order; ``case_id`` names the case (None for a list
    made by hand)."""

    case_id: str | None

    def __init__(self, findings: Iterable[Finding] = (), case_id: str | None = None) -> None:
        super().__init__(findings)
        self.case_id = case_id

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
        of = "" if self.case_id is None else f", case_id={self.case_id!r}"
        return f"Findings({list.__repr__(self)}{of})"


def _counted(findings: Iterable[Finding]) -> str:
    counts = Counter(f.severity.name for f in findings)
    parts = [f"{counts[s]:,} {s}{'' if counts[s] == 1 else 's'}" for s in ("alert", "error", "warning") if counts[s]]
    return ", ".join(parts) if parts else "no findings"


class ValidationResults(list[Findings]):
    """The findings of a cohort, one :class:`Findings` per case in input order, each naming its
    case (``case_ids``); ``to_frame()`` gives the tidy table. Shows as one line, and as a summary
    table in a notebook."""

    errors: list[InputError]
    """The cases of a path that could not be read (``errors="collect"``); empty otherwise."""

    def __init__(self, results: Iterable[Findings] = (), errors: Iterable[InputError] = ()) -> None:
        super().__init__(results)
        self.errors = list(errors)

    @property
    def case_ids(self) -> list[str | None]:
        """The case of each entry, in order."""
        return [f.case_id for f in self]

    @overload
    def __getitem__(self, i: SupportsIndex) -> Findings: ...
    @overload
    def __getitem__(self, i: slice) -> ValidationResults: ...

    def __getitem__(self, i: SupportsIndex | slice) -> Findings | ValidationResults:
        if isinstance(i, slice):
            return ValidationResults(list.__getitem__(self, i))
        return list.__getitem__(self, i)

    def to_frame(self) -> pd.DataFrame:
        """One row per finding: ``case_index`` (position in this list), ``case_id``, ``code``,
        ``severity``, ``path``, ``message`` (as :func:`findings_frame`)."""
        return findings_frame(self)

    def __repr__(self) -> str:
        n = len(self)
        flagged = sum(1 for f in self if f)
        unread = f", {len(self.errors):,} not read" if self.errors else ""
        return (f"<iptkit.ValidationResults: {n:,} case{'' if n == 1 else 's'}, "
                f"{flagged:,} with findings ({_counted(f for fs in self for f in fs)}){unread}>")

    def _repr_html_(self) -> str:
        by_code = Counter((f.code, f.severity.name) for fs in self for f in fs)
        cases = Counter(f.code for fs in self for f in {g.code: g for g in fs}.values())
        rows = "".join(
            f"<tr><td><code>{escape(code)}</code></td>"
            f"<td style='color:{_COLOURS.get(sev, '#000')}'>{escape(sev)}</td>"
            f"<td>{n:,}</td><td>{cases[code]:,}</td></tr>"
            for (code, sev), n in sorted(by_code.items(), key=lambda kv: (kv[0][1] != "alert", -kv[1], kv[0][0])))
        table = ("<table><thead><tr><th>code</th><th>severity</th><th>findings</th><th>cases</th></tr>"
                 f"</thead><tbody>{rows}</tbody></table>") if rows else ""
        return f"<p>{escape(repr(self))}</p>{table}"


def _kind(value: object) -> str:
    name = type(value).__name__
    if isinstance(value, Findings):
        return f"one case's Findings ({value.case_id or 'no case id'})"
    return f"a {name}"


def findings_frame(findings: Sequence[Iterable[Finding]], cases: Sequence[Case] | None = None) -> pd.DataFrame:
    """A tidy table of a cohort's findings: one row per finding with its case's position
    (``case_index``) and id. The findings of :func:`iptkit.validate` name their cases, so
    ``cases`` may be left out; given, it must be the cases validated, in the same order: a
    different count or a case id that differs raises ValueError rather than labelling findings
    with the wrong cases."""
    if isinstance(findings, Findings) or not isinstance(findings, Iterable) or isinstance(findings, (str, bytes)):
        raise TypeError("iptkit.findings_frame: findings: expected the result of iptkit.validate (a list with one "
                        f"Findings per case), found {_kind(findings)}; for one case's findings use .to_frame()")
    if cases is not None and (not isinstance(cases, Iterable) or isinstance(cases, (str, bytes))
                              or type(cases).__name__ == "Case"):
        raise TypeError(f"iptkit.findings_frame: cases: expected the list of cases validated, found {_kind(cases)}")
    lists = list(findings)
    if cases is None:
        ids = [getattr(fs, "case_id", None) for fs in lists]
        unnamed = [i for i, c in enumerate(ids) if c is None]
        if unnamed:
            raise ValueError(f"iptkit.findings_frame: findings {unnamed[0]} do not name their case (not made by "
                             "iptkit.validate); pass the cases validated as well")
    else:
        given = cases if isinstance(cases, Sequence) else list(cases)
        if len(given) != len(lists):
            raise ValueError(f"iptkit.findings_frame: {len(lists):,} lists of findings for {len(given):,} cases; "
                             "pass the cases that were validated, in the same order")
        ids = [c.case_id for c in given]
        for i, (fs, case_id) in enumerate(zip(lists, ids)):
            named = getattr(fs, "case_id", None)
            if named is not None and named != case_id:
                raise ValueError(f"iptkit.findings_frame: findings {i} are of case {named!r} but case {i} is "
                                 f"{case_id!r}; pass the cases that were validated, in the same order")
    rows = [(i, ids[i], f.code, f.severity.name, f.path, f.message) for i, fs in enumerate(lists) for f in fs]
    out = pd.DataFrame(rows, columns=["case_index", "case_id", "code", "severity", "path", "message"])
    out["case_index"] = out["case_index"].astype("int64")
    out["severity"] = pd.Categorical(out["severity"], categories=["error", "warning", "alert"])
    return out
