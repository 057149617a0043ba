"""``factdesk factchecks import|list|match``: the index of earlier fact-checks."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claims.factchecks import (
    dossier_section,
    ensure_terms,
    fact_check_json,
    import_factchecks,
    list_factchecks,
    match_claim,
    match_text,
)
from claims.factchecks.matching import recorded_page
from db.ids import looks_like_id
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import print_json, reported_errors
from tui.cli.params import CLAIM_ID, LIMIT, OFFSET, language_tag
from tui.cli.progress import Counter
from tui.terminal_text import literal, safe

factchecks_app = typer.Typer(
    help="Earlier fact-checks (ClaimReview): import them, list them, match claims against them.",
    no_args_is_help=True,
)
app.add_typer(factchecks_app, name="factchecks")


class Format(StrEnum):
    table = "table"
    json = "json"


@factchecks_app.command("import")
def import_command(
    ctx: typer.Context,
    targets: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE|URL...",
            help="ClaimReview JSON-LD (item, list, @graph or DataFeed), or a page carrying it.",
        ),
    ],
    output: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """Add the ClaimReviews of each FILE or URL to the local index (again: adds nothing)."""
    context = cli_context(ctx)
    policy = context.settings.fetch_policy()
    results = []
    failed = 0
    # On a terminal, three steps a target (read, parse, store): a 20,000-review feed
    # takes seconds each. In a pipe, one counted line a target, as ingest does.
    steps = 3 if sys.stderr.isatty() else 1
    counter = Counter("import", total=steps * len(targets))
    with reported_errors():
        database = context.database()
    for target in targets:
        if steps == 1:
            counter.step(target)
        try:
            with reported_errors():
                results.append(
                    import_factchecks(
                        database,
                        target,
                        policy=policy,
                        progress=counter.step if steps > 1 else None,
                    )
                )
        except typer.Exit:
            failed += 1
    counter.done()
    if output is Format.json:
        print_json(
            [
                {
                    "source": r.source,
                    "found": r.found,
                    "added": len(r.added),
                    "known": r.known,
                    "ids": r.added,
                }
                for r in results
            ]
        )
    else:
        for r in results:
            typer.echo(
                f"{safe(r.source)}: {r.found} fact-checks read, {len(r.added)} added, "
                f"{r.known} already in the index"
            )
    if failed:
        raise typer.Exit(1)


@factchecks_app.command("list")
def list_command(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Option(help="Words in the claim reviewed.")] = None,
    limit: Annotated[int, typer.Option(parser=LIMIT, help="Fact-checks per page.")] = 200,
    offset: Annotated[int, typer.Option(parser=OFFSET, help="Fact-checks to skip.")] = 0,
    output: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """List the fact-checks of the local index, newest import first."""
    context = cli_context(ctx)
    with reported_errors(), context.database().read() as session:
        page = list_factchecks(session, text=text, offset=offset, limit=limit)
    if output is Format.json:
        print_json({"total": page.total, "fact_checks": [fact_check_json(f) for f in page.rows]})
        return
    console = Console(highlight=False)
    table = Table(box=None, padding=(0, 1, 0, 0), pad_edge=False)
    widths = {"id": 5, "rating": 16, "by": 18, "date": 10}
    for name, width in widths.items():
        table.add_column(name, no_wrap=True, overflow="ellipsis", width=width)
    rest = max(20, console.width - sum(widths.values()) - len(widths) - 1)
    table.add_column("claim reviewed", no_wrap=True, overflow="ellipsis", width=rest)
    for fc in page.rows:
        table.add_row(
            str(fc.id),
            literal(fc.rating or ""),
            literal(fc.author or ""),
            literal((fc.date_published or "")[:10]),
            literal(fc.claim_reviewed),
        )
    console.print(table)
    typer.echo(f"fact-checks {page.describe()}", err=True)


@factchecks_app.command("match")
def match_command(
    ctx: typer.Context,
    claim: Annotated[
        str, typer.Argument(metavar="CLAIM", help="A claim id, or the text of a claim.")
    ],
    lang: Annotated[
        str | None, typer.Option(parser=language_tag, help="Language of a claim text (fr, en).")
    ] = None,
    limit: Annotated[int, typer.Option(parser=LIMIT, help="Matches shown at most.")] = 10,
    output: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """Earlier fact-checks that CLAIM matches, best first, with the score and why."""
    context = cli_context(ctx)
    with reported_errors():
        # Reviews kept before their terms were stored get them once, here.
        ensure_terms(context.database())
    with reported_errors(), context.database().read() as session:
        if looks_like_id(claim):
            matches = match_claim(session, CLAIM_ID(claim), limit=limit)
        else:
            matches = match_text(session, claim, lang=lang, limit=limit)
    if output is Format.json:
        print_json([m.to_json() for m in matches])
        return
    console = Console(highlight=False, soft_wrap=True)
    for label, value in dossier_section(matches):
        line = Text(f"{label:>12}  ", style="dim")
        line.append(safe(value))
        console.print(line)
    typer.echo(f"{len(matches)} matching fact-checks", err=True)


@factchecks_app.command("matches")
def matches_command(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(parser=LIMIT, help="Matches per page.")] = 200,
    offset: Annotated[int, typer.Option(parser=OFFSET, help="Matches to skip.")] = 0,
    output: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """Claims found already checked when they were ingested, newest first."""
    context = cli_context(ctx)
    with reported_errors(), context.database().read() as session:
        total, rows = recorded_page(session, offset=offset, limit=limit)
    if output is Format.json:
        print_json({"total": total, "matches": [r.to_json() for r in rows]})
        return
    console = Console(highlight=False)
    table = Table(box=None, padding=(0, 1, 0, 0), pad_edge=False)
    widths = {"claim": 6, "score": 5, "rating": 16, "by": 18}
    for name, width in widths.items():
        table.add_column(name, no_wrap=True, overflow="ellipsis", width=width)
    rest = max(20, console.width - sum(widths.values()) - len(widths) - 1)
    table.add_column("claim text", no_wrap=True, overflow="ellipsis", width=rest)
    for r in rows:
        table.add_row(
            str(r.match.claim_id),
            f"{r.match.score:.2f}",
            literal(r.factcheck.rating or ""),
            literal(r.factcheck.author or ""),
            literal(r.claim.text),
        )
    console.print(table)
    shown = f"{offset + 1}-{offset + len(rows)}" if rows else "0"
    typer.echo(f"matches {shown} of {total}", err=True)
