"""Left-overs of round 22, fixed in round 23. A dose written onto a regimen's short form
("FEC100 followed by docetaxel", "EC90 then paclitaxel") made a code-name drug "fec100" or lost
the regimen; "trastuzumab plus docetaxel with pertuzumab or with placebo" registered no placebo
arm; "the reference trastuzumab group" of a biosimilar trial named no arm; "85.9% in module 0"
(DESTINY-Breast07) took no arm; and BOLERO-1's bare "(0·66 [0·48–0·91]; p=0·0049)" after a pair
of medians was no hazard ratio."""

from __future__ import annotations

from extract_helpers import (
    FULL_ROW,
    P_ROW,
    arm_of,
    extract_text,
    only_row,
    parsed_values,
    registry_of,
    rows_of,
)

FEC_D = "cyclophosphamide+docetaxel+epirubicin+fluorouracil"
FEC_DH = FEC_D + "+trastuzumab"

# --- drugs: a dose written onto a chemotherapy regimen's short form -------------------------------

FEC100 = (
    "Adjuvant trastuzumab after anthracyclines in HER2-positive breast cancer\n\n"
    "Patients with HER2-positive operable breast cancer were randomly assigned to FEC100 "
    "followed by docetaxel plus trastuzumab or FEC100 followed by docetaxel. The 5-year "
    "disease-free survival was 85% with FEC100 followed by docetaxel plus trastuzumab."
)


def test_dosed_short_form_is_its_regimen_not_a_code(nlp):
    """ "FEC100" is FEC at 100 mg/m² epirubicin: its drugs, never a code-name drug "fec100"."""
    ex = extract_text(nlp, FEC100)
    assert "fec100" not in ex.drugs
    assert {"fluorouracil", "epirubicin", "cyclophosphamide"} <= set(ex.drugs)


def test_dosed_short_form_arms_read_like_the_hyphenated_form(nlp):
    """ "FEC100 followed by docetaxel ..." gives the arms "FEC-100 followed by ..." gives."""
    names = sorted(a.name for a in registry_of(nlp, FEC100).arms)
    assert names == sorted(
        a.name for a in registry_of(nlp, FEC100.replace("FEC100", "FEC-100")).arms
    )
    assert names == [FEC_D, FEC_DH]
    assert arm_of(rows_of(nlp, FEC100, P_ROW), 85.0) == FEC_DH


def test_two_digit_dose_keeps_the_regimen(nlp):
    """ "EC90 then paclitaxel": epirubicin and cyclophosphamide stay in both arms."""
    text = (
        "Dose-dense chemotherapy with trastuzumab\n\n"
        "Patients were randomly assigned to EC90 then paclitaxel plus trastuzumab or to EC90 "
        "then paclitaxel alone. The pCR rate was 45% with EC90 then paclitaxel plus "
        "trastuzumab and 20% with EC90 then paclitaxel alone (P < 0.001)."
    )
    ECP = "cyclophosphamide+epirubicin+paclitaxel"
    assert sorted(a.name for a in registry_of(nlp, text).arms) == [ECP, ECP + "+trastuzumab"]
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 45.0) == ECP + "+trastuzumab"
    assert arm_of(rows, 20.0) == ECP


def test_spaced_dose_is_read_past_when_joining(nlp):
    """ "FEC 100 followed by docetaxel plus trastuzumab": the dose after the short form does not
    end the chain, so docetaxel and trastuzumab stay in the arm."""
    text = FEC100.replace("FEC100", "FEC 100")
    assert sorted(a.name for a in registry_of(nlp, text).arms) == [FEC_D, FEC_DH]


def test_dosed_short_form_defined_in_a_bracket(nlp):
    """ "fluorouracil, epirubicin and cyclophosphamide (FEC100)": later "the FEC100 arm" is the
    FEC arm."""
    text = (
        "Sequential chemotherapy with trastuzumab\n\n"
        "Patients received six cycles of fluorouracil, epirubicin and cyclophosphamide (FEC100) "
        "or three cycles of FEC100 followed by three cycles of docetaxel, each with trastuzumab. "
        "The pCR rate was 30% in the FEC100 arm and 40% in the docetaxel arm."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 30.0) == "cyclophosphamide+epirubicin+fluorouracil+trastuzumab"
    assert arm_of(rows, 40.0) == FEC_DH


def test_code_shaped_like_a_short_form_with_a_large_number_stays_a_code(nlp):
    """Negative: "AC220" (a number above any dose) stays a sponsor code; "TP53" (the short form
    of a regimen with an antibody) is a gene, no regimen."""
    text = (
        "A kinase inhibitor in HER2-positive breast cancer\n\n"
        "Patients received AC220 plus trastuzumab. Tumours with TP53 mutations were analysed."
    )
    drugs = extract_text(nlp, text).drugs
    assert "ac220" in drugs
    assert "docetaxel" not in drugs and "pertuzumab" not in drugs


# --- arms: "... with A or with placebo"; a biosimilar's reference product ------------------------

CLEOPATRA = (
    "Pertuzumab plus trastuzumab plus docetaxel for metastatic breast cancer\n\n"
    "In this randomized phase 3 trial, patients with HER2-positive metastatic breast cancer "
    "were assigned to receive trastuzumab plus docetaxel with pertuzumab or with placebo. "
    "Median progression-free survival was 18.5 months in the pertuzumab group and 12.4 months "
    "in the placebo group (hazard ratio, 0.62; 95% CI, 0.51 to 0.75; P<0.001)."
)


def test_or_with_placebo_makes_the_placebo_arm_of_the_backbone(nlp):
    """ "trastuzumab plus docetaxel with pertuzumab or with placebo": the placebo arm is the
    backbone with placebo, so "the placebo group" takes it."""
    reg = registry_of(nlp, CLEOPATRA)
    assert sorted((a.name, a.has_placebo) for a in reg.arms) == [
        ("docetaxel+pertuzumab+trastuzumab", False),
        ("docetaxel+trastuzumab", True),
    ]
    assert arm_of(rows_of(nlp, CLEOPATRA, P_ROW), 12.4) == "docetaxel+trastuzumab"


BIOSIMILAR = (
    "A proposed trastuzumab biosimilar in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomly assigned to receive SB3 or reference trastuzumab, each with "
    "docetaxel. The primary endpoint was ORR. The ORR was 69.6% in the SB3 group and 64.0% in "
    "the reference trastuzumab group. Grade 3 or worse adverse events occurred in 28% of "
    "patients in the originator trastuzumab group."
)


def test_qualified_reference_product_is_a_design_arm(nlp):
    """ "SB3 or reference trastuzumab, each with docetaxel": two arms of trastuzumab with
    docetaxel (a biosimilar and its reference), no docetaxel arm."""
    names = [a.name for a in registry_of(nlp, BIOSIMILAR).arms]
    assert names == ["docetaxel+trastuzumab", "docetaxel+trastuzumab"]


def test_reference_product_group_names_its_arm(nlp):
    """ "64.0% in the reference trastuzumab group", "28% ... in the originator trastuzumab
    group": the qualifier is part of the group's name."""
    rows = rows_of(nlp, BIOSIMILAR, P_ROW)
    assert arm_of(rows, 64.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 28.0) == "docetaxel+trastuzumab"


def test_reference_group_after_a_plus_design(nlp):
    text = (
        "A trastuzumab biosimilar\n\n"
        "Patients were randomly assigned to HLX02 plus docetaxel or to trastuzumab plus "
        "docetaxel. The ORR was 71.0% in the HLX02 group and 71.4% in the reference "
        "trastuzumab group."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 71.4) == "docetaxel+trastuzumab"


def test_reference_as_a_noun_names_no_arm(nlp):
    """Negative: "the reference group" of a subgroup analysis names no drug, so no arm."""
    text = (
        "Trastuzumab plus docetaxel in HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to trastuzumab plus docetaxel or docetaxel alone. "
        "Among older patients, the ORR was 41% compared with the reference group."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 41.0) is None


# --- arms: the modules of a modular study --------------------------------------------------------

TDXD = "trastuzumab deruxtecan"
MODULES = (
    "Trastuzumab deruxtecan alone or in combination (a modular phase 1b/2 study)\n\n"
    "Patients received trastuzumab deruxtecan 5.4 mg/kg every 3 weeks alone (module 0) or "
    "combined with pertuzumab (module 1). The 12-month PFS rate was 85.9% in module 0 and 89.4% "
    "in module 1. Interstitial lung disease occurred in 9% of patients in module 0 and 14% of "
    "patients in module 1."
)


def test_module_names_its_arm(nlp):
    """ "85.9% in module 0": a module the design defined is a group, as "cohort 0" is."""
    rows = rows_of(nlp, MODULES, P_ROW)
    assert [arm_of(rows, v) for v in (85.9, 9.0)] == [TDXD, TDXD]
    assert [arm_of(rows, v) for v in (89.4, 14.0)] == [f"pertuzumab+{TDXD}"] * 2


def test_module_without_a_defined_module_names_no_arm(nlp):
    """Negative: a design without modules: "in module 1" (a questionnaire's part) names no
    arm."""
    text = (
        "Trastuzumab plus docetaxel\n\n"
        "Patients were randomly assigned to trastuzumab plus docetaxel or docetaxel alone. "
        "Fatigue was reported by 35% of patients in module 1 of the questionnaire."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 35.0) is None


# --- numbers: a bare hazard ratio after a pair of medians -----------------------------------------

BOLERO1_HR = (
    "In the hormone receptor-negative subpopulation, median progression-free survival was "
    "20·27 months (14·95–24·08) with everolimus versus 13·08 months (10·05–16·56) with placebo "
    "(0·66 [0·48–0·91]; p=0·0049)."
)


def test_bare_ratio_after_a_median_pair_is_their_hazard_ratio(nlp):
    """ "... 13·08 months (...) with placebo (0·66 [0·48–0·91]; p=0·0049)": the bare number
    with its CI opening the bracket after the pair is the pair's HR, and the P is its."""
    text = "Everolimus plus trastuzumab and paclitaxel (BOLERO-1)\n\n" + BOLERO1_HR
    rows = rows_of(nlp, text, FULL_ROW)
    assert only_row(rows, 0.66) == ("PFS", "HR", 0.66, 0.48, 0.91, "0.0049", None)
    assert only_row(rows, 13.08).p is None


def test_bare_number_after_medians_without_a_ci_is_no_ratio():
    """Negative: a number with no CI after it ("(0·66; p=0·01)") or a number above any ratio
    ("(12 [8–15])") is left alone."""
    no_ci = BOLERO1_HR.replace("0·66 [0·48–0·91]", "0·66")
    assert "HR" not in [r.kind for r in parsed_values(no_ci)]
    large = BOLERO1_HR.replace("0·66 [0·48–0·91]", "12 [8–15]")
    assert "HR" not in [r.kind for r in parsed_values(large)]


def test_bare_number_after_rates_is_no_ratio():
    """Negative: after a pair of rates (not medians) the bracketed number is not read."""
    text = (
        "The median age was 54 years; the ORR was 60% with everolimus versus 52% with placebo "
        "(1·20 [0·90–1·60]; p=0·2)."
    )
    assert "HR" not in [r.kind for r in parsed_values(text)]
