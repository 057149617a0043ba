"""`factdesk extract` on a stored snapshot's text gives exactly the claims ingest stored.

Derived totals included: the same total on the same sentence, computed from
the same two figures. Checked on the seed and on every demo article.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import select

from db.engine import Database
from db.models import Snapshot
from tests.support.cli import CliRun

Figure = tuple[Any, ...]


def figure(q: dict[str, Any]) -> Figure:
    return tuple(q[k] for k in ("value", "low", "high", "kind", "unit", "surface", "start", "end"))


def comparable(claims: list[dict[str, Any]], by_id: dict[int, Figure] | None) -> list[Any]:
    """Each claim as what both commands must agree on; a derived claim's figures are
    found by id in a listing (`by_id`), by position in its sentence's claim otherwise."""
    stated = {(c["start"], c["end"]): c for c in claims if c["kind"] != "derived"}
    out = []
    for c in claims:
        if by_id is not None:
            sources = [by_id[i] for i in c["derived_from"]]
        else:
            sentence = stated[(c["start"], c["end"])]["quantities"] if c["derived_from"] else []
            sources = [figure(sentence[i]) for i in c["derived_from"]]
        out.append(
            (
                c["kind"], c["start"], c["end"], c["text"], c["claimant"], c["reasoning"],
                [figure(q) for q in c["quantities"]], sources,
                [(s["start"], s["end"]) for s in c["spans"]],
            )
        )  # fmt: skip
    return out


def test_extract_and_ingest_agree(
    corpus: list[dict[str, Any]], cli: CliRun, database: Database
) -> None:
    with database.read() as session:
        snapshots = {s.id: (s.text, s.language) for s in session.exec(select(Snapshot)).all()}
    articles = sorted({c["snapshot_id"] for c in corpus})
    assert articles
    derived = 0
    for snapshot_id in articles:
        text, lang = snapshots[snapshot_id]
        assert lang is not None
        done = cli("extract", "-", "--lang", lang, input=text)
        assert done.exit_code == 0, done.stderr
        extracted = json.loads(done.stdout)["claims"]
        stored = [c for c in corpus if c["snapshot_id"] == snapshot_id]
        by_id = {q["id"]: figure(q) for c in stored for q in c["quantities"]}
        assert comparable(extracted, None) == comparable(stored, by_id), snapshot_id
        derived += sum(c["kind"] == "derived" for c in extracted)
    assert derived >= 1
