"""``factdesk claims`` and ``factdesk show``: reading stored claims."""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claims.review.history_text import event_line
from claims.review.listing import (
    ClaimFilter,
    claim_rows,
    count_claims,
    describe_page,
    figure_surfaces,
)
from claims.review.ratings import UnknownRating
from claims.review.statuses import UnknownStatus, parse_status
from claims.services.claim_listing import quick_rows
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import print_json, reported_errors
from tui.cli.params import CLAIM_ID, LIMIT, OFFSET, BadValue, source_key
from tui.terminal_text import literal, safe

if TYPE_CHECKING:
    from claims.text.extraction import ScoreExplanation

CONTEXT_CHARS = 400
"""Characters of the paragraph shown on each side of a claim."""


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


def status_name(text: str) -> str:
    """A review status, refused with the valid ones when unknown."""
    try:
        return parse_status(text)
    except UnknownStatus as exc:
        raise BadValue(str(exc)) from None


def claim_kind(text: str) -> str:
    """A claim kind, refused with the valid ones when unknown (else it matches nothing)."""
    # Here, not at the top: `claims` without --kind imports nothing of claims.text.
    from claims.text.kinds import CLAIM_KINDS

    kind = text.strip().lower()
    if kind not in CLAIM_KINDS:
        raise BadValue(f"kind {text!r} is unknown; use one of: {', '.join(CLAIM_KINDS)}")
    return kind


@app.command("claims")
def claims_command(
    ctx: typer.Context,
    source: Annotated[
        str | None, typer.Option(parser=source_key, help="Source id or part of its URL.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(parser=claim_kind, help="numeric, factual or derived.")
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            parser=status_name, help="new, in_review, checked, needs_recheck or dismissed."
        ),
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            help="Words in the sentence, claimant, notes or evidence quotes "
            "(case, accents and spaces in names do not matter)."
        ),
    ] = None,
    claimant: Annotated[str | None, typer.Option(help="Part of the claimant's name.")] = None,
    verdict: Annotated[str | None, typer.Option(help="Rating key, e.g. false.")] = None,
    reviewer: Annotated[str | None, typer.Option(help="Claims assigned to this reviewer.")] = None,
    order: Annotated[
        str | None,
        typer.Option(
            help="status, verdict, kind, claimant, checkworthiness, evidence or newest "
            "(default: text order)."
        ),
    ] = None,
    limit: Annotated[int, typer.Option(parser=LIMIT, help="Claims per page.")] = 200,
    offset: Annotated[int, typer.Option(parser=OFFSET, help="Claims to skip.")] = 0,
    output: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """List stored claims (filters combine)."""
    context = cli_context(ctx)
    if verdict:
        # The scale is the desk's own (settings), so it is read here, not in a parser;
        # an unknown rating would otherwise list nothing and exit 0.
        try:
            verdict = context.settings.rating_scale().find(verdict).key
        except UnknownRating as exc:
            raise BadValue(str(exc), param_hint="'--verdict'") from None
    filters = ClaimFilter(
        source=source,
        kind=kind,
        status=status,
        text=text,
        claimant=claimant,
        verdict=verdict,
        reviewer=reviewer,
        order=order,
    )
    if output is ListFormat.json:
        from claims.review.queries import list_claims

        with reported_errors(), context.database().read() as session:
            page = list_claims(session, filters, offset=offset, limit=limit)
        print_json({"total": page.total, "claims": [v.to_json() for v in page.rows]})
        return
    # The table and the CSV print plain rows: read without loading the ORM (start-up time).
    with reported_errors(), quick_rows(context.settings.resolved_database_url()) as rows:
        listed = claim_rows(rows, filters, offset=offset, limit=limit)
        total = listed.total if listed.total is not None else count_claims(rows, filters)
        surfaces = figure_surfaces(rows, [row.id for row in listed.rows])
    figures = {n: "; ".join(found) for n, found in surfaces.items()}
    if output is ListFormat.csv:
        # Here, not at the top: the reports package is a second of imports `claims` needs not.
        from claims.reports.csv_report import spreadsheet_safe

        writer = csv.writer(sys.stdout)
        writer.writerow(["id", "status", "kind", "figures", "claimant", "text", "source_url"])
        for row in listed.rows:
            cells = [
                str(row.id),
                row.status,
                row.kind,
                figures.get(row.id, ""),
                row.claimant or "",
                row.text,
                row.source_url,
            ]
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
        return
    console = Console(highlight=False)
    table = Table(box=None, padding=(0, 1, 0, 0), pad_edge=False)
    # One line per claim: long cells are cut, `factdesk show` gives them whole.
    # Fixed widths, because Rich squeezes short columns away next to a long one.
    widths = {"id": 5, "status": 13, "kind": 7, "figures": 16, "claimant": 14}
    for name, width in widths.items():
        table.add_column(name, no_wrap=True, overflow="ellipsis", width=width)
    rest = max(20, console.width - sum(widths.values()) - len(widths) - 1)
    table.add_column("claim", no_wrap=True, overflow="ellipsis", width=rest)
    for row in listed.rows:
        table.add_row(
            str(row.id),
            row.status,
            row.kind,
            literal(figures.get(row.id, "")),
            literal(row.claimant or ""),
            literal(row.text),
        )
    console.print(table)
    typer.echo(f"claims {describe_page(offset, len(listed.rows), total)}", err=True)


def score_lines(stored: float, why: ScoreExplanation) -> list[tuple[str, str]]:
    """The check-worthiness and one "why" line per feature that made it."""
    score = f"{stored:.2f} check-worthiness"
    if abs(why.score - stored) > 0.005:
        score += f" (the current extractor scores it {why.score:.2f}, as below)"
    lines = [("score", score)]
    lines.extend(("why", part.describe()) for part in why.contributions)
    if why.total != why.score:
        lines.append(("why", f"= {why.total:.2f}, kept within 0..1"))
    return lines


@app.command("show")
def show_command(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(parser=CLAIM_ID, metavar="CLAIM", help="Claim id.")],
    output: Annotated[
        ShowFormat, typer.Option("--format", help="Output format.")
    ] = ShowFormat.text,
) -> None:
    """One claim in its paragraph, with its figures and provenance."""
    # Here, not at the top: the dossier brings page extraction, which `claims` needs not.
    from claims.factchecks import dossier_section, match_claim
    from claims.review.dossier import load_dossier
    from claims.review.queries import paragraph_around
    from sources.pages import page_label, page_of

    context = cli_context(ctx)
    with reported_errors(), context.database().read() as session:
        dossier = load_dossier(session, claim_id)
        earlier = match_claim(session, claim_id)
    if output is ShowFormat.json:
        print_json({**dossier.to_json(), "fact_checks": [m.to_json() for m in earlier]})
        return
    view = dossier.view
    claim, snap, now = view.claim, view.snapshot, view.effective
    paragraph, start, end = paragraph_around(snap.text, now.start, now.end)
    before, after = paragraph[:start], paragraph[end:]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS] + "…"
    marked = Text()
    marked.append(safe(before))
    marked.append("⟦" + safe(paragraph[start:end]) + "⟧", style="bold reverse")
    marked.append(safe(after))
    console = Console(highlight=False, soft_wrap=True)
    console.print(marked)
    console.print()
    details = [
        ("claim", f"{claim.id} ({claim.kind}, {view.status}, version {view.state.version})"),
        ("claimant", now.claimant or "(the article)"),
        ("source", view.source.url),
        ("fetched at", snap.fetched_at.isoformat()),
        ("HTTP status", str(snap.http_status) if snap.http_status else "(local file)"),
        ("snapshot", f"{snap.id} sha256 {snap.body_sha256}"),
        ("span", f"{now.start}-{now.end} (code points in the snapshot text)"),
    ]
    page = page_of(snap.media_type, snap.text, claim.start)
    if page is not None:
        details.append(("page", page_label(page)))
    if now.corrected:
        original = f"claimant {claim.claimant or '(the article)'}, span {claim.start}-{claim.end}"
        details.append(("corrected", f"{', '.join(now.corrected)} (extractor: {original})"))
    if view.group:
        others = [str(n) for n in view.group["claims"] if n != claim.id]
        details.append(("group", f"{view.group['id']}: also claims {', '.join(others)}"))
    if claim.kind == "derived":
        details.append(("derived", "computed by factdesk from the figures below, not written"))
        details.append(("reasoning", claim.reasoning or "(none recorded)"))
        for q in dossier.computed_from:
            details.append(("from", f"{q.surface} (claim {q.claim_id}, figure {q.position})"))
    for q in view.quantities:
        bounds = ""
        if q.low is not None or q.high is not None:
            bounds = (
                f" [{q.low if q.low is not None else '…'}, {q.high if q.high is not None else '…'}]"
            )
        hedge = f" hedge {q.hedge!r}" if q.hedge else ""
        details.append(("figure", f"{q.surface}: {q.kind} {q.value} {q.unit or ''}{bounds}{hedge}"))
    for target, verdict in dossier.verdicts.items():
        label = "verdict" if target is None else f"verdict {target}"
        details.append((label, f"{verdict['label']} by {verdict['by']}: {verdict['why']}"))
    for item in dossier.evidence:
        e = item.evidence
        state = "removed" if item.removed else e.stance
        fresh = item.freshness
        where = page_label(page_of(item.snapshot.media_type, item.snapshot.text, e.start))
        cited = f"{item.source.url}, {where}" if where else item.source.url
        details.append((f"evidence {e.id}", f"{state}: «{e.exact}» {cited}"))
        for check in e.crosscheck:
            details.append(("cross-check", f"{check.get('result')}: {check.get('reason', '')}"))
        if fresh.state != "current":
            since = fresh.changed_at.isoformat(timespec="minutes") if fresh.changed_at else "?"
            details.append(("freshness", f"{fresh.state.upper()} since {since}"))
            if fresh.quote is not None and fresh.quote != e.exact:
                details.append(("now reads", f"«{fresh.quote}»"))
            for check in fresh.crosscheck or []:
                details.append(("now checks", f"{check.get('result')}: {check.get('reason', '')}"))
    details.extend(dossier_section(earlier))
    for event in dossier.to_json()["history"]:
        details.append(("history", event_line(event)))
    details.extend(score_lines(claim.checkworthiness, dossier.score_explanation()))
    for label, value in details:
        line = Text(f"{label:>12}  ", style="dim")
        line.append(safe(value))
        console.print(line)
