"""Groups: one claim seen in several articles, reviewed once.

A group is a set of claims that state the same thing; its id is the id of
its smallest claim (kept so through merges and splits, so that the queue's
one row per group is the group's first claim). Identical sentences (same fingerprint:
same words once case, accents and number formats are folded) are grouped
when the second one is stored; reviewers merge and split by hand, and
:func:`proposed_groups` proposes claims with the same figures about the
same counted noun, subject or claimant across sources and languages.

Membership is a review event on each claim whose group changes (``group``,
before and after the group id); ``claim_index.group_id`` is its projection.
A verdict, status or evidence given to one claim of a group is given to
every claim of the group, each with its own event (see ``claims.review.events``
and ``claims.review.evidence``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from claims.errors import ClaimError, ClaimNotFound
from claims.review.events import Change, append
from claims.review.folding import fold_words
from claims.review.index import claim_index, group_of, members
from claims.review.listing import sources_per_group
from db.models import Claim, ClaimIndex, ClaimQuantity, Source
from db.reader import SessionRows

INGEST_REVIEWER = "ingest"
PROPOSED_KINDS = ("count", "percent", "money", "measure", "factor", "duration")
"""Figures that say what a claim is about; dates and ordinals match too easily."""


def _move(
    session: Session,
    claim_id: int,
    group_id: int | None,
    *,
    reviewer: str,
    why: str,
    expected_version: int | None = None,
) -> None:
    index = claim_index(session, claim_id)
    if index.group_id == group_id:
        return
    append(
        session,
        claim_id,
        [Change("group", before=index.group_id, after=group_id, text=why)],
        reviewer=reviewer,
        expected_version=expected_version,
    )
    index.group_id = group_id
    session.add(index)
    session.flush()


def merge(session: Session, claim_ids: Sequence[int], *, reviewer: str) -> int:
    """Put ``claim_ids`` (and the groups they are in) into one group; its id."""
    wanted = sorted(set(claim_ids))
    if len(wanted) < 2:
        raise ClaimError("merge needs two claims or more; give their ids, e.g. merge 12 40")
    everyone: set[int] = set()
    groups: set[int] = set()
    for claim_id in wanted:
        index = claim_index(session, claim_id)
        everyone.add(claim_id)
        if index.group_id is not None:
            groups.add(index.group_id)
            everyone.update(members(session, index.group_id))
    # A group's id is its smallest claim id: the queue's one row per group is that claim.
    group_id = min(everyone)
    listed = ", ".join(str(n) for n in wanted)
    for claim_id in sorted(everyone):
        _move(session, claim_id, group_id, reviewer=reviewer, why=f"merged with claims {listed}")
    return group_id


def split(
    session: Session, claim_id: int, *, reviewer: str, expected_version: int | None = None
) -> list[int]:
    """Take ``claim_id`` out of its group; the claims left in it.

    ``expected_version`` is the claim's version the reviewer saw, as for every
    other change to one claim (the claims left behind change only as a result).
    """
    group_id = group_of(session, claim_id)
    if group_id is None:
        raise ClaimError(f"claim {claim_id} is in no group; nothing to split")
    _move(
        session,
        claim_id,
        None,
        reviewer=reviewer,
        why=f"split from group {group_id}",
        expected_version=expected_version,
    )
    left = members(session, group_id)
    if len(left) == 1:
        # A group of one is no group: the last claim goes back to standing alone.
        _move(session, left[0], None, reviewer=reviewer, why=f"group {group_id} dissolved")
        return []
    if claim_id == group_id:
        # The group's id was the claim that left: it takes its smallest claim's id.
        for other in left:
            _move(session, other, left[0], reviewer=reviewer, why=f"claim {claim_id} left")
    return left


def group_identical(session: Session, stored: Iterable[Claim]) -> None:
    """Group each newly stored claim with earlier claims of the same sentence."""
    for claim in stored:
        assert claim.id is not None
        earlier = session.exec(
            select(Claim.id, Source.url)
            .join(Source, col(Source.id) == Claim.source_id)
            .where(
                Claim.fingerprint == claim.fingerprint,
                col(Claim.id) < claim.id,
                col(Claim.snapshot_id) != claim.snapshot_id,
            )
            .order_by(col(Claim.id))
            .limit(1)
        ).first()
        if earlier is None or earlier[0] is None:
            continue
        first, url = earlier
        group_id = group_of(session, first) or first
        # Each claim's event names the other one: the earlier claim's history
        # would otherwise say it is the same sentence as itself.
        source = session.get(Source, claim.source_id)
        assert source is not None
        _move(
            session,
            first,
            group_id,
            reviewer=INGEST_REVIEWER,
            why=f"same sentence as claim {claim.id} ({source.url})",
        )
        _move(
            session,
            claim.id,
            group_id,
            reviewer=INGEST_REVIEWER,
            why=f"same sentence as claim {first} ({url})",
        )


@dataclass(frozen=True)
class Proposal:
    claims: tuple[int, ...]
    sources: int
    reason: str


def proposed_groups(session: Session, *, limit: int = 100) -> list[Proposal]:
    """Claims from different sources with the same figures about the same thing.

    Same figures: the same values and kinds (dates and ordinals left out).
    The same thing: the first figure's counted noun or unit, the subject or
    the claimant agree once folded. Claims already grouped together are not
    proposed again.
    """
    rows = session.execute(
        select_columns(
            col(ClaimQuantity.claim_id),
            col(ClaimQuantity.kind),
            col(ClaimQuantity.value),
            col(ClaimQuantity.unit),
            col(Claim.source_id),
            col(Claim.subject),
            col(Claim.claimant),
            col(ClaimIndex.group_id),
        )
        .join(Claim, col(Claim.id) == ClaimQuantity.claim_id)
        .outerjoin(ClaimIndex, col(ClaimIndex.claim_id) == Claim.id)
        .where(col(ClaimQuantity.kind).in_(PROPOSED_KINDS), col(ClaimQuantity.value).is_not(None))
        .order_by(col(ClaimQuantity.claim_id), col(ClaimQuantity.position))
    ).all()
    figures: dict[int, list[tuple[str, float]]] = {}
    about: dict[int, set[str]] = {}
    source: dict[int, int] = {}
    group: dict[int, int | None] = {}
    for claim_id, kind, value, unit, source_id, subject, claimant, group_id in rows:
        figures.setdefault(claim_id, []).append((kind, round(float(value), 6)))
        words = about.setdefault(claim_id, set())
        for label, text in (("unit", unit), ("subject", subject), ("claimant", claimant)):
            if text and fold_words(text):
                words.add(f"{label}:{fold_words(text)}")
        source[claim_id] = source_id
        group[claim_id] = group_id
    buckets: dict[tuple[tuple[str, float], ...], list[int]] = {}
    for claim_id, found in figures.items():
        buckets.setdefault(tuple(sorted(found)), []).append(claim_id)
    proposals: list[Proposal] = []
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        for claim_id in bucket:
            mates = [
                other
                for other in bucket
                if other != claim_id
                and about[claim_id] & about[other]
                and source[other] != source[claim_id]
                and (group[other] is None or group[other] != group[claim_id])
            ]
            if not mates or min(mates) < claim_id:
                continue  # proposed from its smallest claim, once
            ids = (claim_id, *mates)
            shared = sorted(set.intersection(*(about[n] for n in ids)) or about[claim_id])
            reason = "same figures; same " + ", ".join(s.replace(":", " ", 1) for s in shared)
            proposals.append(Proposal(ids, len({source[n] for n in ids}), reason))
            if len(proposals) >= limit:
                return proposals
    return proposals


@dataclass(frozen=True)
class Group:
    id: int
    claims: tuple[int, ...]
    sources: int
    text: str
    """The sentence of the group's first claim."""


def existing_groups(session: Session, *, limit: int = 100) -> list[Group]:
    """Groups, first formed first, with their claims and how many sources they span."""
    group_ids = list(
        session.exec(
            select(ClaimIndex.group_id)
            .where(col(ClaimIndex.group_id).is_not(None))
            .group_by(col(ClaimIndex.group_id))
            .order_by(col(ClaimIndex.group_id))
            .limit(limit)
        ).all()
    )
    wanted = [g for g in group_ids if g is not None]
    spread = sources_per_group(SessionRows(session), wanted)
    groups = []
    for group_id in wanted:
        ids = members(session, group_id)
        first = session.get(Claim, ids[0])
        groups.append(
            Group(group_id, tuple(ids), spread.get(group_id, 1), first.text if first else "")
        )
    return groups


def require_claims(session: Session, claim_ids: Sequence[int]) -> None:
    for claim_id in claim_ids:
        if session.get(Claim, claim_id) is None:
            raise ClaimNotFound(claim_id)
