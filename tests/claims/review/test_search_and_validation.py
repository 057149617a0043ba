"""Search folds case, accents and names; bad review input is refused in one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.claims.review.conftest import claim_with
from tests.support.cli import CliRun

ELMOUSSALI = """<html lang="fr"><body><article>
<p>Le Maroc compte 20.000 coopératives, a indiqué la secrétaire d'Etat Jamila Elmoussali.</p>
</article></body></html>"""


def _ids(cli: CliRun, *args: str) -> list[int]:
    out = cli("claims", "--format", "json", *args)
    assert out.exit_code == 0, out.stderr
    return [c["id"] for c in json.loads(out.stdout)["claims"]]


def test_search_folds_case_accents_and_name_variants(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    out = cli("ingest", "-", "--url", "https://news.example/em", "--lang", "fr", input=ELMOUSSALI)
    assert out.exit_code == 0, out.stderr
    said = next(
        c
        for c in json.loads(cli("claims", "--format", "json").stdout)["claims"]
        if "Elmoussali" in (c["claimant"] or "")
    )
    assert said["id"] in _ids(cli, "--text", "El Moussali")
    assert _ids(cli, "--claimant", "el moussali") == [said["id"]]
    coops = _ids(cli, "--text", "COOPERATIVES actives")
    assert claim_with(article_claims, "20.000")["id"] in coops
    assert said["id"] not in coops
    assert _ids(cli, "--text", "nothing like this") == []
    # Notes are searched too, folded the same way.
    target = claim_with(article_claims, "cinquantaine")["id"]
    assert cli("note", str(target), "Vérifier auprès du Quai d'Orsay").exit_code == 0
    assert _ids(cli, "--text", "quai dorsay") == [target]


def test_search_finds_evidence_quotes_and_evidence_notes(
    cli: CliRun, article_claims: list[dict[str, Any]], tmp_path: Path
) -> None:
    target = claim_with(article_claims, "20.000")["id"]
    page = tmp_path / "registry.html"
    page.write_text(
        "<html lang='fr'><body><article><p>Le registre recense 19.842 coopératives actives."
        "</p></article></body></html>",
        encoding="utf-8",
    )
    out = cli(
        "evidence", "add", str(target), str(page), "--url", "https://registry.example/2025",
        "--quote", "Le registre recense 19.842 coopératives actives.", "--stance", "refutes",
        "--note", "Chiffres de l'Office du Développement",
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    # Words only the evidence holds find the claim, folded like the rest.
    assert _ids(cli, "--text", "REGISTRE recense") == [target]
    assert _ids(cli, "--text", "office du developpement") == [target]


def test_a_figure_out_of_range_is_refused(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    claim = claim_with(article_claims, "20.000")
    count = len(claim["quantities"])
    out = cli("verdict", str(claim["id"]), "false", "--figure", str(count + 3), "--why", "x")
    assert out.exit_code == 1
    assert f"numbered 0 to {count - 1}" in out.stderr
    assert out.stderr.count("\n") == 1
    assert json.loads(cli("history", str(claim["id"]), "--format", "json").stdout) == []


def test_an_unknown_status_is_refused_naming_the_valid_ones(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    out = cli("claims", "--status", "done")
    assert out.exit_code == 2
    assert "new, in_review, checked, needs_recheck, dismissed" in out.stderr
    assert out.stderr.count("\n") == 1
    assert cli("claims", "--status", "needs re-check").exit_code == 0


def test_an_unknown_verdict_or_kind_filter_is_refused_naming_the_valid_ones(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    # A filter value that can match nothing is a typo: an empty list with exit 0 hides it.
    for option, typo, valid in (
        ("--verdict", "flase", "mostly-false, false, unverifiable"),
        ("--kind", "numerical", "numeric, factual, derived"),
    ):
        out = cli("claims", option, typo)
        assert out.exit_code == 2, (option, out.stdout)
        assert typo in out.stderr
        assert valid in out.stderr
        assert out.stderr.count("\n") == 1
    rated = claim_with(article_claims, "20.000")["id"]
    assert cli("verdict", str(rated), "mostly-false", "--why", "31 000").exit_code == 0
    # A rating's label finds it as its key does.
    assert rated in _ids(cli, "--verdict", "Mostly false")
    assert _ids(cli, "--kind", "numeric")


def test_a_version_ahead_of_the_claim_is_refused_with_its_own_message(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    cid = str(claim_with(article_claims, "40 %")["id"])
    assert cli("note", cid, "first").exit_code == 0
    ahead = cli("note", cid, "second", "--expect-version", "9")
    assert ahead.exit_code == 1
    assert "is at version 1" in ahead.stderr
    assert "changed since it was loaded" not in ahead.stderr
    stale = cli("note", cid, "second", "--expect-version", "0")
    assert stale.exit_code == 1
    assert "changed since it was loaded" in stale.stderr
    assert cli("note", cid, "second", "--expect-version", "1").exit_code == 0
