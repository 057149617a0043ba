"""A bundle's ``report.json``, read as it streams and checked record by record.

Nothing a bundle says is used before it is checked against the report's JSON
Schema (``schema/factdesk-report-N.schema.json``). The report is parsed once,
event by event (ijson); each header field, each claim and each snapshot is
built as a record, validated against its definition in the schema
(jsonschema-rs), and only then handed on. When the report ends, its envelope
(every top-level field, the claims and snapshots arrays counted but not kept)
is validated against the whole schema.

Memory stays bounded by the largest record, and records are capped: a record
of more than :data:`MAX_RECORD_BYTES` of JSON or :data:`MAX_RECORD_EVENTS`
parser events is refused, and so is any single value (a gigabyte string
deflated to a megabyte) that would grow past the byte cap while it is read.
Both caps are far above any record factdesk writes (a claim dossier takes a
few KiB; years of review history a few MiB).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import IO, Any, Literal

import ijson  # type: ignore[import-untyped]
import jsonschema_rs

from claims.reports.errors import BundleInvalid
from claims.reports.json_report import READABLE_VERSIONS, REPORT_FORMAT
from claims.reports.schemas import load_schema, validator

MAX_RECORD_BYTES = 16 * 1024 * 1024
MAX_RECORD_EVENTS = 500_000
_STREAMED = ("claims", "snapshots")
_HEAD = ("format", "version")
_MESSAGE_CHARS = 200

RecordKind = Literal["claim", "snapshot"]


class _Schema:
    """The compiled validators of one report version."""

    def __init__(self, version: int) -> None:
        schema = load_schema(f"factdesk-report-{version}.schema.json")
        self.name = f"factdesk-report-{version}"
        self.envelope = validator(schema)
        self.claim = validator(schema, "claim")
        self.snapshot = validator(schema, "snapshot")


@cache
def _schema(version: int) -> _Schema:
    return _Schema(version)


def printable(text: str) -> str:
    """Hostile text for a one-line message: controls escaped, length capped."""
    shown = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return shown if len(shown) <= _MESSAGE_CHARS else shown[:_MESSAGE_CHARS] + "…"


def _path(root: str, parts: list[str | int]) -> str:
    out = root
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += f"[{printable(part)!r}]"
    return out


class _Meter:
    """The report's bytes on their way to the parser, counted against the record cap.

    ``mark`` is where the record being read began (between records: the last
    event). Reading on past ``mark + MAX_RECORD_BYTES`` raises, which also
    stops a single value from growing without end inside the parser.
    """

    def __init__(self, stream: IO[bytes], where: str) -> None:
        self.stream = stream
        self.where = where
        self.position = 0
        self.mark = 0

    def read(self, size: int = -1) -> bytes:
        if self.position - self.mark > MAX_RECORD_BYTES:
            raise BundleInvalid(
                f"{self.where}: a record is over {MAX_RECORD_BYTES:,} bytes of JSON; refused, "
                "factdesk writes none that large"
            )
        data: bytes = self.stream.read(size)
        self.position += len(data)
        return data


class ReportReader:
    """Iterate over a report's claims and snapshots, each validated; see the module.

    After the iteration, :attr:`envelope` holds the validated top-level fields
    and :attr:`counts` the number of claims and snapshots read.
    """

    def __init__(self, stream: IO[bytes], where: str) -> None:
        self.where = where
        self._meter = _Meter(stream, where)
        self._events = ijson.parse(self._meter, use_float=True)
        self.envelope: dict[str, Any] = {}
        self.counts = {"claim": 0, "snapshot": 0}
        self._schema: _Schema | None = None

    def __iter__(self) -> Iterator[tuple[RecordKind, dict[str, Any]]]:
        try:
            yield from self._read()
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            reason = printable(" ".join(str(exc).split()))
            raise BundleInvalid(f"{self.where} is not valid JSON ({reason})") from None

    def _next(self) -> tuple[str, str, Any]:
        try:
            event: tuple[str, str, Any] = next(self._events)
        except StopIteration:
            raise BundleInvalid(f"{self.where} ends before the report does") from None
        return event

    def _read(self) -> Iterator[tuple[RecordKind, dict[str, Any]]]:
        _, event, _ = self._next()
        if event != "start_map":
            raise BundleInvalid(f"{self.where} is not a JSON object; it is not a factdesk report")
        while True:
            self._meter.mark = self._meter.position
            _, event, key = self._next()
            if event == "end_map":
                break
            if key in self.envelope:
                raise BundleInvalid(f"{self.where} has the field {printable(key)!r} twice")
            _, event, value = self._next()
            if key in _STREAMED and event == "start_array":
                self.envelope[key] = []
                yield from self._records(key)
            else:
                self.envelope[key] = self._build(event, value)
                self._header_field(key)
        if next(self._events, None) is not None:  # the parser itself refuses most trailers
            raise BundleInvalid(f"{self.where} goes on after the report's object")
        self._check_envelope()

    def _header_field(self, key: str) -> None:
        value = self.envelope[key]
        if key == "format" and value != REPORT_FORMAT:
            raise BundleInvalid(f"{self.where} is not a factdesk report")
        if key == "version":
            if type(value) is not int or value not in READABLE_VERSIONS:
                shown = value if type(value) is int else "unknown"
                raise BundleInvalid(
                    f"{self.where} is a factdesk report of version {shown}, this factdesk "
                    f"reads versions {', '.join(map(str, READABLE_VERSIONS))}; upgrade factdesk"
                )
            self._schema = _schema(value)

    def _records(self, key: str) -> Iterator[tuple[RecordKind, dict[str, Any]]]:
        if self._schema is None or any(k not in self.envelope for k in _HEAD):
            raise BundleInvalid(
                f"{self.where}: its format and version do not come before its {key}, as "
                "factdesk writes them; it is not a factdesk report"
            )
        kind: RecordKind = "claim" if key == "claims" else "snapshot"
        check = self._schema.claim if kind == "claim" else self._schema.snapshot
        while True:
            self._meter.mark = self._meter.position
            _, event, value = self._next()
            if event == "end_array":
                return
            record = self._build(event, value)
            self._validate(check, record, f"{key}[{self.counts[kind]}]")
            self.counts[kind] += 1
            yield kind, record

    def _build(self, event: str, value: Any) -> Any:
        """The whole value that starts with ``event``, built from the events that follow.

        ijson's ObjectBuilder, inlined: this loop runs once per JSON value of
        the report, and method calls per event doubled the time of a verify.
        """
        if event == "start_map":
            root: Any = {}
        elif event == "start_array":
            root = []
        else:
            return value
        current = root
        parents: list[tuple[Any, Any]] = []
        key: Any = None
        for count, (_, event, value) in enumerate(self._events):
            if event == "map_key":
                key = value
                continue
            if event == "end_map" or event == "end_array":
                if not parents:
                    return root
                current, key = parents.pop()
                continue
            if count > MAX_RECORD_EVENTS:
                raise BundleInvalid(
                    f"{self.where}: a record has over {MAX_RECORD_EVENTS:,} values; refused, "
                    "factdesk writes none that large"
                )
            if event == "start_map":
                child: Any = {}
            elif event == "start_array":
                child = []
            else:
                child = value
            if type(current) is dict:
                current[key] = child
            else:
                current.append(child)
            if event == "start_map" or event == "start_array":
                parents.append((current, key))
                current = child
        raise BundleInvalid(f"{self.where} ends before the report does")

    def _validate(self, check: Any, record: Any, label: str) -> None:
        assert self._schema is not None
        try:
            check.validate(record)
        except jsonschema_rs.ValidationError as exc:
            where = _path(label, list(exc.instance_path))
            raise BundleInvalid(
                f"{self.where}: {where}: {printable(exc.message)}; it does not follow the "
                f"{self._schema.name} schema: factdesk did not write it, or it was changed since"
            ) from None

    def _check_envelope(self) -> None:
        if self._schema is None:
            raise BundleInvalid(f"{self.where} has no format and version; not a factdesk report")
        self._validate(self._schema.envelope, self.envelope, "report")
        for key in _STREAMED:
            self.envelope.pop(key, None)
