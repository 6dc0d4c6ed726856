"""``SensitiveTerms`` finds what the lexicon's case-sensitive term pattern finds."""

from __future__ import annotations

from gold_data import gold_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from her2mine.extract.endpoint_terms import SensitiveTerms
from her2mine.extract.lexicon import compile_terms, load_lexicons, term_spans

TRICKY = (
    "intracranial PFS, CNS PFS and PFS-CNS; bpCR/tpCR/pCR (ypCR, pCRs) iDFS-IDFS cORR ORR-IC "
    "mDOR DoR rwPFS-PFS. xPFS PFS2 2PFS intracranial PFSx intracranial  PFS ILD/pneumonitis "
    "LVEF decline AEs TEAEs SAEs, HRQoL QoL; pCR pCR pCRpCR, intracranial PFS intracranial PFS"
)


def test_endpoint_abbreviations_equal_the_lexicon_scan():
    lex = load_lexicons().endpoints
    terms = SensitiveTerms(list(lex.exact_of), lex.sensitive)
    assert terms.fast
    texts = gold_texts() + [TRICKY]
    for text in texts:
        for cut in range(0, len(text), 97):  # every start: the scans must agree at the edges too
            assert terms.spans(text[cut:]) == term_spans(lex.sensitive, text[cut:])


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
    assert SensitiveTerms(terms, pattern).spans(text) == term_spans(pattern, text)


def test_terms_with_symbol_ends_use_the_lexicon_scan():
    pattern = compile_terms(["A+", "B"], ignore_case=False)
    terms = SensitiveTerms(["A+", "B"], pattern)
    assert not terms.fast
    assert terms.spans("A+ B A+B") == term_spans(pattern, "A+ B A+B")
