"""Review of rounds 82a, 82b and 83b. The prior-therapy subject of round 82a ends at the
assignment verb, but "were then randomly assigned" / "were subsequently randomized" was no such
verb, so a history before it still cost "capecitabine either alone (X) or with lapatinib (XL)"
its add-on design (X read as XL). The other probes (a second randomisation after surgery, a
supportive drug in a subgroup phrase, "the surgery-alone group" beside duration twins) behaved;
guards keep them so."""

from __future__ import annotations

from extract_helpers import arm_of, rows_of

X = "capecitabine"
XL = "capecitabine+lapatinib"

THEN_ASSIGNED = (
    "Lapatinib plus capecitabine in HER2-positive breast cancer\n\n"
    "Patients who were pretreated with trastuzumab were then randomly assigned to capecitabine "
    "either alone (X) or with lapatinib (XL). Median time to progression was 8.4 months with XL "
    "and 4.4 months with X."
)
SUBSEQUENTLY_RANDOMIZED = (
    "Lapatinib plus capecitabine in HER2-positive breast cancer\n\n"
    "Patients previously treated with trastuzumab were subsequently randomized to capecitabine "
    "either alone (X) or with lapatinib (XL). Median time to progression was 8.4 months with XL "
    "and 4.4 months with X."
)
HISTORY_THEN_ASSIGNED = (
    "Second-line therapy in HER2-positive breast cancer\n\n"
    "Patients previously treated with docetaxel plus trastuzumab either alone (TH) or with "
    "bevacizumab (BEV-TH) were then randomly assigned to lapatinib plus capecitabine or "
    "neratinib plus capecitabine. Median PFS was 6.6 months with lapatinib plus capecitabine "
    "and 8.8 months with neratinib plus capecitabine."
)
SECOND_RANDOMISATION = (
    "Neoadjuvant anti-HER2 therapy\n\n"
    "Patients were randomized to lapatinib (arm 1), trastuzumab (arm 2) or lapatinib plus "
    "trastuzumab (arm 3), followed by surgery and then trastuzumab or observation. The "
    "pathologic complete response rate was 25% in arm 1, 30% in arm 2 and 50% in arm 3."
)
SUPPORTIVE_SUBGROUP = (
    "Neratinib after trastuzumab\n\n"
    "Patients were randomized to neratinib or placebo. Diarrhoea resolved in 80% of patients "
    "with grade 3 diarrhoea receiving loperamide."
)
SURGERY_ALONE_BESIDE_TWINS = (
    "Trastuzumab after adjuvant chemotherapy\n\n"
    "Patients were randomized to observation, trastuzumab for 1 year or trastuzumab for 2 "
    "years. The 3-year disease-free survival was 80.6% in the 1-year trastuzumab group and "
    "74.3% in the surgery-alone group."
)


def test_then_assigned_subject_keeps_the_add_on_design(nlp):
    """The verb "were then randomly assigned" ends the pretreated subject: X is capecitabine alone."""
    rows = rows_of(nlp, THEN_ASSIGNED)
    assert arm_of(rows, 4.4) == X
    assert arm_of(rows, 8.4) == XL


def test_subsequently_randomized_subject_keeps_the_add_on_design(nlp):
    """The verb "were subsequently randomized" ends the subject too."""
    rows = rows_of(nlp, SUBSEQUENTLY_RANDOMIZED)
    assert arm_of(rows, 4.4) == X
    assert arm_of(rows, 8.4) == XL


def test_history_before_then_assigned_defines_no_arms(nlp):
    """A history design written before "were then randomly assigned" stays no arm."""
    rows = rows_of(nlp, HISTORY_THEN_ASSIGNED)
    assert arm_of(rows, 6.6) == "capecitabine+lapatinib"
    assert arm_of(rows, 8.8) == "capecitabine+neratinib"


def test_second_randomisation_after_surgery_keeps_the_arms(nlp):
    """A later "followed by surgery and then X or observation" choice: arms 1-3 stand."""
    rows = rows_of(nlp, SECOND_RANDOMISATION)
    assert arm_of(rows, 25.0) == "lapatinib"
    assert arm_of(rows, 30.0) == "trastuzumab"
    assert arm_of(rows, 50.0) == "lapatinib+trastuzumab"


def test_supportive_drug_after_subgroup_names_no_arm(nlp):
    """In "of patients with grade 3 diarrhoea receiving loperamide" loperamide is no arm."""
    assert arm_of(rows_of(nlp, SUPPORTIVE_SUBGROUP), 80.0) is None


def test_surgery_alone_group_beside_duration_twins_names_no_arm(nlp):
    """Twins of one drug have no add-on base: "the surgery-alone group" is not trastuzumab."""
    rows = rows_of(nlp, SURGERY_ALONE_BESIDE_TWINS)
    assert arm_of(rows, 80.6) == "trastuzumab"
    assert arm_of(rows, 74.3) is None
