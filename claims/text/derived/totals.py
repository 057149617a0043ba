"""A part and its share of a whole, in one sentence, imply the whole: its value,
interval and the reasoning a fact-checker reads."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from claims.text.crosscheck.rules import Interval, fmt, interval_of
from claims.text.derived.wholes import Link, Whole, link_back, link_between, whole_after
from claims.text.languages.derived_lexicon import DerivedLexicon
from claims.text.quantities import Quantity, QuantityKind
from claims.text.vocabulary import concept, is_known

_PARTS: tuple[QuantityKind, ...] = ("count", "money", "measure")


@dataclass(frozen=True)
class DerivedTotal:
    """The whole a part and its share imply. Offsets are the sentence's."""

    part_index: int
    share_index: int
    """Positions of the part and the share in the quantities given."""
    value: float
    low: float
    high: float
    kind: QuantityKind
    unit: str | None
    whole: str
    """The whole as the sentence names it: "l'ensemble des coopératives … arabe"."""
    surface: str
    """How the total reads: "about 40,000 coopératives actives dans le monde arabe"."""
    reasoning: str
    start: int
    end: int
    """From the first of part and share to the end of the whole's name."""

    @property
    def derived_from(self) -> tuple[int, int]:
        return (self.part_index, self.share_index)

    def as_quantity(self, offset: int = 0) -> Quantity:
        """The total as a figure of its own (approximate, bounded by its interval);
        `offset` moves its span from the sentence into the article."""
        return Quantity(
            value=self.value,
            low=self.low,
            high=self.high,
            kind=self.kind,
            unit=self.unit,
            approximate=True,
            hedge=None,
            surface=self.surface,
            start=self.start + offset,
            end=self.end + offset,
        )


def derived_totals(
    quantities: Sequence[Quantity], sentence: str, lexicon: DerivedLexicon
) -> list[DerivedTotal]:
    """The totals implied in `sentence` by a part and its share of a named whole.

    `quantities` carry offsets into `sentence`. A total is given only when the
    sentence ties one amount to one share by its words, the share is "of" a whole
    it names, and the part can count what the whole counts (see `claims.text.derived`).
    """
    out: list[DerivedTotal] = []
    for share_index, share in enumerate(quantities):
        share_iv = _share_interval(share)
        if share_iv is None:
            continue
        whole = whole_after(sentence, share.end, lexicon)
        if whole is None:
            continue
        found = _part_for(quantities, share_index, whole, sentence, lexicon)
        if found is None:
            continue
        part_index, link = found
        total = _total(quantities, part_index, share_index, share_iv, whole, link)
        if total is not None:
            out.append(total)
    return out


def _share_interval(q: Quantity) -> Interval | None:
    """The interval of a share that can imply a total: a percent between 0 and 100 with
    both ends known ("plus de 40 %" bounds the total on one side only: no figure)."""
    if q.kind != "percent" or q.value is None or not 0 < q.value < 100:
        return None
    iv = interval_of(q)
    if iv.low is None or iv.high is None or iv.low <= 0 or iv.high > 100:
        return None
    return iv


def _part_for(
    quantities: Sequence[Quantity],
    share_index: int,
    whole: Whole,
    sentence: str,
    lexicon: DerivedLexicon,
) -> tuple[int, Link] | None:
    """The part tied to the share: the amount just before it, joined by a link or an
    apposition, else the amount just after its whole, joined by "soit" / ", or"."""
    share = quantities[share_index]
    before = [i for i in range(share_index) if quantities[i].end <= share.start]
    if before:
        i = before[-1]
        link = link_between(sentence[quantities[i].end : share.start], lexicon)
        # A bare comma ties a part only to "the whole of" something, not to "des …".
        tied = link == "link" or (link == "apposition" and whole.totality)
        if tied and link is not None and quantities[i].kind in _PARTS:
            return i, link
    after = [i for i in range(share_index + 1, len(quantities)) if quantities[i].start >= whole.end]
    if after:
        i = after[0]
        if quantities[i].kind in _PARTS and link_back(
            sentence[whole.end : quantities[i].start], lexicon
        ):
            return i, "link"
    return None


def _total(
    quantities: Sequence[Quantity],
    part_index: int,
    share_index: int,
    share_iv: Interval,
    whole: Whole,
    link: Link,
) -> DerivedTotal | None:
    part, share = quantities[part_index], quantities[share_index]
    unit = _unit(part, whole, link)
    if unit is None or part.value is None or share.value is None or share_iv.low is None:
        return None
    part_iv = interval_of(part)
    if part_iv.low is None or part_iv.high is None or part_iv.low <= 0 or share_iv.high is None:
        return None
    value = part.value / (share.value / 100)
    low = part_iv.low / (share_iv.high / 100)
    high = part_iv.high / (share_iv.low / 100)
    if part.kind == "count" and math.floor(high) < math.ceil(low):
        # No whole number of things fits: "3 appels … 40 %" would be 7.4–7.6 tenders.
        return None
    shown = f"about {fmt(value)} {unit}"
    reasoning = (
        f"{part.surface.strip()} is {share.surface.strip()} of “{whole.named}”, so the total is "
        f"{fmt(part.value)} / {share.value / 100:g} = about {fmt(value)} "
        f"({fmt(low)}–{fmt(high)}, reading {part.surface.strip()} as "
        f"{_range(part_iv.low, part_iv.high)} and {share.surface.strip()} as "
        f"{_range(share_iv.low, share_iv.high)})"
    )
    start = min(part.start, share.start)
    end = max(part.end, whole.end)
    return DerivedTotal(
        part_index, share_index, value, low, high, part.kind, unit, whole.named, shown,
        reasoning, start, end,
    )  # fmt: skip


def _unit(part: Quantity, whole: Whole, link: Link) -> str | None:
    """What the total counts or is measured in, or None when part and whole do not
    describe one thing (a count of tenders against a budget, jobs against firms)."""
    if part.kind in ("money", "measure"):
        # Money and measures keep their unit (MAD, MW): evidence is compared in it.
        return part.unit if whole.measure in (part.kind, "any") and part.unit else None
    if whole.measure not in ("count", "any"):
        return None
    if whole.noun is None:
        return part.unit
    if part.unit is None or concept(part.unit) is None:
        # "20.000", "120 000 personnes": the whole says what is counted.
        return whole.noun
    head = whole.head or whole.noun
    if concept(part.unit) is not None and concept(part.unit) == concept(head):
        return whole.noun
    if is_known(part.unit) and is_known(head):
        return None
    # Nouns we cannot compare ("jeunes formés", "diplômés"): only a link word
    # ("représentent", "soit") says that the part is a share of that whole.
    if link != "link":
        return None
    if whole.totality:
        return whole.noun
    # "20.000 coopératives, soit 50 pc du monde arabe", "3 000 logements, soit 40 %
    # de l'objectif": the whole counts the part's noun, of that place or plan.
    space = "" if whole.said.endswith(("'", "’")) else " "
    return f"{part.unit} {whole.said}{space}{whole.noun}"


def _range(low: float, high: float) -> str:
    return fmt(low) if math.isclose(low, high) else f"{fmt(low)}–{fmt(high)}"
