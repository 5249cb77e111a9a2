#!/usr/bin/env python3
"""Writes the bad-input documents too big to keep in git (README.md, "Generated documents").

    python3 tests/data/bad/generate.py OUT_DIR

Their expected errors are the NAME.expected.json files beside this script; the test front ends
look for NAME.json / NAME.jsonl here first and then in OUT_DIR. Standard library only, so any
Python 3 runs it; a file already of the right size is not written again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = HERE.parent / "base-case.json"

DEPTH = 100_000          # levels of nesting
STRING = 50_000_000      # bytes of one string (50 MB)
LIST = 100_001           # one more element than the default max_list_length
KEYS = 100_001           # one more member than the default max_list_length


def _case(**extra: object) -> str:
    case = json.loads(BASE.read_text(encoding="utf-8"))
    case.update(extra)
    return json.dumps(case, separators=(",", ":"))


def _with_notes(raw: str) -> str:
    """A one-line case whose `notes` field holds `raw` JSON text as it is."""
    return _case(notes=None).replace('"notes":null', '"notes":' + raw)


def documents() -> dict[str, str]:
    """Name -> content of every generated document."""
    deep_objects = '{"a":' * DEPTH + "1" + "}" * DEPTH
    deep_lists = "[" * DEPTH + "]" * DEPTH
    long_string = '"' + "x" * STRING + '"'
    items = _case().replace('"items":[2,2,2,1,2,1,2,1,0]', '"items":[' + ",".join(["1"] * LIST) + "]")
    wide = _case()[:-1] + "".join(f',"k{i}":0' for i in range(KEYS)) + "}"
    ok = _case()
    return {
        "deep-nesting-100000-objects.json": _with_notes(deep_objects) + "\n",
        "deep-nesting-100000-lists.json": _case().replace('"sessions":[', '"sessions":[' + deep_lists + ",", 1) + "\n",
        "string-50-mb.json": _with_notes(long_string) + "\n",
        "string-50-mb-in-line-2.jsonl": ok + "\n" + _with_notes(long_string) + "\n" + ok + "\n",
        "long-list-100001-items.json": items + "\n",
        "wide-object-100001-keys.json": wide + "\n",
    }


def generate(out_dir: Path) -> list[Path]:
    """Writes every generated document into `out_dir`; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in documents().items():
        path = out_dir / name
        data = text.encode("utf-8")
        if not path.exists() or path.stat().st_size != len(data):
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        written.append(path)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: generate.py OUT_DIR")
    for p in generate(Path(sys.argv[1])):
        print(p)
