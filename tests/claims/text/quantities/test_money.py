"""Money keeps its currency as an ISO code, in words and in symbols, and an
amount in brackets after another amount is a conversion, never a negative."""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities

# text, lang, value, currency
CURRENCIES = [
    ("It cost 250 Hong Kong dollars.", "en", 250, "HKD"),
    ("The budget is N500m this year.", "en", 5e8, "NGN"),
    ("Lagos spent N2.5bn on roads.", "en", 2.5e9, "NGN"),
    ("A ticket costs 30 cents.", "en", 0.30, "USD"),
    ("Stamps rose to 85 euro cents.", "en", 0.85, "EUR"),
    ("Prices rose to ₹500.", "en", 500, "INR"),
    ("A bowl costs ¥300.", "en", 300, "JPY"),
    ("The fee is CHF 20.", "en", 20, "CHF"),
    ("A meal costs R$ 15.", "en", 15, "BRL"),
    ("A fare of HK$ 40.", "en", 40, "HKD"),
    ("A fine of Rs 300.", "en", 300, "INR"),
    ("They paid 40 million rand.", "en", 4e7, "ZAR"),
    ("The bank lent 3 billion naira.", "en", 3e9, "NGN"),
    ("Un repas coûte 12 francs CFA.", "fr", 12, "XOF"),
    ("Un timbre vaut 30 Dh.", "fr", 30, "MAD"),
    ("Un ticket vaut 20 DH.", "fr", 20, "MAD"),
    ("Un budget de 5 millions de dirhams.", "fr", 5e6, "MAD"),
    ("Un coût de 30 centimes d'euro.", "fr", 0.30, "EUR"),
    ("Un prêt de 2 milliards de dollars canadiens.", "fr", 2e9, "CAD"),
    ("Un déficit de 4 milliards de dinars tunisiens.", "fr", 4e9, "TND"),
    ("Une amende de 500 riyals.", "fr", 500, "SAR"),
    ("Un fonds de 300 millions de dirhams émiratis.", "fr", 3e8, "AED"),
]


@pytest.mark.parametrize(("text", "lang", "value", "currency"), CURRENCIES)
def test_currencies_in_words_and_symbols(text: str, lang: str, value: float, currency: str) -> None:
    (q,) = find_quantities(text, lang)
    assert (q.kind, q.unit) == ("money", currency)
    assert q.value == pytest.approx(value)


NOT_MONEY = [
    ("N95 masks were sold out.", "en"),
    ("The party won 300 seats.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_MONEY)
def test_letters_that_look_like_currencies_are_not(text: str, lang: str) -> None:
    assert "money" not in {q.kind for q in find_quantities(text, lang)}


# text, lang, [(value, currency)]
CONVERSIONS = [
    ("The deal was worth £5bn (€5.8bn).", "en", [(5e9, "GBP"), (5.8e9, "EUR")]),
    ("It raised $120m ( £95m ) last year.", "en", [(1.2e8, "USD"), (9.5e7, "GBP")]),
    ("Un prêt de 3 milliards de dollars (2,7 milliards d'euros).", "fr",
     [(3e9, "USD"), (2.7e9, "EUR")]),
    ("Le ticket coûte 10 euros (108 dirhams).", "fr", [(10, "EUR"), (108, "MAD")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "lang", "expected"), CONVERSIONS)
def test_an_amount_in_brackets_after_another_is_a_conversion(
    text: str, lang: str, expected: list[tuple[float, str]]
) -> None:
    qs = find_quantities(text, lang)
    assert [q.unit for q in qs] == [c for _, c in expected]
    assert [q.value for q in qs] == pytest.approx([v for v, _ in expected])


def test_an_amount_alone_in_brackets_is_accountings_negative() -> None:
    (q,) = find_quantities("The annual result is ($99.99).", "en")
    assert (q.value, q.unit) == (-99.99, "USD")
