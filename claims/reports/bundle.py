"""The verifiable bundle: a zip of the JSON report, the WARC of its sources,
and a manifest of SHA-256 hashes; and the check a third party runs on it.

Layout::

    report.json            the lossless JSON report (schema factdesk-report-2; -1 read too)
    sources.warc.gz        every snapshot the report quotes (WARC 1.1)
    manifest-sha256.txt    "<sha256>  <file>" per file, as ``sha256sum -c`` reads it
    signature.json         Ed25519 signature of the manifest, and its public key
                           (schema factdesk-bundle-signature-1; see :mod:`.signing`)

:func:`verify_bundle` needs nothing but the bundle, and treats it as hostile:
it refuses zip entries that have no place in a bundle (:mod:`.bundle_zip`),
recomputes every hash of the manifest, checks the signature when there is one
(against the key the reader trusts, when given), and validates the whole
report against its JSON Schema, record by record as it streams
(:mod:`.bundle_report`), before it uses anything the report says. Then, for
each snapshot the report names, it finds in the WARC the body with that
SHA-256 archived at that ``fetched_at`` (records inflated under the fetcher's
body cap), decodes and extracts its text again with factdesk's own readers,
compares the text's hash with the one the report states, and reads every
quoted passage (each claim's sentence and each evidence quote) at its
TextPositionSelector offsets. Every passage found there is a passage of the
bytes archived for the time stated. Reports of version 2 also carry the
anchors a refresh found in newer snapshots; each found passage is checked in
its snapshot the same way.

Everything verify writes goes into a private temporary folder (mode 0700)
under names it makes itself, removed when it ends.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from collections import OrderedDict, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

import orjson

from claims.reports.bundle_report import ReportReader, printable
from claims.reports.bundle_zip import (
    MANIFEST,
    Manifest,
    entry_sha256,
    open_bundle,
    read_manifest,
    reading,
)
from claims.reports.context import ReportJob
from claims.reports.errors import BundleInvalid
from claims.reports.json_report import write_json
from claims.reports.schemas import load_schema, validator
from claims.reports.signing import PublicKey, TrustedKey, public_key_of, signature_of
from claims.reports.warc_report import write_warc
from sources.extraction.pdf import PdfRefused
from sources.fetching import FetchPolicy
from sources.reading import extract_text
from sources.snapshots import text_sha256
from sources.warc import WarcError, read_bodies

REPORT = "report.json"
WARC = "sources.warc.gz"
SIGNATURE = "signature.json"
_MAX_SIGNATURE_BYTES = 64 * 1024
_SNAPSHOT_KEYS = (
    "id",
    "final_url",
    "fetched_at",
    "body_sha256",
    "text_sha256",
    "extractor",
    "charset",
    "charset_source",
    "media_type",
)
"""What verification needs of each snapshot (headers and the rest are left behind)."""


class _Hashing(io.RawIOBase):
    """Passes bytes through to ``target`` and hashes them on the way."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.sha256 = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data)
        self.sha256.update(view)
        self.target.write(view)
        return len(view)


def write_bundle(job: ReportJob, stream: BinaryIO) -> None:
    hashes: dict[str, str] = {}
    with zipfile.ZipFile(stream, "w", allowZip64=True) as zf:
        for name, writer, compression in (
            (REPORT, write_json, zipfile.ZIP_DEFLATED),
            (WARC, write_warc, zipfile.ZIP_STORED),  # already gzip-compressed
        ):
            info = zipfile.ZipInfo(name, date_time=job.generated_at.timetuple()[:6])
            info.compress_type = compression
            with zf.open(info, "w", force_zip64=True) as entry:
                hashing = _Hashing(entry)
                job.claims = job.snapshots = 0
                writer(job, cast(BinaryIO, hashing))
                hashes[name] = hashing.sha256.hexdigest()
        manifest = "".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items()))
        info = zipfile.ZipInfo(MANIFEST, date_time=job.generated_at.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, manifest)
        if job.options.signer is not None:
            info = zipfile.ZipInfo(SIGNATURE, date_time=job.generated_at.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, job.options.signer.signature_document(manifest.encode("utf-8")))


@dataclass(frozen=True)
class Signature:
    """The bundle's signature, checked."""

    key: PublicKey
    """The key named in the bundle (and in its report)."""
    valid: bool
    """The signature is this key's, over this manifest."""


@dataclass
class BundleCheck:
    """What :func:`verify_bundle` found."""

    files: dict[str, str] = field(default_factory=dict)
    """File name -> SHA-256 recomputed (matching the manifest)."""
    claims: int = 0
    snapshots: int = 0
    passages: int = 0
    """Quoted passages found at their offsets in the re-extracted text."""
    problems: list[str] = field(default_factory=list)
    signature: Signature | None = None
    """None: the bundle is not signed."""
    trusted: TrustedKey | None = None
    """The key the reader expects (``--key``); None when none was given."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def signed_by_trusted_key(self) -> bool:
        return (
            self.signature is not None
            and self.signature.valid
            and self.trusted is not None
            and self.trusted.matches(self.signature.key)
        )


@dataclass(frozen=True)
class _Passage:
    label: str
    start: int
    end: int
    exact: str


def _check_files(zf: zipfile.ZipFile, path: Path, manifest: Manifest, check: BundleCheck) -> None:
    names = set(zf.namelist())
    for name in sorted(names - {MANIFEST, SIGNATURE} - set(manifest.digests)):
        check.problems.append(f"{printable(name)}: in the bundle but not in the manifest")
    for name, digest in sorted(manifest.digests.items()):
        if name not in names:
            check.problems.append(f"{printable(name)}: listed in the manifest but missing")
            continue
        actual = entry_sha256(zf, path, name)
        if actual != digest:
            check.problems.append(
                f"{printable(name)}: SHA-256 is {actual}, the manifest says {digest}"
            )
        else:
            check.files[name] = actual
    for required in (REPORT, WARC):
        if required not in names:
            raise BundleInvalid(f"{path}: no {required} in the bundle; nothing to verify")


def _check_signature(
    zf: zipfile.ZipFile, path: Path, manifest: Manifest, check: BundleCheck
) -> None:
    """Check ``signature.json`` against the manifest, and against the trusted key if any."""
    if SIGNATURE not in zf.namelist():
        if check.trusted is not None:
            check.problems.append(
                f"{SIGNATURE}: the bundle is not signed, so nothing shows that the holder of "
                f"key {check.trusted.fingerprint} made it"
            )
        return
    with reading(path, SIGNATURE), zf.open(SIGNATURE) as entry:
        data = entry.read(_MAX_SIGNATURE_BYTES + 1)
    try:
        if len(data) > _MAX_SIGNATURE_BYTES:
            raise ValueError("too long")
        document = json.loads(data.decode("utf-8"))
        validator(load_schema("factdesk-bundle-signature-1.schema.json")).validate(document)
    except (ValueError, RecursionError):  # size, UTF-8, JSON and schema errors alike
        raise BundleInvalid(
            f"{path}: {SIGNATURE} is not a factdesk bundle signature "
            "(schema factdesk-bundle-signature-1)"
        ) from None
    key = public_key_of(document)
    signature = signature_of(document)
    if key is None or signature is None or key.fingerprint != document["fingerprint"]:
        raise BundleInvalid(f"{path}: {SIGNATURE} holds a malformed key, fingerprint or signature")
    valid = key.verifies(signature, manifest.data)
    check.signature = Signature(key, valid)
    if not valid:
        check.problems.append(
            f"{SIGNATURE}: the signature by key {key.fingerprint} does not match {MANIFEST}: "
            "the bundle was changed after it was signed, or the signature was taken from "
            "another bundle"
        )
    if check.trusted is not None and not check.trusted.matches(key):
        check.problems.append(
            f"{SIGNATURE}: signed by key {key.fingerprint}, not by the key you gave "
            f"({check.trusted.fingerprint}): someone else made this bundle"
        )


def _check_signer(envelope: dict[str, Any], check: BundleCheck) -> None:
    """The key the report names is the key that signed the bundle, and the other way round."""
    named = envelope.get("signer")
    if check.signature is None:
        if named is not None:
            check.problems.append(
                f"{REPORT} names signer {printable(named['fingerprint'])} but the bundle has no "
                f"{SIGNATURE}: its signature was removed"
            )
        return
    if named is None or named["public_key"] != check.signature.key.text:
        check.problems.append(
            f"{REPORT} does not name the key that signed the bundle "
            f"({check.signature.key.fingerprint})"
        )


def _passages(claim: dict[str, Any]) -> Iterator[tuple[int, _Passage]]:
    """Every quoted passage of one claim, with the id of the snapshot it quotes."""
    selector = claim["selector"]
    yield (
        claim["snapshot_id"],
        _Passage(f"claim {claim['id']}", claim["start"], claim["end"], selector["exact"]),
    )
    yield from _anchored(f"claim {claim['id']}", claim.get("anchors", ()))
    for e in claim["evidence"]:
        position = next(s for s in e["selector"] if s["type"] == "TextPositionSelector")
        label = f"claim {claim['id']} evidence {e['id']}"
        yield (
            e["snapshot_id"],
            _Passage(label, position["start"], position["end"], e["quote"]),
        )
        yield from _anchored(label, e.get("anchors", ()))


def _anchored(label: str, anchors: Any) -> Iterator[tuple[int, _Passage]]:
    """The passages a refresh found again (version 2); a vanished quote has none."""
    for a in anchors:
        if a["exact"] is not None and a["start"] is not None and a["end"] is not None:
            yield (
                a["snapshot_id"],
                _Passage(f"{label} anchor {a['id']}", a["start"], a["end"], a["exact"]),
            )


def reextract(body: bytes, snapshot: dict[str, Any], max_body_bytes: int | None = None) -> str:
    """The snapshot's text, extracted again from its archived bytes as ingest did."""
    # Ingest decoded with the header's charset when there was one; otherwise the
    # BOM, <meta> and detection steps find the same charset again.
    charset = snapshot["charset"] if snapshot["charset_source"] == "header" else None
    cap = FetchPolicy().max_body_bytes if max_body_bytes is None else max_body_bytes
    try:
        return extract_text(
            body,
            media_type=snapshot["media_type"],
            charset=charset,
            url=snapshot["final_url"],
            max_bytes=cap,
        )
    except PdfRefused:
        # An archived "PDF" that no longer reads: its text cannot match, and
        # the hash comparison reports the snapshot.
        return ""


class _Texts:
    """The re-extracted text of each archived snapshot, kept on disk, not in memory.

    Passages are checked claim by claim, long after the WARC pass that
    extracted the texts; a few recent texts stay in memory, since a claim's
    neighbours quote the same article. Files are named by a counter of this
    class, never by anything the bundle says.
    """

    def __init__(self, folder: Path, keep: int = 32) -> None:
        self.folder = folder
        self.keep = keep
        self.files: dict[int, Path] = {}
        self.recent: OrderedDict[int, str] = OrderedDict()

    def put(self, snapshot_id: int, text: str) -> None:
        path = self.files.setdefault(snapshot_id, self.folder / f"text-{len(self.files)}.txt")
        path.write_text(text, encoding="utf-8", newline="")

    def get(self, snapshot_id: int) -> str | None:
        """The text, or None when no archived body matched the snapshot (reported apart)."""
        text = self.recent.pop(snapshot_id, None)
        if text is None:
            path = self.files.get(snapshot_id)
            if path is None:
                return None
            text = path.read_text(encoding="utf-8")
        self.recent[snapshot_id] = text
        if len(self.recent) > self.keep:
            self.recent.popitem(last=False)
        return text


def _read_report(
    zf: zipfile.ZipFile, path: Path, passages: IO[bytes], check: BundleCheck
) -> tuple[dict[int, dict[str, Any]], dict[str, Any]]:
    """Validate the whole report; keep its snapshots and write its passages to ``passages``.

    Nothing is used before the report ends valid: passages wait in a file of
    the private folder, one JSON array per line.
    """
    snapshots: dict[int, dict[str, Any]] = {}
    with reading(path, REPORT), zf.open(REPORT) as entry:
        reader = ReportReader(entry, f"{path}: {REPORT}")
        for kind, record in reader:
            if kind == "snapshot":
                if record["id"] in snapshots:
                    check.problems.append(f"snapshot {record['id']}: listed twice in {REPORT}")
                snapshots[record["id"]] = {key: record.get(key) for key in _SNAPSHOT_KEYS}
                continue
            check.claims += 1
            for snapshot_id, p in _passages(record):
                passages.write(orjson.dumps([snapshot_id, p.label, p.start, p.end, p.exact]))
                passages.write(b"\n")
    summary = reader.envelope["summary"]
    held = (reader.counts["claim"], reader.counts["snapshot"])
    if (summary["claims"], summary["snapshots"]) != held:
        check.problems.append(
            f"{REPORT}: its summary counts {summary['claims']} claims and "
            f"{summary['snapshots']} snapshots, it holds {held[0]} and {held[1]}"
        )
    return snapshots, reader.envelope


def _check_texts(
    zf: zipfile.ZipFile,
    path: Path,
    snapshots: dict[int, dict[str, Any]],
    texts: _Texts,
    check: BundleCheck,
    max_body_bytes: int,
) -> None:
    """Find each snapshot's body in the WARC, extract its text again, compare hashes."""
    by_body: dict[tuple[str, datetime], list[dict[str, Any]]] = defaultdict(list)
    for snapshot in snapshots.values():
        when = datetime.fromisoformat(snapshot["fetched_at"]).astimezone(UTC)
        by_body[(snapshot["body_sha256"], when)].append(snapshot)
    seen: set[int] = set()
    try:
        with reading(path, WARC), zf.open(WARC) as warc:
            for archived in read_bodies(cast(BinaryIO, warc), max_body_bytes=max_body_bytes):
                digest = hashlib.sha256(archived.body).hexdigest()
                for snapshot in by_body.get((digest, archived.date), []):
                    seen.add(snapshot["id"])
                    check.snapshots += 1
                    text = reextract(archived.body, snapshot, max_body_bytes)
                    texts.put(snapshot["id"], text)
                    if text_sha256(text) != snapshot["text_sha256"]:
                        check.problems.append(
                            f"{_where(snapshot)}: the text extracted again from the archived "
                            "bytes differs from the text the report quotes "
                            f"(extractor then: {printable(snapshot['extractor'])})"
                        )
    except WarcError as exc:
        check.problems.append(f"{WARC}: {exc}")
    for snapshot in snapshots.values():
        if snapshot["id"] not in seen:
            check.problems.append(
                f"snapshot {snapshot['id']}: no body with SHA-256 {snapshot['body_sha256']} "
                f"archived at {snapshot['fetched_at']} in {WARC}"
            )


def _check_passages(
    passages: IO[bytes],
    snapshots: dict[int, dict[str, Any]],
    texts: _Texts,
    check: BundleCheck,
) -> None:
    unknown: set[int] = set()
    for line in passages:
        snapshot_id, label, start, end, exact = orjson.loads(line)
        if snapshot_id not in snapshots:
            unknown.add(snapshot_id)
            continue
        text = texts.get(snapshot_id)
        if text is None:
            continue  # its body is missing from the WARC: reported once already
        if text[start:end] == exact:
            check.passages += 1
        else:
            check.problems.append(
                f"{label}: the quoted passage is not at characters "
                f"{start}-{end} of {_where(snapshots[snapshot_id])}"
            )
    for snapshot_id in sorted(unknown):
        check.problems.append(f"snapshot {snapshot_id}: quoted but not in the report")


def _where(snapshot: dict[str, Any]) -> str:
    return f"snapshot {snapshot['id']} ({printable(snapshot['final_url'])})"


def verify_bundle(
    path: Path,
    *,
    trusted: TrustedKey | None = None,
    max_body_bytes: int | None = None,
) -> BundleCheck:
    """Check ``path`` as described above; problems are listed, refusals raised.

    ``trusted`` is the key the reader expects the bundle to be signed with.
    ``max_body_bytes`` caps each archived body, as the fetcher caps it
    (default: :class:`FetchPolicy`'s). A bundle that cannot be read safely
    (a zip entry out of place, a report off its schema, a damaged file) raises
    :class:`BundleInvalid`; content that does not hold up is listed in
    ``problems``.

    Memory stays flat whatever the size of the report: the report is parsed
    once as it streams out of the zip, the passages to check wait on disk,
    WARC records are inflated one at a time under the body cap, and the texts
    extracted from them wait on disk until the passages that quote them come by.
    """
    cap = FetchPolicy().max_body_bytes if max_body_bytes is None else max_body_bytes
    check = BundleCheck(trusted=trusted)
    with (
        open_bundle(path) as zf,
        tempfile.TemporaryDirectory(prefix="factdesk-verify-") as folder,
    ):
        manifest = read_manifest(zf, path)
        _check_files(zf, path, manifest, check)
        _check_signature(zf, path, manifest, check)
        with (Path(folder) / "passages.jsonl").open("w+b") as passages:
            snapshots, envelope = _read_report(zf, path, passages, check)
            _check_signer(envelope, check)
            texts = _Texts(Path(folder))
            _check_texts(zf, path, snapshots, texts, check, cap)
            passages.seek(0)
            _check_passages(passages, snapshots, texts, check)
    return check
