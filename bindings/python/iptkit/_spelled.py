"""The base of iptkit's enums: str-valued, each member's value its spelling in the case format.

``Phase.middle == "middle"`` holds, ``Phase("middle")`` is ``Phase.middle``, and a member is a
``str`` wherever one is expected (JSON, pandas, f-strings). Members order by declaration, as the
case format lists them and as the category columns of the frames do (``Phase.initial <
Phase.middle < Phase.termination < Phase.maintenance``), not alphabetically. The compiled module
makes every enum through :func:`spelled_enum` when it is imported.
"""

from __future__ import annotations

import difflib
import enum
import keyword
from typing import Any


def shown(value: object) -> str:
    """A value as a message may quote it: its repr, cut short (the C++ side's enum_detail::shown)."""
    text = repr(value)
    return text[:57] + "..." if len(text) > 60 else text


def near_miss(value: object, choices: list[str], cutoff: float) -> str:
    """`` (did you mean 'middle'?)`` for a str close to one of ``choices`` (letter case aside), else ""."""
    if not isinstance(value, str):
        return ""
    lowered = {c.lower(): c for c in choices}
    near = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=cutoff)
    return f" (did you mean {lowered[near[0]]!r}?)" if near else ""


def _described(cls: Any, value: object) -> str:
    """``'midle' is not a Phase: expected one of ...``: a long list cut short, a near miss suggested."""
    spellings = [m.value for m in cls]
    listed: list[str] = []
    for s in spellings:
        if sum(len(x) + 2 for x in listed) + len(s) > 160:
            listed.append(f"... {len(spellings)} in all: list(iptkit.{cls.__name__})")
            break
        listed.append(s)
    hint = near_miss(value, spellings, 0.8)
    return f"{shown(value)} is not a {cls.__name__}: expected one of {', '.join(listed)}{hint}"


class _SpelledType(enum.EnumType):
    """Lookups by name or membership tests that say what the enum holds."""

    def __getitem__(cls, name: str) -> Any:
        try:
            return super().__getitem__(name)
        except KeyError:
            raise KeyError(_described(cls, name)) from None

    def __contains__(cls, value: object) -> bool:
        # A spelling is a member's value: `"middle" in Phase` (a TypeError on Python 3.11).
        if isinstance(value, str) and not isinstance(value, enum.Enum):
            return value in cls._value2member_map_
        base: Any = super()
        return bool(base.__contains__(value))


class Spelled(enum.StrEnum, metaclass=_SpelledType):
    """An iptkit enum: members are their spellings, ordered by declaration."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        raise ValueError(_described(cls, value))

    def _position(self, other: object) -> tuple[int, int] | None:
        if isinstance(other, type(self)):
            theirs = other
        elif isinstance(other, str) and not isinstance(other, enum.Enum):
            theirs = type(self)(other)  # a bad spelling raises, rather than compare as text
        else:
            return None
        order = getattr(type(self), "_iptkit_members")
        return order.index(self), order.index(theirs)

    def __lt__(self, other: object) -> bool:
        p = self._position(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other: object) -> bool:
        p = self._position(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other: object) -> bool:
        p = self._position(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other: object) -> bool:
        p = self._position(other)
        return NotImplemented if p is None else p[0] >= p[1]


def spelled_enum(name: str, members: list[tuple[str, int]]) -> type[Spelled]:
    """The enum class ``name`` from pybind11's (Python name, C++ value) pairs, in declaration
    order. A Python keyword's name carries a trailing ``_`` (``Kind.in_``); its spelling does not."""
    spellings = [(n, n[:-1] if n.endswith("_") and keyword.iskeyword(n[:-1]) else n) for n, _ in members]
    functional: Any = Spelled  # Enum's functional API, which type checkers do not model
    cls: type[Spelled] = functional(name, spellings)
    setattr(cls, "_iptkit_members", tuple(cls))  # the C++ caster indexes these by declaration position
    return cls
