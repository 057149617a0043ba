"""``factdesk extract`` and ``factdesk quantities``: text in, JSON out, no database."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Final

import typer
from rich.console import Console
from rich.table import Table

from tui.cli.app import app
from tui.cli.output import EXIT_USAGE, fail, print_json, print_json_line
from tui.terminal_text import literal

AUTO: Final = "auto"
LANG_HELP: Final = "Language of the text: a code factdesk reads (see docs/languages.md), or auto."


def _language_of(text: str, lang: str) -> str:
    """``lang`` if factdesk reads it, the language detected in ``text`` for auto."""
    from claims.language_choice import choose_language
    from claims.text.languages import SUPPORTED

    if lang == AUTO:
        return choose_language(text)
    if lang not in SUPPORTED:
        fail(
            f"--lang {lang}: not a language factdesk reads; use one of "
            f"{', '.join((*SUPPORTED, AUTO))}",
            EXIT_USAGE,
        )
    return lang


class ClaimFormat(StrEnum):
    json = "json"
    table = "table"


def _read_input(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        fail(f"{path}: no such file; check the path, or use - for stdin")
    except OSError as exc:
        fail(f"{path}: cannot read the file ({exc.strerror})")


def _lines(text: str) -> list[str]:
    return text.splitlines()


@app.command("extract")
def extract_command(
    source: Annotated[str, typer.Argument(help="Text file, or - for stdin.")] = "-",
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = AUTO,
    lines: Annotated[
        bool, typer.Option("--lines", help="Each input line is its own text; JSON per line.")
    ] = False,
    output: Annotated[
        ClaimFormat, typer.Option("--format", help="Output format.")
    ] = ClaimFormat.json,
) -> None:
    """Claims found in a text, as JSON (the extraction contract). Writes no database."""
    from claims.text.extraction import extract_claims
    from claims.text.extraction.stream import iter_claims

    text = _read_input(source)
    if lines:
        for line in _lines(text):
            found = extract_claims(line, _language_of(line, lang))
            print_json_line({"claims": [c.to_json() for c in found]})
        return
    language = _language_of(text, lang)
    if output is ClaimFormat.json:
        # Streamed: a 50 MB text is read block by block and its claims written
        # as they are found, so memory does not grow with the text.
        sys.stdout.write(f'{{"language": "{language}", "claims": [\n')
        for index, claim in enumerate(iter_claims(text, language)):
            sys.stdout.write(
                ("" if index == 0 else ",\n") + json.dumps(claim.to_json(), ensure_ascii=False)
            )
        sys.stdout.write("\n]}\n")
        return
    found = extract_claims(text, language)
    table = Table("span", "kind", "claimant", "figures", "sentence", box=None)
    for claim in found:
        figures = ", ".join(q.surface for q in claim.quantities)
        table.add_row(
            f"{claim.start}-{claim.end}",
            claim.kind,
            literal(claim.claimant or ""),
            literal(figures),
            literal(claim.text),
        )
    Console(highlight=False).print(table)


@app.command("quantities")
def quantities_command(
    source: Annotated[str, typer.Argument(help="Text file, or - for stdin.")] = "-",
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = AUTO,
    lines: Annotated[
        bool,
        typer.Option("--lines", help="Each input line is its own text; a JSON array per line."),
    ] = False,
) -> None:
    """Every quantity found in a text, without deciding what is a claim. Writes no database.

    A range without a point value ("entre 10 et 20") has value [low, high], the
    form number-recognition scorers read.
    """
    from claims.text.languages import language
    from claims.text.quantities import Quantity, find_quantities

    def as_json(q: Quantity) -> dict[str, Any]:
        data = q.to_json()
        if q.value is None and q.low is not None and q.high is not None:
            data["value"] = [q.low, q.high]
        return data

    text = _read_input(source)
    if lines:
        for line in _lines(text):
            numbers = language(_language_of(line, lang)).numbers
            print_json_line([as_json(q) for q in find_quantities(line, numbers)])
        return
    numbers = language(_language_of(text, lang)).numbers
    print_json([as_json(q) for q in find_quantities(text, numbers)])
