"""A bundle's zip, opened as hostile input: entries and manifest checked before use.

A factdesk bundle holds a few plain files at its top level. Verification never
extracts them, but people unzip a bundle that verify called "ok", so an entry
that an unzip tool would write outside its folder (an absolute name, a ``..``),
a symbolic link, a name that appears twice (Python reads the last copy, other
tools the first) or an entry this verifier would not read the way factdesk
wrote it (encrypted, another compression method) is refused, named, with the
reason. Every read of an entry goes through :func:`reading`, which turns the
zip module's many failures (a bad CRC among them) into one-line
:class:`BundleInvalid` errors.
"""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from claims.reports.errors import BundleInvalid

MANIFEST = "manifest-sha256.txt"
MAX_MANIFEST_BYTES = 64 * 1024
"""A manifest lists a handful of files: anything longer is not one factdesk wrote."""
_CHUNK = 1 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")
_LINE = re.compile(r"^([0-9a-f]{64})  (\S(?:.*\S)?)$")
_WRITTEN_BY_FACTDESK = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# Damaged or hostile zips fail in all of these ways inside the zip module.
_ZIP_FAILURES = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


@contextmanager
def reading(path: Path, name: str) -> Iterator[None]:
    """Turn a failure to read entry ``name`` of ``path`` into :class:`BundleInvalid`."""
    try:
        yield
    except _ZIP_FAILURES as exc:
        reason = " ".join(str(exc).split())[:200]
        raise BundleInvalid(
            f"{path}: {name} cannot be read from the zip ({reason}); the bundle is damaged"
        ) from None


def open_bundle(path: Path) -> zipfile.ZipFile:
    """``path`` as a zip whose entries passed :func:`check_entries`."""
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BundleInvalid(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise BundleInvalid(f"{path}: is a folder; give the bundle's zip file") from None
    except _ZIP_FAILURES as exc:
        reason = " ".join(str(exc).split())[:200]
        raise BundleInvalid(
            f"{path}: not a readable zip file ({reason}); is it a bundle?"
        ) from None
    try:
        check_entries(zf, path)
    except BundleInvalid:
        zf.close()
        raise
    return zf


def _refusal(info: zipfile.ZipInfo) -> str | None:
    """Why entry ``info`` has no place in a bundle, or None when it may stay."""
    name = info.filename
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
        return "has control characters in its name"
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return "is an absolute path"
    parts = re.split(r"[/\\]", name)
    if ".." in parts:
        return "has a '..' component that leads out of the folder it is unzipped in"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    if info.is_dir() or len(parts) > 1 or not name.strip():
        return "is not a plain file at the top of the zip"
    if info.flag_bits & 0x1:
        return "is encrypted"
    if info.compress_type not in _WRITTEN_BY_FACTDESK:
        return f"is compressed with method {info.compress_type}, which factdesk never writes"
    return None


def check_entries(zf: zipfile.ZipFile, path: Path) -> None:
    """Refuse the first entry that has no place in a bundle (see the module's docstring)."""
    for info in zf.infolist():
        reason = _refusal(info)
        if reason is not None:
            raise BundleInvalid(
                f"{path}: zip entry {info.filename!r} {reason}; refused, a factdesk bundle "
                "holds only plain files at its top level"
            )
    # Case and Unicode form too: on macOS and Windows such names are one file.
    seen = Counter(unicodedata.normalize("NFC", name).casefold() for name in zf.namelist())
    for name in zf.namelist():
        if seen[unicodedata.normalize("NFC", name).casefold()] > 1:
            raise BundleInvalid(
                f"{path}: zip entry {name!r} appears more than once; refused, tools disagree "
                "on which copy they read"
            )


@dataclass(frozen=True)
class Manifest:
    """``manifest-sha256.txt``: its bytes (what a signature covers) and what it lists."""

    data: bytes
    digests: dict[str, str]
    """File name -> SHA-256 (hex) the manifest states."""


def read_manifest(zf: zipfile.ZipFile, path: Path) -> Manifest:
    if MANIFEST not in zf.namelist():
        raise BundleInvalid(f"{path}: no {MANIFEST} in the bundle; it is not a factdesk bundle")
    with reading(path, MANIFEST), zf.open(MANIFEST) as entry:
        data = entry.read(MAX_MANIFEST_BYTES + 1)
    if len(data) > MAX_MANIFEST_BYTES:
        raise BundleInvalid(
            f"{path}: {MANIFEST} is over {MAX_MANIFEST_BYTES:,} bytes; a factdesk manifest "
            "lists a few files"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleInvalid(
            f"{path}: {MANIFEST} is not UTF-8 text; it is not a manifest factdesk wrote"
        ) from None
    digests: dict[str, str] = {}
    for line in text.splitlines():
        found = _LINE.match(line)
        if found is None:
            raise BundleInvalid(f"{path}: {MANIFEST} has a malformed line {line[:80]!r}")
        digest, name = found.groups()
        if name in digests:
            raise BundleInvalid(f"{path}: {MANIFEST} lists {name!r} twice")
        digests[name] = digest
    return Manifest(data, digests)


def entry_sha256(zf: zipfile.ZipFile, path: Path, name: str) -> str:
    """SHA-256 of entry ``name``, read to its end (which checks its CRC too)."""
    digest = hashlib.sha256()
    with reading(path, name), zf.open(name) as entry:
        while chunk := entry.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
