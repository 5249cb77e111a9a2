"""Chunking of bulk calls, with an optional tqdm progress bar."""

from __future__ import annotations

from typing import Iterator, Sequence, TypeVar

from ._optional import require

T = TypeVar("T")

CHUNK = 2048
"""Cases per C++ call when a progress bar is shown (one call otherwise)."""


def chunks(items: Sequence[T], progress: bool, what: str) -> Iterator[Sequence[T]]:
    """``items`` whole, or in CHUNK-sized slices while a tqdm bar counts them."""
    if not progress:
        yield items
        return
    tqdm = require("tqdm.auto", "progress", "progress=True").tqdm

    with tqdm(total=len(items), desc=what, unit="case") as bar:
        for start in range(0, len(items), CHUNK):
            part = items[start:start + CHUNK]
            yield part
            bar.update(len(part))
