"""Small inline SVG charts for the HTML report: no script, no file, no font to load.

SVG written into the page is markup like the rest of it, so the report's
Content-Security-Policy (no scripts, no images, inline styles only) holds:
these charts are rectangles, circles and text, every label escaped. Each
chart carries a ``<title>`` and an ``aria-label`` for screen readers, and a
table beside it holds the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from claims.reports.summary import Count
from claims.reports.text import number

BAR_COLOURS = {
    "true": "#3a8a3a",
    "mostly-true": "#7bb86f",
    "misleading": "#d9a441",
    "mostly-false": "#d9763f",
    "false": "#c0392b",
}
OTHER_COLOUR = "#8a8a8a"
WIDTH = 420
LABEL_WIDTH = 130
ROW = 18


def _svg(height: int, label: str, body: str) -> Markup:
    return Markup(  # noqa: S704 - every text inside went through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(label)}" '
        f'class="chart"><title>{escape(label)}</title>{body}</svg>'
    )


def verdict_chart(counts: Sequence[Count]) -> Markup:
    """Horizontal bars: claims per rating, the scale's order."""
    top = max((c.count for c in counts), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 40
    rows = []
    for i, c in enumerate(counts):
        y = i * ROW
        width = round(span * c.count / top)
        colour = BAR_COLOURS.get(c.key, OTHER_COLOUR)
        rows.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end" font-size="12">'
            f"{escape(c.label)}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="{ROW - 6}" '
            f'fill="{colour}"/>'
            f'<text x="{LABEL_WIDTH + width + 4}" y="{y + 13}" font-size="12">{c.count}</text>'
        )
    return _svg(len(counts) * ROW + 2, "Claims by verdict", "".join(rows))


@dataclass(frozen=True)
class FigureComparison:
    """One claimed figure against what the evidence says."""

    surface: str
    low: float
    high: float
    found: tuple[tuple[str, float], ...]
    """(as written in the evidence, value) of each evidence figure compared with it."""


def figure_comparisons(claim: dict[str, Any]) -> list[FigureComparison]:
    """The claim's figures that live evidence was cross-checked against, with the
    interval claimed (a lone value is an interval of one point)."""
    found: dict[str, list[tuple[str, float]]] = {}
    for e in claim["evidence"]:
        if e["removed"]:
            continue
        for x in e.get("crosscheck") or ():
            claimed, evidence = x.get("claimed") or {}, x.get("evidence") or {}
            value = evidence.get("value")
            if value is None:
                value = evidence.get("low")
            if claimed.get("surface") and isinstance(value, int | float):
                found.setdefault(claimed["surface"], []).append(
                    (str(evidence.get("surface") or number(value)), float(value))
                )
    out = []
    for q in claim["quantities"]:
        low = q["low"] if q["low"] is not None else q["value"]
        high = q["high"] if q["high"] is not None else q["value"]
        if low is None or high is None or q["surface"] not in found:
            continue
        out.append(FigureComparison(q["surface"], low, high, tuple(found[q["surface"]])))
    return out


def figure_chart(comparisons: Sequence[FigureComparison]) -> Markup:
    """Per figure, on its own axis: the claimed interval (a bar) and each evidence
    figure (a dot), so a reader sees at once whether the evidence falls inside."""
    rows = []
    span = WIDTH - LABEL_WIDTH - 20
    height = 2 * ROW
    for i, c in enumerate(comparisons):
        values = [c.low, c.high, *(v for _, v in c.found)]
        lo, hi = min(values), max(values)
        pad = (hi - lo) * 0.1 or abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad

        def x(v: float, lo: float = lo, hi: float = hi) -> float:
            return round(LABEL_WIDTH + span * (v - lo) / (hi - lo), 1)

        y = i * height
        left, right = x(c.low), x(c.high)
        rows.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end" font-size="12">'
            f"{escape(c.surface)}</text>"
            f'<line x1="{LABEL_WIDTH}" y1="{y + 10}" x2="{LABEL_WIDTH + span}" y2="{y + 10}" '
            f'stroke="#ccc"/>'
            f'<rect x="{left - 1 if right - left < 2 else left}" y="{y + 4}" '
            f'width="{max(right - left, 2)}" height="12" fill="#4a6fa5" opacity=".6">'
            f"<title>claimed {escape(number(c.low))} – {escape(number(c.high))}</title></rect>"
        )
        for surface, value in c.found:
            rows.append(
                f'<circle cx="{x(value)}" cy="{y + 10}" r="4" fill="#c0392b">'
                f"<title>evidence: {escape(surface)}</title></circle>"
            )
        rows.append(
            f'<text x="{LABEL_WIDTH}" y="{y + 30}" font-size="10" fill="#555">'
            f"claimed {escape(number(c.low))}–{escape(number(c.high))}; evidence "
            f"{escape(', '.join(s for s, _ in c.found))}</text>"
        )
    return _svg(len(comparisons) * height, "Claimed figures against the evidence", "".join(rows))
