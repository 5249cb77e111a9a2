"""Shared helpers of the Python benchmarks: sizes, timing, result files."""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import sys
import time
from typing import Any, Callable

SMALL = os.environ.get("IPTKIT_BENCH_SMALL", "") not in ("", "0")


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--small", action="store_true", default=SMALL,
                   help="tiny sizes, one repeat: a smoke run whose figures mean nothing "
                        "(also IPTKIT_BENCH_SMALL=1)")
    p.add_argument("--repeats", type=int, default=None, help="timed runs of each path (best is kept)")
    p.add_argument("--json", metavar="FILE", help="write the results as JSON to FILE")
    p.add_argument("--data-dir", default=os.environ.get("IPTKIT_BENCH_DATA", "/tmp/iptkit-bench-data"),
                   help="where generated inputs are kept between runs")
    return p


def best_of(repeats: int, fn: Callable[[], Any], gc_off: bool = True) -> tuple[dict[str, float], Any]:
    """The shortest wall time and the shortest CPU time of the process over `repeats` calls of fn
    (garbage collection off while timing, as timeit does, unless `gc_off` is false), and the last
    result.

    The ratios of the goals use CPU time, like Google Benchmark's default: every path here runs on
    one thread, and on a machine shared with other work CPU time is what load disturbs least. Wall
    times are kept in the result files too."""
    best = {"wall": float("inf"), "cpu": float("inf")}
    result = None
    for _ in range(repeats):
        result = None
        gc.collect()
        if gc_off:
            gc.disable()
        try:
            w, c = time.perf_counter(), time.process_time()
            result = fn()
            c, w = time.process_time() - c, time.perf_counter() - w
        finally:
            gc.enable()
        best["wall"] = min(best["wall"], w)
        best["cpu"] = min(best["cpu"], c)
    return best, result


def interleaved(repeats: int, paths: dict[str, Callable[[], Any]],
                keep: Callable[[str, Any], None] | None = None,
                gc_off: bool = True) -> dict[str, dict[str, float]]:
    """Runs every path once per round, `repeats` rounds, so that load from other processes falls on
    all of them alike; returns the best times of each (see best_of). `keep(name, result)` sees each
    first result."""
    best = {name: {"wall": float("inf"), "cpu": float("inf")} for name in paths}
    for round_ in range(repeats):
        for name, fn in paths.items():
            t, result = best_of(1, fn, gc_off)
            for k in t:
                best[name][k] = min(best[name][k], t[k])
            if keep and round_ == 0:
                keep(name, result)
            del result
    return best


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def environment() -> dict[str, Any]:
    import numpy
    import pandas
    out: dict[str, Any] = {"python": sys.version.split()[0], "machine": platform.machine(),
                           "numpy": numpy.__version__, "pandas": pandas.__version__}
    for name in ("pydantic", "msgspec", "pyarrow"):
        try:
            out[name] = __import__(name).__version__
        except ImportError:
            pass
    import iptkit
    out["iptkit"] = iptkit.__version__
    return out


def write_json(path: str | None, payload: dict[str, Any]) -> None:
    payload = dict(payload, environment=environment())
    text = json.dumps(payload, indent=2, sort_keys=True)
    if path:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)


def say(*args: Any) -> None:
    print(*args, file=sys.stderr, flush=True)
