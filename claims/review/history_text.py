"""A claim's history in words: one line per event, figures written as figures.

The command line, the Markdown and HTML reports and the TUI show history
through :func:`describe_event` (what happened) or :func:`event_line`
(version, time and reviewer too). Both take the JSON form of an event
(:func:`claims.review.events.event_json`), which is what reports hold.
The result is plain text: callers escape it for their medium, as it quotes
fetched passages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from claims.review.statuses import STATUS_LABELS

QUOTE_CHARS = 80
"""Characters of a quoted passage kept in a history line."""


def number(value: Any) -> str:
    """20000.0 -> "20,000"; 1.5 -> "1.5"; None -> "none"."""
    if value is None:
        return "none"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"


def _quote(text: Any) -> str:
    words = " ".join(str(text or "").split())
    if len(words) > QUOTE_CHARS:
        words = words[: QUOTE_CHARS - 1].rstrip() + "…"
    return f"«{words}»"


def _status(value: Any) -> str:
    return STATUS_LABELS.get(str(value), str(value))


def _figures(figures: Any) -> str:
    if not figures:
        return "no figures"
    return ", ".join(str(f.get("surface") or number(f.get("value"))) for f in figures)


def _figure_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    parts = []
    for name, new in after.items():
        old = before.get(name)
        shown = number if name in ("value", "low", "high") else (lambda v: str(v or "none"))
        parts.append(f"{name} {shown(old)} → {shown(new)}")
    return "; ".join(parts)


def _verdict(event: Mapping[str, Any]) -> str:
    after, before = event.get("after") or {}, event.get("before")
    whom = "" if not event.get("target") else f" on {_target(event['target'])}"
    said = f"rated{whom} {after.get('label') or after.get('rating')}"
    if isinstance(before, dict):
        said += f" (was {before.get('label') or before.get('rating')})"
    return said


def _target(target: str) -> str:
    kind, _, n = target.partition(":")
    return f"figure {n}" if kind == "figure" else target


def _correct(event: Mapping[str, Any]) -> str:
    target = str(event.get("target") or "")
    before, after = event.get("before"), event.get("after")
    if target == "claimant":
        return f"corrected the claimant: {before or 'the article'} → {after or 'the article'}"
    if target == "span":
        old = before or {}
        new = after or {}
        return (
            f"corrected the span: {old.get('start')}-{old.get('end')} → "
            f"{new.get('start')}-{new.get('end')} {_quote(new.get('text'))}"
        )
    if target.startswith("figure:") and isinstance(after, dict):
        fields = _figure_fields(before if isinstance(before, dict) else {}, after)
        return f"corrected {_target(target)}: {fields}"
    return f"corrected {target}"


def _group(event: Mapping[str, Any]) -> str:
    before, after = event.get("before"), event.get("after")
    if after is None:
        return f"left group {before}"
    if before is None:
        return f"joined group {after}"
    return f"moved from group {before} to group {after}"


def _changed(event: Mapping[str, Any]) -> str:
    before, after = event.get("before") or {}, event.get("after") or {}
    what = f"evidence {event.get('evidence_id')}" if event.get("evidence_id") else "the sentence"
    state = after.get("status")
    if state == "vanished" or after.get("quote") is None:
        where = after.get("source", "its page")
        return f"{what} is gone from {where}: was {_quote(before.get('quote'))}"
    line = (
        f"{what} {state or 'changed'}: {_quote(before.get('quote'))} → {_quote(after.get('quote'))}"
    )
    if _figures(before.get("figures")) != _figures(after.get("figures")):
        line += f"; figures {_figures(before.get('figures'))} → {_figures(after.get('figures'))}"
    return line


def _what(event: Mapping[str, Any]) -> str:
    action = event.get("action")
    before, after = event.get("before"), event.get("after")
    if action == "verdict":
        return _verdict(event)
    if action == "status":
        return f"status {_status(before)} → {_status(after)}"
    if action == "note":
        return "added a note"
    if action == "assign":
        return f"assigned to {after}" if after else f"unassigned (was {before or 'nobody'})"
    if action == "evidence_added" and isinstance(after, dict):
        return (
            f"linked evidence {event.get('evidence_id')} ({after.get('stance')}) "
            f"{_quote(after.get('quote'))} from {after.get('source')}"
        )
    if action == "evidence_removed":
        return f"withdrew evidence {event.get('evidence_id')}"
    if action in ("evidence_changed", "source_changed"):
        return _changed(event)
    if action == "correct":
        return _correct(event)
    if action == "claim_added" and isinstance(after, dict):
        return f"added the claim by hand (snapshot {after.get('snapshot_id')})"
    if action == "group":
        return _group(event)
    return str(action)


def describe_event(event: Mapping[str, Any]) -> str:
    """What the event did, in words, with its text (rationale, note, reason)."""
    what = _what(event)
    text = event.get("text")
    if text and event.get("action") not in ("evidence_changed", "source_changed", "claim_added"):
        what += f": {text}" if event.get("action") == "note" else f" — {text}"
    return " ".join(what.split())


def event_line(event: Mapping[str, Any]) -> str:
    """``v3  2026-11-30 16:40  alice  rated False — the rationale``."""
    at = str(event.get("at") or "")[:16].replace("T", " ")
    return f"v{event.get('version')}  {at}  {event.get('reviewer')}  {describe_event(event)}"


def history_lines(events: Sequence[Mapping[str, Any]]) -> list[str]:
    return [event_line(e) for e in events]
