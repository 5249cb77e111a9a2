"""The base of iptkit's enums: str-valued, each member's value its spelling in the case format.

``Phase.middle == "middle"`` holds, ``Phase("middle")`` is ``Phase.middle``, and a member is a
``str`` wherever one is expected (JSON, pandas, f-strings). The compiled module makes every enum
through :func:`spelled_enum` when it is imported.
"""

from __future__ import annotations

import difflib
import enum
import keyword
from typing import Any


class Spelled(enum.StrEnum):
    """An iptkit enum: members are their spellings."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # As the C++ side words it: a long list cut short, a near miss suggested.
        shown = repr(value)[:57] + "..." if len(repr(value)) > 60 else repr(value)
        spellings = [m.value for m in cls]
        listed: list[str] = []
        for s in spellings:
            if sum(len(x) + 2 for x in listed) + len(s) > 160:
                listed.append(f"... {len(spellings)} in all: list(iptkit.{cls.__name__})")
                break
            listed.append(s)
        near = difflib.get_close_matches(value, spellings, n=1, cutoff=0.8) if isinstance(value, str) else []
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise ValueError(f"{shown} is not a {cls.__name__}: expected one of {', '.join(listed)}{hint}")


def spelled_enum(name: str, members: list[tuple[str, int]]) -> type[Spelled]:
    """The enum class ``name`` from pybind11's (Python name, C++ value) pairs, in declaration
    order. A Python keyword's name carries a trailing ``_`` (``Kind.in_``); its spelling does not."""
    spellings = [(n, n[:-1] if n.endswith("_") and keyword.iskeyword(n[:-1]) else n) for n, _ in members]
    functional: Any = Spelled  # Enum's functional API, which type checkers do not model
    cls: type[Spelled] = functional(name, spellings)
    setattr(cls, "_iptkit_members", tuple(cls))  # the C++ caster indexes these by declaration position
    return cls
