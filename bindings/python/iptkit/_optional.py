"""What the optional extras bring, asked for by name: a missing one says which extra installs it,
and an instrument id the catalog lacks says which ones it has."""

from __future__ import annotations

import difflib
import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._core import Catalog, Instrument


def require(module: str, extra: str, what: str) -> ModuleType:
    """``module`` imported, or ImportError naming the extra that brings it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        top = module.split(".")[0]
        raise ImportError(f"{what} needs {top}, which is not installed: pip install 'iptkit[{extra}]'") from e


def instrument(instrument: str, catalog: Catalog | None, where: str) -> Instrument:
    """The catalog's instrument ``instrument`` (default: the built-ins), or ValueError listing its ids,
    so that a misspelt id raises instead of drawing or filtering nothing."""
    from ._core import Catalog

    if not isinstance(instrument, str):
        shown = type(instrument).__name__
        raise TypeError(f"{where}: expected an instrument id (a str), found {shown}")
    instruments = (catalog if catalog is not None else Catalog()).instruments
    found = instruments.find(instrument)
    if found is not None:
        return found
    known = list(instruments.ids)
    lowered = {k.lower(): k for k in known}
    near = [lowered[m] for m in difflib.get_close_matches(instrument.lower(), list(lowered), n=1, cutoff=0.6)]
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    shown = repr(instrument) if len(repr(instrument)) <= 60 else repr(instrument)[:57] + "..."
    raise ValueError(f"{where}: no instrument {shown} in the catalog (it has {', '.join(known)}){hint}")
