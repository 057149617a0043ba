"""ClaimReview (schema.org JSON-LD) for claims that have a verdict.

https://schema.org/ClaimReview: the review (``reviewRating`` from the
organisation's scale, ``author`` the organisation, ``datePublished`` the day
of the verdict) of an ``itemReviewed`` Claim, whose ``author`` is the
claimant (or, failing that, the article's byline or site) and whose
``appearance`` is the article it was read in. A claim without a verdict on
the whole claim has nothing to publish and is skipped (and counted), and so is
a derived claim (a total factdesk computed, which nobody claimed as such).

ClaimReview JSON exists to be pasted into a ``<script type="application/ld+json">``
element, and it quotes page text: :func:`script_safe_json` writes ``<``, ``>``
and ``&`` as JSON ``\\u`` escapes, so no text can close the element or open
another. The HTML report's JSON-LD blocks use the same function.
"""

from __future__ import annotations

import io
import json
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from claims.reports.context import ReportJob
from claims.review.ratings import RatingScale

CONTEXT = "https://schema.org"
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_safe_json(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON that is also safe inside an HTML ``<script>`` element.

    The escapes are JSON's own: every JSON reader gets the text back unchanged.
    """
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_SCRIPT_UNSAFE)


# Lowercase words that may sit inside a person's name ("Charles de Gaulle").
_NAME_PARTICLES = frozenset(
    "de du des la le d' van von der den el al ben bin ibn da di dos das y".split()
)


def reads_as_person(name: str) -> bool:
    """Whether a claimant reads as a person's name ("Amina Berrada") rather than a
    body ("le ministère", "Le ministère de l'Agriculture"): capitalised words only."""
    words = name.replace("’", "'").split()
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words[1:])


def _claim_author(claim: dict[str, Any]) -> dict[str, Any] | None:
    article = claim["article"]
    if claim["claimant"]:
        kind = "Person" if reads_as_person(claim["claimant"]) else "Organization"
        return {"@type": kind, "name": claim["claimant"]}
    if article.get("byline"):
        return {"@type": "Person", "name": article["byline"]}
    site = article.get("site_name") or urlsplit(claim["source_url"]).hostname
    return {"@type": "Organization", "name": site} if site else None


def _rating(detail: dict[str, Any], scale: RatingScale) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": detail["label"]}
    # A rating off the numeric scale (Unverifiable) is published by name only.
    if detail.get("value") is not None:
        rating["ratingValue"] = detail["value"]
        rating["bestRating"] = scale.best
        rating["worstRating"] = scale.worst
    return rating


def claim_review(
    claim: dict[str, Any], *, organisation: str, scale: RatingScale, url: str
) -> dict[str, Any] | None:
    """The ClaimReview of ``claim`` (a report's claim dict), or None without a verdict
    or for a derived claim: its total was computed by factdesk, and publishing it as
    what the claimant said would put words in their mouth."""
    detail = claim["verdict_detail"]
    if not claim["verdict"] or not detail or claim["kind"] == "derived":
        return None
    article = claim["article"]
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": claim["source_url"]}
    if article.get("title"):
        appearance["headline"] = article["title"]
    item: dict[str, Any] = {
        "@type": "Claim",
        "appearance": appearance,
        # When the article was published, else when it was read: the claim was
        # made by then at the latest.
        "datePublished": article.get("published") or claim["fetched_at"][:10],
    }
    author = _claim_author(claim)
    if author is not None:
        item["author"] = author
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim["text"],
        "author": {"@type": "Organization", "name": organisation},
        "datePublished": str(detail.get("at") or claim["fetched_at"])[:10],
        "reviewRating": _rating(detail, scale),
        "itemReviewed": item,
    }
    if detail.get("why"):
        review["reviewBody"] = detail["why"]
    return review


def job_review(job: ReportJob, claim: dict[str, Any]) -> dict[str, Any] | None:
    review = claim_review(
        claim,
        organisation=job.options.organisation,
        scale=job.options.scale,
        url=job.claim_url(claim["id"]),
    )
    if review is None:
        job.skipped += 1
    return review


def write_claimreview(job: ReportJob, stream: BinaryIO) -> None:
    """A JSON array of ClaimReview objects, one per claim with a verdict."""
    out = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    try:
        out.write("[")
        first = True
        for page in job.pages():
            for claim in page:
                review = job_review(job, claim)
                if review is None:
                    continue
                out.write("\n" if first else ",\n")
                out.write(script_safe_json(review))
                first = False
        out.write("\n]\n")
        out.flush()
    finally:
        out.detach()
