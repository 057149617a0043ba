"""Small wordings shared by the reports people read (Markdown and HTML)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from claims.review.statuses import STATUS_LABELS


def is_web_link(url: str | None) -> bool:
    """Only http(s) addresses become links; anything else (javascript:, data:…) stays text."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def number(value: float | None) -> str:
    if value is None:
        return "…"
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.6g}"


def percent(deviation: float | None) -> str:
    return "" if deviation is None else f"{deviation:+.1%}"


def published_by(article: dict[str, Any]) -> str:
    """Who published the article and when, as its page says: "Karim Alaoui, Le
    Journal, 2026-03-02T08:30:00+01:00" (each part only when the page gives it)."""
    parts = [article.get("byline"), article.get("site_name"), article.get("published")]
    return ", ".join(str(p) for p in parts if p)


def status_label(status: str | None) -> str:
    """A review status as the summary names it ("needs re-check", not "needs_recheck")."""
    return STATUS_LABELS.get(status or "new", status or "new")


def result_words(result: str | None) -> str:
    """A cross-check's result as a reader says it ("not comparable"), as the TUI shows it."""
    return (result or "").replace("_", " ")


def filters(selection: dict[str, Any]) -> list[tuple[str, str]]:
    """The filters a report was made with, as (name, value) pairs, empty ones left out."""
    out = []
    for name, value in selection.items():
        if value in (None, [], ""):
            continue
        out.append((name, ", ".join(map(str, value)) if isinstance(value, list) else str(value)))
    return out
