"""Ids no database can hold get a one-line usage error from every command that takes one.

An id past 2**31 - 1 overflows PostgreSQL's integer keys, one past 2**63 - 1
SQLite's; both used to end in a driver traceback. The commands are found by
walking the command line, so a new command taking an id joins the attack.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from db.engine import Database
from db.ids import MAX_ID
from tests.support.cli import CliRun, Run, counts
from tui.cli import every_command

ARTICLE = (
    "<html lang='fr'><body><article><p>Le Maroc compte 20.000 coopératives selon le "
    "ministère.</p></article></body></html>"
)

# Every (command, parameter) that takes an id, and how to run the command with one.
ID_COMMANDS: dict[tuple[str, str], list[str]] = {
    ("show", "claim_id"): ["show", "{id}"],
    ("history", "claim_id"): ["history", "{id}"],
    ("note", "claim_id"): ["note", "{id}", "a note"],
    ("assign", "claim_id"): ["assign", "{id}", "bilal"],
    ("status", "claim_id"): ["status", "{id}", "in_review"],
    ("verdict", "claim_id"): ["verdict", "{id}", "false", "--why", "because"],
    ("evidence add", "claim_id"): ["evidence", "add", "{id}", "{file}", "--quote", "20.000"],
    ("evidence list", "claim_id"): ["evidence", "list", "{id}"],
    ("evidence remove", "evidence_id"): ["evidence", "remove", "{id}"],
    ("claims", "source"): ["claims", "--source", "{id}"],
    ("report", "claim"): ["report", "--format", "json", "--claim", "{id}"],
    ("report", "source"): ["report", "--format", "json", "--source", "{id}"],
    ("refresh", "source"): ["refresh", "--source", "{id}"],
    ("sources show", "key"): ["sources", "show", "{id}"],
    ("refresh pause", "key"): ["refresh", "pause", "{id}"],
    ("refresh resume", "key"): ["refresh", "resume", "{id}"],
    ("refresh robots", "key"): ["refresh", "robots", "{id}", "--why", "testing"],
    ("watch remove", "key"): ["watch", "remove", "{id}"],
    ("watch pause", "key"): ["watch", "pause", "{id}"],
    ("watch resume", "key"): ["watch", "resume", "{id}"],
    ("factchecks match", "claim"): ["factchecks", "match", "{id}"],
    ("edit", "claim_id"): ["edit", "{id}", "--claimant", "Amina Berrada"],
    ("add-claim", "snapshot_id"): ["add-claim", "{id}", "--quote", "20.000"],
    ("dismiss", "claim_id"): ["dismiss", "{id}", "--why", "a headline"],
    ("split", "claim_id"): ["split", "{id}"],
}
# Mention ids without taking one: the address a report will be published at, and
# the template of each check's address ({id} is filled in per claim).
TAKE_NO_ID = {("report", "publish_url"), ("report", "claim_url")}
NOT_IDS = [str(2**63), str(2**31), str(MAX_ID + 1), "9" * 40, "0", "²"]


def _id_parameters() -> set[tuple[str, str]]:
    """(command, parameter) for every parameter whose help or metavar says it takes an id."""
    found: set[tuple[str, str]] = set()

    def walk(command: object, path: list[str]) -> None:
        for param in getattr(command, "params", []):
            words = f"{getattr(param, 'help', '') or ''} {param.metavar or ''}"
            if re.search(r"\bid\b", words, re.IGNORECASE):
                found.add((" ".join(path), param.name))
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, [*path, name])

    walk(every_command(), [])
    return found


def test_the_attack_covers_every_parameter_that_takes_an_id() -> None:
    assert _id_parameters() - TAKE_NO_ID == set(ID_COMMANDS)


def _one_line(result: Run) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factdesk: error: "), result.stderr
    return lines[0]


@pytest.fixture
def stored(cli: CliRun, tmp_path: Path) -> Path:
    page = tmp_path / "page.html"
    page.write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", str(page)).exit_code == 0
    return page


@pytest.mark.parametrize("command", list(ID_COMMANDS), ids=" ".join)
def test_an_id_no_database_can_hold_is_bad_usage_in_one_line(
    command: tuple[str, str], cli: CliRun, database: Database, stored: Path
) -> None:
    before = counts(database)
    for value in NOT_IDS:
        args = [a.format(id=value, file=stored) for a in ID_COMMANDS[command]]
        result = cli(*args)
        assert result.exit_code == 2, (value, result.stderr)
        line = _one_line(result)
        assert repr(value) in line
        assert f"1 to {MAX_ID}" in line
    assert counts(database) == before
    # The largest id is still an id: looked for, not refused.
    args = [a.format(id=MAX_ID, file=stored) for a in ID_COMMANDS[command]]
    result = cli(*args)
    assert result.exit_code in (0, 1), result.stderr
    if result.exit_code:
        _one_line(result)


COUNTS = {
    "--offset": (["claims", "--offset", str(2**63)], "0 to 9223372036854775807"),
    "--limit": (["claims", "--limit", "0"], "1 to 9223372036854775807"),
    "--expect-version": (["note", "1", "x", "--expect-version", str(2**31)], f"0 to {MAX_ID}"),
    "--figure": (["verdict", "1", "false", "--why", "x", "--figure", "9" * 30], f"0 to {MAX_ID}"),
}


@pytest.mark.parametrize("option", list(COUNTS))
def test_numbers_past_their_column_are_bad_usage_in_one_line(
    option: str, cli: CliRun, database: Database, stored: Path
) -> None:
    args, bounds = COUNTS[option]
    before = counts(database)
    result = cli(*args)
    assert result.exit_code == 2
    assert bounds in _one_line(result)
    assert option in _one_line(result)
    assert counts(database) == before


def test_a_verdict_on_a_figure_the_claim_lacks_is_refused(
    cli: CliRun, database: Database, stored: Path
) -> None:
    result = cli("verdict", "1", "false", "--why", "x", "--figure", "7")
    assert result.exit_code == 1
    assert "no figure 7" in _one_line(result)
    history = cli("history", "1", "--format", "json")
    assert history.stdout.strip() == "[]"
