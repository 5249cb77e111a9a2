"""Helpers shared with the Python module's tests live in tests/support."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "support"))
