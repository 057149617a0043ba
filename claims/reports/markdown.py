"""The Markdown report: what an editor reads, a summary first, then claim by claim.

Markdown renderers pass raw HTML through and turn brackets into links, so
page text is escaped before it goes in: HTML's ``<`` and ``&`` become
entities, Markdown's punctuation gets a backslash, and a line that would
start a heading, list or quote is defused. Only http(s) addresses become
links (as ``<…>`` autolinks).
"""

from __future__ import annotations

import io
import re
from typing import Any, BinaryIO

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

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#|~!>\"$])")
# What makes a line a list item or a setext underline when it starts one.
_LINE_START = re.compile(r"^(\s*)(\d*)([-+=.)])", re.MULTILINE)


def _escape(text: Any) -> str:
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", s)


def md(text: Any) -> str:
    """``text`` as Markdown lines that render as exactly that text."""
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)}\\{m.group(3)}", _escape(text))


def md_line(text: Any) -> str:
    """``text`` as inline Markdown on one line, after other text (table cells, list items)."""
    return " ".join(_escape(text).split())


def md_link(url: str | None) -> str:
    if url and is_web_link(url) and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    return md_line(url)


def quote_block(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in md(text).splitlines() or [""])


def claim_markdown(claim: dict[str, Any]) -> str:
    c = claim
    detail = c["verdict_detail"]
    recheck = c["status"] == NEEDS_RECHECK
    title = f"## Claim {c['id']}"
    if recheck:
        title += f": {UNDER_RECHECK_MARK}"
    elif detail:
        title += f": {md_line(detail['label'])}"
    lines = [f'<a id="claim-{c["id"]}"></a>', "", title, "", quote_block(c["text"]), ""]
    article = c["article"]
    lines += [
        f"- **Claimant:** {md_line(c['claimant'] or '(the article itself)')}",
        f"- **Source:** {md_line(article['title']) + ' ' if article['title'] else ''}"
        f"{md_link(c['source_url'])}",
        *([f"- **Published:** {md_line(published_by(article))}"] if published_by(article) else []),
        f"- **Fetched:** {c['fetched_at']}"
        + (f" (HTTP {c['http_status']})" if c["http_status"] else ""),
        f"- **Bytes:** `sha256 {c['snapshot_sha256']}`, characters {c['start']}–{c['end']}"
        " of the extracted text" + (f", {page_label(c['page'])}" if c.get("page") else ""),
        f"- **Status:** {md_line(status_label(c['status']))}"
        + (f", assigned to {md_line(c['assignee'])}" if c["assignee"] else ""),
    ]
    if c["kind"] == "derived":
        lines.append(f"- **Derived:** computed by factdesk, not written: {md_line(c['reasoning'])}")
    if recheck:
        was = (
            f": was {md_line(detail['label'])}, by {md_line(detail['by'])}, "
            f"{detail.get('at', '')}; its ground changed since"
            if detail
            else ""
        )
        lines.append(f"- **Verdict:** {UNDER_RECHECK_MARK}{was}")
    elif detail:
        lines.append(
            f"- **Verdict:** {md_line(detail['label'])} by {md_line(detail['by'])}, "
            f"{detail.get('at', '')}: {md_line(detail['why'])}"
        )
    if c["quantities"]:
        lines += ["", "| # | as written | kind | value | bounds | unit | hedge | verdict |"]
        lines.append("|---|---|---|---|---|---|---|---|")
        for i, q in enumerate(c["quantities"]):
            fv = c["figure_verdicts"].get(f"figure:{i}")
            verdict = f"{fv['label']}: {fv['why']}" if fv else ""
            cells = [
                str(i),
                md_line(q["surface"]),
                q["kind"],
                number(q["value"]),
                f"{number(q['low'])} – {number(q['high'])}",
                md_line(q["unit"] or ""),
                md_line(q["hedge"] or ""),
                md_line(verdict),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    if c.get("fact_checks"):
        lines += ["", "### Earlier fact-checks", ""]
        for m in c["fact_checks"]:
            reviewed = f"«{md_line(m['claim_reviewed'])}»"
            where = f" {md_link(m['url'])}" if m.get("url") else ""
            lines.append(f"- {md_line(m['headline'])}: {reviewed}{where} ({md_line(m['why'])})")
    if c["evidence"]:
        lines += ["", "### Evidence", ""]
        for e in c["evidence"]:
            state = " (withdrawn)" if e["removed"] else ""
            if e["freshness"] != "current":
                state += f" (quote {e['freshness']} in its source since)"
            position = e["selector"][1]
            quote = md_line(e["quote"])
            if e.get("page"):
                state += f" ({page_label(e['page'])})"
            lines.append(
                f"- **{e['stance']}**{state}: “{quote}” — {md_link(e['source_url'])}, "
                f"fetched {e['fetched_at']}, `sha256 {e['snapshot_sha256']}`, "
                f"characters {position['start']}–{position['end']}; "
                f"added by {md_line(e['added_by'])}"
                + (f"; note: {md_line(e['note'])}" if e["note"] else "")
            )
            for x in e["crosscheck"]:
                claimed = (x.get("claimed") or {}).get("surface", "")
                found = (x.get("evidence") or {}).get("surface", "")
                deviation = percent(x.get("deviation"))
                reason = md_line(x.get("reason") or "")
                lines.append(
                    f"  - cross-check: {md_line(claimed)} vs {md_line(found)}: "
                    f"{md_line(result_words(x.get('result')))}"
                    + (f" ({deviation})" if deviation else "")
                    + (f"; {reason}" if reason else "")
                )
    if c["history"]:
        # One line per event in words, as `factdesk show` and the TUI print it.
        lines += ["", "### History", ""]
        lines += [f"- {md_line(event_line(h))}" for h in c["history"]]
    return "\n".join(lines) + "\n\n"


def summary_markdown(job: ReportJob) -> str:
    """The summary an editor reads first: where the selection stands as a whole."""
    overview = job.overview()
    statuses = ", ".join(f"{s.label} {s.count}" for s in status_counts(overview))
    verdicts = ", ".join(
        f"{md_line(v.label)} {v.count}"
        for v in verdict_counts(overview, job.options.scale)
        if v.count
    )
    lines = [
        "## Summary",
        "",
        f"- **Claims:** {overview.total}; by status: {statuses}",
        f"- **Verdicts:** {verdicts}",
    ]
    rechecked = f"- **Re-checked {recheck_window(overview)}:** {overview.rechecked}"
    if overview.rechecked_ids:
        more = ", …" if overview.rechecked > len(overview.rechecked_ids) else ""
        rechecked += " (claim " + ", ".join(map(str, overview.rechecked_ids)) + more + ")"
    lines.append(rechecked)
    lines.append(f"- **Sources failing:** {overview.failing_count}")
    lines += [
        f"  - {md_link(s.url)}: {md_line(s.health)}"
        + (f" ({md_line(s.reason)})" if s.reason else "")
        for s in overview.failing_sources
    ]
    if overview.failing_count > len(overview.failing_sources):
        lines.append("  - …")
    return "\n".join(lines) + "\n\n"


def write_markdown(job: ReportJob, stream: BinaryIO) -> None:
    out = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    try:
        head = job.header()
        out.write(f"# {md_line(job.options.organisation)}: fact-check report\n\n")
        out.write(f"{job.total} claims, generated {head['generated_at']} by {head['generator']}.\n")
        chosen = filters(job.selection.to_json())
        if chosen:
            out.write("\nSelection: " + "; ".join(f"{n} = {md_line(v)}" for n, v in chosen) + ".\n")
        out.write(
            "\nEvery quotation is the text factdesk extracted from the bytes it fetched; "
            "each source names the SHA-256 of those bytes and when they were fetched.\n\n"
        )
        out.write(summary_markdown(job))
        for page in job.pages():
            for claim in page:
                out.write(claim_markdown(claim))
        out.flush()
    finally:
        out.detach()
