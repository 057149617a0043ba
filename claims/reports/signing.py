"""Ed25519 signatures on bundles: who made a bundle, and that it is unchanged since.

A bundle's manifest lists the SHA-256 of every file in it; the signature
covers the manifest, so it covers everything. What it proves is origin: the
holder of the private key made this bundle and nobody changed a byte since.
It does not prove that a web page said what the archive holds: a signer
could archive a page they made up. It proves who vouches for the archive.

One key per installation by default (created on first use, mode 0600, next
to the database); an organisation that wants one identity points every
machine at the same key file (``FACTDESK_SIGNING_KEY``) and publishes the
fingerprint, which readers pass to ``factdesk bundle verify --key``.

    fingerprint  "SHA256:" + base64 (unpadded) of the SHA-256 of the raw public key
    public key   the raw 32-byte Ed25519 key, base64, or the same in a PEM file
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from claims.reports.errors import ReportError

ALGORITHM = "Ed25519"
SIGNATURE_FORMAT = "factdesk-bundle-signature"
SIGNATURE_VERSION = 1
_CONTEXT = b"factdesk bundle manifest, signature version 1\n"
"""Prefixed to what is signed, so that a signature made for a bundle means nothing elsewhere."""
_FINGERPRINT_PREFIX = "SHA256:"
_MAX_KEY_FILE = 64 * 1024


class SigningKeyError(ReportError):
    """The signing key cannot be read, created or understood."""


class BadPublicKey(ReportError):
    """A public key or fingerprint given to check a bundle against is not one."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key, as a bundle carries it."""

    raw: bytes

    @property
    def text(self) -> str:
        return _b64(self.raw)

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha256(self.raw).digest()
        return _FINGERPRINT_PREFIX + _b64(digest).rstrip("=")

    @property
    def pem(self) -> str:
        key = Ed25519PublicKey.from_public_bytes(self.raw)
        return key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii")

    def to_json(self) -> dict[str, str]:
        return {"algorithm": ALGORITHM, "public_key": self.text, "fingerprint": self.fingerprint}

    def verifies(self, signature: bytes, manifest: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, _CONTEXT + manifest)
        except (InvalidSignature, ValueError):
            return False
        return True

    @classmethod
    def from_text(cls, text: str) -> PublicKey | None:
        raw = _unb64(text)
        return cls(raw) if raw is not None and len(raw) == 32 else None


@dataclass(frozen=True)
class SigningKey:
    """The private key that signs this installation's bundles."""

    private: Ed25519PrivateKey
    path: Path
    created: bool
    """True when this call made the key (first use)."""

    @property
    def public(self) -> PublicKey:
        raw = self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return PublicKey(raw)

    def signature_document(self, manifest: bytes) -> bytes:
        """``signature.json``: the public key and its signature of ``manifest``."""
        document = {
            "format": SIGNATURE_FORMAT,
            "version": SIGNATURE_VERSION,
            "signs": "manifest-sha256.txt",
            **self.public.to_json(),
            "signature": _b64(self.private.sign(_CONTEXT + manifest)),
        }
        return (json.dumps(document, indent=1) + "\n").encode("utf-8")


def _read_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = path.read_bytes()[: _MAX_KEY_FILE + 1]
    except OSError as exc:
        raise SigningKeyError(
            f"{path}: the signing key cannot be read ({exc.strerror}); check FACTDESK_SIGNING_KEY"
        ) from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise SigningKeyError(
            f"{path}: not an unencrypted PEM private key; give an Ed25519 key "
            "(e.g. `openssl genpkey -algorithm ed25519`) or remove the file to have one made"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path}: the signing key is not an Ed25519 key; bundles need one")
    return key


def _create_key(path: Path) -> bool:
    """Write a new key at ``path`` unless one is there; True when this call wrote it.

    The key is written whole to a private temporary file and linked into place,
    so two processes on first use cannot leave a half-written key: one wins,
    the other reads the winner's.
    """
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".signing-key-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(pem)
            os.link(temporary, path)
        finally:
            os.unlink(temporary)
    except FileExistsError:
        return False
    except OSError as exc:
        raise SigningKeyError(
            f"{path}: cannot create the signing key ({exc.strerror}); "
            "point FACTDESK_SIGNING_KEY at a writable place"
        ) from None
    return True


def signing_key(path: Path, *, create: bool = True) -> SigningKey:
    """The key at ``path``, made there first when ``create`` and there is none."""
    created = create and not path.exists() and _create_key(path)
    return SigningKey(_read_key(path), path, created)


@dataclass(frozen=True)
class TrustedKey:
    """The key a reader expects a bundle to be signed with: the key itself or its fingerprint."""

    fingerprint: str
    public: PublicKey | None = None

    def matches(self, key: PublicKey) -> bool:
        return key.fingerprint == self.fingerprint


def _fingerprint(text: str) -> TrustedKey | None:
    if not text.startswith(_FINGERPRINT_PREFIX):
        return None
    digest = _unb64(text[len(_FINGERPRINT_PREFIX) :])
    if digest is None or len(digest) != 32:
        return None
    return TrustedKey(_FINGERPRINT_PREFIX + _b64(digest).rstrip("="))


def _from_pem(data: bytes) -> TrustedKey | None:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        return None
    if not isinstance(key, Ed25519PublicKey):
        return None
    public = PublicKey(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    return TrustedKey(public.fingerprint, public)


def _from_text(text: str) -> TrustedKey | None:
    text = text.strip()
    found = _fingerprint(text)
    if found is None and (public := PublicKey.from_text(text)) is not None:
        found = TrustedKey(public.fingerprint, public)
    return found


def trusted_key(value: str) -> TrustedKey:
    """``value`` as given to ``--key``: a fingerprint, a public key, or a file holding either
    (or a PEM public key)."""
    found = _from_text(value)
    if found is None and len(value) < 4096 and Path(value).is_file():
        try:
            data = Path(value).read_bytes()[:_MAX_KEY_FILE]
        except OSError as exc:
            raise BadPublicKey(f"{value}: cannot be read ({exc.strerror})") from None
        if b"-----BEGIN PUBLIC KEY-----" in data:
            found = _from_pem(data)
        else:
            found = _from_text(data.decode("utf-8", errors="replace"))
    if found is None:
        raise BadPublicKey(
            f"{value[:80]!r} is neither an Ed25519 public key (base64, or a file holding it "
            "or its PEM) nor a fingerprint (SHA256:…); `factdesk bundle key` on the signer's "
            "machine prints both"
        )
    return found


def public_key_of(document: dict[str, Any]) -> PublicKey | None:
    """The public key a validated ``signature.json`` names, when it is a key at all."""
    return PublicKey.from_text(document["public_key"])


def signature_of(document: dict[str, Any]) -> bytes | None:
    raw = _unb64(document["signature"])
    return raw if raw is not None and len(raw) == 64 else None
