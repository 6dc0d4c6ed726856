"""Forest-plot geometry for hazard ratios (pure; the template draws the SVG).

Rows are grouped by trial and endpoint; the x axis is logarithmic (a HR of 0.5 and of 2 are
equally far from 1), with a dashed reference line at HR = 1. CIs running off the axis are
clipped and drawn with an arrow cap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from her2mine.web.highlight import format_number

TICK_CANDIDATES = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 10, 20, 50, 100)
COARSE_TICKS = (0.01, 0.1, 0.2, 0.5, 1, 2, 5, 10, 100)
DOMAIN = (0.01, 100.0)


@dataclass(frozen=True)
class ForestInput:
    trial: str | None
    endpoint: str
    hr: float
    ci_low: float | None
    ci_high: float | None
    label: str  # e.g. "Baselga 2012" (work) and arm when the HR is arm-specific
    href: str  # link to the evidence detail
    status: str  # review_status (colour of the point)
    p: str | None = None


@dataclass(frozen=True)
class ForestRow:
    y: float
    x: float
    x_lo: float | None
    x_hi: float | None
    clipped_lo: bool
    clipped_hi: bool
    label: str
    estimate: str  # "0.62 (0.51–0.75)"
    href: str
    status: str


@dataclass
class ForestLayout:
    width: int
    height: int
    plot_left: int
    plot_right: int
    axis_y: float
    top: float
    ref_x: float
    ticks: list[tuple[float, str]] = field(default_factory=list)
    groups: list[tuple[float, str]] = field(default_factory=list)
    rows: list[ForestRow] = field(default_factory=list)


def _domain(items: list[ForestInput]) -> tuple[float, float]:
    # Always show some room on both sides of HR = 1, so "favours" halves are visible.
    values = [1 / 1.5, 1.5]
    for it in items:
        values += [v for v in (it.hr, it.ci_low, it.ci_high) if v is not None and v > 0]
    lo = max(DOMAIN[0], min(values) / 1.15)
    hi = min(DOMAIN[1], max(values) * 1.15)
    return lo, hi


def _ticks(lo: float, hi: float) -> list[float]:
    ticks = [t for t in TICK_CANDIDATES if lo <= t <= hi]
    if len(ticks) > 9:
        ticks = [t for t in COARSE_TICKS if lo <= t <= hi]
    return ticks


def forest_layout(
    items: list[ForestInput],
    *,
    label_width: int = 300,
    plot_width: int = 440,
    text_width: int = 170,
    row_height: int = 22,
    group_height: int = 28,
    top: int = 34,
    bottom: int = 46,
) -> ForestLayout:
    """Place each HR on a log axis; groups (trial · endpoint) in first-seen order."""
    lo, hi = _domain(items)
    left, right = label_width, label_width + plot_width
    span = math.log(hi) - math.log(lo)

    def x_of(v: float) -> float:
        v = min(max(v, lo), hi)
        return round(left + (math.log(v) - math.log(lo)) / span * plot_width, 2)

    grouped: dict[tuple[str, str], list[ForestInput]] = {}
    for it in items:
        grouped.setdefault((it.trial or "(no trial)", it.endpoint), []).append(it)

    layout = ForestLayout(
        width=right + text_width,
        height=0,
        plot_left=left,
        plot_right=right,
        axis_y=0,
        top=top,
        ref_x=x_of(1.0),
    )
    y = float(top)
    for (trial, endpoint), group in grouped.items():
        y += group_height
        layout.groups.append((y - 8, f"{trial} · {endpoint}"))
        for it in group:
            y += row_height
            ci = ""
            if it.ci_low is not None and it.ci_high is not None:
                ci = f" ({format_number(it.ci_low)}–{format_number(it.ci_high)})"
            layout.rows.append(
                ForestRow(
                    y=y - row_height / 2,
                    x=x_of(it.hr),
                    x_lo=x_of(it.ci_low) if it.ci_low and it.ci_low > 0 else None,
                    x_hi=x_of(it.ci_high) if it.ci_high and it.ci_high > 0 else None,
                    clipped_lo=bool(it.ci_low is not None and it.ci_low < lo),
                    clipped_hi=bool(it.ci_high is not None and it.ci_high > hi),
                    label=it.label,
                    estimate=format_number(it.hr) + ci,
                    href=it.href,
                    status=it.status,
                )
            )
    layout.axis_y = y + 8
    layout.ticks = [(x_of(t), format_number(t)) for t in _ticks(lo, hi)]
    layout.height = int(y + bottom)
    return layout
