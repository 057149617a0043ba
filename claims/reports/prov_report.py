"""W3C PROV-JSON: where every claim and verdict came from, and who did what.

The model (https://www.w3.org/TR/prov-dm/), built with the ``prov`` package:

- agents: factdesk (a SoftwareAgent, naming its extractor versions), the
  organisation, and each reviewer (a Person acting on its behalf, one agent
  per distinct name, however alike two names look; factdesk's own jobs,
  "ingest" and "refresh", are SoftwareAgents acting on factdesk's behalf);
- entities: each source page (its URL), each snapshot (the bytes, by SHA-256,
  derived from the page), each claim (derived from its snapshot), each
  evidence quote (derived from its snapshot) and each verdict;
- activities: the fetch that generated a snapshot (at ``fetched_at``), the
  extraction that generated a claim from it, and every review event (verdict,
  status, note, evidence…) associated with its reviewer.

A PROV-JSON document is one object whose sections (entity, activity, …)
each hold every record, which cannot be written a claim at a time. So each
page of claims is one PROV bundle (a named set of descriptions, PROV's own
unit of grouping), serialised by ``prov`` and written as soon as it is built;
``ProvDocument.deserialize(...).flattened()`` gives the single graph back.
Agents (factdesk, the organisation, every reviewer of the selection, read by
one query first) are described once, in the document itself; bundles refer
to them by identifier. Entities shared by pages (a snapshot) are described
in each bundle that uses them, with the same identifier.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from typing import Any, BinaryIO
from urllib.parse import quote

from prov.model import ProvBundle, ProvDocument

from claims.reports.context import FACTDESK_VERSION, ReportJob
from claims.review.groups import INGEST_REVIEWER
from claims.review.recheck import REVIEWER as RECHECK_REVIEWER

NAMESPACE = "https://factdesk.invalid/prov#"
PREFIX = "fd"
MACHINE_REVIEWERS = frozenset({INGEST_REVIEWER, RECHECK_REVIEWER})
"""Reviewer names factdesk's own jobs write events under."""
BUNDLE_CLAIMS = 100
"""Claims per bundle: prov's in-memory graph of a bundle costs ~10 kB per claim."""


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def reviewer_id(name: str) -> str:
    """The agent id of reviewer ``name``: percent-encoded, so two names never share one.

    Letters, digits and ``-._~`` stay as typed; every other byte of the UTF-8
    name is %XX (PROV-N allows it in a local name), ``%`` itself included.
    """
    return f"{PREFIX}:reviewer/{quote(name.encode('utf-8', 'surrogatepass'), safe='')}"


def _describe_claim(bundle: ProvBundle, claim: dict[str, Any], organisation: str) -> None:
    software = f"{PREFIX}:factdesk"
    snap = f"{PREFIX}:snapshot/{claim['snapshot_id']}"
    fetch = f"{PREFIX}:fetch/{claim['snapshot_id']}"
    page = f"{PREFIX}:source/{claim['source_id']}"
    bundle.entity(page, {"prov:type": f"{PREFIX}:SourcePage", "prov:location": claim["source_url"]})
    fetched = _time(claim["fetched_at"])
    bundle.entity(
        snap,
        {
            "prov:type": f"{PREFIX}:Snapshot",
            f"{PREFIX}:sha256": claim["snapshot_sha256"],
            "prov:location": claim["article"]["final_url"] or claim["source_url"],
            "prov:generatedAtTime": fetched,
        },
    )
    bundle.activity(fetch, fetched, fetched, {"prov:type": f"{PREFIX}:Fetch"})
    bundle.used(fetch, page, fetched)
    bundle.wasGeneratedBy(snap, fetch, fetched)
    bundle.wasAssociatedWith(fetch, software)
    bundle.wasDerivedFrom(snap, page)

    entity = f"{PREFIX}:claim/{claim['id']}"
    extraction = f"{PREFIX}:extraction/{claim['id']}"
    created = _time(claim["created_at"])
    bundle.entity(
        entity,
        {
            "prov:type": f"{PREFIX}:Claim",
            "prov:value": claim["text"],
            f"{PREFIX}:start": claim["start"],
            f"{PREFIX}:end": claim["end"],
        },
    )
    bundle.activity(
        extraction,
        created,
        created,
        {"prov:type": f"{PREFIX}:Extraction", "prov:label": claim["extractor"]},
    )
    bundle.used(extraction, snap)
    bundle.wasGeneratedBy(entity, extraction, created)
    bundle.wasAssociatedWith(extraction, software)
    bundle.wasDerivedFrom(entity, snap, extraction)

    def reviewer(name: str) -> str:
        # Declared once, in the document's head (see write_prov).
        return reviewer_id(name)

    for e in claim["evidence"]:
        ev = f"{PREFIX}:evidence/{e['id']}"
        ev_snap = f"{PREFIX}:snapshot/{e['snapshot_id']}"
        bundle.entity(
            ev_snap,
            {
                "prov:type": f"{PREFIX}:Snapshot",
                f"{PREFIX}:sha256": e["snapshot_sha256"],
                "prov:location": e["source_url"],
                "prov:generatedAtTime": _time(e["fetched_at"]),
            },
        )
        bundle.entity(
            ev,
            {
                "prov:type": f"{PREFIX}:Evidence",
                "prov:value": e["quote"],
                f"{PREFIX}:stance": e["stance"],
            },
        )
        bundle.wasDerivedFrom(ev, ev_snap)
        bundle.wasAttributedTo(ev, reviewer(e["added_by"]))

    for h in claim["history"]:
        act = f"{PREFIX}:review/{claim['id']}/{h['version']}"
        at = _time(h["at"])
        attrs: dict[str, Any] = {"prov:type": f"{PREFIX}:Review", f"{PREFIX}:action": h["action"]}
        if h["text"]:
            attrs["prov:label"] = h["text"]
        bundle.activity(act, at, at, attrs)
        bundle.used(act, entity, at)
        bundle.wasAssociatedWith(act, reviewer(h["reviewer"]))
        if h["evidence_id"] is not None:
            bundle.used(act, f"{PREFIX}:evidence/{h['evidence_id']}", at)
        if h["action"] == "verdict" and isinstance(h["after"], dict):
            verdict = f"{PREFIX}:verdict/{claim['id']}/{h['version']}"
            bundle.entity(
                verdict,
                {
                    "prov:type": f"{PREFIX}:Verdict",
                    "prov:value": str(h["after"].get("label")),
                    f"{PREFIX}:rating": str(h["after"].get("rating")),
                },
            )
            bundle.wasGeneratedBy(verdict, act, at)
            bundle.wasAttributedTo(verdict, reviewer(h["reviewer"]))
            bundle.wasDerivedFrom(verdict, entity, act)


def _agents(bundle: ProvBundle, organisation: str, reviewers: list[str]) -> None:
    bundle.agent(
        f"{PREFIX}:factdesk",
        {"prov:type": "prov:SoftwareAgent", "prov:label": f"factdesk {FACTDESK_VERSION}"},
    )
    bundle.agent(
        f"{PREFIX}:organisation", {"prov:type": "prov:Organization", "prov:label": organisation}
    )
    bundle.actedOnBehalfOf(f"{PREFIX}:factdesk", f"{PREFIX}:organisation")
    for name in reviewers:
        agent = reviewer_id(name)
        if name in MACHINE_REVIEWERS:
            # factdesk's own jobs write review events too (grouping at ingest, the
            # refresh's re-checks): a program, on factdesk's behalf, not a person.
            bundle.agent(agent, {"prov:type": "prov:SoftwareAgent", "prov:label": name})
            bundle.actedOnBehalfOf(agent, f"{PREFIX}:factdesk")
            continue
        bundle.agent(agent, {"prov:type": "prov:Person", "prov:label": name})
        bundle.actedOnBehalfOf(agent, f"{PREFIX}:organisation")


def write_prov(job: ReportJob, stream: BinaryIO) -> None:
    out = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    organisation = job.options.organisation
    try:
        top = ProvDocument()
        top.add_namespace(PREFIX, NAMESPACE)
        _agents(top, organisation, job.reviewers())
        head = json.loads(str(top.serialize(format="json")))
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ',\n"bundle":{')
        first = True
        number = 0
        for page in job.pages():
            for at in range(0, len(page), BUNDLE_CLAIMS):
                number += 1
                doc = ProvDocument()
                doc.add_namespace(PREFIX, NAMESPACE)
                bundle = doc.bundle(f"{PREFIX}:claims-{number}")
                for claim in page[at : at + BUNDLE_CLAIMS]:
                    _describe_claim(bundle, claim, organisation)
                serialised = json.loads(str(doc.serialize(format="json")))["bundle"]
                for name, content in serialised.items():
                    out.write("\n" if first else ",\n")
                    out.write(json.dumps(name) + ":" + json.dumps(content, ensure_ascii=False))
                    first = False
        out.write("\n}}\n")
        out.flush()
    finally:
        out.detach()
