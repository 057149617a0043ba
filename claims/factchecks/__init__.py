"""Earlier fact-checks: a local index of published ClaimReviews, and claims matched to it.

    read_claimreviews(data, name=..., media_type=...) -> list[ReviewRecord]   parse, no I/O
    import_factchecks(database, target, policy=...) -> Imported               file or URL
    match_text(session, text) / match_claim(session, id) -> list[Match]
    record_matches(session, claims)                                           the ingest hook
    ensure_terms(database)                   key terms for reviews kept without them (once)

Parsing and storing are split so a hostile file is refused before anything is
written; matching itself is pure text analysis (`claims.text.matching`).
"""

from __future__ import annotations

from claims.factchecks.claimreview import ReviewRecord, read_claimreviews
from claims.factchecks.errors import FactCheckError, NotClaimReview
from claims.factchecks.importing import Imported, import_factchecks
from claims.factchecks.matching import (
    Match,
    dossier_section,
    match_claim,
    match_text,
    record_matches,
)
from claims.factchecks.store import FactCheckPage, fact_check_json, list_factchecks
from claims.factchecks.terms import ensure_terms

__all__ = [
    "FactCheckError",
    "FactCheckPage",
    "Imported",
    "Match",
    "NotClaimReview",
    "ReviewRecord",
    "dossier_section",
    "ensure_terms",
    "fact_check_json",
    "import_factchecks",
    "list_factchecks",
    "match_claim",
    "match_text",
    "read_claimreviews",
    "record_matches",
]
