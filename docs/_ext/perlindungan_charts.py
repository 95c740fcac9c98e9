# noqa: INP001 - a Sphinx extension module loaded from docs/_ext, not a package
"""Step charts of a parameter's values over time, as small standalone SVG files.

Drawn from the regulation data when the site is built, with no plotting library and no
network: a value holds from the day it takes effect until the next one (a step), so the
chart is a sequence of horizontal segments. Coordinates are computed with ``Decimal`` and
rounded to a tenth of a pixel, so the same data always gives the same file.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape

import attrs

WIDTH = 640
HEIGHT = 190
LEFT = 92
RIGHT = 16
TOP = 14
BOTTOM = 30
_TENTH = Decimal("0.1")


@attrs.frozen
class Step:
    """One value on the chart: ``value`` from ``start`` to ``end`` (``None``: still open)."""

    start: _dt.date
    end: _dt.date | None
    value: Decimal


def _px(value: Decimal) -> str:
    return str(value.quantize(_TENTH))


def _years(first: _dt.date, last: _dt.date) -> list[int]:
    span = last.year - first.year
    step = 1 if span <= 8 else 2 if span <= 16 else 5
    start = first.year + (1 if (first.month, first.day) != (1, 1) else 0)
    return [y for y in range(start, last.year + 1) if (y - start) % step == 0]


def step_chart(
    steps: Sequence[Step],
    label: Callable[[Decimal], str],
    *,
    title: str,
    today: _dt.date,
) -> str:
    """An SVG step chart of ``steps``; ``label`` formats a value for the axis and the notes.

    The last open step runs to ``today`` or three years after it starts, whichever is later.
    """
    first = steps[0].start
    open_end = max(today, _dt.date(steps[-1].start.year + 3, steps[-1].start.month, 1))
    last = max([s.end or open_end for s in steps])
    top_value = max(s.value for s in steps)
    top_value = top_value if top_value > 0 else Decimal(1)
    plot_w = Decimal(WIDTH - LEFT - RIGHT)
    plot_h = Decimal(HEIGHT - TOP - BOTTOM)
    days = Decimal(max((last - first).days, 1))

    def x(day: _dt.date) -> Decimal:
        return Decimal(LEFT) + plot_w * Decimal((day - first).days) / days

    def y(value: Decimal) -> Decimal:
        return Decimal(TOP) + plot_h - plot_h * value / (top_value * Decimal("1.08"))

    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'role="img" aria-label="{escape(title)}" font-family="sans-serif" font-size="12">'
        ),
        f"<title>{escape(title)}</title>",
        (
            "<style>text{fill:#555}.axis{stroke:#999}.grid{stroke:#ddd}"
            ".line{stroke:#1f6fd1;stroke-width:2.5;fill:none}.open{stroke-dasharray:5 4}"
            ".dot{fill:#1f6fd1}"
            "@media (prefers-color-scheme:dark){text{fill:#ccc}.grid{stroke:#444}}</style>"
        ),
    ]
    base = Decimal(TOP) + plot_h
    out.append(
        f'<line class="axis" x1="{LEFT}" y1="{_px(base)}" x2="{WIDTH - RIGHT}" y2="{_px(base)}"/>'
    )
    values = sorted({s.value for s in steps})
    shown = values if len(values) <= 4 else [values[0], values[len(values) // 2], values[-1]]
    for value in [Decimal(0), *shown] if values[0] != 0 else shown:
        level = y(value)
        out.append(
            f'<line class="grid" x1="{LEFT}" y1="{_px(level)}" x2="{WIDTH - RIGHT}" '
            f'y2="{_px(level)}"/>'
        )
        out.append(
            f'<text x="{LEFT - 6}" y="{_px(level + 4)}" text-anchor="end">'
            f"{escape(label(value))}</text>"
        )
    for year in _years(first, last):
        at = x(_dt.date(year, 1, 1))
        out.append(
            f'<line class="axis" x1="{_px(at)}" y1="{_px(base)}" x2="{_px(at)}" '
            f'y2="{_px(base + 4)}"/>'
        )
        out.append(f'<text x="{_px(at)}" y="{_px(base + 18)}" text-anchor="middle">{year}</text>')
    for index, step in enumerate(steps):
        start = x(step.start)
        end = x(step.end or open_end)
        level = y(step.value)
        css = "line open" if step.end is None else "line"
        out.append(
            f'<line class="{css}" x1="{_px(start)}" y1="{_px(level)}" x2="{_px(end)}" '
            f'y2="{_px(level)}"/>'
        )
        out.append(f'<circle class="dot" cx="{_px(start)}" cy="{_px(level)}" r="3.5"/>')
        following = steps[index + 1] if index + 1 < len(steps) else None
        if following is not None and following.start == step.end:
            out.append(
                f'<line class="line" x1="{_px(end)}" y1="{_px(level)}" x2="{_px(end)}" '
                f'y2="{_px(y(following.value))}" stroke-opacity="0.35"/>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"
