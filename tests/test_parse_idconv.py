"""PMC ID Converter parser against captured responses and the newer typed JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from her2mine.errors import ParseError, ServiceError
from her2mine.parse.idconv import IdconvRecord, parse_idconv


@pytest.fixture(scope="module")
def load(real_dir: Path):
    return lambda name: (real_dir / "idconv" / name).read_bytes()


def test_string_ids_and_versions(load):
    [r] = parse_idconv(load("idconv_doi_10.1038_ng.590_versions.json"))
    assert r == IdconvRecord(
        requested="10.1038/ng.590",  # from the echoed request "ids=10.1038%2Fng.590"
        doi="10.1038/ng.590",
        pmid="20495566",
        pmcid="PMC2883744",
        error=None,
        live=None,
        versions=["PMC2883744.1", "PMC2883744.2"],
        current_version="PMC2883744.2",  # "current": "true" as a string
    )


def test_2014_success(load):
    [r] = parse_idconv(load("idconv_doi_10.1371_journal.pone.0000030.json"))
    assert (r.requested, r.pmid, r.pmcid) == (
        "10.1371/journal.pone.0000030",
        "17183658",
        "PMC1762313",
    )
    assert r.current_version == "PMC1762313.1"


def test_record_error_inside_ok_envelope(load):
    [r] = parse_idconv(load("idconv_record_error_invalid_article_id.json"))
    assert r.error == "invalid article id"
    assert r.live is False  # "live": "false"
    assert r.pmid is None and r.pmcid is None
    assert r.doi == "10.1371/journal.pone.0000000"


def test_request_error_message_is_url_decoded(load):
    with pytest.raises(ServiceError) as info:
        parse_idconv(load("idconv_request_error_idtype_mismatch.json"))
    assert "ID type 'doi' mismatch for '28371833'" in str(info.value)
    assert "%20" not in str(info.value)


def test_accepts_str_and_dict_and_latin1_bytes(load):
    raw = load("idconv_doi_10.1038_ng.590_versions.json")
    assert parse_idconv(raw.decode("utf-8")) == parse_idconv(raw)
    assert parse_idconv(json.loads(raw)) == parse_idconv(raw)
    # Content-Type claims ISO-8859-1: a body really encoded that way still decodes
    body = {"status": "ok", "records": [{"requested-id": "x", "doi": "10.1/é", "pmid": "1"}]}
    latin1 = json.dumps(body, ensure_ascii=False).encode("iso-8859-1")
    assert parse_idconv(latin1)[0].doi == "10.1/é"


def test_numbers_and_real_booleans():
    """Newer service shape: numeric pmid, boolean live, requested-id present."""
    body = {
        "status": "ok",
        "records": [
            {"requested-id": "PMC3531190", "pmcid": "PMC3531190", "pmid": 23193287,
             "doi": "10.1093/NAR/GKS1195"},
            {"requested-id": "12345", "live": False, "status": "error",
             "errmsg": "Identifier not found in PMC"},
        ],
    }  # fmt: skip
    ok, missing = parse_idconv(body)
    assert ok.pmid == "23193287" and ok.doi == "10.1093/nar/gks1195"
    assert ok.requested == "PMC3531190" and ok.error is None
    assert missing.requested == "12345"
    assert missing.live is False and missing.error == "Identifier not found in PMC"


def test_xml_format():
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?><pmcids status="ok">'
        b"<request idtype='doi'><echo>ids=10.1038%2Fng.590</echo></request>"
        b'<record requested-id="10.1038/ng.590" pmcid="PMC2883744" pmid="20495566" '
        b'doi="10.1038/ng.590"><versions><version pmcid="PMC2883744.2" current="true"/>'
        b"</versions></record></pmcids>"
    )
    [r] = parse_idconv(xml)
    assert (r.requested, r.pmid, r.pmcid, r.current_version) == (
        "10.1038/ng.590",
        "20495566",
        "PMC2883744",
        "PMC2883744.2",
    )


@pytest.mark.parametrize("data", [b"", b"{not json", b"[1, 2]", b'{"status": "ok"}'])
def test_malformed(data):
    with pytest.raises(ParseError):
        parse_idconv(data)
