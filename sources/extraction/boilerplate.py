"""What page chrome looks like once it is text: line-level rules, French and English.

The rules are data (the tuples below) so a newsroom can read and extend them.
They only ever judge SHORT blocks (``CHROME_MAX_CHARS``): an article paragraph
that happens to mention a newsletter or cookies is long, and long blocks are
never dropped by a keyword.

- ``CHROME_PATTERNS``: calls to subscribe, cookie notices, share buttons,
  "read also" teasers, copyright lines, section labels such as "Quoi de neuf ?".
- ``is_bare_label``: a very short line with no sentence punctuation (menu
  entries, bullets such as "• Newsletter").
- ``SELF_DESCRIPTION_PATTERNS``: a site describing itself ("Médias24 est un
  journal économique…", "Our newsroom is committed…"); these sit in footers, so
  callers apply them to the tail of a text only.
"""

from __future__ import annotations

import re

# Blocks longer than this are article material whatever words they contain.
CHROME_MAX_CHARS = 160
# A line of at most this many words, without sentence punctuation, is a label.
BARE_LABEL_MAX_WORDS = 4
# Self-descriptions of a site are a sentence or two; longer blocks are articles.
SELF_DESCRIPTION_MAX_CHARS = 600

CHROME_PATTERNS: tuple[str, ...] = (
    # Newsletters and subscriptions.
    r"\bnewsletters?\b",
    r"\babonnez[- ]vous\b",
    r"\bs['’]abonner\b",
    r"\babonnement\b",
    r"\binscrivez[- ]vous\b",
    r"\bsubscribe\b",
    r"\bsubscription\b",
    r"\bsign up\b",
    r"\bsign in\b",
    r"\blog ?in\b",
    r"\bse connecter\b",
    r"\bcréer un compte\b",
    r"\balertes?\b.*\b(e-?mail|courriel)\b",
    # Cookies and consent.
    r"\bcookies?\b",
    r"\bconsentement\b",
    r"\bconsent\b",
    r"\baccept(?:er)? (?:all|tout)\b",
    r"\btout accepter\b",
    r"\bprivacy policy\b",
    r"\bpolitique de confidentialité\b",
    # Sharing.
    r"^\W*(?:partager|partagez|share|tweet|imprimer|print|e-?mail|envoyer)\b",
    r"\b(?:partager|share) (?:sur|on|this|cet|l['’]article)\b",
    r"\b(?:facebook|twitter|linkedin|whatsapp|pinterest)\b.*\b(?:facebook|twitter|linkedin|whatsapp|pinterest|e-?mail)\b",
    r"^\W*(?:suivez[- ]nous|follow us)\b",
    # Teasers and related lists.
    r"^\W*(?:à )?lire (?:aussi|également|la suite)\b",
    r"^\W*(?:voir|lire) plus\b",
    r"^\W*(?:read|see) (?:more|also|next)\b",
    r"^\W*(?:related|recommended|more from|most read|most popular|trending)\b",
    r"^\W*(?:articles? (?:liés|similaires|associés)|sur le même sujet|les plus lus)\b",
    r"^\W*(?:dans la même rubrique|à la une|en continu|quoi de neuf|what['’]s new)\b",
    # Rights and site furniture.
    r"\btous droits réservés\b",
    r"\ball rights reserved\b",
    r"^\W*(?:©|\(c\)|copyright)",
    r"^\W*(?:publicité|advertisement|advertising|sponsored|contenu sponsorisé)\W*$",
    r"^\W*(?:mentions légales|conditions générales|terms of (?:use|service)"
    r"|contact(?:ez[- ]nous)?)\W*$",
)

SELF_DESCRIPTION_PATTERNS: tuple[str, ...] = (
    # "<Name> est un journal économique marocain…", "<Name> is an independent news site…"
    r"^[\w’'&.-]+(?: [\w’'&.-]+){0,3} (?:est|is) (?:un|une|le|la|l['’]|an?|the)"
    r"(?: \w+){0,3}? (?:journal|quotidien|hebdomadaire|magazine|site|média|media|portail"
    r"|pure player|newspaper|website|publication|news\w*|outlet|daily|weekly)\b",
    # "Notre journal s'engage…", "Our newsroom is committed…"
    r"^(?:notre|nos|our) (?:journal|rédaction|site|média|media|magazine|publication"
    r"|équipe|newsroom|journalists?|journalistes|mission)\b",
    r"^(?:retrouvez|suivez) (?:toute l['’]actualité|en direct)\b",
)

_CHROME = re.compile("|".join(f"(?:{p})" for p in CHROME_PATTERNS), re.IGNORECASE)
_SELF = re.compile("|".join(f"(?:{p})" for p in SELF_DESCRIPTION_PATTERNS), re.IGNORECASE)
_SENTENCE_PUNCT = re.compile(r"[.!?…:;»\"”)]\W*$")
_WORD = re.compile(r"\w+")


def is_chrome(block: str) -> bool:
    """A short block that is site furniture: a keyword rule or a bare label."""
    stripped = block.strip()
    if not stripped:
        return True
    if len(stripped) > CHROME_MAX_CHARS:
        return False
    return bool(_CHROME.search(stripped)) or is_bare_label(stripped)


def matches_chrome_pattern(block: str) -> bool:
    """A short block that one of ``CHROME_PATTERNS`` names (no bare-label rule)."""
    stripped = block.strip()
    return len(stripped) <= CHROME_MAX_CHARS and bool(_CHROME.search(stripped))


def is_bare_label(block: str) -> bool:
    """Very few words and no sentence punctuation: a menu entry, a bullet, a button."""
    stripped = block.strip()
    if _SENTENCE_PUNCT.search(stripped):
        return False
    return len(_WORD.findall(stripped)) <= BARE_LABEL_MAX_WORDS


def is_self_description(block: str) -> bool:
    """A site describing itself or its commitments (footer material)."""
    stripped = block.strip()
    return len(stripped) <= SELF_DESCRIPTION_MAX_CHARS and bool(_SELF.search(stripped))
