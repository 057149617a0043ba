"""One evidence item in full, as the evidence detail dialog shows it.

Everything quoted here comes from fetched pages: it goes through
``literal``/``safe`` and is never read as markup.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from claims.review.evidence import EvidenceView
from claims.review.queries import paragraph_around
from tui.terminal_text import literal

RESULT_STYLES = {"within": "green", "outside": "red", "not_comparable": "yellow"}


def figure_text(figure: dict[str, Any] | None) -> str:
    """A figure as "surface (value, unit)", or its interval when it has bounds."""
    if not figure:
        return "—"
    surface = str(figure.get("surface", "?"))
    low, high, value = figure.get("low"), figure.get("high"), figure.get("value")
    unit = f" {figure['unit']}" if figure.get("unit") else ""
    if low is not None or high is not None:
        shown = f"{_bound(low)}–{_bound(high)}"
    elif value is not None:
        shown = _number(value)
    else:
        return surface
    return f"{surface} ({shown}{unit})"


def _bound(value: object) -> str:
    return "…" if value is None else _number(value)


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int | float):
        return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def crosscheck_detail(check: dict[str, Any]) -> Text:
    """One comparison in full: claimed, found, result, deviation and the rule that decided."""
    result = str(check.get("result", "?"))
    out = Text()
    out.append("claimed   ", style="dim")
    out.append_text(literal(figure_text(check.get("claimed"))))
    out.append("\nevidence  ", style="dim")
    out.append_text(literal(figure_text(check.get("evidence"))))
    out.append("\nresult    ", style="dim")
    out.append(result.replace("_", " "), style=RESULT_STYLES.get(result, "yellow"))
    deviation = check.get("deviation")
    if isinstance(deviation, int | float):
        out.append(f", off by {deviation:.1%}")
    if check.get("reason"):
        out.append("\nrule      ", style="dim")
        out.append_text(literal(str(check["reason"])))
    return out


def evidence_detail_text(ev: EvidenceView) -> Text:
    """The quote in its paragraph, each cross-check in full, stance and note."""
    e = ev.evidence
    out = Text()
    out.append(f"Evidence {e.id}  ", style="bold")
    out.append(e.stance, style="bold")
    if ev.removed:
        out.append("  (withdrawn)", style="red")
    out.append("\n")
    out.append_text(literal(f"{ev.source.url}  · snapshot {ev.snapshot.id}", style="dim"))
    out.append("\n\n")
    paragraph, start, end = paragraph_around(ev.snapshot.text, e.start, e.end)
    out.append_text(literal(paragraph[:start]))
    out.append_text(literal(paragraph[start:end], style="bold reverse"))
    out.append_text(literal(paragraph[end:]))
    out.append("\n\nCross-check\n", style="bold")
    if not e.crosscheck:
        out.append("no figures compared", style="dim")
    for n, check in enumerate(e.crosscheck):
        if n:
            out.append("\n\n")
        out.append_text(crosscheck_detail(check))
    out.append("\n\nNote  ", style="bold")
    out.append_text(literal(e.note) if e.note else Text("none", style="dim"))
    out.append_text(literal(f"\nadded by {e.added_by}", style="dim"))
    return out
