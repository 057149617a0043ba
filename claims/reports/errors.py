"""Errors of report exports and bundle verification.

claims.errors.ClaimError
 └── ReportError              every failure of an export or a verification
      ├── EmptySelection      the filters match no claim: nothing is written
      ├── OutputNotWritable   the target path cannot be written
      ├── PublisherMissing    ClaimReview asked for without a publisher (name, url, claim URL)
      ├── PublisherInvalid    a publisher address that is not http(s), a claim URL without {id}
      ├── BundleInvalid       a bundle cannot be verified safely (zip, schema, damage)
      ├── SigningKeyError     the signing key cannot be read or created (signing.py)
      └── BadPublicKey        a --key that is no public key or fingerprint (signing.py)
"""

from __future__ import annotations

from claims.errors import ClaimError


class ReportError(ClaimError):
    """Base of every report and bundle failure."""


class EmptySelection(ReportError):
    """No claim matches the filters; no file is written."""


class OutputNotWritable(ReportError):
    """The output path cannot be created or replaced."""


class BundleInvalid(ReportError):
    """A bundle is not what its manifest and archive say it is."""


class PublisherMissing(ReportError):
    """ClaimReview needs the publishing organisation and a claim URL; none were set."""


class PublisherInvalid(ReportError):
    """A publisher setting that cannot go into ClaimReview (not a web address…)."""
