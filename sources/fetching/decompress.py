"""Content-Encoding decoding with a bounded output: a compression bomb stops at the cap.

Each zlib call is given at most what is left of the cap (plus one byte, to tell
"exactly at the cap" from "over it"), so memory never holds more than the cap of
decoded bytes, whatever ratio the sender chose.
"""

from __future__ import annotations

import zlib
from typing import Protocol


class OutputLimitExceeded(Exception):
    """Decoding would produce more than ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"decoded body over {limit} bytes")
        self.limit = limit


class DecodingError(Exception):
    """The body is not valid for its Content-Encoding, or the encoding is unknown."""


class _Stage(Protocol):
    def feed(self, data: bytes) -> bytes: ...

    def finish(self) -> bytes: ...


class _ZlibStage:
    """gzip (wbits 31) or zlib/raw deflate, decoded under a byte budget."""

    def __init__(self, *, gzip: bool, limit: int) -> None:
        self._gzip = gzip
        self._limit = limit
        self._produced = 0
        # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate;
        # the first chunk tells (the same fallback httpx and browsers use).
        self._wbits = zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS
        self._decoder = zlib.decompressobj(self._wbits)
        self._started = False
        self._done = False

    def _take(self, chunk: bytes) -> bytes:
        self._produced += len(chunk)
        if self._produced > self._limit:
            raise OutputLimitExceeded(self._limit)
        return chunk

    def _decompress(self, data: bytes) -> bytes:
        budget = self._limit - self._produced + 1
        try:
            out = self._decoder.decompress(data, budget)
        except zlib.error as exc:
            if not self._gzip and not self._started:
                self._wbits = -zlib.MAX_WBITS
                self._decoder = zlib.decompressobj(self._wbits)
                out = self._decompress_raw(data, budget)
            else:
                raise DecodingError(str(exc)) from exc
        self._started = True
        return out

    def _decompress_raw(self, data: bytes, budget: int) -> bytes:
        try:
            return self._decoder.decompress(data, budget)
        except zlib.error as exc:
            raise DecodingError(str(exc)) from exc

    def feed(self, data: bytes) -> bytes:
        parts: list[bytes] = []
        while data and not self._done:
            parts.append(self._take(self._decompress(data)))
            if self._decoder.eof:
                rest = self._decoder.unused_data
                if self._gzip and rest.strip(b"\0"):
                    # Concatenated gzip members decode as one body (RFC 1952).
                    self._decoder = zlib.decompressobj(self._wbits)
                    data = rest
                else:
                    # Bytes after the end of a deflate stream are ignored, as browsers do.
                    self._done = True
            else:
                data = self._decoder.unconsumed_tail
        return b"".join(parts)

    def finish(self) -> bytes:
        # With every input consumed under the budget, little (if anything) is pending.
        try:
            return self._take(self._decoder.flush())
        except zlib.error as exc:
            raise DecodingError(str(exc)) from exc


class _Identity:
    def __init__(self, *, limit: int) -> None:
        self._limit = limit
        self._produced = 0

    def feed(self, data: bytes) -> bytes:
        self._produced += len(data)
        if self._produced > self._limit:
            raise OutputLimitExceeded(self._limit)
        return data

    def finish(self) -> bytes:
        return b""


def _stage(coding: str, limit: int) -> _Stage:
    if coding in ("gzip", "x-gzip"):
        return _ZlibStage(gzip=True, limit=limit)
    if coding == "deflate":
        return _ZlibStage(gzip=False, limit=limit)
    raise DecodingError(f"unsupported Content-Encoding {coding}")


def content_codings(header: str | None) -> list[str]:
    """The codings of a Content-Encoding header, in the order they were applied."""
    if not header:
        return []
    codings = [part.strip().lower() for part in header.split(",")]
    return [coding for coding in codings if coding and coding != "identity"]


class BoundedDecoder:
    """Undo a body's Content-Encoding chunk by chunk, never producing over ``limit`` bytes.

    Raises OutputLimitExceeded past the limit and DecodingError for unknown codings
    or corrupt data. With no coding, it only counts.
    """

    def __init__(self, content_encoding: str | None, *, limit: int) -> None:
        codings = content_codings(content_encoding)
        self.encoded = bool(codings)
        # The last coding applied is the first undone.
        self._stages: list[_Stage] = [_stage(c, limit) for c in reversed(codings)]
        self._stages.append(_Identity(limit=limit))

    def feed(self, data: bytes) -> bytes:
        for stage in self._stages:
            data = stage.feed(data)
        return data

    def finish(self) -> bytes:
        data = b""
        for stage in self._stages:
            data = stage.feed(data) + stage.finish()
        return data
