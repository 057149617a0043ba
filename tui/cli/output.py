"""How commands speak: results on stdout, one-line errors on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer

from db.errors import FactdeskError

EXIT_INPUT = 1
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """Print ``message`` as one line on stderr and exit with ``code``."""
    one_line = " ".join(message.split())
    typer.echo(f"factdesk: error: {one_line}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """Print ``message`` as one warning line on stderr."""
    typer.echo(f"factdesk: warning: {' '.join(message.split())}", err=True)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn any :class:`FactdeskError` raised inside into a one-line exit 1."""
    try:
        yield
    except FactdeskError as exc:
        fail(str(exc))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_json_line(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
