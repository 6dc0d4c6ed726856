"""End-to-end: the real server (uvicorn, background thread) driven by Debian's Chromium.

Playwright's own browser download does not work here; the tests use /usr/bin/chromium and are
skipped (with the reason) only when it is missing. Screenshots of every page are written to
test-artifacts/screenshots/ (gitignored).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_fixture_data import TDM1, evidence_id_of
from web_helpers import SCREENSHOTS

from her2mine.tables import TableStore
from her2mine.web import WebConfig, create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# CI sets HER2MINE_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
if not CHROMIUM.exists() and os.environ.get("HER2MINE_REQUIRE_BROWSER") == "1":
    raise RuntimeError("/usr/bin/chromium is required (HER2MINE_REQUIRE_BROWSER=1)")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium not installed (apt-get install -y chromium)",
    ),
]


class LiveServer:
    """uvicorn on 127.0.0.1 and a free port, in a daemon thread."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = uvicorn.Server(
            uvicorn.Config(app, log_level="warning", lifespan="off", server_header=False)
        )
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("web server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def live(data_dir: Path) -> Iterator[LiveServer]:
    with LiveServer(create_app(WebConfig(data_dir=data_dir))) as server:
        yield server


@pytest.fixture
def page(browser, live):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=live.url)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield pg
    context.close()
    assert errors == [], f"browser errors: {errors}"


def shot(pg, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_filter_open_accept_with_keyboard_and_persist(page, store: TableStore):
    from playwright.sync_api import expect

    # The curator is asked once and kept in a cookie.
    page.goto("/evidence")
    page.fill("#curator-inline", "E2E Curator")
    page.click(".inline-curator button")
    expect(page.locator("#curator-name")).to_have_text("E2E Curator")
    shot(page, "list")

    # Filter: EMILIA, median.
    page.select_option("#filter-trial", "EMILIA")
    page.select_option("#filter-measure", "median")
    page.click("#apply-filters")
    expect(page.locator("tr[data-evidence-id]")).to_have_count(4)
    expect(page.locator("#result-count")).to_contain_text("4 of 17")

    # Open the T-DM1 PFS median (9.6) and accept it with the keyboard.
    eid = evidence_id_of(store, "EMILIA", "PFS", "median", TDM1)
    page.click(f'tr[data-evidence-id="{eid}"] a.open')
    expect(page.locator("#sentence mark.value")).to_have_text("9.6")
    expect(page.locator("#abstract mark.value")).to_have_text("9.6")
    shot(page, "detail")
    page.locator("body").press("a")
    expect(page.locator("#message")).to_have_text("Saved: accepted.")
    page.reload()
    expect(page.locator("#detail-status .badge")).to_have_text("accepted")
    expect(page.locator("#current-decision")).to_contain_text("E2E Curator")

    review = store.read("review")
    row = review[review.evidence_id == eid].iloc[0]
    assert (row.decision, row.curator, bool(row.is_current)) == ("accepted", "E2E Curator", True)
    assert store.read("outcomes").set_index("evidence_id").loc[eid, "review_status"] == "accepted"

    # j goes to the next item of the filtered list; the list shows the decision.
    page.locator("body").press("j")
    expect(page).not_to_have_url(f"/evidence/{eid}")
    page.locator("body").press("u")
    expect(page.locator(f'tr[data-evidence-id="{eid}"] .badge')).to_have_text("accepted")


def test_list_keyboard_review_in_place(page, store: TableStore):
    from playwright.sync_api import expect

    page.goto("/curator")
    page.fill("#curator", "Keys Curator")
    page.click("button[type=submit]")
    page.goto("/evidence?trial=DESTINY-Breast03&sort=value")
    rows = page.locator("tr[data-evidence-id]")
    expect(rows).to_have_count(3)
    ids = [rows.nth(i).get_attribute("data-evidence-id") for i in range(3)]
    body = page.locator("body")
    body.press("a")  # first row (lowest value: HR 0.28) accepted, selection moves down
    expect(rows.nth(0).locator(".badge")).to_have_text("accepted")
    expect(rows.nth(1)).to_have_class("row-pending selected")
    body.press("j")
    body.press("r")  # third row rejected
    expect(rows.nth(2).locator(".badge")).to_have_text("rejected")
    page.reload()
    expect(rows.nth(0).locator(".badge")).to_have_text("accepted")
    expect(rows.nth(2).locator(".badge")).to_have_text("rejected")
    status = store.read("outcomes").set_index("evidence_id").review_status
    assert [status[i] for i in ids] == ["accepted", "pending", "rejected"]
    curators = set(store.read("review").query("curator == 'Keys Curator'").evidence_id)
    assert curators == {ids[0], ids[2]}


def test_correct_with_button_and_screens_of_other_pages(page, store: TableStore):
    from playwright.sync_api import expect

    page.goto("/curator")
    page.fill("#curator", "Fix Curator")
    page.click("button[type=submit]")
    eid = evidence_id_of(store, "CLEOPATRA", "OS", "HR", doi="10.1056/nejmoa1413513")
    page.goto(f"/evidence/{eid}")
    page.fill("#corrected_value", "0.69")
    page.fill("#note", "final analysis table says 0.69")
    page.click("#correct-btn")
    expect(page.locator("#detail-status .badge")).to_have_text("corrected")
    expect(page.locator(".big-value .corrected-to")).to_contain_text("0.69")
    row = store.query(f"SELECT * FROM evidence WHERE evidence_id = '{eid}'").iloc[0]
    assert (row.effective_value, row.curator) == (0.69, "Fix Curator")

    page.goto("/trials/CLEOPATRA")
    expect(page.locator("#trial-grid")).to_contain_text("Swain 2015")
    shot(page, "trial")
    page.goto("/works")
    expect(page.locator(".flag.retracted")).to_have_count(1)
    shot(page, "works")
    page.goto("/forest")
    expect(page.locator("svg.forest a.forest-row")).to_have_count(6)
    expect(page.locator("svg.forest")).to_contain_text("0.69")  # the correction is plotted
    shot(page, "forest")
    page.goto("/evidence?status=stale")
    expect(page.locator("#stale-banner")).to_contain_text("1 decision needs re-review")
    shot(page, "stale")
    page.click("tr[data-evidence-id] a.open")
    expect(page.locator("#stale-note")).to_contain_text("B. Reviewer")
    shot(page, "detail-stale")
