"""``--lang auto`` picks the language a text is in; a code factdesk does not read is usage."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.support.cli import Run
from tui.cli import app

# Each sentence's figure reads differently in the other language's notation
# (English reads the French line as 12, French the English one as 12.5).
FRENCH = "Le port emploie 12,5 milliers de personnes, selon l'autorité portuaire."
ENGLISH = "The port employs 12,500 people, the port authority said."


def cli(*args: str, input: str) -> Run:
    """``factdesk ARGS``: these commands touch no database."""
    result = CliRunner().invoke(app, list(args), input=input)
    return Run(result.exit_code, result.stdout, result.stderr)


def test_extract_auto_reads_a_french_and_an_english_line_each_in_its_language() -> None:
    run = cli("extract", "--lines", "--lang", "auto", input=f"{FRENCH}\n{ENGLISH}\n")
    assert run.exit_code == 0, run.stderr
    french, english = (json.loads(line)["claims"] for line in run.stdout.splitlines())
    assert [q["value"] for c in french for q in c["quantities"]] == [12_500.0]
    assert [q["value"] for c in english for q in c["quantities"]] == [12_500.0]


def test_extract_auto_says_which_language_it_read() -> None:
    for text, code in ((FRENCH, "fr"), (ENGLISH, "en")):
        run = cli("extract", "-", input=text)
        assert run.exit_code == 0, run.stderr
        assert json.loads(run.stdout)["language"] == code


def test_quantities_auto_reads_the_notation() -> None:
    run = cli("quantities", "--lines", input=f"{ENGLISH}\n")
    assert run.exit_code == 0, run.stderr
    assert [q["value"] for q in json.loads(run.stdout)] == [12_500.0]


def test_an_unsupported_language_is_one_line_of_usage() -> None:
    for command in ("extract", "quantities"):
        run = cli(command, "--lang", "de", input=ENGLISH)
        assert run.exit_code == 2
        assert run.stderr.strip().splitlines() == [
            "factdesk: error: --lang de: not a language factdesk reads; use one of fr, en, auto"
        ]
        assert run.stdout == ""
