"""The verifiable bundle: a zip of the JSON report, the WARC of its sources,
and a manifest of SHA-256 hashes; and the check a third party runs on it.

Layout::

    report.json            the lossless JSON report (schema factdesk-report-2; -1 read too)
    sources.warc.gz        every snapshot the report quotes (WARC 1.1)
    manifest-sha256.txt    "<sha256>  <file>" per file, as ``sha256sum -c`` reads it

:func:`verify_bundle` needs nothing but the bundle: it recomputes every hash
of the manifest; then, for each snapshot the report names, finds in the WARC
the body with that SHA-256 archived at that ``fetched_at``, decodes and
extracts its text again with factdesk's own readers, compares the text's
hash with the one the report states, and reads every quoted passage (each
claim's sentence and each evidence quote) at its TextPositionSelector
offsets. Every passage found there is a passage of the bytes fetched at the
time stated. Reports of version 2 also carry the anchors a refresh found in
newer snapshots; each found passage is checked in its snapshot the same way.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import zipfile
from collections import OrderedDict, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

import ijson  # type: ignore[import-untyped]

from claims.reports.context import ReportJob
from claims.reports.errors import BundleInvalid
from claims.reports.json_report import READABLE_VERSIONS, REPORT_FORMAT, write_json
from claims.reports.warc_report import write_warc
from sources.decoding import decode_body
from sources.extraction import extract_article
from sources.snapshots import text_sha256
from sources.warc import WarcError, read_bodies

REPORT = "report.json"
WARC = "sources.warc.gz"
MANIFEST = "manifest-sha256.txt"
_CHUNK = 1 << 20
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

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Passage:
    label: str
    start: int
    end: int
    exact: str


def _file_sha256(zf: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with zf.open(name) as entry:
        while chunk := entry.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _check_manifest(zf: zipfile.ZipFile, path: Path, check: BundleCheck) -> None:
    names = set(zf.namelist())
    if MANIFEST not in names:
        raise BundleInvalid(f"{path}: no {MANIFEST} in the bundle; it is not a factdesk bundle")
    listed: dict[str, str] = {}
    for line in zf.read(MANIFEST).decode("utf-8").splitlines():
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64:
            raise BundleInvalid(f"{path}: {MANIFEST} has a malformed line {line[:80]!r}")
        listed[name] = digest
    for name in sorted(names - {MANIFEST} - set(listed)):
        check.problems.append(f"{name}: in the bundle but not in the manifest")
    for name, digest in sorted(listed.items()):
        if name not in names:
            check.problems.append(f"{name}: listed in the manifest but missing")
            continue
        actual = _file_sha256(zf, name)
        if actual != digest:
            check.problems.append(f"{name}: SHA-256 is {actual}, the manifest says {digest}")
        else:
            check.files[name] = actual
    for required in (REPORT, WARC):
        if required not in names:
            raise BundleInvalid(f"{path}: no {required} in the bundle; nothing to verify")


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


def reextract(body: bytes, snapshot: dict[str, Any]) -> str:
    """The snapshot's text, extracted again from its archived bytes as ingest did."""
    # Ingest decoded with the header's charset when there was one; otherwise the
    # BOM, <meta> and detection steps find the same charset again.
    charset = snapshot["charset"] if snapshot["charset_source"] == "header" else None
    decoded = decode_body(body, charset=charset, media_type=snapshot["media_type"])
    article = extract_article(
        decoded.text, media_type=snapshot["media_type"], url=snapshot["final_url"]
    )
    return article.text


class _Texts:
    """The re-extracted text of each archived snapshot, kept on disk, not in memory.

    Passages are checked claim by claim, long after the WARC pass that
    extracted the texts; a few recent texts stay in memory, since a claim's
    neighbours quote the same article.
    """

    def __init__(self, folder: Path, keep: int = 32) -> None:
        self.folder = folder
        self.keep = keep
        self.recent: OrderedDict[int, str] = OrderedDict()

    def _path(self, snapshot_id: int) -> Path:
        return self.folder / f"{snapshot_id}.txt"

    def put(self, snapshot_id: int, text: str) -> None:
        self._path(snapshot_id).write_text(text, encoding="utf-8", newline="")

    def get(self, snapshot_id: int) -> str | None:
        """The text, or None when no archived body matched the snapshot (reported apart)."""
        text = self.recent.pop(snapshot_id, None)
        if text is None:
            path = self._path(snapshot_id)
            if not path.exists():
                return None
            text = path.read_text(encoding="utf-8")
        self.recent[snapshot_id] = text
        if len(self.recent) > self.keep:
            self.recent.popitem(last=False)
        return text


def _report_items(zf: zipfile.ZipFile, path: Path, prefix: str) -> Iterator[Any]:
    """The items at ``prefix`` of the bundle's report, parsed as the file streams by."""
    try:
        with zf.open(REPORT) as entry:
            yield from ijson.items(entry, prefix)
    except ijson.JSONError as exc:
        raise BundleInvalid(f"{path}: {REPORT} is not valid JSON ({exc})") from None


def _check_texts(
    zf: zipfile.ZipFile,
    snapshots: list[dict[str, Any]],
    texts: _Texts,
    check: BundleCheck,
) -> None:
    """Find each snapshot's body in the WARC, extract its text again, compare hashes."""
    by_body: dict[tuple[str, datetime], list[dict[str, Any]]] = defaultdict(list)
    for snapshot in snapshots:
        when = datetime.fromisoformat(snapshot["fetched_at"])
        by_body[(snapshot["body_sha256"], when)].append(snapshot)
    seen: set[int] = set()
    try:
        with zf.open(WARC) as warc:
            for archived in read_bodies(warc):  # type: ignore[arg-type]
                digest = hashlib.sha256(archived.body).hexdigest()
                for snapshot in by_body.get((digest, archived.date), []):
                    seen.add(snapshot["id"])
                    check.snapshots += 1
                    text = reextract(archived.body, snapshot)
                    texts.put(snapshot["id"], text)
                    if text_sha256(text) != snapshot["text_sha256"]:
                        check.problems.append(
                            f"{_where(snapshot)}: the text extracted again from the archived "
                            "bytes differs from the text the report quotes "
                            f"(extractor then: {snapshot['extractor']})"
                        )
    except WarcError as exc:
        check.problems.append(f"{WARC}: {exc}")
    for snapshot in snapshots:
        if snapshot["id"] not in seen:
            check.problems.append(
                f"snapshot {snapshot['id']}: no body with SHA-256 {snapshot['body_sha256']} "
                f"archived at {snapshot['fetched_at']} in {WARC}"
            )


def _where(snapshot: dict[str, Any]) -> str:
    return f"snapshot {snapshot['id']} ({snapshot['final_url']})"


def verify_bundle(path: Path) -> BundleCheck:
    """Check ``path`` as described above; problems are listed, not raised.

    Memory stays flat whatever the size of the report: the report is parsed
    as it streams out of the zip (ijson), twice (its snapshots, then its
    claims), and the texts extracted from the WARC wait on disk in a
    temporary folder until the claims that quote them come by.
    """
    check = BundleCheck()
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BundleInvalid(f"{path}: no such file; check the path") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise BundleInvalid(f"{path}: not a readable zip file ({exc}); is it a bundle?") from None
    with zf, tempfile.TemporaryDirectory(prefix="factdesk-verify-") as folder:
        _check_manifest(zf, path, check)
        if next(_report_items(zf, path, "format"), None) != REPORT_FORMAT:
            raise BundleInvalid(f"{path}: {REPORT} is not a factdesk report")
        version = next(_report_items(zf, path, "version"), None)
        if version not in READABLE_VERSIONS:
            raise BundleInvalid(
                f"{path}: {REPORT} is a factdesk report of version {version}, this factdesk "
                f"reads versions {', '.join(map(str, READABLE_VERSIONS))}; upgrade factdesk"
            )
        snapshots = [
            {key: snapshot.get(key) for key in _SNAPSHOT_KEYS}
            for snapshot in _report_items(zf, path, "snapshots.item")
        ]
        texts = _Texts(Path(folder))
        _check_texts(zf, snapshots, texts, check)
        known = {s["id"]: s for s in snapshots}
        unknown: set[int] = set()
        for claim in _report_items(zf, path, "claims.item"):
            check.claims += 1
            for snapshot_id, p in _passages(claim):
                if snapshot_id not in known:
                    unknown.add(snapshot_id)
                    continue
                text = texts.get(snapshot_id)
                if text is None:
                    continue  # its body is missing from the WARC: reported once above
                if text[p.start : p.end] == p.exact:
                    check.passages += 1
                else:
                    check.problems.append(
                        f"{p.label}: the quoted passage is not at characters "
                        f"{p.start}-{p.end} of {_where(known[snapshot_id])}"
                    )
        for snapshot_id in sorted(unknown):
            check.problems.append(f"snapshot {snapshot_id}: quoted but not in the report")
    return check
