"""A fresh database holding the seed article or the whole demo corpus, ingested for real."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.cli import CliRun
from tests.support.shared import seed_file

SEED_URL = "https://medias24.com/2019/06/20/maroc-pact-for-impact/"


def listing(cli: CliRun, *args: str) -> list[dict[str, Any]]:
    out = cli("claims", "--format", "json", "--limit", "100000", *args)
    assert out.exit_code == 0, out.stderr
    claims: list[dict[str, Any]] = json.loads(out.stdout)["claims"]
    return claims


@pytest.fixture(params=["seed", "demo"])
def corpus(request: pytest.FixtureRequest, cli: CliRun) -> list[dict[str, Any]]:
    """Every stored claim after `factdesk ingest` of the seed or `factdesk demo`."""
    if request.param == "seed":
        done = cli("ingest", str(seed_file()), "--lang", "fr", "--url", SEED_URL)
    else:
        done = cli("demo")
    assert done.exit_code == 0, done.stderr
    return listing(cli)
