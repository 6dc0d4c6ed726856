"""Reference-list parsing: the two seed reviews, each fixture format, detection and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from her2mine.errors import InputError, ParseError
from her2mine.refs import FORMATS, detect_format, parse_file, parse_text

DATA = Path(__file__).parent / "data" / "refs"
SEED_004 = "004_8842e253018fc683.txt"
SEED_000 = "000_bee61af27c55501b.txt"


def by_doi(refs):
    return {r.doi: r for r in refs if r.doi}


# --- seed 004: APA list in a journal page ---------------------------------------------------
@pytest.fixture(scope="module")
def refs_004(seeds_dir):
    return parse_file(seeds_dir / SEED_004)


def test_004_counts_and_source_doi(refs_004, seeds_dir):
    assert len(refs_004) == 26
    assert sum(1 for r in refs_004 if r.doi) == 25
    assert {r.source_doi for r in refs_004} == {"10.31435/ijitss.4(48).2025.4262"}
    assert all(r.doi != "10.31435/ijitss.4(48).2025.4262" for r in refs_004)
    assert {r.source for r in refs_004} == {str(seeds_dir / SEED_004)}
    assert [r.index for r in refs_004] == sorted(r.index for r in refs_004)


def test_004_duplicate_guidi_2023a_2023b_is_one_item(refs_004):
    guidi = [r for r in refs_004 if r.doi == "10.3390/cancers15041130"]
    assert len(guidi) == 1
    assert guidi[0].index == 7
    assert guidi[0].duplicate_indexes == [27]
    assert guidi[0].year == 2023  # "2023a": suffix letter stripped
    assert guidi[0].journal == "Cancers"


def test_004_reference_without_doi_is_kept(refs_004):
    [fehm] = [r for r in refs_004 if r.doi is None]
    assert fehm.index == 15
    assert fehm.year == 2024
    assert fehm.journal == "Lancet Oncol"
    assert fehm.title.startswith("Trastuzumab deruxtecan versus treatment of physician")
    assert fehm.title.endswith("phase 3 trial")
    assert fehm.authors[0] == "Fehm, T." and fehm.authors[-1] == "Kim, S.-B."
    assert len(fehm.authors) == 16


def test_004_fields_of_some_references(refs_004):
    refs = by_doi(refs_004)
    chila = refs["10.2147/dddt.s281599"]
    assert chila.index == 1
    assert chila.authors == [
        "Chilà, G.",
        "Guarini, V.",
        "Galizia, D.",
        "Geuna, E.",
        "Montemurro, F.",
    ]
    assert chila.year == 2021
    assert chila.title.startswith("The Clinical Efficacy and Safety of Neratinib")
    assert chila.journal == "Drug Design, Development and Therapy"
    tarantino = refs["10.37349/etat.2021.00037"]
    assert tarantino.year == 2021  # "2021a"
    assert tarantino.journal == "Exploration of Targeted Anti-Tumor Therapy"
    rao = refs["10.2147/bctt.s503703"]
    assert rao.journal == "Breast Cancer: Targets and Therapy"
    assert rao.title.endswith("A Focus on ADCs and TKIs")
    nozawa = refs["10.1016/j.esmoop.2025.105511"]  # "Kuge, K., … Tsurutani, J."
    assert nozawa.authors[-1] == "Tsurutani, J." and len(nozawa.authors) == 20
    assert "raw" and "https://doi.org/10.1016/j.esmoop.2025.105511" in nozawa.raw


def test_004_abstract_is_not_a_reference(refs_004):
    assert not any("narrative review summarizes" in r.raw for r in refs_004)
    assert not any(r.raw.startswith(("Published", "How to Cite", "<<")) for r in refs_004)


# --- seed 000: PubMed page ------------------------------------------------------------------
def test_000_pubmed_page(seeds_dir):
    refs = parse_file(seeds_dir / SEED_000)
    assert [r.doi for r in refs] == [
        "10.1038/276409a0",
        "10.1038/312513a0",
        "10.1126/science.3798106",
        "10.1038/35052073",
        "10.1038/s41523-021-00265-1",
    ]
    assert [r.index for r in refs] == [1, 2, 3, 4, 5]  # every item is numbered "1." on the page
    assert {r.source_doi for r in refs} == {"10.1038/s41571-023-00849-9"}
    assert [r.year for r in refs] == [1978, 1984, 1987, 2001, 2021]
    assert [r.journal for r in refs] == [
        "Nature",
        "Nature",
        "Science",
        "Nat Rev Mol Cell Biol",
        "NPJ Breast Cancer",
    ]
    schechter = refs[1]
    assert schechter.authors == ["Schechter, A. L."]
    assert schechter.title == (
        "The neu oncogene: an erb-B-related gene encoding a 185,000-Mr tumour antigen"
    )
    assert refs[0].authors == ["Carpenter, G.", "King, L., Jr.", "Cohen, S."]
    assert refs[3].authors == ["Yarden, Y.", "Sliwkowski, M. X."]
    assert refs[3].title == "Untangling the ErbB signalling network"
    assert not any("- DOI - PubMed" in r.raw for r in refs)


# --- fixtures: one per format -------------------------------------------------------------
def test_vancouver_numbered_list():
    refs = parse_file(DATA / "vancouver.txt")
    assert detect_format((DATA / "vancouver.txt").read_text()) == "text"
    assert len(refs) == 5
    cleo = by_doi(refs)["10.1056/nejmoa1113216"]
    assert cleo.index == 2 and cleo.duplicate_indexes == [6]  # DOI case differs in item 6
    assert cleo.authors[:3] == ["Baselga, J.", "Cortés, J.", "Kim, S. B."]
    assert cleo.title == "Pertuzumab plus trastuzumab plus docetaxel for metastatic breast cancer"
    assert cleo.journal == "N Engl J Med" and cleo.year == 2012
    slamon = refs[0]
    assert slamon.doi == "10.1056/nejm200103153441101"
    assert slamon.year == 2001 and len(slamon.authors) == 6
    end_of_study = by_doi(refs)["10.1016/s1470-2045(19)30863-0"]
    assert end_of_study.journal == "Lancet Oncol" and end_of_study.year == 2020
    ebctcg = refs[4]
    assert ebctcg.doi is None and ebctcg.year == 2021 and ebctcg.journal == "Lancet Oncol"
    assert ebctcg.authors == ["Early Breast Cancer Trialists' Collaborative group (EBCTCG)"]
    assert ebctcg.title.startswith("Trastuzumab for early-stage, HER2-positive breast cancer")


def test_ama_bracketed_and_wrapped():
    refs = parse_file(DATA / "ama_brackets.txt")
    assert [r.doi for r in refs] == [
        "10.1056/nejmoa2115022",
        "10.1056/nejmoa1914609",
        "10.1056/nejmoa1814017",
        None,
    ]
    db03 = refs[0]
    assert db03.title == "Trastuzumab deruxtecan versus trastuzumab emtansine for breast cancer"
    assert db03.year == 2022 and db03.journal == "N Engl J Med"
    assert refs[1].title == (
        "Tucatinib, trastuzumab, and capecitabine for HER2-positive metastatic breast cancer"
    )
    assert refs[2].authors[0] == "von Minckwitz, G."
    assert refs[3].year == 2006 and refs[3].authors[0] == "Geyer, C. E."


def test_ama_parenthesis_numbers():
    refs = parse_file(DATA / "ama_paren.txt")
    assert [r.index for r in refs] == [1, 2, 3]
    nala = refs[1]
    assert nala.doi == "10.1200/jco.20.00147"
    assert nala.journal == "J Clin Oncol" and nala.year == 2020
    assert nala.title.endswith("phase III NALA trial")


def test_ama_single_string():
    [ref] = parse_text(
        "1. Slamon DJ, Leyland-Jones B, Shak S, et al. Use of chemotherapy plus a monoclonal "
        "antibody against HER2 for metastatic breast cancer that overexpresses HER2. N Engl J "
        "Med. 2001;344(11):783-792. doi:10.1056/NEJM200103153441101"
    )
    assert ref.source == "<text>" and ref.source_doi is None
    assert ref.doi == "10.1056/nejm200103153441101"
    assert ref.authors == ["Slamon, D. J.", "Leyland-Jones, B.", "Shak, S."]
    assert ref.year == 2001 and ref.journal == "N Engl J Med"
    assert ref.title.startswith("Use of chemotherapy plus a monoclonal antibody")


def test_bibtex():
    refs = parse_file(DATA / "trials.bib")
    assert detect_format((DATA / "trials.bib").read_text()) == "bibtex"
    assert [r.doi for r in refs] == [
        "10.1056/nejmoa1113216",
        "10.1056/nejmoa1209124",
        "10.1016/s1470-2045(19)30863-0",
        None,
    ]
    assert refs[0].authors == ["Baselga, J.", "Cortés, J.", "Kim, S.-B."]  # "and others" dropped
    assert refs[0].year == 2012 and refs[0].journal == "The New England Journal of Medicine"
    assert refs[1].journal == "N Engl J Med"  # @string macro
    assert refs[1].title == "Trastuzumab emtansine for HER2-positive advanced breast cancer"
    assert refs[2].year == 2020 and refs[2].journal == "Lancet Oncol"  # date / journaltitle
    assert refs[2].title.endswith("(CLEOPATRA): end-of-study results")
    assert refs[3].authors == ["Geyer, C. E.", "Forster, J.", "Lindquist, D."]  # "Given Family"
    assert refs[3].raw.startswith("@article{geyer2006")


def test_ris():
    refs = parse_file(DATA / "trials.ris")
    assert detect_format((DATA / "trials.ris").read_text()) == "ris"
    assert [r.doi for r in refs] == ["10.1056/nejmoa2115022", "10.1056/nejmoa1914609", None]
    assert refs[0].authors == ["Cortés, J.", "Kim, S.-B.", "Chung, W.-P."]
    assert refs[0].journal == "New England Journal of Medicine" and refs[0].year == 2022
    assert refs[1].title == (
        "Tucatinib, trastuzumab, and capecitabine for HER2-positive metastatic breast cancer"
    )
    assert refs[1].year == 2020 and refs[1].journal == "N Engl J Med"
    assert refs[2].journal == "N Engl J Med" and refs[2].year == 2006


def test_doi_list():
    refs = parse_file(DATA / "dois.txt")
    assert detect_format((DATA / "dois.txt").read_text()) == "doi-list"
    assert [r.doi for r in refs] == [
        "10.1056/nejmoa1113216",
        "10.1056/nejmoa1209124",
        "10.1056/nejmoa2115022",
        "10.1056/nejmoa1914609",
        "10.1016/s1470-2045(19)30863-0",
    ]
    assert refs[-1].duplicate_indexes == [6]  # the URL-encoded form of the same DOI
    assert {r.source_doi for r in refs} == {"10.1038/s41571-023-00849-9"}
    assert refs[1].raw == "doi:10.1056/NEJMoa1209124"


def test_doi_list_bad_line_names_source_and_line():
    with pytest.raises(ParseError, match=r"mylist: line 2: not a DOI"):
        parse_text("10.1056/NEJMoa1113216\nnot a doi\n", source="mylist", format="doi-list")


# --- review structure ----------------------------------------------------------------------
REVIEW = """A review of HER2 therapy
DOI: 10.1000/own.review.2024

Abstract
Trastuzumab changed outcomes (Slamon 2001; doi:10.1056/NEJM200103153441101). In 2012 the
CLEOPATRA trial reported its results.

Bibliography

Baselga J, Cortés J, Kim SB, et al. Pertuzumab plus trastuzumab plus docetaxel for metastatic
breast cancer. N Engl J Med. 2012;366(2):109-119. doi:10.1056/NEJMoa1113216
Verma S, Miles D, Gianni L, et al. Trastuzumab emtansine for HER2-positive advanced breast
cancer. N Engl J Med. 2012;367(19):1783-1791. doi:10.1056/NEJMoa1209124

Cited by
Someone A. A later paper. J Later. 2025;1:1. doi:10.1000/later.1
"""


def test_review_section_and_header_doi():
    refs = parse_text(REVIEW, source="review.txt")
    assert [r.doi for r in refs] == ["10.1056/nejmoa1113216", "10.1056/nejmoa1209124"]
    assert {r.source_doi for r in refs} == {"10.1000/own.review.2024"}
    assert refs[1].title == "Trastuzumab emtansine for HER2-positive advanced breast cancer"


def test_no_source_doi_without_a_label():
    refs = parse_text(REVIEW.replace("DOI: 10.1000/own.review.2024", "Some author"))
    assert {r.source_doi for r in refs} == {None}


def test_duplicate_without_doi_by_title_and_year():
    text = (
        "1. Geyer CE, Forster J. Lapatinib plus capecitabine for HER2-positive advanced breast "
        "cancer. N Engl J Med. 2006;355(26):2733-43.\n"
        "2. Murthy RK, Loi S. Tucatinib. N Engl J Med. 2020;382(7):597-609.\n"
        "3. Geyer CE, Forster J. Lapatinib plus Capecitabine for HER2-Positive Advanced Breast "
        "Cancer. N Engl J Med 2006;355:2733-43.\n"
        "4. Geyer CE, Forster J. Lapatinib plus capecitabine for HER2-positive advanced breast "
        "cancer. N Engl J Med. 2007;1:1.\n"
    )
    refs = parse_text(text)
    assert [(r.index, r.duplicate_indexes) for r in refs] == [(1, [3]), (2, []), (4, [])]


# --- detection and errors ------------------------------------------------------------------
def test_detect_format_and_force(tmp_path):
    assert set(FORMATS) == {"text", "bibtex", "ris", "doi-list"}
    assert detect_format("10.1056/NEJMoa1113216\n# c\n\nhttps://doi.org/10.1056/x1") == "doi-list"
    ris_in_txt = tmp_path / "export.txt"
    ris_in_txt.write_text((DATA / "trials.ris").read_text())
    assert len(parse_file(ris_in_txt)) == 3
    # Forcing "text" on a DOI list reads each line as a (DOI-only) citation.
    forced = parse_file(DATA / "dois.txt", format="text")
    assert forced[0].doi == "10.1056/nejmoa1113216"
    with pytest.raises(InputError, match="unknown format 'xml'"):
        parse_file(DATA / "dois.txt", format="xml")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "Just some prose about HER2-positive breast cancer with no references at all.\n",
        "a\x00b",
    ],
)
def test_unrecognised_input_raises(text):
    with pytest.raises(ParseError):
        parse_text(text, source="bad.txt")


def test_file_errors_name_the_file(tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="missing.txt: file not found"):
        parse_file(missing)
    with pytest.raises(InputError, match="is a directory"):
        parse_file(tmp_path)
    prose = tmp_path / "prose.txt"
    prose.write_text("Nothing to see here.\n")
    with pytest.raises(ParseError, match=r"prose\.txt: unrecognised format"):
        parse_file(prose)
    empty_bib = tmp_path / "empty.bib"
    empty_bib.write_text("% nothing\n")
    with pytest.raises(ParseError, match=r"empty\.bib: no references found"):
        parse_file(empty_bib)


def test_without_heading_prose_is_not_taken_for_references():
    text = (
        "HER2-positive disease was transformed by trastuzumab (see doi:10.1056/NEJM200103153441101"
        " for the pivotal 2001 trial), and later by pertuzumab.\n\n"
        "Baselga, J., Cortés, J., & Kim, S.-B. (2012). Pertuzumab plus trastuzumab plus docetaxel"
        " for metastatic breast cancer. New England Journal of Medicine, 366(2), 109–119."
        " https://doi.org/10.1056/NEJMoa1113216\n"
    )
    [ref] = parse_text(text)
    assert ref.doi == "10.1056/nejmoa1113216"
    assert ref.authors == ["Baselga, J.", "Cortés, J.", "Kim, S.-B."]
    assert ref.journal == "New England Journal of Medicine" and ref.year == 2012
    assert ref.title == "Pertuzumab plus trastuzumab plus docetaxel for metastatic breast cancer"
