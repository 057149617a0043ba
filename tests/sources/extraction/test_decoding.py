"""Which charset decode_body picks, and that it never fails on bad bytes."""

from __future__ import annotations

import codecs

import pytest

from sources.decoding import decode_body, normalize_charset

FRENCH = "Le déficit a atteint 4,4 % du PIB, a précisé le ministère à Rabat."


def page(charset_decl: str, body: str) -> str:
    return f'<html><head><meta charset="{charset_decl}"></head><body><p>{body}</p></body></html>'


def test_header_charset_is_used_first() -> None:
    decoded = decode_body(page("utf-8", FRENCH).encode("cp1252"), charset="windows-1252")
    assert FRENCH in decoded.text
    assert (decoded.charset, decoded.charset_source) == ("cp1252", "header")
    assert decoded.replaced_errors is False


def test_charset_in_media_type_parameters_counts_as_header() -> None:
    decoded = decode_body(FRENCH.encode("cp1252"), media_type="text/plain; charset=ISO-8859-1")
    assert decoded.text == FRENCH
    assert decoded.charset_source == "header"


def test_meta_charset_when_header_is_silent() -> None:
    decoded = decode_body(page("iso-8859-15", FRENCH).encode("iso-8859-15"))
    assert FRENCH in decoded.text
    assert (decoded.charset, decoded.charset_source) == ("iso8859-15", "meta")


def test_meta_http_equiv_content_type() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"</head><body><p>{FRENCH}</p></body></html>"
    )
    decoded = decode_body(html.encode("cp1252"))
    assert FRENCH in decoded.text
    assert decoded.charset_source == "meta"


def test_meta_is_not_read_in_plain_text() -> None:
    text = '<meta charset="cp1252"> ' + FRENCH
    decoded = decode_body(text.encode("utf-8"), media_type="text/plain")
    assert decoded.text == text
    assert decoded.charset_source == "detected"


def test_byte_order_mark_wins_and_is_removed() -> None:
    decoded = decode_body(codecs.BOM_UTF8 + FRENCH.encode("utf-8"), charset="iso-8859-1")
    assert decoded.text == FRENCH
    assert decoded.charset_source == "bom"


def test_utf16_with_bom() -> None:
    decoded = decode_body(codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"))
    assert decoded.text == FRENCH
    assert decoded.charset == "utf-16-le"


def test_detection_without_any_declaration() -> None:
    text = (FRENCH + " Les élèves étrangers sont hébergés près de l'hôpital. ") * 5
    decoded = decode_body(text.encode("cp1252"), media_type="text/plain")
    assert decoded.charset_source == "detected"
    assert decoded.text == text


def test_utf8_is_detected_cheaply() -> None:
    decoded = decode_body(FRENCH.encode("utf-8"), media_type="text/plain")
    assert (decoded.text, decoded.charset, decoded.charset_source) == (FRENCH, "utf-8", "detected")


def test_unknown_header_charset_falls_back_to_detection() -> None:
    decoded = decode_body(FRENCH.encode("utf-8"), charset="x-no-such-charset")
    assert decoded.text == FRENCH
    assert decoded.charset_source == "detected"


def test_bytes_invalid_in_declared_charset_are_replaced() -> None:
    body = page("utf-8", "prix : 12 ").encode("utf-8") + b"\xff\xfe\x80 euros"
    decoded = decode_body(body, charset="utf-8")
    assert decoded.replaced_errors is True
    assert "\ufffd" in decoded.text
    assert decoded.text.endswith(" euros")


def test_empty_body_is_empty_text() -> None:
    decoded = decode_body(b"")
    assert (decoded.text, decoded.charset_source, decoded.replaced_errors) == ("", "default", False)


@pytest.mark.parametrize(
    ("label", "expected"),
    [("UTF8", "utf-8"), ("latin-1", "cp1252"), ("US-ASCII", "cp1252"), ("nonsense", None),
     ("", None), ("utf-16", None)],
)
def test_charset_labels_follow_browsers(label: str, expected: str | None) -> None:
    assert normalize_charset(label) == expected
