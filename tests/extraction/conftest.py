"""Fixture pages for the extraction tests (written for these tests, not copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# The shared seed sits beside the checkout (see tests/ingest/test_ingest_seed.py).
SEED_FILE = (
    Path(__file__).resolve().parents[2].parent / "shared" / "seed"
    / "medias24-maroc-pact-for-impact.txt"
)


def read_fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture
def seed_text() -> str:
    if not SEED_FILE.exists():
        pytest.skip(f"seed file not found at {SEED_FILE}")
    return SEED_FILE.read_text(encoding="utf-8")
