"""Every ``factdesk`` command: the module that defines it and its one-line help.

``factdesk --help`` prints from this table alone, and a command's module is
imported only when that command runs: help costs typer, not trafilatura,
SQLAlchemy and the claim dossier. ``tests/tui/cli/test_command_table.py``
checks the table against what the modules register, so a command added to a
module without a line here fails a test instead of vanishing from help.
"""

from __future__ import annotations

from typing import NamedTuple


class CommandEntry(NamedTuple):
    module: str
    help: str


COMMANDS: dict[str, CommandEntry] = {
    "claims": CommandEntry(
        "tui.cli.claim_cmds",
        "List stored claims (filters combine).",
    ),
    "show": CommandEntry(
        "tui.cli.claim_cmds",
        "One claim in its paragraph, with its figures and provenance.",
    ),
    "demo": CommandEntry(
        "tui.cli.demo_cmds",
        "Load the demo corpus (safe to run twice) into the demo database, which is kept apart "
        "from your own; with --db or FACTDESK_DATABASE_URL, into that database.",
    ),
    "extract": CommandEntry(
        "tui.cli.extract_cmds",
        "Claims found in a text, as JSON (the extraction contract). Writes no database.",
    ),
    "quantities": CommandEntry(
        "tui.cli.extract_cmds",
        "Every quantity found in a text, without deciding what is a claim. Writes no database.",
    ),
    "ingest": CommandEntry(
        "tui.cli.source_cmds",
        "Fetch or read each TARGET, keep an immutable snapshot, print what was stored.",
    ),
    "sources": CommandEntry(
        "tui.cli.source_cmds",
        "List sources with their health and last fetch; show one source's fetch history.",
    ),
    "text": CommandEntry(
        "tui.cli.source_cmds",
        "Print the main text of TARGET (and its metadata with --format json). Stores nothing.",
    ),
    "report": CommandEntry(
        "tui.cli.report_cmds",
        "Export the selected claims (filters combine) in one format.",
    ),
    "verdict": CommandEntry(
        "tui.cli.review_cmds",
        "Give CLAIM (or one of its figures) a rating with a rationale.",
    ),
    "status": CommandEntry(
        "tui.cli.review_cmds",
        "Move CLAIM to another review status.",
    ),
    "note": CommandEntry(
        "tui.cli.review_cmds",
        "Add a note to CLAIM's history.",
    ),
    "assign": CommandEntry(
        "tui.cli.review_cmds",
        "Assign CLAIM to a reviewer.",
    ),
    "history": CommandEntry(
        "tui.cli.review_cmds",
        "Everything reviewers did to CLAIM, oldest first.",
    ),
    "tui": CommandEntry(
        "tui.cli.tui_cmds",
        "Open the terminal app: claim queue, claim dossier, sources.",
    ),
    "db": CommandEntry(
        "tui.cli.db_cmds",
        "Database schema management.",
    ),
    "refresh": CommandEntry(
        "tui.cli.refresh_cmds",
        "Re-fetch due sources, flag claims whose evidence changed.",
    ),
    "bundle": CommandEntry(
        "tui.cli.report_cmds",
        "Check report bundles.",
    ),
    "evidence": CommandEntry(
        "tui.cli.review_cmds",
        "Link claims to passages of fetched sources.",
    ),
    "edit": CommandEntry(
        "tui.cli.correction_cmds",
        "Correct CLAIM's claimant, a figure or its span (the extractor's original stays).",
    ),
    "add-claim": CommandEntry(
        "tui.cli.correction_cmds",
        "Add a claim the extractor missed: a sentence of SNAPSHOT's text.",
    ),
    "dismiss": CommandEntry(
        "tui.cli.correction_cmds",
        'Dismiss CLAIM as "not a claim", with the reason.',
    ),
    "merge": CommandEntry(
        "tui.cli.correction_cmds",
        "Group CLAIMs that state the same thing: a verdict on one then reaches all.",
    ),
    "split": CommandEntry(
        "tui.cli.correction_cmds",
        "Take CLAIM out of its group.",
    ),
    "groups": CommandEntry(
        "tui.cli.correction_cmds",
        "Groups of claims that state the same thing (--proposed: groups to consider).",
    ),
    "watch": CommandEntry(
        "tui.cli.watch_cmds",
        "Follow RSS/Atom feeds and sitemaps; their new articles are ingested.",
    ),
    "factchecks": CommandEntry(
        "tui.cli.factcheck_cmds",
        "Earlier fact-checks (ClaimReview): import them, list them, match claims against them.",
    ),
}

COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(entry.module for entry in COMMANDS.values()))
"""Every module that registers commands, in table order."""
