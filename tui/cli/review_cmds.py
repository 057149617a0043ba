"""Review commands: evidence, verdict, status, note, assign, history."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from claims.review.events import add_note, assign, event_json, give_verdict, history, set_status
from claims.review.evidence import EvidenceRequest, add_evidence, list_evidence, remove_evidence
from claims.review.history_text import describe_event
from sources.ingest import IngestOptions
from tui.cli.app import app
from tui.cli.context import CliContext, cli_context
from tui.cli.output import print_json, reported_errors
from tui.cli.params import CLAIM_ID, EVIDENCE_ID, FIGURE, VERSION, language_tag, web_url
from tui.terminal_text import literal, safe

evidence_app = typer.Typer(help="Link claims to passages of fetched sources.", no_args_is_help=True)
app.add_typer(evidence_app, name="evidence")


class Stance(StrEnum):
    supports = "supports"
    refutes = "refutes"
    context = "context"


class Format(StrEnum):
    text = "text"
    json = "json"


ClaimArg = Annotated[int, typer.Argument(parser=CLAIM_ID, metavar="CLAIM", help="Claim id.")]
VersionOpt = Annotated[
    int | None,
    typer.Option(
        "--expect-version",
        parser=VERSION,
        help="Refuse the change if the claim moved past this version since you read it.",
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", help="Output format.")]


def _describe_check(check: dict[str, Any]) -> str:
    claimed = check.get("claimed", {})
    found = check.get("evidence", {})
    deviation = check.get("deviation")
    dev = f" ({deviation:+.0%})" if isinstance(deviation, int | float) else ""
    return (
        f"{claimed.get('surface', '?')} vs {found.get('surface', '?')}: "
        f"{check.get('result')}{dev}; {check.get('reason', '')}"
    )


@evidence_app.command("add")
def evidence_add(
    ctx: typer.Context,
    claim_id: ClaimArg,
    target: Annotated[str, typer.Argument(help="http(s) URL, .html/.txt file, or -.")],
    stance: Annotated[Stance, typer.Option(help="How the passage bears on the claim.")] = (
        Stance.context
    ),
    quote: Annotated[str | None, typer.Option(help="The passage, as it reads in the page.")] = None,
    auto: Annotated[
        bool, typer.Option("--auto", help="Let factdesk pick the passage that bears on the claim.")
    ] = False,
    note: Annotated[str | None, typer.Option(help="A note on this evidence.")] = None,
    url: Annotated[
        str | None, typer.Option(parser=web_url, help="Original address of a local file.")
    ] = None,
    lang: Annotated[
        str | None, typer.Option(parser=language_tag, help="Language of the page (fr, en).")
    ] = None,
    force_lang: Annotated[
        bool,
        typer.Option(
            "--force-lang", help="Keep --lang even when the page reads as another language."
        ),
    ] = False,
    expect_version: VersionOpt = None,
    output: FormatOpt = Format.text,
) -> None:
    """Link CLAIM to a passage of TARGET (fetched and archived like any source)."""
    context = cli_context(ctx)
    with reported_errors():
        request = EvidenceRequest(
            claim_id=claim_id,
            stance=stance.value,
            reviewer=context.settings.reviewer_name(),
            quote=quote,
            auto=auto,
            note=note,
            expected_version=expect_version,
        )
        added = add_evidence(
            context.database(),
            request,
            target,
            policy=context.settings.fetch_policy(),
            options=IngestOptions(url=url, lang=lang, force_lang=force_lang),
        )
        with context.database().read() as session:
            view = next(
                v for v in list_evidence(session, claim_id) if v.evidence.id == added.evidence.id
            )
    if output is Format.json:
        data = view.to_json()
        data["proposals"] = [
            {"text": p.text, "start": p.start, "end": p.end, "score": p.score}
            for p in added.proposals
        ]
        print_json(data)
        return
    console = Console(highlight=False, soft_wrap=True)
    if added.proposals:
        console.print("passages proposed, best first:")
        for rank, passage in enumerate(added.proposals, start=1):
            line = Text(f"  {rank}. ({passage.score:.2f}) ")
            line.append(safe(passage.text))
            console.print(line)
    _print_evidence(console, [view.to_json()])


def _print_evidence(console: Console, items: list[dict[str, Any]]) -> None:
    for item in items:
        head = Text(f"evidence {item['id']} ({item['stance']}", style="bold")
        head.append(", removed)" if item["removed"] else ")")
        console.print(head)
        console.print(literal(f"  «{item['quote']}»"))
        console.print(
            literal(f"  {item['source_url']} sha256 {item['snapshot_sha256']} {item['fetched_at']}")
        )
        for check in item["crosscheck"]:
            console.print(literal("  cross-check: " + _describe_check(check)))
        if item.get("freshness", "current") != "current":
            since = (item.get("changed_at") or "?")[:16].replace("T", " ")
            console.print(literal(f"  freshness: {item['freshness'].upper()} since {since}"))
            now = item.get("now") or {}
            if now.get("quote") not in (None, item["quote"]):
                console.print(literal(f"  now reads: «{now['quote']}»"))
            for check in now.get("crosscheck") or []:
                console.print(literal("  now checks: " + _describe_check(check)))


@evidence_app.command("list")
def evidence_list(
    ctx: typer.Context,
    claim_id: ClaimArg,
    removed: Annotated[bool, typer.Option("--removed", help="Include removed evidence.")] = False,
    output: FormatOpt = Format.text,
) -> None:
    """Evidence linked to CLAIM, with quotes and cross-checks."""
    context = cli_context(ctx)
    with reported_errors(), context.database().read() as session:
        views = list_evidence(session, claim_id, include_removed=removed)
    items = [v.to_json() for v in views]
    if output is Format.json:
        print_json(items)
        return
    _print_evidence(Console(highlight=False, soft_wrap=True), items)
    typer.echo(f"{len(items)} evidence items", err=True)


@evidence_app.command("remove")
def evidence_remove(
    ctx: typer.Context,
    evidence_id: Annotated[
        int, typer.Argument(parser=EVIDENCE_ID, metavar="EVIDENCE", help="Evidence id.")
    ],
    why: Annotated[str | None, typer.Option(help="Why it is withdrawn.")] = None,
    expect_version: VersionOpt = None,
) -> None:
    """Withdraw evidence from its claim (the record stays in the history)."""
    context = cli_context(ctx)
    with reported_errors(), context.database().write() as session:
        withdrawn = remove_evidence(
            session,
            evidence_id,
            reviewer=context.settings.reviewer_name(),
            why=why,
            expected_version=expect_version,
        )
    typer.echo(f"evidence {evidence_id} removed from claim {withdrawn.claim_id}")
    for twin in withdrawn.also:
        typer.echo(f"evidence {twin.id} removed from claim {twin.claim_id} (same group)")


def _write(context: CliContext) -> Any:
    return context.database().write()


@app.command("verdict")
def verdict_command(
    ctx: typer.Context,
    claim_id: ClaimArg,
    rating: Annotated[str, typer.Argument(help="A rating of the scale, e.g. mostly-false.")],
    why: Annotated[str, typer.Option("--why", help="The rationale.")],
    figure: Annotated[
        int | None, typer.Option(parser=FIGURE, help="Rate one figure of the claim (0 = first).")
    ] = None,
    expect_version: VersionOpt = None,
) -> None:
    """Give CLAIM (or one of its figures) a rating with a rationale."""
    context = cli_context(ctx)
    with reported_errors(), _write(context) as session:
        events = give_verdict(
            session,
            claim_id,
            rating,
            why=why,
            reviewer=context.settings.reviewer_name(),
            scale=context.settings.rating_scale(),
            figure=figure,
            expected_version=expect_version,
        )
    label = events[0].after["label"] if isinstance(events[0].after, dict) else rating
    typer.echo(f"claim {claim_id}: {label} (version {events[-1].version})")


@app.command("status")
def status_command(
    ctx: typer.Context,
    claim_id: ClaimArg,
    status: Annotated[
        str, typer.Argument(help="new, in_review, checked, needs_recheck or dismissed.")
    ],
    why: Annotated[str | None, typer.Option(help="Why.")] = None,
    expect_version: VersionOpt = None,
) -> None:
    """Move CLAIM to another review status."""
    context = cli_context(ctx)
    with reported_errors(), _write(context) as session:
        events = set_status(
            session,
            claim_id,
            status,
            reviewer=context.settings.reviewer_name(),
            text=why,
            expected_version=expect_version,
        )
    typer.echo(f"claim {claim_id}: {events[0].before} -> {events[0].after}")


@app.command("note")
def note_command(
    ctx: typer.Context,
    claim_id: ClaimArg,
    text: Annotated[str, typer.Argument(help="The note.")],
    expect_version: VersionOpt = None,
) -> None:
    """Add a note to CLAIM's history."""
    context = cli_context(ctx)
    with reported_errors(), _write(context) as session:
        events = add_note(
            session,
            claim_id,
            text,
            reviewer=context.settings.reviewer_name(),
            expected_version=expect_version,
        )
    typer.echo(f"claim {claim_id}: note added (version {events[-1].version})")


@app.command("assign")
def assign_command(
    ctx: typer.Context,
    claim_id: ClaimArg,
    who: Annotated[str, typer.Argument(help="Reviewer to assign ('' to unassign).")],
    expect_version: VersionOpt = None,
) -> None:
    """Assign CLAIM to a reviewer."""
    context = cli_context(ctx)
    with reported_errors(), _write(context) as session:
        assign(
            session,
            claim_id,
            who,
            reviewer=context.settings.reviewer_name(),
            expected_version=expect_version,
        )
    typer.echo(f"claim {claim_id}: assigned to {who or 'nobody'}")


@app.command("history")
def history_command(
    ctx: typer.Context, claim_id: ClaimArg, output: FormatOpt = Format.text
) -> None:
    """Everything reviewers did to CLAIM, oldest first."""
    context = cli_context(ctx)
    with reported_errors(), context.database().read() as session:
        events = [event_json(e) for e in history(session, claim_id)]
    if output is Format.json:
        print_json(events)
        return
    console = Console(highlight=False, soft_wrap=True)
    for e in events:
        line = Text(f"v{e['version']:<3} {e['at'][:16].replace('T', ' ')}  ", style="dim")
        line.append(safe(f"{e['reviewer']}  {describe_event(e)}"))
        console.print(line)
    typer.echo(f"{len(events)} events", err=True)
