"""Held-out round 12a: narrative reviews citing several HER2 trials, arms scoped to the trial
under discussion.

One arm registry served the whole text, so in a review citing APHINITY (pertuzumab or placebo
with trastuzumab) and then ExteNET (neratinib or placebo) "87.7% with placebo" in the ExteNET
sentence took APHINITY's trastuzumab-plus-placebo arm; PHOEBE's "patients received pyrotinib
plus capecitabine or lapatinib plus capecitabine" was not read as a design after NALA's
randomisation sentence, so "the pyrotinib group" missed capecitabine; "patients who had completed
trastuzumab" was not prior therapy, so a value in their subgroup took trastuzumab as its arm.
"""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

APHINITY_EXTENET = (
    "Adjuvant escalation of HER2-targeted therapy: a narrative review\n\n"
    "In the APHINITY trial, 4805 patients with operable HER2-positive breast cancer were randomly "
    "assigned to pertuzumab or placebo added to standard adjuvant chemotherapy plus 1 year of "
    "trastuzumab. The 3-year invasive disease-free survival (IDFS) was 94.1% with pertuzumab and "
    "93.2% with placebo (hazard ratio [HR] 0.81; 95% CI 0.66-1.00; P=0.045). The ExteNET trial "
    "randomly assigned 2840 women who had completed trastuzumab-based adjuvant therapy to "
    "neratinib or placebo. The 5-year IDFS was 90.2% with neratinib and 87.7% with placebo "
    "(HR 0.73; 95% CI 0.57-0.92; P=0.0083)."
)


def test_placebo_resolves_among_the_arms_of_the_trial_under_discussion(nlp):
    # Before: 87.7 (ExteNET's placebo group, no drug) took APHINITY's placebo arm, trastuzumab.
    assert arms_of(nlp, APHINITY_EXTENET) == {
        94.1: "pertuzumab+trastuzumab",
        93.2: "trastuzumab",
        90.2: "neratinib",
        87.7: None,
    }


def test_control_group_of_a_trial_without_its_own_design_is_not_another_trials_arm(nlp):
    # Before: ExteNET's design is not stated, and its "control group" took the last arm
    # defined (NALA's lapatinib plus capecitabine). Null beats another trial's arm.
    text = (
        "HER2-targeted therapy: a review\n\n"
        "In KATHERINE, patients with residual disease were randomly assigned to T-DM1 or "
        "trastuzumab. In NALA, patients were randomly assigned to neratinib plus capecitabine or "
        "lapatinib plus capecitabine. In ExteNET, the 5-year IDFS in the control group was 87.7%."
    )
    assert arms_of(nlp, text) == {87.7: None}


def test_arms_defined_before_any_trial_is_named_serve_every_trial(nlp):
    # Negative: one study's design (no trial named in it) stays the arms of the whole text,
    # even after a sentence names a trial.
    text = (
        "Pertuzumab in HER2-positive metastatic breast cancer\n\n"
        "Patients were randomly assigned to pertuzumab or placebo, each with trastuzumab and "
        "docetaxel. As in CLEOPATRA, median progression-free survival was 18.7 months with "
        "pertuzumab and 12.4 months with placebo (HR 0.69; P<0.001)."
    )
    assert arms_of(nlp, text) == {
        18.7: "docetaxel+pertuzumab+trastuzumab",
        12.4: "docetaxel+trastuzumab",
    }


def test_trials_named_together_share_their_arms(nlp):
    # Negative: a joint analysis names both trials in one sentence: one set of arms, no scoping.
    text = (
        "Adjuvant trastuzumab: a review\n\n"
        "In NSABP B-31 and NCCTG N9831, patients were randomly assigned to chemotherapy with or "
        "without trastuzumab. In N9831, the 10-year DFS was 73.7% with trastuzumab and 62.2% in "
        "the control group."
    )
    found = arms_of(nlp, text)
    assert found[73.7] == "trastuzumab"


NALA_PHOEBE = (
    "Tyrosine kinase inhibitors for HER2-positive metastatic breast cancer: a review\n\n"
    "In the NALA trial, 621 patients were randomly assigned to neratinib plus capecitabine or "
    "lapatinib plus capecitabine. The 12-month PFS rate was 29% versus 15%. In the PHOEBE trial, "
    "patients previously treated with trastuzumab and taxanes received pyrotinib plus "
    "capecitabine or lapatinib plus capecitabine. The objective response rate was 78.5% versus "
    "56.8%. Median PFS was 12.5 months in the pyrotinib group (HR 0.39; 95% CI 0.27-0.56; "
    "P<0.0001)."
)


def test_another_trials_received_sentence_defines_its_arms(nlp):
    # Before: PHOEBE's arms were not read (NALA's randomisation had defined two), so "the
    # pyrotinib group" was pyrotinib alone.
    found = arms_of(nlp, NALA_PHOEBE)
    assert found[12.5] == "capecitabine+pyrotinib"
    assert found[78.5] == "capecitabine+pyrotinib"
    assert found[56.8] == "capecitabine+lapatinib"
    assert found[29.0] == "capecitabine+neratinib"


def test_received_sentence_of_the_same_trial_defines_no_more_arms(nlp):
    # Negative: the "received" sentence is about the trial whose randomisation defined the arms.
    text = (
        "Title\n\n"
        "In the NALA trial, 621 patients were randomly assigned to neratinib plus capecitabine or "
        "lapatinib plus capecitabine. In NALA, patients also received loperamide or lapatinib. "
        "Median PFS was 8.8 months in the lapatinib group."
    )
    assert arms_of(nlp, text)[8.8] == "capecitabine+lapatinib"


def test_drug_patients_had_completed_is_prior_therapy(nlp):
    # Before: "who had completed trastuzumab" named trastuzumab as the subgroup's arm.
    base = (
        "Extended adjuvant neratinib\n\n"
        "In ExteNET, patients were randomly assigned to neratinib or placebo. "
    )
    one = base + "In patients who had completed trastuzumab, the 5-year IDFS was 90.8%."
    assert arms_of(nlp, one) == {90.8: None}
    two = (
        base + "In patients who completed 1 year of adjuvant trastuzumab less than 1 year "
        "before, the 5-year IDFS was 90.8% versus 85.7%."
    )
    assert arms_of(nlp, two) == {90.8: "neratinib", 85.7: None}


def test_completed_reaches_only_the_drug_it_runs_into(nlp):
    # Negative: the drug after "had completed trastuzumab received" is an arm, not prior therapy.
    text = (
        "Title\n\n"
        "Patients who had completed trastuzumab received neratinib or placebo. The 2-year IDFS "
        "was 94.2% with neratinib and 91.9% with placebo."
    )
    assert [a.drugs for a in registry_of(nlp, text).arms] == [["neratinib"], []]
    assert arms_of(nlp, text) == {94.2: "neratinib", 91.9: None}


def test_another_trials_design_with_its_results_in_one_sentence(nlp):
    # Before: APHINITY's sentence (arms and results together, read only as a comparison) left
    # "pertuzumab" without the trastuzumab both arms received.
    text = (
        "Extended adjuvant neratinib after trastuzumab: an editorial\n\n"
        "In ExteNET, patients who had completed trastuzumab were randomised to neratinib or "
        "placebo. The 5-year invasive disease-free survival was 90.2% in the neratinib group and "
        "87.7% with placebo (HR 0.73; 95% CI 0.57-0.92; P=0.0083). APHINITY compared pertuzumab "
        "or placebo combined with trastuzumab and chemotherapy; at 6 years the IDFS was 90.6% "
        "versus 87.8% (HR 0.76; 95% CI 0.64-0.91)."
    )
    assert arms_of(nlp, text) == {
        90.2: "neratinib",
        87.7: None,
        90.6: "pertuzumab+trastuzumab",
        87.8: "trastuzumab",
    }
