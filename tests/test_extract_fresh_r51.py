"""Round 51, fresh texts: invented metastatic trial reports and unseen trial names. A title
closing with "(NEOPHAR-2)" gave no trial, as its letters and number happened to spell the words
before it ("... in HER2-positive breast cancer"); "the ALTAIR-2 adjuvant trial" gave none (a
setting word between the name and "trial"); "(CTCAE-5)" was read as a trial. In "lapatinib,
trastuzumab, or lapatinib plus trastuzumab, each with weekly paclitaxel", "the combination
group" named no arm."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, registry_of

TITLE_BODY = "\n\nPatients received trastuzumab and docetaxel every 3 weeks."


def trials_of(nlp, text: str) -> list[str]:
    return extract_text(nlp, text).trials


def test_numbered_name_closing_a_title_is_a_trial(nlp):
    """A hyphen-numbered name in a title's closing bracket names the trial, though its letters
    occur in order in the words before it: the number is no word of the title."""
    title = "Neoadjuvant pertuzumab and trastuzumab with docetaxel in HER2-positive breast cancer"
    assert trials_of(nlp, title + " (NEOPHAR-2)" + TITLE_BODY) == ["NEOPHAR-2"]


def test_numbered_abbreviation_of_numbered_words_is_no_trial(nlp):
    """Negative: where the number is a word before the bracket, the bracket abbreviates them."""
    title = "Trastuzumab in node-positive early breast cancer: the NOde POsitive Study Cohort 2"
    assert "NOPOSC-2" not in trials_of(nlp, title + " (NOPOSC-2)" + TITLE_BODY)


def test_name_before_a_setting_word_and_trial(nlp):
    """ "the ALTAIR-2 adjuvant trial": a setting word between the name and "trial"."""
    text = (
        "Trastuzumab duration in early breast cancer\n\n"
        "In the ALTAIR-2 adjuvant trial, patients received trastuzumab for 6 or 12 months."
    )
    assert trials_of(nlp, text) == ["ALTAIR-2"]


def test_setting_word_before_trial_names_no_common_word(nlp):
    """Negative: "the HER2-positive adjuvant trial" and "the ECOG 0-1 metastatic study" name
    no trial."""
    text = (
        "Trastuzumab in early breast cancer\n\n"
        "In the HER2-positive adjuvant trial, patients received trastuzumab. In the CTCAE-5 "
        "adjuvant study, toxicity was graded."
    )
    assert trials_of(nlp, text) == []


def test_scales_and_scores_closing_a_title_are_no_trials(nlp):
    """Negative: grading scales, staging editions, scores and assays in a title's closing
    bracket are no trials."""
    title = "Trastuzumab deruxtecan toxicity in HER2-positive metastatic breast cancer"
    for bracket in ("(CTCAE-5)", "(TNM-8)", "(RECIST-1.1)", "(ECOG 0-1)", "(IHC 3+)", "(HER2-3+)"):
        assert trials_of(nlp, f"{title} {bracket}{TITLE_BODY}") == [], bracket


EACH_WITH_PACLITAXEL = (
    "Lapatinib, trastuzumab or both with weekly paclitaxel\n\n"
    "Patients were randomly assigned to lapatinib, trastuzumab, or lapatinib plus trastuzumab, "
    "each with weekly paclitaxel. pCR was 25% in the lapatinib group, 30% in the trastuzumab "
    "group and 50% in the combination group."
)


def test_combination_group_is_the_arm_uniting_the_other_arms(nlp):
    """ "the combination group" names the one arm whose own drugs are those the other arms
    give singly (the shared paclitaxel aside)."""
    arms = arms_of(nlp, EACH_WITH_PACLITAXEL)
    assert arms[50.0] == "lapatinib+paclitaxel+trastuzumab"
    assert arms[25.0] == "lapatinib+paclitaxel"


def test_combination_group_of_unrelated_arms_stays_unresolved(nlp):
    """Negative: no arm unites the others' drugs, so "the combination group" names none."""
    text = (
        "Three regimens\n\n"
        "Patients were randomly assigned to lapatinib plus capecitabine, trastuzumab plus "
        "capecitabine, or neratinib plus paclitaxel. The objective response rate was 50% in "
        "the combination group."
    )
    assert arms_of(nlp, text)[50.0] is None


LTV = "lapatinib+trastuzumab+vinorelbine"
COMBINED_BACKBONE = (
    "Vinorelbine with lapatinib, trastuzumab, or both\n\n"
    "In this open-label phase 2 trial, 258 women were randomised to vinorelbine combined with "
    "lapatinib, trastuzumab, or lapatinib plus trastuzumab. Median PFS was 6.2 months in the "
    "lapatinib arm, 7.9 months in the trastuzumab arm, and 10.4 months in the combination arm. "
    "The ORR was 41%, 45%, and 58%, respectively."
)


def test_backbone_combined_with_each_alternative(nlp):
    """ "X combined with A, B, or A plus B": X is given with each alternative, as after a
    bare "with"."""
    assert [a.name for a in registry_of(nlp, COMBINED_BACKBONE).arms] == [
        "lapatinib+vinorelbine",
        "trastuzumab+vinorelbine",
        LTV,
    ]
    arms = arms_of(nlp, COMBINED_BACKBONE)
    assert (arms[6.2], arms[7.9], arms[10.4]) == (
        "lapatinib+vinorelbine",
        "trastuzumab+vinorelbine",
        LTV,
    )
    assert arms[58.0] == LTV


def test_in_combination_with_one_partner_is_no_backbone(nlp):
    """Negative: "X in combination with A, or B": B alone is no alternative of X's partner."""
    text = (
        "Two regimens\n\n"
        "Patients were randomised to docetaxel in combination with trastuzumab, or lapatinib "
        "plus capecitabine."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [
        "docetaxel+trastuzumab",
        "capecitabine+lapatinib",
    ]


def test_name_before_a_design_word_and_trial(nlp):
    """ "...: the ORBIT-7 randomized trial": a design word between the name and "trial"."""
    text = (
        "Trastuzumab plus eribulin versus trastuzumab plus vinorelbine in HER2-positive "
        "metastatic breast cancer: the ORBIT-7 randomized trial\n\n"
        "Patients received trastuzumab with eribulin or vinorelbine."
    )
    assert trials_of(nlp, text) == ["ORBIT-7"]
