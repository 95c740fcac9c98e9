"""Drawing :class:`~perlindungan.regional._charts.Chart` objects with matplotlib (the
``plot`` extra), and the self-contained HTML page (inline SVG; nothing is fetched when the
page is opened).

Every drawn bar carries its series code and category index as its SVG ``id``
(``series-<code>-<index>``; reference lines ``reference-<code>``; the page's data tables
have ``data-code`` rows), so a reader or a
test can find the series without reading pixels. Values are converted to floats here only
to place bars on a drawing; every figure printed stays exact.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perlindungan._i18n import N_, translate
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

if TYPE_CHECKING:
    from perlindungan.regional._charts import Chart

__all__ = ["html_page", "svg", "write_files"]

_L_FIGURES = N_("Figures")
_STYLE = (
    "<style>body{font-family:sans-serif;max-width:70em;margin:auto}"
    "section{margin:1em 0}svg{max-width:100%;height:auto}"
    "table{border-collapse:collapse;font-size:small}"
    "td,th{border:1px solid #ccc;padding:2px 4px}"
    "pre{background:#f6f6f6;padding:1em;overflow:auto}</style></head><body>"
)
_L_NO_DATA = N_("no data")


def _pyplot() -> Any:  # noqa: ANN401 - matplotlib.pyplot, imported only when drawing
    try:
        import matplotlib  # noqa: PLC0415

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError:
        raise InvalidInputError(
            Message(
                "charts need matplotlib: install the plot extra, pip install 'perlindungan[plot]'."
            ),
            field="format",
        ) from None
    return plt


def _figure(chart: Chart) -> Any:  # noqa: ANN401 - a matplotlib Figure
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(chart.categories) + 3), 4.0))
    x = list(range(len(chart.categories)))
    n = max(len(chart.series), 1)
    width = 0.8 if chart.kind == "stacked" else 0.8 / n
    bottoms = [0.0] * len(x)
    for i, s in enumerate(chart.series):
        values = [float(v) for v in s.values]
        if chart.kind == "stacked":
            bars = ax.bar(x, values, width, bottom=bottoms, label=s.label)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        else:
            offset = [p - 0.4 + width * (i + 0.5) for p in x]
            bars = ax.bar(offset, values, width, label=s.label)
        for j, patch in enumerate(bars.patches):
            patch.set_gid(f"series-{s.code}-{j}")
    for code, label, value in chart.references:
        line = ax.axhline(float(value), linestyle="--", linewidth=1.2, label=label, color="black")
        line.set_gid(f"reference-{code}")
    ax.set_title(chart.title)
    ax.set_ylabel(chart.y_label)
    ax.set_xticks(
        x,
        chart.categories,
        rotation=45 if len(x) > 6 else 0,
        ha="right" if len(x) > 6 else "center",
    )
    if chart.series or chart.references:
        ax.legend(fontsize="small")
    fig.tight_layout()
    return fig


def _render(chart: Chart, fmt: str) -> bytes:
    plt = _pyplot()
    fig = _figure(chart)
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {}
    fig.savefig(buffer, format=fmt, metadata=metadata)
    plt.close(fig)
    return buffer.getvalue()


def svg(chart: Chart) -> str:
    """The chart as SVG text (no external references)."""
    text = _render(chart, "svg").decode("utf-8")
    return text[text.index("<svg") :]


def write_files(charts: list[Chart], folder: Path) -> list[Path]:
    """Write ``<id>.svg`` and ``<id>.png`` for each chart; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for chart in charts:
        for fmt in ("svg", "png"):
            path = folder / f"{chart.id}.{fmt}"
            path.write_bytes(_render(chart, fmt))
            out.append(path)
    return out


def _table(chart: Chart, locale: str) -> str:
    if not chart.series:
        return f"<p>{html.escape(translate(_L_NO_DATA, locale))}</p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in chart.categories)
    rows = []
    for s in chart.series:
        cells = "".join(f"<td>{v.normalize():f}</td>" for v in s.values)
        rows.append(
            f'<tr data-code="{html.escape(s.code)}"><th>{html.escape(s.label)}</th>{cells}</tr>'
        )
    return f"<details><summary>data</summary><table><tr><th></th>{head}</tr>{''.join(rows)}</table></details>"


def html_page(title: str, charts: list[Chart], text: str, locale: str = "id_ID") -> str:
    """One HTML page: each chart inline as SVG with its data table, then ``text``."""
    lang = "en" if locale.startswith("en") else "id"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>',
        _STYLE,
        f"<h1>{html.escape(title)}</h1>",
    ]
    for chart in charts:
        parts.append(f'<section id="{html.escape(chart.id)}"><h2>{html.escape(chart.title)}</h2>')
        parts.append(svg(chart))
        parts.append(_table(chart, locale))
        parts.append("</section>")
    parts.append(f"<h2>{html.escape(translate(_L_FIGURES, locale))}</h2>")
    parts.append(f"<pre>{html.escape(text)}</pre></body></html>")
    return "\n".join(parts) + "\n"
