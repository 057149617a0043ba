"""Page numbers of the claims and evidence quotes a report holds (PDF snapshots).

A claim or quote read from a PDF is cited with its page ("p. 12"), as the
claim screen and ``factdesk show`` cite it (:mod:`sources.pages`). The page
follows from the offset and the page breaks of the snapshot's text; reports
stream claims page by page, so each snapshot's text is read once per export,
and only for paged snapshots: an export of web pages pays one small query per
page of claims, which finds no PDF.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlmodel import Session, col

from db.models import Snapshot
from sources.pages import PAGED_TYPES, is_paged, page_in, page_label, page_starts

__all__ = ["PageFinder", "page_label"]
"""``page_label`` ("p. 12"): how writers, which read no `sources`, cite a page."""


class PageFinder:
    """Pages of offsets in snapshots, for one export (it remembers what it read)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # Media types carry parameters ("application/pdf; version=1.7"): matched by prefix.
        paged = or_(*(col(Snapshot.media_type).startswith(t) for t in sorted(PAGED_TYPES)))
        # Ids only, once: most exports hold no PDF, and then no page costs more than this.
        self._paged = frozenset(
            session.execute(select(col(Snapshot.id)).where(paged)).scalars().all()
        )
        self._starts: dict[int, tuple[int, ...]] = {}
        """Paged snapshot id -> where its pages start."""

    def _learn(self, snapshot_ids: frozenset[int]) -> None:
        unseen = sorted(snapshot_ids - self._starts.keys())
        if not unseen:
            return
        rows = self._session.execute(
            select(col(Snapshot.id), col(Snapshot.media_type), col(Snapshot.text)).where(
                col(Snapshot.id).in_(unseen)
            )
        ).all()
        for snapshot_id, media_type, text in rows:
            self._starts[snapshot_id] = page_starts(text) if is_paged(media_type) else ()

    def pages(
        self, snapshot_ids: Iterable[int], spots: Iterable[tuple[int, int | None]]
    ) -> dict[tuple[int, int], int]:
        """(snapshot id, offset) -> its 1-based page, for the ``spots`` in paged
        snapshots; ``snapshot_ids``: the snapshots of the spots (empty result, and
        ``spots`` not walked, when none is paged)."""
        wanted = self._paged.intersection(snapshot_ids)
        if not wanted:
            return {}
        self._learn(wanted)
        out: dict[tuple[int, int], int] = {}
        for snapshot_id, offset in spots:
            starts = self._starts.get(snapshot_id)
            if starts and offset is not None:
                out[(snapshot_id, offset)] = page_in(starts, offset)
        return out
