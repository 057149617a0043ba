"""The language of a page: what it declares, else what its text looks like.

Declared tags win, in this order: ``<html lang>`` (and ``xml:lang``,
``<body lang>``), ``og:locale``, ``<meta http-equiv="Content-Language">`` /
``<meta name="language">``, JSON-LD ``inLanguage``, then the caller's hint
(usually the HTTP Content-Language header). Tags are reduced to their ISO 639-1
primary subtag ("fr-FR", "fr_FR" → "fr").

Without a declaration the text is identified with py3langid (the model
trafilatura uses, shipped inside the package: no download), on the first
``DETECTION_SAMPLE_CHARS`` characters. This is factdesk's one language
detector: claim extraction asks it too, restricted to the languages it has
word lists for (``among``; see ``claims.language_choice``).

The model ships LZMA-compressed; decompressing it is half a second of CPU,
which ``factdesk extract`` paid on every run. The first load keeps the
arrays of the identifier it built, uncompressed, in factdesk's cache folder
(``langid_cache``); later processes read them from there. The arrays are the
ones py3langid built, so the answers are the same.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Iterable
from functools import cache
from typing import Any

from babel import Locale
from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

from sources.extraction import langid_cache

DETECTION_MIN_CHARS = 20
DETECTION_SAMPLE_CHARS = 3000
# Below this normalised probability py3langid is guessing: say nothing.
DETECTION_MIN_CONFIDENCE = 0.5

_TAG = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*\s*$")
_LETTER = re.compile(r"[^\W\d_]")
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


def detect_language(text: str, among: Collection[str] | None = None) -> str | None:
    """ISO 639-1 code of the language the text is written in, or None if unsure.

    With ``among`` (ISO 639-1 codes), the answer is one of them: the model
    weighs only those languages, so a text in none of them gets the closest.
    Short texts are tried then too (a caller that must pick a language has a
    fallback for a wrong guess anyway), but a text without letters is None.
    """
    sample = text[:DETECTION_SAMPLE_CHARS]
    if among is None and len(sample.strip()) < DETECTION_MIN_CHARS:
        return None
    if among is not None and not _LETTER.search(sample):
        return None
    code, confidence = _identifier(frozenset(among or ())).classify(sample)
    found = normalize_language_tag(str(code))
    if float(confidence) < DETECTION_MIN_CONFIDENCE or (among is not None and found not in among):
        return None
    return found


_LOADING = threading.Lock()


def _identifier(among: frozenset[str]) -> Any:
    """py3langid's identifier with probabilities, restricted to ``among`` (all if empty).

    Loaded once per restriction (restricting changes the identifier, so each
    set gets its own). Threads that meet it at the same time (a refresh pass
    starts 50) wait for the first to load the model instead of each loading
    their own.
    """
    with _LOADING:
        return _load_identifier(among)


@cache
def _load_identifier(among: frozenset[str]) -> Any:
    cached = langid_cache.load(among)
    if cached is not None:
        return cached
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = sorted(code for code in among if code in identifier.nb_classes)
    if known:
        identifier.set_languages(known)
    langid_cache.keep(among, identifier)
    return identifier


def language_name(code: str) -> str:
    """The English name of ISO 639-1 ``code`` ("de" -> "German"), or the code itself."""
    name: str | None = Locale("en").languages.get(code)
    return name or code
