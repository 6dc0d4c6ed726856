"""Every captured response in shared/real-responses goes through its parser.

Parametrised over the directory listing, so a file added later is covered automatically; a file in
a directory no parser claims fails the test rather than being skipped silently.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from shared_paths import REAL

from her2mine.errors import NotFoundError, ServiceError
from her2mine.models import Work
from her2mine.parse import (
    ESearchResult,
    IdconvRecord,
    LinkSet,
    WorkList,
    parse_elink,
    parse_envelope,
    parse_esearch,
    parse_esummary,
    parse_idconv,
    parse_pubmed_xml,
    parse_work,
    parse_work_list,
)

KINDS = ("pubmed-efetch-xml", "esearch", "esummary", "elink", "idconv", "crossref-works")
# Bodies that are whole-request service errors, by file name; all others must parse to data
# ("record_error" files hold per-record errors inside an ok response).
ERROR_NAME = re.compile(r"(?<!record)(^|_)error(_|$)")


def _files() -> list[Path]:
    if not REAL.is_dir():
        return []
    return sorted(p for p in REAL.glob("*/*") if p.is_file() and not p.name.startswith("_"))


def _sidecar(path: Path) -> dict:
    side = path.parent / "_requests.json"
    return json.loads(side.read_text()).get(path.name, {}) if side.exists() else {}


FILES = _files()
TAG = re.compile(r"</?(?:i|b|sup|sub|mml:\w+|math|jats:\w+|p)\b[^>]*>")


def _assert_clean(text: str | None, where: str) -> None:
    if text:
        assert not TAG.search(text), f"markup left in {where}: {text[:120]!r}"
        assert "&amp;" not in text and "&lt;" not in text and "&#x" not in text, where
        assert text == text.strip() and "  " not in text, f"whitespace not collapsed in {where}"


def _check_work(w: Work, source: str) -> None:
    _assert_clean(w.title, "title")
    _assert_clean(w.journal, "journal")
    for s in w.abstract_sections:
        _assert_clean(s.text, "abstract section")
    for name, value in w.to_dict().items():
        if name in ("sources", "status", "reason"):
            continue
        filled = value not in (None, "", [])
        assert (name in w.sources) == filled, f"sources[{name!r}] vs value {value!r}"
        if filled:
            assert w.sources[name] == source
    if w.doi:
        assert w.doi == w.doi.lower() and w.doi.startswith("10.")


def test_real_responses_present():
    assert FILES, f"no real responses found under {REAL}"
    assert {p.parent.name for p in FILES} == set(KINDS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_file_parses(path: Path) -> None:
    kind = path.parent.name
    data = path.read_bytes()
    is_error = bool(ERROR_NAME.search(path.stem))
    side = _sidecar(path)

    if kind == "pubmed-efetch-xml":
        works = parse_pubmed_xml(data)
        assert isinstance(works, list)
        expected = len(re.findall(rb"<PubmedArticle>|<PubmedBookArticle>", data))
        assert len(works) == expected
        for w in works:
            assert w.pmid and w.pmid.isdigit()
            assert w.title
            _check_work(w, "pubmed")
    elif kind == "esearch":
        if is_error:
            with pytest.raises(ServiceError):
                parse_esearch(data)
        else:
            r = parse_esearch(data)
            assert isinstance(r, ESearchResult)
            assert len(r.ids) == len(re.findall(rb"<Id>", data))
            assert r.count >= len(r.ids)
    elif kind == "esummary":
        if is_error:
            with pytest.raises(ServiceError):
                parse_esummary(data)
        else:
            docs = parse_esummary(data)
            assert docs and all(d["uid"] and d["title"] and d["pubdate"] for d in docs)
    elif kind == "elink":
        sets = parse_elink(data)
        assert sets and all(isinstance(s, LinkSet) and s.ids for s in sets)
        n_links = sum(len(ids) for s in sets for _, ids in s.links)
        assert n_links + sum(len(s.urls) for s in sets) > 0
        assert n_links == len(re.findall(rb"<Link>", data))
    elif kind == "idconv":
        if is_error:
            with pytest.raises(ServiceError):
                parse_idconv(data)
        else:
            records = parse_idconv(data)
            assert records and all(isinstance(r, IdconvRecord) and r.requested for r in records)
            assert all(r.error or r.pmcid for r in records)
    elif kind == "crossref-works":
        status, request = side.get("status"), side.get("url")
        if is_error:
            expected_exc = NotFoundError if status == 404 else ServiceError
            with pytest.raises(expected_exc) as info:
                parse_envelope(data, status=status, request=request)
            assert info.value.status == status
        else:
            assert status in (None, 200)
            message = parse_envelope(data, status=status, request=request)
            if "items" in message:
                wl = parse_work_list(message)
                assert isinstance(wl, WorkList)
                assert len(wl.items) == len(message["items"]) == len(wl.scores)
                for w in wl.items:
                    _check_work(w, "crossref")
            else:
                w = parse_work(message)
                assert w.doi and w.title
                _check_work(w, "crossref")
    else:  # pragma: no cover - a new directory needs a parser mapping
        pytest.fail(f"no parser for directory {kind}")
