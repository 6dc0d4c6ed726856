"""Crossref envelope / work / work-list parsers against captured responses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from her2mine.errors import NotFoundError, ParseError, ServiceError
from her2mine.models import AbstractSection, Correction
from her2mine.parse.crossref import parse_envelope, parse_work, parse_work_list, year_of


@pytest.fixture(scope="module")
def load(real_dir: Path):
    return lambda name: (real_dir / "crossref-works" / name).read_bytes()


@pytest.fixture(scope="module")
def work(load):
    return lambda name: parse_work(parse_envelope(load(name)))


# --- envelope --------------------------------------------------------------------------------


def test_envelope_returns_message(load):
    message = parse_envelope(load("works_10.3892_ijo_00000353.json"), status=200)
    assert message["DOI"] == "10.3892/ijo_00000353"  # "\/" escapes decoded


def test_validation_failure_list(load):
    with pytest.raises(ServiceError) as info:
        parse_envelope(
            load("error_400_validation_failure.json"),
            status=400,
            request="GET https://api.crossref.org/works/10.1371/journal.pone.0033693",
        )
    err = info.value
    assert not isinstance(err, NotFoundError)
    assert err.status == 400
    assert "parameter-not-allowed query.*: This route does not support field query parameters" in (
        str(err)
    )
    assert "journal.pone.0033693" in str(err)


def test_plain_text_404(load):
    body = load("error_404_resource_not_found.txt")
    assert body == b"Resource not found."
    with pytest.raises(NotFoundError) as info:
        parse_envelope(body, status=404, request="GET /works/10.1371/notarealdoi")
    assert info.value.status == 404 and "Resource not found." in str(info.value)
    with pytest.raises(NotFoundError):  # recognised even without the status
        parse_envelope(body)


@pytest.mark.parametrize("body", [b"", b"{", b'{"status":"ok","message":', b"<html>oops</html>"])
def test_malformed_json(body):
    with pytest.raises(ParseError):
        parse_envelope(body, status=200)


def test_non_json_server_error_is_service_error():
    with pytest.raises(ServiceError) as info:
        parse_envelope(b"<html>502 Bad Gateway</html>", status=502)
    assert info.value.status == 502


# --- single works ----------------------------------------------------------------------------


def test_null_issued_and_no_published_dates(work, load):
    w = work("works_10.1109_icdcsw.2003.1203662.json")
    item = json.loads(load("works_10.1109_icdcsw.2003.1203662.json"))["message"]
    assert item["issued"] == {"date-parts": [[None]]}
    assert not any(k.startswith("published") for k in item)
    # [[null]] gives nothing; the chain ends at "created" (2004-06-22)
    assert w.year == 2004
    assert w.publication_types == ["proceedings-article"]
    assert w.authors == ["Arya V", "Turletti T"]
    assert w.abstract is None and w.abstract_sections == []


def test_year_chain_and_null_parts():
    assert year_of({"issued": {"date-parts": [[None]]}}) is None
    assert (
        year_of({"issued": {"date-parts": [[2020]]}, "created": {"date-parts": [[2019]]}}) == 2020
    )
    assert year_of({"published-online": {"date-parts": [[2005, 2, 18]]}}) == 2005
    assert year_of({"issued": {"date-parts": []}, "published": {"date-parts": [[1997, 7]]}}) == 1997
    assert year_of({"DOI": "10.1/x"}) is None


def test_year_only_dates_and_trial_numbers(work):
    w = work("works_10.1136_esmoopen-2020-000776.json")
    assert w.year == 2020  # [[2020]]
    assert w.registry_ids == ["NCT03797326", "NCT04008797"]
    assert w.sources["registry_ids"] == "crossref"
    assert w.title == (
        "Phase II study of lenvatinib for metastatic colorectal cancer refractory to standard "
        "chemotherapy: the LEMON study (NCCH1503)"
    )
    assert w.journal == "ESMO Open"
    assert w.authors[:2] == ["Iwasa S", "Okita N"]


def test_kras_title_with_newlines_and_jats_sections(work):
    w = work("works_10.1136_jclinpath-2020-206745.json")
    assert w.title == (
        "Construction of a reference material panel for detecting KRAS / NRAS / EGFR / BRAF / "
        "MET mutations in plasma ctDNA"
    )
    assert w.journal == "Journal of Clinical Pathology" and w.journal_abbrev == "J Clin Pathol"
    assert w.year == 2020  # issued [[2020,8,17]], not published-print [[2021,5]]
    assert [s.label for s in w.abstract_sections] == [
        "Background",
        "Objective",
        "Methods",
        "Results",
        "Conclusion",
    ]
    assert w.abstract_sections[0] == AbstractSection(
        label="Background",
        category=None,
        text=(
            "The absence of high-quality next-generation sequencing (NGS) reference material (RM) "
            "has impeded the clinical use of liquid biopsies with plasma cell-free DNA (cfDNA) in "
            "China."
        ),
    )
    assert w.abstract.split("\n")[0].startswith("Background: The absence of high-quality")
    assert len(w.abstract.split("\n")) == 5
    assert w.authors[0] == "Xu J"


def test_leading_abstract_title_dropped(work):
    w = work("works_10.1002_jor.1100150407.json")
    assert len(w.abstract_sections) == 1 and w.abstract_sections[0].label is None
    assert w.abstract.startswith("Twenty‐two beagles were divided into two equal groups")
    assert "105° of knee flexion" in w.abstract
    assert w.year == 1997  # [[1997,7]] beats published-online [[2005,2,18]]
    assert w.authors[:2] == ["Lieber RL", "Jacks TM"]
    assert w.journal_abbrev == "Journal Orthopaedic Research"


def test_updated_by_correction(work):
    w = work("works_10.1371_journal.pone.0033693.json")
    assert w.corrections == [
        Correction(
            type="ErratumIn",
            doi="10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda",
            note="correction",
            source="crossref",
        )
    ]
    assert w.year == 2012
    assert w.journal == "PLoS ONE"


def test_family_only_author(work):
    w = work("works_10.3892_ijo_00000353.json")
    assert w.authors == ["Stravopodis"]
    assert w.year == 2009
    assert w.doi == "10.3892/ijo_00000353"


def test_update_to_notice_relation_and_organisation_author():
    item = {
        "DOI": "10.1000/RETRACTION.1",
        "type": "journal-article",
        "title": ["Retraction notice: <i>HER2</i> &amp; trastuzumab"],
        "author": [{"name": "The ABC Trial Group", "sequence": "first"}],
        "update-to": [
            {"DOI": "10.1000/ORIG", "type": "retraction", "label": "Retraction"},
            {"DOI": "10.1000/other", "type": "new_edition", "label": "New edition"},
        ],
        "relation": {
            "is-retracted-by": [{"id-type": "doi", "id": "10.1000/x", "asserted-by": "o"}]
        },
    }
    w = parse_work(item)
    assert w.doi == "10.1000/retraction.1"
    assert w.title == "Retraction notice: HER2 & trastuzumab"
    assert w.authors == ["The ABC Trial Group"]
    assert [(c.type, c.doi) for c in w.corrections] == [
        ("RetractionOf", "10.1000/orig"),
        ("UpdateOf", "10.1000/other"),
        ("RetractionIn", "10.1000/x"),
    ]
    assert w.year is None and "year" not in w.sources


# --- work lists ------------------------------------------------------------------------------


def test_cursor_list(load):
    wl = parse_work_list(parse_envelope(load("works_query_widget_cursor_star.json")))
    assert wl.total_results == 454 and wl.items_per_page == 20
    assert wl.next_cursor.startswith("DnF1ZXJ5VGhlbkZldGNo") and wl.next_cursor.endswith("==")
    assert len(wl.items) == 20
    assert wl.scores[0] == pytest.approx(21.648315)
    first = wl.items[0]
    assert first.doi == "10.1007/978-1-4302-0197-7_9"
    assert first.title == "Widget Mania: Using a GUI Widget Framework"
    assert first.year == 2007  # issued [[null]] -> created
    assert first.authors == []
    types = {w.publication_types[0] for w in wl.items}
    assert {"book-chapter", "dataset", "posted-content", "reference-entry"} <= types


def test_select_stripped_items(load):
    wl = parse_work_list(parse_envelope(load("works_query_ecology_select_DOI_title.json")))
    assert wl.total_results == 586628
    assert len(wl.items) == 20 and wl.scores == [None] * 20
    assert wl.items[0].doi == "10.1093/obo/9780199830060-0238"
    assert wl.items[0].title == "Communicating Ecology"
    assert wl.items[0].sources == {"doi": "crossref", "title": "crossref"}
    assert wl.next_cursor is None


def test_scores_and_reference_entries(load):
    wl = parse_work_list(parse_envelope(load("works_query_ecology_rows2.json")))
    assert wl.scores == [pytest.approx(11.044969), pytest.approx(10.913344)]
    assert [w.title for w in wl.items] == ["Communicating Ecology", "Chemical Ecology"]
    assert wl.items[1].authors == ["Kessler A"]
    assert wl.items[0].abstract.startswith("Communication is perhaps the most important")


def test_journal_issue_without_title(load):
    wl = parse_work_list(parse_envelope(load("works_sample_2.json")))
    issue = wl.items[1]
    assert issue.publication_types == ["journal-issue"]
    assert issue.title is None and issue.journal == "Journal of Physical Education and Sport"
    assert issue.year == 2018
    assert wl.items[0].title == "Icônes"


def test_filter_list_old_items(load):
    wl = parse_work_list(parse_envelope(load("works_filter_has-full-text_true_rows3.json")))
    assert wl.total_results == 100543092
    assert [w.year for w in wl.items] == [1964, 1984, 1985]
    assert wl.items[0].authors == ["VAHLQUIST B", "WALLGREN A"]
    assert wl.items[0].title == "Nils Rosén von Rosenstein and His Textbook of Pædiatrics"


def test_no_results(load):
    wl = parse_work_list(parse_envelope(load("works_query_no_results.json")))
    assert wl.items == [] and wl.scores == [] and wl.total_results == 0


def test_work_list_accepts_whole_envelope(load):
    envelope = json.loads(load("works_query_ecology_rows2.json"))
    assert parse_work_list(envelope) == parse_work_list(envelope["message"])
