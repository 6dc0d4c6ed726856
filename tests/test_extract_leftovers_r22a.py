"""Left-overs round 22 (a): arms named generically or told apart by no drug, and trial names
that are plain words. "versus 8.2 months with the triplet" (a generic name of the one
three-drug arm) took the control arm's value's arm. SB3 (Pivot 2018): "SB3 or reference
trastuzumab concurrently with chemotherapy (docetaxel followed by FEC)" kept the chemotherapy an
arm of its own (or lost it), as did "neratinib or trastuzumab in combination with paclitaxel"
for neratinib. NSABP B-52: "TCHP or TCHP plus an aromatase inhibitor (TCHP+AI)" made one arm, so
"46.1% with TCHP+AI" took the TCHP arm. "The ELDERLY study ... ELDERLY patients with ...": the
adjective in capitals was a mention of the trial."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of, trials_in

HC = "capecitabine+trastuzumab"
HCP = "capecitabine+pertuzumab+trastuzumab"

TRIPLET = (
    "Trastuzumab plus capecitabine with or without pertuzumab in HER2-positive metastatic breast "
    "cancer\n\n"
    "Patients were randomly assigned to trastuzumab and capecitabine (control arm) or "
    "trastuzumab, capecitabine and pertuzumab. Median PFS was 5.6 months in the control arm "
    "versus 8.2 months with the triplet (HR 0.82; P = 0.07). The objective response rate was 30% "
    "with the triplet regimen."
)


def test_the_triplet_is_the_one_three_drug_arm(nlp):
    """ "with the triplet": the one design arm of three drugs, not the control arm before it."""
    arms = arms_of(nlp, TRIPLET)
    assert arms[5.6] == HC
    assert arms[8.2] == HCP
    assert arms[30.0] == HCP


def test_the_doublet_is_the_one_two_drug_arm(nlp):
    """ "with the doublet" after a single-drug control arm: the two-drug arm."""
    text = (
        "Docetaxel with or without trastuzumab\n\n"
        "Patients were randomly assigned to docetaxel (control arm) or docetaxel plus trastuzumab. "
        "Median OS was 22.7 months in the control arm versus 31.2 months with the doublet "
        "(P = 0.0325)."
    )
    arms = arms_of(nlp, text)
    assert arms[22.7] == "docetaxel"
    assert arms[31.2] == "docetaxel+trastuzumab"


def test_the_combination_in_a_drug_versus_drug_plus_partner_design(nlp):
    """Pinned: "the combination" of "A or A plus B" is A plus B."""
    text = (
        "Lapatinib with or without trastuzumab\n\n"
        "Patients were randomly assigned to lapatinib or lapatinib plus trastuzumab. Median PFS "
        "was 8.1 weeks with lapatinib versus 12.0 weeks with the combination (HR 0.73; "
        "P = 0.008)."
    )
    arms = arms_of(nlp, text)
    assert arms[8.1] == "lapatinib"
    assert arms[12.0] == "lapatinib+trastuzumab"


def test_the_triplet_names_no_arm_when_two_arms_have_three_drugs(nlp):
    """Negative: two three-drug arms; "the triplet" names neither, and its value takes no arm
    (not the arm of the value before it)."""
    text = (
        "Dual HER2 blockade or carboplatin with docetaxel and trastuzumab\n\n"
        "Patients were randomly assigned to trastuzumab, docetaxel and carboplatin (control arm), "
        "or trastuzumab, docetaxel and pertuzumab. Median PFS was 11.0 months in the control "
        "arm versus 14.2 months with the triplet."
    )
    arms = arms_of(nlp, text)
    assert arms[11.0] == "carboplatin+docetaxel+trastuzumab"
    assert arms[14.2] is None


def test_doublet_chemotherapy_is_no_generic_arm_name(nlp):
    """Negative: "doublet chemotherapy" given before the trial, and "a platinum doublet", name
    a kind of regimen, not the design's two-drug arm."""
    text = (
        "Docetaxel and trastuzumab with or without pertuzumab\n\n"
        "Patients were randomly assigned to docetaxel and trastuzumab (control arm) or docetaxel, "
        "trastuzumab and pertuzumab. Patients who had received doublet chemotherapy had a median "
        "PFS of 10.2 months. Patients who had received a platinum doublet had a median PFS of "
        "9.4 months."
    )
    arms = arms_of(nlp, text)
    assert arms[10.2] is None
    assert arms[9.4] is None


FEC_H = "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab"

SB3 = (
    "Phase III equivalence study of SB3 and reference trastuzumab in HER2-positive early breast "
    "cancer\n\n"
    "In this phase III study, patients with HER2-positive early breast cancer were randomly "
    "assigned to SB3 or reference trastuzumab concurrently with chemotherapy (docetaxel "
    "followed by FEC). The primary endpoint was breast pathological complete response. The bpCR "
    "rate was 51.7% with SB3 and 42.0% with reference trastuzumab. Cardiac events occurred in "
    "0.7% of patients in the SB3 group."
)


def test_partner_after_a_biosimilar_choice_joins_both_arms(nlp):
    """ "SB3 or reference trastuzumab concurrently with chemotherapy (...)": the chemotherapy is
    given in both arms (each arm is trastuzumab plus it), no arm of its own."""
    reg = registry_of(nlp, SB3)
    assert [a.name for a in reg.arms] == [FEC_H, FEC_H]
    arms = arms_of(nlp, SB3)
    assert arms[51.7] == FEC_H
    assert arms[42.0] == FEC_H
    assert arms[0.7] == FEC_H


def test_partner_after_a_choice_of_two_anti_her2_agents_joins_both(nlp):
    """ "neratinib or trastuzumab in combination with paclitaxel": paclitaxel is in both arms."""
    text = (
        "Neratinib plus paclitaxel versus trastuzumab plus paclitaxel\n\n"
        "Patients were randomly assigned to neratinib or trastuzumab in combination with "
        "paclitaxel. Median PFS was 12.9 months with neratinib and 12.8 months with trastuzumab."
    )
    reg = registry_of(nlp, text)
    assert sorted(a.name for a in reg.arms) == ["neratinib+paclitaxel", "paclitaxel+trastuzumab"]
    arms = arms_of(nlp, text)
    assert arms[12.9] == "neratinib+paclitaxel"
    assert arms[12.8] == "paclitaxel+trastuzumab"


def test_partner_after_a_chemotherapy_or_anti_her2_choice_stays_with_the_second(nlp):
    """Negative: "docetaxel or trastuzumab in combination with docetaxel": the two alternatives
    play different roles, so the partner stays with the arm it is written with."""
    text = (
        "Docetaxel with or without trastuzumab\n\n"
        "Patients were randomly assigned to docetaxel or trastuzumab in combination with "
        "docetaxel. Median PFS was 6.1 months with docetaxel and 11.7 months with trastuzumab."
    )
    reg = registry_of(nlp, text)
    assert sorted(a.name for a in reg.arms) == ["docetaxel", "docetaxel+trastuzumab"]


TCHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"

B52 = (
    "Neoadjuvant TCHP with or without endocrine therapy (NSABP B-52)\n\n"
    "In NSABP B-52, patients with HER2-positive, hormone receptor-positive breast cancer were "
    "randomly assigned to neoadjuvant docetaxel, carboplatin, trastuzumab and pertuzumab (TCHP) "
    "or TCHP plus an aromatase inhibitor (TCHP+AI). The pCR rate was 46.1% with TCHP+AI versus "
    "40.9% with TCHP (P = 0.36). Grade 3 diarrhea occurred in 20% of patients with TCHP+AI."
)


def test_arm_adding_only_an_unnamed_class_takes_no_arm_of_the_other(nlp):
    """ "TCHP plus an aromatase inhibitor (TCHP+AI)": no drug name tells it from TCHP, so its
    values get no arm rather than TCHP's; "with TCHP" still names TCHP."""
    arms = arms_of(nlp, B52)
    assert arms[46.1] is None
    assert arms[40.9] == TCHP
    assert arms[20.0] is None


def test_unnamed_class_arm_does_not_label_the_arm_without_it(nlp):
    """The class of the added arm ("inhibitor") is no label of the TCHP arm."""
    reg = registry_of(nlp, B52)
    assert [a.name for a in reg.arms] == [TCHP]
    assert not any("inhibitor" in lb for a in reg.arms for lb in a.labels)


def test_arm_adding_a_class_and_a_drug_is_an_arm(nlp):
    """Negative: "TCHP plus letrozole and an aromatase inhibitor"-like additions that name a
    drug are arms of their own ("(TCHP+L)" is TCHP plus letrozole)."""
    text = (
        "Neoadjuvant TCHP with or without letrozole\n\n"
        "Patients were randomly assigned to docetaxel, carboplatin, trastuzumab and pertuzumab "
        "(TCHP) or TCHP plus letrozole (TCHP+L). The pCR rate was 46.1% with TCHP+L versus 40.9% "
        "with TCHP."
    )
    arms = arms_of(nlp, text)
    assert arms[46.1] == "carboplatin+docetaxel+letrozole+pertuzumab+trastuzumab"
    assert arms[40.9] == TCHP


def test_two_arms_each_adding_a_class_to_one_drug_keep_the_drug_name(nlp):
    """Negative: "trastuzumab plus endocrine therapy or trastuzumab plus chemotherapy (H+CT)":
    neither arm is the drug alone, so both stay the trastuzumab arm, as the contract names them
    (the short form too)."""
    text = (
        "Trastuzumab plus endocrine therapy or chemotherapy\n\n"
        "Patients were randomly assigned to trastuzumab plus endocrine therapy or trastuzumab "
        "plus chemotherapy (H+CT). Median PFS was 19.2 months in the endocrine therapy group and "
        "14.8 months with H+CT."
    )
    arms = arms_of(nlp, text)
    assert arms[19.2] == "trastuzumab"
    assert arms[14.8] == "trastuzumab"


ELDERLY = (
    "Pertuzumab and trastuzumab with or without metronomic chemotherapy in older patients\n\n"
    "The ELDERLY study randomly assigned older patients to pertuzumab and trastuzumab with or "
    "without metronomic cyclophosphamide. ELDERLY patients with HER2-positive disease had a "
    "median PFS of 12.7 months. In ELDERLY, grade 3 toxicity occurred in 12% of patients. "
    "ELDERLY enrolled 80 patients."
)


def _mentions(text: str, name: str) -> list[str]:
    """What follows each mention of trial ``name`` (its next 9 characters)."""
    from her2mine.extract.lexicon import load_lexicons
    from her2mine.extract.trials import find_trials

    hits = find_trials(text, load_lexicons().trials)
    return [text[h.end : h.end + 9] for h in hits if h.canonical == name]


def test_plain_word_name_before_people_noun_is_no_mention(nlp):
    """ "ELDERLY patients with ...": the adjective, not the ELDERLY study; the study's other uses
    ("In ELDERLY,", "ELDERLY enrolled") stay mentions, and the trials list is unchanged."""
    assert _mentions(ELDERLY, "ELDERLY") == [" study ra", ", grade 3", " enrolled"]
    assert trials_in(ELDERLY) == ["ELDERLY"] * 3


def test_name_with_a_number_before_people_noun_stays_a_mention(nlp):
    """Negative: "HERMES-2 patients" is no English word: still the trial."""
    text = (
        "The HERMES-2 study randomly assigned patients to trastuzumab or lapatinib. HERMES-2 "
        "patients had a median PFS of 7.0 months."
    )
    assert len(_mentions(text, "HERMES-2")) == 2
