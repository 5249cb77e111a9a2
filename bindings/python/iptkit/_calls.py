"""Type errors of the public functions in words: pybind11's own text for arguments that match no
overload quotes the repr of every argument (18,877 characters for 200 cases, megabytes for a
cohort); the functions of the package say instead which keyword had which type."""

from __future__ import annotations

import functools
from typing import Any, Callable, ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")

LIMIT = 500
"""The longest message: a shorter one than pybind11's, whatever the arguments."""


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


def plain_type_errors(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """``fn`` with pybind11's "incompatible function arguments" errors said briefly."""

    @functools.wraps(fn)
    def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return fn(*args, **kwargs)
        except TypeError as e:
            text = str(e)
            if "incompatible function arguments" not in text:
                raise
            given = ", ".join([shown(a) for a in args] + [f"{k}={shown(v)}" for k, v in kwargs.items()])
            message = (f"iptkit.{fn.__name__}: an argument has the wrong type (given: {given}); the core takes "
                       f"{_accepted(text)}")
            if len(message) > LIMIT:
                message = message[:LIMIT - 4].rsplit(" ", 1)[0] + " ..."
            raise TypeError(message) from None

    return call
