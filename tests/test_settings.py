from pathlib import Path

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
