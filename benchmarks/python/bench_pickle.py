"""Issue 18 item 6: pickling a cohort of cases (what Dask, multiprocessing and joblib do to them).

iptkit: ``pickle.loads(pickle.dumps(cases))`` of a list of ``Case`` objects. Peer, the same cohort
through its canonical JSON: ``[iptkit.read_case(c.to_json(pretty=False)) for c in cases]``. Goal:
pickle at most 2x the JSON path's CPU time, with the pickling's peak memory (above the held
cohort, measured in a child process by its peak resident set) under 3x the cohort's JSON size.

    python benchmarks/python/bench_pickle.py [--cases N] [--repeats R] [--json out.json] [--small]
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from typing import Any

import iptkit

from common import interleaved, parser, say, write_json


def cohort_file(data_dir: str, n: int) -> str:
    path = os.path.join(data_dir, f"pickle-cohort-{n}.jsonl")
    if not os.path.exists(path):
        os.makedirs(data_dir, exist_ok=True)
        iptkit.write_cases(iptkit.synthesize(n, seed=11), path)
    return path


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        line = next(x for x in f if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024.0


def child(path: str, how: str) -> None:
    """Runs one path once in this process and prints the peak resident set above the held cohort
    (the kernel's high-water mark is reset after reading, so reading's own peak is not counted)."""
    cases = iptkit.read_cases(path)
    with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
        f.write("5")
    held = _rss_mb()
    if how == "pickle":
        back = pickle.loads(pickle.dumps(cases, protocol=pickle.HIGHEST_PROTOCOL))
    else:
        back = [iptkit.read_case(c.to_json(pretty=False)) for c in cases]
    assert len(back) == len(cases)
    print(max(0.0, _peak_mb() - held))


def peak_above_cohort(path: str, how: str) -> float:
    out = subprocess.run([sys.executable, __file__, "--child", path, how], check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--cases", type=int, default=None)
    p.add_argument("--child", nargs=2, help=argparse_hidden())
    args = p.parse_args()
    if args.child:
        child(*args.child)
        return
    n = args.cases or (500 if args.small else 100_000)
    repeats = args.repeats or (1 if args.small else 3)
    path = cohort_file(args.data_dir, n)
    cases = iptkit.read_cases(path)
    json_mb = os.path.getsize(path) / 2**20
    say(f"{n:,} cases, {json_mb:.1f} MB of JSON Lines")

    def by_pickle() -> Any:
        return pickle.loads(pickle.dumps(cases, protocol=pickle.HIGHEST_PROTOCOL))

    def by_json() -> Any:
        return [iptkit.read_case(c.to_json(pretty=False)) for c in cases]

    # Both paths give the same cases back.
    assert [c.to_json() for c in by_pickle()[:50]] == [c.to_json() for c in cases[:50]]
    times = interleaved(repeats, {"pickle": by_pickle, "json": by_json})
    ratio = times["pickle"]["cpu"] / times["json"]["cpu"]
    size_mb = len(pickle.dumps(cases, protocol=pickle.HIGHEST_PROTOCOL)) / 2**20
    peaks = {how: peak_above_cohort(path, how) for how in ("pickle", "json")}
    say(f"pickle dumps+loads {times['pickle']['cpu']:.2f} s CPU, JSON {times['json']['cpu']:.2f} s: "
        f"{ratio:.2f}x (goal <= 2x); pickle {size_mb:.1f} MB; peak above the cohort: pickle "
        f"{peaks['pickle']:.0f} MB = {peaks['pickle'] / json_mb:.2f}x the JSON (goal < 3x), JSON path {peaks['json']:.0f} MB")
    write_json(args.json, {"cases": n, "json_mb": json_mb, "pickle_mb": size_mb, "times": times,
                           "ratio_cpu": ratio, "peak_above_cohort_mb": peaks})


def argparse_hidden() -> str:
    import argparse
    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
