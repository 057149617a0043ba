"""Errors of the fact-check index.

claims.errors.ClaimError
 └── FactCheckError        every failure of importing or matching fact-checks
      └── NotClaimReview   the input holds no usable ClaimReview (or a malformed one)
"""

from __future__ import annotations

from claims.errors import ClaimError


class FactCheckError(ClaimError):
    """Base of the fact-check index's errors."""


class NotClaimReview(FactCheckError):
    """The input is not JSON-LD holding ClaimReviews, or one of them is malformed."""
