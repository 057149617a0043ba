"""ClaimReview JSON-LD as publishers and aggregators write it, built for the tests."""

from __future__ import annotations

import json
from typing import Any

COOPS_URL = "https://factcheck.example/2024/03/maroc-cooperatives"
TOURISM_URL = "https://factcheck.example/2024/05/maroc-tourisme"


def claimreview(
    claim: str,
    url: str | None,
    *,
    rating: str = "Mostly false",
    value: Any = 2,
    author: Any = None,
    date: str = "2024-03-02",
    lang: Any = "en",
) -> dict[str, Any]:
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "datePublished": date,
        "inLanguage": lang,
        "author": author
        or {"@type": "Organization", "name": "Desk Check", "url": "https://factcheck.example"},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Jamila Elmoussali"},
            "datePublished": "2019-06-20",
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": rating,
        },
    }
    if url is not None:
        review["url"] = url
    return review


COOPS = claimreview(
    "Morocco has 20,000 cooperatives, half of all active cooperatives in the Arab world.",
    COOPS_URL,
)
TOURISM = claimreview(
    "Le Maroc a accueilli 13 millions de touristes en 2019, un record.",
    TOURISM_URL,
    rating="Vrai",
    value=5,
    date="2020-01-15",
    lang="fr",
)


def data_feed(*reviews: dict[str, Any]) -> dict[str, Any]:
    """The DataFeed form fact-check aggregators publish."""
    return {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "dateCreated": "2024-06-01", "item": [review]}
            for review in reviews
        ],
    }


def page(*objects: dict[str, Any]) -> str:
    """An article page carrying ClaimReview markup, one script block per object."""
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(o)}</script>' for o in objects
    )
    return (
        f"<html><head><title>Fact-check</title>{scripts}</head>"
        "<body><p>Our verdict: <b>mostly false</b>.</p></body></html>"
    )


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()
