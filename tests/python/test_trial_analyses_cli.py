"""`iptkit relapse`, `ancova` and `icc` on a synthetic trial, each checked against a computation
made here with numpy from the records and `iptkit outcomes` (the Python module's tests check the
same statistics against statsmodels): Kaplan-Meier survival at each event time, the ANCOVA
coefficient and its standard error by least squares, and the one-way ANOVA ICC with clusters
nested in arms."""
import csv
import io
import json
import os
import pathlib
import subprocess

import numpy as np
import pytest

ROOT = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
CLI = os.environ.get("IPTKIT_CLI")

pytestmark = pytest.mark.skipif(not CLI, reason="IPTKIT_CLI not set (run through ctest)")


def run(args):
    p = subprocess.run([CLI, *map(str, args)], cwd=ROOT, capture_output=True, timeout=300,
                       env={**os.environ, "NO_COLOR": "1"})
    return p


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    path = tmp_path_factory.mktemp("trial") / "trial.jsonl"
    assert run(["synth", "--trial", "--cases", 1500, "--seed", 21, "-o", path, "--quiet"]).returncode == 0
    cases = {c["case_id"]: c for c in map(json.loads, path.read_text().splitlines())}
    rows = list(csv.DictReader(io.StringIO(run(["outcomes", "--format", "csv", path, "--quiet"]).stdout.decode())))
    return path, cases, rows


def itt_phq9(cases, rows):
    """Per randomised case with PHQ-9 baseline and endpoint: (case, baseline, endpoint)."""
    out = []
    for r in rows:
        c = cases[r["case_id"]]
        if r["instrument"] == "phq9" and "randomised_on" in c["trial"] and r["baseline"] and r["endpoint"]:
            out.append((c, float(r["baseline"]), float(r["endpoint"])))
    return out


def test_ancova_matches_least_squares(trial):
    path, cases, rows = trial
    data = itt_phq9(cases, rows)
    arm = np.array([c["trial"]["allocation"] == "tau" for c, _, _ in data], dtype=float)
    base = np.array([b for _, b, _ in data])
    end = np.array([e for _, _, e in data])
    x = np.column_stack([np.ones_like(base), arm, base])
    coef, *_ = np.linalg.lstsq(x, end, rcond=None)
    resid = end - x @ coef
    df = len(end) - x.shape[1]
    cov = resid @ resid / df * np.linalg.inv(x.T @ x)
    p = run(["ancova", path, "--set", "itt", "--format", "json", "--quiet"])
    assert p.returncode == 0, p.stderr.decode()
    got = json.loads(p.stdout)
    assert got["analysis_set"] == "itt" and "complete-case" in got["note"]
    fit = got["fit"]
    assert fit["n"] == len(end) and fit["df"] == df and fit["reference"] == "ipt"
    d = fit["differences"][0]
    np.testing.assert_allclose(d["estimate"], coef[1], rtol=1e-9)
    np.testing.assert_allclose(d["se"], np.sqrt(cov[1, 1]), rtol=1e-9)
    np.testing.assert_allclose(fit["baseline_slope"], coef[2], rtol=1e-9)


def test_icc_matches_the_anova_estimator(trial):
    path, cases, rows = trial
    data = [(c, e - b) for c, b, e in itt_phq9(cases, rows)]
    x = np.array([v for _, v in data])
    cluster = np.array([c["therapist_id"] for c, _ in data])
    arm = np.array([c["arm"] for c, _ in data])
    n, ss_w, ss_b, sum_sq = len(x), 0.0, 0.0, 0.0
    clusters = sorted(set(cluster))
    for a in sorted(set(arm)):
        in_arm = arm == a
        mean_a = x[in_arm].mean()
        sizes = []
        for k in sorted(set(cluster[in_arm])):
            xs = x[in_arm & (cluster == k)]
            ss_w += ((xs - xs.mean()) ** 2).sum()
            ss_b += len(xs) * (xs.mean() - mean_a) ** 2
            sizes.append(len(xs))
        sum_sq += (np.array(sizes) ** 2).sum() / in_arm.sum()
    k, a = len(clusters), len(set(arm))
    msb, msw = ss_b / (k - a), ss_w / (n - k)
    n0 = (n - sum_sq) / (k - a)
    icc = (msb - msw) / (msb + (n0 - 1) * msw)
    p = run(["icc", path, "--set", "itt", "--format", "json", "--quiet"])
    assert p.returncode == 0, p.stderr.decode()
    fit = json.loads(p.stdout)["fit"]
    assert fit["clusters"] == k and fit["n"] == n and fit["arms"] == a
    np.testing.assert_allclose(fit["icc"], icc, rtol=1e-9)
    np.testing.assert_allclose(fit["design_effect"], 1 + (n / k - 1) * max(icc, 0), rtol=1e-9)
    assert "nested in the arm received" in json.loads(p.stdout)["note"]


def test_relapse_matches_a_kaplan_meier_made_here(trial):
    path, cases, rows = trial
    p = run(["relapse", path, "--set", "itt", "--format", "csv", "--quiet"])
    assert p.returncode == 0, p.stderr.decode()
    table = list(csv.DictReader(io.StringIO(p.stdout.decode())))
    at_risk = {}
    for r in rows:
        c = cases[r["case_id"]]
        if "randomised_on" in c["trial"] and r["relapse_days"]:
            at_risk[c["case_id"]] = (c["trial"]["allocation"], float(r["relapse_days"]), r["relapse_rule_fired"] == "true")
    for group in sorted({g for g, _, _ in at_risk.values()}):
        t = np.array([d for g, d, _ in at_risk.values() if g == group])
        e = np.array([f for g, _, f in at_risk.values() if g == group])
        s = 1.0
        mine = [row for row in table if row["group"] == group]
        assert [float(row["time"]) for row in mine] == sorted(set(t))
        for row in mine:
            u = float(row["time"])
            n, d = int((t >= u).sum()), int(((t == u) & e).sum())
            s *= 1 - d / n
            assert int(row["at_risk"]) == n and int(row["events"]) == d
            np.testing.assert_allclose(float(row["survival"]), s, rtol=1e-12)
    text = run(["relapse", path, "--set", "itt", "--quiet"]).stdout.decode()
    assert "log-rank" in text and "Analysis set itt" in text


def test_icc_refuses_what_it_cannot_compute(trial, tmp_path):
    path, _, _ = trial
    p = run(["icc", "examples/data/cohort.jsonl"])
    assert p.returncode == 2 and "has a therapist_id" in p.stderr.decode()
    p = run(["ancova", path, "--instrument", "phq-9", "--set", "itt"])
    assert p.returncode == 2 and 'no instrument "phq-9" in the catalog (it has phq9' in p.stderr.decode()
    p = run(["ancova", "examples/data/cohort.jsonl", "--stratum"])
    assert p.returncode == 2 and "no case in the model has trial.stratum" in p.stderr.decode()
    for verb in (["summary", path], ["report", path, "-o", tmp_path / "r.html"]):
        p = run([*verb, "--set", "per_protocol", "--missing", "left_out"])
        assert p.returncode == 2 and "--missing applies to --set itt only" in p.stderr.decode(), verb
    assert not (tmp_path / "r.html").exists()


def test_discontinued_cases_can_count_as_failures(trial):
    path, cases, rows = trial
    got = {}
    for missing in ("non_response", "discontinued_non_response"):
        p = run(["summary", path, "--by", "arm", "--set", "itt", "--missing", missing, "--format", "json", "--quiet"])
        assert p.returncode == 0, p.stderr.decode()
        got[missing] = {g["group"]: g["response"] for g in json.loads(p.stdout)["groups"] if g["instrument"] == "phq9"}
    for arm, plain in got["non_response"].items():
        strict = got["discontinued_non_response"][arm]
        assert strict["n"] == plain["n"]
        # The responders among discontinued cases, counted here, are the difference.
        lost = sum(1 for r in rows if r["instrument"] == "phq9" and r["response"] == "true"
                   and "discontinuation" in cases[r["case_id"]] and "randomised_on" in cases[r["case_id"]]["trial"]
                   and cases[r["case_id"]]["trial"]["allocation"] == arm)
        assert lost > 0 and plain["k"] - strict["k"] == lost


def test_relapse_cox_matches_the_breslow_partial_likelihood(tmp_path):
    """Two arms that both offer maintenance; the hazard ratio of --ties breslow maximises the
    Breslow partial likelihood, computed here."""
    from scipy.optimize import minimize_scalar

    opts = tmp_path / "trial.jsonl"
    assert run(["synth", "--trial", "--cases", 1500, "--seed", 33, "-o", opts, "--quiet"]).returncode == 0
    # The default usual-care arm offers no maintenance: relabel half of the IPT cases as a second
    # maintenance arm, so both groups are at risk.
    cases = [json.loads(line) for line in opts.read_text().splitlines()]
    cases = [c for c in cases if c["trial"].get("allocation") != "tau"]  # two groups only
    for i, c in enumerate(cases):
        if c.get("arm") == "ipt" and i % 2:
            c["arm"] = "ipt_b"
            c["trial"]["allocation"] = "ipt_b"
    opts.write_text("".join(json.dumps(c) + "\n" for c in cases))
    p = run(["relapse", opts, "--set", "itt", "--ties", "breslow", "--format", "json", "--quiet"])
    assert p.returncode == 0, p.stderr.decode()
    got = json.loads(p.stdout)
    subjects = got["survival"]["subjects"]
    assert {s["group"] for s in subjects} == {"ipt", "ipt_b"}
    assert got["cox_reference"] == "ipt" and got["cox"]["ties"] == "breslow"
    t = np.array([s["days"] for s in subjects])
    e = np.array([s["event"] for s in subjects], dtype=bool)
    x = np.array([s["group"] == "ipt_b" for s in subjects], dtype=float)

    def negative_loglik(beta):
        total = 0.0
        for u in np.unique(t[e]):
            dead = e & (t == u)
            risk = t >= u
            total += beta * x[dead].sum() - dead.sum() * np.log(np.exp(beta * x[risk]).sum())
        return -total

    best = minimize_scalar(negative_loglik, bounds=(-5, 5), method="bounded", options={"xatol": 1e-10})
    term = [r for r in got["cox"]["table"] if r["name"] == "ipt_b vs ipt"][0]
    np.testing.assert_allclose(term["coef"], best.x, atol=1e-6)
    np.testing.assert_allclose(got["cox"]["loglik"], -best.fun, rtol=1e-9)
    text = run(["relapse", opts, "--set", "itt", "--quiet"]).stdout.decode()
    assert "Cox proportional hazards (efron ties), hazard ratio against ipt" in text
