"""Run the real command line against a fresh test database, and count what it stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlmodel import func, select
from typer.testing import CliRunner

from db.engine import Database
from db.models import Body, FetchRecord, Snapshot, Source
from tui.cli import app


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


CliRun = Callable[..., Run]


@pytest.fixture
def cli(db_url: str) -> CliRun:
    """Run ``factdesk --db <fresh database> --allow-private-networks ARGS``."""

    def run(*args: str, input: bytes | str | None = None, guard: bool = False) -> Run:
        runner = CliRunner()
        base = ["--db", db_url]
        if not guard:
            base.append("--allow-private-networks")
        result = runner.invoke(app, [*base, *args], input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@dataclass
class Counts:
    sources: int
    snapshots: int
    bodies: int
    fetches: int
    failed_fetches: int


def counts(database: Database) -> Counts:
    with database.read() as session:

        def n(model: type, *where: object) -> int:
            query = select(func.count()).select_from(model)
            for clause in where:
                query = query.where(clause)  # type: ignore[arg-type]
            return int(session.exec(query).one())

        return Counts(
            sources=n(Source),
            snapshots=n(Snapshot),
            bodies=n(Body),
            fetches=n(FetchRecord),
            failed_fetches=n(FetchRecord, FetchRecord.outcome == "failed"),
        )
