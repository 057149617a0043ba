"""A claim's dossier as Rich ``Text``: head line, context, provenance, figures, history.

Pure functions from ``claims.review.dossier.Dossier`` to ``Text``; every string that came
from a fetch goes through ``literal`` (no markup, no escapes).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from rich.text import Text

from claims.factchecks import Match, dossier_section
from claims.review.dossier import Dossier
from claims.review.evidence import EvidenceView
from claims.review.history_text import describe_event
from claims.review.queries import paragraph_around
from claims.review.statuses import STATUS_LABELS
from sources.pages import page_label, page_of
from tui.terminal_text import literal
from tui.widgets.evidence_text import check_result
from tui.widgets.formatting import figure

TimeText = Callable[[datetime | None], str]
"""How the screen shows a time (``Desk.stamp``, ``Desk.age``): fixed or hidden in tests."""

STANCE_STYLES = {"supports": "green", "refutes": "red", "context": "cyan"}


def head_text(d: Dossier) -> Text:
    view, claim = d.view, d.view.claim
    verdict = d.verdicts.get(None)
    head = Text.assemble(
        (f"Claim {claim.id}", "bold"),
        f"  ·  {claim.kind}  ·  ",
        (STATUS_LABELS.get(view.status, view.status), "bold"),
        "  ·  verdict ",
        (verdict["label"] if verdict else "—", "bold"),
        f"  ·  version {view.state.version}",
    )
    if view.state.assignee:
        head.append("  ·  assigned to ")
        head.append_text(literal(view.state.assignee))
    return head


def cited_source(ev: EvidenceView) -> str:
    """Where an evidence quote stands: its page first ("p. 2 · URL", for a PDF),
    so that a narrow column cuts the address, not the page."""
    page = page_of(ev.snapshot.media_type, ev.snapshot.text, ev.evidence.start)
    return f"{page_label(page)} · {ev.source.url}" if page is not None else ev.source.url


def context_text(d: Dossier) -> Text:
    """The claim's paragraph from the snapshot, the sentence itself highlighted."""
    now = d.view.effective
    paragraph, start, end = paragraph_around(d.view.snapshot.text, now.start, now.end)
    # Cleaned piecewise so that the highlight stays on the sentence's own characters.
    return Text.assemble(
        literal(paragraph[:start]),
        literal(paragraph[start:end], style="reverse bold"),
        literal(paragraph[end:]),
    )


def provenance_text(d: Dossier, stamp: TimeText) -> Text:
    view, claim, snap = d.view, d.view.claim, d.view.snapshot
    rows = [
        ("source", view.source.url),
        ("title", snap.title or "—"),
        ("fetched", stamp(snap.fetched_at)),
        ("HTTP status", "—" if snap.http_status is None else str(snap.http_status)),
        ("snapshot", f"#{snap.id}  sha256 {snap.body_sha256}"),
        ("span", f"{view.effective.start}-{view.effective.end} of {len(snap.text):,} characters"),
        ("claimant", view.claimant or "—"),
    ]
    page = page_of(snap.media_type, snap.text, view.effective.start)
    if page is not None:
        rows.insert(1, ("page", page_label(page)))
    if view.effective.corrected:
        rows.append(("corrected", f"{', '.join(view.effective.corrected)} (by a reviewer)"))
    if view.group:
        others = [str(n) for n in view.group["claims"] if n != claim.id]
        rows.append(("group", f"{view.group['id']}: also claims {', '.join(others)}"))
    out = Text()
    for label, value in rows:
        out.append(f"{label:>12}  ", style="dim")
        out.append_text(literal(value))
        out.append("\n")
    out.rstrip()
    return out


def figures_text(d: Dossier) -> Text:
    """Each figure as written, then normalised with its interval; for a derived
    claim, how its total was computed and from which stated figures."""
    out = Text()
    for q in d.view.quantities:
        out.append_text(literal(q.surface))
        out.append("  →  ", style="dim")
        out.append_text(literal(figure(q)))
        details = [q.kind] + ([f"hedge {q.hedge}"] if q.hedge else [])
        out.append_text(literal(f"   ({', '.join(details)})", style="dim"))
        out.append("\n")
    if d.view.claim.kind == "derived":
        out.append("computed by factdesk, not written: ", style="bold")
        out.append_text(literal(d.view.claim.reasoning or "no reasoning recorded"))
        out.append("\n")
        for q in d.computed_from:
            out.append("  from  ", style="dim")
            out.append_text(literal(f"{q.surface}  (claim {q.claim_id}, figure {q.position})"))
            out.append("\n")
    out.rstrip()
    return out or Text("none", style="dim")


def crosscheck_text(checks: list[dict[str, Any]]) -> Text:
    """Each comparison as "claimed → found: result"."""
    out = Text()
    for n, check in enumerate(checks):
        if n:
            out.append("; ")
        claimed = (check.get("claimed") or {}).get("surface", "?")
        found = (check.get("evidence") or {}).get("surface", "—")
        result = str(check.get("result", "?"))
        out.append_text(literal(f"{claimed} → {found}: "))
        out.append_text(check_result(result))
    return out if checks else Text("no figures compared", style="dim")


def timeline_text(events: list[dict[str, Any]], age: TimeText) -> Text:
    """The history (events as ``show --format json`` gives them), newest first:
    version, age, reviewer, and what happened in words."""
    out = Text()
    for event in reversed(events):
        out.append(f"v{event['version']:<3} ", style="dim")
        out.append(f"{age(datetime.fromisoformat(event['at'])):>4}  ", style="dim")
        out.append_text(literal(f"{event['reviewer']}  ", style="italic"))
        out.append_text(literal(describe_event(event)))
        out.append("\n")
    out.rstrip()
    return out or Text("no review yet", style="dim")


def factchecks_text(earlier: list[Match]) -> Text:
    """Earlier fact-checks the claim matches: headline, the claim they reviewed, and why."""
    out = Text()
    for label, value in dossier_section(earlier):
        if out:
            out.append("\n")
        out.append(f"{label:>10}  ", style="bold" if label == "fact-check" else "dim")
        out.append_text(literal(value))
    return out
