"""Garbage in, an Article out: decode_body and extract_article never raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources.decoding import decode_body
from sources.extraction import Article, extract_article
from tests.sources.extraction.conftest import read_fixture

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MEDIA_TYPES = st.sampled_from(
    ["text/html", "application/xhtml+xml", "text/plain", "text/html; charset=utf-8"]
)
TAGS = st.sampled_from(
    ["<p>", "</p>", "<div class='x'>", "</div>", "<script type='application/ld+json'>{",
     "</script>", "<meta charset='", "<html lang='", "<!--", "-->", "<![CDATA[", "<?xml ",
     "<article>", "<title>", "&amp;", "&#0;", "\x00", "\ud800", "«", "\r\n", "<br>"]
)
MARKUP = st.lists(st.one_of(TAGS, st.text(max_size=40)), max_size=40).map("".join)
PAGES = [read_fixture("fr_article.html"), read_fixture("en_article.html")]


def _check(article: Article) -> None:
    assert isinstance(article, Article)
    assert isinstance(article.text, str)
    assert isinstance(article.jsonld, tuple)
    assert article.to_json()["text"] == article.text


@FAST
@given(body=st.binary(max_size=2000), charset=st.one_of(st.none(), st.text(max_size=12)),
       media_type=MEDIA_TYPES)
def test_random_bytes(body: bytes, charset: str | None, media_type: str) -> None:
    decoded = decode_body(body, charset=charset, media_type=media_type)
    assert isinstance(decoded.text, str)
    _check(extract_article(decoded.text, media_type=media_type))


@FAST
@given(markup=MARKUP, media_type=MEDIA_TYPES)
def test_random_markup(markup: str, media_type: str) -> None:
    _check(extract_article(markup, media_type=media_type, url="https://example.org/a"))


@FAST
@given(page=st.sampled_from(PAGES), cut=st.floats(min_value=0, max_value=1),
       encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_truncated_pages(page: str, cut: float, encoding: str) -> None:
    body = page.encode(encoding, errors="replace")
    body = body[: int(len(body) * cut)]
    decoded = decode_body(body)
    _check(extract_article(decoded.text, lang_hint="fr"))
