"""The ``factdesk`` command line.

Each command group lives in its own module and registers itself on ``app``;
commands parse arguments, call a function of ``claims``/``sources``/``db`` and
print its result. Business rules never live here.
"""

from __future__ import annotations

# Importing the command modules registers their commands on ``app``.
from tui.cli import (  # noqa: F401  (registration)
    claim_cmds,
    db_cmds,
    demo_cmds,
    extract_cmds,
    factcheck_cmds,
    refresh_cmds,
    report_cmds,
    review_cmds,
    source_cmds,
    tui_cmds,
    watch_cmds,
)
from tui.cli.app import app, main

__all__ = ["app", "main"]
