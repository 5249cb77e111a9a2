"""No misuse from Python crashes the interpreter (docs/reliability.md, "Python misuse").

Whatever could crash runs in a child interpreter, so that a segfault fails the test (a negative
return code) instead of ending the test run; what cannot is run here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import iptkit

from conftest import COHORT, EXAMPLES


def run_child(code: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Runs `code` in a fresh interpreter; it must end normally and print "ok"."""
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                       timeout=timeout, env={**os.environ, "PYTHONFAULTHANDLER": "1"})
    assert p.returncode == 0, f"exit {p.returncode}\n{p.stderr[-1500:]}"
    assert p.stdout.strip().endswith("ok"), p.stdout[-2000:]
    return p


def test_nested_objects_outlive_their_case() -> None:
    run_child(f"""
        import gc, iptkit
        c = iptkit.read_case({str(EXAMPLES[0])!r})
        contract, sessions, assessments = c.contract, c.sessions, c.assessments
        first = sessions[0]
        expected = contract.to_dict()
        del c
        gc.collect()
        assert contract.to_dict() == expected
        contract.planned_sessions = 99  # writes into the case kept alive by the view
        assert contract.planned_sessions == 99
        assert first.to_dict() == sessions[0].to_dict()
        assert all(a.to_dict() for a in assessments)
        # A nested view of a temporary case, and a view kept while the case is replaced.
        view = iptkit.read_case({str(EXAMPLES[1])!r}).contract
        gc.collect()
        assert view.to_dict()
        c = iptkit.read_case({str(EXAMPLES[0])!r})
        kept = c.contract
        c.contract = iptkit.Case.from_dict(iptkit.read_case({str(EXAMPLES[1])!r}).to_dict()).contract
        del c
        gc.collect()
        assert kept.to_dict()
        # Cases of a list and of a stream outlive both.
        cases = iptkit.read_cases({str(COHORT)!r})
        one = cases[3].contract
        del cases
        stream = iptkit.iter_cases({str(COHORT)!r})
        item = next(stream)
        del stream
        gc.collect()
        assert one.to_dict() and item.to_dict()
        print("ok")
    """)


def test_a_stream_outlives_its_file_and_is_not_read_twice_at_once(tmp_path: Path) -> None:
    copy = tmp_path / "cohort.jsonl"
    copy.write_bytes(COHORT.read_bytes())
    run_child(f"""
        import os, threading, iptkit
        stream = iptkit.iter_cases({str(copy)!r})
        os.unlink({str(copy)!r})
        n = [0]
        errors = []
        def read():
            try:
                for _ in stream:
                    n[0] += 1
            except RuntimeError as e:  # another thread is reading it
                errors.append(e)
        threads = [threading.Thread(target=read) for _ in range(8)]
        for t in threads: t.start()
        for t in threads: t.join()
        assert n[0] > 0
        print("ok")
    """)


def test_wrong_types_to_every_public_function() -> None:
    run_child("""
        import inspect, iptkit
        odd = [None, 1, -1, 2**200, 1.5, float("nan"), "", "x" * 10, b"\\xff", [], [None], {}, {"a": 1},
               object(), iptkit, iptkit.Case, lambda: 0, {1, 2}, "\\ud800", -2**63, 2**64]
        called = 0
        for name in sorted(dir(iptkit)) + ["_core." + n for n in dir(iptkit._core)]:
            owner, attr = (iptkit._core, name[6:]) if name.startswith("_core.") else (iptkit, name)
            if attr.startswith("__"):
                continue
            f = getattr(owner, attr)
            targets = [f]
            if inspect.isclass(f):
                targets += [getattr(f, m) for m in dir(f) if not m.startswith("__") and callable(getattr(f, m, None))]
            for g in targets:
                if not callable(g):
                    continue
                for args in [(), *[(v,) for v in odd], *[(v, v) for v in odd[:8]]]:
                    try:
                        g(*args)
                    except Exception:
                        pass
                    called += 1
                for v in odd[:6]:  # keyword arguments of any name
                    try:
                        g(**{"cases": v, "limits": v, "protocols": v, "data": v, "seed": v})
                    except Exception:
                        pass
        assert called > 1000, called
        print("ok")
    """, timeout=600)


def test_instances_used_wrongly() -> None:
    run_child(f"""
        import copy, gc, pickle, iptkit
        c = iptkit.read_case({str(EXAMPLES[0])!r})
        for attempt in (lambda: c.__init__(case_id=5),
                        lambda: c.__setstate__("junk"),
                        lambda: c.__setstate__(c.__getstate__()),
                        lambda: pickle.loads(pickle.dumps(c)[:-5]),
                        lambda: setattr(c, "sessions", [1, 2]),
                        lambda: setattr(c, "sessions", [c.contract]),
                        lambda: setattr(c, "contract", c.sessions[0] if c.sessions else 1),
                        lambda: setattr(c, "contract", None),
                        lambda: copy.deepcopy(c).to_dict(),
                        lambda: c == 1, lambda: hash(c)):
            try:
                attempt()
            except Exception:
                pass
        gc.collect()
        assert iptkit.Case.from_dict(c.to_dict()).case_id == c.case_id
        print("ok")
    """)


def test_instances_made_by_new_without_init() -> None:
    # Every class of the module, so that a class added later is covered too: each method and
    # property of an instance whose __init__ never ran, and each function given one.
    run_child(f"""
        import enum, gc, inspect, pickle, iptkit
        from iptkit import _core
        classes = [c for _, c in inspect.getmembers(_core, inspect.isclass)
                   if not issubclass(c, (enum.Enum, BaseException))]
        assert len(classes) > 40, len(classes)
        for cls in classes:
            blank = cls.__new__(cls)
            assert type(blank) is cls
            try:  # pybind11's own __new__ only allocates: Python must refuse it for our classes
                cls.__mro__[1].__new__(cls)
                raise AssertionError(f"{{cls.__mro__[1]}}.__new__({{cls}}) was allowed")
            except TypeError:
                pass
            repr(blank)
            for name in dir(blank):
                if name.startswith("_") and name not in ("__len__", "__iter__", "__next__", "__getstate__"):
                    continue
                try:
                    member = getattr(blank, name)
                    if callable(member) and not isinstance(member, type):
                        member()
                except Exception:
                    pass
            try:
                pickle.loads(pickle.dumps(blank))
            except Exception:
                pass
        # A blank value is the type's default: equal to another blank, readable by every verb.
        blank = iptkit.Case.__new__(iptkit.Case)
        assert blank == iptkit.Case.__new__(iptkit.Case)
        assert blank.case_id == "" and blank.sessions == [] and blank.contract == iptkit.Contract.__new__(iptkit.Contract)
        for call in (lambda: iptkit.validate(blank), lambda: iptkit.outcomes([blank]),
                     lambda: iptkit.tables([blank]), lambda: blank.to_fhir(), lambda: blank.to_json(),
                     lambda: iptkit.cohort_summary([blank]), lambda: iptkit.deidentify([blank], seed=1),
                     lambda: iptkit.progress(blank, "2024-01-01")):
            try:
                call()
            except (ValueError, RuntimeError):
                pass
        assert list(_core.CaseStream.__new__(_core.CaseStream)) == []
        limits = iptkit.ReadLimits.__new__(iptkit.ReadLimits)
        assert limits.max_depth == iptkit.ReadLimits().max_depth
        # An __init__ or __setstate__ that raises, before or after converting its arguments,
        # leaves the default value (pybind11's py::init would have freed it first).
        for attempt in (lambda b: b.__init__(case_id=1, adaptation="x", contract=iptkit.Contract()),
                        lambda b: b.__init__(case_id="x", adaptation="x", contract=5),
                        lambda b: b.__setstate__("junk"), lambda b: b.__setstate__((1, (2,)))):
            b = iptkit.Case.__new__(iptkit.Case)
            try:
                attempt(b)
                raise AssertionError("accepted")
            except (TypeError, ValueError, RuntimeError):
                pass
            assert b.case_id == "" and b == iptkit.Case.__new__(iptkit.Case)
            try:  # a blank case is not well formed: written, it is refused, never a crash
                b.to_dict()
                raise AssertionError("written")
            except iptkit.DecodeError:
                pass
        # Python code run while the arguments are converted sees the default value, not raw memory.
        limits = iptkit.ReadLimits.__new__(iptkit.ReadLimits)
        seen = []
        class Sneaky:
            def __index__(self):
                seen.append(repr(limits))
                return 9
        limits.__init__(max_depth=Sneaky())
        assert limits.max_depth == 9 and seen == [repr(iptkit.ReadLimits())], seen
        # Every pickle protocol, and copies.
        import copy
        for value in (iptkit.read_case({str(EXAMPLES[0])!r}), iptkit.RuleSet(), iptkit.ReadLimits(max_depth=5),
                      iptkit.ProtocolRegistry.with_builtins()):
            for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
                back = pickle.loads(pickle.dumps(value, protocol))
                assert repr(back) == repr(value), (protocol, value)
            assert repr(copy.copy(value)) == repr(value) and repr(copy.deepcopy(value)) == repr(value)
        # One C++ value per instance: a class deriving from two iptkit classes is refused.
        class Both(iptkit.Contract, iptkit.Diagnosis):
            pass
        try:
            Both()
            raise AssertionError("Both() was made")
        except TypeError:
            pass
        # A Python subclass that never calls the base __init__ holds the default value too.
        class Sub(iptkit.Case):
            def __init__(self) -> None:
                pass
        assert Sub().case_id == "" and Sub() == iptkit.Case.__new__(iptkit.Case)
        # __init__ again is ignored (pybind11 cannot re-construct); construction still works.
        c = iptkit.ReadLimits(max_depth=3)
        c.__init__(max_depth=4)
        assert c.max_depth == 3
        try:
            iptkit.Case.__new__(int)
            raise AssertionError("__new__ of a foreign type")
        except TypeError:
            pass
        gc.collect()
        print("ok")
    """)


def test_read_limits_pickle() -> None:
    import pickle
    limits = iptkit.ReadLimits(max_depth=7, max_list_length=5)
    back = pickle.loads(pickle.dumps(limits))
    assert repr(back) == repr(limits)


# A limit far above 10,000 counts as 10,000 (read_options.hpp, max_depth_ceiling).
@pytest.mark.parametrize("limit", [None, 10_000, 2**64 - 1])
def test_deep_nesting_to_from_dict_and_read_case(limit: int | None) -> None:
    run_child(f"""
        import iptkit, sys
        limits = None if {limit!r} is None else iptkit.ReadLimits(max_depth={limit!r})
        deep = []
        for _ in range(200_000):
            deep = [deep]
        nested = {{"case_id": "X"}}
        for _ in range(200_000):
            nested = {{"a": nested}}
        looped = []
        looped.append(looped)
        cyclic = {{}}
        cyclic["case_id"] = cyclic
        def too_deep(e):
            return any(err.kind.name == "limit_exceeded" for err in e.errors)
        for value in ({{"case_id": "X", "sessions": deep}}, nested, looped, cyclic):
            try:
                iptkit.Case.from_dict(value, limits=limits)
                raise SystemExit("read")
            except iptkit.DecodeError as e:
                assert too_deep(e), e.errors
        text = '{{"case_id": ' + "[" * 200_000 + "]" * 200_000 + "}}"
        try:
            iptkit.read_case(text, limits=limits)
            raise SystemExit("read")
        except iptkit.DecodeError as e:
            assert too_deep(e), e.errors
        print("ok")
    """)


def test_huge_inputs() -> None:
    run_child(f"""
        import iptkit, json
        base = json.load(open({str(EXAMPLES[0])!r}))
        big = "x" * (100 << 20)
        for text in ('{{"case_id": "' + big + '"}}', json.dumps({{**base, "notes": big}}).encode()):
            try:
                iptkit.read_case(text)
                raise SystemExit("read")
            except iptkit.DecodeError as e:
                assert e.errors[0].kind == iptkit.ErrorKind.limit_exceeded, e.errors
        try:  # bytes are a document, never a path
            iptkit.read_case(big.encode())
            raise SystemExit("read")
        except iptkit.DecodeError as e:
            assert e.errors
        del text
        for value in ({{**base, "notes": big}}, {{**base, "case_id": 10 ** 5000}}, {{**base, "age_at_intake": 2 ** 64}},
                      {{**base, "sessions": [None] * 200_000}}, {{**base, **{{f"k{{i}}": i for i in range(200_000)}}}},
                      {{**base, "age_at_intake": -2 ** 63 - 1}}, {{**base, "age_at_intake": 2 ** 40}}):
            try:
                iptkit.Case.from_dict(value)
                raise SystemExit("read")
            except iptkit.DecodeError as e:
                assert e.errors
        print("ok")
    """, timeout=300)


def _sizes(node: object) -> tuple[int, int]:
    """The longest string (UTF-8 bytes) and the longest list or dict of a document."""
    if isinstance(node, str):
        return len(node.encode()), 0
    items = [*node.keys(), *node.values()] if isinstance(node, dict) else node if isinstance(node, list) else []
    parts = [_sizes(v) for v in items]
    length = len(node) if isinstance(node, (dict, list)) else 0
    return max([0, *(s for s, _ in parts)]), max([length, *(n for _, n in parts)])


def test_from_dict_applies_the_read_limits() -> None:
    base = json.loads(EXAMPLES[0].read_text())
    longest, largest = _sizes(base)
    limits = iptkit.ReadLimits(max_string_bytes=longest, max_list_length=largest)
    assert iptkit.Case.from_dict(base, limits=limits) == iptkit.read_case(EXAMPLES[0])
    too_long = {**base, "notes": "y" * (longest + 1)}
    too_many = {**base, "sessions": [{}] * (largest + 1)}
    too_wide = {**base, "contract": {f"k{i}": i for i in range(largest + 1)}}
    long_key = {**base, "y" * (longest + 1): 1}
    for doc, path in ((too_long, "/notes"), (too_many, "/sessions"), (too_wide, "/contract"), (long_key, "")):
        with pytest.raises(iptkit.DecodeError) as from_dict:
            iptkit.Case.from_dict(doc, limits=limits)
        assert [(x.path, x.kind) for x in from_dict.value.errors] == [(path, iptkit.ErrorKind.limit_exceeded)]
        # The same error as for the JSON text of the same case.
        with pytest.raises(iptkit.DecodeError) as from_text:
            iptkit.read_case(json.dumps(doc), limits=limits)
        # (Plain values have no text, so no line or column: the rest is the same.)
        def fields(errors: list[iptkit.ReadError]) -> list[tuple[str, iptkit.ErrorKind, str]]:
            return [(x.path, x.kind, x.message) for x in errors]
        assert fields(from_text.value.errors) == fields(from_dict.value.errors)
    with pytest.raises(iptkit.DecodeError) as e:
        iptkit.Case.from_dict({**base, "notes": "\ud800"})
    assert [(x.path, x.kind) for x in e.value.errors] == [("/notes", iptkit.ErrorKind.syntax)]


def test_a_failed_write_of_tables_leaves_the_old_files(tmp_path: Path) -> None:
    old = b"old table\n"
    for name in iptkit.TABLES:
        (tmp_path / f"{name}.csv").write_bytes(old)
    # A file-size limit makes write() fail with EFBIG part-way through (SIGXFSZ ignored).
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import resource, signal, iptkit
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        cases = iptkit.read_cases({str(COHORT)!r})
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))
        try:
            iptkit.write_tables(cases, {str(tmp_path)!r})
        except OSError as e:
            print(e.errno)
    """)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "27"  # EFBIG
    assert {f.name: f.read_bytes() for f in tmp_path.iterdir()} == {f"{n}.csv": old for n in iptkit.TABLES}


def test_write_tables_replaces_files_whole(tmp_path: Path) -> None:
    cases = iptkit.read_cases(COHORT)
    (tmp_path / "cases.csv").write_bytes(b"old")
    (tmp_path / "cases.csv").chmod(0o600)
    written = iptkit.write_tables(cases, tmp_path)
    assert [Path(p).name for p in written] == [f"{n}.csv" for n in iptkit.TABLES]
    assert (tmp_path / "cases.csv").read_text().startswith("case_index,case_id,")
    assert ((tmp_path / "cases.csv").stat().st_mode & 0o777) == 0o600
    assert sorted(f.name for f in tmp_path.iterdir()) == sorted(f"{n}.csv" for n in iptkit.TABLES)


def test_read_cases_collect_yields_every_good_case_and_names_every_bad_one() -> None:
    bad_lines = Path(__file__).resolve().parents[1] / "data" / "cli" / "bad-lines.jsonl"
    found = iptkit.read_cases(bad_lines, errors="collect")
    assert [c.case_id for c in found] == ["COH-001", "COH-002", "COH-003"]
    assert [(e.index, e.line) for e in found.errors] == [(1, 2), (3, 4)]
    assert all(e.errors for e in found.errors)
    streamed = iptkit.iter_cases(bad_lines, errors="collect")
    assert [c.case_id for c in streamed] == ["COH-001", "COH-002", "COH-003"]
    assert [(e.index, e.line) for e in streamed.errors] == [(1, 2), (3, 4)]


def test_arguments_that_would_be_ignored_are_refused() -> None:
    # Found in a cold try: each of these used to be silently ignored.
    o = iptkit.SynthOptions()
    o.cases, o.seed = 40, 9
    assert len(iptkit.synthesize(options=o)) == 40
    with pytest.raises(ValueError, match="cases, seed and trial come from options"):
        iptkit.synthesize(10, options=o)
    with pytest.raises(ValueError, match="cases, seed and trial come from options"):
        iptkit.synthesize(seed=3, options=o)
    assert len(iptkit.synthesize(12, seed=3)) == 12
    cases = iptkit.read_cases(COHORT)
    s = iptkit.cohort_summary(cases, by="arm", recovery_period_months=12)
    with pytest.raises(ValueError, match="recovery_period_months cannot change a CohortSummary"):
        iptkit.summary(s, recovery_period_months=4)
    with pytest.raises(ValueError, match="by cannot change a CohortSummary"):
        iptkit.comparisons(s, by="site")
    assert len(iptkit.summary(s)) == len(iptkit.summary(cases, by="arm", recovery_period_months=12))
    # Comparisons group by arm when by is left out, in label order: ipt minus tau.
    cmp = iptkit.comparisons(cases)
    assert set(zip(cmp["group_a"], cmp["group_b"])) == {("ipt", "tau")}
    back = iptkit.comparisons(list(reversed(cases)))
    assert back[["instrument", "group_a", "group_b", "outcome"]].equals(cmp[["instrument", "group_a", "group_b", "outcome"]])
    assert ((back["estimate"] - cmp["estimate"]).abs().fillna(0) < 1e-12).all()  # summation order aside
