"""Left-overs of round 32. "pirarubicin (THP)" and "THP (pirarubicin)" (the anthracycline of
Chinese and Japanese regimens) still read THP as docetaxel, trastuzumab and pertuzumab:
pirarubicin was found by its stem only, after the definitions were read, and a drug in a
bracket after a short form defined nothing. "S-1" (tegafur/gimeracil/oteracil) was a drug in
"Figure S-1", "Table S-1", "stage S-1", "the S-1 phase" and "S-1-P". "FOLFOX-6 plus
trastuzumab" left trastuzumab out of the arm. A single-arm study's results sentence "The ORR
with pyrotinib was 52.3%" made pyrotinib an arm of its own beside pyrotinib plus
capecitabine. "NR (not reached)" gave two medians, and "[range, ...]" in square brackets lost
the second median."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, parsed_values, rows_of

TEGAFUR = "tegafur/gimeracil/oteracil"
FOLFOX = "fluorouracil+leucovorin+oxaliplatin"
PYR = "capecitabine+pyrotinib"


def _drugs(nlp, text: str) -> list[str]:
    return extract_text(nlp, text).drugs


# --- pirarubicin (THP) --------------------------------------------------------------------------

THP_AFTER = (
    "Pirarubicin-based neoadjuvant chemotherapy\n\n"
    "Patients were randomly assigned to pirarubicin (THP) plus cyclophosphamide followed by "
    "docetaxel and trastuzumab, or epirubicin plus cyclophosphamide followed by docetaxel and "
    "trastuzumab. The pCR rate was 35.2% with THP and 30.1% with epirubicin."
)
THP_BEFORE = (
    "THP (pirarubicin) 50 mg/m2 on day 1 was given with trastuzumab to 60 women with "
    "HER2-positive breast cancer. The objective response rate was 61.7% with THP plus "
    "trastuzumab."
)


def test_pirarubicin_defines_thp_as_itself(nlp):
    """ "pirarubicin (THP)": THP is pirarubicin here, so no pertuzumab joins the drugs."""
    assert "pertuzumab" not in _drugs(nlp, THP_AFTER)
    assert "pirarubicin" in _drugs(nlp, THP_AFTER)


def test_thp_defined_as_pirarubicin_names_its_arm(nlp):
    """ "35.2% with THP" is the pirarubicin arm's rate."""
    arms = arms_of(nlp, THP_AFTER)
    assert arms[35.2] == "cyclophosphamide+docetaxel+pirarubicin+trastuzumab"


def test_drug_bracketed_after_a_short_form_defines_it(nlp):
    """ "THP (pirarubicin)": the long form after the short form defines it too."""
    assert _drugs(nlp, THP_BEFORE) == ["pirarubicin", "trastuzumab"]
    assert arms_of(nlp, THP_BEFORE)[61.7] == "pirarubicin+trastuzumab"


def test_bracket_after_a_short_form_with_other_words_defines_nothing(nlp):
    """Negative: "THP (docetaxel every 3 weeks with ...)" is no bare drug chain: only a
    bracket holding drugs, joiners and doses is a long form; the lexicon THP stands."""
    text = (
        "Patients received THP (three cycles before surgery, as docetaxel was the partner) "
        "and the pCR rate was 60.2%."
    )
    assert "pertuzumab" in _drugs(nlp, text)


def test_thp_without_a_definition_is_still_the_regimen(nlp):
    """Negative: with no text definition THP is docetaxel, trastuzumab and pertuzumab."""
    text = "Patients received THP for six cycles. The pCR rate was 57.1%."
    assert _drugs(nlp, text) == ["docetaxel", "pertuzumab", "trastuzumab"]


# --- S-1 ----------------------------------------------------------------------------------------


def test_s1_in_a_figure_or_table_label_is_no_drug(nlp):
    """ "Figure S-1", "Supplementary Table S-1": a supplement's label, not tegafur."""
    text = (
        "Baseline characteristics are shown in Figure S-1. Treatment-related adverse events "
        "are listed in Supplementary Table S-1. Patients received pyrotinib plus capecitabine."
    )
    assert TEGAFUR not in _drugs(nlp, text)


def test_s1_as_a_stage_or_cell_cycle_phase_is_no_drug(nlp):
    """ "stage S-1", "the S-1 phase", "S-1-P" (sphingosine-1-phosphate) name no drug."""
    text = (
        "Patients with stage S-1 disease were treated with trastuzumab. Trastuzumab-treated "
        "cells accumulated in the S-1 phase, and S-1-P signalling was reduced."
    )
    assert _drugs(nlp, text) == ["trastuzumab"]


def test_s1_given_as_treatment_is_tegafur(nlp):
    """Negative: "received S-1 plus trastuzumab", "S-1 combined with" are the drug."""
    text = "A total of 80 patients received S-1 plus trastuzumab. The ORR was 40.0%."
    assert TEGAFUR in _drugs(nlp, text)
    text = "S-1 combined with trastuzumab was well tolerated in older patients."
    assert TEGAFUR in _drugs(nlp, text)


# --- FOLFOX-6 -----------------------------------------------------------------------------------


def test_hyphenated_folfox_keeps_its_partner_in_the_arm(nlp):
    """ "FOLFOX-6 plus trastuzumab or FOLFOX-6 alone": two arms, trastuzumab in the first."""
    text = (
        "Patients were randomized to FOLFOX-6 plus trastuzumab or FOLFOX-6 alone. The ORR was "
        "45.0% with FOLFOX-6 plus trastuzumab and 30.0% with FOLFOX-6 alone."
    )
    assert arms_of(nlp, text) == {45.0: FOLFOX + "+trastuzumab", 30.0: FOLFOX}


def test_hyphenated_modified_folfox_keeps_its_partner_in_the_arm(nlp):
    """ "mFOLFOX-6 plus trastuzumab or mFOLFOX-6" reads as "mFOLFOX6" does."""
    text = (
        "Patients were randomized to mFOLFOX-6 plus trastuzumab or mFOLFOX-6. Median PFS was "
        "8.1 months with mFOLFOX-6 plus trastuzumab and 5.2 months with mFOLFOX-6."
    )
    assert arms_of(nlp, text) == {8.1: FOLFOX + "+trastuzumab", 5.2: FOLFOX}


# --- a single-arm study's results sentence ------------------------------------------------------


def test_part_of_the_only_regimen_in_a_result_names_that_regimen(nlp):
    """ "The ORR with pyrotinib was 52.3% (vs 30.1%)" after "120 patients received pyrotinib
    plus capecitabine": pyrotinib is no second arm, so the bracket takes no arm."""
    text = (
        "A total of 120 patients received pyrotinib plus capecitabine. The ORR with pyrotinib "
        "was 52.3% (vs 30.1%)."
    )
    assert arms_of(nlp, text) == {52.3: PYR, 30.1: None}


def test_adverse_events_with_the_part_name_the_only_regimen(nlp):
    """ "15.6% of patients treated with pyrotinib": everyone got pyrotinib plus capecitabine."""
    text = (
        "Patients received pyrotinib plus capecitabine. Grade 3 diarrhea occurred in 15.6% of "
        "patients treated with pyrotinib."
    )
    assert arms_of(nlp, text) == {15.6: PYR}


def test_a_counted_group_given_the_part_alone_is_an_arm(nlp):
    """Negative: "another 40 patients received pyrotinib alone" defines a second group."""
    text = (
        "In total, 80 patients received pyrotinib plus capecitabine. Another 40 patients "
        "received pyrotinib alone, with an ORR of 30.0%."
    )
    assert arms_of(nlp, text)[30.0] == "pyrotinib"


# --- NR (not reached) ---------------------------------------------------------------------------


def test_words_bracketed_after_nr_are_one_median(nlp):
    """ "NR (not reached) with T-DM1": one not-reached median, with its arm."""
    text = (
        "Patients were randomized to trastuzumab emtansine or lapatinib plus capecitabine. "
        "Median OS was NR (not reached) with trastuzumab emtansine and 25.1 months with "
        "lapatinib plus capecitabine."
    )
    rows = rows_of(nlp, text, ("endpoint", "value", "arm"))
    assert rows == [
        ("OS", None, "trastuzumab emtansine"),
        ("OS", 25.1, "capecitabine+lapatinib"),
    ]


def test_nr_and_words_apart_are_two_values(nlp):
    """Negative: "NR in one arm and not reached in the other" are two medians."""
    values = parsed_values("Median OS was NR with A, and not reached with B.", ("value",))
    assert values == [(None,), (None,)]


def test_words_bracketed_after_nr_are_one_value():
    """ "NR (not reached)" is one value; so is "NE [not estimable]"."""
    assert parsed_values("Median OS was NR (not reached) with A.", ("value",)) == [(None,)]
    assert parsed_values("Median OS was NE [not estimable] with A.", ("value",)) == [(None,)]


# --- square range brackets ----------------------------------------------------------------------


def test_square_range_bracket_keeps_the_second_median_and_both_arms(nlp):
    """ "10.6 months [range, 1.1+ to 16.5+] with X and 9.5 months [range, ...] with Y"."""
    text = (
        "Patients were randomized to trastuzumab deruxtecan or trastuzumab emtansine. Median "
        "DOR was 10.6 months [range, 1.1+ to 16.5+] with trastuzumab deruxtecan and 9.5 months "
        "[range, 1.2 to 14.3+] with trastuzumab emtansine."
    )
    assert arms_of(nlp, text) == {10.6: "trastuzumab deruxtecan", 9.5: "trastuzumab emtansine"}


def test_range_outside_square_brackets_still_blocks(nlp):
    """Negative: "ranged up to 16.5 months" outside a bracket is no median."""
    text = "Median DOR was 10.6 months and responses ranged up to 16.5 months with pyrotinib."
    assert 16.5 not in [r[2] for r in rows_of(nlp, text)]
