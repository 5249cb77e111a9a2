"""iptkit on a Dask cluster: a cohort stored as many JSON Lines files, one partition per file.

Every file is read, validated and turned into outcome rows by the C++ core on a worker, so the
client never holds the cases. The results equal the single-process functions of :mod:`iptkit` on
the concatenation of the files in sorted order (see docs/scale-out.md). Needs ``iptkit[dask]``;
``import iptkit`` does not import this module.
"""

from __future__ import annotations

import glob as _glob
import os
from typing import Any, Iterable, Sequence, TypeVar, Union

import pandas as pd

from . import _optional

_optional.require("dask.dataframe", "dask", "iptkit.dask")  # before the imports below, to name the extra

import dask.bag as db
import dask.dataframe as dd
from dask.delayed import Delayed, delayed

import iptkit

from ._core import Case, Catalog, GroupBy
from ._findings import findings_frame

__all__ = ["files", "read_bag", "outcomes", "validate", "summary"]

PathLike = Union[str, "os.PathLike[str]"]
Source = Union[PathLike, db.Bag]
T = TypeVar("T")

_FINDING_TEXT = ("case_id", "code", "path", "message")


def _is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _local(path: str) -> str:
    return path[len("file://"):] if path.startswith("file://") else path


def files(path: PathLike, pattern: str = "*.jsonl") -> list[str]:
    """The files of a cohort, sorted by path: their order is the order of the cohort's cases.

    ``path`` is a directory (its files matching ``pattern``; ``**`` recurses), a single file, or a
    glob. URLs (``s3://``, ``gs://``, ``abfs://`` ...) are listed with fsspec, so the matching
    fsspec driver (s3fs, gcsfs ...) must be installed where this runs and on the workers.
    """
    p = os.fspath(path)
    if _is_url(p):
        return _remote_files(p, pattern)
    p = _local(p)
    if os.path.isdir(p):
        found = _glob.glob(os.path.join(_glob.escape(p), pattern), recursive=True)
    elif os.path.exists(p):
        return [p]
    else:
        found = _glob.glob(p, recursive=True)
    return sorted(f for f in found if os.path.isfile(f))


def _remote_files(url: str, pattern: str) -> list[str]:
    import fsspec  # type: ignore[import-untyped]  # a dask dependency

    fs, root = fsspec.core.url_to_fs(url)
    if fs.isfile(root):
        return [url]
    where = root.rstrip("/") + "/" + pattern if fs.isdir(root) else root
    found = fs.glob(where, detail=True)  # one listing, not one request per file
    return sorted(str(fs.unstrip_protocol(f)) for f, info in found.items() if info["type"] == "file")


def _read_file(path: str, lax: bool, errors: iptkit.ErrorMode,
               catalog: Catalog | None) -> list[Case]:
    """One file's cases (runs on a worker), read by the library's cohort reader: a local path
    directly; a URL fetched with fsspec first (at most ``max_cohort_bytes``), its entries and
    messages naming the URL."""
    if not _is_url(path):
        return list(iptkit.read_cases(_local(path), lax=lax, catalog=catalog, errors=errors))
    import fsspec

    # Within the cohort limit: one byte more tells the reader that the file is larger.
    with fsspec.open(path, "rb") as f:
        data: bytes = f.read(iptkit.ReadLimits().max_cohort_bytes + 1)
    if not data.strip():
        return []
    return list(iptkit._read_cases_in(data, path, lax=lax, catalog=catalog, errors=errors))


def _shared(value: T | None) -> T | Delayed | None:
    """A registry or rule set as one graph key, so each worker receives it once rather than
    once per task."""
    return None if value is None else delayed(value, pure=False)


def read_bag(path: PathLike, pattern: str = "*.jsonl", *, lax: bool = False,
             errors: iptkit.ErrorMode = "raise", catalog: Catalog | None = None) -> db.Bag:
    """The cohort's :class:`iptkit.Case` objects as a Bag: one partition per file, in file order.

    ``lax`` and ``errors`` mean what they mean for :func:`iptkit.read_cases`, applied on the
    workers: with ``errors="raise"`` the first unreadable case fails the computation with a
    :class:`iptkit.DecodeError` naming the file and line; with ``errors="collect"`` unreadable
    cases are left out (list them with ``iptkit.read_cases(file, errors="collect").errors``).
    ``lax`` warnings are issued on the workers, not on the client.
    """
    iptkit._check_mode(errors)
    names = files(path, pattern)
    if not names:
        raise FileNotFoundError(f"iptkit: no files matching {pattern!r} in {os.fspath(path)}")
    shared = _shared(catalog)
    parts = [delayed(_read_file, pure=True)(name, lax, errors, shared) for name in names]
    bag: db.Bag = db.from_delayed(parts)  # type: ignore[no-untyped-call]
    return bag


def _as_bag(source: Source, pattern: str, catalog: Catalog | None = None) -> db.Bag:
    return source if isinstance(source, db.Bag) else read_bag(source, pattern, catalog=catalog)


def _partitions(bag: db.Bag) -> list[Delayed]:
    parts: list[Delayed] = bag.to_delayed()  # type: ignore[no-untyped-call]
    return parts


def _conform(frame: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """A partition with the dtypes of ``meta``: an empty file's text columns would otherwise be
    object rather than string, and Dask requires every partition to match the meta."""
    wrong = {c: t for c, t in meta.dtypes.items() if frame[c].dtype != t}
    return frame.astype(wrong) if wrong else frame


def _outcome_part(cases: Iterable[Case], catalog: Catalog | None) -> tuple[pd.DataFrame, int]:
    """One partition's outcome rows, numbered from 0, and its number of cases."""
    items = list(cases)
    return iptkit.outcomes(items, catalog=catalog), len(items)


def _count(part: tuple[pd.DataFrame, int]) -> int:
    return part[1]


def _add(a: int, b: int) -> int:
    return a + b


def _place(part: tuple[pd.DataFrame, int], first_index: int, meta: pd.DataFrame) -> pd.DataFrame:
    """A partition's rows with ``case_index`` counted across the whole cohort."""
    frame = part[0]  # shared with the _count task: never modified in place
    if first_index:
        frame = frame.assign(case_index=frame["case_index"] + first_index)
    return _conform(frame, meta)


def outcomes(source: Source, *, pattern: str = "*.jsonl",
             catalog: Catalog | None = None) -> dd.DataFrame:
    """The per-case outcome rows of :func:`iptkit.outcomes` as a Dask DataFrame, one partition
    per file (or per partition of a Bag of cases, e.g. from :func:`read_bag` with ``lax`` or
    ``errors="collect"``).

    ``case_index`` is the case's position in the whole cohort. Each file is parsed once: its task
    returns its rows numbered from 0 and its case count, and a chain of tiny additions gives each
    partition the sum of the counts before it, so a partition waits only for the files before it
    (a separate counting pass would parse every file twice; counting lines would be wrong for
    unreadable lines under ``errors="collect"``). The index of the result is each partition's own
    0..n-1; use ``reset_index(drop=True)`` after ``compute()``.
    """
    meta = iptkit.outcomes([], catalog=catalog)
    shared = _shared(catalog)
    raw = [delayed(_outcome_part, pure=True)(p, shared) for p in _partitions(_as_bag(source, pattern, catalog))]
    return _numbered(raw, meta)


def _numbered(raw: list[Delayed], meta: pd.DataFrame) -> dd.DataFrame:
    """The partitions' frames with ``case_index`` counted across the whole cohort; each of ``raw``
    gives (frame numbered from 0, its case count)."""
    parts: list[Delayed] = []
    first: Any = 0
    for r in raw:
        parts.append(delayed(_place, pure=True)(r, first, meta))
        first = delayed(_add, pure=True)(first, delayed(_count, pure=True)(r))
    result: dd.DataFrame = dd.from_delayed(parts, meta=meta, verify_meta=False)
    return result


def _findings_meta() -> pd.DataFrame:
    """The columns of :func:`iptkit.findings_frame`, with the text dtype pandas gives a column of
    Python strings (``str`` on pandas 3, object before), as the single-process frame has."""
    text = pd.Series(["x"]).dtype
    meta = findings_frame([])
    return meta.astype({c: text for c in _FINDING_TEXT})


def _findings_part(cases: Iterable[Case], catalog: Catalog | None) -> tuple[pd.DataFrame, int]:
    items = list(cases)
    return findings_frame(iptkit.validate(items, catalog=catalog)), len(items)


def validate(source: Source, *, pattern: str = "*.jsonl", catalog: Catalog | None = None) -> dd.DataFrame:
    """The findings of every case as a Dask DataFrame with the columns of
    :func:`iptkit.findings_frame` (case_index, case_id, code, severity, path, message), one
    partition per file; ``case_index`` is the case's position in the whole cohort, counted as
    :func:`outcomes` counts it. Files are read with the same ``catalog``, as its protocols decide
    what a case may hold."""
    shared = _shared(catalog)
    raw = [delayed(_findings_part, pure=True)(part, shared) for part in _partitions(_as_bag(source, pattern, catalog))]
    return _numbered(raw, _findings_meta())


def _summary(parts: Sequence[Iterable[Case]], by: str | None,
             catalog: Catalog | None) -> pd.DataFrame:
    cases = [c for part in parts for c in part]
    return iptkit.summary(cases, by=by, catalog=catalog)


def summary(source: Source, *, pattern: str = "*.jsonl", by: GroupBy | str | None = None,
            catalog: Catalog | None = None) -> Delayed:
    """:func:`iptkit.summary` of the whole cohort, as a Delayed pandas DataFrame.

    Not scaled out: the statistics need every case together and the core exposes no partial
    results that could be merged, so the files are read on the workers and then every case is
    sent to ONE worker, which computes the summary. That worker needs memory for the whole
    cohort's cases (about what ``iptkit.read_cases`` of all files takes); the client receives only
    the small summary table. For a cohort one machine cannot hold, summarise
    :func:`outcomes` with Dask instead.
    """
    name = by.name if isinstance(by, GroupBy) else by
    parts = _partitions(_as_bag(source, pattern, catalog))
    result: Delayed = delayed(_summary, pure=True)(parts, name, _shared(catalog))
    return result

