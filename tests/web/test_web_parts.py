"""Pure parts of the web app: value highlighting, forest geometry, query parsing, guards."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from her2mine.web.app import safe_next
from her2mine.web.config import WebConfig
from her2mine.web.data import EvidenceQuery, filter_evidence, neighbours, sort_evidence, work_label
from her2mine.web.forest import ForestInput, forest_layout
from her2mine.web.highlight import abstract_segments, locate_value, sentence_segments
from her2mine.web.security import csrf_token, host_allowed, host_name, same_origin

TITLE = "A trial"
S = "Median PFS was 12.4 versus 18.5 months (HR 0.62)."
ABSTRACT = "Background text. " + S + " Conclusion."


def test_locate_value_with_document_offsets():
    doc = TITLE + "\n\n" + ABSTRACT
    start = doc.index("18.5")
    loc = locate_value(S, start, start + 4, 18.5, TITLE, ABSTRACT)
    assert loc.how == "document" and S[slice(*loc.span)] == "18.5"


def test_locate_value_with_sentence_offsets_and_search_fallback():
    i = S.index("0.62")
    assert locate_value(S, i, i + 4, 0.62).how == "sentence"
    # offsets pointing nowhere useful: the value is searched
    loc = locate_value(S, 500, 504, 18.5, TITLE, ABSTRACT)
    assert loc.how == "search" and S[slice(*loc.span)] == "18.5"
    assert locate_value(S, None, None, 99.0).span is None


def test_sentence_offsets_not_taken_when_they_point_at_other_text():
    # offsets 0..4 of the sentence are "Medi": not the value, so the value is searched instead
    loc = locate_value(S, 0, 4, 12.4)
    assert loc.how == "search" and S[slice(*loc.span)] == "12.4"


def test_segments():
    span = (S.index("18.5"), S.index("18.5") + 4)
    segs = sentence_segments(S, span)
    assert "".join(t for t, _ in segs) == S
    assert [t for t, c in segs if c == "value"] == ["18.5"]
    a = abstract_segments(ABSTRACT, S, span)
    assert "".join(t for t, _ in a) == ABSTRACT
    assert [c for _, c in a] == [None, "sentence", "value", "sentence", None]
    assert abstract_segments(ABSTRACT, "not there", None) == [(ABSTRACT, None)]
    assert abstract_segments(None, S, span) == []


def _fi(hr, lo, hi, trial="T", endpoint="PFS"):
    return ForestInput(trial, endpoint, hr, lo, hi, "w", "/evidence/x", "pending")


def test_forest_is_log_scaled_around_one():
    lay = forest_layout([_fi(0.5, 0.25, 1.0), _fi(2.0, 1.0, 4.0)])
    a, b = lay.rows
    assert lay.ref_x - a.x == pytest.approx(b.x - lay.ref_x, abs=0.02)  # 0.5 and 2: same distance
    assert a.x_hi == pytest.approx(lay.ref_x) and b.x_lo == pytest.approx(lay.ref_x)
    ticks = dict((label, x) for x, label in lay.ticks)
    assert ticks["1"] == pytest.approx(lay.ref_x)
    assert lay.plot_left <= min(x for x, _ in lay.ticks) and max(x for x, _ in lay.ticks) <= (
        lay.plot_right
    )
    assert a.estimate == "0.5 (0.25–1)"


def test_forest_groups_and_clipping():
    lay = forest_layout(
        [_fi(0.6, 0.005, 0.9, "A"), _fi(0.7, None, None, "A", "OS"), _fi(1.2, 0.9, 500, "B")]
    )
    assert [g for _, g in lay.groups] == ["A · PFS", "A · OS", "B · PFS"]
    first, second, third = lay.rows
    assert first.clipped_lo and first.x_lo == lay.plot_left
    assert third.clipped_hi and third.x_hi == lay.plot_right
    assert second.x_lo is None and second.estimate == "0.7"
    ys = [r.y for r in lay.rows]
    assert ys == sorted(ys) and lay.height > ys[-1]


def test_query_from_params_rejects_bad_values():
    q = EvidenceQuery.from_params(
        {"sort": "evil", "order": "x", "page": "-3", "status": "nope", "trial": " EMILIA "}
    )
    assert (q.sort, q.order, q.page, q.status, q.trial) == ("trial", "asc", 1, "", "EMILIA")
    assert q.params(page=2) == {"trial": "EMILIA", "page": "2"}


def test_filter_sort_and_neighbours_on_a_frame():
    ev = pd.DataFrame(
        {
            "evidence_id": ["a", "b", "c"],
            "work_id": ["w", "w", "v"],
            "trial": ["T1", "T1", None],
            "endpoint": ["PFS", "OS", "OS"],
            "effective_endpoint": ["PFS", "OS", "OS"],
            "measure": ["HR", "median", "median"],
            "arm": [None, "x+y", "z"],
            "effective_arm": [None, "x+y", "z"],
            "effective_value": [0.7, 20.0, math.nan],
            "review_status": ["pending", "accepted", "stale"],
            "year": [2012, 2015, 2020],
            "ordinal": [0, 0, 0],
            "title": ["t", "t", "u"],
            "sentence": ["s1", "s2", "Has DRUG z"],
            "doi": [None, None, None],
            "pmid": ["1", "1", "2"],
            "note": [None, None, None],
        }
    )
    f = lambda **kw: list(filter_evidence(ev, EvidenceQuery(**kw), {"T1": {"y"}}).evidence_id)  # noqa: E731
    assert f(drug="y") == ["a", "b"]  # "a" is the trial's HR (no arm)
    assert f(drug="z") == ["c"]
    assert f(status="needs-review") == ["a", "c"]
    assert f(q="drug z") == ["c"]
    assert list(sort_evidence(ev, "value", "desc").evidence_id) == ["b", "a", "c"]  # NaN last
    assert neighbours(["a", "b", "c"], "b") == ("a", "c")
    assert neighbours(["a", "b"], "a") == (None, "b") and neighbours(["a"], "q") == (None, None)


def test_work_label():
    assert work_label({"authors": ["Baselga, J."], "year": 2012}) == "Baselga 2012"
    assert work_label({"authors": [], "doi": "10.1/x"}) == "10.1/x"
    assert work_label({"pmid": "1"}) == "PMID 1"


def test_safe_next():
    assert safe_next("/evidence/abc?x=1", "/d") == "/evidence/abc?x=1"
    for bad in ("//evil.example", "https://evil.example/", "evil", "/\\evil", None, ""):
        assert safe_next(bad, "/d") == "/d"


def test_host_and_origin_checks(tmp_path):
    local = WebConfig(data_dir=tmp_path)
    assert host_name("[::1]:8765") == "[::1]" and host_name("LocalHost:80") == "localhost"
    assert host_allowed("127.0.0.1:8765", local) and host_allowed("localhost", local)
    assert not host_allowed("evil.example", local) and not host_allowed(None, local)
    public = WebConfig(data_dir=tmp_path, host="0.0.0.0", token="t" * 12)
    assert host_allowed("review.example:8765", public)
    assert same_origin("http://127.0.0.1:8765", "127.0.0.1:8765")
    assert not same_origin("http://127.0.0.1:9999", "127.0.0.1:8765")
    assert not same_origin("null", "127.0.0.1:8765")


def test_csrf_token_depends_on_secret_and_session():
    t = csrf_token(b"k1", "s1")
    assert t == csrf_token(b"k1", "s1") and len(t) == 64
    assert t != csrf_token(b"k2", "s1") and t != csrf_token(b"k1", "s2")
