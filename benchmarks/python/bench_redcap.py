"""Goal 10: a REDCap import of 100,000 records with 16 repeating PHQ-9 instances each.

The project is the example one (examples/redcap: its data dictionary, and its mapping
without the session and relationship lists, which these records do not hold). Each record has
its enrolment row (every case field: contract, formulation, a baseline PHQ-9) and 16 rows of the
repeating PHQ-9 instrument in its treatment event, arms alternating: 1,700,000 rows of the 68
columns of the export, as REDCap writes them (raw codes, blanks for the forms a row does not hold).
Side by side, in one run, each timed as the best of R interleaved repeats:

- pandas: ``pandas.read_csv(records)`` with its defaults, merely loading the file;
- iptkit: ``iptkit.import_redcap(records, dictionary=..., mapping=...)``: read the file, check the
  mapping, parse, map, type, build every case and read it through the case reader (the C++
  importer; the cases stay in C++ until asked for).

Before timing, the import must give exactly the records' cases (100,000, no error) and the
number of PHQ-9 assessments the file holds. Peak memory of each (a fresh process running it once,
its maximum resident set size minus that of the same process before) is reported alongside.

    python benchmarks/python/bench_redcap.py [--records N] [--repeats R] [--json out.json] [--small]
"""

from __future__ import annotations

import csv
import json
import os
import pathlib
import random
import subprocess
import sys

from common import interleaved, parser, say, write_json

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "redcap"
INSTANCES = 16


def columns() -> list[str]:
    """The export's columns, from the example export's header (the dictionary's order)."""
    with open(EXAMPLE / "records.csv", newline="") as f:
        return next(csv.reader(f))


def write_records(path: pathlib.Path, n: int, seed: int = 11) -> int:
    """Writes n records; returns the number of PHQ-9 forms written."""
    rng = random.Random(seed)
    cols = columns()
    index = {c: i for i, c in enumerate(cols)}
    blank = [""] * len(cols)
    forms = 0
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for r in range(n):
            arm = 1 + r % 2
            rec = str(100000 + r)
            row = blank.copy()

            def put(name: str, value: object) -> None:
                row[index[name]] = str(value)

            start = f"2025-{1 + r % 12:02d}-{1 + r % 28:02d}"
            put("record_id", rec), put("redcap_event_name", f"enrolment_arm_{arm}")
            for name, value in (("first_name", "Ann"), ("last_name", "Example"), ("dob", "1980-01-01"),
                                ("mrn", f"M{r}"), ("enrol_date", start), ("age", 20 + r % 60), ("sex", 1 + r % 2),
                                ("site", 1 + r % 3), ("dx_code", 1 + r % 3), ("enrolment_complete", 2),
                                ("inv_session", 2), ("form_session", 3), ("form_agreed", 1), ("form_area", 4),
                                ("form_pattern", 1), ("formulation_complete", 2), ("planned_sessions", 16),
                                ("frequency", 1), ("start_date", start), ("format", 1), ("modality", 1),
                                ("session_minutes", 50), ("treatment_contract_complete", 2)):
                put(name, value)
            items = [rng.randint(1, 3) for _ in range(8)] + [0]
            for i, v in enumerate(items, 1):
                put(f"phq9_{i}", v)
            put("phq9_date", start), put("phq9_total", sum(items)), put("phq9_complete", 2)
            w.writerow(row)
            forms += 1
            for k in range(1, INSTANCES + 1):
                row = blank.copy()
                put("record_id", rec), put("redcap_event_name", f"treatment_arm_{arm}")
                put("redcap_repeat_instrument", "phq9"), put("redcap_repeat_instance", k)
                items = [max(0, min(3, v - rng.randint(0, k // 4))) for v in items[:8]] + [0]
                for i, v in enumerate(items, 1):
                    put(f"phq9_{i}", v)
                put("phq9_date", start), put("phq9_total", sum(items)), put("phq9_complete", 2)
                w.writerow(row)
                forms += 1
    return forms


def peak_mb(code: str) -> float:
    """Peak resident memory (MB) added by running `code` once in a fresh interpreter. Read from
    VmHWM, which starts afresh with the new program (ru_maxrss would carry this process's peak
    over into the child on Linux)."""
    script = ("import re\n"
              "def hwm():\n"
              "    return int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
              "import pandas, iptkit\n"
              "before = hwm()\n"
              "%s\n"
              "print((hwm() - before) / 1024)\n") % code
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1])


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--records", type=int, default=100_000)
    args = p.parse_args()
    repeats = args.repeats or (1 if args.small else 3)
    if args.small:
        args.records = 2_000
    import pandas as pd
    import iptkit

    data = pathlib.Path(args.data_dir)
    data.mkdir(parents=True, exist_ok=True)
    records = data / f"redcap-{args.records}.csv"
    forms_file = records.with_suffix(".forms")
    if not records.exists() or not forms_file.exists():
        say(f"writing {records}")
        forms_file.write_text(str(write_records(records, args.records)))
    forms = int(forms_file.read_text())
    # The example's mapping without the lists the benchmark records do not hold (a list that finds
    # no row is an error), written where the peak-memory run can read it too.
    mapping = json.loads((EXAMPLE / "mapping.json").read_text())
    mapping["lists"] = [l for l in mapping["lists"] if l["form"] == "phq9"]
    mapping_file = data / "redcap-mapping.json"
    mapping_file.write_text(json.dumps(mapping))
    dictionary = EXAMPLE / "dictionary.csv"
    size_mb = os.path.getsize(records) / 1e6
    say(f"{args.records} records, {forms} PHQ-9 forms, {size_mb:.0f} MB")

    def run_iptkit():
        return iptkit.import_redcap(records, dictionary=dictionary, mapping=mapping)

    def run_pandas():
        return pd.read_csv(records)

    # The import must be right before it is timed.
    r = run_iptkit()
    assert r.ok, [e.message for e in r.errors[:5]]
    cases = r.cases
    assert len(cases) == args.records
    assert sum(len(c.assessments) for c in cases) == forms
    del cases, r

    best = interleaved(repeats, {"pandas": run_pandas, "iptkit": run_iptkit})
    ratio = best["iptkit"]["cpu"] / best["pandas"]["cpu"]
    peaks = {
        "pandas": peak_mb(f"pandas.read_csv({str(records)!r})"),
        "iptkit": peak_mb(f"r = iptkit.import_redcap({str(records)!r}, dictionary={str(dictionary)!r}, "
                          f"mapping={str(mapping_file)!r}); assert r.ok"),
    }
    for name, label in (("pandas", "pandas.read_csv"), ("iptkit", "iptkit import  ")):
        say(f"{label}  {best[name]['cpu']:.2f} s CPU ({best[name]['wall']:.2f} s wall)   peak +{peaks[name]:.0f} MB")
    say(f"iptkit / pandas  {ratio:.2f}x CPU (goal: at most 2x)")
    write_json(args.json, {"goal": 10, "records": args.records, "forms": forms, "file_mb": size_mb,
                           "seconds": best, "peak_mb": peaks, "ratio": ratio,
                           "met": ratio <= 2.0 and not args.small})


if __name__ == "__main__":
    main()
