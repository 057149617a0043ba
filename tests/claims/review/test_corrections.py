"""Correcting the machine: edit, add-claim, dismiss keep the extractor's original."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlmodel import select

from claims.review.events import history as stored_history
from claims.review.index import claim_index, derive_index
from db.engine import Database
from db.models import Claim, ClaimQuantity
from tests.claims.review.conftest import claim_with
from tests.support.cli import CliRun


def _show(cli: CliRun, claim_id: int) -> dict[str, Any]:
    out = cli("show", str(claim_id), "--format", "json")
    assert out.exit_code == 0, out.stderr
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def test_edit_claimant_and_figure_shows_everywhere_and_keeps_the_original(
    cli: CliRun, database: Database, article_claims: list[dict[str, Any]]
) -> None:
    claim = claim_with(article_claims, "40 %")
    cid = str(claim["id"])
    original_value = claim["quantities"][0]["value"]
    out = cli("edit", cid, "--claimant", "Nadia Fettah", "--figure", "0", "--value", "41")
    assert out.exit_code == 0, out.stderr
    shown = _show(cli, claim["id"])
    assert shown["claimant"] == "Nadia Fettah"
    assert shown["quantities"][0]["value"] == 41
    assert shown["original"]["claimant"] == claim["claimant"]
    assert shown["original"]["quantities"][0]["value"] == original_value
    assert shown["corrected"] == ["claimant", "figure:0"]
    # The listing, its claimant filter and the text view read the corrected values.
    listing = json.loads(cli("claims", "--claimant", "fettah", "--format", "json").stdout)
    assert [c["id"] for c in listing["claims"]] == [claim["id"]]
    text = cli("show", cid).stdout
    assert "Nadia Fettah" in text
    assert "corrected the claimant" in text
    assert "value 40 → 41" in text
    # The stored rows are the extractor's, untouched.
    with database.read() as session:
        row = session.get(Claim, claim["id"])
        assert row is not None
        assert row.claimant == claim["claimant"]
        figure = session.exec(
            select(ClaimQuantity).where(
                ClaimQuantity.claim_id == claim["id"], ClaimQuantity.position == 0
            )
        ).one()
        assert figure.value == original_value
        # What the index holds is what replaying the history gives.
        index = claim_index(session, claim["id"])
        assert derive_index(stored_history(session, claim["id"])) == (index.corrections, None)
    history = json.loads(cli("history", cid, "--format", "json").stdout)
    assert [(e["action"], e["target"]) for e in history] == [
        ("correct", "claimant"),
        ("correct", "figure:0"),
    ]
    assert history[1]["before"] == {"value": original_value}


def test_edit_refuses_bad_corrections_with_one_line(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    cid = str(claim_with(article_claims, "40 %")["id"])
    cases = [
        (("edit", cid, "--figure", "7", "--value", "3"), 1, "no figure 7"),
        (("edit", cid, "--value", "3"), 2, "need --figure"),
        (("edit", cid, "--figure", "0", "--kind", "apples"), 2, "use one of: count"),
        (("edit", cid, "--figure", "0", "--value", "nan"), 2, "not a number"),
        (("edit", cid, "--figure", "0", "--low", "50", "--high", "10"), 1, "above high"),
        (("edit", cid, "--span", "9:3"), 2, "START must be below END"),
        (("edit", cid, "--span", "0:99999999"), 1, "not inside the snapshot text"),
        (("edit", cid), 1, "nothing to correct"),
        (("edit", cid, "--figure", "0", "--low", "nothing"), 2, "not a number"),
        (("edit", cid, "--figure", "0", "--high", "none"), 1, "already reads so"),
    ]
    for args, code, words in cases:
        out = cli(*args)
        assert out.exit_code == code, (args, out.stderr)
        assert words in out.stderr, (args, out.stderr)
        assert out.stderr.count("\n") == 1
    assert json.loads(cli("history", cid, "--format", "json").stdout) == []


def test_edit_clears_a_bound_and_the_unit_back_to_none(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    claim = claim_with(article_claims, "40 %")
    cid = str(claim["id"])
    bounds = ("--low", "35", "--high", "45", "--unit", "des sondés")
    assert cli("edit", cid, "--figure", "0", *bounds).exit_code == 0
    figure = _show(cli, claim["id"])["quantities"][0]
    assert (figure["low"], figure["high"], figure["unit"]) == (35, 45, "des sondés")
    out = cli("edit", cid, "--figure", "0", "--low", "None", "--unit", "none")
    assert out.exit_code == 0, out.stderr
    figure = _show(cli, claim["id"])["quantities"][0]
    assert (figure["low"], figure["high"], figure["unit"]) == (None, 45, None)
    assert figure["value"] == claim["quantities"][0]["value"]
    text = cli("show", cid).stdout
    assert "low 35 → none" in text
    assert "unit des sondés → none" in text
    assert "[…, 45" in text
    # Append-only: the first correction is still there, the clearing is a second one.
    history = json.loads(cli("history", cid, "--format", "json").stdout)
    assert [(e["action"], e["target"]) for e in history] == [("correct", "figure:0")] * 2
    assert history[1]["before"] == {"low": 35, "unit": "des sondés"}
    assert history[1]["after"] == {"low": None, "unit": None}


def test_a_figure_correction_records_only_what_it_changes(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    claim = claim_with(article_claims, "40 %")
    cid = str(claim["id"])
    figure = claim["quantities"][0]
    assert figure["high"] is None
    same_value = f"{figure['value']:g}"
    out = cli("edit", cid, "--figure", "0", "--value", same_value, "--low", "38", "--high", "none")
    assert out.exit_code == 0, out.stderr
    history = json.loads(cli("history", cid, "--format", "json").stdout)
    assert history[-1]["before"] == {"low": figure["low"]}
    assert history[-1]["after"] == {"low": 38}
    line = cli("history", cid).stdout.splitlines()[-1]
    assert "low" in line
    assert "high" not in line
    assert "value" not in line


def test_edit_span_changes_the_sentence_shown(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    claim = claim_with(article_claims, "cinquantaine")
    start = claim["start"]
    end = start + claim["text"].index(" ont participé")
    out = cli("edit", str(claim["id"]), "--span", f"{start}:{end}")
    assert out.exit_code == 0, out.stderr
    shown = _show(cli, claim["id"])
    assert shown["text"] == claim["text"][: end - start]
    assert (shown["start"], shown["end"]) == (start, end)
    assert shown["original"]["text"] == claim["text"]


def test_add_claim_finds_the_sentence_its_figures_and_claimant(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    snapshot = article_claims[0]["snapshot_id"]
    stored = claim_with(article_claims, "40 %")
    already = cli("add-claim", str(snapshot), "--quote", stored["text"])
    assert already.exit_code == 1
    assert f"already has this sentence as claim {stored['id']}" in already.stderr
    missing = cli("add-claim", str(snapshot), "--quote", "Le Maroc compte 99 ministres.")
    assert missing.exit_code == 1
    assert "not in its text" in missing.stderr
    # Part of a sentence the extractor took whole: its speaker is the sentence's.
    quote = "Selon le ministère, le Maroc compte aujourd'hui 20.000 coopératives"
    out = cli("add-claim", str(snapshot), "--quote", quote, "--format", "json")
    assert out.exit_code == 0, out.stderr
    added = _show(cli, json.loads(out.stdout)["id"])
    assert added["text"] == quote
    assert [q["value"] for q in added["quantities"]] == [20000]
    assert added["claimant"] == claim_with(article_claims, "20.000")["claimant"]
    assert added["claimant"]
    assert added["history"][0]["action"] == "claim_added"
    assert added["snapshot_id"] == snapshot
    absent = cli("add-claim", "999999", "--quote", quote)
    assert absent.exit_code == 1
    assert "no such snapshot" in absent.stderr


def test_dismiss_as_not_a_claim_with_a_reason(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    cid = str(claim_with(article_claims, "cinquantaine")["id"])
    assert cli("dismiss", cid, "--why", "   ").exit_code == 1
    out = cli("dismiss", cid, "--why", "a list of attendees, nothing to check")
    assert out.exit_code == 0, out.stderr
    shown = _show(cli, int(cid))
    assert shown["status"] == "dismissed"
    assert shown["history"][-1]["text"] == "not a claim: a list of attendees, nothing to check"
    listing = json.loads(cli("claims", "--status", "dismissed", "--format", "json").stdout)
    assert [c["id"] for c in listing["claims"]] == [int(cid)]


def test_reports_carry_the_corrected_values_and_the_original(
    cli: CliRun, article_claims: list[dict[str, Any]], tmp_path: Path
) -> None:
    claim = claim_with(article_claims, "40 %")
    assert cli("edit", str(claim["id"]), "--figure", "0", "--value", "41").exit_code == 0
    for fmt in ("json", "md"):
        path = tmp_path / f"report.{fmt}"
        out = cli("report", "--format", fmt, "-o", str(path))
        assert out.exit_code == 0, out.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    [reported] = [c for c in report["claims"] if c["id"] == claim["id"]]
    assert reported["quantities"][0]["value"] == 41
    assert reported["original"]["quantities"][0]["value"] == claim["quantities"][0]["value"]
    assert reported["corrected"] == ["figure:0"]
    others = [c for c in report["claims"] if c["id"] != claim["id"]]
    assert all(c["corrected"] == [] and c["original"] is None for c in others)
    # Re-encoded with its corrections, the claim keeps every key, in order, and its article.
    assert list(reported) == list(others[0])
    assert reported["article"] == others[0]["article"]
    assert reported["article"]["title"]
    assert (
        json.loads(cli("show", str(claim["id"]), "--format", "json").stdout)["quantities"]
        == (reported["quantities"])
    )
