"""Bundles to attack: a genuine one, made by the real command line, and a forger's tools.

``make_genuine`` ingests the hostile article of ``conftest`` into a fresh
SQLite file and exports a signed bundle of it (verification reads no
database, so one engine is enough). The forger's tools rebuild a bundle
entry by entry, as a hostile sender would: any name, any bytes, any zip flags,
with a manifest recomputed or not.
"""

from __future__ import annotations

import hashlib
import json
import stat
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from db.urls import sqlite_url
from tests.claims.reports.conftest import ARTICLE, ARTICLE_URL
from tests.support.cli import Run
from tui.cli import app

MANIFEST = "manifest-sha256.txt"
SIGNATURE = "signature.json"


def factdesk(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Run:
    """The real command line, in this process; a traceback fails the test."""
    result = CliRunner().invoke(app, list(args), env=env, input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def verify(bundle: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    return factdesk("bundle", "verify", str(bundle), *args, env=env)


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@dataclass(frozen=True)
class Genuine:
    """A bundle exported by factdesk, and what it holds."""

    path: Path
    files: dict[str, bytes]
    key: Path
    fingerprint: str
    said: str
    """What ``factdesk report --format bundle`` said on stderr."""

    @property
    def report(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.files["report.json"])
        return data


def make_genuine(folder: Path, article: str = ARTICLE) -> Genuine:
    """A bundle of ``article`` (read from ``ARTICLE_URL``) signed with a key of ``folder``."""
    database = sqlite_url(folder / "desk.sqlite3")
    key = folder / "signing-key.pem"
    env = {"FACTDESK_SIGNING_KEY": str(key), "FACTDESK_ORGANISATION": "Desk <Verify> & Co"}
    ingested = factdesk(
        "--db", database, "ingest", "-", "--url", ARTICLE_URL, "--lang", "fr",
        env=env, input=article,
    )  # fmt: skip
    assert ingested.exit_code == 0, ingested.stderr
    path = folder / "bundle.zip"
    exported = factdesk("--db", database, "report", "--format", "bundle", "-o", str(path), env=env)
    assert exported.exit_code == 0, exported.stderr
    shown = factdesk("bundle", "key", "--format", "json", env=env)
    with zipfile.ZipFile(path) as zf:
        files = {name: zf.read(name) for name in zf.namelist()}
    fingerprint = json.loads(shown.stdout)["fingerprint"]
    return Genuine(path, files, key, fingerprint, exported.stderr)


@dataclass(frozen=True)
class Entry:
    """One zip entry as a forger writes it."""

    name: str
    data: bytes
    compression: int = zipfile.ZIP_DEFLATED
    mode: int | None = None
    """Unix mode in the entry's external attributes (e.g. a symbolic link's)."""
    flags: int = 0


SYMLINK = stat.S_IFLNK | 0o777


@dataclass
class Forgery:
    """A bundle rebuilt from a genuine one: files replaced, added, dropped."""

    files: dict[str, bytes]
    extra: list[Entry] = field(default_factory=list)

    @classmethod
    def of(cls, genuine: Genuine, *, keep_signature: bool = False) -> Forgery:
        files = dict(genuine.files)
        if not keep_signature:
            files.pop(SIGNATURE)
        return cls(files)

    def report(self, edit: Any) -> Forgery:
        """Edit report.json (a function of the parsed report) and drop its signer."""
        report = json.loads(self.files["report.json"])
        report.pop("signer", None)
        edit(report)
        self.files["report.json"] = json.dumps(report).encode()
        return self

    def manifest(self, *names: str) -> bytes:
        """A manifest listing ``names`` (default: every file) with their true digests."""
        listed = names or tuple(n for n in sorted(self.files) if n not in (MANIFEST, SIGNATURE))
        data = {**self.files, **{e.name: e.data for e in self.extra}}
        return "".join(f"{hashlib.sha256(data[n]).hexdigest()}  {n}\n" for n in listed).encode()

    def write(self, path: Path, *, fix_manifest: bool = True) -> Path:
        if fix_manifest:
            names = [n for n in self.files if n not in (MANIFEST, SIGNATURE)]
            self.files[MANIFEST] = self.manifest(*sorted(names + [e.name for e in self.extra]))
        entries = [
            # As factdesk writes them: the WARC, already gzip-compressed, is stored.
            Entry(name, data, zipfile.ZIP_STORED if name.endswith(".gz") else zipfile.ZIP_DEFLATED)
            for name, data in self.files.items()
        ]
        write_zip(path, entries + self.extra)
        return path


def write_zip(path: Path, entries: list[Entry]) -> None:
    with zipfile.ZipFile(path, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are the point
        for entry in entries:
            info = zipfile.ZipInfo(entry.name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = entry.compression
            if entry.mode is not None:
                info.create_system = 3
                info.external_attr = entry.mode << 16
            zf.writestr(info, entry.data)
    flagged = {e.name: e.flags for e in entries if e.flags}
    if flagged:
        _set_flags(path, flagged)


def _set_flags(path: Path, flagged: dict[str, int]) -> None:
    """Set general-purpose flag bits (zipfile's writer clears them) in both headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        offsets = {i.filename: i.header_offset for i in zf.infolist()}
        at = zf.start_dir
    for name, bits in flagged.items():
        data[offsets[name] + 6] |= bits  # local file header
    while data[at : at + 4] == b"PK\x01\x02":  # central directory records
        size = int.from_bytes(data[at + 28 : at + 30], "little")
        extra = int.from_bytes(data[at + 30 : at + 32], "little")
        comment = int.from_bytes(data[at + 32 : at + 34], "little")
        name = bytes(data[at + 46 : at + 46 + size]).decode()
        if name in flagged:
            data[at + 8] |= flagged[name]
        at += 46 + size + extra + comment
    path.write_bytes(bytes(data))
