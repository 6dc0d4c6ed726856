"""ESearch / ESummary / ELink parsers against the captured responses."""

from __future__ import annotations

from pathlib import Path

import pytest

from her2mine.errors import ParseError, ServiceError
from her2mine.parse.eutils import parse_elink, parse_esearch, parse_esummary


@pytest.fixture(scope="module")
def load(real_dir: Path):
    return lambda kind, name: (real_dir / kind / name).read_bytes()


# --- ESearch ---------------------------------------------------------------------------------


def test_esearch_usehistory_webenv(load):
    r = parse_esearch(load("esearch", "esearch_pubmed_usehistory_webenv.xml"))
    assert r.count == 42249
    assert r.retmax == 100 and r.retstart == 0
    assert len(r.ids) == 100 and r.ids[0] == "41297076"
    assert r.webenv == "MCID_6927d6e7fee3e90f880ec190"
    assert r.query_key == "1"
    assert r.errors == [] and r.warnings == []
    assert r.query_translation.endswith("AND 2025/09/27:2025/11/26[Date - Entry]")


def test_esearch_retstart_translation(load):
    r = parse_esearch(load("esearch", "esearch_pubmed_translationset_retstart.xml"))
    assert (r.count, r.retmax, r.retstart) == (2651, 6, 6)
    assert r.ids[:3] == ["11121077", "11121076", "11121075"] and len(r.ids) == 6
    assert r.webenv is None and r.query_key is None
    assert r.query_translation == '"proc natl acad sci u s a"[Journal] AND "97"[Volume]'


def test_esearch_phrase_not_found_is_a_result_not_an_exception(load):
    r = parse_esearch(load("esearch", "esearch_no_results_phrase_not_found.xml"))
    assert r.count == 0 and r.ids == []
    assert r.errors == ["PhraseNotFound: abcXYZ"]
    assert r.warnings == ["OutputMessage: No items found."]


def test_esearch_whole_request_error(load):
    with pytest.raises(ServiceError, match="Invalid db name specified: fleegle"):
        parse_esearch(load("esearch", "esearch_invalid_db_error.xml"))


@pytest.mark.parametrize(
    "data",
    [b"", b"<eSearchResult><Count>3</Count>", b"<html>Bad gateway</html>", b"<eSearchResult/>"],
)
def test_esearch_malformed(data):
    with pytest.raises(ParseError):
        parse_esearch(data)


# --- ESummary --------------------------------------------------------------------------------


def test_esummary_v1_docsum(load):
    docs = parse_esummary(load("esummary", "esummary_pubmed_v1_docsum.xml"))
    assert [d["uid"] for d in docs] == ["11850928", "11482001"]
    d = docs[0]
    assert d["title"] == "Zirconium granuloma following treatment of rhus dermatitis."
    assert d["pubdate"] == "1965 Aug"
    assert d["epubdate"] is None  # empty EPubDate
    assert d["source"] == "Arch Dermatol"
    assert d["fulljournalname"] == "Archives of dermatology"
    assert d["authors"] == ["LoPresti PJ", "Hambrick GW Jr"]
    assert d["articleids"] == {"pubmed": "11850928"}
    assert d["doi"] is None and d["pmcid"] is None
    assert docs[1]["pubtypes"] == ["Journal Article", "Review"]


def test_esummary_v2_documentsummaryset(load):
    docs = parse_esummary(load("esummary", "esummary_pubmed_v2_documentsummaryset.xml"))
    assert [d["uid"] for d in docs] == ["5683731", "22144687"]
    first, genbank = docs
    assert first["title"] == "An assistive device for smoking."
    assert first["pubdate"] == "1968 Aug" and first["source"] == "Paraplegia"
    assert first["doi"] == "10.1038/sc.1968.18"
    assert first["authors"] == ["Goldberg MJ", "Davis LJ"]
    assert genbank["title"] == "GenBank."
    assert genbank["epubdate"] == "2011 Dec 5"
    # both <pmc>PMC3245039 and the odd <pmcid>"pmc-id: PMC3245039;" are present
    assert genbank["pmcid"] == "PMC3245039"
    assert genbank["articleids"]["pmcid"] == "pmc-id: PMC3245039;"
    assert genbank["doi"] == "10.1093/nar/gkr1202"
    assert len(genbank["authors"]) == 6 and genbank["authors"][0] == "Benson DA"


def test_esummary_error(load):
    with pytest.raises(ServiceError, match="Neither query_key nor id specified"):
        parse_esummary(load("esummary", "esummary_error_no_id.xml"))


def test_esummary_partial_error_keeps_documents(load):
    data = load("esummary", "esummary_pubmed_v1_docsum.xml").replace(
        b"</eSummaryResult>",
        b"<ERROR>UID=99999999: cannot get document summary</ERROR>\n</eSummaryResult>",
    )
    docs = parse_esummary(data)
    assert [d["uid"] for d in docs] == ["11850928", "11482001", "99999999"]
    assert docs[2]["error"] == "UID=99999999: cannot get document summary"
    assert docs[0]["error"] is None


# --- ELink -----------------------------------------------------------------------------------


def test_elink_single_id_neighbors(load):
    [ls] = parse_elink(load("elink", "elink_pubmed_neighbor_single_id.xml"))
    assert ls.dbfrom == "pubmed" and ls.ids == ["9298984"]
    names = [name for name, _ in ls.links]
    assert names == [
        "pubmed_pubmed",
        "pubmed_pubmed_citedin",
        "pubmed_pubmed_combined",
        "pubmed_pubmed_five",
        "pubmed_pubmed_refs",
        "pubmed_pubmed_reviews",
        "pubmed_pubmed_reviews_five",
    ]
    links = dict(ls.links)
    assert links["pubmed_pubmed"][:3] == ["9298984", "8794856", "9700164"]
    assert all(i.isdigit() for ids in links.values() for i in ids)  # irregular whitespace gone
    assert ls.urls == []


def test_elink_two_ids_merged_into_one_linkset(load):
    sets = parse_elink(load("elink", "elink_pubmed_neighbor_two_ids_merged.xml"))
    assert len(sets) == 1
    assert sets[0].ids == ["11812492", "11774222"]
    assert sum(len(ids) for _, ids in sets[0].links) == 599
    assert dict(sets[0].links)["pubmed_pubmed"][0] == "39386366"


def test_elink_prlinks(load):
    [ls] = parse_elink(load("elink", "elink_pubmed_prlinks.xml"))
    assert ls.ids == ["10611131"]
    assert ls.links == []
    assert ls.urls == ["https://academic.oup.com/brain/article-lookup/doi/10.1093/brain/123.1.171"]


def test_elink_error():
    with pytest.raises(ServiceError, match="Invalid db"):
        parse_elink(b"<eLinkResult><ERROR>Invalid db name specified: x</ERROR></eLinkResult>")
    with pytest.raises(ParseError):
        parse_elink(b"<eLinkResult><LinkSet>")


def test_esearch_error_next_to_ids_is_kept_as_error(load):
    data = load("esearch", "esearch_pubmed_translationset_retstart.xml").replace(
        b"</eSearchResult>", b"<ERROR>Partial results</ERROR></eSearchResult>"
    )
    r = parse_esearch(data)
    assert len(r.ids) == 6 and r.errors == ["ERROR: Partial results"]
