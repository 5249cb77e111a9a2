"""The table of goals (docs/performance.md) from the result files of benchmarks/run_all.sh.

    python3 benchmarks/report.py RESULTS_DIR [--small] [--markdown FILE]

RESULTS_DIR holds the Google Benchmark JSON output of each C++ program (bench_json.json,
bench_threads.json, bench_outcomes.json, bench_scaling.json) and the JSON of the Python scripts
(py_read.json, py_outcomes.json) and of memory.py (memory.json). A missing file leaves its rows
"not measured". With --small (a smoke run) nothing is judged. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Callable, Optional


def load(directory: str, name: str) -> Optional[dict[str, Any]]:
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Bench:
    """Google Benchmark results by name; the median of repetitions when there are any."""

    def __init__(self, data: Optional[dict[str, Any]]) -> None:
        self.rows: dict[str, dict[str, Any]] = {}
        self.fastest: dict[str, dict[str, Any]] = {}
        self.context = (data or {}).get("context", {})
        for b in (data or {}).get("benchmarks", []):
            if b.get("error_occurred"):
                continue
            name = b.get("run_name", b["name"]).replace("/iterations:1", "")
            if b.get("run_type") == "aggregate":
                if b.get("aggregate_name") == "median":
                    self.rows[name] = b
                elif b.get("aggregate_name") == "min":
                    self.fastest[name] = b
            elif name not in self.rows or self.rows[name].get("run_type") != "aggregate":
                self.rows[name] = b

    def get(self, name: str, fastest: bool = False) -> Optional[dict[str, Any]]:
        """The median of the repetitions (or the only run); with `fastest`, the fastest repetition
        when the program reports one."""
        if fastest and name in self.fastest:
            return self.fastest[name]
        return self.rows.get(name)

    def seconds(self, name: str, which: str = "real_time", fastest: bool = False) -> Optional[float]:
        """Time per iteration: "real_time" (wall) or "cpu_time" (this process)."""
        b = self.get(name, fastest)
        if not b:
            return None
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b.get("time_unit", "ns")]
        return b[which] * scale

    def per_second(self, name: str, what: str = "items_per_second") -> Optional[float]:
        b = self.get(name)
        return b.get(what) if b else None


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return a / b if a is not None and b else None


def fmt(x: Optional[float], unit: str = "x") -> str:
    if x is None:
        return "not measured"
    return f"{x:.2f}{unit}" if x < 100 else f"{x:.0f}{unit}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("results")
    p.add_argument("--small", action="store_true")
    p.add_argument("--markdown", metavar="FILE", help="also write the tables as Markdown")
    a = p.parse_args()
    d = a.results
    js, th = Bench(load(d, "bench_json.json")), Bench(load(d, "bench_threads.json"))
    oc, sc = Bench(load(d, "bench_outcomes.json")), Bench(load(d, "bench_scaling.json"))
    pr, po, mem = load(d, "py_read.json"), load(d, "py_outcomes.json"), load(d, "memory.json")
    im = Bench(load(d, "bench_import.json"))
    rc = load(d, "py_redcap.json")

    def at_least(x: float, t: float) -> bool:
        return x >= t

    def at_most(x: float, t: float) -> bool:
        return x <= t

    # goal, what, measured, target text, test
    rows: list[tuple[str, str, Optional[float], str, Optional[Callable[[float], bool]]]] = []
    peer_parse = js.per_second("json/peer_boost_json_parse")
    rows.append(("1", "C++ read, JSON Lines -> typed cases, every structural check (jsonl_reader) / boost::json::parse",
                 ratio(js.per_second("json/read_jsonl_reader"), peer_parse), ">= 1.0x", lambda x: at_least(x, 1.0)))
    rows.append(("1 (info)", "the same with read_case() per line / boost::json::parse",
                 ratio(js.per_second("json/read_case_per_line"), peer_parse), "", None))
    rows.append(("2", "C++ read + every protocol rule (validate) / boost::json::parse",
                 ratio(js.per_second("json/read_validate"), peer_parse), ">= 0.8x", lambda x: at_least(x, 0.8)))
    rows.append(("3", "C++ write_case compact / boost::json::serialize of built DOMs",
                 ratio(js.per_second("json/write_case_compact"), js.per_second("json/peer_boost_json_serialize")),
                 ">= 1.0x", lambda x: at_least(x, 1.0)))
    if pr:
        rows.append(("4a", "Python read_cases + validate / pydantic 2 model_validate_json (time ratio)",
                     pr["ratio_vs_pydantic"], ">= 3x", lambda x: at_least(x, 3.0)))
        rows.append(("4b", "Python read_cases + validate / msgspec Structs decode_lines (time ratio)",
                     pr["ratio_vs_msgspec"], ">= 1x", lambda x: at_least(x, 1.0)))
        rows.append(("4 (info)", "the same / pydantic without its 2 Python cross-field checks",
                     pr["ratio_vs_pydantic_no_cross_field"], "", None))
        rows.append(("4 (info)", "the same / msgspec without its 2 Python cross-field checks",
                     pr["ratio_vs_msgspec_no_cross_field"], "", None))
        rows.append(("4 (info)", "read_cases alone (no rules) / msgspec", pr["ratio_read_only_vs_msgspec"], "", None))
        if "ratio_vs_pydantic_gc_on" in pr:
            rows.append(("4 (info)", "read_cases + validate / pydantic, garbage collector on (as in a program)",
                         pr["ratio_vs_pydantic_gc_on"], "", None))
            rows.append(("4 (info)", "read_cases + validate / msgspec, garbage collector on (as in a program)",
                         pr["ratio_vs_msgspec_gc_on"], "", None))
    else:
        rows += [("4a", "Python read_cases + validate / pydantic 2", None, ">= 3x", None),
                 ("4b", "Python read_cases + validate / msgspec", None, ">= 1x", None)]
    if po:
        n = f"{po['cases']:,}"
        rows.append(("5a", f"Cohort.from_tables(long tables).outcomes(), {n} cases x 16 PHQ-9 / pandas groupby (time ratio)",
                     po["ratio_vs_pandas"], ">= 20x", lambda x: at_least(x, 20.0)))
        rows.append(("5b", "the same / numpy vectorised on a wide array (time ratio)",
                     po["ratio_vs_numpy"], ">= 1x", lambda x: at_least(x, 1.0)))
        rows.append(("6", "Cohort.outcomes() DataFrame time / the same DataFrame from numpy columns",
                     po["outcomes_over_frame_build"], "<= 2x", lambda x: at_most(x, 2.0)))
        if "held_cohort_ratio_vs_pandas" in po:
            rows.append(("5 (info)", "outcomes() of a Cohort already made / pandas (time ratio)",
                         po["held_cohort_ratio_vs_pandas"], "", None))
            rows.append(("5 (info)", "outcomes() of a Cohort already made / numpy (time ratio)",
                         po["held_cohort_ratio_vs_numpy"], "", None))
            rows.append(("5 (info)", "the same on 2 threads / pandas (wall-time ratio)",
                         po["held_cohort_2_threads_wall_ratio_vs_pandas"], "", None))
            rows.append(("5 (info)", "iptkit.outcomes(Case objects) / pandas (time ratio)",
                         po["case_objects_ratio_vs_pandas"], "", None))
    else:
        rows += [("5a", "Cohort from long tables, outcomes / pandas", None, ">= 20x", None),
                 ("5b", "the same / numpy", None, ">= 1x", None),
                 ("6", "Cohort.outcomes() / frame from numpy", None, "<= 2x", None)]
    def speedup(key: str) -> Optional[float]:
        # The fastest repetition of each (the one in which the machine's other work left the second
        # core free), when the program reports it; else the median.
        return ratio(th.seconds(f"threads/{key}/1/real_time", fastest=True),
                     th.seconds(f"threads/{key}/2/real_time", fastest=True))

    rows.append(("7a", f"validate_cohort, {int(th.context.get('cases', 0) or 0):,} synthetic cases: 2 threads / 1 thread (wall)",
                 speedup("validate_cohort"),
                 ">= 1.8x", lambda x: at_least(x, 1.8)))
    # Outcomes: the columnar form when the library has it (it is the one meant to scale), else rows.
    columnar = th.get("threads/compute_outcome_columns/1/real_time") is not None
    main_key = "compute_outcome_columns" if columnar else "compute_outcomes"
    column_cases = int(th.context.get("column_cases", 0) or 0)
    rows.append(("7b", f"{main_key}, {column_cases:,} cases x 16 PHQ-9: 2 threads / 1 thread (wall)", speedup(main_key),
                 ">= 1.8x", lambda x: at_least(x, 1.8)))
    if columnar:
        rows.append(("7 (info)", "compute_outcomes (rows): 2 / 1 threads", speedup("compute_outcomes"), "", None))
    rows.append(("7 (info)", "outcomes() of synthetic cases (to_columns() serial): 2 / 1 threads",
                 speedup("outcomes_synthetic"), "", None))
    if mem:
        gb = mem["runs"][-1]
        rows.append(("8", f"peak RSS of `iptkit validate` on a {gb['file_mb']:.0f} MB file "
                          f"(growth from {mem['runs'][0]['file_mb']:.0f} MB: {mem['growth_mb']:+.1f} MB)",
                     mem["peak_mb"], "< 100 MB, flat", lambda x: x < 100 and mem["growth_mb"] < 16))
        rows.append(("8 (info)", f"the same with --quiet (growth {mem['growth_quiet_mb']:+.1f} MB)",
                     mem["peak_quiet_mb"], "", None))
    else:
        rows.append(("8", "peak RSS of iptkit validate on 1 GB", None, "< 100 MB, flat", None))
    rows.append(("9", "C++ import_tables of the complete tidy CSV / their export (make_tidy_tables + tidy_csv)",
                 ratio(im.per_second("tables/import_csv"), im.per_second("tables/export_csv")), ">= 1.0x",
                 lambda x: at_least(x, 1.0)))
    if rc:
        rows.append(("10", f"Python import_redcap of {rc['records']:,} records x 16 PHQ-9 instances / pandas.read_csv "
                           "of the same file (time ratio)", rc["ratio"], "<= 2x", lambda x: at_most(x, 2.0)))
        rows.append(("10 (info)", f"peak memory added by the import (pandas.read_csv: {rc['peak_mb']['pandas']:.0f} MB; "
                                  f"the file: {rc['file_mb']:.0f} MB)", rc["peak_mb"]["iptkit"], "", None))
    else:
        rows.append(("10", "Python import_redcap / pandas.read_csv", None, "<= 2x", None))

    lines = []
    lines.append("| goal | measured | ratio | target | result |")
    lines.append("| --- | --- | --- | --- | --- |")
    for goal, what, value, target, test in rows:
        unit = " MB" if goal.startswith(("8", "10 (info)")) else "x"
        shown = fmt(value, unit)
        if a.small:
            verdict = "smoke run: not judged" if test else ""
        elif test is None:
            verdict = "" if "info" in goal else "not measured"
        elif value is None:
            verdict = "not measured"
        else:
            verdict = "met" if test(value) else "NOT MET"
        lines.append(f"| {goal} | {what} | {shown} | {target} | {verdict} |")

    # Absolute figures of the single-thread C++ benchmarks (CPU time of the process).
    detail = ["", "| benchmark | CPU time per run | cases/s | MB/s |", "| --- | --- | --- | --- |"]
    for name in ("json/peer_boost_json_parse", "json/read_jsonl_reader", "json/read_case_per_line",
                 "json/read_validate", "json/peer_boost_json_serialize", "json/write_case_compact"):
        if js.get(name):
            detail.append(f"| `{name}` | {js.seconds(name, 'cpu_time') * 1e3:,.1f} ms | "
                          f"{js.per_second(name):,.0f} | {js.per_second(name, 'bytes_per_second') / 1e6:,.0f} |")
    for key in ("validate_cohort", "compute_outcomes", "compute_outcome_columns", "outcomes_synthetic"):
        for n in (1, 2):
            name = f"threads/{key}/{n}/real_time"
            if th.get(name):
                detail.append(f"| `threads/{key}/{n}` | {th.seconds(name, fastest=True) * 1e3:,.1f} ms wall "
                              f"(fastest; median {th.seconds(name) * 1e3:,.1f} ms) | "
                              f"{th.per_second(name):,.0f} (median) | |")
    if js.context.get("cases") or th.context.get("cases"):
        detail.append(f"\n(bench_json: {js.context.get('cases', '?')} synthetic cases, "
                      f"{int(js.context.get('cohort_bytes', 0)) / 1e6:.1f} MB; bench_threads: "
                      f"{th.context.get('cases', '?')} synthetic cases and {th.context.get('column_cases', '?')} "
                      f"cases of columns)")

    # How cost grows with the cohort (CPU time: all of these run on one thread).
    scale = ["", "| cases | C++ read, JSONL file -> typed cases | C++ compute_outcomes (rows; 16 PHQ-9) | "
                 "C++ compute_outcome_columns (16 PHQ-9) | C++ outcomes() of synthetic cases | "
                 "Python iptkit.outcomes (16 PHQ-9) |",
             "| --- | --- | --- | --- | --- | --- |"]
    py_scale = (po or {}).get("iptkit_outcomes_scaling_seconds", {})
    sizes = sorted({int(k.split("/")[2]) for bench in (sc, oc) for k in bench.rows if k.count("/") >= 2}
                   | {int(k) for k in py_scale})

    def cell(seconds: Optional[float], n: int, bytes_per_s: Optional[float] = None) -> str:
        if seconds is None:
            return ""
        text = f"{seconds * 1e3:,.1f} ms ({seconds / n * 1e9:,.0f} ns/case"
        if bytes_per_s:
            text += f", {bytes_per_s / 1e6:,.0f} MB/s"
        return text + ")"

    for n in sizes:
        py = py_scale.get(str(n))
        scale.append(f"| {n:,} | {cell(sc.seconds(f'read/jsonl_file/{n}', 'cpu_time'), n, sc.per_second(f'read/jsonl_file/{n}', 'bytes_per_second'))} | "
                     f"{cell(oc.seconds(f'outcomes/compute_outcomes/{n}', 'cpu_time'), n)} | "
                     f"{cell(oc.seconds(f'outcomes/compute_outcome_columns/{n}', 'cpu_time'), n)} | "
                     f"{cell(oc.seconds(f'outcomes/synthetic_cases/{n}', 'cpu_time'), n)} | {cell(py, n)} |")

    text = "\n".join(lines + detail + scale)
    print(text)
    if mem:
        print("\npeak RSS of `iptkit validate` (default output; --quiet):")
        for r in mem["runs"]:
            print(f"  {r['file_mb']:8.1f} MB file: {r['default']['max_rss_mb']:6.1f} MB in {r['default']['seconds']:.1f} s; "
                  f"--quiet {r['quiet']['max_rss_mb']:6.1f} MB in {r['quiet']['seconds']:.1f} s")
    if a.markdown:
        with open(a.markdown, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    if not a.small and any(v is None and t for _, _, v, _, t in rows):
        print("\nsome goals were not measured (see the log above)", file=sys.stderr)


if __name__ == "__main__":
    main()
