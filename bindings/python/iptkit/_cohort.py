"""A cohort held as columns: the long tables plus their outcome form in C++, so that a million
cases never become a million Python objects. ``Case`` objects are made only on demand."""

from __future__ import annotations

import datetime as _dt
import importlib
import json as _json
import os as _os
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Union

import numpy as _np
import pandas as _pd

from . import _core, _optional
from ._core import Case, Catalog, GroupBy, ImportIssue
from ._errors import TableError
from . import _grouping
from ._findings import Findings, ValidationResults
from ._grouping import Grouping
from ._frames import frame as _frame

if TYPE_CHECKING:
    from . import PathLike

_NO_TOTAL = _np.iinfo(_np.int32).min
_PHASES = ["initial", "middle", "termination", "maintenance"]
_ATTENDANCE = ["attended", "cancelled", "no_show"]
_NEEDED = {"cases": ["case_id", "start_date"], "sessions": ["case_id", "date", "phase", "attendance"],
           "assessments": ["case_id", "date", "instrument", "total"]}

Column = Union[_pd.Series, Any]  # a pandas Series or a pyarrow ChunkedArray


def _is_arrow(value: Any) -> bool:
    return type(value).__module__.startswith("pyarrow")


def _column(table: Any, name: str, table_name: str) -> Column:
    names = list(table.column_names) if _is_arrow(table) else list(table.columns)
    if name not in names:
        raise TableError(f"iptkit.Cohort: the {table_name} table has no column {name!r} (it has "
                         f"{', '.join(map(str, names[:12]))}{', ...' if len(names) > 12 else ''})",
                         [ImportIssue(source=table_name, field=name, case_id="", path="", record="", event="",
                                      kind=_core.ImportErrorKind.missing_column, message="the column is needed")])
    return table.column(name) if _is_arrow(table) else table[name]


def _issue(what: str, row: int | None, message: str, kind: str = "invalid") -> ImportIssue:
    table, _, field = what.partition(".")
    return ImportIssue(source=table, row=None if row is None else row + 1, field=field, case_id="", path="",
                       record="", event="", kind=_core.ImportErrorKind.__members__[kind], message=message)


def _refuse(what: str, bad: Any, message: str) -> None:
    """Raises TableError at the first row where ``bad`` (a boolean array) is true."""
    bad = _np.asarray(bad, dtype=bool)
    if bad.any():
        row = int(_np.argmax(bad))
        raise TableError(f"iptkit.Cohort: {what}, row {row + 1}: {message} ({int(bad.sum())} such row(s))",
                         [_issue(what, row, message)])


def _refuse_missing(col: Column, what: str) -> None:
    _refuse(what, col.is_null() if _is_arrow(col) else col.isna(), "expected a value, found none")


def _texts(col: Column, what: str) -> tuple[Any, ...]:
    """A text column as the core reads it: Arrow buffers where the column has them, else str objects."""
    _refuse_missing(col, what)
    chunked = None
    if _is_arrow(col):
        chunked = col
    elif hasattr(col.array, "__arrow_array__") and not isinstance(col.dtype, _pd.CategoricalDtype):
        chunked = col.array.__arrow_array__()
    if chunked is not None:
        pa = importlib.import_module("pyarrow")  # optional (iptkit[parquet]); untyped
        if not isinstance(chunked, pa.ChunkedArray):
            chunked = pa.chunked_array([chunked])
        if pa.types.is_integer(chunked.type):
            chunked = chunked.cast(pa.string())  # record ids read as numbers
        if pa.types.is_string(chunked.type) or pa.types.is_large_string(chunked.type):
            pieces = []
            for chunk in chunked.chunks:
                _, offsets, data = chunk.buffers()
                wide = pa.types.is_large_string(chunk.type)
                o = _np.frombuffer(offsets, dtype=_np.int64 if wide else _np.int32)[chunk.offset:chunk.offset + len(chunk) + 1]
                d = _np.frombuffer(data, dtype=_np.uint8) if data is not None else _np.zeros(0, _np.uint8)
                pieces.append((o, d))
            return ("arrow", pieces)
        col = _pd.Series(chunked.to_pandas())
    return ("objects", _np.ascontiguousarray(_np.asarray(col, dtype=object)))


def _days(col: Column, what: str) -> tuple[_np.ndarray[Any, Any], int]:
    """The dates as the core reads them: (int64 ticks since 1970-01-01, ticks per day); NaT is
    missing. The core divides, in one pass without temporaries."""
    if _is_arrow(col):
        col = _pd.Series(col.to_pandas())
    if _pd.api.types.is_datetime64_any_dtype(col.dtype):
        if getattr(col.dtype, "tz", None) is not None or isinstance(col.dtype, _pd.ArrowDtype):
            if getattr(col.dt, "tz", None) is not None:
                col = col.dt.tz_localize(None)  # the local date, as import_tables takes it
            col = col.astype("datetime64[s]")
    elif _pd.api.types.is_numeric_dtype(col.dtype) or _pd.api.types.is_bool_dtype(col.dtype):
        # 20260105 or an Excel serial number would otherwise be a day in 1970.
        _refuse(what, col.notna().to_numpy(), "expected a date as YYYY-MM-DD or a datetime column, found a number")
    else:
        # Text must be YYYY-MM-DD exactly (as import_tables reads it); dates and timestamps are dates.
        values = col.to_numpy(dtype=object)
        is_text = _np.fromiter((isinstance(v, str) for v in values), dtype=bool, count=len(values))
        is_date = _np.fromiter((isinstance(v, (_dt.date, _np.datetime64)) for v in values), dtype=bool,
                               count=len(values))
        all_values: Any = _pd.Series(values, dtype=object)
        text = all_values.where(is_text)
        text = text.where(text.astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}") & is_text)
        parsed = _pd.to_datetime(text, format="%Y-%m-%d", errors="coerce").astype("datetime64[s]")
        if is_date.any():
            dates = _pd.Series([_np.datetime64(v.replace(tzinfo=None) if isinstance(v, _dt.datetime) else v, "D")
                                if d else _np.datetime64("NaT") for v, d in zip(values, is_date)])
            parsed = parsed.where(~is_date, dates.astype("datetime64[s]"))
        _refuse(what, col.notna().to_numpy() & parsed.isna().to_numpy(),
                "expected a date as YYYY-MM-DD or a datetime column")
        col = parsed
    values = col.to_numpy()
    per_day = {"D": 1, "h": 24, "m": 1440, "s": 86_400, "ms": 86_400_000, "us": 86_400_000_000,
               "ns": 86_400_000_000_000}[_np.datetime_data(values.dtype)[0]]
    return values.view(_np.int64), per_day


def _codes(col: Column, spellings: list[str], what: str) -> _np.ndarray[Any, Any]:
    """Enum values (positions in ``spellings``) as uint8; 254 where missing, 255 for a value that
    is none of them (the core reports both with their rows)."""
    if _is_arrow(col):
        col = _pd.Series(col.to_pandas())
    if isinstance(col.dtype, _pd.CategoricalDtype):
        lookup = _np.array([spellings.index(c) if c in spellings else 255 for c in col.cat.categories] + [254],
                           dtype=_np.uint8)
        return lookup[col.cat.codes.to_numpy()]  # code -1 (missing) takes the last entry
    codes = _pd.Index(spellings).get_indexer(_pd.Index(col))
    out = _np.where(codes < 0, 255, codes).astype(_np.uint8)
    out[col.isna().to_numpy()] = 254
    return out


def _totals(col: Column, what: str) -> _np.ndarray[Any, Any]:
    """Scored totals as int32, the no-total sentinel where missing (a negative one is reported
    by the core with its row)."""
    if _is_arrow(col):
        col = _pd.Series(col.to_pandas())
    missing = col.isna().to_numpy() if col.hasnans else None
    if _pd.api.types.is_integer_dtype(col.dtype):
        values = col.to_numpy(dtype=_np.int64, na_value=0)
    else:
        if not _pd.api.types.is_numeric_dtype(col.dtype) or _pd.api.types.is_bool_dtype(col.dtype):
            numbers = _pd.to_numeric(col.where(col.map(lambda v: not isinstance(v, bool))), errors="coerce")
            _refuse(what, col.notna().to_numpy() & numbers.isna().to_numpy(),
                    "expected a whole number (the scored total), or no value")
            col = numbers
        floats = col.to_numpy(dtype="float64", na_value=0.0)
        _refuse(what, ~_np.isfinite(floats) | (_np.abs(floats) > 1_000_000), "expected the total of a rating scale")
        _refuse(what, floats != _np.floor(floats), "expected a whole number (the scored total)")
        values = floats.astype(_np.int64)
    _refuse(what, _np.abs(values) > 1_000_000, "expected the total of a rating scale")
    out = values.astype(_np.int32)
    if missing is not None:
        out[missing] = _NO_TOTAL
    return out


def _spreadsheet_values(frame: _pd.DataFrame) -> _pd.DataFrame:
    """A table read from CSV with the apostrophes of its spreadsheet-safe text cells removed
    (:func:`iptkit.write_tables`), as ``import_tables`` removes them."""
    changed = {}
    for c in frame.columns:
        col = frame[c]
        if not (_pd.api.types.is_object_dtype(col.dtype) or _pd.api.types.is_string_dtype(col.dtype)):
            continue
        marked = col.map(lambda v: isinstance(v, str) and v.startswith("'")).to_numpy(dtype=bool)
        if marked.any():
            col = col.copy()
            col[marked] = [_core.spreadsheet_value(v) for v in col[marked]]
            changed[c] = col
    return frame.assign(**changed) if changed else frame


def _loaded(name: str, table: Any, raw_cells: bool = False) -> Any:
    """A table given as a DataFrame or pyarrow Table as it is; a path read (.csv or .parquet; a
    CSV's spreadsheet-safe text cells as their values unless ``raw_cells``)."""
    if isinstance(table, (str, _os.PathLike)):
        path = _os.fspath(table)
        if not path.endswith((".csv", ".parquet")):
            raise ValueError(f"iptkit.Cohort: table {name!r}: expected a .csv or .parquet file, not {path!r}")
        try:
            if path.endswith(".parquet"):
                _optional.require("pyarrow", "parquet", "reading Parquet")
                return _pd.read_parquet(path)
            # Text columns as text: a site "01" or an arm "1" read as numbers would become "1"
            # and merge with other groups.
            header = _pd.read_csv(path, nrows=0).columns
            text_columns = _text_columns(name.split(".")[0])
            text = {c: str for c in header if c in text_columns}
            frame = _pd.read_csv(path, dtype=text, keep_default_na=False, na_values=[""])
            return frame if raw_cells else _spreadsheet_values(frame)
        except (ValueError, UnicodeDecodeError) as e:  # pandas' ParserError is a ValueError
            raise TableError(f"iptkit.Cohort: table {name!r} ({path}) cannot be read as UTF-8 CSV: "
                             f"{str(e).strip()[:200]}", [_issue(f"{name}.", None, "cannot be read as UTF-8 CSV")]) from None
    if isinstance(table, _pd.DataFrame) or _is_arrow(table):
        return table
    raise TypeError(f"iptkit.Cohort: table {name!r}: expected a DataFrame, a pyarrow Table or a path, "
                    f"not {type(table).__name__}")


def _label_or_none(value: Any) -> str | None:
    label = _grouping.label(value)
    return None if label == "(none)" else label


def _text_columns(table: str) -> frozenset[str]:
    """The text columns of a tidy table (ids, labels, free text, JSON), by its empty frame."""
    from . import tables
    frame = tables([], complete=True).get(table)
    if frame is None:
        return frozenset({"case_id"})
    return frozenset(c for c in frame.columns if _pd.api.types.is_string_dtype(frame[c].dtype)
                     and not isinstance(frame[c].dtype, _pd.CategoricalDtype))


def _ids_as_text(table: Any) -> Any:
    """A table whose case ids were read as numbers (REDCap record ids) with them as text."""
    if not _is_arrow(table) and "case_id" in table.columns and _pd.api.types.is_integer_dtype(table["case_id"].dtype):
        return table.assign(case_id=table["case_id"].astype(str))
    return table


def _refuse_items_without_totals(assessments: Any) -> None:
    """Item scores beside an empty total would be dropped: the Cohort reads the scored total."""
    frame = assessments.to_pandas() if _is_arrow(assessments) else assessments
    items = [c for c in frame.columns if isinstance(c, str) and c.startswith("item_") and c[5:].isdigit()]
    if "total" not in frame.columns:
        return
    empty = frame["total"].isna().to_numpy()
    if items:
        scored = frame[items].notna().any(axis=1).to_numpy()
        _refuse("assessments.total", empty & scored,
                "expected the scored total: the row has item scores but no total (iptkit.tables gives the "
                "totals, or build the cases with iptkit.import_tables)")
    if len(empty) and empty.all():
        _refuse("assessments.total", empty, "expected the scored totals: every total is empty")


def _whole(name: str, value: Any, least: int) -> int:
    """A count option, checked here so that the message is short and names it."""
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise TypeError(f"iptkit.Cohort: {name}: expected a whole number of at least {least}, not {value!r}"[:200])
    return value


def _relapse_rules(cases: Any) -> list[tuple[int, str, int, int]]:
    """The maintenance relapse rules from ``maintenance_json`` (the complete tables); a case with
    maintenance but no such column would silently lose its relapse outcomes, so it raises."""
    names = list(cases.column_names) if _is_arrow(cases) else list(cases.columns)
    if "maintenance_json" not in names:
        if "maintenance" in names and _true(_column(cases, "maintenance", "cases")).any():
            raise TableError("iptkit.Cohort: cases have maintenance but the cases table has no maintenance_json "
                             "column, so their relapse rules are unknown; give the complete tables "
                             "(iptkit.tables(..., complete=True) or the CSV written with --complete)", [])
        return []
    if "maintenance" in names:
        said = _true(_column(cases, "maintenance", "cases"))
        given = ~_np.asarray(_column(cases, "maintenance_json", "cases").isna() if not _is_arrow(cases)
                             else cases.column("maintenance_json").is_null(), dtype=bool)
        _refuse("cases.maintenance_json", said & ~given,
                "the maintenance column says yes but maintenance_json is empty: the relapse rule is unknown")
    rules = []
    for i, text in enumerate(_column(cases, "maintenance_json", "cases").tolist() if not _is_arrow(cases)
                             else cases.column("maintenance_json").to_pylist()):
        if not isinstance(text, str):  # None, NaN or pd.NA: no maintenance
            continue
        try:
            rule = _json.loads(text).get("relapse_rule")
            if rule:
                whole = [rule["threshold"], rule["consecutive"]]
                if not isinstance(rule["instrument"], str) or any(type(v) is not int for v in whole):
                    raise TypeError("not the case format's relapse_rule")
                rules.append((i, rule["instrument"], whole[0], whole[1]))
        except (ValueError, TypeError, KeyError, AttributeError):
            message = "expected the maintenance plan as JSON, with a relapse_rule of instrument, threshold and consecutive"
            raise TableError(f"iptkit.Cohort: cases.maintenance_json, row {i + 1}: {message}",
                             [_issue("cases.maintenance_json", i, message)]) from None
    return rules


def _true(col: Column) -> _np.ndarray[Any, Any]:
    """Which cells of a yes/no column say yes (True, 1, "true", "yes"); missing is no."""
    if _is_arrow(col):
        col = _pd.Series(col.to_pandas())
    if _pd.api.types.is_bool_dtype(col.dtype):
        return col.fillna(False).to_numpy(dtype=bool)
    return col.astype(str).str.strip().str.lower().isin(["true", "1", "1.0", "yes"]).to_numpy()


class Cohort:
    """A cohort held as columns: its long tables (``cases``, ``sessions``, ``assessments``,
    ``relationships``) and, in C++, the columns its outcomes are computed on. :meth:`outcomes`
    and :meth:`summary` never make a ``Case``; :meth:`validate` builds the cases in C++;
    :meth:`cases` and :meth:`case` make ``Case`` objects on demand (docs/python.md, "Columnar
    cohorts").

    Make one with :meth:`from_tables` (DataFrames, pyarrow Tables or paths, as
    :func:`iptkit.tables` gives them), :meth:`read` (a case file), :meth:`from_cases` or
    :meth:`from_redcap`."""

    __slots__ = ("_tables", "_columns", "_catalog", "_unused")
    _tables: dict[str, _pd.DataFrame]
    _columns: Any
    _catalog: Catalog | None
    _unused: list[ImportIssue]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("iptkit.Cohort: make one with Cohort.from_tables(tables), Cohort.read(path), "
                        "Cohort.from_cases(cases) or Cohort.from_redcap(...)")

    @classmethod
    def _made(cls, tables: Mapping[str, _pd.DataFrame], columns: Any, catalog: Catalog | None,
              unused: Iterable[ImportIssue] = ()) -> Cohort:
        self = cls.__new__(cls)
        # Shallow copies: with pandas' copy-on-write, later edits of the caller's frames do not
        # reach the cohort, whose columns were made from them.
        self._tables = {name: t.copy(deep=False) for name, t in tables.items()}
        self._columns = columns
        self._catalog = catalog
        self._unused = list(unused)
        return self

    @classmethod
    def from_tables(cls, tables: Mapping[str, Any], *, catalog: Catalog | None = None,
                    max_errors: int = 100, raw_cells: bool = False) -> Cohort:
        """A cohort from its long tables: a mapping with ``cases`` and ``assessments`` (and
        ``sessions``, ``relationships``) to pandas DataFrames or pyarrow Tables. Read are
        ``case_id`` and ``start_date`` of the cases, ``case_id``, ``date``, ``phase`` and
        ``attendance`` of the sessions, ``case_id``, ``date``, ``instrument`` and ``total`` (the
        scored total) of the assessments, and the relapse rules in ``maintenance_json``. Rows join
        to their case by ``case_id``; within a case they keep the table's order. Every problem
        raises :class:`TableError` listing up to ``max_errors`` :class:`ImportIssue` (table, row,
        column, case). A table given as a CSV path has the leading ``'`` of its spreadsheet-safe
        text cells removed, as :func:`iptkit.import_tables` does, unless ``raw_cells=True``."""
        if not isinstance(tables, Mapping):
            raise TypeError(f"iptkit.Cohort.from_tables: expected a mapping of table name to DataFrame, "
                            f"not {type(tables).__name__}")
        from ._import import _check_options
        _check_options(False, False, catalog, None)
        _whole("max_errors", max_errors, 1)
        if not isinstance(raw_cells, bool):
            raise TypeError(f"iptkit.Cohort.from_tables: raw_cells: expected True or False, not {type(raw_cells).__name__}")
        unknown = sorted(set(tables) - {"cases", "sessions", "assessments", "relationships", "outcomes"})
        if unknown:
            raise ValueError(f"iptkit.Cohort.from_tables: no table {', '.join(map(repr, unknown))}; the tables are "
                             "cases, sessions, assessments, relationships")
        if "cases" not in tables:
            raise ValueError("iptkit.Cohort.from_tables: the cases table is required")
        given = {name: _ids_as_text(_loaded(name, t, raw_cells)) for name, t in tables.items() if name != "outcomes"}
        for name in ("sessions", "assessments"):
            if name not in given:
                given[name] = _pd.DataFrame({c: _pd.Series([], dtype=object) for c in _NEEDED[name]})
        for name, t in given.items():
            names = _pd.Index(t.column_names if _is_arrow(t) else t.columns)
            if names.duplicated().any():
                raise TableError(f"iptkit.Cohort: the {name} table has the column "
                                 f"{names[names.duplicated()][0]!r} twice", [])
        cases, sessions, assessments = given["cases"], given["sessions"], given["assessments"]
        _refuse_items_without_totals(assessments)
        col = {name: {c: _column(given[name], c, name) for c in needed} for name, needed in _NEEDED.items()}
        columns, errors = _core.cohort_columns_from_tables(
            _texts(col["cases"]["case_id"], "cases.case_id"),
            _days(col["cases"]["start_date"], "cases.start_date"),
            _relapse_rules(cases),
            _texts(col["sessions"]["case_id"], "sessions.case_id"),
            _days(col["sessions"]["date"], "sessions.date"),
            _codes(col["sessions"]["phase"], _PHASES, "sessions.phase"),
            _codes(col["sessions"]["attendance"], _ATTENDANCE, "sessions.attendance"),
            _texts(col["assessments"]["case_id"], "assessments.case_id"),
            _texts(col["assessments"]["instrument"], "assessments.instrument"),
            _days(col["assessments"]["date"], "assessments.date"),
            _totals(col["assessments"]["total"], "assessments.total"),
            catalog=catalog, max_errors=max_errors)
        if errors:
            raise TableError(f"iptkit.Cohort.from_tables: problems in the tables (all in .errors); the first: "
                             f"{errors[0]}", errors)
        frames = {name: _ids_as_text(t.to_pandas() if _is_arrow(t) else t) for name, t in given.items()}
        return cls._made(frames, columns, catalog)

    @classmethod
    def from_cases(cls, cases: Iterable[Case], *, catalog: Catalog | None = None) -> Cohort:
        """A cohort of cases already in memory, through their complete tables: the checks of
        :meth:`from_tables` apply (a case id twice, sessions out of date order ...)."""
        from . import tables as _tables
        items = cases if isinstance(cases, list) else list(cases)
        t = _tables(items, complete=True, catalog=catalog)
        t.pop("outcomes")
        return cls.from_tables(t, catalog=catalog)  # the same checks, whatever the cohort came from

    @classmethod
    def read(cls, source: PathLike, *, lax: bool = False, catalog: Catalog | None = None) -> Cohort:
        """A cohort from a case file (JSON Lines, a JSON array or one document): each case is
        read and checked in C++ and becomes its rows at once, so no ``Case`` object is made and
        memory holds the tables, not the cases. A case that cannot be read raises
        :class:`DecodeError`, as :func:`iptkit.read_cases` does."""
        from . import _case_list, _checked_path
        columns, failed = _core.read_cohort_tables(_checked_path(source), lax=lax, catalog=catalog)
        _case_list([], failed, "raise")
        frames = {name: _frame(columns[name]) for name in ("cases", "sessions", "assessments", "relationships")}
        return cls.from_tables(frames, catalog=catalog)

    @classmethod
    def from_redcap(cls, records: Any, *, dictionary: Any, mapping: Any, lax: bool = False,
                    redact: bool = False, catalog: Catalog | None = None, limits: Any = None) -> Cohort:
        """A cohort from a REDCap project, with the arguments of :func:`iptkit.import_redcap`. The
        cases are built and checked in C++ and come back as tables, never as ``Case`` objects. Any
        import error raises :class:`TableError` listing every one (a cohort missing a record
        would give wrong denominators); :attr:`unused` lists what the export had that the mapping
        did not read."""
        from ._import import _check_options, _mapping_source, _redcap_source
        _check_options(lax, redact, catalog, limits)
        rec = _redcap_source("records", records, "records")
        dic = _redcap_source("dictionary", dictionary, "dictionary")
        columns, errors, unused = _core.import_redcap_columns(
            (rec[0], rec[1]), (dic[0], dic[1]), _mapping_source(mapping), records_from_frame=rec[2], lax=lax,
            catalog=catalog, redact=redact, limits=limits)
        if errors:
            raise TableError(f"iptkit.Cohort.from_redcap: {len(errors)} import error(s); the first: {errors[0]}",
                             errors)
        frames = {name: _frame(columns[name]) for name in ("cases", "sessions", "assessments", "relationships")}
        cohort = cls.from_tables(frames, catalog=catalog)
        cohort._unused = list(unused)
        return cohort

    @property
    def unused(self) -> list[ImportIssue]:
        """What an import's source had that was not read (:meth:`from_redcap`); empty otherwise."""
        return list(self._unused)

    def __reduce__(self) -> tuple[Any, ...]:
        # The columns are remade from the tables (pickling, Dask): the tables are the cohort.
        return (_remade, (self._tables, self._catalog, self._unused))

    def __len__(self) -> int:
        return len(self._columns)

    def __repr__(self) -> str:
        return (f"<iptkit.Cohort: {len(self):,} cases, {len(self._tables['sessions']):,} sessions, "
                f"{self._columns.assessments:,} assessments>")

    @property
    def case_ids(self) -> _pd.Series:
        """The case ids, in the order of the cases table."""
        ids: _pd.Series = self._tables["cases"]["case_id"]
        return ids

    def tables(self) -> dict[str, _pd.DataFrame]:
        """The cohort's tables (``cases``, ``sessions``, ``assessments``, ``relationships`` when
        given). Shallow copies: with pandas' copy-on-write, editing them leaves the cohort alone."""
        return {name: t.copy(deep=False) for name, t in self._tables.items()}

    def outcomes(self, *, threads: int = 1, recovery_period_months: int = 4) -> _pd.DataFrame:
        """The per-case outcomes, computed in C++ on the columns: the same DataFrame as
        :func:`iptkit.outcomes` of the same cases (``case_index`` is the position in the cases
        table)."""
        columns = _core.cohort_outcome_columns(self._columns, catalog=self._catalog,
                                               threads=_whole("threads", threads, 1),
                                               recovery_period_months=_whole("recovery_period_months",
                                                                             recovery_period_months, 0))
        out = _frame(columns)
        cases = self._tables["cases"]
        at = out["case_index"].to_numpy()

        def taken(name: str) -> Any:
            # Each row's case's cell, in the dtype iptkit.outcomes gives; missing where the cases
            # table has no such column.
            if name not in cases.columns:
                return _pd.Series([None] * len(out), dtype="string").array
            column = cases[name]
            if column.dtype.kind == "f":  # whole numbers without their ".0", as the labels of summary()
                column = column.map(_label_or_none)
            return column.astype("string").array.take(at)

        out.insert(1, "case_id", taken("case_id"))
        for name in ("arm", "site", "adaptation"):
            out[name] = taken(name)
        return out

    def summary(self, *, by: Grouping = _grouping.DEFAULT, threads: int = 1,
                recovery_period_months: int = 4, analysis_set: str = "completers") -> _pd.DataFrame:
        """The cohort statistics (as :func:`iptkit.summary`), grouped ``by`` (default ``"arm"``)
        a column of the cases table, a list of them, or None for one group; a case with no value
        is in the group ``(none)``. A Cohort has no Case objects: group by a function by adding its
        labels as a column of the cases table. Its columns carry no trial record, so the analysis
        set is ``"completers"``: for ``"itt"`` or ``"per_protocol"`` use :func:`iptkit.summary` on
        the cases (``cohort.cases()``)."""
        if analysis_set != "completers":
            raise ValueError(f"iptkit.Cohort.summary: analysis_set={analysis_set!r} needs the trial record, which a "
                             "Cohort's columns do not carry; use iptkit.summary(cohort.cases(), "
                             f"analysis_set={analysis_set!r})")
        g = _grouping.of_table(self._tables["cases"], by, "Cohort.summary")
        s = _core.cohort_summarize(self._columns, g.labels or [], by=g.by, catalog=self._catalog,
                                   threads=_whole("threads", threads, 1),
                                   recovery_period_months=_whole("recovery_period_months", recovery_period_months, 0))
        return _grouping.keyed(_frame(_core.summary_columns(s)), g)

    def cases(self) -> list[Case]:
        """Every case, built from the complete tables and checked as :func:`iptkit.import_tables`
        does; any problem raises :class:`TableError`."""
        from ._import import import_tables
        given = {k: v for k, v in self._tables.items() if k in ("cases", "sessions", "assessments", "relationships")}
        result = import_tables(given, catalog=self._catalog)
        if not result.ok:
            raise TableError(f"iptkit.Cohort: the cases cannot be built from the tables ({len(result.errors)} "
                             f"problem(s)); the first: {result.errors[0]}", list(result.errors))
        return list(result.cases)

    def case(self, key: int | str) -> Case:
        """One case, by position in the cases table or by case id, built from its rows."""
        ids = self.case_ids
        if isinstance(key, str):
            where = _np.flatnonzero((ids == key).to_numpy(dtype=bool))
            if len(where) == 0:
                raise KeyError(f"iptkit.Cohort: no case {key!r}")
            case_id = key
        else:
            if not -len(self) <= key < len(self):
                raise IndexError(f"iptkit.Cohort: case position {key} out of range for {len(self)} cases")
            case_id = str(ids.iloc[key])
        from ._import import import_tables
        rows = {name: t[t["case_id"] == case_id] for name, t in self._tables.items()
                if name in ("cases", "sessions", "assessments", "relationships") and "case_id" in t.columns}
        result = import_tables(rows, catalog=self._catalog)
        if not result.ok:
            raise TableError(f"iptkit.Cohort: case {case_id!r} cannot be built from the tables; the first problem: "
                             f"{result.errors[0]}", list(result.errors))
        return result.cases[0]

    def validate(self, *, threads: int = 1, redact: bool = False) -> ValidationResults:
        """The protocol findings of every case (as :func:`iptkit.validate`), the cases built from
        the complete tables and validated in C++, with no ``Case`` object made; tables that
        cannot give the cases back raise :class:`TableError`."""
        from ._import import _given_tables
        given = {k: v for k, v in self._tables.items() if k in ("cases", "sessions", "assessments", "relationships")}
        errors, findings, ids = _core.import_tables_findings(_given_tables(given), catalog=self._catalog, threads=threads,
                                                        redact=redact)
        if errors:
            raise TableError(f"iptkit.Cohort: the cases cannot be built from the tables; the first problem: "
                             f"{errors[0]}", list(errors))
        return ValidationResults(Findings(f, c) for f, c in zip(findings, ids, strict=True))


def _remade(tables: Mapping[str, Any], catalog: Catalog | None, unused: list[ImportIssue]) -> Cohort:
    cohort = Cohort.from_tables(tables, catalog=catalog)
    cohort._unused = list(unused)
    return cohort
