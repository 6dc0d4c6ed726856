"""Review of round 57: a design sentence that also gives the results and names its arms jointly
("... or trastuzumab plus capecitabine, and the ORR was 27% and 32% (LC and TC, respectively)")
now counted the bracket's forms as two further references, so the "respectively" list of two
values no longer zipped with the two arms (27% lost its arm and 32% took the first arm's). In a
duration design "the short duration of follow-up" was read as the short group. Counts,
lexicon short forms meaning the same arms in a "respectively" bracket, and "followed in
both arms by" a step without drugs, read as before."""

from __future__ import annotations

from extract_helpers import arm_of, rows_of

LC = "capecitabine+lapatinib"
TC = "capecitabine+trastuzumab"
HP = "pertuzumab+trastuzumab"
PAC_HP = "paclitaxel+pertuzumab+trastuzumab"
TH = "docetaxel+trastuzumab"
THP = "docetaxel+pertuzumab+trastuzumab"

DESIGN_AND_RESULTS = (
    "Lapatinib or trastuzumab with capecitabine\n\n"
    "Patients were randomized to lapatinib plus capecitabine or trastuzumab plus capecitabine, "
    "and the ORR was 27% and 32% (LC and TC, respectively). Median PFS was 6.6 months with LC."
)

DESIGN_AND_RESULTS_SPELT = (
    "Endocrine therapy or paclitaxel with dual blockade\n\n"
    "Patients were randomized to endocrine therapy or paclitaxel, each combined with trastuzumab "
    "and pertuzumab, and pCR rates were 23.3% and 56.8% (ET+HP and Pac+HP, respectively)."
)

FORMS_DEFINED_BEFORE = (
    "Lapatinib or trastuzumab with capecitabine\n\n"
    "Patients were randomized to lapatinib plus capecitabine (LC) or trastuzumab plus "
    "capecitabine (TC). The ORR was 27% and 32% (LC and TC, respectively)."
)

COUNTS = (
    "Pertuzumab added to docetaxel and trastuzumab\n\n"
    "Patients were randomly assigned to docetaxel plus trastuzumab or docetaxel plus trastuzumab "
    "plus pertuzumab (n = 40 and 42, respectively). The objective response rate was 52% in the "
    "docetaxel plus trastuzumab arm and 68% in the pertuzumab arm (P = 0.03)."
)

LEXICON_FORMS = (
    "Pertuzumab added to docetaxel and trastuzumab\n\n"
    "Patients were randomly assigned to docetaxel plus trastuzumab or docetaxel plus trastuzumab "
    "plus pertuzumab (TH and THP, respectively). The objective response rate was 52% with TH and "
    "68% with THP (P = 0.03). Median PFS was 12.4 months in the THP arm."
)

SURGERY_IN_BOTH = (
    "Pertuzumab added to docetaxel and trastuzumab\n\n"
    "Patients were randomized to docetaxel plus trastuzumab or docetaxel plus trastuzumab plus "
    "pertuzumab, followed in both arms by surgery. The pCR rate was 30% with docetaxel plus "
    "trastuzumab and 45% with pertuzumab (P = 0.01)."
)


def test_design_sentence_results_zip_with_the_arms(nlp):
    """A bracket restating the listed arms jointly adds no references: the two values of the
    "respectively" list take the two arms in order."""
    rows = rows_of(nlp, DESIGN_AND_RESULTS)
    assert arm_of(rows, 27.0) == LC
    assert arm_of(rows, 32.0) == TC


def test_jointly_named_form_still_names_its_arm_later(nlp):
    """The bracket still defines the forms: "with LC" in the next sentence is the LC arm."""
    assert arm_of(rows_of(nlp, DESIGN_AND_RESULTS), 6.6) == LC


def test_spelt_joint_forms_in_a_results_design_sentence(nlp):
    """Forms spelt with drug mentions ("ET+HP") restate the arms just as bare ones do."""
    rows = rows_of(nlp, DESIGN_AND_RESULTS_SPELT)
    assert arm_of(rows, 23.3) == HP
    assert arm_of(rows, 56.8) == PAC_HP


def test_bracket_of_earlier_forms_alone_still_zips(nlp):
    """Negative: with no arm list before it in the sentence the bracket's references are the
    list, as before."""
    rows = rows_of(nlp, FORMS_DEFINED_BEFORE)
    assert arm_of(rows, 27.0) == LC
    assert arm_of(rows, 32.0) == TC


def test_respectively_counts_name_nothing(nlp):
    """Negative: "(n = 40 and 42, respectively)" defines no form; the arms read as before."""
    rows = rows_of(nlp, COUNTS)
    assert arm_of(rows, 52.0) == TH
    assert arm_of(rows, 68.0) == THP


def test_lexicon_forms_given_jointly_keep_their_meaning(nlp):
    """Negative: "(TH and THP, respectively)" agrees with the lexicon's TH and THP."""
    rows = rows_of(nlp, LEXICON_FORMS)
    assert arm_of(rows, 52.0) == TH
    assert arm_of(rows, 68.0) == THP
    assert arm_of(rows, 12.4) == THP


def test_followed_in_both_arms_by_surgery_adds_no_drug(nlp):
    """Negative: "followed in both arms by surgery" leaves each arm's regimen as it was."""
    rows = rows_of(nlp, SURGERY_IN_BOTH)
    assert arm_of(rows, 30.0) == TH
    assert arm_of(rows, 45.0) == THP


SHORT_FOLLOW_UP = (
    "Nine weeks or one year of trastuzumab\n\n"
    "Patients were randomized to 9 weeks (short arm) or 1 year (long arm) of trastuzumab with "
    "docetaxel. Cardiac events were rare (2%) during the short duration of follow-up."
)

SHORT_THERAPY = (
    "Nine weeks or one year of trastuzumab\n\n"
    "Patients were randomized to 9 weeks (short arm) or 1 year (long arm) of trastuzumab with "
    "docetaxel. Cardiac events occurred in 2% with short therapy."
)


def test_short_duration_of_follow_up_names_no_group(nlp):
    """ "the short duration of follow-up" is the study's, not the short group's."""
    assert arm_of(rows_of(nlp, SHORT_FOLLOW_UP), 2.0) is None


def test_label_before_therapy_still_names_the_group(nlp):
    """Negative: "with short therapy" names the short group (its one regimen)."""
    assert arm_of(rows_of(nlp, SHORT_THERAPY), 2.0) == TH
