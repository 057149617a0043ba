"""Every shape ClaimReview markup comes in reads to the same records; malformed input is refused."""

from __future__ import annotations

import json

import pytest

from claims.factchecks import NotClaimReview, read_claimreviews
from tests.claims.factchecks.reviews import COOPS, COOPS_URL, TOURISM, data_feed, dumps, page


def _claims(data: bytes, media_type: str | None = None) -> list[str]:
    return [r.claim_reviewed for r in read_claimreviews(data, name="f", media_type=media_type)]


BOTH = [COOPS["claimReviewed"], TOURISM["claimReviewed"]]


@pytest.mark.parametrize(
    ("shape", "data"),
    [
        ("list", dumps([COOPS, TOURISM])),
        ("@graph", dumps({"@context": "https://schema.org", "@graph": [COOPS, TOURISM]})),
        ("DataFeed", dumps(data_feed(COOPS, TOURISM))),
        ("page", page(COOPS, TOURISM).encode()),
        ("page with a graph", page({"@graph": [{"@type": "WebPage"}, COOPS, TOURISM]}).encode()),
        (
            "ItemList",
            dumps(
                {
                    "@type": "ItemList",
                    "itemListElement": [
                        {"@type": "ListItem", "item": COOPS},
                        {"@type": "ListItem", "item": TOURISM},
                    ],
                }
            ),
        ),
    ],
)
def test_every_shape_gives_the_same_reviews(shape: str, data: bytes) -> None:
    assert _claims(data) == BOTH, shape


def test_a_single_review_keeps_its_rating_author_claimant_date_and_language() -> None:
    (record,) = read_claimreviews(dumps(COOPS), name="f")
    assert record.url == COOPS_URL
    assert (record.rating, record.rating_value, record.best_rating, record.worst_rating) == (
        "Mostly false",
        2.0,
        5.0,
        1.0,
    )
    assert record.author == "Desk Check"
    assert record.author_url == "https://factcheck.example"
    assert record.claimant == "Jamila Elmoussali"
    assert record.date_published == "2024-03-02"
    assert record.language == "en"
    assert record.item["reviewRating"]["alternateName"] == "Mostly false"


def test_the_same_review_twice_in_one_file_is_read_once() -> None:
    assert len(read_claimreviews(dumps([COOPS, COOPS]), name="f")) == 1


def test_the_same_address_with_tracking_parameters_is_the_same_review() -> None:
    tracked = {**COOPS, "url": COOPS_URL + "?utm_source=feed#verdict"}
    first = read_claimreviews(dumps(COOPS), name="f")[0]
    again = read_claimreviews(dumps(tracked), name="f")[0]
    assert first.key == again.key
    assert again.url == COOPS_URL + "?utm_source=feed#verdict"


def test_a_review_without_url_is_keyed_on_its_content() -> None:
    bare = {**COOPS}
    del bare["url"]
    first = read_claimreviews(dumps(bare), name="f")[0]
    again = read_claimreviews(dumps(bare), name="g")[0]
    other = read_claimreviews(dumps({**bare, "claimReviewed": "Another claim."}), name="f")[0]
    assert first.key == again.key != other.key


def test_an_unlabelled_review_reads_as_french_or_english() -> None:
    bare = {**TOURISM}
    del bare["inLanguage"]
    assert read_claimreviews(dumps(bare), name="f")[0].language == "fr"


def test_nul_characters_are_dropped_before_storing() -> None:
    (record,) = read_claimreviews(dumps({**COOPS, "claimReviewed": "20\x00000 coops"}), name="f")
    assert "\x00" not in record.claim_reviewed
    assert "\x00" not in json.dumps(record.item, ensure_ascii=False)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
        (b'{"@type": "ClaimReview",', "not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (dumps({"@type": "NewsArticle", "headline": "x"}), "no ClaimReview found"),
        (b"<html><body>no markup</body></html>", "no ClaimReview found"),
        (dumps({**COOPS, "claimReviewed": 20000}), "ClaimReview 1: claimReviewed is a number"),
        (dumps([COOPS, {**TOURISM, "url": ["a", "b"]}]), "ClaimReview 2: url is a list"),
        (dumps({**COOPS, "reviewRating": "false"}), "reviewRating is text, not a Rating"),
        (
            dumps({**COOPS, "reviewRating": {"ratingValue": "pants on fire"}}),
            "ratingValue is 'pants on fire', not a number",
        ),
        (dumps({**COOPS, "author": 7}), "author is a number"),
        (dumps({"@type": "ClaimReview", "url": COOPS_URL}), "no claimReviewed text"),
    ],
)
def test_malformed_input_is_refused_in_one_line_naming_it(data: bytes, says: str) -> None:
    with pytest.raises(NotClaimReview) as refused:
        read_claimreviews(data, name="feed.json")
    message = str(refused.value)
    assert message.startswith("feed.json: ")
    assert says in message
    assert "\n" not in message
