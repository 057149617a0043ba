"""One evidence item in full, as the evidence detail dialog shows it.

Everything quoted here comes from fetched pages: it goes through
``literal``/``safe`` and is never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from claims.review.evidence import EvidenceView
from claims.review.freshness import ThenAndNow
from claims.review.queries import paragraph_around
from tui.terminal_text import literal

RESULT_STYLES = {"within": "green", "outside": "red", "not_comparable": "yellow"}
"""The colour of each cross-check result (``claims.text.crosscheck.compare.Result``)."""


def check_result(result: str) -> Text:
    """A cross-check's result as every screen shows it: "not comparable", coloured."""
    return Text(result.replace("_", " "), style=RESULT_STYLES.get(result, "yellow"))


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
    out.append_text(check_result(result))
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


SIDE_BY_SIDE = 100
"""Screen width from which the linked and the present passage stand in two columns."""

FRESHNESS_STYLES = {"moved": "yellow", "changed": "bold red", "gone": "bold red"}


def checks_summary(checks: list[dict[str, Any]] | None) -> Text:
    """Each comparison on one line: claimed → found: outcome, deviation."""
    if checks is None:
        return Text("not re-checked", style="dim")
    if not checks:
        return Text("no figures compared", style="dim")
    out = Text()
    for n, check in enumerate(checks):
        if n:
            out.append("\n")
        claimed = (check.get("claimed") or {}).get("surface", "?")
        found = (check.get("evidence") or {}).get("surface", "—")
        result = str(check.get("result", "?"))
        out.append_text(literal(f"{claimed} → {found}: "))
        out.append_text(check_result(result))
        deviation = check.get("deviation")
        if isinstance(deviation, int | float):
            out.append(f", off by {deviation:.1%}")
    return out


def _version(label: str, quote: str | None, checks: list[dict[str, Any]] | None) -> Text:
    out = Text(f"{label}\n", style="bold")
    out.append_text(literal(f"«{quote}»") if quote is not None else Text("—", style="dim"))
    out.append("\n")
    out.append_text(checks_summary(checks))
    return out


def then_and_now_text(
    evidence_id: int, change: ThenAndNow, stamp: Callable[[datetime | None], str], width: int
) -> RenderableType:
    """One evidence item whose passage moved, changed or went: as linked beside
    as it reads now (two columns from ``SIDE_BY_SIDE`` columns, stacked below)."""
    head = Text(f"Evidence {evidence_id}  ", style="bold")
    head.append(change.state.upper(), style=FRESHNESS_STYLES.get(change.state, ""))
    head.append(f" since {stamp(change.changed_at)}", style="dim")
    if change.state == "gone":
        head.append("  the passage is no longer in its page", style="bold")
    then = _version("as linked", change.then_quote, change.then_crosscheck)
    if change.state == "gone":
        return Group(head, then)
    now = _version(
        "now" if change.state == "changed" else "now (same words, elsewhere in the page)",
        change.now_quote,
        change.now_crosscheck,
    )
    if width < SIDE_BY_SIDE:
        return Group(head, then, now)
    columns = Table.grid(expand=True, padding=(0, 2))
    columns.add_column(ratio=1)
    columns.add_column(ratio=1)
    columns.add_row(then, now)
    return Group(head, columns)
