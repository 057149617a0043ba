"""ClaimReview (schema.org JSON-LD) for claims that have a verdict.

https://schema.org/ClaimReview, with every field Google's fact-check
documentation requires or recommends: the review (``url`` the publisher's page
for the claim, ``reviewRating`` from the organisation's scale, ``author`` the
publishing Organization with its name and site, ``datePublished`` the day of
the verdict) of an ``itemReviewed`` Claim, whose ``author`` is the claimant
(or, failing that, the article's byline or site), whose ``datePublished`` is
the article's own and whose ``appearance`` is the article it was read in.
Claims with nothing to publish are left out and counted by reason
(:func:`left_out_because`): no current verdict, under re-check, derived,
dismissed. No publisher, no ClaimReview (:mod:`.publisher`).

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
from claims.reports.errors import PublisherMissing
from claims.reports.overview import NEEDS_RECHECK
from claims.reports.publisher import HOW_TO_SET, Publisher
from claims.reports.selection import is_dismissed
from claims.reports.text import is_web_link
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


UNDER_RECHECK = "under re-check"
NO_VERDICT = "without a verdict"
DERIVED = "derived"
DISMISSED = "dismissed"


def left_out_because(claim: dict[str, Any]) -> str | None:
    """Why ``claim`` has no ClaimReview, or None when it has one.

    A claim under re-check keeps the verdict it had, but the ground of that
    verdict changed: publishing it would vouch for a rating nobody stands by
    now. A derived claim's total was computed by factdesk, and publishing it
    as what the claimant said would put words in their mouth.
    """
    if is_dismissed(claim["status"]):
        return DISMISSED
    if claim["kind"] == "derived":
        return DERIVED
    if claim["status"] == NEEDS_RECHECK:
        return UNDER_RECHECK
    if not claim["verdict"] or not claim["verdict_detail"]:
        return NO_VERDICT
    return None


def claimed_by(claim: dict[str, Any]) -> dict[str, Any] | None:
    """The Claim's ``author``: the claimant, else the article's byline, else its site."""
    return _claim_author(claim)


def claim_review(
    claim: dict[str, Any], *, publisher: Publisher, scale: RatingScale
) -> dict[str, Any] | None:
    """The ClaimReview of ``claim`` (a report's claim dict), or None when it has
    none to publish (see :func:`left_out_because`)."""
    if left_out_because(claim) is not None:
        return None
    detail = claim["verdict_detail"]
    article = claim["article"]
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    where = article.get("canonical_url") or claim["source_url"]
    # Only a web address is published: a file: or stdin: one names the desk's own
    # disk, which no reader can open and which is nobody else's business.
    if is_web_link(where):
        appearance["url"] = where
    if article.get("title"):
        appearance["headline"] = article["title"]
    item: dict[str, Any] = {"@type": "Claim"}
    if len(appearance) > 1:
        item["appearance"] = appearance
    # The article's own date, as its page gives it; the day factdesk read it is
    # not when the claim was made, so without one the field is left out.
    if article.get("published"):
        item["datePublished"] = article["published"]
        appearance["datePublished"] = article["published"]
    author = _claim_author(claim)
    if author is not None:
        item["author"] = author
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": publisher.review_url(claim["id"]),
        "claimReviewed": claim["text"],
        "author": publisher.organization(),
        "datePublished": str(detail.get("at") or claim["fetched_at"])[:10],
        "reviewRating": _rating(detail, scale),
        "itemReviewed": item,
    }
    if claim.get("language"):
        review["inLanguage"] = claim["language"]
    if detail.get("why"):
        review["reviewBody"] = detail["why"]
    return review


def job_review(job: ReportJob, claim: dict[str, Any]) -> dict[str, Any] | None:
    """The claim's ClaimReview, or None (then recorded in ``job.left_out``)."""
    publisher = job.options.publisher
    reason = left_out_because(claim)
    if reason is not None:
        job.leave_out(reason, claim["id"])
        return None
    if publisher is None:
        return None
    return claim_review(claim, publisher=publisher, scale=job.options.scale)


def write_claimreview(job: ReportJob, stream: BinaryIO) -> None:
    """A JSON array of ClaimReview objects, one per claim with a current verdict."""
    if job.options.publisher is None:
        raise PublisherMissing(f"ClaimReview needs the publisher: {HOW_TO_SET}")
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
