"""The content-addressed body store: each distinct raw body is kept once."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable

from sqlalchemy import Insert
from sqlmodel import Session

from db.models import Body

_CODECS: dict[str, tuple[Callable[[bytes], bytes], Callable[[bytes], bytes]]] = {
    "zlib": (lambda raw: zlib.compress(raw, 6), zlib.decompress),
}
DEFAULT_CODEC = "zlib"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def body_row(raw: bytes, digest: str | None = None) -> dict[str, object]:
    """The row that stores ``raw``: its SHA-256, size, codec and compressed bytes.

    Each row names its codec, so stored rows stay readable whatever the default.
    """
    compress, _ = _CODECS[DEFAULT_CODEC]
    return {
        "sha256": digest or sha256_hex(raw),
        "size": len(raw),
        "codec": DEFAULT_CODEC,
        "data": compress(raw),
    }


def body_insert(session: Session) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING into the body store, values to be bound.

    ``ON CONFLICT DO NOTHING`` rather than look-then-insert: two workers
    storing the same page at once must not fail on the primary key. Values
    are bound, not inlined, so the compiled statement is cached once.
    """
    # Imported here: the PostgreSQL dialect module (with asyncpg's) costs ~60 ms of
    # start-up to every reader of bodies, and only writers need it.
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(Body).on_conflict_do_nothing(index_elements=["sha256"])
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(Body).on_conflict_do_nothing(index_elements=["sha256"])


def store_body(session: Session, raw: bytes) -> str:
    """Store ``raw`` unless a body with the same SHA-256 exists; return the hash."""
    row = body_row(raw)
    session.execute(body_insert(session), row)
    return str(row["sha256"])


def load_body(session: Session, digest: str) -> bytes:
    """The raw bytes stored under ``digest``; raises KeyError when absent."""
    body = session.get(Body, digest)
    if body is None:
        raise KeyError(digest)
    _, decompress = _CODECS[body.codec]
    raw = decompress(body.data)
    if sha256_hex(raw) != digest:
        raise ValueError(f"body {digest} is corrupt: its bytes no longer match their SHA-256")
    return raw
