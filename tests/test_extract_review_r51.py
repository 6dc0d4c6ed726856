"""Review of round 51: "the NAME adjuvant trial" read a cooperative group's name as a trial
("the NSABP adjuvant trial", "the ECOG-ACRIN randomized trial") and took "trials" /
"trialists" / "studying" for the noun; a title with its series number elsewhere ("... for 2
years in HER2-positive breast cancer (NAME-2)") still read the bracket as an abbreviation of the
title; "the combination groups" (plural) of a four-arm design took the arm named before it."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text

BODY = "\n\nPatients received trastuzumab and docetaxel every 3 weeks."
LEAD = "Trastuzumab in HER2-positive breast cancer\n\n"


def trials_of(nlp, text: str) -> list[str]:
    return extract_text(nlp, text).trials


def test_group_name_before_a_setting_word_is_no_trial(nlp):
    """A cooperative group's name before "adjuvant/randomized trial" names the group's trials,
    not one trial."""
    for name in ("NSABP", "ECOG-ACRIN", "GEICAM", "EBCTCG"):
        text = f"{LEAD}In the {name} adjuvant trial, patients received trastuzumab."
        assert trials_of(nlp, text) == [], name


def test_name_before_a_setting_word_needs_the_noun_as_a_word(nlp):
    """Negative: "trialists" and "studying" are no "trial"/"study" after the name."""
    for tail in ("adjuvant trialists reported", "randomized studying group reported"):
        text = f"{LEAD}The ALTAIR-2 {tail} that patients received trastuzumab."
        assert trials_of(nlp, text) == [], tail


def test_name_before_a_setting_word_still_names_the_trial(nlp):
    """The round-51 reading stands for a name of the trial's own."""
    text = f"{LEAD}In the ALTAIR-2 adjuvant trial, patients received trastuzumab."
    assert trials_of(nlp, text) == ["ALTAIR-2"]


def test_series_number_elsewhere_in_the_title_spells_no_name(nlp):
    """A "2" among the title's earlier words ("for 2 cycles") is not the "2" of the name's
    series number, so the closing bracket still names the trial."""
    title = (
        "Neoadjuvant pertuzumab and trastuzumab with docetaxel for 2 cycles in HER2-positive "
        "breast cancer (NEOPHAR-2)"
    )
    assert trials_of(nlp, title + BODY) == ["NEOPHAR-2"]


def test_plural_combination_groups_take_no_arm(nlp):
    """ "the combination groups" are several arms: their value takes no arm, not the one named
    before it."""
    text = (
        "Trastuzumab, pertuzumab or both\n\n"
        "Patients were randomly assigned to trastuzumab, pertuzumab, trastuzumab plus "
        "pertuzumab, or trastuzumab plus pertuzumab plus docetaxel. pCR was 29% in the "
        "trastuzumab group and 46% in the combination groups."
    )
    arms = arms_of(nlp, text)
    assert arms[29.0] == "trastuzumab"
    assert arms[46.0] is None


def test_singular_combination_group_of_two_arms_is_unchanged(nlp):
    """Negative: a two-arm design's "the combination group" keeps its arm."""
    text = (
        "Lapatinib with or without trastuzumab\n\n"
        "Patients were randomly assigned to lapatinib or lapatinib plus trastuzumab. ORR was 7% "
        "in the lapatinib group and 11% in the combination group."
    )
    arms = arms_of(nlp, text)
    assert (arms[7.0], arms[11.0]) == ("lapatinib", "lapatinib+trastuzumab")
