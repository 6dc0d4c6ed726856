"""Design sentences whose arms were read wrong (PHEREXA, BOLERO-3, FinHER): an assigned regimen
after a prior-therapy phrase ("after trastuzumab-based therapy to receive A (group A) or B"), a
daily dose without brackets inside a regimen ("everolimus 5 mg/day plus weekly trastuzumab"),
and a sequence given after a list of options ("A or B, followed by C")."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

PHEREXA = (
    "Trastuzumab and Capecitabine with or without Pertuzumab in HER2-Positive Metastatic Breast "
    "Cancer (PHEREXA)\n\n"
    "METHODS\nIn this open-label, phase 3 trial, we randomly assigned patients with "
    "HER2-positive metastatic breast cancer who had disease progression during or after "
    "trastuzumab-based therapy to receive trastuzumab plus capecitabine (group A) or "
    "trastuzumab plus capecitabine plus pertuzumab (group B).\n"
    "RESULTS\nThe median progression-free survival was 9.0 months in group A and 11.1 months "
    "in group B (hazard ratio, 0.82; 95% confidence interval [CI], 0.65 to 1.02; P=0.07). The "
    "median overall survival was 28.1 months in group A and 36.1 months in group B (hazard "
    "ratio, 0.68; 95% CI, 0.51 to 0.90)."
)
BOLERO3 = (
    "Everolimus for women with trastuzumab-resistant, HER2-positive, advanced breast cancer "
    "(BOLERO-3): a randomised, double-blind, placebo-controlled phase 3 trial\n\n"
    "Methods Women with HER2-positive, trastuzumab-resistant advanced breast carcinoma who had "
    "previously received taxane therapy were randomly assigned (1:1) to everolimus 5 mg/day "
    "plus weekly trastuzumab and vinorelbine or to placebo plus trastuzumab plus vinorelbine.\n"
    "Findings Median progression-free survival was 7·00 months (95% CI 6·74–8·18) with "
    "everolimus and 5·78 months (5·62–6·87) with placebo (hazard ratio 0·78 [95% CI "
    "0·65–0·95]; p=0·0067). The most common grade 3–4 adverse events were neutropenia (204 "
    "[73%] patients in the everolimus group vs 175 [62%] in the placebo group)."
)
FINHER = (
    "Adjuvant Docetaxel or Vinorelbine with or without Trastuzumab for Breast Cancer\n\n"
    "METHODS We randomly assigned 1010 women with axillary node-positive or high-risk "
    "node-negative breast cancer to receive three cycles of docetaxel or nine weekly cycles of "
    "vinorelbine, followed by three cycles of fluorouracil, epirubicin, and cyclophosphamide "
    "(FEC).\nRESULTS Recurrence-free survival at 3 years was better in the docetaxel group "
    "than in the vinorelbine group (91% vs. 86%; hazard ratio for recurrence or death, 0.58; "
    "95% CI, 0.40 to 0.85; P=0.005)."
)
TCH = "capecitabine+pertuzumab+trastuzumab"
EVT = "everolimus+trastuzumab+vinorelbine"
D_FEC = "cyclophosphamide+docetaxel+epirubicin+fluorouracil"
V_FEC = "cyclophosphamide+epirubicin+fluorouracil+vinorelbine"


def arm_names(nlp, text: str) -> list[str | None]:
    return [a.name for a in registry_of(nlp, text).arms]


def test_to_receive_after_a_prior_therapy_gives_the_assigned_arm(nlp):
    arms = arms_of(nlp, PHEREXA)
    assert arms[9.0] == arms[28.1] == "capecitabine+trastuzumab"
    assert arms[11.1] == arms[36.1] == TCH


def test_a_prior_therapy_without_to_receive_stays_prior(nlp):
    text = (
        "Patients whose disease progressed after trastuzumab-based therapy were randomly "
        "assigned to receive lapatinib plus capecitabine or capecitabine alone."
    )
    assert arm_names(nlp, text) == ["capecitabine+lapatinib", "capecitabine"]


def test_an_unbracketed_daily_dose_does_not_end_the_regimen(nlp):
    arms = arms_of(nlp, BOLERO3)
    assert arms[7.0] == arms[73.0] == EVT
    assert arms[5.78] == arms[62.0] == "trastuzumab+vinorelbine"


def test_options_then_a_comma_sequence_each_get_the_sequence(nlp):
    assert set(arm_names(nlp, FINHER)) == {D_FEC, V_FEC}
    arms = arms_of(nlp, FINHER)
    assert arms[91.0] == D_FEC
    assert arms[86.0] == V_FEC


def test_a_sequence_after_one_option_stays_with_that_option(nlp):
    # "A followed by C or B": C belongs to A only; no comma before "followed by" after an "or"
    text = (
        "Patients were randomly assigned to receive four cycles of doxorubicin and "
        "cyclophosphamide followed by paclitaxel or six cycles of docetaxel and carboplatin."
    )
    assert arm_names(nlp, text) == [
        "cyclophosphamide+doxorubicin+paclitaxel",
        "carboplatin+docetaxel",
    ]


def test_options_then_a_sequence_without_comma_are_left_as_written(nlp):
    text = (
        "Patients were randomly assigned to receive docetaxel or vinorelbine followed by "
        "fluorouracil, epirubicin, and cyclophosphamide."
    )
    assert arm_names(nlp, text) == [
        "docetaxel",
        "cyclophosphamide+epirubicin+fluorouracil+vinorelbine",
    ]
