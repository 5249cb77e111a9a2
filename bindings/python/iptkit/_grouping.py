"""What ``by=`` means in summary, comparisons and cohort_summary: one group label per case."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable, Sequence, Union

from ._calls import cut
from ._core import Case, GroupBy

if TYPE_CHECKING:
    import pandas as pd

Grouping = Union[GroupBy, str, Sequence[str], Callable[[Case], Any], None]
"""``by=``: None (one group, ``all``), ``arm``, ``site``, ``adaptation`` or another column of the
cases table, a list of such columns, or a function of the case returning its label."""

class _Default(str):
    """The default ``by``: "arm", told apart from an "arm" given (a CohortSummary refuses a given one)."""

    __slots__ = ()


DEFAULT: str = _Default("arm")
"""summary, comparisons and cohort_summary group by arm unless told otherwise."""


def given(by: Any) -> bool:
    """Whether ``by`` was given rather than left to its default."""
    return by is not DEFAULT

MISSING = "(none)"
"""The label of a case with no value for the grouping (never a side of a comparison)."""

SEPARATOR = " | "
"""Joins the values of a list of columns into one label."""


def _short(message: str) -> str:
    # Each message that may run long ends in a parenthesis; a cut one keeps it closed.
    return cut(message, end=" ...)")


def label(value: Any) -> str:
    """A value as a group label: the text, a whole number without its ".0", ``(none)`` where
    missing (None, NaN, pandas' NA)."""
    if value is None or _is_na(value):
        return MISSING
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _is_na(value: Any) -> bool:
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False
    return value is pd.NA or value is pd.NaT


class Labels:
    """The grouping of a cohort: the core's own (``by`` arm, site, adaptation or none, ``labels``
    None) or one label per case, with the column names behind a list grouping (``keys``) and each
    label's values of them (``values``)."""

    def __init__(self, by: GroupBy, labels: list[str] | None = None, keys: Sequence[str] = (),
                 values: dict[str, tuple[str, ...]] | None = None) -> None:
        self.by = by
        self.labels = labels
        self.keys = list(keys)
        self.values = values or {}


def _names(by: Any, what: str) -> list[str]:
    names = [by] if isinstance(by, str) else list(by)
    if not names:
        raise ValueError(f"iptkit.{what}: by: expected at least one column name, found an empty list")
    for n in names:
        if not isinstance(n, str):
            raise TypeError(f"iptkit.{what}: by: expected column names (str), found a {type(n).__name__}")
    if len(set(names)) != len(names):
        raise ValueError(_short(f"iptkit.{what}: by: a column is named twice in {names!r}"))
    return names


def _from_function(cases: Sequence[Case], by: Callable[[Case], Any], what: str) -> list[str]:
    out = []
    for case in cases:
        try:
            value = by(case)
        except Exception as e:
            e.add_note(f"iptkit.{what}: raised by the by= function for case {case.case_id!r}")
            raise
        if not (value is None or isinstance(value, (str, int, float)) or _is_na(value)):
            raise TypeError(f"iptkit.{what}: by: the function returned a {type(value).__name__} for case "
                            f"{case.case_id!r}; expected a label (str, a number, a bool or None)")
        out.append(label(value))
    return out


def _from_columns(table: pd.DataFrame, names: list[str], what: str, where: str) -> Labels:
    unknown = [n for n in names if n not in table.columns]
    if unknown:
        raise ValueError(_short(f"iptkit.{what}: cannot group by {unknown[0]!r}: not a column of {where} (its "
                                f"columns: {', '.join(map(str, table.columns))})"))
    columns = [[label(v) for v in table[n].tolist()] for n in names]
    rows = list(zip(*columns)) if columns else []
    values: dict[str, tuple[str, ...]] = {}
    labels = []
    for row in rows:
        text = row[0] if len(row) == 1 else SEPARATOR.join(row)
        seen = values.setdefault(text, row)
        if seen != row:
            raise ValueError(_short(f"iptkit.{what}: the groups {seen!r} and {row!r} would both be labelled "
                                    f"{text!r}; a value contains {SEPARATOR!r}"))
        labels.append(text)
    return Labels(GroupBy.none, labels, names if len(names) > 1 else (), values)


def of_cases(cases: Sequence[Case], by: Any, what: str,
             cases_table: Callable[[], pd.DataFrame]) -> Labels:
    """The grouping of Case objects; ``cases_table`` makes the tidy cases table, only when a
    column other than arm, site or adaptation is named."""
    if by is None:
        return Labels(GroupBy.none)
    if isinstance(by, str) and by in GroupBy.__members__:  # a GroupBy is a str too
        return Labels(GroupBy[by])
    if callable(by) and not isinstance(by, str):
        return Labels(GroupBy.none, _from_function(cases, by, what))
    if isinstance(by, (str, list, tuple)):
        return _from_columns(cases_table(), _names(by, what), what, "the cases table")
    raise TypeError(f"iptkit.{what}: by: expected a column name, a list of them, a function of the case or None; "
                    f"found a {type(by).__name__}")


def of_table(table: pd.DataFrame, by: Any, what: str) -> Labels:
    """The grouping of a Cohort, by the columns of its cases table."""
    if by is None or (isinstance(by, str) and by == "none"):
        return Labels(GroupBy.none, ["all"] * len(table))
    if callable(by) and not isinstance(by, str):
        raise TypeError(f"iptkit.{what}: by: a Cohort holds tables, not Case objects, so it groups by column names; "
                        "add the label as a column of the cases table and group by it")
    if not isinstance(by, (str, list, tuple)):
        raise TypeError(f"iptkit.{what}: by: expected a column name, a list of them or None; found a "
                        f"{type(by).__name__}")
    names = _names(by, what)
    grouping = _from_columns(table, names, what, "the cases table")
    if len(names) == 1 and names[0] in GroupBy.__members__:
        grouping.by = GroupBy[names[0]]
    return grouping


def case_labels(cases: Sequence[Case], by: Any, what: str, cases_table: Callable[[], pd.DataFrame]) -> list[str]:
    """One label per case, whatever ``by`` is (the plots need them; the core labels arm, site and
    adaptation itself)."""
    g = of_cases(cases, by, what, cases_table)
    if g.labels is not None:
        return g.labels
    if g.by == GroupBy.none:
        return ["all"] * len(cases)
    return [label(getattr(c, g.by.name) or None) for c in cases]


def name_of(by: Any) -> str | None:
    """What a grouping is called in a chart's legend and title: the column names, a function's
    name ("group" for a lambda), None for no grouping."""
    if by is None or (isinstance(by, str) and by == "none"):
        return None
    if isinstance(by, str):
        return str(by)
    if callable(by):
        name = getattr(by, "__name__", "")
        return name if name and name != "<lambda>" else "group"
    return " and ".join(map(str, by))


def keyed(out: pd.DataFrame, g: Labels) -> pd.DataFrame:
    """A summary frame with one column per name of a list grouping, after ``group``."""
    import pandas as pd
    for k, name in enumerate(g.keys):
        out.insert(1 + k, name, pd.Series([g.values[label][k] for label in out["group"]], dtype="string",
                                          index=out.index))
    return out
