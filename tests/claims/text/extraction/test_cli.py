"""`python -m claims.text.extraction`: the extraction contract on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from claims.text.extraction import extract_claims


def run(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claims.text.extraction", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_lines_mode_prints_one_object_per_input_line_in_order() -> None:
    lines = [
        "Le nombre de coopératives a atteint 20.000 unités.",
        "Il fait beau.",
        "Des délégations d'une cinquantaine de pays prennent part au sommet.",
    ]
    done = run("--lines", "--lang", "fr", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == 3
    assert [q["value"] for q in out[0]["claims"][0]["quantities"]] == [20000.0]
    assert out[1] == {"claims": []}
    assert out[2]["claims"][0]["quantities"][0]["approximate"] is True


def test_claim_objects_carry_the_contract_keys() -> None:
    done = run("--lines", "--lang", "en", stdin="Over 1.5 million people signed, she said.\n")
    claim = json.loads(done.stdout)["claims"][0]
    assert list(claim)[:6] == ["text", "start", "end", "kind", "claimant", "quantities"]
    assert {"subject", "checkworthiness", "fingerprint", "spans"} <= set(claim)
    assert claim == extract_claims("Over 1.5 million people signed, she said.", "en")[0].to_json()


def test_file_argument_reads_a_whole_text(tmp_path: Path, seed_article: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(seed_article, encoding="utf-8")
    done = run("--lang", "fr", str(path), stdin="")
    assert done.returncode == 0, done.stderr
    claims = json.loads(done.stdout)["claims"]
    assert any("20.000 coopératives" in c["text"] for c in claims)


def test_unreadable_file_is_one_line_on_stderr_and_exit_1(tmp_path: Path) -> None:
    done = run("--lang", "fr", str(tmp_path / "missing.txt"), stdin="")
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "missing.txt" in done.stderr


def test_unknown_language_is_bad_usage() -> None:
    assert run("--lang", "de", stdin="Hallo.").returncode == 2
