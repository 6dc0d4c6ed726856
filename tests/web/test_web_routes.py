"""Route tests of the review web app (FastAPI TestClient on the fixture data set)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner
from web_fixture_data import (
    CLEOPATRA_DOI,
    EMILIA_DOI,
    PHD,
    TDM1,
    evidence_id_of,
    publish_fixture,
)
from web_helpers import csrf_of, make_client

from her2mine.errors import InputError
from her2mine.tables import TableStore
from her2mine.web import check_serve_options


def row_ids(html: str) -> list[str]:
    return re.findall(r'data-evidence-id="([0-9a-f]{16})"', html)


def values_in_order(html: str) -> list[str]:
    return re.findall(r'class="open">([^<\s]+)', html)


def post_decision(client, eid: str, **form) -> object:
    csrf = csrf_of(client.get(f"/evidence/{eid}").text)
    return client.post(
        f"/evidence/{eid}/decision", data={"csrf": csrf, **form}, follow_redirects=False
    )


# -- list, filters, sorting -----------------------------------------------------------------
def test_list_shows_every_row_with_status(client, store):
    r = client.get("/evidence")
    assert r.status_code == 200
    assert sorted(row_ids(r.text)) == sorted(store.read("outcomes").evidence_id)
    assert "17 of 17" in r.text
    assert 'class="badge status-stale">stale<' in r.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"trial": "EMILIA"}, lambda o: o.trial == "EMILIA"),
        ({"endpoint": "OS"}, lambda o: o.endpoint == "OS"),
        ({"measure": "HR"}, lambda o: o.measure == "HR"),
        ({"status": "stale"}, lambda o: o.review_status == "stale"),
        ({"status": "needs-review"}, lambda o: o.review_status.isin(["pending", "stale"])),
        ({"q": "deruxtecan"}, lambda o: o.trial == "DESTINY-Breast03"),
        (
            {"trial": "CLEOPATRA", "measure": "median"},
            lambda o: (o.trial == "CLEOPATRA") & (o.measure == "median"),
        ),
    ],
)
def test_filters(client, store, params, expected):
    o = store.read("outcomes")
    want = set(o[expected(o)].evidence_id)
    assert want, "the filter must select something in the fixture"
    assert set(row_ids(client.get("/evidence", params=params).text)) == want


def test_drug_filter_matches_arms_and_the_trials_hazard_ratios(client, store):
    o = store.read("outcomes")
    got = set(row_ids(client.get("/evidence", params={"drug": "lapatinib"}).text))
    emilia = o[o.trial == "EMILIA"]
    lap_arms = set(emilia[emilia.arm.fillna("").str.contains("lapatinib")].evidence_id)
    hrs = set(emilia[emilia.measure == "HR"].evidence_id)
    assert got == lap_arms | hrs
    assert set(emilia[emilia.arm == TDM1].evidence_id).isdisjoint(got)


def test_sorting_by_value_both_ways_and_bad_sort_ignored(client):
    asc = [float(v) for v in values_in_order(client.get("/evidence?sort=value").text)]
    desc = [float(v) for v in values_in_order(client.get("/evidence?sort=value&order=desc").text)]
    assert asc == sorted(asc) and desc == sorted(desc, reverse=True) and len(asc) == 17
    by_year = client.get("/evidence?sort=year&order=desc").text
    assert by_year.index("2022") < by_year.index("2015") < by_year.index("2012")
    assert client.get("/evidence?sort=drop%20table&order=sideways").status_code == 200


def test_no_results_message(client):
    r = client.get("/evidence", params={"q": "no such words anywhere"})
    assert 'id="no-results"' in r.text and row_ids(r.text) == []


# -- detail ---------------------------------------------------------------------------------
def test_detail_highlights_value_at_offsets_and_links(client, store):
    eid = evidence_id_of(store, "CLEOPATRA", "PFS", "median", PHD)
    r = client.get(f"/evidence/{eid}")
    assert r.status_code == 200
    sentence = r.text.split('id="sentence">')[1].split("</blockquote>")[0]
    # 18.5 (the pertuzumab arm), not 12.4 which comes first in the sentence
    assert re.findall(r'<mark class="value">([^<]*)</mark>', sentence) == ["18.5"]
    abstract = r.text.split('id="abstract">')[1].split("</div>")[0]
    assert '<mark class="sentence">The median progression-free survival was 12.4' in abstract
    assert '<mark class="value">18.5</mark>' in abstract
    assert f'href="https://doi.org/{CLEOPATRA_DOI}"' in r.text
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/22149875/"' in r.text
    same = r.text.split('id="same-work"')[1].split("</table>")[0]
    outcomes = store.read("outcomes")
    others = set(outcomes[outcomes.doi == CLEOPATRA_DOI].evidence_id) - {eid}
    assert set(re.findall(r'href="/evidence/([0-9a-f]{16})"', same)) == others


def test_detail_prev_next_follow_the_filtered_order(client, store):
    ids = row_ids(client.get("/evidence?trial=EMILIA&sort=value").text)
    r = client.get(f"/evidence/{ids[1]}?trial=EMILIA&sort=value")
    assert f'href="/evidence/{ids[0]}?trial=EMILIA&amp;sort=value" id="prev-link"' in r.text
    assert f'href="/evidence/{ids[2]}?trial=EMILIA&amp;sort=value" id="next-link"' in r.text


def test_unknown_and_malformed_ids_are_404_and_400(client):
    assert client.get("/evidence/0123456789abcdef").status_code == 404
    assert client.get("/evidence/<script>").status_code in (400, 404)
    assert client.get("/trials/NOPE").status_code == 404


# -- decisions --------------------------------------------------------------------------------
def test_accept_is_written_to_review_table_and_shown(client, store):
    eid = evidence_id_of(store, "DESTINY-Breast03", "PFS", "HR")
    shown_hash = store.read("outcomes").set_index("evidence_id").loc[eid, "evidence_hash"]
    r = post_decision(client, eid, decision="accepted", evidence_hash=shown_hash, note="ok")
    assert r.status_code == 303 and r.headers["location"].startswith(f"/evidence/{eid}")
    review = store.read("review")
    mine = review[review.evidence_id == eid]
    assert len(mine) == 1
    row = mine.iloc[0]
    assert (row.decision, row.curator, row.note, row.evidence_hash_at_decision) == (
        "accepted",
        "T. Curator",
        "ok",
        shown_hash,
    )
    assert store.read("outcomes").set_index("evidence_id").loc[eid, "review_status"] == "accepted"
    page = client.get(r.headers["location"]).text
    assert "Saved: accepted." in page and 'class="badge status-accepted">accepted<' in page


def test_json_decision_and_correction_with_note(client, store):
    eid = evidence_id_of(store, "EMILIA", "PFS", "median", TDM1)
    csrf = csrf_of(client.get("/evidence").text)
    r = client.post(
        f"/evidence/{eid}/decision",
        data={
            "decision": "corrected",
            "corrected_value": "9.7",
            "corrected_arm": TDM1,
            "note": "typo in the abstract",
        },
        headers={"X-CSRF-Token": csrf, "Accept": "application/json"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["review_status"] == "corrected"
    ev = store.query(f"SELECT * FROM evidence WHERE evidence_id = '{eid}'").iloc[0]
    assert (ev.effective_value, ev.note, ev.curator) == (9.7, "typo in the abstract", "T. Curator")
    assert "→ 9.7" in client.get(f"/evidence/{eid}").text


def test_invalid_correction_is_refused_and_nothing_written(client, store):
    eid = evidence_id_of(store, "EMILIA", "PFS", "HR")
    before = len(store.read("review"))
    r = post_decision(client, eid, decision="corrected", corrected_value="abc")
    assert r.status_code == 400
    assert "is not a number" in r.text and 'value="abc"' in r.text  # form kept
    assert len(store.read("review")) == before


def test_decision_on_text_that_changed_meanwhile_is_stored_stale(client, store):
    eid = evidence_id_of(store, "EMILIA", "OS", "HR")
    csrf = csrf_of(client.get("/evidence").text)
    r = client.post(
        f"/evidence/{eid}/decision",
        data={"decision": "accepted", "evidence_hash": "0000000000000000"},
        headers={"X-CSRF-Token": csrf, "Accept": "application/json"},
    )
    assert r.json()["review_status"] == "stale"
    assert store.read("outcomes").set_index("evidence_id").loc[eid, "review_status"] == "stale"


def test_work_can_be_excluded(client, store):
    works = store.read("works")
    wid = works[works.doi == EMILIA_DOI].work_id.iloc[0]
    csrf = csrf_of(client.get("/works").text)
    r = client.post(
        f"/works/{wid}/decision",
        data={"csrf": csrf, "decision": "rejected"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    review = store.read("review")
    assert review[(review.target == "works") & (review.evidence_id == wid)].decision.tolist() == [
        "rejected"
    ]
    row = client.get("/works").text.split(f'data-work-id="{wid}"')[1].split("</tr>")[0]
    assert "excluded by T. Curator" in row
    # a curator-rejected work leaves the evidence matrix
    matrix = store.read("evidence_matrix")
    assert not matrix[matrix.trial == "EMILIA"].n_values.any()


def test_curator_asked_once_and_kept_in_cookie(data_dir, store):
    client = make_client(data_dir, curator=None)
    eid = evidence_id_of(store, "EMILIA", "PFS", "HR")
    page = client.get(f"/evidence/{eid}").text
    assert "Set curator name" in page and 'data-curator=""' in page
    r = post_decision(client, eid, decision="accepted")
    assert r.status_code == 303 and r.headers["location"].startswith("/curator?next=")
    assert eid not in set(store.read("review").evidence_id)
    csrf = csrf_of(client.get("/curator").text)
    r = client.post(
        "/curator",
        data={"csrf": csrf, "curator": "Dr Zoë <b>", "next": "/evidence"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and "h2m_curator" in r.headers["set-cookie"]
    assert "Dr Zoë &lt;b&gt;" in client.get("/evidence").text
    assert post_decision(client, eid, decision="rejected").status_code == 303
    review = store.read("review")
    assert review[review.evidence_id == eid].curator.tolist() == ["Dr Zoë <b>"]


def test_redirect_target_must_be_local(client, store):
    eid = evidence_id_of(store, "EMILIA", "PFS", "HR")
    r = post_decision(client, eid, decision="accepted", next="//evil.example/x")
    assert r.headers["location"].startswith(f"/evidence/{eid}")


# -- stale ------------------------------------------------------------------------------------
def test_stale_decision_shown_until_re_reviewed(client, store):
    eid = evidence_id_of(store, "EMILIA", "OS", "median", TDM1)
    listing = client.get("/evidence").text
    assert "1 decision needs re-review" in listing
    assert row_ids(client.get("/evidence?status=stale").text) == [eid]
    detail = client.get(f"/evidence/{eid}").text
    assert 'id="stale-note"' in detail and "B. Reviewer" in detail
    assert "lapatinib plus capecitabine (hazard" in detail  # the refreshed sentence
    post_decision(client, eid, decision="accepted")
    listing = client.get("/evidence").text
    assert "needs re-review" not in listing and 'id="stale-banner"' not in listing


def test_refresh_makes_an_accepted_row_stale(client, store):
    eid = evidence_id_of(store, "DESTINY-Breast03", "PFS", "HR")
    post_decision(client, eid, decision="accepted")
    from web_fixture_data import EMILIA_OS_V2, works_and_extractions  # noqa: F401

    works, ex = works_and_extractions(emilia_os=EMILIA_OS_V2)
    db = ex["35320644"]
    db.outcomes[2].p = "<0.0001"
    from her2mine.tables import build_tables, publish

    publish(store, build_tables([], works, ex))
    assert row_ids(client.get("/evidence?status=stale").text).count(eid) == 1
    assert "2 decisions need re-review" in client.get("/evidence").text


# -- trial, works, forest ---------------------------------------------------------------------
def test_trial_page_puts_works_side_by_side(client):
    r = client.get("/trials/CLEOPATRA")
    assert r.status_code == 200
    head = r.text.split('id="trial-grid"')[1].split("</thead>")[0]
    assert head.index("Baselga 2012") < head.index("Swain 2015")
    os_hr = [row for row in r.text.split("<tr>") if "<td>OS</td><td>HR</td>" in row][0]
    cells = re.findall(r'<td class="cell">(.*?)</td>', os_hr, re.S)
    assert len(cells) == 2 and "0.64" in cells[0] and "0.68" in cells[1]
    arms = r.text.split('id="trial-arms">')[1].split("</dd>")[0]
    assert PHD in arms and "docetaxel+trastuzumab" in arms
    assert "<svg" in r.text  # its hazard ratios


def test_trials_index(client):
    r = client.get("/trials")
    for t in ("CLEOPATRA", "EMILIA", "DESTINY-Breast03"):
        assert f'href="/trials/{t}"' in r.text


def test_works_page_flags(client):
    r = client.get("/works")
    rows = {
        m.group(1): m.group(0)
        for m in re.finditer(r'<tr data-work-id="(\w+)".*?</tr>', r.text, re.S)
    }
    assert len(rows) == 5
    retracted = [v for v in rows.values() if "single-centre cohort" in v][0]
    assert "Retracted</span>" in retracted and "RetractionIn" in retracted
    emilia = [v for v in rows.values() if "Trastuzumab emtansine for HER2" in v][0]
    assert "Erratum</span>" in emilia and "Retracted</span>" not in emilia
    assert "PMID 23782186" in emilia
    flagged = client.get("/works?flagged=1").text
    assert len(re.findall(r"<tr data-work-id=", flagged)) == 2


def test_forest_svg_has_log_axis_reference_line_and_one_row_per_hr(client, store):
    r = client.get("/forest")
    svg = r.text.split("<svg")[1].split("</svg>")[0]
    hr = store.query("SELECT * FROM hr_forest")
    assert len(hr) == 6  # the retracted cohort's HR is left out
    assert svg.count('class="forest-row') == len(hr)
    assert "single-centre" not in svg and "0.45" not in svg
    ref = float(re.search(r'<line class="ref" x1="([\d.]+)"', svg).group(1))
    ticks = {
        lab: float(x)
        for x, lab in re.findall(r'class="tick-label" x="([\d.]+)"[^>]*>([\d.]+)<', svg)
    }
    assert ticks["1"] == ref
    # log scale: 0.5 and 2 (if both shown) or 0.2 and 0.5 spacing ratios
    assert ticks["0.5"] - ticks["0.2"] == pytest.approx(
        (ticks["1"] - ticks["0.5"]) * (0.916290731874155 / 0.6931471805599453), rel=1e-3
    )
    for label in (
        "CLEOPATRA · PFS",
        "EMILIA · OS",
        "DESTINY-Breast03 · PFS",
        "Baselga 2012",
        "Swain 2015",
        "0.28 (0.22–0.37)",
    ):
        assert label in svg
    assert re.search(r'<a href="/evidence/[0-9a-f]{16}" class="forest-row status-accepted">', svg)


def test_forest_filters_and_rejected_rows_leave_the_plot(client, store):
    svg = client.get("/forest?trial=EMILIA&endpoint=PFS").text
    assert svg.count('class="forest-row') == 1
    eid = evidence_id_of(store, "EMILIA", "PFS", "HR")
    post_decision(client, eid, decision="rejected")
    assert "No hazard ratios match." in client.get("/forest?trial=EMILIA&endpoint=PFS").text


# -- safety -----------------------------------------------------------------------------------
def test_post_without_or_with_wrong_csrf_is_refused(client, store):
    eid = evidence_id_of(store, "EMILIA", "PFS", "HR")
    client.get("/evidence")  # has a session cookie now
    before = len(store.read("review"))
    for data in ({"decision": "accepted"}, {"decision": "accepted", "csrf": "0" * 64}):
        r = client.post(f"/evidence/{eid}/decision", data=data, follow_redirects=False)
        assert r.status_code == 403 and "CSRF" in r.text
    r = client.post("/curator", data={"curator": "x"}, follow_redirects=False)
    assert r.status_code == 403
    assert len(store.read("review")) == before


def test_csrf_token_is_bound_to_the_session(data_dir, store):
    a, b = make_client(data_dir), make_client(data_dir)
    token_a = csrf_of(a.get("/evidence").text)
    b.get("/evidence")
    eid = evidence_id_of(store, "EMILIA", "PFS", "HR")
    r = b.post(
        f"/evidence/{eid}/decision",
        data={"csrf": token_a, "decision": "accepted"},
        follow_redirects=False,
    )
    assert r.status_code == 403


def test_cross_origin_posts_refused_even_with_token(client, store):
    eid = evidence_id_of(store, "EMILIA", "PFS", "HR")
    csrf = csrf_of(client.get("/evidence").text)
    url, data = f"/evidence/{eid}/decision", {"csrf": csrf, "decision": "accepted"}
    for headers in (
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
    ):
        assert client.post(url, data=data, headers=headers).status_code == 403
    assert len(store.read("review")) == 2
    ok = client.post(url, data=data, headers={"Origin": "http://127.0.0.1"}, follow_redirects=False)
    assert ok.status_code == 303


def test_foreign_host_header_refused_when_local(client):
    assert client.get("/evidence", headers={"Host": "evil.example"}).status_code == 403
    assert client.get("/evidence", headers={"Host": "localhost:8765"}).status_code == 200


def test_token_required_for_non_local_host(data_dir):
    with pytest.raises(InputError, match="without a token"):
        check_serve_options("0.0.0.0", None)
    check_serve_options("127.0.0.1", None)
    check_serve_options("::1", None)
    client = make_client(data_dir, host="0.0.0.0", token="s3cret-token-1")
    assert client.get("/evidence").status_code == 401
    assert client.get("/static/style.css").status_code == 401
    assert client.get("/login?token=wrong").status_code == 401
    r = client.get("/login?token=s3cret-token-1", follow_redirects=False)
    assert r.status_code == 303 and "h2m_token=" in r.headers["set-cookie"]
    assert client.get("/evidence", headers={"Host": "review.lab.example"}).status_code == 200
    other = make_client(data_dir, host="0.0.0.0", token="s3cret-token-1")
    assert other.get("/evidence", headers={"X-Her2mine-Token": "s3cret-token-1"}).status_code == 200
    assert other.get("/evidence", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_serve_command_refuses_public_host_without_token(monkeypatch, tmp_path):
    from her2mine.cli import app

    monkeypatch.delenv("HER2MINE_WEB_TOKEN", raising=False)
    r = CliRunner().invoke(app, ["review", "serve", "--host", "0.0.0.0", "--dir", str(tmp_path)])
    assert r.exit_code == 1
    assert "without a token" in r.output and "Traceback" not in r.output


def test_security_headers(client):
    r = client.get("/evidence")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    assert "HttpOnly" in r.headers["set-cookie"]


def test_everything_is_escaped(tmp_path):
    evil = 'Trial <script>alert("x")</script> & <img src=x onerror=alert(1)>'
    store = TableStore(tmp_path / "evil")
    publish_fixture(store, evil_title=evil)
    eid = evidence_id_of(store, "CLEOPATRA", "PFS", "HR", doi=CLEOPATRA_DOI)
    client = make_client(store.out_dir, curator="<b>curator</b>")
    csrf = csrf_of(client.get("/evidence").text)
    client.post(
        f"/evidence/{eid}/decision",
        data={"csrf": csrf, "decision": "accepted", "note": "<script>bad()</script>"},
    )
    for url in (
        "/evidence",
        f"/evidence/{eid}",
        "/works",
        "/trials/CLEOPATRA",
        "/forest",
        "/evidence?q=%3Cscript%3E",
    ):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "<script>bad" not in html and "<b>curator" not in html, url
    detail = client.get(f"/evidence/{eid}").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in detail
    assert "&lt;script&gt;bad()&lt;/script&gt;" in detail
