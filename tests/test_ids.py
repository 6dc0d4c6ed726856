"""DOI / PMID / PMCID helpers, with property-based round trips for DOI extraction."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2mine.ids import (
    extract_dois,
    extract_pmcids,
    extract_pmids,
    find_dois,
    is_canonical_pmid,
    is_doi,
    normalize_doi,
    normalize_pmcid,
    normalize_pmid,
    same_doi,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://doi.org/10.31435/ijitss.4(48).2025.4262\n", ["10.31435/ijitss.4(48).2025.4262"]),
        ("(see doi:10.1016/S0140-6736(17)32389-3).", ["10.1016/s0140-6736(17)32389-3"]),
        ("[10.1038/276409a0]; next", ["10.1038/276409a0"]),
        ("Nature 276, 409–410, doi: 10.1038/276409a0 (1978).", ["10.1038/276409a0"]),
        ("http://dx.doi.org/10.1016/S0140-6736%2817%2932389-3,", ["10.1016/s0140-6736(17)32389-3"]),
        ("DOI: 10.1056/NEJMoa1113216. Epub 2011 Dec 7.", ["10.1056/nejmoa1113216"]),
        ('<a href="https://doi.org/10.1056/NEJMoa1209124">x</a>', ["10.1056/nejmoa1209124"]),
        ("<p>10.1056/NEJMoa2115022</p>", ["10.1056/nejmoa2115022"]),
        (
            "10.1002/(SICI)1097-0142(19990101)85:1<1::AID-CNCR1>3.0.CO;2-# and more",
            ["10.1002/(sici)1097-0142(19990101)85:1<1::aid-cncr1>3.0.co;2-#"],
        ),
        (
            "a 10.1056/A, then 10.1056/a again and 10.1126/science.3798106.",
            ["10.1056/a", "10.1126/science.3798106"],
        ),
        ("version 10.1.2/x and 10.123/short prefix and abc10.1056/x", []),
    ],
)
def test_extract_dois_examples(text, expected):
    assert extract_dois(text) == expected


def test_find_dois_spans_cover_the_written_doi():
    text = "x doi:10.1016/S1470-2045(19)30863-0)."
    [(doi, start, end)] = find_dois(text)
    assert doi == "10.1016/s1470-2045(19)30863-0"
    assert text[start:end] == "10.1016/S1470-2045(19)30863-0"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("doi:10.1056/NEJMoa1113216", "10.1056/nejmoa1113216"),
        ("DOI: 10.1056/NEJMoa1113216", "10.1056/nejmoa1113216"),
        ("https://doi.org/10.1056/NEJMoa1113216", "10.1056/nejmoa1113216"),
        ("http://dx.doi.org/10.1056/NEJMoa1113216", "10.1056/nejmoa1113216"),
        ("https://doi.org/10.1016/S0140-6736%2817%2932389-3", "10.1016/s0140-6736(17)32389-3"),
        ("  10.1038/S41571-023-00849-9 ", "10.1038/s41571-023-00849-9"),
    ],
)
def test_normalize_doi(raw, expected):
    assert normalize_doi(raw) == expected
    assert is_doi(raw)


@pytest.mark.parametrize("raw", ["", "10.1056", "11.1056/x", "doi:", "10.12/x", "10.1056/abc."])
def test_is_doi_rejects(raw):
    assert not is_doi(raw)


def test_same_doi_is_case_and_prefix_insensitive():
    assert same_doi("10.1056/NEJMoa1113216", "https://doi.org/10.1056/nejmoa1113216")
    assert not same_doi("10.1056/NEJMoa1113216", "10.1056/NEJMoa1209124")
    assert not same_doi(None, "10.1056/NEJMoa1113216")


def test_pmid_and_pmcid_helpers():
    assert normalize_pmid("PMID: 22149876") == "22149876"
    assert normalize_pmid(22149876) == "22149876"
    assert normalize_pmcid("pmc3385281") == "PMC3385281"
    assert normalize_pmcid("3385281") == "PMC3385281"
    with pytest.raises(ValueError):
        normalize_pmid("10.1056/x")
    with pytest.raises(ValueError):
        normalize_pmcid("PMCX")
    text = "PMID: 11248153. PMCID: PMC3385281; PMID 11248153"
    assert extract_pmids(text) == ["11248153"]
    assert extract_pmcids(text) == ["PMC3385281"]


@pytest.mark.parametrize("ok", ["1", "22149876", "999999999"])
def test_canonical_pmid_accepts_plain_digits(ok):
    assert is_canonical_pmid(ok)


@pytest.mark.parametrize(
    "bad",
    ["", "0", "0012", "PMID:1", "PMID: 1", " 1", "1 ", "1234567890", "²", "١٢", "1.0", 12, None],
)
def test_canonical_pmid_refuses_labels_padding_and_unicode_digits(bad):
    assert not is_canonical_pmid(bad)


@given(st.integers(min_value=1, max_value=999_999_999))
def test_canonical_pmid_agrees_with_normalize_pmid_on_plain_numbers(n):
    assert is_canonical_pmid(str(n))
    assert normalize_pmid(str(n)) == str(n)


# --- property-based round trips --------------------------------------------------------
_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_INNER = _CHARS + "-._;:/"
_alnum = st.text(alphabet=_CHARS, min_size=1, max_size=6)
_chunk = st.text(alphabet=_INNER, min_size=0, max_size=8)
# A parenthesised group, possibly nested one level, always balanced: "(48)", "(SICI)", "(a(b)c)".
_group = st.one_of(
    st.builds(lambda s: f"({s})", _alnum),
    st.builds(lambda a, b, c: f"({a}({b}){c})", _chunk, _alnum, _chunk),
)
# Suffixes start and end with an alphanumeric or a closing group, like real DOIs.
_suffix = st.builds(
    lambda head, parts, tail: head + "".join(parts) + tail,
    _alnum,
    st.lists(st.one_of(_chunk, _group), max_size=4),
    st.one_of(_alnum, _group),
)
dois = st.builds(
    lambda reg, suffix: f"10.{reg}/{suffix}",
    st.integers(min_value=1000, max_value=999_999_999).map(str),
    _suffix,
)
_forms = st.sampled_from(
    [
        lambda d: d,
        lambda d: d.upper(),
        lambda d: f"doi:{d}",
        lambda d: f"DOI: {d}",
        lambda d: f"https://doi.org/{d}",
        lambda d: f"http://dx.doi.org/{d}",
        lambda d: f"https://doi.org/{quote(d, safe='/')}",
    ]
)
_before = st.sampled_from(["", "see ", "(", "[", "text, ", "\n", "<", "available at "])
_after = st.sampled_from(["", ".", ",", ";", ")", "].", ").", " and more", "\n", ">", "; 2020."])


@given(dois, _forms, _before, _after)
def test_extract_dois_round_trip(doi, form, before, after):
    text = f"{before}{form(doi)}{after}"
    assert extract_dois(text) == [doi.lower()]


@given(dois, _forms)
def test_normalize_round_trip_and_idempotent(doi, form):
    n = normalize_doi(form(doi))
    assert n == doi.lower()
    assert normalize_doi(n) == n
    assert is_doi(form(doi))


@given(st.text(max_size=60))
def test_normalize_is_idempotent_on_any_text(s):
    assert normalize_doi(normalize_doi(s)) == normalize_doi(s)


@given(dois, dois)
def test_case_insensitive_equality(a, b):
    assert same_doi(a, a.upper()) and same_doi(a.lower(), a.swapcase())
    assert same_doi(a, b) == (a.lower() == b.lower())


@given(st.lists(dois, min_size=1, max_size=4))
def test_extract_several_in_order(items):
    text = " ; ".join(f"ref {i}: https://doi.org/{d}." for i, d in enumerate(items))
    assert extract_dois(text) == list(dict.fromkeys(d.lower() for d in items))
