"""The exceptions and warnings of iptkit (imported by the compiled core, so kept dependency-free)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    from ._core import ReadError


class DecodeError(ValueError):
    """A document that could not be read.

    ``errors`` lists every structural error, each a :class:`iptkit.ReadError` with ``path`` (a
    JSON Pointer), ``kind``, ``message``, ``line`` and ``column`` (where it is in the input).
    """

    errors: list[ReadError]

    def __init__(self, message: str, errors: Sequence[ReadError] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.errors))


class DecodeWarning(UserWarning):
    """A lax-mode reading warning: an unknown field that was ignored."""
