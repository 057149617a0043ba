"""Correcting the machine: edit a claim, add one the extractor missed, dismiss one.

Each correction is a review event (``correct``, ``claim_added``, or a
``status`` move to dismissed) that keeps the extractor's original: the claim
and figure rows stay as found, the event records the value before and after,
and ``claim_index.corrections`` projects the latest corrections, which
:func:`claims.review.effective.effective` lays over the original.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from claims.errors import ClaimError, ClaimNotFound
from claims.language_choice import choose_language
from claims.review.effective import FIGURE_FIELDS, FIGURE_KINDS, effective_claimant
from claims.review.events import Change, append, set_status
from claims.review.groups import group_identical
from claims.review.index import claim_index
from claims.review.search import reindex_search
from claims.review.store import quantity_rows, quote_selector
from claims.text.extraction import fingerprint, split_sentences
from claims.text.extraction.attribution import attribute
from claims.text.extraction.persons import PersonRegistry
from claims.text.languages import language as registered_language
from claims.text.quantities import find_quantities
from db.ids import MAX_ID
from db.models import Claim, ClaimQuantity, ClaimState, ReviewEvent, Snapshot

REVIEWER_EXTRACTOR = "reviewer"
"""``Claim.extractor`` of a claim a reviewer added by hand (followed by their name)."""


class SnapshotNotFound(ClaimError):
    def __init__(self, snapshot_id: int) -> None:
        super().__init__(
            f"snapshot {snapshot_id}: no such snapshot; `factdesk show CLAIM` names a claim's "
            "snapshot, `factdesk sources` lists sources"
        )


CLEARABLE: tuple[str, ...] = ("unit", "low", "high", "hedge")
"""Figure fields a reviewer can take back to none (a figure keeps its value and kind)."""
CLEAR_WORD = "none"
"""What a reviewer types, on the command line or in the figure dialog, to clear a field."""


@dataclass(frozen=True)
class FigureEdit:
    """New values for some fields of one figure; None leaves a field as it is,
    a name in ``cleared`` takes that field back to none."""

    position: int
    value: float | None = None
    kind: str | None = None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    hedge: str | None = None
    cleared: frozenset[str] = frozenset()

    def fields(self) -> dict[str, Any]:
        given = {
            name: getattr(self, name) for name in FIGURE_FIELDS if getattr(self, name) is not None
        }
        return {**given, **dict.fromkeys(sorted(self.cleared & set(CLEARABLE)))}


def clears(text: str) -> bool:
    """The reviewer typed the word that clears a field."""
    return text.strip().lower() == CLEAR_WORD


def figure_number(text: str) -> float:
    """A finite number as a reviewer types it; a decimal comma is read as a point (1,5 is 1.5)."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise ClaimError(f"{text[:40]!r} is not a number; give a figure such as 20000 or 1.5")
    return value


def figure_kind(text: str) -> str:
    kind = text.strip().lower()
    if kind not in FIGURE_KINDS:
        raise ClaimError(
            f"{text[:40]!r} is not a figure kind; use one of: {', '.join(FIGURE_KINDS)}"
        )
    return kind


def span_bounds(text: str) -> tuple[int, int]:
    """START:END, two whole numbers, START below END."""
    start, sep, end = text.partition(":")
    if not (sep and start.strip().isdecimal() and end.strip().isdecimal()):
        raise ClaimError(f"{text[:40]!r} is not START:END; give code-point offsets, e.g. 120:245")
    if not int(start) < int(end) <= MAX_ID:
        raise ClaimError(f"{text[:40]!r}: START must be below END; e.g. 120:245")
    return int(start), int(end)


def figure_edit_from_form(
    position: int, typed: Mapping[str, str], current: Mapping[str, Any]
) -> FigureEdit | None:
    """The edit a form of typed fields asks for: only the fields that differ from
    ``current``; a blank field leaves its value as it is and "none" clears a bound,
    the unit or the hedge, as on the command line. None when nothing differs."""
    fields: dict[str, Any] = {}
    cleared: set[str] = set()
    for name in FIGURE_FIELDS:
        text = (typed.get(name) or "").strip()
        if not text:
            continue
        if name in CLEARABLE and clears(text):
            if current.get(name) is not None:
                cleared.add(name)
            continue
        if name in ("value", "low", "high"):
            value: Any = figure_number(text)
        elif name == "kind":
            value = figure_kind(text)
        else:
            value = " ".join(text.split())
        if value != current.get(name):
            fields[name] = value
    if not (fields or cleared):
        return None
    return FigureEdit(position, **fields, cleared=frozenset(cleared))


def _figure_rows(session: Session, claim_id: int) -> list[ClaimQuantity]:
    return list(
        session.exec(
            select(ClaimQuantity)
            .where(ClaimQuantity.claim_id == claim_id)
            .order_by(col(ClaimQuantity.position))
        ).all()
    )


def _check_figure(claim_id: int, edit: FigureEdit, count: int, current: dict[str, Any]) -> None:
    if not 0 <= edit.position < count:
        raise ClaimError(
            f"claim {claim_id}: it has no figure {edit.position}; its figures are numbered "
            f"0 to {count - 1}, as `factdesk show {claim_id}` lists them"
            if count
            else f"claim {claim_id}: it has no figures to correct; correct its claimant or span"
        )
    fields = edit.fields()
    if not fields:
        raise ClaimError(
            f"claim {claim_id}: --figure {edit.position} needs a new value: give --value, "
            "--kind, --unit, --low, --high or --hedge (none clears the last four)"
        )
    for name in sorted(edit.cleared):
        if name not in CLEARABLE:
            raise ClaimError(
                f"claim {claim_id}: a figure's {name} cannot be cleared; give a new one "
                f"(only {', '.join(CLEARABLE)} can be none)"
            )
        if getattr(edit, name) is not None:
            raise ClaimError(f"--{name} is given twice: a value and none; give one")
    if edit.kind is not None and edit.kind not in FIGURE_KINDS:
        raise ClaimError(f"kind {edit.kind!r} is unknown; use one of: {', '.join(FIGURE_KINDS)}")
    for name in ("value", "low", "high"):
        number = fields.get(name)
        if number is not None and not math.isfinite(number):
            raise ClaimError(f"--{name} {number} is not a finite number; give a figure")
    merged = {**current, **fields}
    low, high = merged.get("low"), merged.get("high")
    if low is not None and high is not None and low > high:
        raise ClaimError(
            f"claim {claim_id}, figure {edit.position}: low {low:g} is above high {high:g}; "
            "give --low at most --high"
        )


def edit_claim(
    session: Session,
    claim_id: int,
    *,
    reviewer: str,
    claimant: str | None = None,
    figure: FigureEdit | None = None,
    span: tuple[int, int] | None = None,
    expected_version: int | None = None,
) -> list[ReviewEvent]:
    """Correct the claimant (``""`` for the article's own voice), a figure or the span."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise ClaimNotFound(claim_id)
    if claimant is None and figure is None and span is None:
        raise ClaimError(
            f"claim {claim_id}: nothing to correct; give --claimant, --figure N with new "
            "values, or --span START:END"
        )
    index = claim_index(session, claim_id)
    corrections: dict[str, Any] = dict(index.corrections)
    changes: list[Change] = []
    if claimant is not None:
        before = effective_claimant(claim, corrections)
        after = " ".join(claimant.split()) or None
        if after != before:
            changes.append(Change("correct", target="claimant", before=before, after=after))
            corrections["claimant"] = after
    if figure is not None:
        rows = _figure_rows(session, claim_id)
        figures: dict[str, Any] = dict(corrections.get("figures") or {})
        key = str(figure.position)
        current: dict[str, Any] = {}
        if 0 <= figure.position < len(rows):
            row = rows[figure.position]
            current = {name: getattr(row, name) for name in FIGURE_FIELDS}
            current.update(figures.get(key) or {})
        _check_figure(claim_id, figure, len(rows), current)
        # Only what differs is a correction: "--high none" on a figure without
        # a high bound would otherwise read "high none → none" in the history.
        fields = {
            name: value for name, value in figure.fields().items() if current.get(name) != value
        }
        if fields:
            changes.append(
                Change(
                    "correct",
                    target=f"figure:{figure.position}",
                    before={name: current.get(name) for name in fields},
                    after=fields,
                )
            )
            figures[key] = {**(figures.get(key) or {}), **fields}
            corrections["figures"] = figures
    if span is not None:
        snapshot = session.get(Snapshot, claim.snapshot_id)
        assert snapshot is not None
        start, end = span
        if not 0 <= start < end <= len(snapshot.text):
            raise ClaimError(
                f"--span {start}:{end} is not inside the snapshot text (0:{len(snapshot.text)}); "
                "give START:END with START below END, in code points"
            )
        previous = corrections.get("span") or {
            "start": claim.start,
            "end": claim.end,
            "text": claim.text,
        }
        new = {"start": start, "end": end, "text": snapshot.text[start:end]}
        if new != previous:
            changes.append(Change("correct", target="span", before=previous, after=new))
            corrections["span"] = new
    if not changes:
        raise ClaimError(f"claim {claim_id} already reads so; nothing changed")
    events = append(
        session, claim_id, changes, reviewer=reviewer, expected_version=expected_version
    )
    index.corrections = corrections
    session.add(index)
    session.flush()
    reindex_search(session, claim_id)
    return events


def dismiss_claim(
    session: Session,
    claim_id: int,
    *,
    why: str,
    reviewer: str,
    expected_version: int | None = None,
) -> list[ReviewEvent]:
    """Dismiss the claim as "not a claim", with the reason (its group follows)."""
    if not why.strip():
        raise ClaimError(f"claim {claim_id}: say why it is not a claim; pass --why TEXT")
    return set_status(
        session,
        claim_id,
        "dismissed",
        reviewer=reviewer,
        text=f"not a claim: {why.strip()}",
        expected_version=expected_version,
    )


def _claimant_at(text: str, start: int, lang: str) -> str | None:
    """Who the attribution rules say speaks in the sentence that holds ``start``."""
    spoken = registered_language(lang)
    lexicon = spoken.claims
    sentences = split_sentences(text, spoken)
    claimants = attribute(text, sentences, lexicon, PersonRegistry(text, lexicon))
    for sentence, claimant in zip(sentences, claimants, strict=True):
        if sentence.start <= start < sentence.end:
            return claimant
    return None


def add_claim(session: Session, snapshot_id: int, quote: str, *, reviewer: str) -> Claim:
    """Store the sentence ``quote`` of the snapshot as a claim the extractor missed."""
    snapshot = session.get(Snapshot, snapshot_id)
    if snapshot is None:
        raise SnapshotNotFound(snapshot_id)
    wanted = quote.strip()
    if not wanted:
        raise ClaimError("--quote is empty; give the sentence as it reads in the snapshot")
    start = snapshot.text.find(wanted)
    if start < 0:
        raise ClaimError(
            f"snapshot {snapshot_id}: the quote is not in its text; copy the sentence exactly "
            f"as `factdesk show` or the claim screen shows it ({wanted[:40]!r}…)"
        )
    end = start + len(wanted)
    key = fingerprint(wanted)
    duplicate = session.exec(
        select(Claim.id).where(Claim.snapshot_id == snapshot_id, Claim.fingerprint == key)
    ).first()
    if duplicate is not None:
        raise ClaimError(
            f"snapshot {snapshot_id} already has this sentence as claim {duplicate}; "
            f"correct it with `factdesk edit {duplicate}`"
        )
    language = choose_language(snapshot.text, snapshot.language)
    quantities = find_quantities(wanted, language)
    exact, prefix, suffix = quote_selector(snapshot.text, start, end)
    claim = Claim(
        snapshot_id=snapshot_id,
        source_id=snapshot.source_id,
        text=wanted,
        start=start,
        end=end,
        spans=[[start, end]],
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        kind="numeric" if quantities else "factual",
        claimant=_claimant_at(snapshot.text, start, language),
        language=snapshot.language,
        fingerprint=key,
        extractor=f"{REVIEWER_EXTRACTOR}:{reviewer}"[:120],
    )
    session.add(claim)
    session.flush()
    assert claim.id is not None
    session.add(ClaimState(claim_id=claim.id))
    session.add_all(quantity_rows(claim.id, quantities, offset=start))
    session.flush()
    claim_index(session, claim.id)
    append(
        session,
        claim.id,
        [
            Change(
                "claim_added",
                after={"snapshot_id": snapshot_id, "start": start, "end": end},
                text="added by hand: the extractor missed it",
            )
        ],
        reviewer=reviewer,
        expected_version=0,
    )
    group_identical(session, [claim])
    return claim


@dataclass(frozen=True)
class SnapshotSentence:
    """One sentence of a snapshot's text, and the claim stored for it if there is one."""

    start: int
    end: int
    text: str
    claim_id: int | None


def snapshot_sentences(session: Session, snapshot_id: int) -> list[SnapshotSentence]:
    """The sentences of the snapshot's text as the extractor splits them, each
    with the claim already stored on it (its span starts in the sentence, or it
    reads the same), so a reviewer picks the one the extractor missed."""
    snapshot = session.get(Snapshot, snapshot_id)
    if snapshot is None:
        raise SnapshotNotFound(snapshot_id)
    language = choose_language(snapshot.text, snapshot.language)
    stored = session.exec(
        select(Claim.id, Claim.start, Claim.fingerprint)
        .where(Claim.snapshot_id == snapshot_id)
        .order_by(col(Claim.id))
    ).all()
    by_print = {key: claim_id for claim_id, _, key in stored}
    out: list[SnapshotSentence] = []
    for sentence in split_sentences(snapshot.text, registered_language(language)):
        claim_id = next(
            (n for n, start, _ in stored if sentence.start <= start < sentence.end),
            by_print.get(fingerprint(sentence.text.strip())),
        )
        out.append(SnapshotSentence(sentence.start, sentence.end, sentence.text, claim_id))
    return out
