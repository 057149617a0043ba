"""PROV keeps reviewers apart whose names differ only in spacing, case or punctuation."""

from __future__ import annotations

import pytest
from prov.model import ProvAgent, ProvAssociation, ProvDocument

from tests.claims.reports.conftest import Desk, ok

# Alike to the eye, and alike to any slug of letters and digits: each is a person.
NAMES = [
    "Jean Dupont",
    "Jean  Dupont",
    "Jean_Dupont",
    "Jean.Dupont",
    "Jean-Dupont",
    "jean dupont",
    "Jean Dupont!",
    "Jean%20Dupont",
    "Jean/Dupont",
    "Jéan Dupont",
]


def test_every_distinct_reviewer_keeps_an_agent_of_their_own(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = str(desk.claim("cinquantaine")["id"])
    for name in NAMES:
        monkeypatch.setenv("FACTDESK_REVIEWER", name)
        ok(desk.cli("note", claim, f"checked by {name}"))
    result, path = desk.report("prov", "--claim", claim)
    ok(result)
    graph = ProvDocument.deserialize(
        content=path.read_text(encoding="utf-8"), format="json"
    ).flattened()
    people = {
        str(r.identifier): str(r.get_attribute("prov:label").pop())
        for r in graph.get_records(ProvAgent)
        if "prov:Person" in {str(t) for t in r.get_attribute("prov:type")}
    }
    assert sorted(people.values()) == sorted([*NAMES, "bilal"])
    # Each note is associated with the agent of the person who wrote it.
    label_of_note = {f"checked by {name}": name for name in NAMES}
    activities = {
        str(r.identifier): str(r.get_attribute("prov:label").pop())
        for r in graph.get_records()
        if r.identifier is not None and str(r.identifier).startswith(f"fd:review/{claim}/")
    }
    authors = {
        label_of_note[activities[str(a.args[0])]]: people[str(a.args[1])]
        for a in graph.get_records(ProvAssociation)
        if str(a.args[0]) in activities and activities[str(a.args[0])] in label_of_note
    }
    assert authors == {name: name for name in NAMES}
