"""Held-out round 16 (b): arms named by a drug class, and shares of responders that are no end
point. TRAIN-2 (van Ramshorst 2018): "both concomitantly with trastuzumab and pertuzumab" was a
third arm, so "the anthracycline group" / "the non-anthracycline group" named no arm. PHERGain
(Pérez-García 2021): "227 patients (79.6%) were PET responders, of whom 86 (37.9%) achieved a
pCR" made the share of PET responders a pCR rate."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

from her2mine.extract.arms import arm_refs
from her2mine.extract.components import _hits

FEC = "carboplatin+cyclophosphamide+epirubicin+fluorouracil+paclitaxel+pertuzumab+trastuzumab"
PC = "carboplatin+paclitaxel+pertuzumab+trastuzumab"

TRAIN2 = (
    "Neoadjuvant carboplatin and paclitaxel plus trastuzumab and pertuzumab with or without "
    "anthracyclines in HER2-positive breast cancer (TRAIN-2)\n\n"
    "In the TRAIN-2 trial, patients with stage II-III HER2-positive breast cancer were randomly "
    "assigned (1:1) to receive three cycles of fluorouracil, epirubicin and cyclophosphamide "
    "(FEC) followed by six cycles of paclitaxel and carboplatin, or nine cycles of paclitaxel "
    "and carboplatin, both concomitantly with trastuzumab and pertuzumab. The primary endpoint "
    "was pathological complete response. A pathological complete response was achieved in 67% "
    "of patients in the anthracycline group and 68% of patients in the non-anthracycline group "
    "(P = 0.95). Febrile neutropenia occurred in 10% of patients in the anthracycline group "
    "versus 1% in the non-anthracycline group (P < 0.0001)."
)


def test_both_concomitantly_with_joins_every_arm(nlp):
    """ "A, or B, both concomitantly with C": C is given with each arm, not a third arm."""
    rows = rows_of(nlp, TRAIN2, P_ROW)
    assert arm_of(rows, 68.0) == PC
    assert arm_of(rows, 1.0) == PC


def test_class_named_group_is_the_arm_holding_that_class(nlp):
    """ "the anthracycline group" is the one arm with an anthracycline (epirubicin)."""
    rows = rows_of(nlp, TRAIN2, P_ROW)
    assert arm_of(rows, 67.0) == FEC
    assert arm_of(rows, 10.0) == FEC
    assert [r[3] for r in rows if r[2] in (67.0, 68.0)] == ["0.95", "0.95"]


def test_class_named_group_without_a_unique_holder_has_no_arm(nlp):
    """Negative: both arms hold an anthracycline, so "the anthracycline group" names neither."""
    text = (
        "Epirubicin-based chemotherapy with trastuzumab\n\n"
        "Patients were randomly assigned to epirubicin and cyclophosphamide followed by "
        "docetaxel, or epirubicin and cyclophosphamide followed by paclitaxel, both concomitantly "
        "with trastuzumab. The pCR rate was 40% in the anthracycline group."
    )
    reg = registry_of(nlp, text)
    assert len(reg.arms) == 2
    s = text.index("The pCR")
    refs = arm_refs(text, s, len(text), _hits(nlp(text)._.her2, "drugs"), reg)
    assert [text[r.start : r.end] for r in refs] == ["anthracycline group"]
    assert refs[0].arm is None


PHERGAIN = (
    "Chemotherapy de-escalation using an 18F-FDG-PET-based pathological response-adapted "
    "strategy in HER2-positive early breast cancer (PHERGain)\n\n"
    "In PHERGain, patients with HER2-positive, stage I-IIIA operable breast cancer were randomly "
    "assigned (1:4) to group A (docetaxel, carboplatin, trastuzumab and pertuzumab) or group B "
    "(trastuzumab and pertuzumab, with or without endocrine therapy). Co-primary endpoints were "
    "pCR in PET responders in group B and 3-year invasive disease-free survival in group B. "
    "In group B, 227 patients (79.6%) were PET responders, of whom 86 (37.9%) achieved a pCR."
)


def test_share_of_pet_responders_is_no_pcr_rate(nlp):
    """ "227 patients (79.6%) were PET responders, of whom ... achieved a pCR": 79.6% is no
    pCR rate; the pCR rate after it stays."""
    values = [r[2] for r in rows_of(nlp, PHERGAIN, P_ROW) if r[0] == "pCR"]
    assert 79.6 not in values
    assert 37.9 in values


def test_biomarker_responder_and_clearance_shares_are_no_rates(nlp):
    text = (
        "Neoadjuvant trastuzumab and pertuzumab in HER2-positive breast cancer\n\n"
        "Patients received trastuzumab plus pertuzumab. Overall, 41 patients (35%) were Ki67 "
        "responders and 30 (26%) achieved a pCR. Among 80 evaluable patients, 24 (30%) had "
        "ctDNA clearance, of whom 12 (50%) achieved pCR."
    )
    values = [r[2] for r in rows_of(nlp, text, P_ROW)]
    assert 35.0 not in values and 30.0 not in values
    assert 26.0 in values and 50.0 in values


def test_objective_responders_stay_a_response_rate(nlp):
    """Negative: "were objective responders (ORR)" is the response rate itself."""
    text = (
        "Trastuzumab and pertuzumab in HER2-positive metastatic breast cancer\n\n"
        "Patients received trastuzumab plus pertuzumab. In total, 52 patients (45%) were "
        "objective responders (ORR)."
    )
    assert ("ORR", "rate", 45.0) in [r[:3] for r in rows_of(nlp, text, P_ROW)]


# PERNETTA (Huober 2019): the treatment at progression is a later line.
PERNETTA = (
    "Pertuzumab and trastuzumab with or without chemotherapy (PERNETTA)\n\n"
    "Patients were randomized to trastuzumab and pertuzumab alone (arm A) or trastuzumab and "
    "pertuzumab plus paclitaxel (arm B), with T-DM1 at progression. The primary endpoint was "
    "overall survival at 24 months. Median progression-free survival was 8.4 months in arm A "
    "and 23.3 months in the control arm."
)


def test_treatment_at_progression_is_no_arm(nlp):
    """ ", with T-DM1 at progression" after the first-line arms defines no T-DM1 arm, so "the
    control arm" of the lettered design does not resolve to T-DM1."""
    reg = registry_of(nlp, PERNETTA)
    assert [a.name for a in reg.arms] == [
        "pertuzumab+trastuzumab",
        "paclitaxel+pertuzumab+trastuzumab",
    ]
    assert arm_of(rows_of(nlp, PERNETTA, P_ROW), 23.3) != "trastuzumab emtansine"


def test_regimen_after_progression_clause_still_an_arm(nlp):
    """Negative: a design that names no later line keeps its last arm ("at progression" in
    the patients' description before the arms is no later-line clause)."""
    text = (
        "Trastuzumab emtansine in HER2-positive metastatic breast cancer\n\n"
        "Patients with disease progression after trastuzumab were randomized to lapatinib plus "
        "capecitabine or trastuzumab emtansine. Median PFS was 9.6 months with trastuzumab "
        "emtansine and 6.4 months with lapatinib plus capecitabine."
    )
    assert len(registry_of(nlp, text).arms) == 2


def test_progression_on_a_prior_drug_is_no_later_line(nlp):
    """Negative: "after progression on trastuzumab" names the line before, so the regimen
    written before it stays an arm of the design (only "at progression" and the like, with no
    earlier drug named, open a later-line clause)."""
    text = (
        "Second-line treatment of HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to capecitabine (arm A), or trastuzumab emtansine "
        "(arm B) after progression on trastuzumab. The ORR was 40%."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "trastuzumab emtansine" in names
