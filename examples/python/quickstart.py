"""The quickstart of the iptkit Python module as a plain script (the notebook
examples/notebooks/quickstart.ipynb walks through the same steps).

Reads a cohort of IPT cases, checks them against the protocol (with one trial-specific rule
added), computes the per-case outcomes and the response and remission rates by arm, compares the
arms, and writes the outcome table as CSV (and two figures when matplotlib is installed) to a new
temporary directory, or to --out.

    python examples/python/quickstart.py [COHORT] [--out DIR]
"""

from __future__ import annotations

import argparse
import math
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

import iptkit
from iptkit import Attendance, Case, Phase, RuleSet, Severity

COHORT = Path(__file__).resolve().parent.parent / "data" / "cohort.jsonl"


def low_adherence(case: Case) -> Iterator[tuple[str, str]]:
    """A trial's own rule: fewer than 75% of the contracted acute sessions attended."""
    contract = case.contract
    planned = (contract.renegotiations[-1].planned_sessions if contract.renegotiations
               else contract.planned_sessions)
    attended = sum(1 for s in case.sessions
                   if s.phase != Phase.maintenance and s.attendance == Attendance.attended)
    if attended < 0.75 * planned:
        yield "/sessions", f"attended {attended} of {planned} contracted acute sessions"


def percent(value: float) -> str:
    return "-" if math.isnan(value) else f"{100 * value:.0f}%"


def rate(row: pd.Series, outcome: str) -> str:
    """k/n, the rate and its Wilson 95% interval, from a row of iptkit.summary()."""
    k, n = int(row[f"{outcome}_k"]), int(row[f"{outcome}_n"])
    if n == 0:
        return "n = 0"
    return (f"{k}/{n} {percent(float(row[f'{outcome}_rate']))} "
            f"({percent(float(row[f'{outcome}_lower']))} to {percent(float(row[f'{outcome}_upper']))})")


def save_figures(cases: list[Case], out_dir: Path) -> list[Path]:
    """The mean PHQ-9 trajectory and the response rate by arm as PNG files; none without
    matplotlib (the optional extra iptkit[plot])."""
    try:
        from matplotlib.figure import Figure

        import iptkit.plot
    except ImportError:
        return []
    trajectory = Figure(figsize=(7.5, 4.5), layout="constrained")  # no pyplot: no display needed
    iptkit.plot.trajectory(cases, by="arm", ax=trajectory.add_subplot())
    response = Figure(figsize=(4.5, 4.5), layout="constrained")
    iptkit.plot.outcome_rates(cases, "response", by="arm", ax=response.add_subplot())
    written = [out_dir / "trajectory.png", out_dir / "response.png"]
    trajectory.savefig(written[0], dpi=120)
    response.savefig(written[1], dpi=120)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("cohort", nargs="?", type=Path, default=COHORT,
                        help="cohort file: JSON Lines, a JSON array or one case (default: the sample cohort)")
    parser.add_argument("--out", type=Path, help="directory for the outputs (default: a new temporary one)")
    args = parser.parse_args()
    cohort: Path = args.cohort
    out_dir: Path = args.out if args.out is not None else Path(tempfile.mkdtemp(prefix="iptkit-quickstart-"))
    out_dir.mkdir(parents=True, exist_ok=True)

    # 1. Read: unreadable cases are listed instead of stopping the run.
    cases = iptkit.read_cases(cohort, errors="collect")
    print(f"iptkit {iptkit.__version__}: {len(cases)} cases read from {cohort}, {len(cases.errors)} unreadable")
    for problem in cases.errors:
        where = f"line {problem.line}" if problem.line is not None else f"case {problem.index}"
        for e in problem.errors:
            print(f"  {where}: {e.path or '(document)'}: {e.message}")

    # 2. Protocol findings: the built-in catalogue plus the trial's adherence rule.
    rules = RuleSet()
    rules.add("T001", Severity.warning, "below the per-protocol adherence threshold", low_adherence)
    findings = iptkit.findings_frame(iptkit.validate(cases, catalog=iptkit.Catalog(rules=rules), threads=4), cases)
    print(f"\nProtocol findings: {len(findings)} in {findings['case_id'].nunique()} cases")
    for code, count in findings.groupby("code").size().items():
        print(f"  {code}: {count}")

    # 3. Outcomes: one row per case and instrument.
    outcomes = iptkit.outcomes(cases)
    print(f"\nOutcomes: {len(outcomes)} rows (case x instrument), {len(outcomes.columns)} columns")

    # 4. Rates by arm and the comparison of the arms, on PHQ-9.
    by_arm = iptkit.summary(cases, by="arm")
    print("\nPHQ-9 by arm (95% Wilson intervals)")
    for _, row in by_arm[by_arm["instrument"] == "phq9"].iterrows():
        print(f"  {row['group']} ({int(row['cases'])} cases): response {rate(row, 'response')}, "
              f"remission {rate(row, 'remission')}, mean change {float(row['change_mean']):+.2f} "
              f"(SD {float(row['change_sd']):.2f})")
    compared = iptkit.comparisons(cases, by="arm")
    for _, row in compared[(compared["instrument"] == "phq9")
                           & compared["outcome"].isin(["change", "response", "remission"])].iterrows():
        what = "Hedges' g on change" if row["statistic"] == "hedges_g" else f"{row['outcome']} difference"
        print(f"  {row['group_a']} vs {row['group_b']}: {what} {float(row['estimate']):+.3f} "
              f"(95% CI {float(row['lower']):+.3f} to {float(row['upper']):+.3f})")

    # 5. Export.
    csv_path = out_dir / "outcomes.csv"
    outcomes.to_csv(csv_path, index=False)
    print(f"\nWrote {csv_path}")
    for path in save_figures(list(cases), out_dir):
        print(f"Wrote {path}")


if __name__ == "__main__":
    main()
