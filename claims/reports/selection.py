"""Which claims a report holds, read in pages so that exports stream.

A report never loads its whole selection: :func:`iter_claims` walks the
selected claims by id (keyset pagination, ``id > last``: every page costs the
same however deep the export is) and, per page, reads the figures, evidence
and review events of those claims in one query each. Rows come back as plain
SQL rows, not ORM objects, because building ORM objects for 100,000 claims
and their evidence costs more than the export itself.

Each claim is handed out as the dict :func:`claims.review.dossier.load_dossier`'s
``to_json`` gives for it (same keys, same values), plus ``article`` (what the
claim's page says about itself) and the time of each verdict. A derived
claim's ``derived_from`` names figures by the ``id`` they carry.
:func:`iter_snapshots` then walks the snapshots those claims and their
evidence come from, the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from itertools import chain
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    exists,
    func,
    or_,
    select,
    union,
)
from sqlmodel import Session, col

from claims.factchecks.matching import ClaimMatcher, report_match
from claims.reports.pages import PageFinder
from claims.reports.reading import AnySelect, ClaimFilter, Reader
from claims.review.queries import source_condition
from claims.review.report_fields import review_fields
from db.models import (
    Claim,
    ClaimQuantity,
    ClaimState,
    Evidence,
    QuoteAnchor,
    ReviewEvent,
    Snapshot,
    Source,
)

PAGE_SIZE = 1000
"""Claims read per query: big enough to amortise a round trip, small enough to stay flat."""


class Detail(Enum):
    """How much of each claim a report reads."""

    full = "full"
    """The whole dossier: history, evidence with quotes, selectors and cross-checks."""
    summary = "summary"
    """What a one-line-per-claim table prints: the claim's sentence, span, kind,
    claimant, reasoning, status, assignee, source and snapshot, its figures, its
    current verdicts, and per evidence only id, stance, source URL, cross-check,
    freshness and whether it was removed; no history, selectors or article. Most
    of an export's rows are history and quotes, so a table reads a fraction of them."""
    row = "row"
    """As ``summary``, but each figure holds only its ``surface``: all that a table of
    one row per claim prints of it (corrections never change a surface)."""


@dataclass(frozen=True)
class ReportSelection:
    """The claims a report covers; every filter given must hold."""

    claim_ids: tuple[int, ...] = ()
    """Only these claims (empty: any)."""
    source: str | None = None
    """A source id or part of its URL."""
    status: str | None = None
    verdict: str | None = None
    """A rating key, e.g. "false"."""
    reviewer: str | None = None
    """Claims this reviewer acted on (any review event of theirs)."""
    since: datetime | None = None
    """Claims found, or acted on by a reviewer, at or after this instant."""
    include_dismissed: bool = False
    """Dismissed claims are left out of every report unless this is set (or the
    status filter asks for them)."""

    def to_json(self) -> dict[str, Any]:
        # include_dismissed is named only when set: reports without it read as before.
        extra = {"include_dismissed": True} if self.include_dismissed else {}
        return {
            "claim_ids": list(self.claim_ids),
            "source": self.source,
            "status": self.status,
            "verdict": self.verdict,
            "reviewer": self.reviewer,
            "since": self.since.isoformat() if self.since else None,
            **extra,
        }


DISMISSED = "dismissed"
"""The status a dismissed claim has: the one marker reports test for."""


def claim_status() -> ColumnElement[str]:
    """A claim's review status ("new" before any event made it a state row)."""
    return func.coalesce(col(ClaimState.status), "new")


def is_dismissed(status: str | None) -> bool:
    return status == DISMISSED


def conditions(selection: ReportSelection) -> list[ColumnElement[bool]]:
    status = claim_status()
    where: list[ColumnElement[bool]] = []
    if not selection.include_dismissed and not is_dismissed(selection.status):
        where.append(status != DISMISSED)
    if selection.claim_ids:
        where.append(col(Claim.id).in_(selection.claim_ids))
    if selection.source:
        where.append(source_condition(selection.source))
    if selection.status:
        where.append(status == selection.status)
    if selection.verdict:
        where.append(col(ClaimState.verdict) == selection.verdict)
    if selection.reviewer:
        where.append(
            exists().where(
                col(ReviewEvent.claim_id) == col(Claim.id),
                col(ReviewEvent.reviewer) == selection.reviewer,
            )
        )
    if selection.since:
        where.append(
            or_(
                col(Claim.created_at) >= selection.since,
                exists().where(
                    col(ReviewEvent.claim_id) == col(Claim.id),
                    col(ReviewEvent.at) >= selection.since,
                ),
            )
        )
    return where


def joined(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    return query.join(Source, col(Source.id) == col(Claim.source_id)).outerjoin(
        ClaimState, col(ClaimState.claim_id) == col(Claim.id)
    )


def count_claims(session: Session, selection: ReportSelection) -> int:
    query = joined(select(func.count()).select_from(Claim)).where(*conditions(selection))
    return int(session.execute(query).scalar_one())


def claim_ids_query(selection: ReportSelection) -> Select[Any]:
    return joined(select(col(Claim.id)).select_from(Claim)).where(*conditions(selection))


def _claim_columns(r: Reader) -> tuple[Any, ...]:
    return (
        col(Claim.id),
        col(Claim.text),
        col(Claim.start),
        col(Claim.end),
        r.json(col(Claim.spans)).label("spans"),
        col(Claim.exact),
        col(Claim.prefix),
        col(Claim.suffix),
        col(Claim.kind),
        col(Claim.claimant),
        col(Claim.subject),
        col(Claim.language),
        col(Claim.checkworthiness),
        col(Claim.fingerprint),
        col(Claim.extractor),
        r.json(col(Claim.derived_from)).label("derived_from"),
        col(Claim.reasoning),
        r.ts(col(Claim.created_at)).label("created_at"),
        col(Claim.source_id),
        col(Claim.snapshot_id),
        col(Source.url).label("source_url"),
        col(Snapshot.body_sha256),
        r.ts(col(Snapshot.fetched_at)).label("fetched_at"),
        col(Snapshot.http_status),
        col(Snapshot.final_url),
        col(Snapshot.title),
        col(Snapshot.byline),
        col(Snapshot.site_name),
        col(Snapshot.published),
        col(Snapshot.canonical_url),
        col(ClaimState.status),
        col(ClaimState.verdict),
        col(ClaimState.assignee),
        col(ClaimState.evidence_count),
        col(ClaimState.version),
    )


def iter_claims(
    session: Session,
    selection: ReportSelection,
    *,
    page_size: int = PAGE_SIZE,
    detail: Detail = Detail.full,
) -> Iterator[list[dict[str, Any]]]:
    """The selected claims as dossier dicts, in pages of ``page_size``, by id.

    With ``Detail.summary`` or ``Detail.row`` each claim holds only what a
    one-line-per-claim table prints (see :class:`Detail`).
    """
    where = conditions(selection)
    reader = Reader(session)
    full = detail is Detail.full
    columns = _claim_columns(reader) if full else _summary_columns(reader)
    pages = PageFinder(session)
    matcher = ClaimMatcher(session) if full else None
    query = (
        joined(select(*columns).select_from(Claim))
        .join(Snapshot, col(Snapshot.id) == col(Claim.snapshot_id))
        .where(col(Claim.id) > bindparam("last", 0), *where)
        .order_by(col(Claim.id))
        .limit(page_size)
    )
    snapshot_at = [getattr(column, "key", None) for column in columns].index("snapshot_id")
    last = 0
    while True:
        rows = reader.after(f"claims {detail.value}", query, last)
        if not rows:
            return
        ids = [row[0] for row in rows]
        last = ids[-1]
        if full:
            page = _page(reader, rows, ids)
        else:
            page = _summary_page(reader, rows, ids, surfaces=detail is Detail.row)
        _add_pages(pages, page, snapshot_ids=[row[snapshot_at] for row in rows])
        # Corrections, groups and evidence freshness, as `factdesk show` has them.
        fields = review_fields(session, ids)
        page = [fields.apply(claim) for claim in page]
        if matcher is not None:
            _add_fact_checks(matcher, page)
        yield page


def _page(reader: Reader, rows: Sequence[Any], ids: list[int]) -> list[dict[str, Any]]:
    quantities = _quantities(reader, ids)
    events, verdicts, removed = _events(reader, ids, full=True)
    evidence = _evidence(reader, ids, removed)
    no_verdicts: dict[str | None, dict[str, Any]] = {}
    page: list[dict[str, Any]] = []
    append = page.append
    loads = orjson.loads
    for (
        id_, text, start, end, spans, exact, prefix, suffix, kind, claimant, subject,
        language, checkworthiness, fingerprint, extractor, derived_from, reasoning, created_at,
        source_id, snapshot_id, source_url, body_sha256, fetched_at, http_status,
        final_url, title, byline, site_name, published, canonical_url,
        status, verdict, assignee, evidence_count, version,
    ) in rows:  # fmt: skip
        claim_verdicts = verdicts.get(id_, no_verdicts)
        append(
            {
                "id": id_,
                "text": text,
                "start": start,
                "end": end,
                "kind": kind,
                "claimant": claimant,
                "subject": subject,
                "quantities": quantities.get(id_, []),
                "checkworthiness": round(checkworthiness, 3),
                "fingerprint": fingerprint,
                "derived_from": [] if derived_from == "[]" else loads(derived_from),
                "reasoning": reasoning,
                "spans": [{"start": s, "end": e} for s, e in loads(spans)],
                "selector": {
                    "type": "TextQuoteSelector",
                    "exact": exact,
                    "prefix": prefix,
                    "suffix": suffix,
                },
                "status": status or "new",
                "verdict": verdict,
                "assignee": assignee,
                "evidence_count": evidence_count or 0,
                "version": version or 0,
                "language": language,
                "source_id": source_id,
                "source_url": source_url,
                "snapshot_id": snapshot_id,
                "snapshot_sha256": body_sha256,
                "fetched_at": fetched_at,
                "http_status": http_status,
                "extractor": extractor,
                "created_at": created_at,
                "article": {
                    "title": title,
                    "byline": byline,
                    "site_name": site_name,
                    "published": published,
                    "final_url": final_url,
                    "canonical_url": canonical_url,
                },
                "verdict_detail": claim_verdicts.get(None),
                "figure_verdicts": {t: v for t, v in claim_verdicts.items() if t is not None},
                "evidence": evidence.get(id_, []),
                "history": events.get(id_, []),
            }
        )
    return page


def _add_fact_checks(matcher: ClaimMatcher, page: list[dict[str, Any]]) -> None:
    """Each claim's earlier fact-checks, as ``factdesk show`` finds them (on the
    claim as stored: its original sentence when it was corrected)."""
    for claim in page:
        stored = (claim.get("original") or claim)["text"]
        found = matcher.matches(stored, claim["language"]) if matcher else []
        claim["fact_checks"] = [report_match(m) for m in found]


def _add_pages(finder: PageFinder, page: list[dict[str, Any]], snapshot_ids: list[int]) -> None:
    """Each claim's ``page`` and, in a full page, each evidence quote's (None
    outside a PDF): where ``show`` and the claim screen print "p. N"."""
    quotes = [e for claim in page for e in claim["evidence"] if "selector" in e]
    # The spots are walked only when a snapshot of the page is paged (few exports).
    spots = chain(
        zip(snapshot_ids, [claim["start"] for claim in page], strict=True),
        ((e["snapshot_id"], _quote_start(e)) for e in quotes),
    )
    found = finder.pages({*snapshot_ids, *[e["snapshot_id"] for e in quotes]}, spots)
    if not found:
        for item in chain(page, quotes):
            item["page"] = None
        return
    for claim, snapshot_id in zip(page, snapshot_ids, strict=True):
        claim["page"] = found.get((snapshot_id, claim["start"]))
    for e in quotes:
        e["page"] = found.get((e["snapshot_id"], _quote_start(e)))


def _quote_start(evidence: dict[str, Any]) -> int:
    start: int = evidence["selector"][1]["start"]
    return start


def _summary_columns(r: Reader) -> tuple[Any, ...]:
    return (
        col(Claim.id),
        col(Claim.text),
        col(Claim.start),
        col(Claim.end),
        col(Claim.kind),
        col(Claim.claimant),
        col(Claim.reasoning),
        col(Source.url).label("source_url"),
        col(Snapshot.body_sha256),
        r.ts(col(Snapshot.fetched_at)).label("fetched_at"),
        col(ClaimState.status),
        col(ClaimState.verdict),
        col(ClaimState.assignee),
        col(Claim.snapshot_id),
    )


def _summary_page(
    reader: Reader, rows: Sequence[Any], ids: list[int], *, surfaces: bool
) -> list[dict[str, Any]]:
    """A ``Detail.summary`` page (``surfaces``: a ``Detail.row`` page): only the
    columns a table prints are read, so the 100,000-claim CSV neither reads nor
    builds what it drops (bench/README.md)."""
    quantities = _surfaces(reader, ids) if surfaces else _quantities(reader, ids)
    _, verdicts, removed = _events(reader, ids, full=False)
    evidence = _evidence_links(reader, ids, removed)
    no_verdicts: dict[str | None, dict[str, Any]] = {}
    no_figures: dict[str, dict[str, Any]] = {}
    empty: list[dict[str, Any]] = []
    page: list[dict[str, Any]] = []
    append = page.append
    for (
        id_, text, start, end, kind, claimant, reasoning, source_url, body_sha256, fetched_at,
        status, verdict, assignee, _snapshot_id,
    ) in rows:  # fmt: skip
        claim_verdicts = verdicts.get(id_, no_verdicts)
        append(
            {
                "id": id_,
                "text": text,
                "start": start,
                "end": end,
                "kind": kind,
                "claimant": claimant,
                "quantities": quantities.get(id_, []),
                "reasoning": reasoning,
                "status": status or "new",
                "verdict": verdict,
                "assignee": assignee,
                "source_url": source_url,
                "snapshot_sha256": body_sha256,
                "fetched_at": fetched_at,
                "verdict_detail": claim_verdicts.get(None),
                "figure_verdicts": {t: v for t, v in claim_verdicts.items() if t is not None}
                if claim_verdicts
                else no_figures.copy(),
                "evidence": evidence.get(id_, empty),
            }
        )
    return page


_QUANTITY_KEYS = (
    "id",
    "value",
    "low",
    "high",
    "kind",
    "unit",
    "approximate",
    "hedge",
    "surface",
    "start",
    "end",
)


def _quantities(r: Reader, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    q = ClaimQuantity

    def build(where: ClaimFilter) -> AnySelect:
        return (
            select(
                col(q.claim_id),
                col(q.id),
                col(q.value),
                col(q.low),
                col(q.high),
                col(q.kind),
                col(q.unit),
                col(q.approximate),
                col(q.hedge),
                col(q.surface),
                col(q.start),
                col(q.end),
            )
            .where(where(col(q.claim_id)))
            .order_by(col(q.claim_id), col(q.position))
        )

    rows = r.of_claims("quantities", build, ids)
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    keys = _QUANTITY_KEYS
    # The columns come in the order of the JSON keys: zip builds each object in C.
    for row in rows:
        quantity = dict(zip(keys, row[1:], strict=True))
        # Read without result types: SQLite's booleans come back as 0 and 1.
        quantity["approximate"] = bool(quantity["approximate"])
        out[row[0]].append(quantity)
    return out


def _surfaces(r: Reader, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each claim's figures as ``{"surface": ...}`` only: a third of the cost of
    reading and building whole figures, which a claim row does not print."""
    q = ClaimQuantity

    def build(where: ClaimFilter) -> AnySelect:
        return (
            select(col(q.claim_id), col(q.surface))
            .where(where(col(q.claim_id)))
            .order_by(col(q.claim_id), col(q.position))
        )

    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for claim_id, surface in r.of_claims("surfaces", build, ids):
        out[claim_id].append({"surface": surface})
    return out


_Verdicts = dict[int, dict[str | None, dict[str, Any]]]


def _events(
    r: Reader, ids: list[int], *, full: bool
) -> tuple[dict[int, list[dict[str, Any]]], _Verdicts, set[int]]:
    """The review history of the page's claims, with what it decides along the way:
    each claim's current verdicts (the latest per target) and the removed evidence.

    Without ``full`` only the events those two need are read, and no history is kept.
    """
    e = ReviewEvent

    def build(where: ClaimFilter) -> AnySelect:
        query = (
            select(
                col(e.claim_id),
                col(e.version),
                r.ts(col(e.at)),
                col(e.reviewer),
                col(e.action),
                col(e.target),
                r.json(col(e.before)),
                r.json(col(e.after)),
                col(e.text),
                col(e.evidence_id),
            )
            .where(where(col(e.claim_id)))
            .order_by(col(e.claim_id), col(e.version))
        )
        if not full:
            query = query.where(col(e.action).in_(("verdict", "evidence_removed")))
        return query

    history: dict[int, list[dict[str, Any]]] = defaultdict(list)
    verdicts: _Verdicts = defaultdict(dict)
    removed: set[int] = set()
    loads = orjson.loads
    rows = r.of_claims("events" if full else "decisive events", build, ids)
    for claim_id, version, at, reviewer, action, target, before, after, text, ev in rows:
        after_value = None if after is None else loads(after)
        if action == "verdict":
            if isinstance(after_value, dict):
                verdicts[claim_id][target] = {
                    **after_value,
                    "why": text,
                    "by": reviewer,
                    "at": at,
                }
        elif action == "evidence_removed" and ev is not None:
            removed.add(ev)
        if full:
            history[claim_id].append(
                {
                    "version": version,
                    "at": at,
                    "reviewer": reviewer,
                    "action": action,
                    "target": target,
                    "before": None if before is None or before == "null" else loads(before),
                    "after": after_value,
                    "text": text,
                    "evidence_id": ev,
                }
            )
    return history, verdicts, removed


FRESHNESS_LAID_OVER = "current"
"""Holds the key's place: ``review_fields`` lays every evidence item's freshness
over it (``claims.review.freshness`` decides it, as for `factdesk show`)."""


def _evidence(r: Reader, ids: list[int], removed: set[int]) -> dict[int, list[dict[str, Any]]]:
    e = Evidence

    def build(where: ClaimFilter) -> AnySelect:
        return (
            select(
                col(e.id),
                col(e.claim_id),
                col(e.stance),
                col(e.exact),
                col(e.prefix),
                col(e.suffix),
                col(e.start),
                col(e.end),
                col(e.anchor_method),
                col(e.anchor_score),
                r.json(col(e.crosscheck)),
                col(e.note),
                col(e.snapshot_id),
                col(e.added_by),
                r.ts(col(e.added_at)),
                col(Source.url),
                col(Snapshot.body_sha256),
                r.ts(col(Snapshot.fetched_at)),
            )
            .join(Source, col(Source.id) == col(e.source_id))
            .join(Snapshot, col(Snapshot.id) == col(e.snapshot_id))
            .where(where(col(e.claim_id)))
            .order_by(col(e.claim_id), col(e.id))
        )

    rows = r.of_claims("evidence", build, ids)
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    loads = orjson.loads
    for (
        id_, claim_id, stance, exact, prefix, suffix, start, end, method, score, crosscheck,
        note, snapshot_id, added_by, added_at, source_url, body_sha256, fetched_at,
    ) in rows:  # fmt: skip
        out[claim_id].append(
            {
                "id": id_,
                "claim_id": claim_id,
                "stance": stance,
                "quote": exact,
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": exact,
                        "prefix": prefix,
                        "suffix": suffix,
                    },
                    {"type": "TextPositionSelector", "start": start, "end": end},
                ],
                "anchor": {"method": method, "score": score},
                "crosscheck": loads(crosscheck),
                "note": note,
                "source_url": source_url,
                "snapshot_id": snapshot_id,
                "snapshot_sha256": body_sha256,
                "fetched_at": fetched_at,
                "added_by": added_by,
                "added_at": added_at,
                "removed": id_ in removed,
                "freshness": FRESHNESS_LAID_OVER,
            }
        )
    return out


def _evidence_links(
    r: Reader, ids: list[int], removed: set[int]
) -> dict[int, list[dict[str, Any]]]:
    """Evidence as a summary lists it: which source, its stance and cross-check,
    whether it was removed and whether it still stands in its source."""
    e = Evidence

    def build(where: ClaimFilter) -> AnySelect:
        return (
            select(
                col(e.id),
                col(e.claim_id),
                col(e.stance),
                col(Source.url),
                r.json(col(e.crosscheck)),
            )
            .join(Source, col(Source.id) == col(e.source_id))
            .where(where(col(e.claim_id)))
            .order_by(col(e.claim_id), col(e.id))
        )

    rows = r.of_claims("evidence links", build, ids)
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    loads = orjson.loads
    for id_, claim_id, stance, source_url, crosscheck in rows:
        out[claim_id].append(
            {
                "id": id_,
                "claim_id": claim_id,
                "stance": stance,
                "source_url": source_url,
                "crosscheck": [] if crosscheck == "[]" else loads(crosscheck),
                "removed": id_ in removed,
                "freshness": FRESHNESS_LAID_OVER,
            }
        )
    return out


def _snapshot_ids(selection: ReportSelection) -> Any:
    """Ids of the snapshots the selected claims and their evidence were read from,
    or found again in by a refresh."""
    claims = claim_ids_query(selection).subquery()
    of_claims = select(col(Claim.snapshot_id)).where(col(Claim.id).in_(select(claims.c.id)))
    of_evidence = select(col(Evidence.snapshot_id)).where(
        col(Evidence.claim_id).in_(select(claims.c.id))
    )
    # Where a refresh found the quotes again: those snapshots are quoted too.
    anchored = col(QuoteAnchor.claim_id).in_(select(claims.c.id))
    of_anchors = select(col(QuoteAnchor.snapshot_id)).where(anchored)
    anchored_from = select(col(QuoteAnchor.previous_snapshot_id)).where(anchored)
    return union(of_claims, of_evidence, of_anchors, anchored_from).subquery()


_SNAPSHOT_IDS_PER_QUERY = 5000


def iter_snapshots(
    session: Session, selection: ReportSelection, *, page_size: int = 100
) -> Iterator[tuple[Snapshot, str]]:
    """Every snapshot behind the selection, once, by id, with its source's URL.

    Finding the snapshots walks the whole selection, so their ids are read
    thousands at a time (one walk for most reports); the snapshots themselves,
    which carry their text, ``page_size`` at a time, detached page by page so
    the session does not keep them all.
    """
    ids = _snapshot_ids(selection)
    last = 0
    while True:
        batch = list(
            session.execute(
                select(ids.c.snapshot_id)
                .where(ids.c.snapshot_id > last)
                .order_by(ids.c.snapshot_id)
                .limit(_SNAPSHOT_IDS_PER_QUERY)
            ).scalars()
        )
        if not batch:
            return
        last = batch[-1]
        # A short batch is the last: asking again would walk the whole selection
        # once more to find nothing (8 % of a 20,000-claim JSON export).
        more = len(batch) == _SNAPSHOT_IDS_PER_QUERY
        for i in range(0, len(batch), page_size):
            rows = session.execute(
                select(Snapshot, col(Source.url))
                .join(Source, col(Source.id) == col(Snapshot.source_id))
                .where(col(Snapshot.id).in_(batch[i : i + page_size]))
                .order_by(col(Snapshot.id))
            ).all()
            session.expunge_all()
            yield from rows
        if not more:
            return


def snapshot_json(snapshot: Snapshot, source_url: str) -> dict[str, Any]:
    """What a report says about one snapshot: where, when, what bytes, what text."""
    return {
        "id": snapshot.id,
        "source_id": snapshot.source_id,
        "source_url": source_url,
        "fetched_at": snapshot.fetched_at.isoformat(),
        "final_url": snapshot.final_url,
        "http_status": snapshot.http_status,
        "headers": snapshot.headers,
        "media_type": snapshot.media_type,
        "charset": snapshot.charset,
        "charset_source": snapshot.charset_source,
        "replaced_bytes": snapshot.replaced_bytes,
        "body_sha256": snapshot.body_sha256,
        "body_size": snapshot.body_size,
        "text_sha256": snapshot.text_sha256,
        "text_length": len(snapshot.text),
        "extractor": snapshot.extractor,
        "title": snapshot.title,
        "byline": snapshot.byline,
        "published": snapshot.published,
        "site_name": snapshot.site_name,
        "language": snapshot.language,
        "canonical_url": snapshot.canonical_url,
    }
