"""The HTML report: one self-contained page an editor reads, safe to open.

Everything in it that came from a page (sentences, quotes, names, titles,
URLs) is hostile: the templates autoescape it, links are made only of
http(s) addresses, and a Content-Security-Policy meta tag forbids scripts,
frames, forms, images and remote styles even if something slipped through.
It opens with a summary (counts by status and verdict, re-checks, failing
sources) and small inline SVG charts (:mod:`.charts`), which are markup too.
The page holds no script: the ClaimReview JSON-LD blocks are data blocks
(``type="application/ld+json"``), which browsers never run, with ``<``, ``>``
and ``&`` written as JSON ``\\u`` escapes so no page text can close the element.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from claims.reports.charts import figure_chart, figure_comparisons, verdict_chart
from claims.reports.claimreview import job_review, script_safe_json
from claims.reports.context import ReportJob
from claims.reports.overview import NEEDS_RECHECK
from claims.reports.pages import page_label
from claims.reports.summary import (
    UNDER_RECHECK_MARK,
    recheck_window,
    status_counts,
    verdict_counts,
)
from claims.reports.text import (
    filters,
    is_web_link,
    number,
    percent,
    published_by,
    result_words,
    status_label,
)
from claims.review.history_text import event_line

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
TEMPLATES = Path(__file__).parent / "templates"


def link(url: str | None, label: str | None) -> Markup:
    """An anchor for an http(s) ``url``; any other address is shown as text only."""
    text = escape(label or url or "")
    if not is_web_link(url):
        return text
    return Markup('<a href="{}" rel="nofollow noopener noreferrer">{}</a>').format(url, text)


def jsonld_block(data: dict[str, Any]) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` element that text cannot escape."""
    # < > & are JSON-escaped: nothing in it reads as markup.
    return Markup(script_safe_json(data, indent=1))  # noqa: S704


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        link=link,
        num=number,
        pct=percent,
        result_words=result_words,
        published_by=published_by,
        status_label=status_label,
        history_line=event_line,
        page_label=page_label,
    )
    return env


def write_html(job: ReportJob, stream: BinaryIO) -> None:
    env = environment()
    head = env.get_template("report_head.html")
    claim_template = env.get_template("report_claim.html")
    foot = env.get_template("report_foot.html")
    out = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    overview = job.overview()
    # The page's language is its claims' (most of them); a claim in another
    # language says so on its own section.
    lang = overview.language or "en"
    verdicts = verdict_counts(overview, job.options.scale)
    reviews = 0
    try:
        out.write(
            head.render(
                csp=CSP,
                lang=lang,
                generator=job.header()["generator"],
                organisation=job.options.organisation,
                total=job.total,
                generated_at=job.generated_at.isoformat(timespec="seconds"),
                filters=filters(job.selection.to_json()),
                overview=overview,
                statuses=status_counts(overview),
                verdicts=verdicts,
                verdict_chart=verdict_chart(verdicts),
                recheck_window=recheck_window(overview),
            )
        )
        for page in job.pages():
            for claim in page:
                review = job_review(job, claim)
                reviews += review is not None
                jsonld = jsonld_block(review) if review is not None else None
                comparisons = figure_comparisons(claim)
                out.write(
                    claim_template.render(
                        c=claim,
                        jsonld=jsonld,
                        lang=lang,
                        recheck=claim["status"] == NEEDS_RECHECK,
                        recheck_mark=UNDER_RECHECK_MARK,
                        figure_chart=figure_chart(comparisons) if comparisons else None,
                    )
                )
        out.write(
            foot.render(claims=job.claims, reviews=reviews, organisation=job.options.organisation)
        )
        out.flush()
    finally:
        out.detach()
