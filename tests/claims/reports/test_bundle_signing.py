"""Signed bundles: what a signature proves (who made it), and what it does not.

The audit forged a bundle end to end (page changed, digests, text hash and
manifest recomputed) and verify said "ok": the manifest proves consistency,
not origin. A forger can still make a consistent bundle, with factdesk
itself; what they cannot do is sign it with the maker's key.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.claims.reports.bundles import (
    SIGNATURE,
    Forgery,
    Genuine,
    factdesk,
    make_genuine,
    one_line,
    verify,
)
from tests.claims.reports.conftest import ARTICLE


@pytest.fixture(scope="module")
def forged(genuine: Genuine, tmp_path_factory: pytest.TempPathFactory) -> Genuine:
    """The forger's bundle: the same address, a page they made up, their own key."""
    made_up = ARTICLE.replace("20.000 coopératives", "90.000 coopératives")
    forgery = make_genuine(tmp_path_factory.mktemp("forger"), made_up)
    assert forgery.fingerprint != genuine.fingerprint
    return forgery


def test_a_signed_bundle_names_its_key(genuine: Genuine) -> None:
    assert f"signed by {genuine.fingerprint}" in genuine.said
    assert genuine.report["signer"]["fingerprint"] == genuine.fingerprint
    document = json.loads(genuine.files[SIGNATURE])
    assert document["fingerprint"] == genuine.fingerprint
    assert document["public_key"] == genuine.report["signer"]["public_key"]

    unchecked = verify(genuine.path)
    assert unchecked.exit_code == 0, unchecked.stdout
    said = unchecked.stdout.strip().splitlines()[-1]
    assert said.startswith(f"signed by {genuine.fingerprint}, the key the bundle itself names")
    assert "proves nothing about who made it" in said


def test_verify_key_accepts_a_fingerprint_a_public_key_or_a_pem_file(
    genuine: Genuine, tmp_path: Path
) -> None:
    env = {"FACTDESK_SIGNING_KEY": str(genuine.key)}
    pem = tmp_path / "desk.pub"
    pem.write_text(factdesk("bundle", "key", "--format", "pem", env=env).stdout)
    assert pem.read_text().startswith("-----BEGIN PUBLIC KEY-----")
    public = genuine.report["signer"]["public_key"]
    for key in (genuine.fingerprint, public, str(pem)):
        result = verify(genuine.path, "--key", key)
        assert result.exit_code == 0, result.stdout
        said = result.stdout.strip().splitlines()[-1]
        assert said.startswith(f"ok signed by {genuine.fingerprint}, the key you gave")
        assert "it does not prove the pages said this" in said


def test_a_bundle_forged_end_to_end_fails_against_the_makers_key(
    genuine: Genuine, forged: Genuine
) -> None:
    # Consistent in itself: without a key to check against, it holds up.
    alone = verify(forged.path)
    assert alone.exit_code == 0
    assert "the key the bundle itself names: unchecked" in alone.stdout
    assert forged.fingerprint in alone.stdout

    result = verify(forged.path, "--key", genuine.fingerprint)
    assert result.exit_code == 1
    assert (
        f"FAILED signature.json: signed by key {forged.fingerprint}, not by the key you gave "
        f"({genuine.fingerprint})"
    ) in result.stdout
    assert "1 problems" in one_line(result.stderr)


def test_a_forger_who_drops_the_signature(
    genuine: Genuine, forged: Genuine, tmp_path: Path
) -> None:
    unsigned = Forgery.of(forged).report(lambda report: None).write(tmp_path / "unsigned.zip")
    alone = verify(unsigned)
    assert alone.exit_code == 0
    said = alone.stdout.strip().splitlines()[-1]
    assert said.startswith("unsigned: the files agree with each other")
    assert "nothing shows who made the bundle" in said

    result = verify(unsigned, "--key", genuine.fingerprint)
    assert result.exit_code == 1
    assert "FAILED signature.json: the bundle is not signed" in result.stdout


def test_a_forger_who_keeps_the_makers_signature(
    genuine: Genuine, forged: Genuine, tmp_path: Path
) -> None:
    forgery = Forgery.of(forged)
    forgery.files[SIGNATURE] = genuine.files[SIGNATURE]
    bundle = forgery.write(tmp_path / "borrowed.zip", fix_manifest=False)
    result = verify(bundle, "--key", genuine.fingerprint)
    assert result.exit_code == 1
    assert f"the signature by key {genuine.fingerprint} does not match" in result.stdout
    assert "report.json does not name the key that signed the bundle" in result.stdout


def test_a_removed_signature_is_noticed_without_a_key(genuine: Genuine, tmp_path: Path) -> None:
    """The report still names its signer: the signature went missing on the way."""
    bundle = Forgery.of(genuine).write(tmp_path / "stripped.zip", fix_manifest=False)
    result = verify(bundle)
    assert result.exit_code == 1
    assert f"names signer {genuine.fingerprint} but the bundle has no signature.json" in (
        result.stdout
    )


def test_a_malformed_signature_file(genuine: Genuine, tmp_path: Path) -> None:
    forgery = Forgery.of(genuine)
    document = json.loads(genuine.files[SIGNATURE])
    for broken in (b"\xff not json", json.dumps({**document, "signature": 5}).encode()):
        forgery.files[SIGNATURE] = broken
        result = verify(forgery.write(tmp_path / "sig.zip", fix_manifest=False))
        assert result.exit_code == 1
        assert "signature.json is not a factdesk bundle signature" in one_line(result.stderr)


def test_a_key_that_is_no_key_is_bad_usage(genuine: Genuine) -> None:
    for value in ("SHA256:tooshort", "not-a-key", "AAAA"):
        result = verify(genuine.path, "--key", value)
        assert result.exit_code == 2
        assert "is neither an Ed25519 public key" in one_line(result.stderr)


def test_the_key_is_made_on_first_use_private_and_kept(tmp_path: Path) -> None:
    key = tmp_path / "new" / "folder" / "bundle-signing-key.pem"
    env = {"FACTDESK_SIGNING_KEY": str(key)}
    first = factdesk("bundle", "key", env=env)
    assert first.exit_code == 0
    assert "created the key that signs your bundles" in one_line(first.stderr)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    if os.name == "posix":
        assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    again = factdesk("bundle", "key", env=env)
    assert again.stderr == ""
    assert again.stdout == first.stdout
    assert again.stdout.startswith("fingerprint  SHA256:")


def test_a_signing_key_that_is_not_ed25519(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a key")
    result = factdesk("bundle", "key", env={"FACTDESK_SIGNING_KEY": str(garbage)})
    assert result.exit_code == 1
    assert "not an unencrypted PEM private key" in one_line(result.stderr)
    rsa_key = tmp_path / "rsa.pem"
    rsa_key.write_bytes(
        rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    result = factdesk("bundle", "key", env={"FACTDESK_SIGNING_KEY": str(rsa_key)})
    assert result.exit_code == 1
    assert "is not an Ed25519 key" in one_line(result.stderr)
