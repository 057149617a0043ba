"""What a person decides about a source's refresh: pause, resume, ignore robots.txt."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlmodel import Session, select

from db.models import Source
from sources.errors import SourceError
from sources.refresh.errors import SourceIsLocal, SourceNotFound, SourcePaused
from sources.refresh.states import Health
from sources.urls import canonical_url, is_local, is_web_url


def find_source(session: Session, key: str) -> Source:
    """The source with id ``key``, or with the canonical form of URL ``key``
    (a local source's ``file:`` address as stored)."""
    source: Source | None
    if key.strip().isdigit():
        source = session.get(Source, int(key))
    elif is_web_url(key):
        source = session.exec(select(Source).where(Source.url == canonical_url(key))).first()
    else:
        source = session.exec(select(Source).where(Source.url == key.strip())).first()
    if source is None:
        raise SourceNotFound(key)
    return source


def explicit_sources(session: Session, keys: Sequence[str], *, force: bool = False) -> list[int]:
    """Ids of the sources named by ``keys`` (ids or URLs) for a refresh now.

    A paused source raises :class:`SourcePaused` unless ``force``: naming it
    does not undo the pause by accident. Forced, it is refreshed once and
    stays paused. A local source (file, stdin) raises :class:`SourceIsLocal`:
    there is nothing to fetch, forced or not.
    """
    ids: list[int] = []
    for key in keys:
        source = find_source(session, key)
        assert source.id is not None
        if is_local(source.url):
            raise SourceIsLocal(source.id, source.url)
        if source.health == Health.PAUSED and not force:
            raise SourcePaused(source.id)
        ids.append(source.id)
    return ids


def pause(session: Session, key: str) -> Source:
    """Stop refreshing the source until it is resumed."""
    source = find_source(session, key)
    if is_local(source.url):
        raise SourceIsLocal(source.id or 0, source.url)
    if source.health == Health.PAUSED:
        raise SourceError(f"source {source.id} is already paused")
    source.health = Health.PAUSED
    session.add(source)
    session.flush()
    return source


def resume(session: Session, key: str) -> Source:
    """Refresh the source again, from the next pass on."""
    source = find_source(session, key)
    if source.health != Health.PAUSED:
        raise SourceError(f"source {source.id} is not paused (it is {source.health})")
    source.health = Health.OK
    source.next_check_at = datetime.now(UTC)
    session.add(source)
    session.flush()
    return source


def override_robots(session: Session, key: str, *, ignore: bool, who: str, why: str) -> Source:
    """Fetch the source whatever its robots.txt says (or obey it again), on record."""
    if not why.strip():
        raise SourceError("say why robots.txt is overridden: pass --why TEXT")
    source = find_source(session, key)
    if is_local(source.url):
        # A file has no robots.txt: an override of it would be a false record.
        raise SourceIsLocal(source.id or 0, source.url)
    source.ignore_robots = ignore
    verb = "ignored" if ignore else "obeyed again"
    at = datetime.now(UTC).isoformat(timespec="seconds")
    source.robots_override = f"robots.txt {verb} by {who} at {at}: {' '.join(why.split())}"
    session.add(source)
    session.flush()
    return source
