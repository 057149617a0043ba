"""The language model kept uncompressed between runs answers as the shipped one does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

from sources.extraction import langid_cache
from tests.sources.extraction.test_language_detection import GERMAN

ROOT = Path(__file__).resolve().parents[3]
AMONG = frozenset({"fr", "en"})


def _texts() -> list[str]:
    lines = (ROOT / "tests" / "data" / "claim_detection.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines[:150]] + [GERMAN, "Il y a 20 %", "—"]


def _shipped(among: frozenset[str]) -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if among:
        identifier.set_languages(sorted(among))
    return identifier


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(langid_cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_kept_model_gives_the_same_answers(cache: Path) -> None:
    for among in (AMONG, frozenset()):
        assert langid_cache.load(among) is None
        shipped = _shipped(among)
        langid_cache.keep(among, shipped)
        kept = langid_cache.load(among)
        assert kept is not None
        for text in _texts():
            assert kept.classify(text) == shipped.classify(text), text


def test_a_damaged_cache_is_passed_over(cache: Path) -> None:
    langid_cache.keep(AMONG, _shipped(AMONG))
    folder = langid_cache.model_folder()
    assert folder is not None
    (folder / "tokeniser" / "nextmove.npy").write_bytes(b"not an array")
    assert langid_cache.load(AMONG) is None


def test_an_unwritable_cache_folder_costs_only_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    env = {**os.environ, langid_cache.CACHE_ENV: str(blocker / "cache")}
    out = subprocess.run(
        [sys.executable, "-m", "tui.cli", "extract", "-"],
        input="Le chômage a baissé de 7,5 % en 2023, selon le ministère du Travail.\n",
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["language"] == "fr"


def test_extract_keeps_the_model_for_the_next_run(cache: Path) -> None:
    sentence = "Unemployment fell by 7.5% in 2023, the labour ministry said.\n"
    runs = [
        subprocess.run(
            [sys.executable, "-m", "tui.cli", "extract", "-"],
            input=sentence,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert json.loads(runs[0])["language"] == "en"
    folder = langid_cache.model_folder()
    assert folder is not None
    assert [p.name for p in cache.iterdir()] == [folder.name]
    # The automaton once; the weights for French and English, the languages factdesk reads.
    assert sorted(p.name for p in folder.iterdir()) == ["tokeniser", "weights-en-fr"]
