"""Goal 4: reading a JSON Lines cohort into typed cases from Python.

iptkit: ``iptkit.read_cases(path)`` (typed ``Case`` objects, every structural check) followed by
``iptkit.validate(cases)`` (every protocol rule), one thread. Peers, on the same file:

- pydantic 2: ``PCase.model_validate_json(line)`` for every line (structural checks only);
- msgspec: ``msgspec.json.Decoder(MCase).decode_lines(data)`` (structural checks only).

The models are in case_models.py. Every path starts from the path of the file (already in the page
cache) and ends with a list of typed objects. Before timing, check_faithful() requires all three to
reject each of a set of broken documents and to accept the same valid ones, so that the peers do
the checks they are credited with.

    python benchmarks/python/bench_read.py [--cases N] [--repeats R] [--json out.json] [--small]
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any, Callable

import msgspec
import pydantic

import iptkit

import case_models
from common import interleaved, parser, say, write_json


def broken_documents(valid: dict[str, Any]) -> dict[str, dict[str, Any] | str]:
    """Documents each of which breaks one structural rule of the case format."""
    out: dict[str, dict[str, Any] | str] = {}

    def mutate(name: str, change: Callable[[dict[str, Any]], None]) -> None:
        d = copy.deepcopy(valid)
        change(d)
        out[name] = d

    mutate("wrong_type", lambda d: d["contract"].__setitem__("planned_sessions", "eight"))
    mutate("integer_as_float", lambda d: d["contract"].__setitem__("planned_sessions", 12.0))
    mutate("null_required", lambda d: d["contract"].__setitem__("start_date", None))
    mutate("missing_field", lambda d: d["contract"].pop("start_date"))
    mutate("missing_top_field", lambda d: d.pop("adaptation"))
    mutate("unknown_field", lambda d: d.__setitem__("referrer", "GP"))
    mutate("nested_unknown_field", lambda d: d["sessions"][0].__setitem__("room", "3"))
    mutate("bad_enum", lambda d: d["sessions"][0].__setitem__("attendance", "maybe"))
    mutate("bad_task", lambda d: d["sessions"][0].__setitem__("tasks", ["symptom_review", "psychoanalysis"]))
    mutate("bad_adaptation", lambda d: d.__setitem__("adaptation", "psychoanalysis"))
    mutate("bad_schema", lambda d: d.__setitem__("schema", "iptkit.case/2"))
    mutate("bad_date_shape", lambda d: d["sessions"][0].__setitem__("date", "26-1-5"))
    mutate("no_such_day", lambda d: d["sessions"][0].__setitem__("date", "2025-02-30"))
    mutate("out_of_range", lambda d: d.__setitem__("age_at_intake", 121))
    mutate("at_least_1", lambda d: d["sessions"][0].__setitem__("number", 0))
    mutate("int_range", lambda d: d["assessments"][0].__setitem__("total", 2**31))
    mutate("bad_case_id", lambda d: d.__setitem__("case_id", "RD 017"))
    mutate("empty_instrument", lambda d: d["assessments"][0].__setitem__("instrument", ""))
    mutate("items_or_total", lambda d: [d["assessments"][0].pop(k, None) for k in ("items", "total")])
    mutate("list_wrong_type", lambda d: d.__setitem__("sessions", "none"))

    def duplicate_id(d: dict[str, Any]) -> None:
        rels = d["inventory"]["relationships"]
        rels[1]["id"] = rels[0]["id"]
    mutate("duplicate_id", duplicate_id)

    def focus_other_field(d: dict[str, Any]) -> None:
        d["formulation"]["focus"] = [{"area": "grief", "relationship": "x", "grief_type": "normal",
                                      "stage": "impasse"}]
    mutate("focus_other_area_field", focus_other_field)
    mutate("focus_bad_area", lambda d: d["formulation"].__setitem__("focus", [{"area": "anger"}]))
    out["syntax"] = json.dumps(valid)[:-1]
    return out


def accepts(name: str, text: str, pcase: type, mcase: type) -> dict[str, bool]:
    result = {}
    try:
        iptkit.read_case(text)
        result["iptkit"] = True
    except iptkit.DecodeError:
        result["iptkit"] = False
    try:
        pcase.model_validate_json(text)
        result["pydantic"] = True
    except pydantic.ValidationError:
        result["pydantic"] = False
    try:
        msgspec.json.decode(text, type=mcase)
        result["msgspec"] = True
    except (msgspec.ValidationError, msgspec.DecodeError):
        result["msgspec"] = False
    return result


def check_faithful(lines: list[str]) -> None:
    """All three readers agree: valid documents accepted, each broken document rejected."""
    pcase, mcase = case_models.pydantic_case(), case_models.msgspec_case()
    valid = next(json.loads(l) for l in lines
                 if len(json.loads(l).get("inventory", {}).get("relationships", [])) >= 2
                 and json.loads(l).get("formulation"))
    for name, doc in broken_documents(valid).items():
        text = doc if isinstance(doc, str) else json.dumps(doc)
        got = accepts(name, text, pcase, mcase)
        assert not any(got.values()), f"{name}: a reader accepted a broken document: {got}"
    # null where the format allows it, and the valid cohort itself
    relaxed = copy.deepcopy(valid)
    relaxed["arm"] = None
    relaxed["concurrent_treatments"] = None
    relaxed["sessions"][0]["tasks"] = None
    for text in [json.dumps(relaxed)] + lines[:50]:
        got = accepts("valid", text, pcase, mcase)
        assert all(got.values()), f"a reader rejected a valid document: {got}"


def cohort_file(data_dir: str, cases: int, seed: int) -> str:
    """The JSON Lines file of the synthetic cohort: the bytes `iptkit synth --cases N --seed S`
    writes (and bench_scaling reads), made once and kept in the data folder."""
    os.makedirs(data_dir, exist_ok=True)
    path = os.path.join(data_dir, f"synth-{cases}-seed{seed}.jsonl")
    if not os.path.exists(path):
        say(f"writing {cases} synthetic cases to {path}")
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.writelines(c.to_json(pretty=False) + "\n" for c in iptkit.synthesize(cases, seed=seed))
        os.replace(tmp, path)
    return path


def main() -> None:
    p = parser(__doc__.split("\n\n")[0])
    p.add_argument("--cases", type=int, default=None, help="cases in the cohort (default 10000; small: 200)")
    p.add_argument("--seed", type=int, default=4)
    a = p.parse_args()
    cases = a.cases or (200 if a.small else 10_000)
    repeats = a.repeats or (1 if a.small else 5)
    path = cohort_file(a.data_dir, cases, a.seed)
    with open(path, "rb") as f:
        data = f.read()
    lines = data.decode().splitlines()
    check_faithful(lines)

    pcase, mcase = case_models.pydantic_case(), case_models.msgspec_case()
    pcase_lite, mcase_lite = case_models.pydantic_case(False), case_models.msgspec_case(False)
    mdec, mdec_lite = msgspec.json.Decoder(mcase), msgspec.json.Decoder(mcase_lite)

    def read_bytes() -> bytes:
        with open(path, "rb") as f:
            return f.read()

    def iptkit_read_validate() -> Any:
        c = iptkit.read_cases(path)
        return c, iptkit.validate(c, threads=1)

    def pydantic_lines(model: type) -> Callable[[], Any]:
        validate = model.model_validate_json
        return lambda: [validate(l) for l in read_bytes().splitlines() if l.strip()]

    counts: dict[str, int] = {}

    def keep(name: str, result: Any) -> None:
        counts[name] = len(result[0] if name == "iptkit_read_validate" else result)

    paths = {
        "iptkit_read_validate": iptkit_read_validate,
        "iptkit_read": lambda: iptkit.read_cases(path),
        "pydantic": pydantic_lines(pcase),
        "pydantic_no_cross_field": pydantic_lines(pcase_lite),
        "msgspec": lambda: mdec.decode_lines(read_bytes()),
        "msgspec_no_cross_field": lambda: mdec_lite.decode_lines(read_bytes()),
    }
    say(f"goal 4: {cases} cases, {len(data) / 1e6:.1f} MB, best of {repeats}")
    best = interleaved(repeats, paths, keep)
    # The same with Python's garbage collector on, as in a program: the peers allocate millions of
    # tracked objects (iptkit one per case), so collections cost them time. Not used for the goal.
    with_gc = interleaved(max(1, (repeats + 1) // 2),
                          {k: paths[k] for k in ("iptkit_read_validate", "pydantic", "msgspec")}, gc_off=False)
    assert len(set(counts.values())) == 1 and counts["iptkit_read"] == cases, counts
    mb = len(data) / 1e6
    for name, t in best.items():
        say(f"  {name:28s} {t['cpu'] * 1e3:9.1f} ms CPU ({t['wall'] * 1e3:9.1f} ms wall)  "
            f"{mb / t['cpu']:8.1f} MB/s  {cases / t['cpu']:10.0f} cases/s")
    cpu = {name: t["cpu"] for name, t in best.items()}
    ours = cpu["iptkit_read_validate"]
    result = {
        "goal": 4, "cases": cases, "bytes": len(data), "repeats": repeats, "small": a.small,
        "seconds": best,
        "ratio_vs_pydantic": cpu["pydantic"] / ours,
        "ratio_vs_msgspec": cpu["msgspec"] / ours,
        "ratio_vs_pydantic_no_cross_field": cpu["pydantic_no_cross_field"] / ours,
        "ratio_vs_msgspec_no_cross_field": cpu["msgspec_no_cross_field"] / ours,
        "ratio_read_only_vs_msgspec": cpu["msgspec"] / cpu["iptkit_read"],
        "ratio_read_only_vs_pydantic": cpu["pydantic"] / cpu["iptkit_read"],
    }
    ours_gc = with_gc["iptkit_read_validate"]["cpu"]
    result["seconds_gc_on"] = with_gc
    result["ratio_vs_pydantic_gc_on"] = with_gc["pydantic"]["cpu"] / ours_gc
    result["ratio_vs_msgspec_gc_on"] = with_gc["msgspec"]["cpu"] / ours_gc
    for name, t in with_gc.items():
        say(f"  {name + ' (gc on)':28s} {t['cpu'] * 1e3:9.1f} ms CPU ({t['wall'] * 1e3:9.1f} ms wall)")
    say(f"  iptkit read+validate vs pydantic {result['ratio_vs_pydantic']:.2f}x, "
        f"vs msgspec {result['ratio_vs_msgspec']:.2f}x (gc on: {result['ratio_vs_pydantic_gc_on']:.2f}x, "
        f"{result['ratio_vs_msgspec_gc_on']:.2f}x)")
    write_json(a.json, result)


if __name__ == "__main__":
    main()
