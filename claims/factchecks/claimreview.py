"""Read ClaimReviews out of JSON-LD: single items, lists, ``@graph``, DataFeeds and pages.

The shapes publishers and aggregators use (schema.org ClaimReview, DataFeed):

    {"@type": "ClaimReview", ...}                       one review
    [{"@type": "ClaimReview", ...}, ...]                a list
    {"@context": ..., "@graph": [...]}                   a graph
    {"@type": "DataFeed", "dataFeedElement": [           the feed aggregators publish
        {"@type": "DataFeedItem", "item": [{"@type": "ClaimReview", ...}]}]}
    <script type="application/ld+json">...</script>     an HTML page carrying the markup

Every object is walked, so a ClaimReview nested anywhere (an ItemList, a page's
``mainEntity``) is found. The input is hostile: a value of the wrong type (a
number for ``claimReviewed``, a list for ``url``) refuses the whole input with the
item and field named, so nothing half-read is stored. Text is kept as text; NUL
characters, which PostgreSQL cannot store, are dropped.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, replace
from typing import Any, Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from claims.factchecks.errors import NotClaimReview
from claims.language_choice import choose_language
from sources.extraction.jsonld import parse_jsonld_blocks, types_of
from sources.extraction.language import normalize_language_tag

MAX_DEPTH: Final = 64
"""Nesting deeper than this is no publisher's JSON-LD: refused, not recursed into."""
MAX_TEXT: Final = 10_000
"""Characters kept of a reviewed claim; a longer one is no claim but a page."""
_TRACKING: Final = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "xtor", "at_")
"""Query parameters that say how a reader came, not what the page is."""
_HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
# How a NUL or a non-finite number can be written in JSON (raw NULs make it invalid).
_UNSTORABLE: Final = ("\\u0000", "\x00", "NaN", "Infinity")


@dataclass(frozen=True)
class ReviewRecord:
    """One ClaimReview as factdesk keeps it."""

    key: str
    url: str | None
    claim_reviewed: str
    rating: str | None
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    author: str | None
    author_url: str | None
    claimant: str | None
    date_published: str | None
    language: str | None
    item: dict[str, Any]


def read_claimreviews(
    data: bytes, *, name: str, media_type: str | None = None
) -> list[ReviewRecord]:
    """Every ClaimReview in ``data`` (JSON-LD or an HTML page), in document order.

    Raises NotClaimReview naming ``name`` when the input is neither, holds none,
    or holds a malformed one.
    """
    text = _decode(data, name)
    if media_type in _HTML_TYPES or text.lstrip()[:1] == "<":
        objects: list[Any] = list(_page_objects(text))
    else:
        try:
            objects = [json.loads(text)]
        except RecursionError:
            raise NotClaimReview(
                f"{name}: JSON nested too deeply to be JSON-LD; give a ClaimReview file"
            ) from None
        except ValueError as exc:
            raise NotClaimReview(
                f"{name}: not JSON ({_first_line(str(exc))}); give a ClaimReview JSON-LD file, "
                "a DataFeed of them, or a page carrying ClaimReview markup"
            ) from None
    found: list[dict[str, Any]] = []
    for value in objects:
        _walk(value, found, name, 0)
    # Copying every item to drop what no database stores is costly on a big feed:
    # only done when the text can hold such a value.
    scrub = any(marker in text for marker in _UNSTORABLE)
    if not found:
        raise NotClaimReview(
            f'{name}: no ClaimReview found; give JSON-LD with "@type": "ClaimReview" items '
            "(single, list, @graph or DataFeed) or a page carrying such markup"
        )
    records: list[ReviewRecord] = []
    seen: set[str] = set()
    for number, obj in enumerate(found, 1):
        record = _record(obj, f"{name}: ClaimReview {number}", scrub=scrub)
        if record.key not in seen:
            seen.add(record.key)
            records.append(record)
    return records


def _first_line(message: str) -> str:
    return " ".join(message.split())[:120]


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotClaimReview(
            f"{name}: not UTF-8 text (byte {exc.start}); JSON-LD is UTF-8, give the file as such"
        ) from None


def _page_objects(text: str) -> tuple[dict[str, Any], ...]:
    soup = BeautifulSoup(text, "lxml")
    blocks = [
        script.get_text()
        for script in soup.find_all("script")
        if "ld+json" in str(script.get("type") or "").lower()
    ]
    return parse_jsonld_blocks(blocks)


def _walk(value: Any, found: list[dict[str, Any]], name: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise NotClaimReview(
            f"{name}: JSON nested too deeply to be JSON-LD; give a ClaimReview file"
        )
    if isinstance(value, list):
        for item in value:
            _walk(item, found, name, depth + 1)
    elif isinstance(value, dict):
        if "ClaimReview" in types_of(value):
            found.append(value)
            return
        for item in value.values():
            if isinstance(item, dict | list):
                _walk(item, found, name, depth + 1)


def _scrub(value: Any, where: str, depth: int) -> Any:
    """``value`` without NUL characters (PostgreSQL stores none), depth-limited."""
    if depth > MAX_DEPTH:
        raise NotClaimReview(f"{where}: nested too deeply to be JSON-LD; give a ClaimReview file")
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_scrub(v, where, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k).replace("\x00", ""): _scrub(v, where, depth + 1) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None  # NaN and Infinity parse in Python but are no JSON a database takes
    return value


def _bounded(value: dict[str, Any], where: str) -> dict[str, Any]:
    """``value`` itself, once it is known to nest no deeper than MAX_DEPTH (it is stored
    as JSON: a deeper one would fail there, mid-transaction)."""
    level: list[Any] = [value]
    for _ in range(MAX_DEPTH):
        level = [
            child
            for container in level
            for child in (container.values() if isinstance(container, dict) else container)
            if isinstance(child, dict | list)
        ]
        if not level:
            return value
    raise NotClaimReview(f"{where}: nested too deeply to be JSON-LD; give a ClaimReview file")


def _clean(text: str) -> str:
    return " ".join(text.replace("\x00", "").split())


def _text(obj: dict[str, Any], field: str, where: str) -> str | None:
    value = obj.get(field)
    if value is None:
        return None
    if isinstance(value, dict) and isinstance(value.get("@value"), str):
        value = value["@value"]
    if not isinstance(value, str):
        raise NotClaimReview(
            f"{where}: {field} is {_kind(value)}, not text; fix the item or leave it out"
        )
    return _clean(value)[:MAX_TEXT] or None


def _kind(value: Any) -> str:
    names = {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }
    return names.get(type(value), type(value).__name__)


def _number(obj: dict[str, Any], field: str, where: str) -> float | None:
    value = obj.get(field)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise NotClaimReview(f"{where}: reviewRating.{field} is true/false, not a number")
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    if isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            pass
        else:
            if math.isfinite(number):
                return number
    raise NotClaimReview(
        f"{where}: reviewRating.{field} is {str(value)[:40]!r}, not a number; fix the item"
    )


def _party(value: Any, where: str, field: str) -> tuple[str | None, str | None]:
    """Name and URL of an author (a Person or Organization, a name, or a list of them)."""
    if value is None:
        return None, None
    if isinstance(value, list):
        parties = [_party(v, where, field) for v in value]
        names = [n for n, _ in parties if n]
        return ("; ".join(names) or None), next((u for _, u in parties if u), None)
    if isinstance(value, str):
        return _clean(value) or None, None
    if isinstance(value, dict):
        return _text(value, "name", f"{where}: {field}"), _text(value, "url", f"{where}: {field}")
    raise NotClaimReview(f"{where}: {field} is {_kind(value)}, not a person or organisation")


def _language(obj: dict[str, Any], claim: str, where: str) -> str | None:
    value = obj.get("inLanguage")
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    if value is not None and not isinstance(value, str):
        raise NotClaimReview(f"{where}: inLanguage is {_kind(value)}, not a language tag")
    if value:
        tag: str = normalize_language_tag(value) or _clean(value)[:16]
        return tag
    # Unlabelled: the registered language it reads as (claims.language_choice).
    return choose_language(claim)


def _canonical(url: str) -> str:
    """The review's address as one key: scheme and host case, tracking parameters,
    query order and fragment aside. (sources.urls.canonical_url does more and
    costs twenty times as much: half of reading a 20,000-review feed.)"""
    try:
        parts = urlsplit(url.strip())
        query = sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING)
        )
        path = parts.path or "/"
        return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))
    except ValueError:  # a broken IPv6 literal, a bad port: the address as written
        return url


def _record(obj: dict[str, Any], where: str, *, scrub: bool = True) -> ReviewRecord:
    claim = _text(obj, "claimReviewed", where)
    reviewed = obj.get("itemReviewed")
    if reviewed is not None and not isinstance(reviewed, dict):
        raise NotClaimReview(f"{where}: itemReviewed is {_kind(reviewed)}, not a Claim object")
    reviewed = reviewed or {}
    if claim is None:
        claim = _text(reviewed, "name", where) or _text(reviewed, "text", where)
    if claim is None:
        raise NotClaimReview(
            f"{where}: no claimReviewed text; every ClaimReview must say which claim it reviews"
        )
    rating = obj.get("reviewRating")
    if rating is not None and not isinstance(rating, dict):
        raise NotClaimReview(f"{where}: reviewRating is {_kind(rating)}, not a Rating object")
    rating = rating or {}
    rating_where = f"{where}: reviewRating"
    author, author_url = _party(obj.get("author"), where, "author")
    claimant, _ = _party(reviewed.get("author"), where, "itemReviewed.author")
    url = _text(obj, "url", where)
    date = _text(obj, "datePublished", where)
    record = ReviewRecord(
        key="",
        url=url,
        claim_reviewed=claim,
        rating=_text(rating, "alternateName", rating_where) or _text(rating, "name", rating_where),
        rating_value=_number(rating, "ratingValue", where),
        best_rating=_number(rating, "bestRating", where),
        worst_rating=_number(rating, "worstRating", where),
        author=author,
        author_url=author_url,
        claimant=claimant,
        date_published=date[:40] if date else None,
        language=_language(obj, claim, where),
        item={},
    )
    # The review's address identifies it across imports; without one, its content does.
    identity = (
        f"url:{_canonical(url)}" if url else "content:" + json.dumps(asdict(record), sort_keys=True)
    )
    item = _scrub(obj, where, 0) if scrub else _bounded(obj, where)
    return replace(record, key=hashlib.sha256(identity.encode()).hexdigest(), item=item)
