"""Correcting the machine: ``edit``, ``add-claim``, ``dismiss``; groups: ``merge``, ``split``,
``groups``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, cast

import typer

from claims.errors import ClaimError
from claims.review.corrections import (
    CLEAR_WORD,
    FigureEdit,
    add_claim,
    clears,
    dismiss_claim,
    edit_claim,
    span_bounds,
)
from claims.review.corrections import figure_kind as parse_kind
from claims.review.corrections import figure_number as parse_number
from claims.review.groups import existing_groups, merge, proposed_groups, split
from claims.review.index import members
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import print_json, reported_errors
from tui.cli.params import CLAIM_ID, FIGURE, VERSION, BadValue, row_id
from tui.cli.review_cmds import ClaimArg, Format, FormatOpt, VersionOpt
from tui.terminal_text import safe

SNAPSHOT_ID = row_id("snapshot", "factdesk show CLAIM")


def figure_number(text: str | float) -> float:
    """A finite number; a decimal comma is read as a point (1,5 is 1.5)."""
    if isinstance(text, float):
        return text
    with bad_value():
        return parse_number(str(text))


def figure_bound(text: str) -> str:
    """A finite number, or "none" to clear the bound; checked here, read in the command."""
    if clears(text):
        return CLEAR_WORD
    with bad_value():
        return repr(parse_number(str(text)))


def figure_kind(text: str) -> str:
    with bad_value():
        return parse_kind(text)


def span(text: str) -> str:
    """START:END, two whole numbers, START below END."""
    with bad_value():
        start, end = span_bounds(text)
    return f"{start}:{end}"


@contextmanager
def bad_value() -> Iterator[None]:
    """The TUI's dialogs parse with the same functions; here Click names the option."""
    try:
        yield
    except ClaimError as exc:
        raise BadValue(str(exc)) from None


@app.command("edit")
def edit_command(
    ctx: typer.Context,
    claim_id: ClaimArg,
    claimant: Annotated[
        str | None,
        typer.Option(help="Who asserts the claim ('' for the article's own voice)."),
    ] = None,
    figure: Annotated[
        int | None, typer.Option(parser=FIGURE, help="The figure to correct (0 = first).")
    ] = None,
    value: Annotated[
        float | None, typer.Option(parser=figure_number, help="The figure's value.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(parser=figure_kind, help="count, percent, money, measure…")
    ] = None,
    unit: Annotated[str | None, typer.Option(help="Unit or counted noun; none clears it.")] = None,
    low: Annotated[
        str | None,
        typer.Option(parser=figure_bound, help="Lower bound of the figure; none clears it."),
    ] = None,
    high: Annotated[
        str | None,
        typer.Option(parser=figure_bound, help="Upper bound of the figure; none clears it."),
    ] = None,
    hedge: Annotated[
        str | None, typer.Option(help="Hedge word, e.g. 'plus de'; none clears it.")
    ] = None,
    span_text: Annotated[
        str | None,
        typer.Option("--span", parser=span, help="START:END of the sentence in the snapshot."),
    ] = None,
    expect_version: VersionOpt = None,
) -> None:
    """Correct CLAIM's claimant, a figure or its span (the extractor's original stays)."""
    context = cli_context(ctx)
    fields = {"value": value, "kind": kind, "unit": unit, "low": low, "high": high, "hedge": hedge}
    given = [f"--{name}" for name, v in fields.items() if v is not None]
    if given and figure is None:
        raise BadValue(f"{', '.join(given)} need --figure N: which figure to correct (0 = first)")
    texts = {"unit": unit, "low": low, "high": high, "hedge": hedge}
    cleared = frozenset(name for name, text in texts.items() if text is not None and clears(text))
    kept = {name: None if name in cleared else text for name, text in texts.items()}
    edit = None
    if figure is not None:
        edit = FigureEdit(
            figure,
            value,
            kind,
            kept["unit"],
            None if kept["low"] is None else float(kept["low"]),
            None if kept["high"] is None else float(kept["high"]),
            kept["hedge"],
            cleared=cleared,
        )
    where = None
    if span_text is not None:
        start, end = span_text.split(":")
        where = (int(start), int(end))
    with reported_errors(), context.database().write() as session:
        events = edit_claim(
            session,
            claim_id,
            reviewer=context.settings.reviewer_name(),
            claimant=claimant,
            figure=edit,
            span=where,
            expected_version=expect_version,
        )
    typer.echo(f"claim {claim_id}: {len(events)} correction(s) (version {events[-1].version})")


@app.command("add-claim")
def add_claim_command(
    ctx: typer.Context,
    snapshot_id: Annotated[
        int, typer.Argument(parser=SNAPSHOT_ID, metavar="SNAPSHOT", help="Snapshot id.")
    ],
    quote: Annotated[str, typer.Option(help="The sentence, exactly as it reads in the text.")],
    output: FormatOpt = Format.text,
) -> None:
    """Add a claim the extractor missed: a sentence of SNAPSHOT's text."""
    context = cli_context(ctx)
    with reported_errors(), context.database().write() as session:
        claim = add_claim(session, snapshot_id, quote, reviewer=context.settings.reviewer_name())
        claim_id = claim.id
        claimant = claim.claimant
    if output is Format.json:
        print_json({"id": claim_id, "snapshot_id": snapshot_id, "claimant": claimant})
        return
    typer.echo(f"claim {claim_id} added to snapshot {snapshot_id}")


@app.command("dismiss")
def dismiss_command(
    ctx: typer.Context,
    claim_id: ClaimArg,
    why: Annotated[str, typer.Option("--why", help="Why it is not a claim.")],
    expect_version: VersionOpt = None,
) -> None:
    """Dismiss CLAIM as "not a claim", with the reason."""
    context = cli_context(ctx)
    with reported_errors(), context.database().write() as session:
        events = dismiss_claim(
            session,
            claim_id,
            why=why,
            reviewer=context.settings.reviewer_name(),
            expected_version=expect_version,
        )
    typer.echo(f"claim {claim_id}: dismissed (version {events[-1].version})")


@app.command("merge")
def merge_command(
    ctx: typer.Context,
    claim_ids: Annotated[
        list[int],
        typer.Argument(parser=CLAIM_ID, metavar="CLAIM...", help="Claims that state one thing."),
    ],
) -> None:
    """Group CLAIMs that state the same thing: a verdict on one then reaches all."""
    context = cli_context(ctx)
    with reported_errors(), context.database().write() as session:
        group_id = merge(session, claim_ids, reviewer=context.settings.reviewer_name())
        claims = members(session, group_id)
    listed = ", ".join(str(n) for n in claims)
    typer.echo(f"group {group_id}: claims {listed}")


@app.command("split")
def split_command(
    ctx: typer.Context, claim_id: ClaimArg, expect_version: VersionOpt = None
) -> None:
    """Take CLAIM out of its group."""
    context = cli_context(ctx)
    with reported_errors(), context.database().write() as session:
        left = split(
            session,
            claim_id,
            reviewer=context.settings.reviewer_name(),
            expected_version=expect_version,
        )
    rest = f"; left in the group: {', '.join(map(str, left))}" if left else "; the group is gone"
    typer.echo(f"claim {claim_id} split from its group{rest}")


@app.command("groups")
def groups_command(
    ctx: typer.Context,
    proposed: Annotated[
        bool,
        typer.Option(
            "--proposed",
            help="Propose groups: claims of several sources with the same figures about the "
            "same thing, not grouped yet.",
        ),
    ] = False,
    limit: Annotated[int, typer.Option(parser=VERSION, help="Groups to show at most.")] = 100,
    output: FormatOpt = Format.text,
) -> None:
    """Groups of claims that state the same thing (--proposed: groups to consider)."""
    context = cli_context(ctx)
    with reported_errors(), context.database().read() as session:
        if proposed:
            found = [
                {"claims": list(p.claims), "sources": p.sources, "reason": p.reason}
                for p in proposed_groups(session, limit=limit)
            ]
        else:
            found = [
                {"id": g.id, "claims": list(g.claims), "sources": g.sources, "text": g.text}
                for g in existing_groups(session, limit=limit)
            ]
    if output is Format.json:
        print_json(found)
        return
    for group in found:
        ids = " ".join(str(n) for n in cast(list[int], group["claims"]))
        if proposed:
            line = f"{ids}  ({group['sources']} sources; {group['reason']})  factdesk merge {ids}"
        else:
            line = f"group {group['id']}: claims {ids}, seen in {group['sources']} sources: "
            line += str(group["text"])[:80]
        typer.echo(safe(line))
    typer.echo(f"{len(found)} {'proposed ' if proposed else ''}groups", err=True)
