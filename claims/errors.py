"""Errors of the claims layer.

    db.errors.FactdeskError
     └── ClaimError               every failure of the claims layer
          └── ClaimNotFound       no claim has that id

claims.text.extraction keeps its own ExtractionError subclasses (bad language…).
"""

from __future__ import annotations

from db.errors import FactdeskError


class ClaimError(FactdeskError):
    """Base of every error of the claims layer."""


class ClaimNotFound(ClaimError):
    """No claim has the id asked for."""

    def __init__(self, claim_id: int) -> None:
        super().__init__(f"claim {claim_id}: no such claim; list claims with `factdesk claims`")
        self.claim_id = claim_id
