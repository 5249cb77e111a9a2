"""Cohort statistics of iptkit equal an independent numpy/scipy computation from the per-case
outcome table, to 1e-9, for every statistic, on a generated cohort of 5,000 cases."""
import json
import math
import os
import pathlib
import subprocess

import numpy as np
import pytest
from scipy import stats

SYNTH = os.environ.get("IPTKIT_SYNTH_COHORT")
REPORT = os.environ.get("IPTKIT_OUTCOMES_REPORT")
Z = stats.norm.ppf(0.975)
TOL = 1e-9

pytestmark = pytest.mark.skipif(not (SYNTH and REPORT), reason="run through ctest (programs not given)")


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cohort")
    cases, rows, summary = folder / "cases.jsonl", folder / "rows.jsonl", folder / "summary.json"
    subprocess.run([SYNTH, "--cases", "5000", "--seed", "7", "-o", str(cases)], check=True)
    subprocess.run([REPORT, str(cases), str(rows), str(summary), "arm"], check=True)
    arms = [json.loads(line).get("arm", "(none)") for line in cases.read_text().splitlines()]
    table = [json.loads(line) for line in rows.read_text().splitlines()]
    return arms, table, json.loads(summary.read_text())


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=TOL, abs_tol=TOL)


def wilson(k, n):
    if n == 0:
        return None, None, None
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    return k / n, ci.low, ci.high


def hedges_j(df):
    return 1 - 3 / (4 * df - 1)


RATES = ["response", "remission", "reliable_improvement", "reliable_deterioration", "recovery",
         "reliable_recovery"]


def group_stats(rows):
    both = [r for r in rows if "baseline" in r and "endpoint" in r]
    b = np.array([r["baseline"] for r in both], dtype=float)
    e = np.array([r["endpoint"] for r in both], dtype=float)
    c = e - b
    out = {"cases": len(rows), "with_baseline_and_endpoint": len(both), "n": len(both)}
    for name, v in (("baseline", b), ("endpoint", e), ("change", c)):
        out[name] = (float(np.mean(v)) if len(v) else None, float(np.std(v, ddof=1)) if len(v) > 1 else None)
    for name in RATES:
        values = [r[name] for r in rows if name in r]
        out[name] = (sum(values), len(values)) + wilson(sum(values), len(values))
    completers = [r["completer"] for r in rows]
    out["completers"] = (sum(completers), len(completers)) + wilson(sum(completers), len(completers))
    n = len(both)
    if n >= 3 and np.std(c, ddof=1) > 0:
        dz = np.mean(c) / np.std(c, ddof=1)
        j = hedges_j(n - 1)
        se = math.sqrt(1 / n + dz * dz / (2 * n))
        out["d_z"] = (dz, j * dz, j * dz - Z * j * se, j * dz + Z * j * se)
        sb, se_ = np.std(b, ddof=1), np.std(e, ddof=1)
        r = np.corrcoef(b, e)[0, 1]
        dav = np.mean(c) / ((sb + se_) / 2)
        se2 = math.sqrt(2 * (1 - r) / n + dav * dav / (2 * n))
        out["d_av"] = (dav, j * dav, j * dav - Z * j * se2, j * dav + Z * j * se2)
    out["_change"] = c
    return out


def test_cohort_is_large_and_has_two_arms(cohort):
    arms, table, summary = cohort
    assert len(arms) == 5000
    assert set(arms) >= {"ipt", "tau"}
    assert summary["by"] == "arm"


def test_every_group_statistic_matches(cohort):
    arms, table, summary = cohort
    checked = 0
    for g in summary["groups"]:
        rows = [r for r in table if arms[r["case_index"]] == g["group"] and r["instrument"] == g["instrument"]]
        mine = group_stats(rows)
        assert g["cases"] == mine["cases"]
        assert g["with_baseline_and_endpoint"] == mine["with_baseline_and_endpoint"]
        for name in ("baseline", "endpoint", "change"):
            assert g[name]["n"] == mine["n"]
            assert close(g[name].get("mean"), mine[name][0]), (g["group"], name)
            assert close(g[name].get("sd"), mine[name][1]), (g["group"], name)
        for name in RATES + ["completers"]:
            k, n, rate, low, high = mine[name]
            assert (g[name]["k"], g[name]["n"]) == (k, n), name
            assert close(g[name].get("rate"), rate) and close(g[name].get("lower"), low) \
                and close(g[name].get("upper"), high), (g["group"], g["instrument"], name)
        for name in ("d_z", "d_av"):
            if name in mine:
                d, gg, low, high = mine[name]
                assert close(g[name]["d"], d) and close(g[name]["g"], gg), name
                assert close(g[name]["lower"], low) and close(g[name]["upper"], high), name
        checked += 1
    assert checked >= 4


def test_between_group_hedges_g_and_rate_differences(cohort):
    arms, table, summary = cohort
    assert summary["comparisons"]
    for comp in summary["comparisons"]:
        a = group_stats([r for r in table if arms[r["case_index"]] == comp["group_a"] and r["instrument"] == comp["instrument"]])
        b = group_stats([r for r in table if arms[r["case_index"]] == comp["group_b"] and r["instrument"] == comp["instrument"]])
        ca, cb = a["_change"], b["_change"]
        n1, n2 = len(ca), len(cb)
        if n1 >= 2 and n2 >= 2:
            pooled = math.sqrt(((n1 - 1) * np.var(ca, ddof=1) + (n2 - 1) * np.var(cb, ddof=1)) / (n1 + n2 - 2))
            d = (np.mean(ca) - np.mean(cb)) / pooled
            j = hedges_j(n1 + n2 - 2)
            se = math.sqrt((n1 + n2) / (n1 * n2) + d * d / (2 * (n1 + n2)))
            h = comp["hedges_g"]
            assert close(h["d"], d) and close(h["g"], j * d)
            assert close(h["lower"], j * d - Z * j * se) and close(h["upper"], j * d + Z * j * se)
        for rd in comp["rates"]:
            _, _, p1, l1, u1 = a[rd["outcome"]] if rd["outcome"] != "completers" else a["completers"]
            _, _, p2, l2, u2 = b[rd["outcome"]] if rd["outcome"] != "completers" else b["completers"]
            if p1 is None or p2 is None:
                assert "difference" not in rd
                continue
            diff = p1 - p2
            assert close(rd["difference"], diff)
            assert close(rd["lower"], diff - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2))
            assert close(rd["upper"], diff + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))
