"""Review of round 43a (add-on designs). A non-drug modality written between the backbone and
"with or without X" ("cisplatin and fluorouracil with 50 Gy radiotherapy, with or without
trastuzumab") hid the design: the add-on arm was X alone and "the chemoradiation-alone group"
named no arm. A short form the text defines for a chain in an add-on bracket ("paclitaxel plus
trastuzumab given either alone (PH)") still added the lexicon's reading of the letters
(pertuzumab) to the drugs."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, extract_text, rows_of

CRT = "cisplatin+fluorouracil"
CRT_H = "cisplatin+fluorouracil+trastuzumab"
RECEIVED_RT = (
    "Patients received cisplatin and fluorouracil with 50 Gy radiotherapy, with or without "
    "trastuzumab, followed by surgery. The 2-year DFS was 45% with trastuzumab and 38% in the "
    "chemoradiation-alone group."
)
RANDOMISED_RT = (
    "Patients were randomly assigned to cisplatin and fluorouracil with 50 Gy radiotherapy, "
    "with or without trastuzumab, followed by surgery. The 2-year DFS was 45% with trastuzumab "
    "and 38% without trastuzumab."
)
EVEROLIMUS = (
    "Patients were randomly assigned to weekly paclitaxel plus trastuzumab given either alone "
    "(PH) or with everolimus (PH-E). Median PFS was 9.1 months with PH-E and 8.2 months with "
    "PH."
)


def test_radiotherapy_between_backbone_and_add_on(nlp):
    """Radiotherapy is no drug and no arm: the design is still backbone + X and backbone, and
    "the chemoradiation-alone group" is the backbone arm."""
    rows = rows_of(nlp, RECEIVED_RT, ARM_ROW)
    assert arm_of(rows, 45.0) == CRT_H
    assert arm_of(rows, 38.0) == CRT


def test_radiotherapy_add_on_design_randomised_bare_without(nlp):
    """The same design after "were randomly assigned to"; a bare "without X" is the control."""
    rows = rows_of(nlp, RANDOMISED_RT, ARM_ROW)
    assert arm_of(rows, 45.0) == CRT_H
    assert arm_of(rows, 38.0) == CRT


def test_trimodality_alone_group_is_the_backbone(nlp):
    """ "the trimodality-alone arm" names the arm without the added drug."""
    text = (
        "Patients were randomly assigned to paclitaxel and carboplatin plus radiotherapy with "
        "or without trastuzumab. The 2-year DFS was 45% with trastuzumab and 38% in the "
        "trimodality-alone arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 45.0) == "carboplatin+paclitaxel+trastuzumab"
    assert arm_of(rows, 38.0) == "carboplatin+paclitaxel"


def test_received_with_or_without_single_arm_is_no_design(nlp):
    """Negative: in a single-arm study "received A with or without X" gives one arm per
    patient's option, not two arms: a value with no arm word keeps the named regimen."""
    text = (
        "All patients received trastuzumab with or without pertuzumab at the investigator's "
        "discretion. The ORR was 52% with trastuzumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 52.0) == "trastuzumab"


def test_add_on_short_form_adds_no_lexicon_drug(nlp):
    """ "(PH)" the text defines as paclitaxel plus trastuzumab does not add pertuzumab, the
    lexicon's reading of the letters."""
    ex = extract_text(nlp, EVEROLIMUS)
    assert sorted(ex.drugs) == ["everolimus", "paclitaxel", "trastuzumab"]


def test_lexicon_short_form_still_a_drug_when_not_defined(nlp):
    """Negative: an undefined "PH" keeps its lexicon reading."""
    text = "Patients were treated with PH and docetaxel. The ORR was 80%."
    ex = extract_text(nlp, text)
    assert "pertuzumab" in ex.drugs
