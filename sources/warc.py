"""WARC 1.1 archives of snapshots: the bytes fetched, as fetched, when fetched.

Each web snapshot becomes a ``request`` record and a ``response`` record
(https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/):

- ``WARC-Target-URI`` is the address that answered (after redirects);
- ``WARC-Date`` is the snapshot's ``fetched_at``, not the time of export;
- the response holds the HTTP status line and the headers as received, then
  the raw body from the body store. factdesk keeps bodies after
  Content-Encoding decoding, so the headers that describe the wire form
  (``Content-Encoding``, ``Transfer-Encoding``, ``Content-Length``) are kept
  under an ``X-Archive-Orig-`` prefix, as pywb and other archivers do, and a
  ``Content-Length`` of the stored body is added: a replay tool then serves
  exactly the stored bytes;
- ``WARC-Payload-Digest`` is the SHA-256 of the body (base32, the WARC
  convention); ``WARC-Factdesk-Body-SHA256`` repeats it in the hex form the
  reports and the body store use;
- the request record is rebuilt from what factdesk sends on every fetch
  (method, target, Host, Accept, Accept-Encoding); its User-Agent is the
  fetcher's default of this version.

A snapshot read from a file or stdin has no HTTP exchange behind it: it is a
``resource`` record of its media type, which is what WARC provides for that.

Record ids are UUIDs derived from the snapshot (id and body hash), so an
export of the same snapshot always writes the same records.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.timeutils import (  # type: ignore[import-untyped]
    datetime_to_iso_date,
    iso_date_to_datetime,
)
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from db.models import Snapshot
from sources.errors import SourceError
from sources.fetching.client import ACCEPT, ACCEPT_ENCODING
from sources.fetching.policy import default_user_agent

WARC_VERSION = "1.1"
_NAMESPACE = uuid.UUID("0f5c4d0e-6a39-4f0b-9f5e-3b8f0d7c2a61")
# Headers that describe the body on the wire, not the body the archive holds.
_WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


class WarcError(SourceError):
    """A WARC file cannot be read as one factdesk wrote."""


def record_id(*parts: object) -> str:
    """A stable ``<urn:uuid:…>`` record id for what ``parts`` name."""
    return f"<urn:uuid:{uuid.uuid5(_NAMESPACE, ':'.join(map(str, parts)))}>"


def snapshot_record_id(snapshot: Snapshot) -> str:
    """Id of the record holding the snapshot's body (response or resource)."""
    return record_id("snapshot", snapshot.id, snapshot.body_sha256, "body")


def warc_date(when: datetime) -> str:
    """WARC-Date of an aware UTC instant, to the microsecond (WARC 1.1 allows it)."""
    return str(datetime_to_iso_date(when.astimezone(UTC).replace(tzinfo=None), use_micros=True))


def parse_warc_date(value: str) -> datetime:
    parsed: datetime = iso_date_to_datetime(value)
    return parsed.replace(tzinfo=UTC)


def sha256_label(data_sha256_hex: str) -> str:
    """A WARC labelled digest (``sha256:BASE32``) of a hex SHA-256."""
    return "sha256:" + base64.b32encode(bytes.fromhex(data_sha256_hex)).decode("ascii")


def open_writer(stream: BinaryIO) -> Any:
    """A gzip-per-record WARC 1.1 writer on ``stream`` (which may be write-only)."""
    return WARCWriter(stream, gzip=True, warc_version=WARC_VERSION)


def write_warcinfo(writer: Any, filename: str, info: dict[str, str]) -> None:
    record = writer.create_warcinfo_record(filename, info)
    writer.write_record(record)


def response_headers(snapshot: Snapshot, body_size: int) -> list[tuple[str, str]]:
    """The headers as received, wire-only ones kept under ``X-Archive-Orig-``."""
    out: list[tuple[str, str]] = []
    for name, value in snapshot.headers:
        if name.lower() in _WIRE_HEADERS:
            out.append((f"X-Archive-Orig-{name}", value))
        else:
            out.append((name, value))
    out.append(("Content-Length", str(body_size)))
    return out


def _request_bytes(url: str) -> bytes:
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    lines = [
        f"GET {target} HTTP/1.1",
        f"Host: {parts.netloc}",
        f"User-Agent: {default_user_agent()}",
        f"Accept: {ACCEPT}",
        f"Accept-Encoding: {ACCEPT_ENCODING}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", errors="replace")


@dataclass(frozen=True)
class ArchivedSnapshot:
    """Where a snapshot's body went in the archive."""

    record_id: str
    target_uri: str
    date: str


def write_snapshot(writer: Any, snapshot: Snapshot, body: bytes) -> ArchivedSnapshot:
    """Write ``snapshot`` (request + response, or one resource record) with its raw ``body``."""
    uri = snapshot.final_url
    date = warc_date(snapshot.fetched_at)
    body_id = snapshot_record_id(snapshot)
    digest = hashlib.sha256(body).hexdigest()
    if digest != snapshot.body_sha256:
        raise WarcError(
            f"snapshot {snapshot.id}: its body no longer matches SHA-256 {snapshot.body_sha256}; "
            "the body store is damaged, restore it from a backup"
        )
    common = {
        "WARC-Date": date,
        "WARC-Payload-Digest": sha256_label(digest),
        "WARC-Factdesk-Body-SHA256": digest,
        "WARC-Factdesk-Snapshot": str(snapshot.id),
    }
    if snapshot.http_status is None:
        record = writer.create_warc_record(
            uri,
            "resource",
            payload=io.BytesIO(body),
            length=len(body),
            warc_content_type=snapshot.media_type or "application/octet-stream",
            warc_headers_dict={"WARC-Record-ID": body_id, **common},
        )
        writer.write_record(record)
        return ArchivedSnapshot(body_id, uri, date)
    try:
        reason = HTTPStatus(snapshot.http_status).phrase
    except ValueError:
        reason = "Unknown"
    http_headers = StatusAndHeaders(
        f"{snapshot.http_status} {reason}",
        response_headers(snapshot, len(body)),
        protocol="HTTP/1.1",
    )
    response = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Record-ID": body_id, **common},
    )
    request_payload = _request_bytes(uri)
    request = writer.create_warc_record(
        uri,
        "request",
        payload=io.BytesIO(request_payload),
        length=len(request_payload),
        warc_headers_dict={
            "WARC-Record-ID": record_id("snapshot", snapshot.id, snapshot.body_sha256, "request"),
            "WARC-Date": date,
            "WARC-Concurrent-To": body_id,
        },
    )
    writer.write_record(response)
    writer.write_record(request)
    return ArchivedSnapshot(body_id, uri, date)


def write_metadata(
    writer: Any,
    *,
    name: str,
    refers_to: ArchivedSnapshot,
    data: dict[str, Any],
    record: str,
    date: datetime,
) -> None:
    """A ``metadata`` record (JSON) about the capture ``refers_to``.

    Its own target URI is ``metadata://factdesk/<name>`` (Heritrix's convention):
    under the page's URI, replay tools would serve it in place of the page.
    The page is named by ``WARC-Refers-To`` and ``WARC-Refers-To-Target-URI``.
    """
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    writer.write_record(
        writer.create_warc_record(
            f"metadata://factdesk/{name}",
            "metadata",
            payload=io.BytesIO(payload),
            length=len(payload),
            warc_content_type="application/json",
            warc_headers_dict={
                "WARC-Record-ID": record,
                "WARC-Date": warc_date(date),
                "WARC-Refers-To": refers_to.record_id,
                "WARC-Refers-To-Target-URI": refers_to.target_uri,
                "WARC-Refers-To-Date": refers_to.date,
            },
        )
    )


@dataclass(frozen=True)
class ArchivedBody:
    """A body read back from an archive, with what the archive says about it."""

    record_type: str
    target_uri: str
    date: datetime
    body: bytes
    content_type: str | None


RECORD_HEADROOM = 1024 * 1024
"""Room above the body cap for a record's WARC and HTTP headers (factdesk's take a few KiB)."""
_READ_CHUNK = 64 * 1024
_MESSAGE_CHARS = 200


def read_bodies(stream: BinaryIO, *, max_body_bytes: int) -> Iterator[ArchivedBody]:
    """Every response and resource record's body, digests checked, in file order.

    The archive may be hostile. factdesk writes one gzip member per record;
    each member is inflated under a cap of ``max_body_bytes`` (the fetcher's
    cap on a body) plus :data:`RECORD_HEADROOM`, before warcio parses it, so
    neither a compression bomb nor an endless header line makes this hold
    more than about that. A record over the cap, or anything that is not a
    gzip-compressed WARC, ends the reading with :class:`WarcError`.
    """
    for member in _gzip_members(stream, max_body_bytes + RECORD_HEADROOM, max_body_bytes):
        yield from _member_bodies(member, max_body_bytes)


def _over_cap(max_body_bytes: int) -> WarcError:
    return WarcError(
        f"a record of the WARC archive holds more than {max_body_bytes:,} bytes, the cap on "
        "a fetched body; reading stopped there (a larger cap: FACTDESK_FETCH__MAX_BODY_MIB)"
    )


def _gzip_members(stream: BinaryIO, limit: int, max_body_bytes: int) -> Iterator[bytes]:
    """Each gzip member of ``stream``, inflated; one over ``limit`` bytes raises WarcError."""
    pending = b""
    while True:
        pending = pending.lstrip(b"\0")  # some archivers pad between members
        while not pending:
            chunk = stream.read(_READ_CHUNK)
            if not chunk:
                return
            pending = chunk.lstrip(b"\0")
        decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
        parts: list[bytes] = []
        size = 0
        data = pending
        while not decoder.eof:
            if not data:
                data = stream.read(_READ_CHUNK)
                if not data:
                    raise WarcError("the WARC archive ends inside a record; it is truncated")
            try:
                # At most one byte over what is left: enough to know the cap is passed.
                out = decoder.decompress(data, limit - size + 1)
            except zlib.error as exc:
                raise WarcError(
                    f"the WARC archive is not gzip-compressed record by record as factdesk "
                    f"writes it, or it is damaged ({exc})"
                ) from None
            size += len(out)
            if size > limit:
                raise _over_cap(max_body_bytes)
            parts.append(out)
            data = decoder.unconsumed_tail
        pending = decoder.unused_data
        yield b"".join(parts)


def _member_bodies(member: bytes, max_body_bytes: int) -> Iterator[ArchivedBody]:
    try:
        for rec in ArchiveIterator(io.BytesIO(member), check_digests="raise"):
            kind = rec.rec_type
            if kind not in ("response", "resource"):
                continue
            # The payload as stored: factdesk archives bodies already decoded, so a
            # Content-Encoding here is not undone (it would be a second inflation).
            body = rec.raw_stream.read(max_body_bytes + 1)
            if len(body) > max_body_bytes:
                raise _over_cap(max_body_bytes)
            if kind == "response":
                content_type = rec.http_headers.get_header("Content-Type")
            else:
                content_type = rec.rec_headers.get_header("Content-Type")
            yield ArchivedBody(
                kind,
                rec.rec_headers.get_header("WARC-Target-URI"),
                parse_warc_date(rec.rec_headers.get_header("WARC-Date")),
                body,
                content_type,
            )
    except Exception as exc:  # warcio raises many kinds on a damaged file
        if isinstance(exc, WarcError):
            raise
        reason = " ".join(str(exc).split())[:_MESSAGE_CHARS]
        raise WarcError(f"the WARC archive cannot be read ({reason}); it is damaged") from None
