"""Cases from tidy tables, REDCap and FHIR (docs/import.md): a folder of CSV or Parquet files, or
DataFrames and Arrow tables; a REDCap project's records, data dictionary and mapping, as files or as
PyCap gives them; QuestionnaireResponses as files or parsed resources. Everything goes through the C++ importers and the case reader; every problem comes
back as an :class:`ImportIssue` with its table, row (and line, for a file) and column, or its
REDCap record, event and instance."""

from __future__ import annotations

import json as _json
import math as _math
import os as _os
from typing import Any, Iterable, Mapping, TypeGuard, Union

import pandas as _pd

from . import _core, _optional
from ._core import Case, Catalog, FhirImportResult, ImportResult, ReadLimits

INPUT_TABLES = ("cases", "sessions", "assessments", "relationships")
"""The tables an import reads; ``outcomes`` is derived from the cases and never read."""

PathLike = Union[str, "_os.PathLike[str]"]
TableSource = Union[_pd.DataFrame, Any, PathLike]  # a DataFrame, a pyarrow Table, or a file


def _quote(text: str) -> str:
    if text == "":
        return '""'  # a present empty text, not an absent value
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


_MAY_CHANGE = tuple(_core.formula_triggers + "'")
"""The first characters of a text that :func:`_core.spreadsheet_safe` may change."""


def _cell(value: Any, safe: bool = False) -> str:
    if safe and isinstance(value, str) and value.startswith(_MAY_CHANGE):
        return _quote(_core.spreadsheet_safe(value))
    if value is None or value is _pd.NA or value is _pd.NaT:
        return ""
    if isinstance(value, float) and _math.isnan(value):
        return ""
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        return "true" if value else "false"
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        v = float(value)
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(value, _pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return _quote(str(value))


def frame_csv(frame: _pd.DataFrame, *, safe: bool = False) -> bytes:
    """A DataFrame as the CSV the importer reads: missing values (None, NaN, NA, NaT) empty, an
    empty text ``""``, booleans ``true``/``false``, whole floats (an integer column with gaps) as
    integers, timestamps as ``YYYY-MM-DD``. ``safe``: texts spreadsheet-safe, as the tables
    importer expects unless told ``raw_cells`` (it removes the apostrophe again)."""
    header = ",".join(_quote(str(c)) for c in frame.columns)
    columns = [[_cell(v, safe) for v in frame[c].tolist()] if not _pd.api.types.is_datetime64_any_dtype(frame[c])
               else [_cell(v) for v in frame[c]] for c in frame.columns]
    lines = [header] + [",".join(row) for row in zip(*columns)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _name(table: str, path: str) -> str:
    """The table's name in issues: the file's name when it starts with the table's, else both."""
    base = _os.path.basename(path)
    return base if base.startswith(table) else f"{table} ({path})"


def _from_file(path: str, raw_cells: bool) -> tuple[bytes, bool]:
    if path.endswith(".parquet"):  # Parquet holds the values as they are: made safe for the importer
        _optional.require("pyarrow", "parquet", "reading Parquet")
        return frame_csv(_pd.read_parquet(path), safe=not raw_cells), True
    with open(path, "rb") as f:
        return f.read(), False


def _folder_tables(folder: str, raw_cells: bool = False) -> list[tuple[str, bytes, bool]]:
    names = sorted(_os.listdir(folder))
    strays = [n for n in names if n.lower().endswith((".csv", ".parquet"))
              and _os.path.splitext(n)[0] not in (*INPUT_TABLES, "outcomes")]
    if strays:
        raise ValueError(f"iptkit: {folder}: {', '.join(strays)}: not a table iptkit reads (the tables are "
                         "cases, sessions, assessments and relationships, as .csv or .parquet, named exactly so)")
    out = []
    for table in INPUT_TABLES:
        found = [n for n in (f"{table}.csv", f"{table}.parquet") if n in names]
        if len(found) > 1:
            raise ValueError(f"iptkit: {folder}: both {found[0]} and {found[1]}: keep one")
        if found:
            path = _os.path.join(folder, found[0])
            text, frame = _from_file(path, raw_cells)
            out.append((_name(table, path), text, frame))
    if not any(name.startswith("cases") for name, _, _ in out):
        raise ValueError(f"iptkit: {folder}: no cases.csv or cases.parquet (the one table every import needs)")
    return out


def _given_tables(tables: Mapping[str, TableSource], raw_cells: bool = False) -> list[tuple[str, bytes, bool]]:
    unknown = [k for k in tables if k not in (*INPUT_TABLES, "outcomes")]
    if unknown:
        raise ValueError(f"iptkit: {', '.join(map(repr, unknown))}: not an input table "
                         f"(expected {', '.join(INPUT_TABLES)})")
    if "cases" not in tables:
        raise ValueError("iptkit: no 'cases' table (the one table every import needs)")
    out = []
    for table in INPUT_TABLES:
        if table not in tables:
            continue
        source = tables[table]
        if isinstance(source, _pd.DataFrame):
            out.append((table, frame_csv(source, safe=not raw_cells), True))
        elif hasattr(source, "to_pandas") and hasattr(source, "schema"):  # a pyarrow Table
            out.append((table, frame_csv(source.to_pandas(), safe=not raw_cells), True))
        elif isinstance(source, (str, _os.PathLike)):
            path = _os.fspath(source)
            text, frame = _from_file(path, raw_cells)
            out.append((_name(table, path), text, frame))
        else:
            raise TypeError(f"iptkit: table {table!r}: expected a DataFrame, a pyarrow Table or a path, "
                            f"not {type(source).__name__}")
    return out


def import_tables(source: PathLike | Mapping[str, TableSource], *, keep_unknown_columns: bool = False,
                  lax: bool = False, redact: bool = False, catalog: Catalog | None = None,
                  limits: ReadLimits | None = None, raw_cells: bool = False) -> ImportResult:
    """Cases from the tidy tables (the inverse of :func:`tables` / :func:`write_tables` with
    ``complete=True``, which gives every case back unchanged).

    ``source`` is a folder holding ``cases`` and optionally ``sessions``, ``assessments`` and
    ``relationships`` as ``.csv`` or ``.parquet`` (any other such file raises, so that a misnamed
    table is never skipped), or a mapping from those names to DataFrames, pyarrow Tables or file
    paths. The result has ``cases`` (those without errors, in the order of the cases table),
    ``errors`` and ``unused`` (:class:`ImportIssue`: ``source``, ``line`` for a file, ``row``,
    ``field``, ``case_id``, ``path``, ``kind``, ``read_kind``, ``message``), ``rows_read`` and
    ``ok``. Derived columns (counts, days, bands) may be left out; present, they must agree.
    ``keep_unknown_columns`` lists columns iptkit does not know instead of refusing them; ``lax``
    ignores unknown fields inside ``*_json`` cells (listed as unused); ``redact`` keeps values out
    of messages. A CSV cell's leading ``'`` before ``=``, ``+``, ``-``, ``@``, tab, carriage return
    or another ``'`` is removed, undoing the spreadsheet safety of :func:`write_tables`;
    ``raw_cells=True`` takes CSV cells as written (tables written with ``raw_cells=True``).
    DataFrames, Arrow tables and Parquet files are always taken as they are."""
    _check_options(lax, redact, catalog, limits)
    for name, value in (("keep_unknown_columns", keep_unknown_columns), ("raw_cells", raw_cells)):
        if not isinstance(value, bool):
            raise TypeError(f"iptkit: {name}: expected True or False, not {type(value).__name__}")
    if isinstance(source, Mapping):
        triples = _given_tables(source, raw_cells)
    elif isinstance(source, (str, _os.PathLike)) and _os.path.isdir(source):
        triples = _folder_tables(_os.fspath(source), raw_cells)
    else:
        raise TypeError("iptkit: import_tables takes a folder of tables or a mapping of table name to "
                        f"DataFrame, pyarrow Table or path, not {type(source).__name__}")
    return _core.import_tables_text(triples, keep_unknown_columns=keep_unknown_columns, lax=lax,
                                    catalog=catalog, redact=redact, limits=limits, raw_cells=raw_cells)


def _is_content(value: Any) -> TypeGuard[Union[str, bytes, bytearray]]:
    """Text or bytes that hold an input rather than name its file: bytes, or a text with a line
    break or starting like JSON (a file name has neither)."""
    if isinstance(value, (bytes, bytearray)):
        return True
    return isinstance(value, str) and ("\n" in value or value.lstrip().startswith(("{", "[")))


def _read(what: str, path: PathLike) -> bytes:
    """A file's bytes; a missing or unreadable file raises naming `what` and the path only."""
    path = _os.fspath(path)
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise type(e)(f"iptkit: {what}: {path}: {e.strerror or 'cannot be read'}") from None


def _check_options(lax: Any, redact: Any, catalog: Any, limits: Any) -> None:
    """The keyword options, checked here so that a wrong one is named in a short message (the core's
    own would repeat every argument, data included)."""
    for name, value in (("lax", lax), ("redact", redact)):
        if not isinstance(value, bool):
            raise TypeError(f"iptkit: {name}: expected True or False, not {type(value).__name__}")
    if catalog is not None and not isinstance(catalog, Catalog):
        raise TypeError(f"iptkit: catalog: expected an iptkit.Catalog or None, not {type(catalog).__name__}")
    if limits is not None and not isinstance(limits, ReadLimits):
        raise TypeError(f"iptkit: limits: expected an iptkit.ReadLimits or None, not {type(limits).__name__}")


def _redcap_source(what: str, source: Any, default_name: str) -> tuple[str, bytes, bool]:
    """(name, bytes, rendered from a frame) of a REDCap input given as a path, its content (text or
    bytes), a DataFrame or, as PyCap's ``export_records()`` / ``export_metadata()`` return them, a
    list of dicts."""
    if _is_content(source):
        data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
        return default_name, data, False
    if isinstance(source, (str, _os.PathLike)):
        return _os.fspath(source), _read(what, source), False
    if isinstance(source, _pd.DataFrame):
        frame = source
        if frame.index.name is not None or any(n is not None for n in frame.index.names):
            frame = frame.reset_index()  # PyCap's DataFrames are indexed by record id (and event)
        return default_name, frame_csv(frame), True
    if isinstance(source, list):
        if what == "records":  # the API's flat JSON records, as they came
            return default_name, _json.dumps(source).encode("utf-8"), True
        return default_name, frame_csv(_pd.DataFrame(source)), True
    raise TypeError(f"iptkit: {what}: expected a path, a DataFrame or a list of dicts, not {type(source).__name__}")


def import_redcap(records: PathLike | _pd.DataFrame | list[dict[str, Any]], *,
                  dictionary: PathLike | _pd.DataFrame | list[dict[str, Any]],
                  mapping: PathLike | Mapping[str, Any], lax: bool = False, redact: bool = False,
                  catalog: Catalog | None = None, limits: ReadLimits | None = None) -> ImportResult:
    """Cases from a REDCap project, one per record (docs/import.md, "REDCap").

    ``records`` is the records export: a CSV file of raw codes or a JSON file of the API's flat
    records, a DataFrame of them, or the list of dicts PyCap's ``export_records()`` returns.
    ``dictionary`` is the data dictionary: its CSV file, a DataFrame, or PyCap's
    ``export_metadata()`` list. ``mapping`` is the mapping file's path or its content as a dict
    (``"schema": "iptkit.redcap-mapping/1"``). A text with a line break, or starting with ``{`` or
    ``[``, and bytes are taken as an input's content rather than its file name. The mapping is checked against the dictionary and the
    export before any record is read. The result is an :class:`ImportResult`: ``cases``, ``errors``
    with ``record``, ``event``, ``instance`` and ``field``, and ``unused`` listing every column and
    row of the export that was not read."""
    _check_options(lax, redact, catalog, limits)
    rec = _redcap_source("records", records, "records")
    dic = _redcap_source("dictionary", dictionary, "dictionary")
    return _core.import_redcap_text((rec[0], rec[1]), (dic[0], dic[1]), _mapping_source(mapping),
                                    records_from_frame=rec[2], lax=lax, catalog=catalog, redact=redact, limits=limits)


def _mapping_source(mapping: PathLike | Mapping[str, Any]) -> tuple[str, bytes]:
    """(name, bytes) of a REDCap mapping given as a dict, its JSON text or its path."""
    if isinstance(mapping, Mapping):
        return ("mapping", _json.dumps(mapping).encode("utf-8"))
    if _is_content(mapping):
        return ("mapping", mapping.encode("utf-8") if isinstance(mapping, str) else bytes(mapping))
    if isinstance(mapping, (str, _os.PathLike)):
        return (_os.fspath(mapping), _read("mapping", mapping))
    raise TypeError(f"iptkit: mapping: expected a path, its JSON text or a dict, not {type(mapping).__name__}")


def import_fhir(source: PathLike | str | bytes | Mapping[str, Any] | Iterable[Any], *,
                cases: Iterable[Case] | Case | PathLike | None = None, lax: bool = False,
                redact: bool = False, catalog: Catalog | None = None,
                limits: ReadLimits | None = None) -> FhirImportResult:
    """Assessments from FHIR R4 QuestionnaireResponses (PHQ-9, GAD-7 and any instrument of the
    catalog with LOINC codes; docs/import.md, "FHIR QuestionnaireResponse").

    ``source`` is a file (one resource, a Bundle, or NDJSON), several files, their content (JSON or
    NDJSON text, or bytes), or resources already parsed: one resource as a dict, or a list of them.
    Without ``cases`` the result's ``assessments`` holds one :class:`AssessmentRecord` per
    imported response (``case_id`` is its subject); with ``cases`` (Case objects, one Case, or a
    cohort file) each response is appended to the case its subject names and ``result.cases``
    holds the updated cases, every one read again by the case reader. ``errors`` and ``unused``
    are :class:`ImportIssue` with the FHIRPath of each problem in ``field``."""
    _check_options(lax, redact, catalog, limits)
    inputs: list[tuple[str, bytes]] = []
    if _is_content(source):
        inputs.append(("resources", source.encode("utf-8") if isinstance(source, str) else bytes(source)))
    elif isinstance(source, Mapping):
        inputs.append(("resource", _json.dumps(source).encode("utf-8")))
    elif isinstance(source, (str, _os.PathLike)):
        inputs.append((_os.fspath(source), _read("source", source)))
    elif isinstance(source, Iterable):
        items = list(source)
        if items and all(isinstance(r, Mapping) for r in items):
            inputs.append(("resources.ndjson", "\n".join(_json.dumps(r) for r in items).encode("utf-8")))
        else:
            for item in items:
                if not isinstance(item, (str, _os.PathLike)):
                    raise TypeError("iptkit: source: expected paths, or resources (dicts) only, not a mix; found "
                                    f"{type(item).__name__}")
                inputs.append((_os.fspath(item), _read("source", item)))
    else:
        raise TypeError(f"iptkit: source: expected a path, paths, JSON text or resources (dicts), "
                        f"not {type(source).__name__}")
    given: list[Case] | None
    if cases is None:
        given = None
    elif isinstance(cases, Case):
        given = [cases]
    elif isinstance(cases, (str, _os.PathLike)):
        from . import read_cases
        given = list(read_cases(cases))
    elif isinstance(cases, Iterable):
        given = list(cases)
        bad = next((c for c in given if not isinstance(c, Case)), None)
        if bad is not None:
            raise TypeError(f"iptkit: cases: expected Case objects, not {type(bad).__name__}")
    else:
        raise TypeError(f"iptkit: cases: expected Case objects, a Case or a cohort file, not {type(cases).__name__}")
    return _core.import_fhir_text(inputs, cases=given, lax=lax, catalog=catalog, redact=redact, limits=limits)


def issues_frame(issues: list[_core.ImportIssue]) -> _pd.DataFrame:
    """Import issues (``result.errors`` or ``result.unused``) as a DataFrame, one row each."""
    columns = ["source", "line", "row", "record", "event", "instance", "field", "case_id", "path", "kind",
               "read_kind", "message"]
    rows = [[getattr(e, c) for c in columns] for e in issues]
    frame = _pd.DataFrame(rows, columns=columns)
    for c in ("line", "row", "instance"):
        frame[c] = frame[c].astype("Int64")
    for c in ("kind", "read_kind"):
        frame[c] = frame[c].map(lambda k: None if k is None else str(k)).astype("string")  # the spelling
    for c in ("source", "record", "event", "field", "case_id", "path", "message"):
        frame[c] = frame[c].map(lambda v: None if v == "" else v).astype("string")  # absent: <NA>, as the numbers
    return frame
