"""Property tests: `Case.from_dict` and `iptkit.read_case` on random data either return a Case or
raise iptkit.DecodeError (a ValueError), never anything else, and what they return survives
to_dict() -> from_dict() unchanged (docs/reliability.md, "Python misuse").

The data is random JSON-like values, and valid example cases with one leaf replaced, one key
dropped or their text cut, spliced or flipped. Settings are fixed (derandomize) so that CI runs
the same examples each time, in well under 30 seconds."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iptkit

from conftest import EXAMPLES

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

DOCS = [json.loads(p.read_text()) for p in EXAMPLES]
TEXTS = [p.read_bytes() for p in EXAMPLES]

scalars = (st.none() | st.booleans() | st.integers() | st.integers(-2**70, 2**70)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=40)
           | st.sampled_from(["", "2024-02-30", "2024-01-01", "ipt", "phq9", "initial", "x" * 300]))
json_like = st.recursive(scalars, lambda inner: st.lists(inner, max_size=6)
                         | st.dictionaries(st.text(max_size=12), inner, max_size=6), max_leaves=30)


def leaf_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in a document, containers included (so a whole list can go too)."""
    out = [path] if path else []
    if isinstance(node, dict):
        out += [p for k, v in node.items() for p in leaf_paths(v, (*path, k))]
    elif isinstance(node, list):
        out += [p for i, v in enumerate(node) for p in leaf_paths(v, (*path, i))]
    return out


def replaced(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = json.loads(json.dumps(doc))
    node = doc
    for key in path[:-1]:
        node = node[key]
    if value is _DROP:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


_DROP = object()


@st.composite
def mutated_docs(draw: st.DrawFn) -> Any:
    doc = draw(st.sampled_from(DOCS))
    for _ in range(draw(st.integers(1, 3))):
        paths = leaf_paths(doc)
        if not paths:
            break
        doc = replaced(doc, draw(st.sampled_from(paths)), draw(json_like | st.just(_DROP)))
    return doc


@st.composite
def mutated_texts(draw: st.DrawFn) -> bytes:
    text = bytearray(draw(st.sampled_from(TEXTS)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["cut", "insert", "flip", "delete"]))
        if how == "cut":
            del text[at:]
        elif how == "insert":
            text[at:at] = draw(st.binary(max_size=8) | st.sampled_from(
                [b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\u", b"\xef\xbb\xbf", b"1e400", b"-0", b"null"]))
        elif how == "flip" and at < len(text):
            text[at] ^= 1 << draw(st.integers(0, 7))
        else:
            del text[at:at + draw(st.integers(1, 16))]
    return bytes(text)


def check(read: Any, data: Any) -> None:
    try:
        case = read(data)
    except iptkit.DecodeError as e:
        assert isinstance(e, ValueError) and e.errors
        assert all(isinstance(x, iptkit.ReadError) for x in e.errors)
        return
    assert isinstance(case, iptkit.Case)
    assert iptkit.Case.from_dict(case.to_dict()) == case
    assert iptkit.read_case(case.to_json()) == case


@SETTINGS
@given(json_like)
def test_from_dict_on_random_values(value: Any) -> None:
    check(iptkit.Case.from_dict, value)


@SETTINGS
@given(mutated_docs())
def test_from_dict_on_mutated_cases(doc: Any) -> None:
    check(iptkit.Case.from_dict, doc)
    check(iptkit.read_case, json.dumps(doc, allow_nan=True))


@SETTINGS
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: "{" + t))
def test_read_case_on_random_text(data: bytes | str) -> None:
    check(iptkit.read_case, data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(mutated_texts())
def test_read_case_on_mutated_documents(data: bytes) -> None:
    check(iptkit.read_case, data)
