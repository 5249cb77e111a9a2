"""Matplotlib figures for notebooks and papers: symptom trajectories, the closeness circle and
outcome rates.

Needs the ``plot`` extra (matplotlib); ``import iptkit`` never imports this module. The figures
follow the conventions of the library's SVG figures (``include/iptkit/export/svg.hpp``), so that a
report and a notebook look alike: Okabe-Ito colours, always paired with a second cue (marker
shape, dash pattern, fill style) so that they read in grey scale and for colour-blind readers.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from typing import Any, Union

import numpy as np
import pandas as pd

from . import _optional

_optional.require("matplotlib", "plot", "iptkit.plot")  # before the imports below, to name the extra

from matplotlib import patheffects, rcParams
from matplotlib.font_manager import FontProperties
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Circle
from matplotlib.ticker import MaxNLocator, PercentFormatter
from matplotlib.transforms import blended_transform_factory

from . import _as_cases, _grouping, assessments, summary, tables
from ._grouping import Grouping
from ._core import (
    Case,
    Catalog,
    Instrument,
    Inventory,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    ScoreDirection,
)

__all__ = ["trajectory", "weekly_means", "closeness_circle", "outcome_rates", "survival", "OUTCOMES", "WEEKLY_COLUMNS"]

PathLike = Union[str, "os.PathLike[str]"]

OUTCOMES: tuple[str, ...] = ("response", "remission", "reliable_improvement", "reliable_deterioration",
                             "recovery", "reliable_recovery", "completers")
"""The outcome names :func:`outcome_rates` accepts (the rate columns of :func:`iptkit.summary`)."""

# Okabe & Ito (2008), in the order of the SVG figures.
_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
_MARKERS = ("o", "s", "^", "D")
_DASHES: tuple[Any, ...] = ("-", (0, (7, 4)), (0, (2, 3)), (0, (9, 3, 2, 3)), (0, (4, 2, 4, 6)))
_INK = "#1d2733"
_MUTED = "#5b6673"
_CUTOFF = "#3d4752"
_BAND_TINTS = ("#f3f7f3", "#f7f6ea", "#fbf0e1", "#fbe7dc", "#f8dedd", "#f3d6dc")

# Two-sided 95% Student t quantiles t(0.975, df) for df = 1..30.
_T975 = (12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
         2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
         2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423)
_Z975 = 1.959963984540054


def _t975(df: int) -> float:
    """The 97.5% quantile of Student's t: a table up to 30 df, then the Cornish-Fisher expansion
    about the normal quantile (within 1e-4 of the exact value), since scipy is not a dependency."""
    if df < 1:
        raise ValueError(f"iptkit.plot: t quantile needs df >= 1, not {df}")
    if df <= len(_T975):
        return _T975[df - 1]
    z = _Z975
    return (z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2)
            + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3))


def _new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt  # only when we own the figure: works with any backend

    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _halo(width: float = 3) -> list[patheffects.AbstractPathEffect]:
    return [patheffects.withStroke(linewidth=width, foreground="white")]


def _instrument(instrument: str, catalog: Catalog | None, where: str) -> Instrument:
    return _optional.instrument(instrument, catalog, f"iptkit.plot.{where}")


def _cutoffs(ax: Axes, inst: Instrument | None) -> None:
    """Caseness and remission as dashed lines labelled at the right edge, signs by direction."""
    if inst is None:
        return
    worse_up = inst.direction == ScoreDirection.higher_is_worse
    lines = []
    if inst.caseness is not None:
        lines.append(("caseness", inst.caseness, "\u2265" if worse_up else "\u2264"))
    if inst.remission is not None:
        lines.append(("remission", inst.remission, "\u2264" if worse_up else "\u2265"))
    where = blended_transform_factory(ax.transAxes, ax.transData)
    for name, value, sign in lines:
        text = f"{name} {sign} {value}"
        ax.axhline(value, color=_CUTOFF, linewidth=1.1, linestyle=(0, (5, 4)), zorder=1.5, gid=f"cutoff:{name}",
                   label=f"_{text}")
        ax.text(0.995, value, text, transform=where, ha="right", va="bottom", fontsize=9, fontweight="bold",
                color=_CUTOFF, path_effects=_halo(), zorder=4, gid=f"cutoff-label:{name}")


def _severity_bands(ax: Axes, inst: Instrument | None) -> None:
    """Pale stripes per severity band; totals are whole numbers, so a band covers its totals ± 0.5."""
    if inst is None:
        return
    where = blended_transform_factory(ax.transAxes, ax.transData)
    for i, b in enumerate(inst.bands):
        ax.axhspan(b.min - 0.5, b.max + 0.5, color=_BAND_TINTS[i % len(_BAND_TINTS)], zorder=0, linewidth=0,
                   gid=f"band:{b.label}")
        # In the right margin: inside, the names would collide with the first scores.
        ax.text(1.01, (b.min + b.max) / 2, b.label.replace("_", " "), transform=where, ha="left", va="center",
                fontsize=8, color=_MUTED, gid=f"band-label:{b.label}")


def _y_range(ax: Axes, inst: Instrument | None, top: float) -> None:
    if inst is not None:
        ax.set_ylim(inst.total_min - 0.5, max(inst.total_max, top) + 0.5)
    else:
        ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))


_THIN = 3
"""Weeks with fewer totals than this get no interval and a hollow marker."""

WEEKLY_COLUMNS: tuple[str, ...] = ("group", "week", "n", "cases", "mean", "sd", "lower", "upper")
"""The columns of :func:`weekly_means` (and of ``ax.iptkit_weekly`` after :func:`trajectory`)."""


def _weekly(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean, n and the 95% t interval of the totals per whole week (weeks with n >= 3 only)."""
    stats = frame.groupby("week", sort=True)["total"].agg(["mean", "std", "count"])
    n = stats["count"].to_numpy(dtype=float)
    t = np.array([_t975(int(k) - 1) if k >= _THIN else np.nan for k in n])
    half = t * stats["std"].to_numpy(dtype=float) / np.sqrt(n)
    stats["lower"] = stats["mean"] - half
    stats["upper"] = stats["mean"] + half
    stats["cases"] = frame.groupby("week", sort=True)["case_index"].nunique()
    return stats


def _scored(items: Sequence[Case], instrument: str, by: Grouping, catalog: Catalog | None, what: str
            ) -> tuple[pd.DataFrame, list[str]]:
    """The scored totals of `instrument` with their whole week and group, and the groups in order
    of first appearance."""
    labels = _grouping.case_labels(items, by, f"plot.{what}", lambda: tables(items, catalog=catalog)["cases"])
    a = assessments(items, catalog=catalog)
    a = a[(a["instrument"] == instrument) & a["total"].notna()].copy()
    a["total"] = a["total"].astype("float64")
    a["week"] = np.rint(a["day"].to_numpy(dtype=float) / 7)
    a["group"] = [labels[i] for i in a["case_index"]]
    return a, list(dict.fromkeys(labels[i] for i in a["case_index"]))


def _weekly_table(a: pd.DataFrame, order: Sequence[str]) -> pd.DataFrame:
    parts = []
    for group in order:
        stats = _weekly(a[a["group"] == group])
        parts.append(pd.DataFrame({
            "group": group, "week": stats.index.to_numpy(dtype=float),
            "n": stats["count"].to_numpy(dtype="int64"), "cases": stats["cases"].to_numpy(dtype="int64"),
            "mean": stats["mean"].to_numpy(dtype=float), "sd": stats["std"].to_numpy(dtype=float),
            "lower": stats["lower"].to_numpy(dtype=float), "upper": stats["upper"].to_numpy(dtype=float)}))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("n", "cases") else object if c == "group"
                                          else float) for c in WEEKLY_COLUMNS})
    return pd.concat(parts, ignore_index=True)[list(WEEKLY_COLUMNS)]


def weekly_means(cases: Iterable[Case] | PathLike, instrument: str = "phq9", *, by: Grouping = None,
                 catalog: Catalog | None = None) -> pd.DataFrame:
    """The numbers behind a cohort :func:`trajectory`: one row per group and whole week
    (round(day / 7)) with a scored total, with the columns :data:`WEEKLY_COLUMNS`: ``n`` totals,
    from ``cases`` distinct cases (a case scored twice in one week counts twice in ``n``), their
    ``mean`` and ``sd``, and the 95% t interval ``lower``-``upper`` (NaN where n < 3). ``by``
    and ``catalog`` are as for :func:`trajectory`."""
    _instrument(instrument, catalog, "weekly_means")
    items = _as_cases(cases, catalog=catalog)
    a, order = _scored(items, instrument, by, catalog, "weekly_means")
    return _weekly_table(a, order)


def trajectory(cases: Case | Iterable[Case] | PathLike, instrument: str = "phq9", *, by: Grouping = None,
               ax: Axes | None = None, band: bool = True, individual: bool = False, min_n: int = 1,
               catalog: Catalog | None = None) -> Axes:
    """Symptom totals of one instrument over weeks since the contract start.

    One case: its scored totals in date order (x = day / 7), over the instrument's severity bands
    (``band``), so that a clinician sees where each score sits. A cohort (cases or a path): the
    mean total per whole week (round(day / 7)) per group (``by``: None for all cases, or as for
    :func:`iptkit.summary`: a column of the cases table, a list of them, or a function of the
    case), with a 95% confidence band (``band``) of
    mean ± t x SD / sqrt(n), drawn only where a week has at least 3 totals: fewer give no useful
    interval. t is Student's 97.5% quantile with n - 1 df, not 1.96, as weekly n is small (a
    table to 30 df, a Cornish-Fisher expansion above; scipy is not a dependency). A week with an
    interval between weeks without one shows it as an error bar. Both draw the caseness and
    remission cut-offs.

    A weekly mean is of whichever cases were scored that week, so in a small cohort the line
    joins means of different patients and a point may rest on one total. Each mean therefore
    shows its n: the marker's area grows with n, a mean of fewer than 3 totals is drawn hollow,
    and a row of n per week and group runs under the x axis (for a span of many weeks, as many as
    fit without overlapping). ``min_n`` leaves means of fewer totals out of the line (the n row
    still counts them). ``individual=True`` draws each case's own totals (x = day / 7) as a thin
    line in its group's colour under the means, so that the reader sees who the means are of.
    The numbers behind the means are returned as ``ax.iptkit_weekly``, a DataFrame with the
    columns of :func:`weekly_means`, for the last cohort drawn on ``ax``.

    ``catalog`` (default: the built-ins) defines the instrument; an id it lacks raises
    ValueError listing the ones it has.
    """
    if isinstance(min_n, bool) or not isinstance(min_n, int) or min_n < 1:
        raise ValueError(f"iptkit.plot.trajectory: min_n must be a whole number >= 1, not {min_n!r}")
    inst = _instrument(instrument, catalog, "trajectory")
    name = inst.name
    if isinstance(cases, Case):
        return _case_trajectory(cases, instrument, inst, name, ax, band, catalog)
    items = _as_cases(cases, catalog=catalog)
    a, order = _scored(items, instrument, by, catalog, "trajectory")
    by_name = _grouping.name_of(by)
    weekly = _weekly_table(a, order)

    ax = _new_axes(ax, (7.5, 4.5))
    top = 0.0
    biggest = int(weekly["n"].max()) if len(weekly) else 1
    handles: list[Any] = []
    for i, group in enumerate(order):
        rows = a[a["group"] == group]
        stats = weekly[weekly["group"] == group]
        colour = _COLOURS[i % len(_COLOURS)]
        dash = _DASHES[i % len(_DASHES)]
        marker = _MARKERS[i % len(_MARKERS)]
        if individual:
            _individual_lines(ax, rows, items, colour, group)
            top = max(top, float(rows["total"].max()))
        shown = stats[stats["n"] >= min_n]
        weeks = shown["week"].to_numpy(dtype=float)
        means = shown["mean"].to_numpy(dtype=float)
        n = shown["n"].to_numpy(dtype=int)
        n_cases = rows["case_index"].nunique()
        label = f"{group} ({n_cases} case{'s' if n_cases != 1 else ''})" if by_name is not None else \
            f"mean ({n_cases} case{'s' if n_cases != 1 else ''})"
        ax.plot(weeks, means, color=colour, linestyle=dash, linewidth=2, label=f"_{label}", gid=f"mean:{group}",
                zorder=3)
        # Area by n, relative to the largest n of the chart; hollow where there is no interval.
        ax.scatter(weeks, means, s=16 + 84 * n / biggest, marker=marker, linewidths=1.3, zorder=3.5,
                   facecolors=[colour if k >= _THIN else "white" for k in n],
                   edgecolors=[("white" if k >= _THIN else colour) for k in n], gid=f"n:{group}")
        handles.append(Line2D([], [], color=colour, linestyle=dash, linewidth=2, marker=marker, markersize=6,
                              markeredgecolor="white", label=label))
        if len(means):
            top = max(top, float(means.max()))
        if band:  # clipped to the instrument's range, where an interval of few totals overshoots
            full = stats.set_index("week")
            _confidence(ax, full.index.to_numpy(dtype=float), full, colour, group)
    if order:
        # Outside the plot, where it can hide neither a mean nor an interval.
        ax.legend(handles=handles, title=by_name, loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9, title_fontsize=9, alignment="left")
        ax.text(0, 1.015, f"marker area: n totals that week; hollow: n < {_THIN}"
                + ("; thin lines: single cases" if individual else ""),
                transform=ax.transAxes, ha="left", va="bottom", fontsize=8, color=_MUTED, gid="note")
    else:
        ax.text(0.5, 0.5, f"No scorable {name} assessments", transform=ax.transAxes, ha="center", color=_MUTED)
    _cutoffs(ax, inst)
    _y_range(ax, inst, top)
    ax.axvline(0, color="#b5c3d1", linewidth=1, zorder=1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    rows_below = _n_rows(ax, weekly, order, by_name)
    ax.set_xlabel("weeks since contract start", labelpad=rcParams["axes.labelpad"] + rows_below)
    ax.set_ylabel(f"{name} total (mean)")
    suffix = f", by {by_name}" if by_name is not None else ""
    interval = " (95% CI where n \u2265 3)" if band else ""
    ax.set_title(f"{name}: mean total per week{suffix}{interval}", loc="left", fontsize=11, pad=16)
    setattr(ax, "iptkit_weekly", weekly)
    return ax


def _individual_lines(ax: Axes, rows: pd.DataFrame, items: Sequence[Case], colour: str, group: str) -> None:
    """Each case's own totals by exact week, thin and pale, under the means."""
    for index in dict.fromkeys(rows["case_index"].to_list()):
        own = rows[rows["case_index"] == index].sort_values("day", kind="stable")
        case_id = items[int(index)].case_id
        ax.plot(own["day"].to_numpy(dtype=float) / 7, own["total"].to_numpy(dtype=float), color=colour,
                linewidth=0.8, alpha=0.45, marker=".", markersize=3, zorder=2.5, gid=f"case:{case_id}",
                label=f"_case {case_id} ({group})")


_N_FONT = 8.0


def _n_rows(ax: Axes, weekly: pd.DataFrame, order: Sequence[str], by: str | None) -> float:
    """A row of n per week for each group under the tick labels, as under a survival curve's
    numbers at risk; returns the height in points that the rows take, for the x label to clear.
    Weeks closer than a label's width to the last one shown are skipped (the table has them)."""
    if not order:
        return 0.0
    tick = max(rcParams["xtick.major.size"], 0) + rcParams["xtick.major.pad"]
    tick_font = FontProperties(size=rcParams["xtick.labelsize"]).get_size_in_points()
    line = _N_FONT * 1.35
    first = tick + tick_font * 1.25 + 4
    low, high = ax.get_xlim()
    # The axes' width in points; the layout may yet narrow it (the legend), hence the margin.
    width = ax.bbox.width * 72 / ax.figure.dpi * 0.8
    widest = max(len(str(k)) for k in weekly["n"]) if len(weekly) else 1
    # A digit is at most 0.65 em wide; keep a gap of one digit between labels. In weeks:
    room = (widest + 1) * 0.65 * _N_FONT * abs(high - low) / max(width, 1.0)
    under = ax.get_xaxis_transform()  # x in data, y in axes units
    for row, group in enumerate(order):
        colour = _COLOURS[row % len(_COLOURS)]
        y = -(first + row * line)
        ax.annotate(f"n {group}" if by is not None else "n", xy=(0, 0), xycoords="axes fraction",
                    xytext=(-6, y), textcoords="offset points", ha="right", va="top", fontsize=_N_FONT,
                    color=colour, annotation_clip=False, gid=f"n-label:{group}")
        last = -math.inf
        for week, n in weekly.loc[weekly["group"] == group, ["week", "n"]].itertuples(index=False):
            if week - last < room:
                continue
            last = week
            ax.annotate(str(int(n)), xy=(week, 0), xycoords=under, xytext=(0, y), textcoords="offset points",
                        ha="center", va="top", fontsize=_N_FONT, color=colour, annotation_clip=False,
                        gid=f"n-row:{group}")
    return len(order) * line + 4


def _confidence(ax: Axes, weeks: np.ndarray[Any, Any], stats: pd.DataFrame, colour: str, group: str) -> None:
    """A translucent band over each run of weeks with an interval; an error bar for a lone week."""
    lower = stats["lower"].to_numpy(dtype=float)
    upper = stats["upper"].to_numpy(dtype=float)
    ok = ~np.isnan(lower)
    lone = ok & ~np.r_[False, ok[:-1]] & ~np.r_[ok[1:], False]
    runs = ok & ~lone
    if runs.any():
        ax.fill_between(weeks, np.where(runs, lower, np.nan), np.where(runs, upper, np.nan), color=colour,
                        alpha=0.16, linewidth=0.8, edgecolor=colour, zorder=2, gid=f"ci:{group}",
                        label=f"_95% CI {group}")
    if lone.any():
        mean = stats["mean"].to_numpy(dtype=float)
        err = np.vstack([(mean - lower)[lone], (upper - mean)[lone]])
        ax.errorbar(weeks[lone], mean[lone], yerr=err, fmt="none", ecolor=colour, alpha=0.6, elinewidth=1.4,
                    capsize=3, zorder=2, gid=f"ci:{group}", label=f"_95% CI {group}")


def _case_trajectory(case: Case, instrument: str, inst: Instrument | None, name: str, ax: Axes | None,
                     band: bool, catalog: Catalog | None) -> Axes:
    a = assessments(case, catalog=catalog)
    a = a[(a["instrument"] == instrument) & a["total"].notna()].sort_values("day", kind="stable")
    weeks = a["day"].to_numpy(dtype=float) / 7
    totals = a["total"].to_numpy(dtype=float)
    ax = _new_axes(ax, (7.5, 4.5))
    if band:
        _severity_bands(ax, inst)
    _cutoffs(ax, inst)
    ax.plot(weeks, totals, color=_COLOURS[0], marker="o", markersize=6, markeredgecolor="white", linewidth=2,
            label=name, gid="totals", zorder=3)
    if len(totals) == 0:
        ax.text(0.5, 0.5, f"No scorable {name} assessments", transform=ax.transAxes, ha="center", color=_MUTED)
    _y_range(ax, inst, float(totals.max()) if len(totals) else 0.0)
    ax.axvline(0, color="#b5c3d1", linewidth=1, zorder=1)
    ax.set_xlabel(f"weeks since contract start ({case.contract.start_date.isoformat()})")
    ax.set_ylabel(f"{name} total")
    ax.set_title(f"{case.case_id}: {name}", loc="left", fontsize=11)
    return ax


# Kind by shape, in the four groups clinicians sort an inventory into.
_KIND_MARKERS = {
    RelationshipKind.partner: "D", RelationshipKind.former_partner: "D",
    RelationshipKind.parent: "o", RelationshipKind.child: "o", RelationshipKind.sibling: "o",
    RelationshipKind.grandparent: "o", RelationshipKind.other_family: "o",
    RelationshipKind.friend: "s",
}
_KIND_GROUPS = (("D", "partner, ex-partner"), ("o", "family"), ("s", "friend"), ("^", "work, community, other"))
_CONFLICT_GROUPS: tuple[tuple[int | None, str], ...] = (
    (0, "none or little (0-1)"), (2, "moderate (2)"), (3, "high (3-4): outer ring"), (None, "not recorded"))
_STATUS_GROUPS = ((RelationshipStatus.current, "current: filled"), (RelationshipStatus.past, "past: pale"),
                  (RelationshipStatus.estranged, "estranged: dashed"),
                  (RelationshipStatus.deceased, "deceased: hollow, cross"))
_RING_FILL = ("#e6eef6", "#f2f6fa", "#e6eef6", "#f2f6fa")


def _conflict_colour(conflict: int | None) -> str:
    if conflict is None:
        return "#8a949e"
    if conflict >= 3:
        return "#D55E00"
    return "#E69F00" if conflict == 2 else "#0072B2"


def _person(ax: Axes, x: float, y: float, marker: str, status: Any, conflict: int | None, size: float,
            gid: str | None) -> Any:
    """One person: shape by kind, fill by status, colour (and an outer ring when high) by conflict.
    Returns the artists, so that the legend can show a sample drawn exactly like a person."""
    colour = _conflict_colour(conflict)
    artists: list[Any] = []
    if conflict is not None and conflict >= 3:
        artists.append(ax.scatter([x], [y], s=size * 3.2, marker="o", facecolors="none", edgecolors=colour,
                                  linewidths=1.6, zorder=3, gid=gid and f"{gid}:ring"))
    style: dict[str, Any]
    if status == RelationshipStatus.past:
        style = dict(facecolors=colour, edgecolors=colour, linewidths=1.6, alpha=0.4)
    elif status == RelationshipStatus.estranged:
        style = dict(facecolors="white", edgecolors=colour, linewidths=2.2, linestyles=(0, (2, 1.5)))
    elif status == RelationshipStatus.deceased:
        style = dict(facecolors="white", edgecolors=_INK, linewidths=1.6)
    else:
        style = dict(facecolors=colour, edgecolors=_INK, linewidths=1)
    artists.append(ax.scatter([x], [y], s=size, marker=marker, zorder=4, gid=gid, **style))
    if status == RelationshipStatus.deceased:
        artists.append(ax.scatter([x], [y], s=size * 0.5, marker="x", color=colour, linewidths=1.8, zorder=5,
                                  gid=gid and f"{gid}:cross"))
    return artists[0] if len(artists) == 1 else tuple(artists)


def _legend_sample(ax: Axes, marker: str, status: Any, conflict: int | None) -> Any:
    """A legend handle drawn by :func:`_person` itself, then taken off the axes."""
    sample = _person(ax, 0, 0, marker, status, conflict, 55, None)
    for artist in sample if isinstance(sample, tuple) else (sample,):
        artist.remove()
    return sample


def closeness_circle(case_or_inventory: Case | Inventory, *, ax: Axes | None = None) -> Axes:
    """The closeness circle of an interpersonal inventory: "You" at the centre, each relationship
    on its closeness ring (1 closest, 4 least close; a relationship sits at radius == closeness in
    data units), one angle per person in inventory order, with a gap at the bottom for the ring
    numbers, so that no two people line up on a ray. Shape, fill and colour follow the SVG
    figure, so both read the same way; the legend explains them."""
    inv = case_or_inventory.inventory if isinstance(case_or_inventory, Case) else case_or_inventory
    people: Sequence[Relationship] = list(inv.relationships) if inv is not None else []
    ax = _new_axes(ax, (7.5, 7.0))
    for k in range(4, 0, -1):
        ax.add_patch(Circle((0, 0), k + 0.5, facecolor=_RING_FILL[k - 1], edgecolor="#b5c3d1", linewidth=1,
                            zorder=1, gid=f"ring:{k}"))
        ax.text(0, -k, str(k), ha="center", va="center", fontsize=9, fontweight="bold", color="#8595a6",
                zorder=2)
    ax.add_patch(Circle((0, 0), 0.5, facecolor=_INK, edgecolor="none", zorder=2, gid="you"))
    ax.text(0, 0, "You", ha="center", va="center", color="white", fontweight="bold", zorder=3)

    size = 110.0
    n = len(people)
    for i, r in enumerate(people):
        ring = min(max(int(r.closeness), 1), 4)
        # Clockwise from the lower left, leaving 60 degrees free at the bottom.
        angle = math.radians(-(120 + (i + 0.5) * 300 / n))
        x, y = ring * math.cos(angle), ring * math.sin(angle)
        _person(ax, x, y, _KIND_MARKERS.get(r.kind, "^"), r.status, r.conflict, size, f"person:{r.id}")
        text = r.label or r.id
        if len(text) > 22:
            text = text[:21] + "\u2026"
        gap = 0.2 + (0.12 if r.conflict is not None and r.conflict >= 3 else 0)
        c = math.cos(angle)
        if c > 0.35:
            pos, ha, va = (x + gap, y), "left", "center"
        elif c < -0.35:
            pos, ha, va = (x - gap, y), "right", "center"
        else:
            pos, ha, va = (x, y + gap if y > 0 else y - gap), "center", "bottom" if y > 0 else "top"
        ax.text(*pos, text, ha=ha, va=va, fontsize=9, color=_INK, path_effects=_halo(), zorder=6,
                gid=f"label:{r.id}")
    if n == 0:
        ax.text(0, 0.75, "No relationships recorded", ha="center", va="bottom", color=_MUTED, zorder=3)

    heading = Line2D([], [], linestyle="none", marker="none")
    current = RelationshipStatus.current
    handles = [heading] + [_legend_sample(ax, m, current, None) for m, _ in _KIND_GROUPS]
    labels = ["Who (shape)"] + [text for _, text in _KIND_GROUPS]
    handles += [heading] + [_legend_sample(ax, "o", s, 0) for s, _ in _STATUS_GROUPS]
    labels += ["Status (fill)"] + [text for _, text in _STATUS_GROUPS]
    handles += [heading] + [_legend_sample(ax, "o", current, level) for level, _ in _CONFLICT_GROUPS]
    labels += ["Conflict (colour)"] + [text for _, text in _CONFLICT_GROUPS]
    legend = ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, frameon=False,
                       fontsize=8.5, handletextpad=0.4, columnspacing=1.6, borderaxespad=0.2)
    for t in legend.get_texts():
        if t.get_text() in ("Who (shape)", "Status (fill)", "Conflict (colour)"):
            t.set_fontweight("bold")
    ax.set_xlim(-6.3, 6.3)
    ax.set_ylim(-4.75, 4.75)
    # The layout reserves room for the legend below before the equal aspect shrinks the box:
    # keep the box at the top so that the shrinking never pushes the legend out of the figure.
    ax.set_aspect("equal", anchor="N")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    title = "Closeness circle"
    if isinstance(case_or_inventory, Case):
        title += f": {case_or_inventory.case_id}"
    ax.set_title(title + "  (ring 1 = closest, 4 = least close)", loc="left", fontsize=11)
    return ax


def outcome_rates(cases_or_summary: Case | Iterable[Case] | PathLike | pd.DataFrame,
                  outcome: str = "response", *, by: Grouping = "arm", instrument: str = "phq9",
                  ax: Axes | None = None, catalog: Catalog | None = None) -> Axes:
    """The rate of one outcome (docs/outcomes.md) per group, with its Wilson 95% interval and k/n,
    so that small groups are not over-read: the interval and the denominator are always shown.

    Takes cases or a path (summarised with :func:`iptkit.summary` by ``by``), or a summary
    DataFrame already computed, whose groups are used as they are. ``outcome`` is one of
    :data:`OUTCOMES`; a group whose outcome is defined for no case is drawn as ``n = 0``.
    ``catalog`` (default: the built-ins) is the one the summary is computed with, as for
    :func:`iptkit.summary`; a summary DataFrame given is drawn as it is.
    """
    if outcome not in OUTCOMES:
        raise ValueError(f"iptkit.plot: unknown outcome {outcome!r}; expected one of {', '.join(OUTCOMES)}")
    if isinstance(cases_or_summary, pd.DataFrame):
        table = cases_or_summary
    else:
        table = summary(_as_cases(cases_or_summary, catalog=catalog), by=by, catalog=catalog)
    missing = [c for c in ("group", "instrument", f"{outcome}_rate", f"{outcome}_lower", f"{outcome}_upper",
                           f"{outcome}_k", f"{outcome}_n") if c not in table.columns]
    if missing:
        raise ValueError(f"iptkit.plot: the summary lacks the columns {', '.join(missing)}")
    rows = table[table["instrument"] == instrument]
    if rows.empty:
        found = ", ".join(str(i) for i in dict.fromkeys(table["instrument"]))
        raise ValueError(f"iptkit.plot: no {instrument!r} rows in the summary (instruments: {found or 'none'})")

    groups = [str(g) for g in rows["group"]]
    rate = rows[f"{outcome}_rate"].to_numpy(dtype=float)
    lower = rows[f"{outcome}_lower"].to_numpy(dtype=float)
    upper = rows[f"{outcome}_upper"].to_numpy(dtype=float)
    k = rows[f"{outcome}_k"].to_numpy()
    n = rows[f"{outcome}_n"].to_numpy()
    x = np.arange(len(groups), dtype=float)
    colours = [_COLOURS[i % len(_COLOURS)] for i in range(len(groups))]

    ax = _new_axes(ax, (max(4.8, 1.6 + 1.3 * len(groups)), 4.4))
    heights = np.nan_to_num(rate, nan=0.0)
    bars = ax.bar(x, heights, width=0.6, color=colours, alpha=0.85, edgecolor=_INK, linewidth=0.8, zorder=2,
                  gid="rates")
    for bar, group in zip(bars, groups):
        bar.set_gid(f"rate:{group}")
    defined = n > 0
    err = np.vstack([(rate - lower)[defined], (upper - rate)[defined]])
    ax.errorbar(x[defined], rate[defined], yerr=err, fmt="none", ecolor=_INK, elinewidth=1.3, capsize=5, zorder=3,
                gid="wilson")
    for xi, top, ki, ni in zip(x, np.where(defined, upper, 0.0), k, n):
        ax.text(xi, top + 0.025, f"{ki}/{ni}" if ni > 0 else "n = 0", ha="center", va="bottom", fontsize=9,
                color=_INK, zorder=4, gid="count")
    known = Catalog().instruments.find(instrument)  # the rows above exist: an id of the user's catalog is shown as is
    name = known.name if known is not None else instrument
    words = outcome.replace("_", " ")
    ax.set_xticks(x, groups)
    ax.set_xlim(-0.6, len(groups) - 0.4)
    ax.set_ylim(0, 1.12)
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
    ax.grid(axis="y", color="#dde3ea", linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    ax.set_xlabel(_grouping.name_of(by) or "")
    ax.set_ylabel(f"{words} rate")
    ax.set_title(f"{name}: {words} rate by {_grouping.name_of(by) or 'all cases'}", loc="left", fontsize=11, pad=18)
    ax.text(0, 1.015, "95% Wilson intervals; k/n above each bar", transform=ax.transAxes, ha="left",
            va="bottom", fontsize=8, color=_MUTED)
    return ax


def survival(fit: Any, *, ax: Axes | None = None, band: bool = True, at_risk: bool = True,
             ylabel: str = "without relapse or recurrence") -> Axes:
    """Kaplan-Meier curves: a :class:`iptkit.RelapseSurvival` (``iptkit.relapse_survival``) or a
    :class:`iptkit.stats.KaplanMeier`. One step curve per group (colour and dash pattern), its
    log-log 95% band shaded, censored times marked with ``+``, the legend giving n and events per
    group, the log-rank p-value in the title when the fit has one, and the numbers at risk under
    the x axis at its ticks. A fit without subjects raises ValueError rather than drawing an empty
    frame."""
    from .stats import KaplanMeier
    km = fit if isinstance(fit, KaplanMeier) else getattr(fit, "kaplan_meier", None)
    if km is None:
        raise ValueError("iptkit.plot.survival: the fit has no subjects at risk, so there is no curve to draw"
                         + (f" ({'; '.join(fit.notes)})" if hasattr(fit, "notes") else ""))
    table = km.table
    ax = _new_axes(ax, (6.4, 4.4))
    groups = list(dict.fromkeys(str(g) for g in table["group"]))
    top = float(table["time"].max()) if len(table) else 1.0
    for i, group in enumerate(groups):
        rows = table[table["group"] == group]
        colour, dash = _COLOURS[i % len(_COLOURS)], _DASHES[i % len(_DASHES)]
        t = np.concatenate([[0.0], rows["time"].to_numpy(dtype=float)])
        s = np.concatenate([[1.0], rows["survival"].to_numpy(dtype=float)])
        n = int(rows["at_risk"].iloc[0]) if len(rows) else 0
        events = int(rows["events"].sum())
        ax.step(t, s, where="post", color=colour, linestyle=dash, linewidth=2, label=f"{group} (n={n}, events {events})",
                gid=f"curve:{group}")
        if band:
            lo = np.concatenate([[1.0], rows["lower"].to_numpy(dtype=float)])
            hi = np.concatenate([[1.0], rows["upper"].to_numpy(dtype=float)])
            ax.fill_between(t, np.nan_to_num(lo, nan=0.0), np.nan_to_num(hi, nan=1.0), step="post", color=colour,
                            alpha=0.15, linewidth=0, gid=f"band:{group}")
        censored = rows[rows["censored"] > 0]
        ax.plot(censored["time"], censored["survival"], linestyle="none", marker="+", markersize=8, color=colour,
                gid=f"censored:{group}")
    ax.set_xlim(0, top * 1.02)
    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
    ax.set_xlabel("days since the end of the acute course")
    ax.set_ylabel(ylabel)
    ax.grid(color="#dde3ea", linewidth=0.8)
    ax.legend(loc="lower left", frameon=False)
    logrank = getattr(fit, "logrank", None)
    title = [f"analysis set {fit.analysis_set}"] if hasattr(fit, "analysis_set") else []
    if logrank is not None:
        title.append(f"log-rank chi2 = {logrank.statistic:.2f}, df {logrank.df}, p = {logrank.pvalue:.3g}")
    if title:
        ax.set_title("; ".join(title), fontsize=10)
    if at_risk:
        # Numbers at risk at each x tick: the subjects with time >= the tick.
        ticks = [x for x in ax.get_xticks() if 0 <= x <= top * 1.02]
        transform = blended_transform_factory(ax.transData, ax.transAxes)
        for i, group in enumerate(groups):
            rows = table[table["group"] == group]
            first = int(rows["at_risk"].iloc[0]) if len(rows) else 0
            for x in ticks:
                later = rows[rows["time"] >= x]
                count = int(later["at_risk"].iloc[0]) if len(later) else 0
                ax.text(x, -0.2 - 0.06 * i, str(count if x > 0 else first), transform=transform, ha="center",
                        va="top", fontsize=8, color=_COLOURS[i % len(_COLOURS)], gid=f"at_risk:{group}")
        ax.text(0, -0.2 - 0.06 * len(groups), "at risk", transform=transform, ha="left", va="top", fontsize=8,
                color=_MUTED)
    return ax
