"""iptkit.plot: the figures show the right data, computed here independently from the raw JSON."""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.markers import MarkerStyle  # noqa: E402

import iptkit  # noqa: E402
from iptkit import plot  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "examples" / "data"
COHORT = DATA / "cohort.jsonl"
PHQ9_ITEMS = 9


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _raw_totals(doc: dict[str, Any], instrument: str = "phq9", items: int = PHQ9_ITEMS) -> list[tuple[int, float]]:
    """(days since the contract start, total) of each scorable assessment, in date order."""
    start = _date(doc["contract"]["start_date"])
    out = []
    for a in doc.get("assessments", []):
        if a["instrument"] != instrument:
            continue
        total = a.get("total")
        if total is None and len(a.get("items") or []) == items:
            total = sum(a["items"])
        if total is not None:
            out.append(((_date(a["date"]) - start).days, float(total)))
    return sorted(out, key=lambda p: p[0])


def _raw_cohort(instrument: str = "phq9") -> pd.DataFrame:
    rows = []
    for line in COHORT.read_text().splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        for day, total in _raw_totals(doc, instrument, 9 if instrument == "phq9" else 7):
            rows.append(dict(case_id=doc["case_id"], arm=doc.get("arm") or "(none)",
                             site=doc.get("site") or "(none)", day=day, total=total))
    frame = pd.DataFrame(rows)
    frame["week"] = [round(d / 7) for d in frame["day"]]
    return frame


def _line(ax: Axes, gid: str) -> Any:
    found = [line for line in ax.get_lines() if line.get_gid() == gid]
    assert len(found) == 1, f"expected one line {gid!r}, got {[l.get_gid() for l in ax.get_lines()]}"
    return found[0]


def _t975_numeric(df: int) -> float:
    """The 97.5% t quantile by integrating the density (no scipy): bisection on the CDF."""
    c = math.gamma((df + 1) / 2) / (math.sqrt(df * math.pi) * math.gamma(df / 2))

    def cdf_upper_half(x: float) -> float:  # P(0 < T < x)
        grid = np.linspace(0.0, x, 200_001)
        dens = c * (1 + grid ** 2 / df) ** (-(df + 1) / 2)
        return float(np.trapezoid(dens, grid))

    lo, hi = 1.5, 15.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if cdf_upper_half(mid) < 0.475 else (lo, mid)
    return (lo + hi) / 2


# --- trajectory: one case ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["dit-ipaf-mother.json", "grief-distorted-bdi.json",
                                  "maintenance-recurrent-illness.json"])
def test_case_trajectory_plots_the_case_totals_by_week(name: str) -> None:
    path = DATA / name
    case = iptkit.read_case(path)
    expected = _raw_totals(json.loads(path.read_text()))
    assert expected, "the example must have PHQ-9 scores"

    ax = plot.trajectory(case)

    line = _line(ax, "totals")
    np.testing.assert_allclose(line.get_xdata(), [d / 7 for d, _ in expected])
    np.testing.assert_allclose(line.get_ydata(), [t for _, t in expected])
    assert "PHQ-9" in ax.get_title("left") and case.case_id in ax.get_title("left")
    assert "week" in ax.get_xlabel() and "PHQ-9" in ax.get_ylabel()


def test_case_trajectory_draws_labelled_cutoffs_of_the_instrument() -> None:
    case = iptkit.read_case(DATA / "grief-distorted-bdi.json")
    for instrument in ("phq9", "bdi2"):
        spec = iptkit.InstrumentRegistry.with_builtins().find(instrument)
        fig, ax = plt.subplots()
        assert plot.trajectory(case, instrument, ax=ax) is ax
        caseness = _line(ax, "cutoff:caseness")
        remission = _line(ax, "cutoff:remission")
        assert list(caseness.get_ydata()) == [spec.caseness, spec.caseness]
        assert list(remission.get_ydata()) == [spec.remission, spec.remission]
        texts = {t.get_text() for t in ax.texts}
        assert f"caseness \u2265 {spec.caseness}" in texts
        assert f"remission \u2264 {spec.remission}" in texts
        assert ax.get_ylim()[1] >= spec.total_max
        assert spec.name in ax.get_title("left")


def test_case_trajectory_band_shades_the_severity_bands() -> None:
    case = iptkit.read_case(DATA / "dit-ipaf-mother.json")
    bands = iptkit.InstrumentRegistry.with_builtins().find("phq9").bands
    ax = plot.trajectory(case)
    spans = {p.get_gid(): p for p in ax.patches if str(p.get_gid()).startswith("band:")}
    assert set(spans) == {f"band:{b.label}" for b in bands}
    for b in bands:  # whole-number totals: a band covers its totals +- 0.5, so the stripes meet
        span = spans[f"band:{b.label}"]
        assert (span.get_y(), span.get_y() + span.get_height()) == pytest.approx((b.min - 0.5, b.max + 0.5))
    _, ax2 = plt.subplots()
    plot.trajectory(case, ax=ax2, band=False)
    assert not [p for p in ax2.patches if str(p.get_gid()).startswith("band:")]


def test_case_trajectory_of_an_unknown_instrument_raises() -> None:
    # It used to draw an empty chart for a misspelt or unregistered id (test_names_and_extras.py).
    case = iptkit.read_case(DATA / "dit-ipaf-mother.json")
    with pytest.raises(ValueError, match=r"no instrument 'wsas' in the catalog \(it has phq9, gad7, bdi2, hamd17\)"):
        plot.trajectory(case, "wsas")


def test_case_trajectory_of_an_instrument_without_cutoffs_draws_none() -> None:
    case = iptkit.read_case(DATA / "dit-ipaf-mother.json")
    instruments = iptkit.InstrumentRegistry.with_builtins()
    instruments.add(iptkit.Instrument(id="wsas", name="WSAS", items=5, item_max=8, total_max=40))
    ax = plot.trajectory(case, "wsas", catalog=iptkit.Catalog(instruments=instruments))
    assert len(_line(ax, "totals").get_xdata()) == 0
    assert not [l for l in ax.get_lines() if str(l.get_gid()).startswith("cutoff")]
    assert "WSAS" in ax.get_title("left")


# --- trajectory: a cohort ---------------------------------------------------------------------


def test_cohort_mean_line_per_arm_equals_the_pandas_weekly_mean() -> None:
    raw = _raw_cohort()
    expected = raw.groupby(["arm", "week"])["total"].mean()

    ax = plot.trajectory(iptkit.read_cases(COHORT), by="arm")

    for arm in ("ipt", "tau"):
        line = _line(ax, f"mean:{arm}")
        want = expected.loc[arm]
        np.testing.assert_array_equal(line.get_xdata(), want.index.to_numpy(dtype=float))
        np.testing.assert_allclose(line.get_ydata(), want.to_numpy(), rtol=1e-12)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["ipt (12 cases)", "tau (12 cases)"]
    assert "PHQ-9" in ax.get_title("left") and ax.get_xlabel() and ax.get_ylabel()


def test_cohort_confidence_band_is_mean_plus_minus_t_se_where_n_at_least_3() -> None:
    raw = _raw_cohort()
    ax = plot.trajectory(COHORT, by="arm")  # a path works too
    for arm, rows in raw.groupby("arm"):
        stats = rows.groupby("week")["total"].agg(["mean", "std", "count"])
        points = []
        for artist in ax.get_children():
            if artist.get_gid() == f"ci:{arm}":
                # the band of a run of weeks, or the error bar of a lone week and its caps
                if isinstance(artist, LineCollection):
                    points.extend(p for seg in artist.get_segments() for p in seg)
                elif isinstance(artist, Line2D):
                    points.extend(artist.get_xydata())
                else:
                    points.extend(p for path in artist.get_paths() for p in path.vertices)
        points = np.array(points)
        eligible = stats[stats["count"] >= 3]
        assert set(np.round(points[:, 0], 9)) == set(eligible.index.to_numpy(dtype=float))
        for week, row in eligible.iterrows():
            t = _t975_numeric(int(row["count"]) - 1)
            half = t * row["std"] / math.sqrt(row["count"])
            at = points[np.isclose(points[:, 0], week)]
            for edge in (row["mean"] - half, row["mean"] + half):
                assert np.isclose(at[:, 1], edge, atol=1e-3).any(), (arm, week, edge, at)


def test_cohort_without_band_draws_no_interval() -> None:
    ax = plot.trajectory(COHORT, by="arm", band=False)
    assert not [a for a in ax.get_children() if str(a.get_gid()).startswith("ci:")]


def test_cohort_by_site_and_all() -> None:
    raw = _raw_cohort()
    cases = iptkit.read_cases(COHORT)
    ax = plot.trajectory(cases, by="site")
    for site, rows in raw.groupby("site"):
        want = rows.groupby("week")["total"].mean()
        np.testing.assert_allclose(_line(ax, f"mean:{site}").get_ydata(), want.to_numpy())
    _, ax2 = plt.subplots()
    plot.trajectory(cases, ax=ax2)
    np.testing.assert_allclose(_line(ax2, "mean:all").get_ydata(),
                               raw.groupby("week")["total"].mean().to_numpy())
    gad = _raw_cohort("gad7")
    _, ax3 = plt.subplots()
    plot.trajectory(cases, "gad7", by="arm", ax=ax3)
    assert "GAD-7" in ax3.get_title("left")
    np.testing.assert_allclose(_line(ax3, "mean:tau").get_ydata(),
                               gad[gad["arm"] == "tau"].groupby("week")["total"].mean().to_numpy())
    assert list(_line(ax3, "cutoff:caseness").get_ydata()) == [8, 8]
    with pytest.raises(ValueError):
        plot.trajectory(cases, by="therapist")


def _counts_by_hand(raw: pd.DataFrame, key: str) -> dict[tuple[str, float], tuple[int, int]]:
    """(group, week) -> (totals, distinct cases), counted row by row without pandas grouping."""
    totals: Counter[tuple[str, float]] = Counter()
    cases: dict[tuple[str, float], set[str]] = {}
    for row in raw.itertuples(index=False):
        k = (str(getattr(row, key)), float(row.week))
        totals[k] += 1
        cases.setdefault(k, set()).add(str(row.case_id))
    return {k: (totals[k], len(cases[k])) for k in totals}


def _n_texts(ax: Axes, group: str) -> dict[float, int]:
    """The n row of a group under the axis: week -> the n written there."""
    return {float(t.xy[0]): int(t.get_text()) for t in ax.texts if t.get_gid() == f"n-row:{group}"}


def test_cohort_shows_n_per_weekly_mean_counted_by_hand() -> None:
    raw = _raw_cohort()
    want = _counts_by_hand(raw, "arm")
    assert min(n for n, _ in want.values()) == 1, "the example cohort has weeks resting on one total"

    ax = plot.trajectory(COHORT, by="arm")

    weekly = ax.iptkit_weekly  # type: ignore[attr-defined]
    assert list(weekly.columns) == list(plot.WEEKLY_COLUMNS)
    got = {(g, w): (n, c) for g, w, n, c in weekly[["group", "week", "n", "cases"]].itertuples(index=False)}
    assert got == want
    for arm in ("ipt", "tau"):
        mine = {w: n for (g, w), (n, _) in want.items() if g == arm}
        assert _n_texts(ax, arm) == mine  # a short span: every week is written
        markers = next(c for c in ax.collections if c.get_gid() == f"n:{arm}")
        weeks = markers.get_offsets()[:, 0]
        n = np.array([mine[float(w)] for w in weeks])
        # The area grows with n, and a mean of fewer than 3 totals is hollow.
        sizes = markers.get_sizes()
        assert all(sizes[i] < sizes[j] for i in range(len(n)) for j in range(len(n)) if n[i] < n[j])
        hollow = [matplotlib.colors.to_hex(f) == "#ffffff" for f in markers.get_facecolors()]
        assert hollow == [k < 3 for k in n]
        np.testing.assert_array_equal(_line(ax, f"mean:{arm}").get_xdata(), weeks)
    assert any("n < 3" in t.get_text() for t in ax.texts if t.get_gid() == "note")


def test_weekly_means_is_the_table_behind_the_chart() -> None:
    raw = _raw_cohort()
    table = plot.weekly_means(COHORT, by="site")
    assert {(g, w): (n, c) for g, w, n, c in table[["group", "week", "n", "cases"]].itertuples(index=False)} == \
        _counts_by_hand(raw, "site")
    for row in table.itertuples(index=False):
        values = raw[(raw["site"] == row.group) & (raw["week"] == row.week)]["total"].to_list()
        assert row.mean == pytest.approx(sum(values) / len(values))
        assert math.isnan(row.lower) == (len(values) < 3)
    ax = plot.trajectory(COHORT, by="site")
    pd.testing.assert_frame_equal(ax.iptkit_weekly, table)  # type: ignore[attr-defined]
    empty = plot.weekly_means(COHORT, "hamd17")
    assert list(empty.columns) == list(plot.WEEKLY_COLUMNS) and empty.empty
    with pytest.raises(ValueError, match="no instrument 'wsas'"):
        plot.weekly_means(COHORT, "wsas")


def test_min_n_leaves_thin_means_out_of_the_line_but_not_out_of_the_n_row() -> None:
    want = _counts_by_hand(_raw_cohort(), "arm")
    ax = plot.trajectory(COHORT, by="arm", min_n=3)
    for arm in ("ipt", "tau"):
        kept = sorted(w for (g, w), (n, _) in want.items() if g == arm and n >= 3)
        np.testing.assert_array_equal(_line(ax, f"mean:{arm}").get_xdata(), kept)
        assert _n_texts(ax, arm) == {w: n for (g, w), (n, _) in want.items() if g == arm}
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="min_n"):
            plot.trajectory(COHORT, min_n=bad)  # type: ignore[arg-type]


def test_individual_draws_one_thin_line_per_case_under_the_means() -> None:
    cases = iptkit.read_cases(COHORT)
    raw = _raw_cohort()
    ax = plot.trajectory(cases, by="arm", individual=True)

    lines = {str(l.get_gid()).removeprefix("case:"): l for l in ax.get_lines()
             if str(l.get_gid()).startswith("case:")}
    assert sorted(lines) == sorted(set(raw["case_id"]))
    colour = {arm: _line(ax, f"mean:{arm}").get_color() for arm in ("ipt", "tau")}
    for case_id, rows in raw.groupby("case_id"):
        line = lines[str(case_id)]
        rows = rows.sort_values("day", kind="stable")
        np.testing.assert_allclose(line.get_xdata(), rows["day"].to_numpy() / 7)
        np.testing.assert_allclose(line.get_ydata(), rows["total"].to_numpy())
        assert line.get_color() == colour[rows["arm"].iloc[0]]
        assert line.get_linewidth() < _line(ax, f"mean:{rows['arm'].iloc[0]}").get_linewidth()
        assert line.get_zorder() < _line(ax, "mean:ipt").get_zorder()
    # Not in the legend, and not drawn unless asked for.
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["ipt (12 cases)", "tau (12 cases)"]
    _, ax2 = plt.subplots()
    plot.trajectory(cases, by="arm", ax=ax2)
    assert not [l for l in ax2.get_lines() if str(l.get_gid()).startswith("case:")]


@pytest.mark.parametrize("count", [3, 60])
def test_n_rows_clear_the_tick_labels_the_axis_label_and_each_other(count: int) -> None:
    cases = iptkit.synthesize(count, seed=5)
    fig = plt.figure(figsize=(7.5, 4.5), layout="constrained")
    ax = plot.trajectory(cases, by="arm", ax=fig.add_subplot(), individual=True)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    written = [t for t in ax.texts if str(t.get_gid()).startswith(("n-row:", "n-label:"))]
    assert written
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in written]
    others = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.get_xticklabels() if t.get_text()]
    others.append((ax.get_xlabel(), ax.xaxis.label.get_window_extent(renderer)))
    figure = fig.bbox
    for i, (text, box) in enumerate(boxes):
        assert figure.x0 <= box.x0 and box.x1 <= figure.x1 and figure.y0 <= box.y0, text
        for other, obox in others + boxes[i + 1:]:
            assert not box.overlaps(obox), (text, other)
    # Every week with a mean has its n in the table, whether or not it is written under the axis.
    weekly = ax.iptkit_weekly  # type: ignore[attr-defined]
    for group in weekly["group"].unique():
        rows = weekly[weekly["group"] == group]
        shown = _n_texts(ax, group)
        assert shown and set(shown) <= set(rows["week"])
        assert all(dict(zip(rows["week"], rows["n"]))[w] == n for w, n in shown.items())


@pytest.mark.parametrize("df", [2, 3, 5, 11, 29, 30, 31, 45, 120])
def test_t_quantile(df: int) -> None:
    assert plot._t975(df) == pytest.approx(_t975_numeric(df), abs=2e-4)


# --- closeness circle -------------------------------------------------------------------------


def _people(ax: Axes) -> dict[str, PathCollection]:
    return {str(c.get_gid()).removeprefix("person:"): c for c in ax.collections
            if str(c.get_gid()).startswith("person:") and str(c.get_gid()).count(":") == 1}


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.json")))
def test_closeness_circle_places_each_relationship_on_its_ring(name: str) -> None:
    doc = json.loads((DATA / name).read_text())
    relationships = doc["inventory"]["relationships"]
    ax = plot.closeness_circle(iptkit.read_case(DATA / name))

    people = _people(ax)
    assert sorted(people) == sorted(r["id"] for r in relationships)
    labels = {str(t.get_gid()).removeprefix("label:"): t.get_text() for t in ax.texts
              if str(t.get_gid()).startswith("label:")}
    assert len(labels) == len(relationships)
    angles = []
    for r in relationships:
        (x, y), = people[r["id"]].get_offsets()
        assert math.hypot(x, y) == pytest.approx(r["closeness"])
        angles.append(math.atan2(y, x))
        text = r.get("label") or r["id"]
        assert labels[r["id"]] == (text if len(text) <= 22 else text[:21] + "\u2026")
        high = r.get("conflict") is not None and r["conflict"] >= 3
        rings = [c for c in ax.collections if c.get_gid() == f"person:{r['id']}:ring"]
        assert len(rings) == (1 if high else 0)
        if high:
            assert matplotlib.colors.to_hex(rings[0].get_edgecolor()[0]) == "#d55e00"
    assert len(set(np.round(angles, 9))) == len(angles), "one angle per person"
    assert ax.get_aspect() == 1.0
    assert not ax.get_xticks().size and not ax.get_yticks().size
    assert ax.get_legend() is not None
    assert "You" in {t.get_text() for t in ax.texts}
    assert [p.get_gid() for p in ax.patches if str(p.get_gid()).startswith("ring:")] == \
        ["ring:4", "ring:3", "ring:2", "ring:1"]


def test_closeness_circle_shape_and_fill_follow_kind_and_status() -> None:
    markers = {"partner": "D", "parent": "o", "child": "o", "sibling": "o", "friend": "s",
               "colleague": "^", "community": "^"}
    seen = set()
    for path in sorted(DATA.glob("*.json")):
        case = iptkit.read_case(path)
        _, ax = plt.subplots()
        plot.closeness_circle(case.inventory, ax=ax)  # an Inventory works too
        people = _people(ax)
        for r in case.inventory.relationships:
            c = people[r.id]
            status = r.status.name
            seen.add(status)
            if r.kind.name in markers:
                want = MarkerStyle(markers[r.kind.name])
                got = c.get_paths()[0]
                ref = want.get_path().transformed(want.get_transform())
                np.testing.assert_allclose(got.vertices, ref.vertices)
            face = matplotlib.colors.to_hex(c.get_facecolor()[0], keep_alpha=False)
            cross = [k for k in ax.collections if k.get_gid() == f"person:{r.id}:cross"]
            assert len(cross) == (1 if status == "deceased" else 0)
            if status in ("deceased", "estranged"):
                assert face == "#ffffff"
            else:
                assert face != "#ffffff"
            if status == "past":
                assert c.get_facecolor()[0][3] < 0.5
            if status == "estranged":
                _, dashes = c.get_linestyle()[0]
                assert dashes is not None, "estranged: dashed edge"
        plt.close("all")
    assert seen == {"current", "past", "deceased", "estranged"}


# --- outcome rates ----------------------------------------------------------------------------


def _bars(ax: Axes) -> list[Any]:
    return [p for p in ax.patches if str(p.get_gid()).startswith("rate:")]


def _wilson(ax: Axes) -> list[tuple[float, float, float]]:
    container = next(c for c in ax.containers if hasattr(c, "has_yerr"))
    (bars,) = container.lines[2]
    return [(seg[0][0], min(seg[0][1], seg[1][1]), max(seg[0][1], seg[1][1])) for seg in bars.get_segments()]


@pytest.mark.parametrize("outcome", plot.OUTCOMES)
def test_outcome_rates_bars_and_wilson_intervals_equal_the_summary(outcome: str) -> None:
    cases = iptkit.read_cases(COHORT)
    table = iptkit.summary(cases, by="arm")
    rows = table[table["instrument"] == "phq9"]

    ax = plot.outcome_rates(cases, outcome)

    bars = _bars(ax)
    assert [b.get_gid() for b in bars] == [f"rate:{g}" for g in rows["group"]]
    np.testing.assert_allclose([b.get_height() for b in bars],
                               np.nan_to_num(rows[f"{outcome}_rate"].to_numpy(dtype=float)))
    defined = rows[rows[f"{outcome}_n"] > 0]
    intervals = _wilson(ax)
    assert len(intervals) == len(defined)
    for (x, lo, hi), (_, row) in zip(intervals, defined.iterrows()):
        assert lo == pytest.approx(row[f"{outcome}_lower"]) and hi == pytest.approx(row[f"{outcome}_upper"])
    counts = [t.get_text() for t in ax.texts if t.get_gid() == "count"]
    assert counts == [f"{k}/{n}" if n else "n = 0"
                      for k, n in zip(rows[f"{outcome}_k"], rows[f"{outcome}_n"])]
    assert outcome.replace("_", " ") in ax.get_ylabel() and "PHQ-9" in ax.get_title("left")


def test_outcome_rates_wilson_bounds_by_hand() -> None:
    ax = plot.outcome_rates(COHORT, "response")
    z = 1.959963984540054
    cases = iptkit.read_cases(COHORT)
    raw = iptkit.outcomes(cases)
    raw = raw[raw["instrument"] == "phq9"].copy()
    raw["arm"] = [cases[i].arm for i in raw["case_index"]]
    for (x, lo, hi), bar in zip(_wilson(ax), _bars(ax)):
        arm = str(bar.get_gid()).removeprefix("rate:")
        values = raw[(raw["arm"] == arm) & raw["response"].notna()]["response"].astype(bool)
        n, k = len(values), int(values.sum())
        assert x == pytest.approx(bar.get_x() + bar.get_width() / 2)
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        assert bar.get_height() == pytest.approx(p)
        assert (lo, hi) == pytest.approx((max(0.0, centre - half), min(1.0, centre + half)))


def test_outcome_rates_accepts_a_summary_frame_and_other_groupings() -> None:
    cases = iptkit.read_cases(COHORT)
    table = iptkit.summary(cases, by="adaptation")
    ax = plot.outcome_rates(table, "remission", by="adaptation", instrument="gad7")
    rows = table[table["instrument"] == "gad7"]
    np.testing.assert_allclose([b.get_height() for b in _bars(ax)],
                               np.nan_to_num(rows["remission_rate"].to_numpy(dtype=float)))
    assert [t.get_text() for t in ax.get_xticklabels()] == list(rows["group"])
    assert "GAD-7" in ax.get_title("left") and ax.get_xlabel() == "adaptation"


def test_outcome_rates_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="unknown outcome"):
        plot.outcome_rates(COHORT, "cure")
    with pytest.raises(ValueError, match="response_rate"):
        plot.outcome_rates(COHORT, "response_rate")
    with pytest.raises(ValueError, match="no 'hamd17' rows"):
        plot.outcome_rates(COHORT, instrument="hamd17")


# --- packaging --------------------------------------------------------------------------------


def test_import_iptkit_does_not_import_matplotlib() -> None:
    code = "import sys, iptkit; sys.exit('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_new_axes_when_none_given() -> None:
    case = iptkit.read_case(DATA / "dit-ipaf-mother.json")
    axes = [plot.trajectory(case), plot.closeness_circle(case), plot.outcome_rates(COHORT)]
    assert all(isinstance(a, Axes) for a in axes)
    assert len({id(a.figure) for a in axes}) == 3


def test_trajectory_groups_as_summary_does() -> None:
    cases = iptkit.read_cases(COHORT)
    pairs = {f"{c.arm or '(none)'} | {c.site or '(none)'}" for c in cases
             if any(a.instrument == "phq9" for a in c.assessments)}
    table = plot.weekly_means(cases, "phq9", by=["arm", "site"])
    assert set(table["group"]) == pairs
    by_function = plot.weekly_means(cases, "phq9", by=lambda c: c.arm)
    pd.testing.assert_frame_equal(by_function, plot.weekly_means(cases, "phq9", by="arm"))
    ax = plot.trajectory(cases, "phq9", by=["arm", "site"])
    assert set(ax.iptkit_weekly["group"]) == pairs  # type: ignore[attr-defined]
    plt.close(ax.figure)
    with pytest.raises(ValueError, match=r"^iptkit.plot.weekly_means: cannot group by 'arms': not a column"):
        plot.weekly_means(cases, by="arms")
