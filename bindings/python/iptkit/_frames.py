"""Numpy columns from the compiled core -> pandas DataFrames, without a Python object per value."""

from __future__ import annotations

import importlib
from typing import Any, Mapping

import numpy as np
import pandas as pd

def _texts(codes: np.ndarray[Any, Any], dictionary: list[str]) -> Any:
    """A pandas string column of codes into a dictionary (-1: missing), the dtype of
    ``pd.array(values, dtype="string")``; with Arrow storage the rows are made by Arrow's take."""
    if pd.StringDtype().storage == "pyarrow":
        pa = importlib.import_module("pyarrow")  # optional (iptkit[parquet]); untyped
        values = pa.array(dictionary, type=pa.large_string()).take(pa.array(codes, mask=codes < 0))
        return pd.arrays.ArrowStringArray(values)
    return pd.array(np.array([*dictionary, None], dtype=object)[codes], dtype="string")


def column(spec: tuple[Any, ...]) -> Any:
    """One pandas column from a (kind, arrays...) tuple made by the core's columns.hpp."""
    kind = spec[0]
    if kind == "int":
        return spec[1]
    if kind == "Int64":
        return pd.arrays.IntegerArray(spec[1], spec[2])
    if kind == "float":
        return spec[1]
    if kind == "bool":
        return spec[1]
    if kind == "boolean":
        return pd.arrays.BooleanArray(spec[1], spec[2])
    if kind == "date":
        return spec[1].view("datetime64[s]")  # INT64_MIN is NaT; frame() wraps it without a copy
    if kind == "category":
        categorical = pd.Categorical.from_codes(spec[1], categories=spec[2])
        return categorical
    if kind == "text":
        return _texts(spec[1], spec[2])
    raise ValueError(f"iptkit: unknown column kind {kind!r}")


def frame(columns: Mapping[str, tuple[Any, ...]]) -> pd.DataFrame:
    """A DataFrame of the core's columns, in their order. The arrays are fresh and the frame's
    alone, so it takes them as they are (no copy into consolidated blocks)."""
    return pd.DataFrame({name: column(spec) for name, spec in columns.items()}, copy=False)
