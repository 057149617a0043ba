"""Where factdesk's settings come from, in order of precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.settings import Settings, data_dir


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("FACTDESK_DATABASE_URL", "FACTDESK_REVIEWER", "FACTDESK_ALLOW_PRIVATE_NETWORKS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FACTDESK_CONFIG", str(tmp_path / "absent.toml"))


def test_default_database_is_sqlite_in_the_user_data_dir() -> None:
    settings = Settings()
    assert settings.is_default_database
    url = settings.resolved_database_url()
    assert url.startswith("sqlite:///")
    assert url.endswith(str(data_dir() / "factdesk.sqlite3"))
    assert settings.fetch_policy().allow_private_networks is False


def test_file_then_environment_then_options(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'database_url = "sqlite:///from-file.db"\nreviewer = "file"\n'
        '[fetch]\ntotal_timeout = 7\n\n[[ratings]]\nkey = "ok"\nlabel = "OK"\nvalue = 1\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FACTDESK_CONFIG", str(config))
    from_file = Settings()
    assert from_file.resolved_database_url() == "sqlite:///from-file.db"
    assert from_file.fetch_policy().total_timeout == 7
    assert [r.key for r in from_file.rating_scale()] == ["ok"]
    monkeypatch.setenv("FACTDESK_REVIEWER", "env")
    monkeypatch.setenv("FACTDESK_FETCH__TOTAL_TIMEOUT", "9")
    from_env = Settings()
    assert from_env.reviewer_name() == "env"
    assert from_env.fetch_policy().total_timeout == 9
    from_options = Settings(database_url="sqlite:///option.db")
    assert from_options.resolved_database_url() == "sqlite:///option.db"


def test_reviewer_defaults_to_the_operating_system_user() -> None:
    import getpass

    assert Settings().reviewer_name() == getpass.getuser()
