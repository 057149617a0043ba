"""The language of a page: what it declares, else what its text looks like.

Declared tags win, in this order: ``<html lang>`` (and ``xml:lang``,
``<body lang>``), ``og:locale``, ``<meta http-equiv="Content-Language">`` /
``<meta name="language">``, JSON-LD ``inLanguage``, then the caller's hint
(usually the HTTP Content-Language header). Tags are reduced to their ISO 639-1
primary subtag ("fr-FR", "fr_FR" → "fr").

Without a declaration the text is identified with py3langid (the model
trafilatura uses, shipped inside the package: no download), on the first
``DETECTION_SAMPLE_CHARS`` characters. If py3langid is not installed, a
stopword ratio decides between French and English only: the share of the
text's words that are among the most frequent function words of each
language; the higher share wins when it is at least ``STOPWORD_MIN_SHARE``.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Iterable
from functools import cache
from typing import Any

from babel import Locale

DETECTION_MIN_CHARS = 20
DETECTION_SAMPLE_CHARS = 3000
# Below this normalised probability py3langid is guessing: say nothing.
DETECTION_MIN_CONFIDENCE = 0.5
STOPWORD_MIN_SHARE = 0.08

FRENCH_STOPWORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "l",
        "et",
        "est",
        "en",
        "que",
        "qui",
        "dans",
        "pour",
        "sur",
        "au",
        "aux",
        "par",
        "pas",
        "ne",
        "se",
        "ce",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "il",
        "elle",
        "ils",
        "elles",
        "nous",
        "vous",
        "leur",
        "leurs",
        "avec",
        "plus",
        "ont",
        "été",
        "sont",
        "mais",
        "ou",
        "où",
        "comme",
        "aussi",
        "a",
        "été",
        "être",
        "fait",
        "entre",
        "après",
    ]
)
ENGLISH_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "its",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "this",
        "which",
        "who",
        "not",
        "but",
        "or",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "will",
        "would",
        "said",
        "more",
        "than",
        "after",
        "about",
        "into",
    ]
)

_TAG = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*\s*$")
_WORDS = re.compile(r"[^\W\d_]+")
# ISO 639-2 codes pages use in lang attributes, for the languages we care about most.
_THREE_LETTER = {
    "fra": "fr",
    "fre": "fr",
    "eng": "en",
    "ara": "ar",
    "spa": "es",
    "deu": "de",
    "ger": "de",
    "ita": "it",
    "por": "pt",
    "nld": "nl",
    "dut": "nl",
}


def normalize_language_tag(tag: str | None) -> str | None:
    """ISO 639-1 code of a BCP 47 / POSIX language tag, or None if it is not one."""
    if not tag:
        return None
    first = tag.split(",")[0]
    found = _TAG.match(first)
    if found is None:
        return None
    code = found.group(1).lower()
    if len(code) == 3:
        return _THREE_LETTER.get(code)
    return code


def first_declared(tags: Iterable[str | None]) -> str | None:
    """The first tag that normalises to a language code."""
    for tag in tags:
        code = normalize_language_tag(tag)
        if code is not None:
            return code
    return None


def jsonld_languages(objects: Iterable[dict[str, Any]]) -> list[str]:
    """``inLanguage`` values of JSON-LD objects, as given."""
    found: list[str] = []
    for obj in objects:
        value = obj.get("inLanguage")
        if isinstance(value, dict):
            value = value.get("alternateName") or value.get("name")
        if isinstance(value, str):
            found.append(value)
    return found


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language the text is written in, or None if unsure."""
    sample = text[:DETECTION_SAMPLE_CHARS]
    if len(sample.strip()) < DETECTION_MIN_CHARS:
        return None
    identifier = _identifier()
    if identifier is None:
        return stopword_language(sample)
    code, confidence = identifier.classify(sample)
    if float(confidence) < DETECTION_MIN_CONFIDENCE:
        return None
    return normalize_language_tag(str(code))


_LOADING = threading.Lock()


def _identifier() -> Any:
    """py3langid's identifier with probabilities, loaded once; None if not installed.

    Threads that meet it at the same time (a refresh pass starts 50) wait for
    the first to load the model instead of each loading their own.
    """
    with _LOADING:
        return _load_identifier()


@cache
def _load_identifier() -> Any:
    try:
        langid = importlib.import_module("py3langid.langid")
    except ImportError:
        return None
    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def language_name(code: str) -> str:
    """The English name of ISO 639-1 ``code`` ("de" -> "German"), or the code itself."""
    name: str | None = Locale("en").languages.get(code)
    return name or code


def stopword_language(text: str) -> str | None:
    """ "fr" or "en" by share of function words, or None below ``STOPWORD_MIN_SHARE``."""
    words = [word.lower() for word in _WORDS.findall(text)]
    if not words:
        return None
    french = sum(word in FRENCH_STOPWORDS for word in words) / len(words)
    english = sum(word in ENGLISH_STOPWORDS for word in words) / len(words)
    best, share = ("fr", french) if french >= english else ("en", english)
    return best if share >= STOPWORD_MIN_SHARE else None
