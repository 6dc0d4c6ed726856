from pathlib import Path

import pytest

from her2mine.errors import InputError
from her2mine.settings import DEFAULT_EUTILS_URL, Settings


def test_settings_read_env(monkeypatch):
    monkeypatch.setenv("HER2MINE_EUTILS_URL", "http://127.0.0.1:9/eutils/")
    monkeypatch.setenv("NCBI_API_KEY", "secret-key-123")
    monkeypatch.setenv("HER2MINE_DATA_DIR", "/tmp/x")
    s = Settings.from_env()
    assert s.eutils_url == "http://127.0.0.1:9/eutils/"
    assert s.ncbi_rate == 10.0
    assert s.raw_dir == Path("/tmp/x/raw")
    assert "secret-key-123" not in repr(s)


def test_settings_defaults(monkeypatch):
    for name in ("HER2MINE_EUTILS_URL", "NCBI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    s = Settings.from_env()
    assert s.eutils_url == DEFAULT_EUTILS_URL
    assert s.ncbi_rate == 3.0


NUMERIC_ENV = [
    "HER2MINE_TIMEOUT",
    "HER2MINE_MAX_RETRIES",
    "HER2MINE_CONNECT_TIMEOUT",
    "HER2MINE_BACKOFF_BASE",
    "HER2MINE_BACKOFF_CAP",
    "HER2MINE_NEGATIVE_TTL_DAYS",
    "HER2MINE_MAX_RESPONSE_MB",
    "HER2MINE_REQUEST_DEADLINE",
]


@pytest.mark.parametrize("name", NUMERIC_ENV)
@pytest.mark.parametrize("bad", ["twenty", "-3", "nan"])
def test_bad_numeric_env_names_the_variable(monkeypatch, name, bad):
    monkeypatch.setenv(name, bad)
    with pytest.raises(InputError, match=name) as err:
        Settings.from_env()
    assert repr(bad) in str(err.value)


def test_numeric_env_values_are_read(monkeypatch):
    monkeypatch.setenv("HER2MINE_TIMEOUT", "7.5")
    monkeypatch.setenv("HER2MINE_MAX_RETRIES", "2")
    monkeypatch.setenv("HER2MINE_NEGATIVE_TTL_DAYS", "0")
    monkeypatch.setenv("HER2MINE_MAX_RESPONSE_MB", "1.5")
    monkeypatch.setenv("HER2MINE_REQUEST_DEADLINE", "60")
    s = Settings.from_env()
    assert (s.timeout, s.max_retries, s.negative_ttl_days) == (7.5, 2, 0.0)
    assert s.max_response_bytes == int(1.5 * 1024 * 1024) and s.request_deadline == 60.0


def test_integer_setting_refuses_a_fraction(monkeypatch):
    monkeypatch.setenv("HER2MINE_MAX_RETRIES", "2.5")
    with pytest.raises(InputError, match="HER2MINE_MAX_RETRIES"):
        Settings.from_env()


def test_data_dir_given_as_text_is_a_path():
    s = Settings(data_dir="some/dir")
    assert s.raw_dir == Path("some/dir/raw") and s.processed_dir == Path("some/dir/processed")
    assert Settings().with_(data_dir="x").raw_dir == Path("x/raw")
