"""`factdesk --help` loads no command module; the command table matches the modules."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.claims.review.conftest import ARTICLE
from tui.cli import every_command
from tui.cli.command_table import COMMANDS

HEAVY = ("trafilatura", "textual", "sqlalchemy", "sqlmodel", "httpx", "pydantic")


def test_help_imports_none_of_the_heavy_modules() -> None:
    script = (
        "import sys\n"
        "from tui.cli import main\n"
        "sys.argv = ['factdesk', '--help']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        f"    print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Commands:" in done.stdout
    assert "claims" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_table_lists_exactly_what_the_modules_register() -> None:
    group = every_command()
    registered = {
        name: " ".join((cmd.help or "").split("\n\n")[0].split())
        for name, cmd in group.commands.items()
    }
    table = {name: entry.help for name, entry in COMMANDS.items()}
    assert table == registered
    # Each command is loaded from the module the table names.
    for name, entry in COMMANDS.items():
        command = group.commands[name]
        callbacks = [command.callback] + [
            sub.callback for sub in getattr(command, "commands", {}).values()
        ]
        modules = {cb.__module__ for cb in callbacks if cb is not None}
        assert modules == {entry.module}, name


def test_a_command_loads_its_module_when_it_runs() -> None:
    script = (
        "import sys\n"
        "from tui.cli import main\n"
        "sys.argv = ['factdesk', 'extract', '--help']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('tui.cli.extract_cmds' in sys.modules, 'tui.cli.claim_cmds' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Claims found in a text" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "True False"


# What listing claims needs no part of: migrations (the schema check is one query),
# SQLAlchemy and the ORM tables (a database at the newest schema is read through its
# driver), fetching, page and claim extraction, the claim dossier, reports and the app.
NOT_FOR_CLAIMS = (
    "alembic",
    "sqlalchemy",
    "sqlmodel",
    "db.models",
    "httpx",
    "trafilatura",
    "textual",
    "numpy",
    "sources",
    "claims.text",
    "claims.reports",
    "claims.review.dossier",
)


def test_listing_claims_imports_only_what_it_lists_with(db_url: str) -> None:
    env = {**os.environ, "FACTDESK_DATABASE_URL": db_url, "FACTDESK_CONFIG": os.devnull}
    env["COLUMNS"] = "200"  # the sentences whole
    stored = subprocess.run(
        [sys.executable, "-m", "tui.cli", "ingest", "-", "--lang", "fr", "--url",
         "https://news.example/coops"],
        input=ARTICLE, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert stored.returncode == 0, stored.stderr
    script = (
        "import sys\n"
        "from tui.cli import main\n"
        "sys.argv = ['factdesk', 'claims']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        f"    print([m for m in sys.modules if m.split('.')[0] in {NOT_FOR_CLAIMS!r}\n"
        f"           or m.startswith({NOT_FOR_CLAIMS!r})])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "20.000 coopératives" in done.stdout
    assert "claims 1-4 of 4" in done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
