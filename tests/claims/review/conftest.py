"""A database holding one ingested article and its claims, for review tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.cli import CliRun

ARTICLE = """<html lang="fr"><head><title>Coopératives</title></head><body><article>
<p>Selon le ministère, le Maroc compte aujourd'hui 20.000 coopératives, soit 50 pc de
l'ensemble des coopératives actives dans le monde arabe.</p>
<p>Plus de 40 % des coopératives sont dirigées par des femmes, a déclaré la ministre
Amina Berrada.</p>
<p>Des délégations d'une cinquantaine de pays ont participé au sommet de Lyon.</p>
</article></body></html>"""


@pytest.fixture
def article_claims(cli: CliRun) -> list[dict[str, Any]]:
    """Claims of a small French article ingested from stdin."""
    result = cli(
        "ingest", "-", "--url", "https://news.example/coops", "--lang", "fr", input=ARTICLE
    )
    assert result.exit_code == 0, result.stderr
    listing = json.loads(cli("claims", "--format", "json").stdout)
    claims: list[dict[str, Any]] = listing["claims"]
    assert len(claims) >= 3
    return claims


def claim_with(claims: list[dict[str, Any]], words: str) -> dict[str, Any]:
    """The claim (not a derived one) whose sentence holds ``words``."""
    return next(c for c in claims if words in c["text"] and not c["derived_from"])
