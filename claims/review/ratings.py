"""The rating scale: what a verdict can say, and how it maps to ClaimReview.

An organisation may replace the scale (keys, labels, numeric values) in its
configuration; the default is the six-step scale most fact-checkers publish.
``value`` becomes ClaimReview's ``ratingValue``; ``None`` (Unverifiable) has
no place on the numeric scale and is published by ``alternateName`` only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claims.errors import ClaimError


@dataclass(frozen=True)
class Rating:
    key: str
    label: str
    value: int | None


DEFAULT_RATINGS: tuple[Rating, ...] = (
    Rating("true", "True", 5),
    Rating("mostly-true", "Mostly true", 4),
    Rating("misleading", "Misleading", 3),
    Rating("mostly-false", "Mostly false", 2),
    Rating("false", "False", 1),
    Rating("unverifiable", "Unverifiable", None),
)


class UnknownRating(ClaimError):
    """A rating that is not on the organisation's scale."""


def _fold(name: str) -> str:
    return re.sub(r"[\s_\-]+", "-", name.strip().lower())


@dataclass(frozen=True)
class RatingScale:
    ratings: tuple[Rating, ...] = DEFAULT_RATINGS

    def __iter__(self) -> Iterator[Rating]:
        return iter(self.ratings)

    @classmethod
    def of(cls, ratings: Iterable[Rating]) -> RatingScale:
        return cls(tuple(ratings))

    def find(self, name: str) -> Rating:
        """The rating called ``name`` (its key or label, any case, - _ or space)."""
        wanted = _fold(name)
        for rating in self.ratings:
            if wanted in (_fold(rating.key), _fold(rating.label)):
                return rating
        choices = ", ".join(r.key for r in self.ratings)
        raise UnknownRating(f"rating {name!r} is not on the scale; use one of: {choices}")

    @property
    def best(self) -> int:
        return max(r.value for r in self.ratings if r.value is not None)

    @property
    def worst(self) -> int:
        return min(r.value for r in self.ratings if r.value is not None)
