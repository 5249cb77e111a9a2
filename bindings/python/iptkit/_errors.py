"""The exceptions and warnings of iptkit (imported by the compiled core, so kept dependency-free)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    from ._core import ImportIssue, ReadError


class _ErrorList(ValueError):
    """A ValueError carrying every problem found (``errors``), picklable with them."""

    errors: list[Any]

    def __init__(self, message: str, errors: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.errors))


class DecodeError(_ErrorList):
    """A document that could not be read.

    ``errors`` lists every structural error, each a :class:`iptkit.ReadError` with ``path`` (a
    JSON Pointer), ``kind``, ``message``, ``line`` and ``column`` (where it is in the input).
    """

    errors: list[ReadError]


class DecodeWarning(UserWarning):
    """A lax-mode reading warning: an unknown field that was ignored."""


class TableError(_ErrorList):
    """Tables that do not make a cohort (iptkit.Cohort).

    ``errors`` lists each problem as an :class:`iptkit.ImportIssue` (``source`` is the table,
    ``row`` the 1-based row, ``field`` the column, ``case_id`` the case).
    """

    errors: list[ImportIssue]
