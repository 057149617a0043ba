"""Fixture pages for the extraction tests (written for these tests, not copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.shared import seed_file

FIXTURES = Path(__file__).parent / "fixtures"


def read_fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture
def seed_text() -> str:
    return seed_file().read_text(encoding="utf-8")
