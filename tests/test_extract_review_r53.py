"""Review of rounds 53 and 54: "in the two groups defined by hormone receptor status" (two
subgroups) gave the one value to each arm of a two-arm design; "the control arm" of "trastuzumab
plus docetaxel, T-DM1, or T-DM1 plus pertuzumab" was T-DM1 (the backbone of a later arm, though
the standard arm written first shares none of its drugs); a title closing with a staging
system's edition ("...: AJCC-8") or a database ("analysis of TCGA") named a trial."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arms_with, rows_of, trials_in

LC = "capecitabine+lapatinib"
TWO_ARMS = (
    "Lapatinib plus capecitabine in HER2-positive breast cancer\n\n"
    "Patients were randomized to lapatinib plus capecitabine or capecitabine alone. "
)


def test_two_groups_defined_by_a_factor_are_no_arms(nlp):
    """Negative: "the two groups defined by HR status" are subgroups: one value, no arm."""
    text = (
        TWO_ARMS + "Median PFS was 8.4 months in the two groups defined by hormone receptor status."
    )
    assert arms_with(rows_of(nlp, text, ARM_ROW), 8.4) == [None]


def test_two_groups_according_to_a_factor_are_no_arms(nlp):
    """Negative: "the two groups according to ..." also names subgroups."""
    text = TWO_ARMS + "Median PFS was 8.4 months in the two groups according to prior trastuzumab."
    assert arms_with(rows_of(nlp, text, ARM_ROW), 8.4) == [None]


def test_the_two_groups_still_name_each_arm(nlp):
    """Round 54 kept: "in the two groups" alone is each arm of a two-arm design."""
    text = TWO_ARMS + "Median PFS was 8.4 months in the two groups."
    assert sorted(arms_with(rows_of(nlp, text, ARM_ROW), 8.4)) == ["capecitabine", LC]


def test_backbone_after_a_disjoint_standard_arm_is_no_control(nlp):
    """Negative: T-DM1 extended by T-DM1 plus pertuzumab, but the arm written first shares none
    of its drugs (the standard arm): "the control arm" names no arm."""
    text = (
        "T-DM1 in HER2-positive metastatic breast cancer\n\n"
        "Patients were randomized to trastuzumab plus docetaxel, T-DM1, or T-DM1 plus "
        "pertuzumab. Median PFS in the control arm was 13.7 months."
    )
    assert arms_with(rows_of(nlp, text, ARM_ROW), 13.7) == [None]


def test_backbone_written_first_stays_the_control(nlp):
    """Round 54 kept: the backbone written first, another arm disjoint after it."""
    text = (
        "Docetaxel-based regimens\n\n"
        "Patients were randomized to trastuzumab plus docetaxel, pertuzumab plus trastuzumab "
        "plus docetaxel, or T-DM1. Median PFS in the control arm was 12.4 months."
    )
    assert arms_with(rows_of(nlp, text, ARM_ROW), 12.4) == ["docetaxel+trastuzumab"]


def test_staging_edition_closing_a_title_is_no_trial():
    """Negative: "AJCC-8" is the staging system's edition, not a numbered series."""
    assert trials_in("Pertuzumab in metastatic breast cancer: AJCC-8\nPatients received it.") == []


def test_database_closing_a_title_report_is_no_trial():
    """Negative: "analysis of TCGA" is a database, not a trial."""
    assert trials_in("HER2-positive breast cancer: analysis of TCGA\nWe analysed tumours.") == []


def test_numbered_name_closing_a_title_stays_a_trial():
    """Round 53 kept: "...: MERIDA-2" names the trial."""
    text = "Tucatinib in HER2-positive breast cancer with brain metastases: MERIDA-2\nPatients."
    assert trials_in(text) == ["MERIDA-2"]
