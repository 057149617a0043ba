"""`factdesk show` says why a claim scored what it did; the queue ranks statistics first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.support.cli import CliRun

ARTICLE = (
    "La secrétaire d'État a présenté mercredi la nouvelle stratégie nationale pour les dix "
    "prochaines années.\n"
    "Le nombre des coopératives a atteint 20.000 au Maroc, soit 50 pc de l'ensemble des "
    "coopératives actives dans le monde arabe, a affirmé la secrétaire d'État.\n"
)


def _ingest(cli: CliRun, tmp_path: Path) -> list[dict[str, Any]]:
    """The stored claims in the queue's check-worthiness order."""
    page = tmp_path / "article.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    done = cli("ingest", str(page), "--lang", "fr", "--url", "https://example.org/a")
    assert done.exit_code == 0, done.stderr
    listing = cli("claims", "--order", "checkworthiness", "--format", "json")
    assert listing.exit_code == 0, listing.stderr
    claims: list[dict[str, Any]] = json.loads(listing.stdout)["claims"]
    return claims


def _with_figure(claims: list[dict[str, Any]], value: float) -> int:
    """Rank of the claim stating `value` (derived totals state others)."""
    return next(
        i for i, c in enumerate(claims) if any(q["value"] == value for q in c["quantities"])
    )


def test_the_queue_ranks_the_statistic_above_the_plan(cli: CliRun, tmp_path: Path) -> None:
    claims = _ingest(cli, tmp_path)
    statistic, plan = claims[_with_figure(claims, 20000)], claims[_with_figure(claims, 10)]
    assert statistic["checkworthiness"] > plan["checkworthiness"]
    assert _with_figure(claims, 20000) < _with_figure(claims, 10)


def test_show_prints_each_part_of_the_score(cli: CliRun, tmp_path: Path) -> None:
    claims = _ingest(cli, tmp_path)
    statistic, plan = claims[_with_figure(claims, 20000)], claims[_with_figure(claims, 10)]
    shown = cli("show", str(statistic["id"]))
    assert shown.exit_code == 0, shown.stderr
    lines = [" ".join(line.split()) for line in shown.stdout.splitlines()]
    assert f"score {statistic['checkworthiness']:.2f} check-worthiness" in lines
    assert "why +0.50 numeric claim" in lines
    assert "why +0.15 figure: 20.000" in lines
    assert "why +0.10 statistic: Le nombre" in lines

    shown = cli("show", str(plan["id"]))
    lines = [" ".join(line.split()) for line in shown.stdout.splitlines()]
    assert "why -0.15 plan: stratégie" in lines
    assert not any(line.startswith("why +0.15 figure") for line in lines)
