"""PROV-JSON that the prov package reads back, and Markdown that renders page text as text."""

from __future__ import annotations

from prov.model import ProvDocument

from claims.reports.markdown import md, md_line
from tests.claims.reports.conftest import ARTICLE_URL, Desk, ok


def test_prov_json_reads_back_as_the_provenance_graph(desk: Desk) -> None:
    result, path = desk.report("prov")
    assert ok(result)
    document = ProvDocument.deserialize(content=path.read_text(encoding="utf-8"), format="json")
    graph = document.flattened()
    ids = {str(r.identifier) for r in graph.get_records() if r.identifier is not None}
    claims = {c["id"] for c in desk.claims}
    assert {f"fd:claim/{i}" for i in claims} <= ids
    assert {"fd:factdesk", "fd:organisation", "fd:reviewer/amina", "fd:reviewer/bilal"} <= ids
    coops = desk.claim("20.000")
    assert f"fd:snapshot/{coops['snapshot_id']}" in ids
    assert f"fd:fetch/{coops['snapshot_id']}" in ids
    assert f"fd:extraction/{coops['id']}" in ids
    kinds = {type(r).__name__ for r in graph.get_records()}
    assert {
        "ProvEntity",
        "ProvActivity",
        "ProvAgent",
        "ProvGeneration",
        "ProvUsage",
        "ProvAssociation",
        "ProvDerivation",
        "ProvAttribution",
        "ProvDelegation",
    } <= kinds
    locations = {
        str(v) for r in graph.get_records() for k, v in r.attributes if str(k) == "prov:location"
    }
    assert ARTICLE_URL in locations
    verdicts = [i for i in ids if i.startswith(f"fd:verdict/{coops['id']}/")]
    assert len(verdicts) == 1


def test_markdown_escapes_page_text() -> None:
    assert md_line("<script>x</script>") == "&lt;script\\>x&lt;/script\\>"
    assert md_line("[lien](javascript:alert(1))") == "\\[lien\\]\\(javascript:alert\\(1\\)\\)"
    assert md("# titre\n- item\n1. un") == "\\# titre\n\\- item\n1\\. un"
    assert md_line("a *b* _c_ `d` | e") == "a \\*b\\* \\_c\\_ \\`d\\` \\| e"


def test_markdown_report_reads_like_a_report(desk: Desk) -> None:
    result, path = desk.report("md")
    assert ok(result)
    text = path.read_text(encoding="utf-8")
    coops = desk.claim("20.000")
    assert f"## Claim {coops['id']}: Mostly true" in text
    assert f"<{ARTICLE_URL}>" in text
    assert coops["snapshot_sha256"] in text
    assert "### Evidence" in text
    assert "### History" in text
    assert "<script>" not in text
    assert "&lt;script\\>" in text
    assert "](javascript:" not in text
