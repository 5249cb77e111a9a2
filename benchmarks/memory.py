"""Goal 8: peak memory of ``iptkit validate FILE.jsonl`` as the file grows (100 MB, 300 MB, 1 GB).

The files hold synthetic cases (``iptkit synth --cases N --seed 4``, about 4.8 KB per case): the
1 GB file is written once and the smaller ones are its first lines. Each run is
``/usr/bin/time -v iptkit validate FILE`` with the standard output sent to /dev/null (the text
report is still built; see docs/performance.md), and the maximum resident set size is reported.
The same with ``--quiet`` (no line per valid case) is reported alongside.

    python3 benchmarks/memory.py --cli build/release/iptkit [--small] [--json out.json]

The goal is met when the peak for the 1 GB file is below 100 MB and flat: less than 16 MB above
the peak for the 100 MB file. --small uses 1, 3 and 10 MB files and does not judge.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time

MB = 1_000_000


def sized_files(cli: str, data_dir: str, sizes_mb: list[int]) -> dict[int, str]:
    """Files of about each size: the largest from `iptkit synth`, the others its first lines."""
    os.makedirs(data_dir, exist_ok=True)
    largest = max(sizes_mb)
    sample = os.path.join(data_dir, "synth-1000-seed4.jsonl")
    if not os.path.exists(sample):
        subprocess.run([cli, "synth", "--cases", "1000", "--seed", "4", "-o", sample, "--quiet"], check=True)
    per_case = os.path.getsize(sample) / 1000
    cases = int(largest * MB / per_case) + 1
    big = os.path.join(data_dir, f"synth-{cases}-seed4.jsonl")
    if not os.path.exists(big):
        print(f"writing {cases} synthetic cases ({largest} MB) to {big}", file=sys.stderr, flush=True)
        subprocess.run([cli, "synth", "--cases", str(cases), "--seed", "4", "-o", big, "--quiet"], check=True)
    out = {largest: big}
    for size in sizes_mb:
        if size == largest:
            continue
        path = os.path.join(data_dir, f"synth-{size}MB-of-{cases}-seed4.jsonl")
        if not os.path.exists(path):
            with open(big, "rb") as src, open(path + ".tmp", "wb") as dst:
                written = 0
                for line in src:
                    if written >= size * MB:
                        break
                    dst.write(line)
                    written += len(line)
            os.replace(path + ".tmp", path)
        out[size] = path
    return out


def peak(cli: str, path: str, extra: list[str]) -> dict[str, float]:
    """Maximum RSS (MB) and wall time of one `iptkit validate` run."""
    t = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-v", cli, "validate", path, *extra],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if run.returncode not in (0, 1):   # 1: some case has findings of severity error
        raise RuntimeError(f"iptkit validate {path} failed ({run.returncode}):\n{run.stderr[-2000:]}")
    kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    return {"max_rss_mb": kb * 1024 / MB, "seconds": wall}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cli", required=True, help="the iptkit command line (build/release/iptkit)")
    p.add_argument("--small", action="store_true", default=os.environ.get("IPTKIT_BENCH_SMALL", "") not in ("", "0"))
    p.add_argument("--json", metavar="FILE")
    p.add_argument("--data-dir", default=os.environ.get("IPTKIT_BENCH_DATA", "/tmp/iptkit-bench-data"))
    a = p.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("memory.py needs /usr/bin/time (apt-get install time)")
    sizes = [1, 3, 10] if a.small else [100, 300, 1000]
    files = sized_files(a.cli, a.data_dir, sizes)
    runs = []
    for size in sizes:
        path = files[size]
        row = {"target_mb": size, "file_mb": os.path.getsize(path) / MB, "file": path}
        row["default"] = peak(a.cli, path, [])
        row["quiet"] = peak(a.cli, path, ["--quiet"])
        runs.append(row)
        print(f"  {row['file_mb']:8.1f} MB file: peak {row['default']['max_rss_mb']:7.1f} MB "
              f"({row['default']['seconds']:.1f} s); --quiet {row['quiet']['max_rss_mb']:7.1f} MB",
              file=sys.stderr, flush=True)
    first, last = runs[0], runs[-1]
    result = {
        "goal": 8, "small": a.small, "runs": runs,
        "peak_mb": last["default"]["max_rss_mb"],
        "growth_mb": last["default"]["max_rss_mb"] - first["default"]["max_rss_mb"],
        "peak_quiet_mb": last["quiet"]["max_rss_mb"],
        "growth_quiet_mb": last["quiet"]["max_rss_mb"] - first["quiet"]["max_rss_mb"],
    }
    text = json.dumps(result, indent=2)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
