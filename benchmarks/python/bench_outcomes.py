"""Goals 5 and 6: per-case outcomes of a registry-sized cohort from Python.

Cohort: 1,000,000 cases x 16 PHQ-9 assessments (an intake measure 7-21 days before the contract
start and one at each of 15 weekly attended sessions). Some cases are made to test the windows of
outcomes.md: 4% have their intake more than 28 days before the start (the baseline is then the
session-1 measure), 4% have their last measure after the last acute session + 14 days (the
endpoint is then the one before), 0.1% have a baseline of 0 (no percent change, no response).
The same numbers are given to each path, in the form each works on:

- iptkit, goal 5: ``iptkit.Cohort.from_tables(tables).outcomes()`` from the long tables in memory
  (cases, sessions and assessments as ``iptkit.tables()`` gives them: Arrow-backed strings,
  datetime64, categoricals, Int64), one thread: a pandas DataFrame of 36 columns. Shown too:
  ``outcomes()`` of a Cohort already made (goal 6, and on two threads), and
  ``iptkit.outcomes(cases)`` on ``Case`` objects read beforehand from JSON Lines;
- pandas: the same definitions with a groupby on the long table (one row per assessment: case,
  day, total) joined to a case table (start, first attended session, last acute session);
- numpy: the same definitions vectorised on a wide array (cases x 16 days and totals).

The definitions (outcomes.md, PHQ-9): baseline = the earliest measure from start - 28 days to the
first attended session; endpoint = the latest measure after the baseline up to the last acute
session + 14 days; change, percent change, response (endpoint <= 50% of baseline), remission
(<= 4), reliable improvement / deterioration (6 points, NHS Talking Therapies), caseness (>= 10),
recovery, reliable recovery. Before timing, pandas and numpy are required to give exactly the
numbers of iptkit.outcomes, on a synthetic cohort (iptkit.synthesize: dropouts, missed measures,
GAD-7, maintenance) and on the whole benchmark cohort.

Goal 6: the time of Cohort.outcomes() (a cohort held as columns in, DataFrame out) against building the same DataFrame
(same 36 columns, same dtypes) from numpy columns already in memory: int64, float64 and bool
arrays; values + mask for the nullable Int64 and boolean columns; codes for the categoricals;
datetime64[s] arrays; object arrays of str for the text columns.

    python benchmarks/python/bench_outcomes.py [--cases N] [--repeats R] [--json out.json] [--small]
"""

from __future__ import annotations

import datetime
import os
from typing import Any

import numpy as np
import pandas as pd

import iptkit

from common import best_of, interleaved, parser, peak_rss_mb, say, write_json

K = 16                 # assessments per case
SESSIONS = 15          # weekly acute sessions
PHASES = ["initial"] * 3 + ["middle"] * 9 + ["termination"] * 3
CASENESS, REMISSION, RELIABLE = 10, 4, 6   # PHQ-9 (outcomes.md)
MISSING = np.iinfo(np.int32).min           # no measure in this slot of the wide array
EPOCH = datetime.date(1970, 1, 1)
PHASES_ALL = ["initial", "middle", "termination", "maintenance"]
ATTENDANCE = ["attended", "cancelled", "no_show"]


# --- the cohort --------------------------------------------------------------------------------

def make_cohort(n: int, seed: int = 5) -> dict[str, np.ndarray]:
    """Wide arrays of the benchmark cohort: start, first attended and last acute day per case,
    days and totals per case and assessment (days since 1970-01-01)."""
    rng = np.random.default_rng(seed)
    base_day = (datetime.date(2024, 1, 1) - EPOCH).days
    start = base_day + rng.integers(0, 730, n, dtype=np.int32)
    start += np.where((start + 3) % 7 == 5, 2, np.where((start + 3) % 7 == 6, 1, 0)).astype(np.int32)  # Mon-Fri
    sessions = start[:, None] + 7 * np.arange(SESSIONS, dtype=np.int32)[None, :]
    days = np.empty((n, K), dtype=np.int32)
    days[:, 0] = start - rng.integers(7, 22, n, dtype=np.int32)
    early = rng.random(n) < 0.04
    days[early, 0] = start[early] - rng.integers(29, 41, int(early.sum()), dtype=np.int32)
    days[:, 1:] = sessions
    late = rng.random(n) < 0.04
    days[late, K - 1] = sessions[late, -1] + rng.integers(15, 41, int(late.sum()), dtype=np.int32)
    baseline = np.clip(np.rint(rng.normal(16, 4.2, n)), 0, 27)
    r = np.clip(rng.normal(0.5, 0.35, n), -0.25, 1.0)
    t = np.concatenate([[0.0], np.arange(SESSIONS) / (SESSIONS - 1)])
    g = 1 - (1 - t) ** 2
    expected = baseline[:, None] * (1 - r[:, None] * g[None, :])
    totals = np.clip(np.rint(expected + rng.normal(0, 1.3, (n, K))), 0, 27).astype(np.int32)
    zero = rng.random(n) < 0.001
    totals[zero, 0] = 0
    totals[zero, 1] = np.maximum(totals[zero, 1], 1)   # the session-1 measure then stays above 0
    return {"start": start.astype(np.int32), "first": start.astype(np.int32),
            "last": sessions[:, -1].astype(np.int32), "days": days, "totals": totals,
            "finished": np.ones(n, dtype=bool)}  # every case attends all its sessions


def write_jsonl(c: dict[str, np.ndarray], path: str) -> None:
    """The cohort as JSON Lines case documents (for iptkit.read_cases)."""
    lo = int(c["days"].min())
    hi = int(max(c["days"].max(), c["last"].max()))
    dates = [str(EPOCH + datetime.timedelta(days=d)) for d in range(lo, hi + 1)]

    session_block: dict[int, str] = {}

    def sessions(s: int) -> str:
        text = session_block.get(s)
        if text is None:
            text = ",".join(f'{{"number":{k + 1},"date":"{dates[s + 7 * k - lo]}","phase":"{PHASES[k]}",'
                            f'"attendance":"attended"}}' for k in range(SESSIONS))
            session_block[s] = text
        return text

    start, days, totals = c["start"].tolist(), (c["days"] - lo).tolist(), c["totals"].tolist()
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for i in range(len(start)):
            s = start[i]
            assessments = ",".join(f'{{"instrument":"phq9","date":"{dates[d]}","total":{t}}}'
                                   for d, t in zip(days[i], totals[i]))
            f.write(f'{{"schema":"iptkit.case/1","case_id":"REG-{i + 1:07d}","adaptation":"ipt","arm":"ipt",'
                    f'"contract":{{"planned_sessions":{SESSIONS},"frequency":"weekly","start_date":"{dates[s - lo]}",'
                    f'"format":"individual","modality":"in_person"}},"sessions":[{sessions(s)}],'
                    f'"assessments":[{assessments}]}}\n')
    os.replace(tmp, path)


def long_table(c: dict[str, np.ndarray]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The long table (one row per measure, in case order) and the case table, for pandas."""
    n = len(c["start"])
    valid = c["totals"] != MISSING
    case = np.broadcast_to(np.arange(n, dtype=np.int64)[:, None], c["days"].shape)[valid]
    measures = pd.DataFrame({"case": case, "day": c["days"][valid], "total": c["totals"][valid]})
    cases = pd.DataFrame({"start": c["start"], "first": c["first"], "last": c["last"], "finished": c["finished"]},
                         index=pd.RangeIndex(n, name="case"))
    return measures, cases


def cohort_tables(c: dict[str, np.ndarray]) -> dict[str, pd.DataFrame]:
    """The long tables iptkit.Cohort.from_tables reads, as iptkit.tables() gives them: case ids
    as Arrow-backed pandas strings, dates as datetime64, phase and attendance as categoricals,
    totals as Int64 (one row per session and per measure, in case order)."""
    import pyarrow as pa
    n = len(c["start"])
    ids = pa.array([f"REG-{i + 1:07d}" for i in range(n)], type=pa.large_string())

    def text(a: Any) -> pd.Series:
        return pd.Series(pd.arrays.ArrowStringArray(a))

    def dates(days: np.ndarray) -> np.ndarray:
        return (np.datetime64("1970-01-01", "D") + days).astype("datetime64[s]")

    per_case = np.array([0] * 3 + [1] * 9 + [2] * 3, dtype=np.int8)
    session_days = (c["start"][:, None] + 7 * np.arange(SESSIONS, dtype=np.int32)[None, :]).ravel()
    valid = c["totals"] != MISSING
    rows = np.broadcast_to(np.arange(n)[:, None], c["days"].shape)[valid]
    return {
        "cases": pd.DataFrame({"case_id": text(ids), "start_date": dates(c["start"])}),
        "sessions": pd.DataFrame({
            "case_id": text(ids.take(pa.array(np.repeat(np.arange(n), SESSIONS)))),
            "date": dates(session_days),
            "phase": pd.Categorical.from_codes(np.tile(per_case, n), categories=PHASES_ALL),
            "attendance": pd.Categorical.from_codes(np.zeros(n * SESSIONS, np.int8), categories=ATTENDANCE)}),
        "assessments": pd.DataFrame({
            "case_id": text(ids.take(pa.array(rows))),
            "date": dates(c["days"][valid]),
            "instrument": text(pa.array(np.full(len(rows), "phq9", dtype=object), type=pa.large_string())),
            "total": pd.array(c["totals"][valid].astype(np.int64), dtype="Int64")}),
    }


def from_cases(cases: list[iptkit.Case]) -> dict[str, np.ndarray]:
    """Wide arrays of the PHQ-9 measures of any cases (scored as outcomes.md says), for checking
    the peers against iptkit on a richer cohort. Days count from 1970-01-01; no_day = MISSING."""
    n = len(cases)
    rows: list[list[tuple[int, int]]] = []
    start = np.empty(n, np.int32)
    first = np.full(n, MISSING, np.int32)
    last = np.full(n, MISSING, np.int32)
    finished = np.zeros(n, dtype=bool)
    for i, c in enumerate(cases):
        start[i] = (c.contract.start_date - EPOCH).days
        attended = 0
        for s in c.sessions:
            d = (s.date - EPOCH).days
            if s.attendance == iptkit.Attendance.attended and first[i] == MISSING:
                first[i] = d
            if s.phase != iptkit.Phase.maintenance:
                last[i] = d
                attended += s.attendance == iptkit.Attendance.attended
        finished[i] = attended >= 2  # a finished course of treatment (NHS Talking Therapies)
        measures = []
        for a in c.assessments:
            if a.instrument != "phq9":
                continue
            total = a.total if a.total is not None else (sum(a.items) if len(a.items) == 9 else None)
            if total is not None:
                measures.append(((a.date - EPOCH).days, total))
        rows.append(measures)
    width = max(1, max(len(r) for r in rows))
    days = np.full((n, width), MISSING, np.int32)
    totals = np.full((n, width), MISSING, np.int32)
    for i, r in enumerate(rows):
        for j, (d, t) in enumerate(r):
            days[i, j], totals[i, j] = d, t
    return {"start": start, "first": first, "last": last, "days": days, "totals": totals, "finished": finished}


# --- the peers -------------------------------------------------------------------------------

def outcomes_numpy(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """outcomes.md for PHQ-9, vectorised over a wide array (cases x measures)."""
    days, totals = c["days"], c["totals"]
    n, width = days.shape
    rows = np.arange(n)
    valid = totals != MISSING
    first, last = c["first"][:, None], c["last"][:, None]
    has_first = c["first"] != MISSING
    has_last = c["last"] != MISSING
    in_intake = valid & (days >= c["start"][:, None] - 28) & (days <= first) & has_first[:, None]
    b_col = np.argmin(np.where(in_intake, days, np.iinfo(np.int32).max), axis=1)  # earliest, first of ties
    has_b = in_intake[rows, b_col]
    b_day = days[rows, b_col]
    after = valid & (days > b_day[:, None]) & (days <= last + 14) & (has_b & has_last)[:, None]
    # latest, last of ties: argmax over the columns in reverse order
    e_col = width - 1 - np.argmax(np.where(after, days, np.iinfo(np.int32).min)[:, ::-1], axis=1)
    has_e = after[rows, e_col]
    b = totals[rows, b_col].astype(np.int64)
    e = totals[rows, e_col].astype(np.int64)
    both = has_b & has_e
    change = e - b
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(both & (b != 0), 100.0 * change / b, np.nan)
    b_case = b >= CASENESS
    e_case = e >= CASENESS
    impr = (b - e) >= RELIABLE
    recovery = ~e_case
    return {
        "baseline": b, "baseline_mask": ~has_b,
        "endpoint": e, "endpoint_mask": ~both,
        "change": change, "percent_change": pct,
        "response": 2 * e <= b, "response_mask": ~both | (b == 0),
        "remission": e <= REMISSION,
        "reliable_improvement": impr, "reliable_deterioration": (e - b) >= RELIABLE,
        "baseline_caseness": b_case, "baseline_caseness_mask": ~has_b,
        "endpoint_caseness": e_case,
        "recovery": recovery, "recovery_mask": ~both | ~b_case | ~c["finished"],
        "reliable_recovery": recovery & impr,
        "both_mask": ~both,
    }


def outcomes_pandas(measures: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """outcomes.md for PHQ-9 with pandas: a join and two groupbys on the long table."""
    m = measures.join(cases, on="case")
    # A key that orders by day, then by position: idxmin = earliest (first of ties), idxmax =
    # latest (last of ties).
    m["key"] = m["day"].astype("int64") * (1 << 32) + np.arange(len(m))
    intake = m[(m["day"] >= m["start"] - 28) & (m["day"] <= m["first"])]
    b_rows = intake.groupby("case", sort=True)["key"].idxmin()
    out = pd.DataFrame(index=cases.index)
    out["baseline"] = m.loc[b_rows.values, "total"].set_axis(b_rows.index).astype("Int64")
    out["baseline_day"] = m.loc[b_rows.values, "day"].set_axis(b_rows.index)
    m["baseline_day"] = m["case"].map(out["baseline_day"])
    later = m[(m["day"] > m["baseline_day"]) & (m["day"] <= m["last"] + 14)]
    e_rows = later.groupby("case", sort=True)["key"].idxmax()
    out["endpoint"] = m.loc[e_rows.values, "total"].set_axis(e_rows.index).astype("Int64")
    b, e = out["baseline"], out["endpoint"]
    out["change"] = e - b
    out["percent_change"] = (100.0 * out["change"] / b.where(b != 0)).astype("float64")
    out["response"] = (2 * e <= b).where((b != 0).fillna(False))
    out["remission"] = e <= REMISSION
    out["reliable_improvement"] = (b - e) >= RELIABLE
    out["reliable_deterioration"] = (e - b) >= RELIABLE
    out["baseline_caseness"] = b >= CASENESS
    out["endpoint_caseness"] = e >= CASENESS
    out["recovery"] = (~out["endpoint_caseness"]).where(out["baseline_caseness"].fillna(False) & cases["finished"])
    # not Kleene logic: reliable recovery is unknown whenever recovery is
    out["reliable_recovery"] = (out["recovery"] & out["reliable_improvement"]).where(out["recovery"].notna())
    return out.drop(columns="baseline_day")


# --- agreement with iptkit -------------------------------------------------------------------

COMPARED = ["baseline", "endpoint", "change", "percent_change", "response", "remission",
            "reliable_improvement", "reliable_deterioration", "baseline_caseness", "endpoint_caseness",
            "recovery", "reliable_recovery"]


def numpy_as_frame(r: dict[str, np.ndarray]) -> pd.DataFrame:
    both = r["both_mask"]
    masks = {"baseline": r["baseline_mask"], "endpoint": both, "change": both, "response": r["response_mask"],
             "remission": both, "reliable_improvement": both, "reliable_deterioration": both,
             "baseline_caseness": r["baseline_caseness_mask"], "endpoint_caseness": both,
             "recovery": r["recovery_mask"], "reliable_recovery": r["recovery_mask"]}
    out = {}
    for name in COMPARED:
        if name == "percent_change":
            out[name] = r[name]
        elif r[name].dtype == bool:
            out[name] = pd.arrays.BooleanArray(r[name], masks[name])
        else:
            out[name] = pd.arrays.IntegerArray(r[name].astype(np.int64), masks[name])
    return pd.DataFrame(out)


def check_same(ours: pd.DataFrame, peer: pd.DataFrame, what: str) -> None:
    """The peer's per-case figures equal iptkit's PHQ-9 rows, value for value (missing included)."""
    phq = ours[ours["instrument"] == "phq9"].set_index("case_index")
    peer = peer.reset_index(drop=True)
    peer = peer.loc[phq.index]
    for name in COMPARED:
        a = phq[name].reset_index(drop=True)
        b = peer[name].reset_index(drop=True)
        if name == "percent_change":
            same = np.array_equal(a.to_numpy(np.float64), b.to_numpy(np.float64), equal_nan=True)
        else:
            a = a.astype("Int64") if a.dtype != "boolean" else a
            b = b.astype(a.dtype)
            same = bool((a.isna() == b.isna()).all()) and bool((a[a.notna()] == b[a.notna()]).all())
        if not same:
            diff = (a.astype(str) != b.astype(str))
            i = int(np.flatnonzero(diff.to_numpy())[0])
            raise AssertionError(f"{what}: {name} differs from iptkit.outcomes at case {phq.index[i]}: "
                                 f"iptkit {a.iloc[i]!r}, peer {b.iloc[i]!r}")


def check_peers_on_synthetic(n: int) -> None:
    cases = iptkit.synthesize(n, seed=11)
    ours = iptkit.outcomes(cases)
    wide = from_cases(cases)
    check_same(ours, numpy_as_frame(outcomes_numpy(wide)), f"numpy on {n} synthetic cases")
    measures, table = long_table(wide)
    check_same(ours, outcomes_pandas(measures, table), f"pandas on {n} synthetic cases")


# --- goal 6: the same DataFrame from numpy columns in memory ---------------------------------

def numpy_columns(frame: pd.DataFrame) -> list[tuple[str, str, Any]]:
    """Each column of the frame in the plain numpy form a user would hold it in."""
    out: list[tuple[str, str, Any]] = []
    for name in frame.columns:
        s = frame[name]
        dtype = s.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            out.append((name, "category", (s.cat.codes.to_numpy().copy(), dtype)))
        elif isinstance(dtype, pd.StringDtype):
            out.append((name, "string", (s.to_numpy(dtype=object, na_value=None), dtype)))
        elif str(dtype) in ("Int64", "boolean"):
            arr = s.array
            out.append((name, str(dtype), (arr._data.copy(), arr._mask.copy())))
        else:
            out.append((name, "numpy", s.to_numpy().copy()))
    return out


def frame_from_numpy(cols: list[tuple[str, str, Any]]) -> pd.DataFrame:
    data: dict[str, Any] = {}
    for name, kind, v in cols:
        if kind == "numpy":
            data[name] = v
        elif kind == "Int64":
            data[name] = pd.arrays.IntegerArray(v[0], v[1])
        elif kind == "boolean":
            data[name] = pd.arrays.BooleanArray(v[0], v[1])
        elif kind == "category":
            data[name] = pd.Categorical.from_codes(v[0], dtype=v[1])
        else:
            data[name] = pd.array(v[0], dtype=v[1])
    return pd.DataFrame(data)


# --- main ------------------------------------------------------------------------------------

def main() -> None:
    p = parser(__doc__.split("\n\n")[0])
    p.add_argument("--cases", type=int, default=None, help="cohort size (default 1000000; small: 2000)")
    a = p.parse_args()
    n = a.cases or (2000 if a.small else 1_000_000)
    repeats = a.repeats or (1 if a.small else 3)

    check_peers_on_synthetic(300 if a.small else 3000)
    say("pandas and numpy agree with iptkit.outcomes on a synthetic cohort")

    os.makedirs(a.data_dir, exist_ok=True)
    path = os.path.join(a.data_dir, f"registry-{n}-seed5-v1.jsonl")
    cohort = make_cohort(n)
    if not os.path.exists(path):
        say(f"writing the {n}-case benchmark cohort to {path}")
        write_jsonl(cohort, path)
    t_read, cases = best_of(1, lambda: list(iptkit.iter_cases(path)))
    say(f"goal 5/6: {n} cases x {K} PHQ-9 read in {t_read['wall']:.1f} s; peak RSS {peak_rss_mb():.0f} MB")
    measures, table = long_table(cohort)

    results: dict[str, Any] = {}

    def keep(name: str, r: Any) -> None:
        results[name] = r

    long_tables = cohort_tables(cohort)
    held = iptkit.Cohort.from_tables(long_tables)
    best = interleaved(repeats, {
        "iptkit_cohort": lambda: iptkit.Cohort.from_tables(long_tables).outcomes(),
        "iptkit_cohort_outcomes": lambda: held.outcomes(),
        "iptkit_cohort_outcomes_2_threads": lambda: held.outcomes(threads=2),
        "iptkit_outcomes": lambda: iptkit.outcomes(cases, threads=1),
        "numpy": lambda: outcomes_numpy(cohort),
        "pandas": lambda: outcomes_pandas(measures, table),
    }, keep)
    ours = results["iptkit_outcomes"]
    assert len(ours) == n and (ours["instrument"] == "phq9").all()
    # The same frame from the long tables, but for the grouping columns: those tables carry no arm,
    # site or adaptation.
    grouping = ["arm", "site", "adaptation"]
    pd.testing.assert_frame_equal(results["iptkit_cohort"].drop(columns=grouping), ours.drop(columns=grouping))
    del results["iptkit_cohort"], results["iptkit_cohort_outcomes"], results["iptkit_cohort_outcomes_2_threads"]
    check_same(ours, numpy_as_frame(results["numpy"]), f"numpy on the {n}-case cohort")
    check_same(ours, results["pandas"], f"pandas on the {n}-case cohort")
    del results["pandas"], results["numpy"]

    cols = numpy_columns(ours)
    t_frame, rebuilt = best_of(repeats, lambda: frame_from_numpy(cols))
    assert rebuilt.dtypes.equals(ours.dtypes) and rebuilt.shape == ours.shape
    pd.testing.assert_frame_equal(rebuilt.iloc[:1000], ours.iloc[:1000])
    best["frame_from_numpy"] = t_frame
    del rebuilt, cols

    scaling = {}
    for size in (1000, 10_000, 100_000):
        if size < n:
            part = cases[:size]
            scaling[str(size)] = best_of(repeats, lambda: iptkit.outcomes(part, threads=1))[0]["cpu"]
    scaling[str(n)] = best["iptkit_outcomes"]["cpu"]

    for name, t in best.items():
        say(f"  {name:20s} {t['cpu'] * 1e3:9.1f} ms CPU ({t['wall'] * 1e3:9.1f} ms wall)  "
            f"{n / t['cpu'] / 1e6:7.2f} M cases/s")
    for size, t in scaling.items():
        say(f"  iptkit.outcomes {int(size):>9,} cases {t * 1e3:9.1f} ms CPU  {t / int(size) * 1e9:7.0f} ns/case")
    cpu = {name: t["cpu"] for name, t in best.items()}
    two = best["iptkit_cohort_outcomes_2_threads"]["wall"]
    result = {
        "goal": [5, 6], "cases": n, "assessments_per_case": K, "repeats": repeats, "small": a.small,
        "seconds": best, "iptkit_outcomes_scaling_seconds": scaling,
        # goal 5: from the long tables in memory to the outcome DataFrame (Cohort.from_tables + outcomes)
        "ratio_vs_pandas": cpu["pandas"] / cpu["iptkit_cohort"],
        "ratio_vs_numpy": cpu["numpy"] / cpu["iptkit_cohort"],
        # goal 6: the DataFrame of a cohort already held as columns / the same frame from numpy columns
        "outcomes_over_frame_build": cpu["iptkit_cohort_outcomes"] / cpu["frame_from_numpy"],
        # info: Case objects in, as before; and the held cohort's outcomes on two threads (wall)
        "case_objects_ratio_vs_pandas": cpu["pandas"] / cpu["iptkit_outcomes"],
        "case_objects_ratio_vs_numpy": cpu["numpy"] / cpu["iptkit_outcomes"],
        "held_cohort_ratio_vs_pandas": cpu["pandas"] / cpu["iptkit_cohort_outcomes"],
        "held_cohort_ratio_vs_numpy": cpu["numpy"] / cpu["iptkit_cohort_outcomes"],
        "held_cohort_2_threads_wall_ratio_vs_pandas": best["pandas"]["wall"] / two,
        "peak_rss_mb": peak_rss_mb(),
    }
    say(f"  goal 5 (long tables in): {result['ratio_vs_pandas']:.1f}x pandas, {result['ratio_vs_numpy']:.2f}x numpy; "
        f"goal 6: {result['outcomes_over_frame_build']:.2f}x the frame build")
    say(f"  (Case objects in: {result['case_objects_ratio_vs_pandas']:.1f}x pandas; held cohort: "
        f"{result['held_cohort_ratio_vs_pandas']:.1f}x pandas, {result['held_cohort_ratio_vs_numpy']:.2f}x numpy)")
    write_json(a.json, result)


if __name__ == "__main__":
    main()
