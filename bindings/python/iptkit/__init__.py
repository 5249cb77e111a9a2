"""iptkit: Interpersonal Psychotherapy (IPT) cases, protocol validation, outcomes and statistics.

The model, the reader, the rules and the statistics are iptkit's C++ library (``iptkit._core``);
this package adds the notebook layer: pandas tables, HTML views, plots and Dask. See docs/python.md.
"""

from __future__ import annotations

import contextlib as _contextlib
import copy as _copy
import functools as _functools
import json as _json
from dataclasses import dataclass as _dataclass
import os as _os
import warnings as _warnings
import secrets as _secrets
import stat as _stat
from typing import IO, Any, Callable, Iterable, Iterator, Literal, Sequence, Union
from typing import SupportsIndex as _SupportsIndex, overload as _overload

import pandas as _pd

from . import _core, _optional
from . import _grouping as _grouping_mod
from ._calls import plain_type_errors as _plain_type_errors
from ._grouping import Grouping
from ._core import (
    AdverseEvent,
    AffectiveFocus,
    Assessment,
    AssessmentRecord,
    Attendance,
    Case,
    CaseOutcome,
    Catalog,
    CohortSummary,
    ConcurrentTreatment,
    ConsortArm,
    ConsortBox,
    ConsortFlow,
    ConsortReason,
    ContactFrequency,
    Contract,
    CourseProgress,
    DateHandling,
    DeficitPattern,
    DeidAction,
    DeidChange,
    DeidMapping,
    DeidPseudonym,
    DeidReport,
    Deidentified,
    DeidentifyOptions,
    Diagnosis,
    DiagnosisSystem,
    Discontinuation,
    DiscontinuationReason,
    DiscontinuedBy,
    DisputeStage,
    EffectSize,
    ErrorKind,
    Expectation,
    ExpectationHolder,
    ExpectationStatus,
    FhirAttach,
    FhirImportResult,
    Finding,
    FocusModel,
    Formulation,
    GriefFocus,
    GriefType,
    GroupBy,
    AnalysisSet,
    MissingOutcome,
    AnalysisPopulation,
    GroupComparison,
    GroupSummary,
    Homework,
    HomeworkStatus,
    ImportErrorKind,
    ImportIssue,
    ImportResult,
    Instrument,
    InstrumentRegistry,
    InterpersonalDeficitsFocus,
    InterpersonalSchema,
    Inventory,
    JacobsonTruax,
    MaintenancePlan,
    MeanSd,
    MeasureStatus,
    NotComputed,
    OpenRiskAlert,
    OverdueTask,
    Phase,
    PlannedSession,
    ProblemArea,
    Proportion,
    Protocol,
    ProtocolKind,
    ProtocolRegistry,
    RateDifference,
    Rater,
    ReadError,
    ReadLimits,
    RelapseKind,
    RelapseRule,
    Relatedness,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    Renegotiation,
    ReviewerRole,
    RiskReview,
    RiskReviewOutcome,
    RoleDisputeFocus,
    RoleTransitionFocus,
    RuleSet,
    ScoreDirection,
    Session,
    SessionFrequency,
    Severity,
    SeverityBand,
    SynthAreaShare,
    SynthArm,
    SynthDeviations,
    SynthOptions,
    SynthTrial,
    SynthShare,
    Task,
    TherapyFormat,
    TherapyModality,
    TransitionType,
    TreatmentKind,
    TrialRecord,
    case_trajectory_svg,
    check,
    closeness_circle_svg,
    consort_svg,
    html_report,
    plan,
    progress,
    wilson,
)
from ._errors import DecodeError, DecodeWarning, TableError
from ._import import import_fhir, import_redcap, import_tables, issues_frame
from ._findings import Findings, ValidationResults, findings_frame
from ._trials import Consort, RelapseSurvival
from ._frames import frame as _frame
from ._progress import chunks as _chunks

__version__: str = _core.__version__

PathLike = Union[str, "_os.PathLike[str]"]
Focus = Union[GriefFocus, RoleDisputeFocus, RoleTransitionFocus, InterpersonalDeficitsFocus]


@_dataclass(frozen=True)
class InputError:
    """A case of a cohort input that could not be read."""

    index: int
    """0-based position among the cases of the input."""
    line: int | None
    """1-based line of a JSON Lines input; None for a document or a JSON array."""
    errors: list[ReadError]
    """Every structural error of the case."""
    case_id: str | None = None
    """The case's ``case_id`` when it is a well-formed identifier, else None (a value that is not
    one is never echoed)."""
    source: str = ""
    """The input's name: the path as given, or "" for text or bytes."""


class CaseList(list[Case]):
    """The cases read from a cohort input; ``errors`` lists the ones that could not be read
    (empty unless ``errors="collect"``)."""

    errors: list[InputError]

    def __init__(self, cases: Iterable[Case] = (), errors: Iterable[InputError] = ()) -> None:
        super().__init__(cases)
        self.errors = list(errors)

    @_overload
    def __getitem__(self, i: _SupportsIndex) -> Case: ...
    @_overload
    def __getitem__(self, i: slice) -> CaseList: ...

    def __getitem__(self, i: _SupportsIndex | slice) -> Case | CaseList:
        # A slice is a CaseList (so it shows in one line and keeps working with the API); its
        # errors are the input's unreadable cases, which belong to no slice: it has none.
        if isinstance(i, slice):
            return CaseList(list.__getitem__(self, i))
        return list.__getitem__(self, i)

    def __repr__(self) -> str:
        # One line, as Cohort's: a notebook showing a cohort printed every case (463 KB for 5,000).
        n = len(self)
        ids = "" if n == 0 else f" ({self[0].case_id}" + (f" ... {self[-1].case_id})" if n > 1 else ")")
        unread = f", {len(self.errors):,} not read" if self.errors else ""
        return f"<iptkit.CaseList: {n:,} case{'' if n == 1 else 's'}{ids}{unread}>"

    def __reduce_ex__(self, protocol: _SupportsIndex) -> Any:
        # Chunks of compact JSON, each a bytearray the loader empties once read: the pickler and
        # the unpickler keep every object they handle until the end, so one state per case held
        # the cohort's JSON twice beside the cohort (3.6x its size at the peak).
        return (_CaseListLoader, (), self.__dict__, _pickled_chunks(self))

    # The copy module sets the state before the items (pickle after them), so it does not use
    # the chunked form.
    def __copy__(self) -> CaseList:
        out = CaseList(self, self.errors)  # the same cases; a list of errors of its own
        out.__dict__.update({k: v for k, v in self.__dict__.items() if k != "errors"})
        return out

    def copy(self) -> CaseList:
        """A shallow copy: the same Case objects, in a CaseList with its own ``errors`` list."""
        return self.__copy__()

    # A concatenation or repetition is a CaseList, like a slice; like a slice it has no errors
    # (theirs are positions in the inputs it came from).
    def __add__(self, other: Iterable[Case]) -> CaseList:  # type: ignore[override]
        return CaseList(list.__add__(self, list(other)))

    def __mul__(self, n: _SupportsIndex) -> CaseList:
        return CaseList(list.__mul__(self, n))

    __rmul__ = __mul__

    def __deepcopy__(self, memo: dict[int, Any]) -> CaseList:
        out = CaseList(_copy.deepcopy(list(self), memo))
        out.__dict__.update(_copy.deepcopy(self.__dict__, memo))
        return out


_PICKLE_CHUNK = 256


class _CaseChunk:
    """Cases of a pickled CaseList: compact JSON lines and the adaptations swapped out."""

    __slots__ = ("blob", "adaptations")

    def __init__(self, blob: bytearray, adaptations: list[tuple[int, str]]) -> None:
        self.blob = blob
        self.adaptations = adaptations

    def __reduce__(self) -> Any:
        return (_CaseChunk, (self.blob, self.adaptations))


def _pickled_chunks(cases: CaseList) -> Iterator[Any]:
    for start in range(0, len(cases), _PICKLE_CHUNK):
        part = list.__getitem__(cases, slice(start, start + _PICKLE_CHUNK))
        packed = _core.cases_pickle(part)
        if packed is None:  # an item that is not a well-formed Case: each pickles on its own
            yield from part
        else:
            yield _CaseChunk(*packed)


class _CaseListLoader(CaseList):
    """What a CaseList unpickles as until its state is set, when it becomes a CaseList."""

    def append(self, item: Any) -> None:  # copy.deepcopy rebuilds a list item by item
        if type(item) is _CaseChunk:
            list.extend(self, _core.cases_from_pickle(item.blob, item.adaptations))
            item.blob.clear()  # the unpickler holds the chunk to the end; its text is done
        else:
            list.append(self, item)

    def extend(self, items: Iterable[Any]) -> None:  # pickle's APPENDS
        for item in items:
            self.append(item)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__class__ = CaseList  # type: ignore[assignment]


ErrorMode = Literal["raise", "collect"]


def _is_text(source: Any) -> bool:
    return isinstance(source, str) and source.lstrip()[:1] in ("{", "[")


def _checked_path(source: PathLike) -> str:
    """The path, after Python's own open() has said whether it can be read (the usual OSError
    subclasses for a missing file, a folder or a denied one); the library reads it."""
    path = _os.fspath(source)
    with open(path, "rb"):
        pass
    return path


def _located(e: ReadError) -> str:
    where = f"line {e.line}" + (f", column {e.column}" if e.column is not None else "") if e.line else ""
    return f"{where}: " if where else ""


@_plain_type_errors
def read_case(source: PathLike | bytes, *, lax: bool = False,
              catalog: Catalog | None = None, redact: bool = False,
              limits: ReadLimits | None = None) -> Case:
    """Reads one case document from a path, JSON text or bytes.

    Raises :class:`DecodeError` listing every structural error with its JSON Pointer. With
    ``lax=True`` unknown fields are ignored with a :class:`DecodeWarning`. With ``redact=True``
    no message quotes a value of the document. ``limits`` (a :class:`ReadLimits`) changes the
    size, depth, string and list limits; beyond one the error kind is ``limit_exceeded``.
    """
    if _is_text(source):
        return _core.read_case_text(str(source), lax=lax, catalog=catalog, redact=redact,
                                    limits=limits)
    if isinstance(source, bytes):
        # The bytes as they are: bytes that are not UTF-8 are a syntax error, not replaced.
        return _core.read_case_text(source, lax=lax, catalog=catalog, redact=redact, limits=limits)
    # At most max_document_bytes + 1 bytes of the file are read.
    return _core.read_case_file(_checked_path(source), lax=lax, catalog=catalog, redact=redact,
                                limits=limits)


def _check_mode(errors: str) -> None:
    if errors not in ("raise", "collect"):
        raise ValueError(f"iptkit: errors must be 'raise' or 'collect', not {errors!r}")


@_plain_type_errors
def read_cases(source: PathLike | bytes, *, lax: bool = False,
               catalog: Catalog | None = None, errors: ErrorMode = "raise",
               redact: bool = False, limits: ReadLimits | None = None) -> CaseList:
    """Reads every case of a cohort file (one document, a JSON array or JSON Lines), in bulk.

    With ``errors="raise"`` (the default) the first unreadable case raises :class:`DecodeError`;
    with ``errors="collect"`` unreadable cases are skipped and listed in the result's ``errors``.
    ``redact`` and ``limits`` are as for :func:`read_case` (each case or line is held to the
    per-document limits). Parsing runs in C++ without the GIL.
    """
    _check_mode(errors)
    if _is_text(source):
        cases, failed = _core.read_cohort_text(str(source).encode(), "", lax=lax, catalog=catalog,
                                               redact=redact, limits=limits)
    elif isinstance(source, bytes):
        cases, failed = _core.read_cohort_text(source, "", lax=lax, catalog=catalog,
                                               redact=redact, limits=limits)
    else:
        # The library's cohort reader: JSON Lines streamed, anything else within max_cohort_bytes.
        cases, failed = _core.read_cohort_file(_checked_path(source), lax=lax, catalog=catalog,
                                               redact=redact, limits=limits)
    return _case_list(cases, failed, errors)


def _case_list(cases: list[Case], failed: list[Any], errors: ErrorMode) -> CaseList:
    problems = [InputError(*entry) for entry in failed]
    if problems and errors == "raise":
        raise _unreadable(problems[0])
    return CaseList(cases, problems)


def _unreadable(entry: InputError) -> DecodeError:
    """The error of an unreadable case of a cohort input: the input, the line or position, and
    every structural error."""
    where = f"line {entry.line}" if entry.line else f"case {entry.index}"
    return DecodeError(f"{entry.source or 'input'}: {where} could not be read\n" +
                       "\n".join(f"  {_located(e)}{e.path or '(document)'}: {e.message}" for e in entry.errors),
                       entry.errors)


def _read_cases_in(data: bytes, source: str, *, lax: bool, catalog: Catalog | None,
                   errors: ErrorMode) -> CaseList:
    """The cases of a file already in memory (one Dask fetched), read as read_cases reads the
    file at ``source``: shape by name, then content; ``source`` names its entries."""
    _check_mode(errors)
    cases, failed = _core.read_cohort_text(data, source, lax=lax, catalog=catalog)
    return _case_list(cases, failed, errors)


class CaseIterator(Iterator[Case]):
    """Cases of a cohort file one at a time; ``errors`` lists the entries skipped so far
    (``errors="collect"``)."""

    def __init__(self, source: Iterator[Case], errors: Any) -> None:
        self._source = source
        self._errors = errors

    def __iter__(self) -> CaseIterator:
        return self

    def __next__(self) -> Case:
        try:
            return next(self._source)
        except DecodeError:
            met = self.errors
            if not met:
                raise
            raise _unreadable(met[-1]) from None

    @property
    def errors(self) -> list[InputError]:
        """The unreadable entries met so far."""
        if isinstance(self._errors, list):
            return list(self._errors)
        return [InputError(*entry) for entry in self._errors.errors]


@_plain_type_errors
def iter_cases(source: PathLike, *, lax: bool = False, catalog: Catalog | None = None,
               errors: ErrorMode = "raise", redact: bool = False,
               limits: ReadLimits | None = None) -> CaseIterator:
    """The cases of a cohort file one at a time, by the library's cohort reader. JSON Lines files
    are streamed (memory does not grow with the file); a JSON array or a single document is read
    whole first (at most ``max_cohort_bytes`` of it). With
    ``errors="collect"`` unreadable entries are skipped and listed in the iterator's ``errors``."""
    _check_mode(errors)
    stream = _core.CaseStream(_checked_path(source), lax=lax, catalog=catalog,
                              skip_errors=errors == "collect", redact=redact, limits=limits)
    return CaseIterator(stream, stream)


def _as_cases(cases: Case | Iterable[Case] | PathLike, *, catalog: Catalog | None,
              redact: bool = False, errors: ErrorMode = "raise", what: str = "") -> Sequence[Case]:
    # `catalog` has no default: a path must be read with the caller's catalog, never the built-ins.
    _check_mode(errors)
    if isinstance(cases, Case):
        return [cases]
    if isinstance(cases, (str, _os.PathLike)):
        read = read_cases(cases, redact=redact, catalog=catalog, errors=errors)
        if read.errors:
            _warnings.warn(_skipped(read.errors, what), DecodeWarning, stacklevel=3)
        return read
    return cases if isinstance(cases, list) else list(cases)


def _skipped(errors: list[InputError], what: str) -> str:
    """The warning of a path read with errors="collect": how many cases were left out, the first."""
    first = errors[0]
    where = f"line {first.line}" if first.line else f"case {first.index}"
    problem = f"{first.errors[0].path or '(document)'}: {first.errors[0].message}" if first.errors else ""
    n = len(errors)
    return (f"iptkit.{what}: {n:,} case{'' if n == 1 else 's'} of {first.source or 'the input'} could not be read "
            f"and {'is' if n == 1 else 'are'} left out (errors='collect'); the first, {where}: {problem}")[:500]


def _unread(items: Sequence[Case]) -> list[InputError]:
    """The cases a path read with errors="collect" left out (none for cases given as objects)."""
    return list(items.errors) if isinstance(items, CaseList) else []


@_plain_type_errors
def validate(cases: Case | Iterable[Case] | PathLike, *, catalog: Catalog | None = None,
             threads: int = 1, progress: bool = False, redact: bool = False,
             errors: ErrorMode = "raise") -> ValidationResults:
    """The findings of each case against the IPT protocol: one :class:`Findings` list per case,
    in input order, each naming its case (``case_id``); ``to_frame()`` gives the tidy table.
    ``threads`` > 1 splits the cases across threads (same result). With ``redact=True`` each
    message is its rule's title, which quotes no value of the case (a path given is read with
    ``redact=True`` too). ``errors="collect"``: a path's unreadable cases are left out with a
    :class:`DecodeWarning` and listed in the result's ``errors``."""
    items = _as_cases(cases, redact=redact, catalog=catalog, errors=errors, what="validate")
    out = ValidationResults(errors=_unread(items))
    for chunk in _chunks(items, progress, "validating"):
        found = _core.validate_cohort(chunk, catalog=catalog, threads=threads, redact=redact)
        out.extend(Findings(f, c.case_id) for f, c in zip(found, chunk, strict=True))
    return out


def _validate_case(self: Case, *, catalog: Catalog | None = None, redact: bool = False) -> Findings:
    """Every finding for this case against the IPT protocol, in document order (``redact``: as
    for :func:`validate`)."""
    return Findings(_core.validate(self, catalog=catalog, redact=redact), self.case_id)


@_plain_type_errors
def outcomes(cases: Case | Iterable[Case] | PathLike, *, catalog: Catalog | None = None,
             threads: int = 1, progress: bool = False, recovery_period_months: int = 4,
             instruments: Iterable[str] | None = None, errors: ErrorMode = "raise") -> _pd.DataFrame:
    """The per-case outcomes as a DataFrame: one row per case and instrument (plus the paired
    ``phq9+gad7`` row), columns as :class:`CaseOutcome`. Computed in C++ without the GIL,
    straight into numpy columns. ``recovery_period_months``: how long a remission must hold for a
    later relapse-rule firing to be a recurrence rather than a relapse (4: Rush et al. 2006).
    ``instruments``: only the rows of these ids (the catalog's, or ``phq9+gad7``); an id the
    catalog lacks raises ValueError listing the ones it has, rather than giving no rows.
    ``errors="collect"``: a path's unreadable cases are left out with a :class:`DecodeWarning`
    and listed in ``attrs["errors"]`` of the frame."""
    wanted = None
    if instruments is not None:
        if isinstance(instruments, str):
            raise TypeError("iptkit.outcomes: instruments: expected a list of instrument ids, found a str "
                            f"(instruments=[{instruments!r}] for one)")
        wanted = [i if i == _PAIRED else _optional.instrument(i, catalog, "iptkit.outcomes").id for i in instruments]
    items = _as_cases(cases, catalog=catalog, errors=errors, what="outcomes")
    parts = []
    first = 0
    for chunk in _chunks(items, progress, "outcomes"):
        parts.append(_frame(_core.outcome_columns(chunk, catalog=catalog, threads=threads,
                                                  recovery_period_months=recovery_period_months,
                                                  first_index=first)))
        first += len(chunk)
    if not parts:
        parts.append(_frame(_core.outcome_columns([], catalog=catalog, recovery_period_months=recovery_period_months)))
    out = parts[0] if len(parts) == 1 else _pd.concat(parts, ignore_index=True)
    if wanted is not None:
        out = out[out["instrument"].isin(wanted)].reset_index(drop=True)
    out.attrs["errors"] = _unread(items)
    return out


_PAIRED = "phq9+gad7"
"""The instrument of the paired row outcomes() adds for a case with both PHQ-9 and GAD-7."""


TableName = Literal["cases", "sessions", "assessments", "relationships", "outcomes"]
TABLES: tuple[TableName, ...] = ("cases", "sessions", "assessments", "relationships", "outcomes")
"""The tidy tables, in the order they are written (docs/interop.md lists every column)."""


@_plain_type_errors
def tables(cases: Case | Iterable[Case] | PathLike, *, dates: bool = True, complete: bool = False,
           catalog: Catalog | None = None, errors: ErrorMode = "raise") -> dict[str, _pd.DataFrame]:
    """The five tidy tables of a cohort as DataFrames: ``cases``, ``sessions``, ``assessments``
    (items as ``item_1`` .. ``item_n``), ``relationships`` (no ids, labels or free text) and
    ``outcomes``; every row has ``case_id`` and ``day`` (days since the contract start). With
    ``dates=False`` calendar dates are left out. Built in C++ straight into numpy columns.
    A case that is not well formed (:func:`check`) raises :class:`DecodeError`; ``catalog``
    holds the adaptations the cases may name and the instruments that score them. ``complete=True``
    adds, after the analysis columns, what :func:`import_tables` needs to give every case back
    unchanged: identifiers, free text and the recorded values (docs/import.md).
    ``errors="collect"``: a path's unreadable cases are left out with a :class:`DecodeWarning`
    and listed in ``attrs["errors"]`` of each frame."""
    items = _as_cases(cases, catalog=catalog, errors=errors, what="tables")
    columns = _core.tidy_columns(items, dates=dates, catalog=catalog, complete=complete)
    out: dict[str, _pd.DataFrame] = {name: _frame(columns[name]) for name in TABLES}
    if not dates:
        out = {name: f.drop(columns=[c for c in f.columns if c.endswith("date")]) for name, f in out.items()}
    for f in out.values():
        f.attrs["errors"] = _unread(items)
    return out


@_plain_type_errors
def assessments(cases: Case | Iterable[Case] | PathLike, *,
                catalog: Catalog | None = None, errors: ErrorMode = "raise") -> _pd.DataFrame:
    """The ``assessments`` tidy table: one row per assessment with its day, scored total, band
    and item scores (``errors`` as for :func:`tables`)."""
    items = _as_cases(cases, catalog=catalog, errors=errors, what="assessments")
    out = tables(items, catalog=catalog)["assessments"]
    out.attrs["errors"] = _unread(items)
    return out


def _write_bytes(f: IO[bytes], data: bytes) -> None:
    f.write(data)


def _write_parquet(f: IO[bytes], frame: _pd.DataFrame) -> None:
    _optional.require("pyarrow", "parquet", "writing Parquet")
    frame.to_parquet(f, index=False)


def _write_atomically(path: str, write: Callable[[IO[bytes]], object]) -> None:
    """Writes ``path`` through a temporary file in the same folder, flushed to disk and renamed
    into place, so that a failed or interrupted write leaves the old file as it was."""
    directory, name = _os.path.split(_os.path.abspath(path))
    temp = _os.path.join(directory, f".{name}.tmp-{_os.getpid()}-{_secrets.token_hex(4)}")
    # 0o666 less the umask, as open() would make it; O_EXCL: never someone else's file.
    fd = _os.open(temp, _os.O_WRONLY | _os.O_CREAT | _os.O_EXCL | getattr(_os, "O_CLOEXEC", 0), 0o666)
    try:
        with _os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            _os.fsync(f.fileno())
        with _contextlib.suppress(FileNotFoundError):  # a replacement keeps the old permissions
            _os.chmod(temp, _stat.S_IMODE(_os.stat(path).st_mode))
        _os.replace(temp, path)
    except BaseException:
        with _contextlib.suppress(OSError):
            _os.unlink(temp)
        raise


@_plain_type_errors
def write_tables(cases: Case | Iterable[Case] | PathLike, directory: PathLike, *,
                 format: Literal["csv", "parquet"] = "csv", dates: bool = True, complete: bool = False,
                 catalog: Catalog | None = None, raw_cells: bool = False,
                 errors: ErrorMode = "raise") -> list[str]:
    """Writes the five tidy tables to ``directory`` (created if needed) as ``<table>.csv`` (the
    same bytes as ``iptkit convert --to csv``) or ``<table>.parquet`` (pyarrow); returns the paths.
    Each file is written to a temporary file and renamed into place: a failed write leaves the
    old file intact. ``complete=True``: the columns :func:`import_tables` needs (see :func:`tables`).

    CSV text cells are spreadsheet-safe: one that begins with ``=``, ``+``, ``-``, ``@``, tab or
    carriage return (which Excel or LibreOffice would run as a formula) gets a leading ``'``, as
    does one that begins with ``'`` and one of those or another ``'``; :func:`import_tables` removes
    it again. Numbers, dates and booleans are never changed. ``raw_cells=True`` writes text cells
    as they are. Parquet always holds the values as they are. ``errors="collect"``: a path's
    unreadable cases are left out with a :class:`DecodeWarning`."""
    if format not in ("csv", "parquet"):
        raise ValueError(f"iptkit: format must be 'csv' or 'parquet', not {format!r}")
    if not isinstance(raw_cells, bool):
        raise TypeError(f"iptkit: raw_cells: expected True or False, not {type(raw_cells).__name__}")
    items = _as_cases(cases, catalog=catalog, errors=errors, what="write_tables")
    written = []
    if format == "csv":
        # Every table is made before anything is written: a refused cohort leaves nothing behind.
        texts = {table: _core.tidy_csv(items, table, dates=dates, catalog=catalog, complete=complete,
                                       raw_cells=raw_cells).encode("utf-8")
                 for table in TABLES}
        _os.makedirs(directory, exist_ok=True)
        for table, text in texts.items():
            path = _os.path.join(directory, f"{table}.csv")
            _write_atomically(path, _functools.partial(_write_bytes, data=text))
            written.append(path)
    else:
        frames = tables(items, dates=dates, complete=complete, catalog=catalog)
        _os.makedirs(directory, exist_ok=True)
        for name, frame in frames.items():
            path = _os.path.join(directory, f"{name}.parquet")
            # needs pyarrow (iptkit[parquet])
            _write_atomically(path, _functools.partial(_write_parquet, frame=frame))
            written.append(path)
    return written


@_plain_type_errors
def write_cases(cases: Case | Iterable[Case] | PathLike, path: PathLike, *, catalog: Catalog | None = None,
                errors: ErrorMode = "raise") -> str:
    """Writes the cases to ``path`` in their canonical JSON, as JSON Lines (``.jsonl``,
    ``.ndjson``) or a JSON array with one case per line (``.json``), chosen by the extension;
    returns the path. Every case is checked first (:func:`check`): if any is not well formed,
    :class:`DecodeError` lists every such case (paths ``/<index>/...``) and nothing is written.
    The file is written to a temporary file and renamed into place, so a failed write leaves
    the old file as it was. ``errors`` as for :func:`validate` when ``cases`` is a path."""
    target = _os.fspath(path)
    extension = _os.path.splitext(target)[1].lower()
    if extension not in (".jsonl", ".ndjson", ".json"):
        raise ValueError(f"iptkit.write_cases: name the file .jsonl or .ndjson (JSON Lines) or .json (a JSON array), "
                         f"not {target!r}"[:300])
    items = _as_cases(cases, catalog=catalog, errors=errors, what="write_cases")
    text = _core.cases_json(items, lines=extension != ".json", catalog=catalog)
    _write_atomically(target, _functools.partial(_write_bytes, data=text))
    return target


_AnalysisSetName = Literal["completers", "itt", "per_protocol"]
_MissingName = Literal["non_response", "left_out", "discontinued_non_response"]


@_plain_type_errors
def relapse_survival(cases: Case | Iterable[Case] | PathLike, *, by: Grouping = _grouping_mod.DEFAULT,
                     analysis_set: AnalysisSet | _AnalysisSetName = "completers", catalog: Catalog | None = None,
                     threads: int = 1, recovery_period_months: int = 4,
                     errors: ErrorMode = "raise") -> RelapseSurvival:
    """Time to relapse or recurrence in maintenance (Frank et al. 1990, 2007), per group: the
    Kaplan-Meier estimate, medians and the log-rank test of the cases at risk (a maintenance
    relapse rule and a measure of its instrument after the acute course), as a
    :class:`RelapseSurvival`. ``by`` as for :func:`summary` (default ``"arm"``: the allocated arm
    under ``analysis_set="itt"`` or ``"per_protocol"``); ``analysis_set`` as for :func:`summary`."""
    items = _as_cases(cases, catalog=catalog, errors=errors, what="relapse_survival")
    g = _grouping_of(items, by, catalog, "relapse_survival")
    return RelapseSurvival(_core.relapse_times(items, by=g.by, labels=g.labels, analysis_set=AnalysisSet(analysis_set),
                                               catalog=catalog, threads=threads,
                                               recovery_period_months=recovery_period_months))


@_plain_type_errors
def consort(cases: Case | Iterable[Case] | PathLike, *, analysis_set: AnalysisSet | _AnalysisSetName = "itt",
            catalog: Catalog | None = None, threads: int = 1, errors: ErrorMode = "raise") -> Consort:
    """The CONSORT 2010 flow of a trial's cases (docs/trials.md): every box a count with the case
    ids behind it, per allocated arm. ``analysis_set`` decides the Analysed boxes: ``"itt"``
    (default: every randomised case) or ``"per_protocol"`` (the cases are validated; the excluded
    are counted by reason); ``"completers"`` is refused, as it depends on the instrument.
    ``errors="collect"``: a path's unreadable cases are left out with a :class:`DecodeWarning`
    (and are then in no box)."""
    items = _as_cases(cases, catalog=catalog, errors=errors, what="consort")
    return Consort(_core.consort(items, analysis_set=AnalysisSet(analysis_set), catalog=catalog, threads=threads))


@_plain_type_errors
def deidentify(cases: Case | Iterable[Case] | PathLike, *, dates: Literal["shift", "keep"] = "shift",
               code_prefix: str = "S", seed: int | None = None,
               catalog: Catalog | None = None, errors: ErrorMode = "raise") -> list[Deidentified]:
    """Shareable copies of the cases (docs/privacy.md): random study codes, free text removed,
    relationship labels and ids replaced, ages above 89 capped, dates shifted by one random offset
    per case (intervals kept) or kept. Each result has ``value`` (the case), ``report`` (what
    changed: shareable) and ``mapping`` (study code -> case id and offset: keep it secret).
    ``seed`` is for tests only: whoever knows it can recompute the offsets. ``catalog`` is used
    only to read a path given (de-identification itself needs none); ``errors="collect"``: a
    path's unreadable cases are left out with a :class:`DecodeWarning`."""
    if dates not in ("shift", "keep"):
        raise ValueError(f"iptkit: dates must be 'shift' or 'keep', not {dates!r}")
    options = DeidentifyOptions(dates=DateHandling[dates], code_prefix=code_prefix)
    return _core.deidentify(_as_cases(cases, catalog=catalog, errors=errors, what="deidentify"), options=options,
                            seed=seed)


def _grouping_of(items: Sequence[Case], by: Grouping, catalog: Catalog | None, what: str) -> _grouping_mod.Labels:
    def cases_table() -> _pd.DataFrame:
        return _frame(_core.tidy_columns(items, dates=True, catalog=catalog, complete=False)["cases"])
    return _grouping_mod.of_cases(items, by, what, cases_table)


def _summarized(cases: Case | Iterable[Case] | PathLike, by: Grouping, catalog: Catalog | None, threads: int,
                recovery_period_months: int, what: str, errors: ErrorMode,
                analysis_set: AnalysisSet | _AnalysisSetName | None = None,
                missing: MissingOutcome | _MissingName | None = None) -> tuple[CohortSummary, _grouping_mod.Labels]:
    chosen = AnalysisSet.completers if analysis_set is None else AnalysisSet(analysis_set)
    if missing is not None and chosen != AnalysisSet.itt:
        raise ValueError(f"iptkit.{what}: missing={str(missing)!r} applies to analysis_set='itt' only (under "
                         f"{str(chosen)!r} every statistic uses the cases where it was observed)")
    items = _as_cases(cases, catalog=catalog, errors=errors, what=what)
    g = _grouping_of(items, by, catalog, what)
    s = _core.summarize(items, by=g.by, labels=g.labels, catalog=catalog, threads=threads,
                        recovery_period_months=recovery_period_months,
                        analysis_set=AnalysisSet.completers if analysis_set is None else AnalysisSet(analysis_set),
                        missing=MissingOutcome.non_response if missing is None else MissingOutcome(missing))
    return s, g


@_plain_type_errors
def analysis_population(cases: Case | Iterable[Case] | PathLike, analysis_set: AnalysisSet | _AnalysisSetName, *,
                        catalog: Catalog | None = None, threads: int = 1,
                        errors: ErrorMode = "raise") -> _pd.DataFrame:
    """Who is in an analysis set (docs/trials.md "Analysis sets"), one row per case: ``case_id``,
    ``in_set``, ``arm`` (the allocated arm under ``itt`` and ``per_protocol``, the arm received
    under ``completers``; ``(none)`` when absent) and ``excluded_because`` (empty when in).
    ``itt`` and ``per_protocol`` of cases none of which was randomised raise ValueError (the set
    would be silently empty); ``per_protocol`` validates the cases (an error-severity finding is a
    major protocol deviation)."""
    items = _as_cases(cases, catalog=catalog, errors=errors, what="analysis_population")
    p = _core.analysis_population(items, AnalysisSet(analysis_set), catalog=catalog, threads=threads)
    return _pd.DataFrame({"case_id": [c.case_id for c in items],
                          "in_set": _pd.array([bool(m) for m in p.member], dtype=bool),
                          "arm": p.arm, "excluded_because": p.excluded_because})


@_plain_type_errors
def cohort_summary(cases: Case | Iterable[Case] | PathLike, *, by: Grouping = _grouping_mod.DEFAULT,
                   analysis_set: AnalysisSet | _AnalysisSetName = "completers",
                   missing: MissingOutcome | _MissingName | None = None,
                   catalog: Catalog | None = None, threads: int = 1,
                   recovery_period_months: int = 4, errors: ErrorMode = "raise") -> CohortSummary:
    """Every group's statistics and every pair of groups compared, as a :class:`CohortSummary`;
    ``by``, ``analysis_set`` and ``missing`` as for :func:`summary` (its ``by`` field is ``none``
    unless grouped by arm, site or adaptation alone; ``notes`` states the set and how missing data
    were handled); ``errors`` as for :func:`summary`."""
    return _summarized(cases, by, catalog, threads, recovery_period_months, "cohort_summary", errors,
                       analysis_set, missing)[0]


def _computed(cases: Case | Iterable[Case] | PathLike | CohortSummary, what: str, **given: Any) -> None:
    # A CohortSummary is already grouped and computed: an argument that would change it is refused
    # rather than quietly ignored.
    if isinstance(cases, CohortSummary):
        ignored = sorted(k for k, v in given.items() if v is not None and v is not _grouping_mod.DEFAULT)
        if ignored:
            raise ValueError(f"iptkit.{what}: {', '.join(ignored)} cannot change a CohortSummary, which is already "
                             "grouped and computed; pass the cases instead")


@_plain_type_errors
def summary(cases: Case | Iterable[Case] | PathLike | CohortSummary, *, by: Grouping = _grouping_mod.DEFAULT,
            analysis_set: AnalysisSet | _AnalysisSetName | None = None, missing: MissingOutcome | _MissingName | None = None,
            catalog: Catalog | None = None, threads: int = 1,
            recovery_period_months: int | None = None, errors: ErrorMode = "raise") -> _pd.DataFrame:
    """The cohort statistics as a DataFrame: one row per group and instrument; nested statistics
    are flattened (``response_rate``, ``response_lower``, ``d_z_g`` ...).

    ``by`` (as for :func:`comparisons`; default ``"arm"``): None for one group (``all``), a column
    of the cases table of :func:`tables` (``arm``, ``site``, ``adaptation``, ``format``,
    ``primary_focus`` ...), a list of them (labels joined by `` | ``, and one column per name
    after ``group``), or a function of the :class:`Case` returning its label. A case with no
    value is in the group ``(none)``.

    ``analysis_set`` (docs/trials.md "Analysis sets"): ``"completers"`` (default: every case but
    records screened and never randomised; each figure where baseline and endpoint were observed),
    ``"itt"`` (every randomised case, grouped by its allocated arm when ``by="arm"``) or
    ``"per_protocol"``. ``missing`` (``itt`` only): a missing endpoint counts as no response and
    no remission (``"non_response"``, the default), is left out (``"left_out"``), or every
    discontinued case fails too, whatever its last measure (``"discontinued_non_response"``); given
    with another set it is an error. The endpoint is a case's last measure within the acute course
    (last observation carried forward). Every row states its set (``analysis_set``,
    ``missing_endpoints`` columns) and :func:`cohort_summary`'s ``notes`` say it in words.

    Given a :class:`CohortSummary`, ``by``, ``analysis_set``, ``missing``, ``catalog`` and
    ``recovery_period_months`` must be left out. ``errors="collect"``: a path's unreadable cases
    are left out with a :class:`DecodeWarning`."""
    _computed(cases, "summary", by=by, catalog=catalog, recovery_period_months=recovery_period_months,
              analysis_set=analysis_set, missing=missing)
    if isinstance(cases, CohortSummary):
        return _frame(_core.summary_columns(cases))
    s, g = _summarized(cases, by, catalog, threads, 4 if recovery_period_months is None else recovery_period_months,
                       "summary", errors, analysis_set, missing)
    return _grouping_mod.keyed(_frame(_core.summary_columns(s)), g)


@_plain_type_errors
def comparisons(cases: Case | Iterable[Case] | PathLike | CohortSummary, *, by: Grouping = _grouping_mod.DEFAULT,
                analysis_set: AnalysisSet | _AnalysisSetName | None = None,
                missing: MissingOutcome | _MissingName | None = None,
                catalog: Catalog | None = None, recovery_period_months: int | None = None,
                errors: ErrorMode = "raise") -> _pd.DataFrame:
    """Every pair of groups compared: one row per pair, instrument and outcome; ``outcome`` is
    ``change`` for Hedges' g on change scores (``n``: cases in both groups) and a rate name for a
    rate difference a - b with Newcombe's interval (``n`` empty: each rate has its own n, in
    :func:`summary`). Groups are in label order, ``group_a`` before ``group_b``; the group
    ``(none)`` is never a side. ``by``, ``analysis_set`` and ``missing`` as for :func:`summary`
    (default ``"arm"``, ``"completers"``); given a :class:`CohortSummary`, ``by``, ``analysis_set``,
    ``missing``, ``catalog`` and ``recovery_period_months`` must be left out."""
    _computed(cases, "comparisons", by=by, catalog=catalog, recovery_period_months=recovery_period_months,
              analysis_set=analysis_set, missing=missing)
    s = cases if isinstance(cases, CohortSummary) else _summarized(
        cases, by, catalog, 1, 4 if recovery_period_months is None else recovery_period_months, "comparisons",
        errors, analysis_set, missing)[0]
    rows: list[dict[str, Any]] = []
    for c in s.comparisons:
        g = c.hedges_g
        rows.append(dict(instrument=c.instrument, group_a=c.group_a, group_b=c.group_b, outcome="change",
                         statistic="hedges_g", n=g.n, estimate=g.g, lower=g.lower, upper=g.upper))
        for r in c.rates:
            rows.append(dict(instrument=c.instrument, group_a=c.group_a, group_b=c.group_b,
                             outcome=r.outcome, statistic="rate_difference", n=None,
                             estimate=r.difference, lower=r.lower, upper=r.upper))
    columns = ["instrument", "group_a", "group_b", "outcome", "statistic", "n", "estimate", "lower", "upper"]
    out = _pd.DataFrame(rows, columns=columns)
    for name in ("estimate", "lower", "upper"):
        out[name] = out[name].astype("float64")
    out["n"] = out["n"].astype("Int64")  # cases in both groups, for Hedges' g rows
    out["analysis_set"] = str(s.analysis_set)  # every row states its set
    return out


@_plain_type_errors
def case_json_schema(catalog: Catalog | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the case document, as a dict."""
    schema: dict[str, Any] = _json.loads(_core.case_json_schema(catalog))
    return schema


@_plain_type_errors
def synthesize(cases: int | None = None, *, seed: int | None = None, trial: bool | None = None,
               options: SynthOptions | None = None, catalog: Catalog | None = None) -> CaseList:
    """A deterministic synthetic two-arm cohort (docs/synthetic.md): same seed, same cases, as a
    :class:`CaseList` (as ``read_cases`` gives).
    ``cases`` (default 100), ``seed`` (default 1) and ``trial`` (default False: True adds the
    randomised-trial record with the default :class:`SynthTrial`), or ``options`` with its own
    ``cases``, ``seed`` and ``trial``: giving both is an error, never one silently overriding the other."""
    if options is not None:
        if cases is not None or seed is not None or trial is not None:
            raise ValueError(f"iptkit.synthesize: cases, seed and trial come from options (cases={options.cases}, "
                             f"seed={options.seed}, trial={'set' if options.trial is not None else 'None'}); "
                             "set them there, or leave options out")
        return CaseList(_core.synthesize(options, catalog=catalog))
    if trial is not None and not isinstance(trial, bool):
        raise TypeError(f"iptkit.synthesize: trial takes True or False (for its knobs: "
                        f"options=SynthOptions(trial=SynthTrial(...))); found {type(trial).__name__}")
    o = SynthOptions()
    o.cases = 100 if cases is None else cases
    o.seed = 1 if seed is None else seed
    if trial:
        o.trial = SynthTrial()
    return CaseList(_core.synthesize(o, catalog=catalog))


def _check_case(self: Case, *, catalog: Catalog | None = None, redact: bool = False,
                limits: ReadLimits | None = None) -> list[ReadError]:
    """The structural errors of this case (empty when it is well formed): exactly what reading
    its JSON would report. A case built or changed in code can break the format's rules (a
    closeness of 9, a date that does not exist); :func:`validate` reports these as ``S001``
    findings, and every writer refuses such a case with :class:`DecodeError`."""
    return check(self, catalog=catalog, redact=redact, limits=limits)


setattr(Case, "validate", _validate_case)
setattr(Case, "check", _check_case)

from . import _html  # noqa: E402  (attaches the notebook views)
from ._html import case_html  # noqa: E402
from ._cohort import Cohort  # noqa: E402  (uses the functions above)
from . import stats  # noqa: E402  (trial statistics: iptkit.stats.kaplan_meier, cox, ...)

__all__ = [
    "AdverseEvent",
    "AffectiveFocus",
    "Assessment",
    "Attendance",
    "Case",
    "case_html",
    "CaseOutcome",
    "Cohort",
    "CohortSummary",
    "ConcurrentTreatment",
    "Consort",
    "ConsortArm",
    "ConsortBox",
    "ConsortFlow",
    "ConsortReason",
    "ContactFrequency",
    "DateHandling",
    "DeidAction",
    "DeidChange",
    "DeidMapping",
    "DeidPseudonym",
    "DeidReport",
    "Deidentified",
    "DeidentifyOptions",
    "Contract",
    "CourseProgress",
    "DeficitPattern",
    "Diagnosis",
    "DiagnosisSystem",
    "Discontinuation",
    "DiscontinuationReason",
    "DiscontinuedBy",
    "DisputeStage",
    "EffectSize",
    "ErrorKind",
    "ImportErrorKind",
    "ImportIssue",
    "ImportResult",
    "Relatedness",
    "TableError",
    "AssessmentRecord",
    "FhirAttach",
    "FhirImportResult",
    "consort",
    "relapse_survival",
    "RelapseSurvival",
    "import_fhir",
    "import_redcap",
    "import_tables",
    "issues_frame",
    "Expectation",
    "ExpectationHolder",
    "ExpectationStatus",
    "Finding",
    "FocusModel",
    "Formulation",
    "GriefFocus",
    "GriefType",
    "GroupBy",
    "AnalysisSet",
    "MissingOutcome",
    "AnalysisPopulation",
    "analysis_population",
    "Grouping",
    "GroupComparison",
    "GroupSummary",
    "Homework",
    "HomeworkStatus",
    "Instrument",
    "InstrumentRegistry",
    "Catalog",
    "InterpersonalDeficitsFocus",
    "InterpersonalSchema",
    "Inventory",
    "JacobsonTruax",
    "MaintenancePlan",
    "MeanSd",
    "MeasureStatus",
    "NotComputed",
    "OpenRiskAlert",
    "OverdueTask",
    "Phase",
    "PlannedSession",
    "ProblemArea",
    "Proportion",
    "Protocol",
    "ProtocolKind",
    "ProtocolRegistry",
    "RateDifference",
    "Rater",
    "ReadError",
    "ReadLimits",
    "RelapseKind",
    "RelapseRule",
    "Relationship",
    "RelationshipKind",
    "RelationshipStatus",
    "Renegotiation",
    "ReviewerRole",
    "RiskReview",
    "RiskReviewOutcome",
    "RoleDisputeFocus",
    "RoleTransitionFocus",
    "RuleSet",
    "ScoreDirection",
    "Session",
    "SessionFrequency",
    "Severity",
    "SeverityBand",
    "SynthArm",
    "SynthAreaShare",
    "SynthDeviations",
    "SynthOptions",
    "SynthTrial",
    "SynthShare",
    "Task",
    "TherapyFormat",
    "TherapyModality",
    "TransitionType",
    "TreatmentKind",
    "case_trajectory_svg",
    "check",
    "closeness_circle_svg",
    "consort_svg",
    "html_report",
    "plan",
    "progress",
    "wilson",
    "DecodeError",
    "DecodeWarning",
    "Findings",
    "findings_frame",
    "TrialRecord",
    "ValidationResults",
    "InputError",
    "CaseList",
    "ErrorMode",
    "Focus",
    "PathLike",
    "read_case",
    "read_cases",
    "iter_cases",
    "CaseIterator",
    "validate",
    "outcomes",
    "assessments",
    "tables",
    "deidentify",
    "write_tables",
    "write_cases",
    "TABLES",
    "TableName",
    "cohort_summary",
    "summary",
    "comparisons",
    "case_json_schema",
    "synthesize",
    "stats",
    "__version__",
]


def __dir__() -> list[str]:
    # The public names, not the typing helpers this module uses.
    return sorted(__all__)
