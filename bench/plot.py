"""Time against spec size, one line per tool, as a self-contained SVG (log-log axes: a
straight line of slope 1 is linear scaling; no plotting library needed)."""

from __future__ import annotations

import math
from html import escape

WIDTH, HEIGHT = 720, 460
LEFT, RIGHT, TOP, BOTTOM = 70, 190, 30, 50
COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def _decades(low: float, high: float) -> list[float]:
    return [10.0**e for e in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)]


def _label(value: float) -> str:
    return f"{value:g}" if value >= 1 else f"{value:.2g}"


def time_vs_size_svg(points: dict[str, list[tuple[int, float]]]) -> str:
    """points: tool -> [(operations, median wall seconds)]."""
    xs = [x for series in points.values() for x, _ in series if x > 0]
    ys = [y for series in points.values() for _, y in series if y > 0]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'font-family="sans-serif" font-size="12">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>']
    if not xs or not ys:
        parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">no data</text></svg>')
        return "\n".join(parts) + "\n"
    x_ticks, y_ticks = _decades(min(xs), max(xs)), _decades(min(ys), max(ys))
    x0, x1 = math.log10(x_ticks[0]), math.log10(x_ticks[-1])
    y0, y1 = math.log10(y_ticks[0]), math.log10(y_ticks[-1])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x: float) -> float:
        return LEFT + (math.log10(x) - x0) / ((x1 - x0) or 1) * plot_w

    def py(y: float) -> float:
        return TOP + plot_h - (math.log10(y) - y0) / ((y1 - y0) or 1) * plot_h

    for tick in x_ticks:
        parts.append(f'<line x1="{px(tick):.1f}" y1="{TOP}" x2="{px(tick):.1f}" y2="{TOP + plot_h}" stroke="#ddd"/>')
        parts.append(f'<text x="{px(tick):.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">{_label(tick)}</text>')
    for tick in y_ticks:
        parts.append(f'<line x1="{LEFT}" y1="{py(tick):.1f}" x2="{LEFT + plot_w}" y2="{py(tick):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{py(tick) + 4:.1f}" text-anchor="end">{_label(tick)}</text>')
    parts.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333"/>')
    parts.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 12}" text-anchor="middle">'
                 "operations in the spec (log)</text>")
    parts.append(f'<text transform="translate(16 {TOP + plot_h / 2}) rotate(-90)" text-anchor="middle">'
                 "wall time, s (log; median, cold)</text>")
    for index, (tool, series) in enumerate(sorted(points.items())):
        color = COLORS[index % len(COLORS)]
        ordered = sorted((x, y) for x, y in series if x > 0 and y > 0)
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in ordered)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for x, y in ordered:
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{color}">'
                         f"<title>{escape(tool)}: {x} operations, {y:.2f} s</title></circle>")
        legend_y = TOP + 10 + index * 20
        parts.append(f'<line x1="{LEFT + plot_w + 15}" y1="{legend_y}" x2="{LEFT + plot_w + 40}" '
                     f'y2="{legend_y}" stroke="{color}" stroke-width="2"/>')
        parts.append(f'<text x="{LEFT + plot_w + 46}" y="{legend_y + 4}">{escape(tool)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
