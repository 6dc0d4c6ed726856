"""Fresh round 77 (a): arms lost to designs written around their regimens. A dosed backbone
("docetaxel ... plus trastuzumab 8 mg/kg loading dose then 6 mg/kg every 3 weeks, given either
alone (TH) or with bevacizumab ... (BEV-TH)") hid the add-on design behind its schedule; choice
brackets closing on a label ("(taxane or vinorelbine, investigator's choice; chemo arm)") left
no arm; a Methods design restating a randomised title's regimens lost its group names before
the brackets ("the study group (A)"), so the groups swapped; a recruitment sentence ("after 50
patients had been randomised because of hepatotoxicity with buparlisib") defined a buparlisib
arm; a ";" clause about the added drug's group after "A with radiotherapy, with or without B
(dose bracket)" hid the add-on design; biosimilar twins whose backbone only a Background names
("PF-05280014 and trastuzumab-EU, each combined with paclitaxel") lost it."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, arm_of, arms_of, registry_of, rows_of

# --- 1. "given either alone (S1) or with X (S2)" after a dosed backbone ------------------------

BEV = "bevacizumab+docetaxel+trastuzumab"
DT = "docetaxel+trastuzumab"
DOSED_ADD_ON = (
    "Bevacizumab plus docetaxel and trastuzumab in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomly assigned to docetaxel 100 mg/m² plus trastuzumab {dose}, given "
    "either alone (TH) or with bevacizumab 15 mg/kg every 3 weeks (BEV-TH), until disease "
    "progression. Median PFS was 16.5 months with BEV-TH and 13.7 months with TH."
)


@pytest.mark.parametrize(
    "dose", ["8 mg/kg loading dose then 6 mg/kg every 3 weeks", "8 mg/kg, then 6 mg/kg"]
)
def test_add_on_design_after_the_backbone_schedule(nlp, dose):
    """The schedule after the backbone's last drug does not hide "given either alone (TH) or
    with X (BEV-TH)": BEV-TH is the backbone plus bevacizumab."""
    arms = arms_of(nlp, DOSED_ADD_ON.format(dose=dose))
    assert arms[16.5] == BEV
    assert arms[13.7] == DT


def test_words_that_are_no_schedule_keep_their_reading(nlp):
    """Negative: a comma after words that are no dose ("trastuzumab in the adjuvant setting,
    given either alone ...") is no backbone schedule; no add-on arm is read across it."""
    text = (
        "Trastuzumab\n\n"
        "Patients previously treated with docetaxel plus trastuzumab in the adjuvant setting, "
        "given either alone (TH) or with bevacizumab (BEV-TH), were eligible."
    )
    assert BEV not in [a.name for a in registry_of(nlp, text).arms if a.drugs]


# --- 2. choice brackets ending in a label -----------------------------------------------------

PH = "pertuzumab+trastuzumab"
CHOICE_LABELS = (
    "Trastuzumab and pertuzumab with chemotherapy or endocrine therapy in HER2-positive "
    "metastatic breast cancer\n\n"
    "Patients were randomized 1:1 to trastuzumab + pertuzumab combined with chemotherapy "
    "(taxane or vinorelbine, investigator's choice; chemo arm) or with endocrine therapy "
    "(aromatase inhibitor or fulvestrant, investigator's choice; endocrine arm). The primary "
    "endpoint was PFS. Median PFS was 15.4 mo in the chemo arm and 18.6 mo in the endocrine arm."
)


def test_labelled_choice_brackets_are_arms_of_the_backbone(nlp):
    """Each labelled arm is the backbone; the partners chosen per patient are left out."""
    rows = rows_of(nlp, CHOICE_LABELS, ARM_ROW)
    assert arm_of(rows, 15.4) == PH
    assert arm_of(rows, 18.6) == PH


def test_labelled_choice_brackets_with_lettered_groups(nlp):
    """The same with lettered labels and "plus": "group A" and "group B" are trastuzumab."""
    text = (
        "Trastuzumab with chemotherapy or endocrine therapy\n\n"
        "Patients were randomly assigned to trastuzumab plus chemotherapy (paclitaxel or "
        "docetaxel, physician's choice; group A) or plus endocrine therapy (letrozole or "
        "anastrozole, physician's choice; group B). PFS was 14.1 months in group A and 11.2 "
        "months in group B."
    )
    arms = arms_of(nlp, text)
    assert arms[14.1] == "trastuzumab"
    assert arms[11.2] == "trastuzumab"


def test_choice_bracket_without_a_label_defines_no_twin(nlp):
    """Negative: without a group word after the ";" the brackets name no arm pair."""
    text = (
        "Trastuzumab with chemotherapy or endocrine therapy\n\n"
        "Patients were randomly assigned to trastuzumab plus chemotherapy (paclitaxel or "
        "docetaxel, physician's choice; 6 cycles) or plus endocrine therapy (letrozole or "
        "anastrozole, physician's choice; 2 years)."
    )
    labels = [a.labels for a in registry_of(nlp, text).arms]
    assert {"6 cycles"} not in labels and {"2 years"} not in labels


# --- 3. a Methods design restating a randomised title names its groups ------------------------

TITLED = (
    "{title}\n\n"
    "Methods: Patients were randomly assigned in a 2:1 ratio to the study group (inetetamab "
    "plus vinorelbine) or the control group (vinorelbine alone). Results: The median PFS of the "
    "study group and the control group was 39.6 weeks and 14.0 weeks, respectively (HR=0.33, "
    "95% CI 0.20-0.54, P<0.001)."
)


@pytest.mark.parametrize(
    "title",
    [
        "Inetetamab combined with vinorelbine versus vinorelbine alone in HER2-positive "
        "metastatic breast cancer: a multicenter, randomized, controlled phase III trial",
        "Inetetamab in HER2-positive metastatic breast cancer",
    ],
)
def test_group_names_before_restated_regimens(nlp, title):
    """The Methods' "study group (A)" / "control group (B)" name the title's arms: the
    respectively values follow the Methods, with or without the title."""
    arms = arms_of(nlp, TITLED.format(title=title))
    assert arms[39.6] == "inetetamab+vinorelbine"
    assert arms[14.0] == "vinorelbine"


def test_experimental_group_named_before_restated_regimen(nlp):
    """A variant: "the experimental group (A) or the control group (B)" after a randomised
    title "A versus B alone", values listed control first."""
    text = (
        "Pyrotinib plus capecitabine versus capecitabine alone in HER2-positive metastatic "
        "breast cancer: a randomized phase II trial\n\n"
        "Methods: Patients were randomly assigned 1:1 to the experimental group (pyrotinib plus "
        "capecitabine) or the control group (capecitabine). Results: ORR was 78.5% in the "
        "control group and 57.1% in the experimental group."
    )
    arms = arms_of(nlp, text)
    assert arms[78.5] == "capecitabine"
    assert arms[57.1] == "capecitabine+pyrotinib"


# --- 4. a sentence about randomised patients that assigns nobody ------------------------------

BKM = "buparlisib+paclitaxel+trastuzumab"
PT = "paclitaxel+trastuzumab"
RECRUITMENT = (
    "Buparlisib with trastuzumab and paclitaxel as neoadjuvant therapy for HER2-positive breast "
    "cancer\n\n"
    "Methods: Patients were randomised 1:1 to buparlisib 100 mg/day or placebo for 6 weeks "
    "together with weekly trastuzumab, followed by 12 weeks of buparlisib or placebo with "
    "weekly paclitaxel and trastuzumab before surgery. Results: {stop} The pCR rate was 32.0% "
    "in the buparlisib arm and 40.0% in the placebo arm (P = 0.77)."
)


@pytest.mark.parametrize(
    "stop",
    [
        "Recruitment was stopped after 50 of the planned 256 patients had been randomised "
        "because of hepatotoxicity with buparlisib.",
        "Accrual closed after 50 patients were randomized, due to liver toxicity with buparlisib.",
    ],
)
def test_recruitment_sentence_defines_no_arm(nlp, stop):
    """ "had been randomised because of toxicity with X" assigns nobody: the pCR values carry
    the full arms (pCR follows the whole sequence)."""
    rows = rows_of(nlp, RECRUITMENT.format(stop=stop), ARM_ROW)
    assert arm_of(rows, 32.0) == BKM
    assert arm_of(rows, 40.0) == PT


def test_randomised_to_still_assigns(nlp):
    """Negative: "were randomised to A or B" later in the text still defines the arms."""
    text = (
        "Lapatinib\n\n"
        "Patients were randomised to lapatinib plus capecitabine or capecitabine alone. ORR was "
        "22% with lapatinib plus capecitabine and 14% with capecitabine alone."
    )
    arms = arms_of(nlp, text)
    assert arms[22.0] == "capecitabine+lapatinib"
    assert arms[14.0] == "capecitabine"


# --- 5. "A and B with radiotherapy, with or without X (dose)", then a clause about X's group ----

CPT = "carboplatin+paclitaxel+trastuzumab"
CP = "carboplatin+paclitaxel"
TRIMODALITY = (
    "Trastuzumab with trimodality treatment for oesophageal adenocarcinoma with HER2 "
    "overexpression\n\n"
    "Methods: Patients were randomly assigned (1:1) to weekly paclitaxel (50 mg/m²) and "
    "carboplatin (area under the curve 2) with 50·4 Gy radiotherapy, with or without trastuzumab "
    "(4 mg/kg in week 1, then 2 mg/kg weekly for 5 weeks), followed by surgery{clause}. "
    "Findings: The median disease-free survival was 19·6 months (95% CI 13·5–26·2) in the "
    "trastuzumab group and 14·2 months (10·5–23·0) in the trimodality-alone group. Median "
    "overall survival was 38·5 months with trastuzumab and 38·9 months without."
)


@pytest.mark.parametrize(
    "clause",
    [
        "; patients in the trastuzumab group received 13 further doses of maintenance "
        "trastuzumab (6 mg/kg every 3 weeks) after surgery",
        "; those assigned to trastuzumab continued trastuzumab for 1 year",
        "",
    ],
)
def test_clause_about_the_added_drug_keeps_the_add_on_design(nlp, clause):
    """The ";" clause only says more about the trastuzumab arm: both arms hold the backbone."""
    rows = rows_of(nlp, TRIMODALITY.format(clause=clause), ARM_ROW)
    assert arm_of(rows, 19.6) == CPT
    assert arm_of(rows, 14.2) == CP
    assert arm_of(rows, 38.5) == CPT
    assert arm_of(rows, 38.9) == CP


def test_clause_with_a_drug_of_its_own_is_not_dropped(nlp):
    """Negative: a ";" clause naming a drug no regimen before it holds is kept, so the
    with-or-without reading does not fire on a sentence with a third regimen."""
    text = (
        "Trastuzumab with chemotherapy\n\n"
        "Patients were randomly assigned to paclitaxel and carboplatin, with or without "
        "trastuzumab; patients who progressed received capecitabine."
    )
    regimens = [a.name for a in registry_of(nlp, text).arms if a.drugs]
    assert CPT not in regimens or "capecitabine" in " ".join(regimens)


# --- 6. biosimilar twins whose backbone only the Background names -----------------------------

TWINS = (
    "Overall survival with PF-05280014 or trastuzumab-EU plus paclitaxel in first-line "
    "HER2-positive metastatic breast cancer: final analysis of REFLECTIONS B327-02\n\n"
    "Background: REFLECTIONS B327-02 {verb} the trastuzumab biosimilar PF-05280014 and "
    "EU-sourced trastuzumab (trastuzumab-EU), each combined with paclitaxel, for objective "
    "response. Methods: Patients with HER2-positive metastatic breast cancer were randomized 1:1 "
    "and followed for survival for up to 5 years. Results: Of 707 patients, 352 received "
    "PF-05280014 and 355 received trastuzumab-EU. Median OS was 36.4 months in the PF-05280014 "
    "arm and 35.1 months in the trastuzumab-EU arm."
)


@pytest.mark.parametrize("verb", ["established the equivalence of", "compared"])
def test_background_each_with_gives_twins_their_backbone(nlp, verb):
    """ "A and B, each combined with paclitaxel" names the twins' backbone: both arms are
    paclitaxel plus trastuzumab (PF-05280014 is a trastuzumab biosimilar)."""
    arms = arms_of(nlp, TWINS.format(verb=verb))
    assert arms[36.4] == "paclitaxel+trastuzumab"
    assert arms[35.1] == "paclitaxel+trastuzumab"


def test_each_with_naming_a_drug_no_arm_holds_gives_nothing(nlp):
    """Negative: when the mentions before "each" name a drug no arm holds (another trial's
    regimens), the partner after it joins no arm."""
    text = (
        "Pertuzumab and trastuzumab\n\n"
        "Background: Earlier trials gave lapatinib and trastuzumab, each combined with "
        "docetaxel. Methods: Patients were randomly assigned to pertuzumab plus trastuzumab or "
        "trastuzumab alone. Results: ORR was 60% with pertuzumab plus trastuzumab and 40% with "
        "trastuzumab alone."
    )
    arms = arms_of(nlp, text)
    assert arms[60.0] == "pertuzumab+trastuzumab"
    assert arms[40.0] == "trastuzumab"
