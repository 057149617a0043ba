"""``factdesk demo``: load the demo corpus (no network needed)."""

from __future__ import annotations

import typer

from claims.ingest import ingest_with_claims
from sources.demo import demo_pages
from sources.ingest import IngestOptions
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import reported_errors
from tui.cli.progress import Counter


@app.command("demo")
def demo_command(ctx: typer.Context) -> None:
    """Load the demo corpus into the configured database (safe to run twice)."""
    context = cli_context(ctx)
    policy = context.settings.fetch_policy()
    pages = demo_pages()
    counter = Counter("demo", total=len(pages))
    stored = unchanged = claims = 0
    with reported_errors():
        database = context.database()
        for page in pages:
            counter.step(page.path.name)
            result = ingest_with_claims(
                database,
                str(page.path),
                options=IngestOptions(lang=page.lang, url=page.url, title=page.title),
                policy=policy,
                worker="demo",
            )
            unchanged += result.stored.unchanged
            stored += not result.stored.unchanged
            claims += len(result.claims) if not result.stored.unchanged else 0
    counter.done()
    typer.echo(
        f"demo corpus: {stored} snapshots stored ({claims} claims), {unchanged} unchanged, "
        f"database {context.settings.resolved_database_url()}"
    )
