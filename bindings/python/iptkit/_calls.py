"""Type errors of the public functions in words: pybind11's own text for arguments that match no
overload quotes the repr of every argument (18,877 characters for 200 cases, megabytes for a
cohort); the functions of the package say instead which keyword had which type."""

from __future__ import annotations

import functools
import re
from typing import Any, Callable, ParamSpec, Sequence, TypeVar

from ._errors import DecodeError

_P = ParamSpec("_P")
_R = TypeVar("_R")

LIMIT = 500
"""The longest message: a shorter one than pybind11's, whatever the arguments."""


def cut(text: str, limit: int = LIMIT, end: str = " ...") -> str:
    """``text`` in at most ``limit`` characters, cut after a whole word and marked with ``end``."""
    return text if len(text) <= limit else text[:limit - len(end)].rsplit(" ", 1)[0] + end


def shown(value: Any) -> str:
    """An argument by its type and size, never its repr (a cohort's repr is megabytes)."""
    name = type(value).__name__
    if isinstance(value, (bool, int, float)) or value is None:
        return repr(value)[:40]
    if isinstance(value, str):
        return f"str {value[:30]!r}" + ("..." if len(value) > 30 else "")
    try:
        n = len(value)
    except TypeError:
        return f"a {name}"
    return f"a {name} of {n:,} item{'' if n == 1 else 's'}"


def _accepted(text: str) -> str:
    """The signatures pybind11 lists, without the module path of each type."""
    lines = [line.strip() for line in text.splitlines()]
    signatures = [line.split(". ", 1)[1] for line in lines if line[:1].isdigit() and ". " in line]
    signatures = [s.split(" -> ", 1)[0] for s in signatures]
    return " or ".join(signatures).replace("iptkit._core.", "").replace("collections.abc.", "").replace("typing.", "")


def _of_cases(e: DecodeError, cases: Any) -> DecodeError | None:
    """A cohort's "not well formed" error with each case named by its id as well as its
    position (the paths start with /<position>), or None when the cases are not at hand."""
    if not isinstance(cases, Sequence) or isinstance(cases, (str, bytes)) or not e.errors:
        return None
    lines = []
    for err in e.errors:
        m = re.match(r"^/(\d+)(/.*)?$", err.path)
        if not m or int(m.group(1)) >= len(cases):
            return None
        i = int(m.group(1))
        case_id = getattr(cases[i], "case_id", None)
        message = cut(err.message, 160)
        lines.append(f"  case {i} ({case_id}): {m.group(2) or '(case)'}: {message}")
    n = len({line.split(")", 1)[0] for line in lines})
    shown_lines = lines[:8] + ([f"  ... and {len(lines) - 8} more"] if len(lines) > 8 else [])
    return DecodeError(f"{n} case{'' if n == 1 else 's'} not well formed:\n" + "\n".join(shown_lines), e.errors)


def plain_type_errors(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """``fn`` with pybind11's "incompatible function arguments" errors said briefly, and a
    cohort's "not well formed" error naming each case by its id."""

    @functools.wraps(fn)
    def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return fn(*args, **kwargs)
        except DecodeError as e:
            named = _of_cases(e, args[0] if args else kwargs.get("cases"))
            if named is None:
                raise
            raise named from None
        except TypeError as e:
            text = str(e)
            if "incompatible function arguments" not in text:
                raise
            given = ", ".join([shown(a) for a in args] + [f"{k}={shown(v)}" for k, v in kwargs.items()])
            raise TypeError(cut(f"iptkit.{fn.__name__}: an argument has the wrong type (given: {given}); the core "
                                f"takes {_accepted(text)}")) from None

    return call
