"""A page in another language than --lang says is refused, unless --force-lang."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from db.engine import Database
from db.models import Claim, Snapshot
from tests.support.cli import CliRun, counts
from tests.support.httpserver import HTTPTestServer

FRENCH_PAGE = """<!doctype html><html><head><title>Coopératives</title></head><body><article>
<h1>Le Maroc compte 20.000 coopératives</h1>
<p>Le nombre des coopératives a atteint 20.000 au Maroc, soit la moitié de l'ensemble des
coopératives actives dans le monde arabe, a affirmé jeudi la secrétaire d'État chargée de
l'Économie sociale et solidaire, lors d'une rencontre avec la presse à Rabat.</p>
<p>Des délégations d'une cinquantaine de pays prennent part au sommet, qui se tient cette
semaine à Lyon et doit se conclure par l'adoption d'une feuille de route commune.</p>
</article></body></html>""".encode()

GERMAN_TEXT = (
    "Die Zahl der Genossenschaften in Marokko ist auf 20.000 gestiegen, wie die "
    "Staatssekretärin am Donnerstag in Rabat mitteilte. Das entspricht der Hälfte aller "
    "aktiven Genossenschaften in der arabischen Welt, sagte sie vor Journalisten.\n"
)


def test_a_french_page_ingested_as_english_is_refused(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/coops", FRENCH_PAGE, content_type="text/html; charset=utf-8")
    url = http_server.url("/coops")
    result = cli("ingest", url, "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert f"{url}: the text reads as French (fr), not en as --lang says" in result.stderr
    assert "--lang fr" in result.stderr
    assert "--force-lang" in result.stderr
    stored = counts(database)
    assert (stored.sources, stored.snapshots) == (0, 0)
    with database.read() as session:
        assert session.exec(select(Claim)).all() == []


def test_force_lang_ingests_it_anyway_in_the_language_given(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/coops", FRENCH_PAGE, content_type="text/html; charset=utf-8")
    result = cli("ingest", http_server.url("/coops"), "--lang", "en", "--force-lang")
    assert result.exit_code == 0, result.stderr
    with database.read() as session:
        assert session.exec(select(Snapshot)).one().language == "en"


def test_the_right_language_passes(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/coops", FRENCH_PAGE, content_type="text/html; charset=utf-8")
    result = cli("ingest", http_server.url("/coops"), "--lang", "fr")
    assert result.exit_code == 0, result.stderr
    with database.read() as session:
        claims = session.exec(select(Claim)).all()
    assert any("20.000" in c.text for c in claims)


def test_a_file_names_the_language_it_reads_as(
    cli: CliRun, database: Database, tmp_path: Path
) -> None:
    page = tmp_path / "genossenschaften.txt"
    page.write_text(GERMAN_TEXT, encoding="utf-8")
    result = cli("ingest", str(page), "--lang", "en")
    assert result.exit_code == 1
    assert f"{page}: the text reads as German (de)" in result.stderr
    assert counts(database).snapshots == 0


def test_a_refused_target_does_not_stop_the_others(
    cli: CliRun, database: Database, tmp_path: Path
) -> None:
    german = tmp_path / "de.txt"
    german.write_text(GERMAN_TEXT, encoding="utf-8")
    english = tmp_path / "en.txt"
    english.write_text(
        "The harbour authority said on Monday that more than 3,000 people now work at the "
        "container terminal, up from 1,200 five years ago.\n",
        encoding="utf-8",
    )
    result = cli("ingest", str(german), str(english), "--lang", "en")
    assert result.exit_code == 1
    assert "German (de)" in result.stderr
    assert counts(database).snapshots == 1


def test_force_lang_without_lang_is_bad_usage(cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "de.txt"
    page.write_text(GERMAN_TEXT, encoding="utf-8")
    result = cli("ingest", str(page), "--force-lang")
    assert result.exit_code == 2
    assert "--force-lang" in result.stderr
    assert "--lang" in result.stderr
