"""What the optional extras bring, asked for by name: a missing one says which extra installs it,
and an instrument id the catalog lacks says which ones it has."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from ._spelled import near_miss, shown

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
    so that a misspelt id raises instead of drawing or filtering nothing (also the check of the
    compiled case_trajectory_svg)."""
    from ._core import Catalog

    if not isinstance(instrument, str):
        raise TypeError(f"{where}: expected an instrument id (a str), found {type(instrument).__name__}")
    instruments = (catalog if catalog is not None else Catalog()).instruments
    found = instruments.find(instrument)
    if found is not None:
        return found
    known = list(instruments.ids)
    raise ValueError(f"{where}: no instrument {shown(instrument)} in the catalog (it has {', '.join(known)})"
                     f"{near_miss(instrument, known, 0.6)}")
