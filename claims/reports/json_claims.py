"""The JSON report's claims, encoded page by page, and its snapshots' fetch records.

The other formats read claims as dicts (:func:`claims.reports.selection.iter_claims`);
the JSON report only needs their text, so here the database writes each
row's JSON object as UTF-8 (:mod:`.sql_json`) and Python splices the bytes
of a claim and its figures, evidence, history and re-anchored quotes
together. Stored JSON (cross-checks, review values, derived ids) is nested
as it is stored, never parsed and re-encoded; only spans are reshaped and
verdicts read back. The result parses to the claim dicts ``iter_claims``
gives, plus the schema 2 additions (``anchors``); a test holds the two paths
to that. Building dicts in Python and encoding them held the 100,000-claim
export to ~15,700 claims per CPU second; this runs at ~28,000 (bench/README.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import orjson
from sqlalchemy import bindparam, func, select
from sqlmodel import Session, col

from claims.factchecks.matching import ClaimMatcher, report_match
from claims.reports.pages import PageFinder
from claims.reports.reading import AnySelect, ClaimFilter, Reader
from claims.reports.selection import PAGE_SIZE, ReportSelection, conditions, joined
from claims.reports.sql_json import JsonSql
from claims.review.report_fields import CURRENT_JSON, ReviewFields, review_fields
from db.models import (
    Claim,
    ClaimQuantity,
    ClaimState,
    Evidence,
    FetchRecord,
    QuoteAnchor,
    ReviewEvent,
    Snapshot,
    Source,
)


@dataclass(frozen=True)
class EncodedPage:
    """One page of claims as JSON text: the objects joined by ``,\\n``."""

    text: bytes
    claims: int
    evidence: int


class _Queries:
    """The SQL of one export, built once for its dialect."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.j = JsonSql(sqlite=reader.sqlite)
        # Spliced where the database would have written the key: as it writes it.
        self.article_key = b',"article":' if reader.sqlite else b', "article" : '

    def claims(self, selection: ReportSelection, page_size: int) -> Any:
        """Claims after the bound ``last`` id: (id, checkworthiness, spans, object,
        snapshot id, start)."""
        j = self.j
        status = func.coalesce(col(ClaimState.status), "new")
        body = j.obj(
            id=col(Claim.id),
            text=col(Claim.text),
            start=col(Claim.start),
            end=col(Claim.end),
            kind=col(Claim.kind),
            claimant=col(Claim.claimant),
            subject=col(Claim.subject),
            fingerprint=col(Claim.fingerprint),
            derived_from=j.embed(col(Claim.derived_from)),
            reasoning=col(Claim.reasoning),
            selector=j.obj(
                type=j.const("TextQuoteSelector"),
                exact=col(Claim.exact),
                prefix=col(Claim.prefix),
                suffix=col(Claim.suffix),
            ),
            status=status,
            verdict=col(ClaimState.verdict),
            assignee=col(ClaimState.assignee),
            evidence_count=func.coalesce(col(ClaimState.evidence_count), 0),
            version=func.coalesce(col(ClaimState.version), 0),
            language=col(Claim.language),
            source_id=col(Claim.source_id),
            source_url=col(Source.url),
            snapshot_id=col(Claim.snapshot_id),
            snapshot_sha256=col(Snapshot.body_sha256),
            fetched_at=j.ts(col(Snapshot.fetched_at)),
            http_status=col(Snapshot.http_status),
            extractor=col(Claim.extractor),
            created_at=j.ts(col(Claim.created_at)),
        )
        return (
            joined(
                select(
                    col(Claim.id),
                    col(Claim.checkworthiness),
                    self.reader.json(col(Claim.spans)),
                    j.utf8(body),
                    col(Claim.snapshot_id),
                    col(Claim.start),
                ).select_from(Claim)
            )
            .join(Snapshot, col(Snapshot.id) == col(Claim.snapshot_id))
            .where(col(Claim.id) > bindparam("last", 0), *conditions(selection))
            .order_by(col(Claim.id))
            .limit(page_size)
        )

    def articles(self, snapshot_ids: list[int]) -> AnySelect:
        """What the pages say about themselves (a claim's ``article``), per snapshot.

        Read once per snapshot rather than in every claim's row: a page's dozens
        of claims share it, and its columns come after the snapshot's text, which
        SQLite walks through to reach them (a fifth of the claims query).
        """
        j = self.j
        body = j.obj(
            title=col(Snapshot.title),
            byline=col(Snapshot.byline),
            site_name=col(Snapshot.site_name),
            published=col(Snapshot.published),
            final_url=col(Snapshot.final_url),
            canonical_url=col(Snapshot.canonical_url),
        )
        return select(col(Snapshot.id), j.utf8(body)).where(col(Snapshot.id).in_(snapshot_ids))

    def quantities(self, where: ClaimFilter) -> AnySelect:
        q, j = ClaimQuantity, self.j
        body = j.obj(
            id=col(q.id),
            value=j.number(col(q.value)),
            low=j.number(col(q.low)),
            high=j.number(col(q.high)),
            kind=col(q.kind),
            unit=col(q.unit),
            approximate=j.flag(col(q.approximate)),
            hedge=col(q.hedge),
            surface=col(q.surface),
            start=col(q.start),
            end=col(q.end),
        )
        return (
            select(col(q.claim_id), j.utf8(body))
            .where(where(col(q.claim_id)))
            .order_by(col(q.claim_id), col(q.position))
        )

    def events(self, where: ClaimFilter) -> AnySelect:
        e, j = ReviewEvent, self.j
        body = j.obj(
            version=col(e.version),
            at=j.ts(col(e.at)),
            reviewer=col(e.reviewer),
            action=col(e.action),
            target=col(e.target),
            before=j.embed(col(e.before)),
            after=j.embed(col(e.after)),
            text=col(e.text),
            evidence_id=col(e.evidence_id),
        )
        return (
            select(col(e.claim_id), col(e.action), col(e.evidence_id), j.utf8(body))
            .where(where(col(e.claim_id)))
            .order_by(col(e.claim_id), col(e.version))
        )

    def evidence(self, where: ClaimFilter) -> AnySelect:
        e, j = Evidence, self.j
        body = j.obj(
            id=col(e.id),
            claim_id=col(e.claim_id),
            stance=col(e.stance),
            quote=col(e.exact),
            selector=j.array(
                j.obj(
                    type=j.const("TextQuoteSelector"),
                    exact=col(e.exact),
                    prefix=col(e.prefix),
                    suffix=col(e.suffix),
                ),
                j.obj(type=j.const("TextPositionSelector"), start=col(e.start), end=col(e.end)),
            ),
            anchor=j.obj(method=col(e.anchor_method), score=j.number(col(e.anchor_score))),
            crosscheck=j.embed(col(e.crosscheck)),
            note=col(e.note),
            source_url=col(Source.url),
            snapshot_id=col(e.snapshot_id),
            snapshot_sha256=col(Snapshot.body_sha256),
            fetched_at=j.ts(col(Snapshot.fetched_at)),
            added_by=col(e.added_by),
            added_at=j.ts(col(e.added_at)),
        )
        return (
            select(col(e.id), col(e.claim_id), j.utf8(body), col(e.snapshot_id), col(e.start))
            .join(Source, col(Source.id) == col(e.source_id))
            .join(Snapshot, col(Snapshot.id) == col(e.snapshot_id))
            .where(where(col(e.claim_id)))
            .order_by(col(e.claim_id), col(e.id))
        )

    def anchors(self, where: ClaimFilter) -> AnySelect:
        a, j = QuoteAnchor, self.j
        body = j.obj(
            id=col(a.id),
            status=col(a.status),
            snapshot_id=col(a.snapshot_id),
            snapshot_sha256=col(Snapshot.body_sha256),
            fetched_at=j.ts(col(Snapshot.fetched_at)),
            previous_snapshot_id=col(a.previous_snapshot_id),
            exact=col(a.exact),
            prefix=col(a.prefix),
            suffix=col(a.suffix),
            start=col(a.start),
            end=col(a.end),
            method=col(a.method),
            score=j.number(col(a.score)),
            created_at=j.ts(col(a.created_at)),
        )
        return (
            select(col(a.claim_id), col(a.evidence_id), j.utf8(body))
            .join(Snapshot, col(Snapshot.id) == col(a.snapshot_id))
            .where(where(col(a.claim_id)))
            .order_by(col(a.claim_id), col(a.evidence_id), col(a.id))
        )


def iter_claim_pages(
    session: Session, selection: ReportSelection, *, page_size: int = PAGE_SIZE
) -> Iterator[EncodedPage]:
    """The selected claims, by id, as JSON text a page at a time."""
    reader = Reader(session)
    queries = _Queries(reader)
    query = queries.claims(selection, page_size)
    finder = PageFinder(session)
    matcher = ClaimMatcher(session)
    last = 0
    while True:
        rows = reader.after("json claims", query, last)
        if not rows:
            return
        ids = [row[0] for row in rows]
        last = ids[-1]
        fields = review_fields(session, ids)
        checks = _fact_checks(session, matcher, ids) if matcher else {}
        yield _encode_page(reader, queries, rows, ids, fields, finder, checks)


def _grouped(rows: Sequence[Any]) -> dict[int, list[bytes]]:
    out: dict[int, list[bytes]] = defaultdict(list)
    for claim_id, text in rows:
        out[claim_id].append(text)
    return out


_SPAN = b'{"start":%d,"end":%d}'
_NO_ANCHORS = b',"anchors":[]}'
_REMOVED = {True: b',"removed":true,', False: b',"removed":false,'}
_CURRENT_KEYS = orjson.dumps(CURRENT_JSON)[1:-1]
"""The freshness keys of current evidence (most of it), without braces: encoded once."""
_PLAIN_CLAIM_KEYS = b"," + orjson.dumps(ReviewFields().claim_keys(0))[1:-1]
"""The review keys of a claim in no group (most of them), encoded once."""
_EVIDENCE = b'%b%b%b,"page":%b%b'
"""An evidence object without its "}", then removed, freshness, page, anchors and "}"."""
_CLAIM_TAIL = (
    b',"checkworthiness":%a,"spans":[%s],"quantities":[%s],"evidence":[%s],"history":[%s],'
    b'"anchors":[%s],"verdict_detail":%s,"figure_verdicts":%s%s,"page":%s,"fact_checks":%s},\n'
)
"""What Python adds to the object the database wrote: one format per claim, not a
dozen appends (the per-claim cost of the 100,000-claim export, bench/README.md)."""


def _fact_checks(session: Session, matcher: ClaimMatcher, ids: list[int]) -> dict[int, bytes]:
    """The earlier fact-checks of the page's claims that have some, as JSON arrays
    (read only when the index holds fact-checks: their texts are matched here)."""
    rows = session.execute(
        select(col(Claim.id), col(Claim.text), col(Claim.language)).where(col(Claim.id).in_(ids))
    ).all()
    out: dict[int, bytes] = {}
    for claim_id, text, language in rows:
        found = matcher.matches(text, language)
        if found:
            out[claim_id] = orjson.dumps([report_match(m) for m in found])
    return out


def _page_json(pages: dict[tuple[int, int], int], snapshot_id: int, offset: int) -> bytes:
    page = pages.get((snapshot_id, offset)) if pages else None
    return b"null" if page is None else b"%d" % page


def _encode_page(
    reader: Reader,
    queries: _Queries,
    rows: Sequence[Any],
    ids: list[int],
    fields: ReviewFields,
    finder: PageFinder,
    fact_checks: dict[int, bytes],
) -> EncodedPage:
    loads = orjson.loads
    evidence_rows = reader.of_claims("json evidence", queries.evidence, ids)
    # PDF pages of the claims and quotes: none, and no text read, outside PDFs.
    pages = finder.pages(
        {row[4] for row in rows} | {row[3] for row in evidence_rows},
        chain(((row[4], row[5]) for row in rows), ((row[3], row[4]) for row in evidence_rows)),
    )
    quantities = _grouped(reader.of_claims("json quantities", queries.quantities, ids))
    articles = {
        snapshot_id: queries.article_key + text
        for snapshot_id, text in reader.all(queries.articles(sorted({row[4] for row in rows})))
    }
    history: dict[int, list[bytes]] = defaultdict(list)
    verdicts: dict[int, dict[str | None, dict[str, Any]]] = defaultdict(dict)
    removed: set[int] = set()
    for claim_id, action, evidence_id, text in reader.of_claims("json events", queries.events, ids):
        history[claim_id].append(text)
        if action == "verdict":
            # Verdicts are a fraction of the events: their fields are read back
            # from the event's own JSON rather than fetched for every event.
            event = loads(text)
            after = event["after"]
            if isinstance(after, dict):
                verdicts[claim_id][event["target"]] = {
                    **after,
                    "why": event["text"],
                    "by": event["reviewer"],
                    "at": event["at"],
                }
        elif action == "evidence_removed" and evidence_id is not None:
            removed.add(evidence_id)
    claim_anchors: dict[int, list[bytes]] = defaultdict(list)
    evidence_anchors: dict[int, list[bytes]] = defaultdict(list)
    for claim_id, evidence_id, text in reader.of_claims("json anchors", queries.anchors, ids):
        if evidence_id is None:
            claim_anchors[claim_id].append(text)
        else:
            evidence_anchors[evidence_id].append(text)
    evidence: dict[int, list[bytes]] = defaultdict(list)
    count = 0
    dumps = orjson.dumps
    stale = fields.evidence
    for id_, claim_id, text, snapshot_id, start in evidence_rows:
        # The row's object ends with "}": the fields Python knows go before it.
        anchors = evidence_anchors.get(id_)
        tail = b',"anchors":[' + b",".join(anchors) + b"]}" if anchors else _NO_ANCHORS
        fresh = dumps(stale[id_])[1:-1] if id_ in stale else _CURRENT_KEYS
        evidence[claim_id].append(
            _EVIDENCE
            % (
                memoryview(text)[:-1],  # a view: the object is copied once, by the format
                _REMOVED[id_ in removed],
                fresh,
                _page_json(pages, snapshot_id, start),
                tail,
            )
        )
        count += 1
    empty: list[bytes] = []
    no_verdicts: dict[str | None, dict[str, Any]] = {}
    parts: list[bytes | memoryview] = []
    append = parts.append
    join = b",".join
    groups, corrections = fields.groups, fields.corrections
    for id_, checkworthiness, spans, text, snapshot_id, start in rows:
        claim_verdicts = verdicts.get(id_, no_verdicts)
        if claim_verdicts:
            figures = {t: v for t, v in claim_verdicts.items() if t is not None}
            detail = dumps(claim_verdicts.get(None))
            figures_json = dumps(figures) if figures else b"{}"
        else:
            detail, figures_json = b"null", b"{}"
        keys = b"," + dumps(fields.claim_keys(id_))[1:-1] if id_ in groups else _PLAIN_CLAIM_KEYS
        tail = _CLAIM_TAIL % (
            round(checkworthiness, 3),
            join([_SPAN % (s, e) for s, e in loads(spans)]),
            join(quantities.get(id_, empty)),
            join(evidence.get(id_, empty)),
            join(history.get(id_, empty)),
            join(claim_anchors.get(id_, empty)),
            detail,
            figures_json,
            keys,
            _page_json(pages, snapshot_id, start),
            fact_checks.get(id_, b"[]"),
        )
        article = articles[snapshot_id]
        if id_ in corrections:
            # Rare: a corrected claim is re-encoded with the corrections laid over it.
            whole = text[:-1] + article + tail[:-2]
            append(dumps(fields.apply(loads(whole))) + b",\n")
        else:
            # The object, its article and its tail stay parts: the page's join
            # copies them once.
            append(memoryview(text)[:-1])
            append(article)
            append(tail)
    last = parts[-1]
    assert isinstance(last, bytes)  # a tail or a re-encoded claim: never a view
    parts[-1] = last.removesuffix(b",\n")
    return EncodedPage(b"".join(parts), len(rows), count)


def fetches_of(session: Session, snapshot_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Every fetch that stored, or found unchanged, each of the snapshots, oldest first."""
    f = FetchRecord
    reader = Reader(session)
    rows = reader.all(
        select(
            col(f.snapshot_id),
            col(f.requested_url),
            col(f.final_url),
            col(f.via),
            reader.ts(col(f.started_at)),
            col(f.elapsed_ms),
            col(f.http_status),
            col(f.outcome),
            col(f.error),
            reader.json(col(f.redirects)),
            col(f.worker),
        )
        .where(col(f.snapshot_id).in_(snapshot_ids))
        .order_by(col(f.snapshot_id), col(f.started_at), col(f.id))
    )
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for (
        snapshot_id, requested_url, final_url, via, started_at, elapsed_ms, http_status,
        outcome, error, redirects, worker,
    ) in rows:  # fmt: skip
        out[snapshot_id].append(
            {
                "requested_url": requested_url,
                "final_url": final_url,
                "via": via,
                "started_at": started_at,
                "elapsed_ms": elapsed_ms,
                "http_status": http_status,
                "outcome": outcome,
                "error": error,
                "redirects": orjson.loads(redirects),
                "worker": worker,
            }
        )
    return out
