"""factdesk's settings: typed, documented, in one place.

Read, in order of precedence: command-line options, ``FACTDESK_*`` environment
variables, the TOML file at ``FACTDESK_CONFIG`` or ``<user config dir>/factdesk/
config.toml``, then the defaults below. Nested sections read from env as
``FACTDESK_FETCH__TOTAL_TIMEOUT=30``.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_config_path, user_data_path
from pydantic import BaseModel, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from claims.review.ratings import DEFAULT_RATINGS, Rating, RatingScale
from db.urls import sqlite_url

if TYPE_CHECKING:
    from claims.reports.publisher import Publisher
    from sources.fetching import FetchPolicy
    from sources.refresh import RefreshPolicy

APP_NAME = "factdesk"


def data_dir() -> Path:
    """Where the embedded database lives (platform's user data directory)."""
    return user_data_path(APP_NAME, appauthor=False)


def config_file() -> Path:
    override = os.environ.get("FACTDESK_CONFIG")
    if override:
        return Path(override)
    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


class FetchSettings(BaseModel):
    """Limits of every fetch (see sources.fetching.FetchPolicy)."""

    connect_timeout: float = 10.0
    """Seconds to open a connection."""
    read_timeout: float = 20.0
    """Seconds to wait for the next bytes from a server."""
    total_timeout: float = 60.0
    """Seconds for a whole fetch, redirects and body included."""
    max_redirects: int = 10
    """Redirects followed before giving up."""
    max_body_mib: float = 20.0
    """Cap on a body, compressed and decompressed, in MiB."""

    def policy(self, *, allow_private_networks: bool) -> FetchPolicy:
        # Here, not at the top: the fetcher brings httpx, which opening the
        # queue does not need.
        from sources.fetching import FetchPolicy

        cap = int(self.max_body_mib * 1024 * 1024)
        return FetchPolicy(
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            total_timeout=self.total_timeout,
            max_redirects=self.max_redirects,
            max_wire_bytes=cap,
            max_body_bytes=cap,
            allow_private_networks=allow_private_networks,
        )


class RefreshSettings(BaseModel):
    """The refresh job's policy (see sources.refresh.RefreshPolicy): one policy
    for cron, ``refresh --watch`` and the TUI's refresh. ``[refresh]`` in the
    config file, ``FACTDESK_REFRESH__CONCURRENCY=4`` in the environment."""

    gone_after: int = Field(default=3, ge=1)
    """404/410 answers in a row before a source is marked gone."""
    backoff_base: float = Field(default=300.0, gt=0)
    """Seconds before the first retry of a failing source; doubled at each failure."""
    backoff_max: float = Field(default=86_400.0, gt=0)
    """Longest wait between checks of a failing source (a longer Retry-After is cut to it)."""
    robots_backoff_base: float = Field(default=900.0, gt=0)
    """Seconds before checking again a site whose robots.txt could not be read; doubled."""
    robots_backoff_max: float = Field(default=21_600.0, gt=0)
    """Longest wait while a site's robots.txt stays unreadable."""
    jitter: float = Field(default=0.1, ge=0, lt=1)
    """Share of a source's interval its next check may move by, at random."""
    retries: int = Field(default=2, ge=0)
    """Extra attempts within one check, for transient errors (timeouts, 429, 5xx)."""
    concurrency: int = Field(default=8, ge=1, le=256)
    """Sources fetched at once, over all sites."""
    per_host: int = Field(default=2, ge=1)
    """Requests in flight at once to one site (origin: scheme, host, port)."""
    host_delay: float = Field(default=1.0, ge=0)
    """Seconds between the starts of two requests to one site."""
    max_crawl_delay: float = Field(default=60.0, ge=0)
    """Longest robots.txt Crawl-delay obeyed, in seconds."""
    obey_robots: bool = True
    """Obey robots.txt (sources can still be overridden one by one)."""

    def policy(self, **overrides: float) -> RefreshPolicy:
        # Here, not at the top: the refresh package brings SQLAlchemy.
        from sources.refresh import RefreshPolicy

        return RefreshPolicy(**{**self.model_dump(), **overrides})


class RatingSetting(BaseModel):
    """One step of the organisation's rating scale."""

    key: str
    """Short name typed on the command line, e.g. "mostly-false"."""
    label: str
    """Name shown to readers, e.g. "Mostly false"."""
    value: int | None = None
    """ClaimReview ratingValue; None for ratings off the numeric scale."""


class TuiSettings(BaseModel):
    """The terminal app (``factdesk`` with no command)."""

    bindings: dict[str, str] = Field(default_factory=dict)
    """Key remaps, binding id -> keys (comma-separated for several), e.g.
    ``[tui.bindings]`` ``"claim.verdict" = "V"``; the help screen (F1) lists the ids."""
    page_size: int = Field(default=200, ge=10, le=5000)
    """Claims per page of the queue."""


class PublisherSettings(BaseModel):
    """The organisation that publishes the fact checks (ClaimReview's author).

    ``report --format claimreview`` needs name, url and claim_url (or the
    ``--publisher-*`` and ``--claim-url`` options) and refuses without them."""

    name: str | None = None
    """The organisation's name; default: ``organisation`` when that is set."""
    url: str | None = None
    """Its web site, e.g. https://desk.example/."""
    logo: str | None = None
    """Address of its logo (optional)."""
    claim_url: str | None = None
    """Where each check is published, ``{id}`` standing for the claim's id, e.g.
    https://desk.example/checks/{id}."""


def _default_ratings() -> list[RatingSetting]:
    return [RatingSetting(key=r.key, label=r.label, value=r.value) for r in DEFAULT_RATINGS]


class Settings(BaseSettings):
    """Everything a user can configure."""

    model_config = SettingsConfigDict(
        env_prefix="FACTDESK_", env_nested_delimiter="__", extra="ignore"
    )

    database_url: str | None = None
    """Database URL (sqlite:///… or postgresql://…); default: a SQLite file in the
    user data directory."""
    demo: bool = False
    """Use the demo database (a SQLite file of its own beside the default one), so
    that the demo corpus never mixes with real work. Ignored when a database URL
    is given."""
    allow_private_networks: bool = False
    """Let the fetcher reach loopback and private addresses (tests, intranets)."""
    reviewer: str | None = None
    """Who is reviewing; default: the operating-system user."""
    organisation: str = "factdesk"
    """Name of the fact-checking organisation, for reports and ClaimReview."""
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    publisher: PublisherSettings = Field(default_factory=PublisherSettings)
    """Who publishes the checks, for ClaimReview (``[publisher]``)."""

    refresh: RefreshSettings = Field(default_factory=RefreshSettings)
    """The refresh job's schedule, thresholds and politeness."""
    ratings: list[RatingSetting] = Field(default_factory=_default_ratings)
    """The rating scale, best first (maps to ClaimReview's reviewRating)."""
    tui: TuiSettings = Field(default_factory=TuiSettings)
    """The terminal app: key bindings and paging."""
    signing_key: Path | None = None
    """Ed25519 private key (PEM) that signs report bundles; default:
    ``bundle-signing-key.pem`` in the user data directory, created on first use.
    Point every machine of an organisation at one key to sign as one."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_file())
        return (init_settings, env_settings, toml)

    @property
    def is_default_database(self) -> bool:
        return self.database_url is None

    @property
    def is_demo_database(self) -> bool:
        return self.demo and self.database_url is None

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        name = "demo.sqlite3" if self.demo else "factdesk.sqlite3"
        return sqlite_url(data_dir() / name)

    def signing_key_path(self) -> Path:
        return self.signing_key or data_dir() / "bundle-signing-key.pem"

    def fetch_policy(self) -> FetchPolicy:
        return self.fetch.policy(allow_private_networks=self.allow_private_networks)

    def publisher_name(self) -> str | None:
        """``publisher.name``, else ``organisation`` if one was configured: the
        built-in "factdesk" names no organisation a reader could check."""
        if self.publisher.name:
            return self.publisher.name
        return self.organisation if "organisation" in self.model_fields_set else None

    def report_publisher(self) -> Publisher | None:
        """The configured publisher, or None when a part is missing (then no
        ClaimReview: :func:`claims.reports.publisher.make_publisher` says why)."""
        from claims.reports.errors import PublisherMissing
        from claims.reports.publisher import make_publisher

        try:
            return make_publisher(
                name=self.publisher_name(),
                url=self.publisher.url,
                claim_url=self.publisher.claim_url,
                logo=self.publisher.logo,
            )
        except PublisherMissing:
            return None

    def refresh_policy(self, **overrides: float) -> RefreshPolicy:
        """The refresh policy of the settings, with command-line ``overrides``."""
        return self.refresh.policy(**overrides)

    def reviewer_name(self) -> str:
        return self.reviewer or getpass.getuser()

    def rating_scale(self) -> RatingScale:
        return RatingScale.of(Rating(r.key, r.label, r.value) for r in self.ratings)
