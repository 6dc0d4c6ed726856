"""``SensitiveTerms`` (a lexicon's case-sensitive terms) finds what their ``compile_terms``
pattern finds, whichever scan it picks."""

from __future__ import annotations

from gold_data import gold_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from her2mine.extract.lexicon import SensitiveTerms, compile_terms, load_lexicons, term_spans

TRICKY = (
    "intracranial PFS, CNS PFS and PFS-CNS; bpCR/tpCR/pCR (ypCR, pCRs) iDFS-IDFS cORR ORR-IC "
    "mDOR DoR rwPFS-PFS. xPFS PFS2 2PFS intracranial PFSx intracranial  PFS ILD/pneumonitis "
    "LVEF decline AEs TEAEs SAEs, HRQoL QoL; pCR pCR pCRpCR, intracranial PFS intracranial PFS"
)


def test_endpoint_abbreviations_equal_the_lexicon_scan():
    lex = load_lexicons().endpoints
    terms = lex.sensitive
    assert terms.form == "split"
    texts = gold_texts() + [TRICKY]
    for text in texts:
        for cut in range(0, len(text), 97):  # every start: the scans must agree at the edges too
            assert terms.spans(text[cut:]) == term_spans(terms.pattern, text[cut:])


TERMS = ["PFS", "aB", "aB C", "C aB", "Cx", "xC", "a", "B-1", "1a", "b aB", "Cb"]
PIECES = [*TERMS, " ", "-", "x", "a", "B", "C", "1", ".", "/"]


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(TERMS), min_size=1, max_size=6),
    st.lists(st.sampled_from(PIECES), max_size=30),
)
def test_any_terms_equal_the_boundary_scan(terms, pieces):
    text = "".join(pieces)
    pattern = compile_terms(terms, ignore_case=False)
    assert SensitiveTerms(terms).spans(text) == term_spans(pattern, text)


def test_terms_with_symbol_ends_use_the_lexicon_scan():
    for words, form in ((["A+", "B"], "literal"), (["a+", "b", "c", "d"], "plain")):
        pattern = compile_terms(words, ignore_case=False)
        terms = SensitiveTerms(words)
        assert terms.form == form
        for text in ("A+ B A+B", "a+ b a+b c+d d"):
            assert terms.spans(text) == term_spans(pattern, text)


def test_no_terms_find_nothing():
    assert SensitiveTerms(["", ""]).spans("anything") == []


# Drug abbreviations: overlapping ("T-DM1", "TDM1", "TH", "THP", "THP-docetaxel"), with
# spaces ("PH FDC SC") and symbols inside ("5-FU", "nab-P").
DRUG_TERMS = sorted(load_lexicons().drugs.exact_of)
DRUG_PIECES = [*DRUG_TERMS, " ", "-", "/", "(", ")", ",", "x", "a", "H", "P", "1", "docetaxel"]


def _drug_starts(text: str) -> list[int]:
    """Every offset where a drug abbreviation occurs (what a caller's word scan gives)."""
    return sorted({i for i in range(len(text)) for t in DRUG_TERMS if text.startswith(t, i)})


@settings(max_examples=400)
@given(st.lists(st.sampled_from(DRUG_PIECES), max_size=25))
def test_drug_abbreviations_equal_the_lexicon_pattern(pieces):
    text = "".join(pieces)
    terms = load_lexicons().drugs.sensitive
    expected = term_spans(compile_terms(DRUG_TERMS, ignore_case=False), text)
    assert terms.spans(text) == expected
    if terms.start_words:
        assert terms.spans(text, _drug_starts(text)) == expected


def test_drug_abbreviations_table():
    terms = load_lexicons().drugs.sensitive
    pattern = compile_terms(DRUG_TERMS, ignore_case=False)
    table = [
        "THP-docetaxel THP-docetaxelx THPTH TH-THP T-DM1/T-DXd TDM-1T-DM-1 (TCHP)TCH",
        "PH FDC SC PH FDC SCx PH FDC PH, nab-Pnab-P nab-P/5-FU 5-FU-5-FU xnab-P",
        "DHP DH-DHP HPHP AC-TH EC/FEC XL XH LX TP TPH T-DXD T-Dxd T-DX TDXd",
    ]
    found = 0
    for text in table:
        for cut in range(len(text)):
            expected = term_spans(pattern, text[cut:])
            assert terms.spans(text[cut:]) == expected
            assert terms.spans(text[cut:], _drug_starts(text[cut:])) == expected
            found += len(expected)
    assert found > 500
