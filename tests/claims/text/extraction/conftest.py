"""Shared inputs: the seed page scrape (article twice plus boilerplate) and its article.

They are read from ../shared beside the checkout (CI has it); tests that need
them skip with a message when it is absent.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.rulings import as_ruled
from tests.support.shared import shared_file


@pytest.fixture(scope="session")
def seed_scrape() -> str:
    return shared_file("seed", "medias24-maroc-pact-for-impact.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_scrape: str) -> str:
    """The article once, as the page extractor hands it over: the scrape's first line."""
    return seed_scrape.split("\n", 1)[0]


@pytest.fixture(scope="session")
def seed_expectations() -> dict[str, Any]:
    path = shared_file("seed", "expected-claims.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return as_ruled(data)
