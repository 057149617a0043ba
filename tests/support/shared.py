"""The shared folder beside the checkout (seed article, evaluation sets).

One place decides where it is: ``$FACTDESK_SHARED_DIR`` when set, else
``shared/`` beside the repository. Where it is absent, the tests that need it
skip with one message; under ``CI=true`` its absence fails them instead, since
CI always has it and a quiet skip there would hide a lost seed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_ENV = "FACTDESK_SHARED_DIR"
_BESIDE_REPOSITORY = Path(__file__).resolve().parents[2].parent / "shared"


def shared_dir() -> Path:
    """Where the shared folder should be (it may be absent)."""
    override = os.environ.get(SHARED_ENV)
    return Path(override) if override else _BESIDE_REPOSITORY


def shared_file(*parts: str) -> Path:
    """A file under the shared folder; skip the test (fail it in CI) when it is absent."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        message = (
            f"{path} is absent: put the shared folder beside the checkout "
            f"or name it in ${SHARED_ENV}"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


def seed_file() -> Path:
    """The seed page scrape the product was born from."""
    return shared_file("seed", "medias24-maroc-pact-for-impact.txt")
