"""Held-out round 11a: narrative reviews, editorials and guideline summaries citing several
HER2 trials in one text.

A design sentence whose ";" clause reports the results ("... assigned to neratinib or placebo;
the 5-year IDFS was 90.2% with neratinib and 87.7% with placebo") read the groups of the results
clause as more arms (neratinib labelled "placebo"; a second "chemotherapy" arm beside the
physician's choice); a bare compared pair in a sentence about another trial took the arms of
the previous trial's comparison (HER2CLIMB's 24.7 vs 19.2 months went to T-DXd and T-DM1); a
"respectively" list after "A with B, C, D and E (BCDE)" split the spelt-out regimen into its
drugs and counted its short form as one more arm.
"""

from __future__ import annotations

from extract_helpers import arms_of, registry_of


def _arms(nlp, text: str) -> list[tuple[list[str], bool]]:
    return [(a.drugs, a.has_placebo) for a in registry_of(nlp, text).arms]


EXTENET = (
    "Adjuvant escalation: a review\n\n"
    "In ExteNET, 2,840 patients who had completed trastuzumab were assigned to neratinib or "
    "placebo for 1 year; the 5-year invasive disease-free survival was 90.2% with neratinib and "
    "87.7% with placebo (HR, 0.73; 95% CI, 0.57-0.92; P=0.0083)."
)


def test_results_clause_of_a_design_sentence_defines_no_arm(nlp):
    # Before: one arm, neratinib labelled "placebo", and 87.7 went to neratinib.
    assert _arms(nlp, EXTENET) == [(["neratinib"], False), ([], True)]
    assert arms_of(nlp, EXTENET) == {90.2: "neratinib", 87.7: None}


def test_results_clause_names_the_physicians_choice_arm(nlp):
    # Before: "those receiving chemotherapy" in the results clause became a second drugless
    # arm labelled "chemotherapy", so the reference was ambiguous and 0.6 had no arm.
    text = (
        "T-DXd and ILD: an editorial\n\n"
        "DESTINY-Breast04, which enrolled 557 patients with HER2-low disease, randomly assigned "
        "patients in a 2:1 ratio to T-DXd or the physician's choice of chemotherapy; ILD or "
        "pneumonitis occurred in 12.1% of patients receiving T-DXd and 0.6% of those receiving "
        "chemotherapy."
    )
    assert len(registry_of(nlp, text).arms) == 2
    assert arms_of(nlp, text) == {12.1: "trastuzumab deruxtecan", 0.6: "physician's choice"}


def test_a_clause_that_randomises_stays_part_of_the_design(nlp):
    # Negative: the ";" clause holds a percentage but is itself the randomisation.
    text = (
        "Title\n\n"
        "Patients were stratified by hormone receptor status (48% positive); they were then "
        "randomly assigned to lapatinib plus capecitabine or capecitabine alone."
    )
    assert [d for d, _ in _arms(nlp, text)] == [["capecitabine", "lapatinib"], ["capecitabine"]]


GUIDELINE = (
    "ESMO Clinical Practice Guideline summary: HER2-positive metastatic breast cancer\n\n"
    "This summary presents the updated ESMO recommendations. In the first line, pertuzumab "
    "plus trastuzumab and a taxane is recommended [I, A; ESMO-MCBS v1.1 score 4], based on "
    "CLEOPATRA, in which median overall survival was 57.1 versus 40.8 months (HR, 0.69). In "
    "the second line, T-DXd is recommended [I, A; ESMO-MCBS score 4] based on "
    "DESTINY-Breast03, in which median PFS was 28.8 months with T-DXd versus 6.8 months with "
    "T-DM1 (HR, 0.33; 95% CI, 0.26-0.43). Tucatinib plus trastuzumab and capecitabine is "
    "recommended in the third line and beyond, and for patients with brain metastases [I, B; "
    "ESMO-MCBS score 3], given an overall survival of 24.7 versus 19.2 months in HER2CLIMB "
    "(HR, 0.73; 95% CI, 0.59-0.90). T-DM1 may be considered after T-DXd [II, B]. Neratinib "
    "plus capecitabine may be considered [I, C; ESMO-MCBS score 2], as NALA showed a 12-month "
    "progression-free survival rate of 29% versus 15% for lapatinib plus capecitabine (HR, "
    "0.76; P=0.0059). Level of evidence I and grade of recommendation A were assigned to 7 of "
    "12 statements, and 95% consensus was reached for all recommendations."
)


def test_a_pair_in_a_sentence_about_another_trial_takes_no_earlier_comparison(nlp):
    # Before: 24.7 and 19.2 (HER2CLIMB) went to T-DXd and T-DM1 (DESTINY-Breast03's pair).
    arms = arms_of(nlp, GUIDELINE)
    assert arms[28.8] == "trastuzumab deruxtecan"
    assert arms[6.8] == "trastuzumab emtansine"
    assert arms[24.7] == "capecitabine+trastuzumab+tucatinib"
    assert arms[19.2] is None
    assert not {4.0, 3.0, 2.0, 7.0, 12.0, 95.0} & set(arms)  # scores, counts, consensus


def test_a_trial_named_in_a_sentence_without_values_changes_the_subject(nlp):
    # The comparison under discussion was EMILIA's; HER2CLIMB is named in a sentence of its own.
    text = (
        "Second-line therapy: a review\n\n"
        "In EMILIA, T-DM1 improved median PFS compared with lapatinib plus capecitabine (9.6 vs "
        "6.4 months; HR, 0.65). HER2CLIMB enrolled patients with brain metastases. Median overall "
        "survival was 21.9 versus 17.4 months (HR, 0.66)."
    )
    arms = arms_of(nlp, text)
    assert arms[9.6] == "trastuzumab emtansine"
    assert arms[6.4] == "capecitabine+lapatinib"
    assert arms[21.9] is None and arms[17.4] is None


def test_trials_named_together_share_their_comparison(nlp):
    # Negative: a joint analysis names both trials in one sentence; a later sentence naming one
    # of them still discusses the joint comparison.
    text = (
        "Joint analysis\n\n"
        "In the joint analysis of NCCTG N9831 and NSABP B-31, patients were randomly assigned to "
        "doxorubicin and cyclophosphamide followed by paclitaxel with or without trastuzumab. "
        "The 10-year OS was 84.0% with trastuzumab and 75.2% without (HR, 0.63). In NSABP B-31, "
        "the 10-year DFS was 73.7% versus 62.2% (HR, 0.60)."
    )
    arms = arms_of(nlp, text)
    assert arms[84.0] == arms[73.7]
    assert arms[84.0] is not None and "trastuzumab" in arms[84.0]
    assert arms[62.2] == arms[75.2]


KRISTINE = (
    "Neoadjuvant dual HER2 blockade: a review\n\n"
    "In NeoSphere, 417 women were randomly assigned to trastuzumab plus docetaxel (group A), "
    "pertuzumab and trastuzumab plus docetaxel (group B), pertuzumab and trastuzumab (group C) "
    "or pertuzumab plus docetaxel (group D). KRISTINE compared T-DM1 plus pertuzumab with docetaxel, carboplatin, trastuzumab and "
    "pertuzumab (TCHP); pCR was achieved in 44.4% and 55.7% of patients, respectively "
    "(P=0.016), but grade 3 or higher adverse events were less frequent with T-DM1 plus "
    "pertuzumab (13% vs 64%)."
)


def test_respectively_after_a_regimen_spelt_out_before_its_short_form(nlp):
    # Before: 44.4 went to TCHP and 55.7 had no arm (the commas split TCHP into its drugs and
    # the short form counted as one more arm; the arm after "respectively" was counted too),
    # with NeoSphere's four groups in the registry.
    arms = arms_of(nlp, KRISTINE)
    assert arms[44.4] == "pertuzumab+trastuzumab emtansine"
    assert arms[55.7] == "carboplatin+docetaxel+pertuzumab+trastuzumab"


def test_respectively_still_splits_a_comma_list_of_arms(nlp):
    # Negative: without a short form covering them, comma-listed drugs before "respectively"
    # are arms each.
    text = (
        "Title\n\n"
        "Patients were randomly assigned to docetaxel, paclitaxel or vinorelbine, each with "
        "trastuzumab. The ORR was 60.1%, 50.2% and 40.3% with docetaxel, paclitaxel and "
        "vinorelbine, respectively."
    )
    arms = arms_of(nlp, text)
    assert len({arms[60.1], arms[50.2], arms[40.3]}) == 3
