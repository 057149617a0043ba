"""Report exports: Markdown, HTML, CSV, JSON, ClaimReview, PROV, WARC and a bundle.

    export_report(database, ReportFormat.json, ReportSelection(verdict="false"),
                  output=Path("report.json"), options=ReportOptions(organisation=...))
    verify_bundle(Path("bundle.zip"), trusted=trusted_key("SHA256:…")) -> BundleCheck

Every export streams: claims are read a page at a time (:mod:`.selection`)
and written as they come, so memory stays flat whatever the number of
claims. Files appear whole at their path or not at all (:mod:`.output`).
One module per format; the JSON report's schema is
``schema/factdesk-report-2.schema.json`` (version 1's stays for older files).

Two kinds of module, and an import-linter contract keeps them apart: query
functions read the database (:mod:`.selection` the claims page by page,
:mod:`.overview` the whole selection's counts, :mod:`.json_claims` and
:mod:`.sql_json` the JSON report encoded by the database, :mod:`.reading`
how they run); writers (Markdown, HTML, CSV, ClaimReview, PROV, charts,
summary) get plain dicts and counts from them and import no table, no
SQLAlchemy.
"""

from __future__ import annotations

from claims.reports.bundle import BundleCheck, verify_bundle
from claims.reports.context import ReportOptions
from claims.reports.errors import (
    BundleInvalid,
    EmptySelection,
    OutputNotWritable,
    ReportError,
)
from claims.reports.export import ReportFormat, ReportSummary, export_report
from claims.reports.selection import ReportSelection
from claims.reports.signing import (
    BadPublicKey,
    SigningKey,
    SigningKeyError,
    TrustedKey,
    signing_key,
    trusted_key,
)

__all__ = [
    "BadPublicKey",
    "BundleCheck",
    "BundleInvalid",
    "EmptySelection",
    "OutputNotWritable",
    "ReportError",
    "ReportFormat",
    "ReportOptions",
    "ReportSelection",
    "ReportSummary",
    "SigningKey",
    "SigningKeyError",
    "TrustedKey",
    "export_report",
    "signing_key",
    "trusted_key",
    "verify_bundle",
]
