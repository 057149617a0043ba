"""One reader per kind of target: each returns the bytes it read, with provenance.

A reader never decodes or extracts: ``sources.reading.content`` does that for
all of them alike, by media type, so a new document format is one extractor
there and a new transport one reader here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import httpx

from sources.fetching import FetchPolicy, fetch
from sources.local import read_file, read_stdin
from sources.reading.target import Target, Via
from sources.snapshots import Fetched


@dataclass(frozen=True)
class ReadContext:
    """What a reader may use: the caps, an HTTP client, the stdin stream."""

    policy: FetchPolicy
    client: httpx.Client | None = None
    stdin: BinaryIO | None = None


Reader = Callable[[Target, ReadContext], Fetched]


def read_http(target: Target, context: ReadContext) -> Fetched:
    """A guarded, capped GET (``sources.fetching.fetch``)."""
    return Fetched.from_result(fetch(target.raw, policy=context.policy, client=context.client))


def read_local_file(target: Target, context: ReadContext) -> Fetched:
    return read_file(Path(target.raw), url=target.url, max_bytes=context.policy.max_body_bytes)


def read_standard_input(target: Target, context: ReadContext) -> Fetched:
    stream = context.stdin or sys.stdin.buffer
    return read_stdin(stream, url=target.url, max_bytes=context.policy.max_body_bytes)


READERS: dict[Via, Reader] = {
    "http": read_http,
    "file": read_local_file,
    "stdin": read_standard_input,
}
