"""Who publishes the fact checks: ClaimReview's ``author`` and each review's ``url``.

Google reads a ClaimReview only when it names the organisation that published
the check (a name and a site) and the page where a reader finds it. factdesk
cannot guess either: a report made without them would carry placeholder
values that look valid and are not, so :func:`make_publisher` refuses, naming
the setting to give (``[publisher]`` in the config file, ``FACTDESK_PUBLISHER__*``
or the ``--publisher-*`` and ``--claim-url`` options).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claims.reports.errors import PublisherInvalid, PublisherMissing
from claims.reports.text import is_web_link

CLAIM_ID = "{id}"
"""Where a claim URL template takes the claim's id."""

HOW_TO_SET = (
    "set name, url and claim_url under [publisher] in the config file "
    "(or FACTDESK_PUBLISHER__NAME / __URL / __CLAIM_URL, or --publisher-name, "
    '--publisher-url and --claim-url "https://desk.example/checks/{id}")'
)


@dataclass(frozen=True)
class Publisher:
    """The fact-checking organisation as ClaimReview names it."""

    name: str
    url: str
    """Its site, e.g. https://desk.example/."""
    claim_url: str
    """Where each check is read, with ``{id}`` for the claim's id."""
    logo: str | None = None

    def review_url(self, claim_id: int) -> str:
        return self.claim_url.replace(CLAIM_ID, str(claim_id))

    def organization(self) -> dict[str, Any]:
        """schema.org Organization: ClaimReview's ``author``."""
        org: dict[str, Any] = {"@type": "Organization", "name": self.name, "url": self.url}
        if self.logo:
            org["logo"] = {"@type": "ImageObject", "url": self.logo}
        return org


def make_publisher(
    *,
    name: str | None,
    url: str | None,
    claim_url: str | None,
    logo: str | None = None,
    publish_url: str | None = None,
) -> Publisher:
    """A checked :class:`Publisher`; ``publish_url`` (the report's own address) stands
    for a claim URL template of its anchors (``URL#claim-{id}``).

    Raises :class:`PublisherMissing` when a part is not given and
    :class:`PublisherInvalid` when one is not a web address.
    """
    if not claim_url and publish_url:
        claim_url = f"{publish_url.split('#', 1)[0]}#claim-{CLAIM_ID}"
    missing = [
        label
        for label, value in (("name", name), ("url", url), ("claim_url", claim_url))
        if not (value and value.strip())
    ]
    if missing:
        raise PublisherMissing(
            f"ClaimReview needs the publisher's {', '.join(missing)}: {HOW_TO_SET}"
        )
    assert name
    assert url
    assert claim_url
    for label, value in (("url", url), ("claim_url", claim_url), ("logo", logo)):
        if value is not None and not is_web_link(value.replace(CLAIM_ID, "0")):
            raise PublisherInvalid(
                f"publisher {label} {value!r} is not an http(s) address; "
                "give one such as https://desk.example/"
            )
    if CLAIM_ID not in claim_url:
        raise PublisherInvalid(
            f"publisher claim_url {claim_url!r} has no {CLAIM_ID}: each claim needs its own "
            'address; give e.g. "https://desk.example/checks/{id}"'
        )
    return Publisher(name=name.strip(), url=url.strip(), claim_url=claim_url.strip(), logo=logo)
