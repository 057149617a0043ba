"""Feeds and sitemaps the watch tests serve: built here, small and readable."""

from __future__ import annotations

from xml.sax.saxutils import escape

ARTICLES = {
    "/articles/cooperatives": (
        "Coopératives : un secteur en croissance.\n\n"
        "Selon la secrétaire d'État, le pays compte 20.000 coopératives actives en 2024. "
        "Les exportations ont progressé de 12 % sur un an, a-t-elle ajouté.\n\n"
        "Le reste de la page parle du temps qu'il fait et des événements culturels."
    ),
    "/articles/port": (
        "Le port en chiffres.\n\n"
        "Le port a traité 3,5 millions de conteneurs en 2025, selon le directeur. "
        "Il emploie 4.200 personnes, contre 3.900 l'an dernier.\n\n"
        "La suite de l'article décrit les travaux prévus sur les quais."
    ),
    "/articles/solaire": (
        "Énergie solaire dans le Souss.\n\n"
        "La centrale produira 800 mégawatts d'ici 2030, a annoncé le ministre. "
        "Le projet coûtera 9 milliards de dirhams, dont 40 % financés par l'État.\n\n"
        "Les habitants de la région attendent les premiers raccordements."
    ),
}


def rss(base: str, paths: list[str], *, title: str = "Le Courrier") -> bytes:
    """An RSS 2.0 feed listing ``paths`` on ``base`` (with tracking parameters, as outlets do)."""
    items = "".join(
        f"<item><title>Article {n}</title>"
        f"<link>{escape(base + path)}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<pubDate>Mon, 30 Nov 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(base)}/</link><description>d</description>"
        f"{items}</channel></rss>"
    ).encode()


def atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>A{n}</title><link href="{escape(path)}"/><id>urn:{n}</id>'
        f"<updated>2026-11-30T1{n}:00:00Z</updated></entry>"
        for n, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
        f'xml:base="{escape(base)}/"><title>Atom</title><id>urn:feed</id>'
        f"<updated>2026-11-30T10:00:00Z</updated>{entries}</feed>"
    ).encode()


def news_sitemap(base: str, paths: list[str]) -> bytes:
    urls = "".join(
        f"<url><loc>{escape(base + path)}</loc><news:news><news:publication>"
        "<news:name>Le Courrier</news:name><news:language>fr</news:language>"
        "</news:publication><news:publication_date>2026-11-30T08:00:00Z"
        f"</news:publication_date><news:title>T{n}</news:title></news:news></url>"
        for n, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    ).encode()


def billion_laughs() -> bytes:
    """The classic entity bomb: ten levels of ten, 10^9 "lol"s once expanded."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?><!DOCTYPE rss [' + "".join(levels) + "]>"
        '<rss version="2.0"><channel><title>&lol9;</title>'
        "<item><title>x</title><link>http://example.com/a</link></item></channel></rss>"
    ).encode()


def huge_feed(base: str, count: int) -> bytes:
    return rss(base, [f"/articles/{n}" for n in range(count)])
