"""Fresh round 75b: titles that pre-empt the Methods design. A title that names the study
randomised ("Subcutaneous vs Intravenous Trastuzumab With Neoadjuvant Chemotherapy: A Randomized
Clinical Trial", "dose-escalation ... versus standard dosing, each with capecitabine: a
randomised ... trial") defined arms of the drugs every arm shares, so the fuller Methods design
was dropped or gained a spurious arm. Also: "respectively" after a sentence whose group list (of
one regimen's dose groups) is followed by an HR pair; a route adjective with an elided noun
("87.0% with subcutaneous and 88.7% with intravenous trastuzumab"); and "randomly assigned after
surgery to A", where the time phrase named A a prior therapy."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, registry_of, rows_of

ECDH = "cyclophosphamide+docetaxel+epirubicin+trastuzumab"
XP = "capecitabine+pyrotinib"
TCH = "cyclophosphamide+docetaxel+trastuzumab"

ROUTES = (
    "Subcutaneous vs Intravenous Trastuzumab With Neoadjuvant Chemotherapy in Women With Early "
    "Breast Cancer: A Randomized Clinical Trial\n\n"
    "INTERVENTIONS Patients received 8 cycles of neoadjuvant chemotherapy (4 cycles of "
    "epirubicin and cyclophosphamide followed by 4 cycles of docetaxel) with trastuzumab given "
    "every 3 weeks from the start of docetaxel, either subcutaneously at a fixed dose of 600 mg "
    "or intravenously (8 mg/kg loading dose, then 6 mg/kg).\n"
    "RESULTS Among the 408 randomized women, 204 were assigned to each group. A tpCR was "
    "achieved by 45.6% of patients in the subcutaneous group and 43.1% in the intravenous group. "
    "The 3-year event-free survival was 87.0% with subcutaneous and 88.7% with intravenous "
    "trastuzumab."
)


def test_methods_regimen_refines_a_randomised_title_s_route_arms(nlp):
    """The title names the routes and trastuzumab only; the Methods give each route arm the
    whole regimen, which its group values carry."""
    rows = rows_of(nlp, ROUTES, ARM_ROW)
    assert arm_of(rows, 45.6) == ECDH
    assert arm_of(rows, 43.1) == ECDH


def test_route_adjective_with_elided_noun_names_its_arm(nlp):
    """ "87.0% with subcutaneous and 88.7% with intravenous trastuzumab": both route arms."""
    rows = rows_of(nlp, ROUTES, ARM_ROW)
    assert arm_of(rows, 87.0) == ECDH
    assert arm_of(rows, 88.7) == ECDH


ROUTES_BRACKETED = (
    "Intravenous versus subcutaneous trastuzumab with adjuvant chemotherapy in HER2-positive "
    "breast cancer: a randomised, open-label, phase 3 trial\n\n"
    "METHODS Patients received six cycles of docetaxel and carboplatin with trastuzumab every 3 "
    "weeks, given either intravenously (8 mg/kg loading dose, then 6 mg/kg) or subcutaneously at "
    "a fixed dose of 600 mg.\n"
    "FINDINGS The 3-year invasive disease-free survival was 91.2% in the intravenous group and "
    "90.4% in the subcutaneous group."
)


def test_trailing_routes_may_hold_a_dose_bracket(nlp):
    """ "either intravenously (8 mg/kg ...) or subcutaneously": the first route's dose bracket
    still leaves two route arms of the whole regimen."""
    rows = rows_of(nlp, ROUTES_BRACKETED, ARM_ROW)
    assert arm_of(rows, 91.2) == "carboplatin+docetaxel+trastuzumab"
    assert arm_of(rows, 90.4) == "carboplatin+docetaxel+trastuzumab"


def test_title_arm_of_its_own_drug_keeps_the_title_arms(nlp):
    """Negative: a title whose arms differ by a drug ("Lapatinib vs Trastuzumab") tells the
    arms apart itself; a who-received-what sentence of one regimen does not replace them."""
    text = (
        "Lapatinib vs Trastuzumab With Capecitabine in Metastatic Breast Cancer: A Randomized "
        "Clinical Trial\n\n"
        "INTERVENTIONS Patients received capecitabine 1000 mg/m2 twice daily on days 1-14.\n"
        "RESULTS The objective response rate was 27.0% in the lapatinib group and 32.0% in the "
        "trastuzumab group."
    )
    arms = registry_of(nlp, text).arms
    assert len(arms) == 2
    assert ["lapatinib" in a.drugs for a in arms] == [True, False]
    assert ["trastuzumab" in a.drugs for a in arms] == [False, True]


PYROTINIB_METHODS = (
    "METHODS Patients were randomly assigned (1:1:1) to oral pyrotinib 400 mg once daily from "
    "day 1 (standard-dose group), pyrotinib 320 mg once daily (reduced-dose group), or pyrotinib "
    "160 mg once daily escalated weekly to 400 mg (escalation group), each with capecitabine "
    "1000 mg/m² twice daily on days 1–14 of every 21-day cycle.\n"
)
DOSES = (
    "Pyrotinib dose-escalation or reduced starting dose versus standard dosing, each with "
    "capecitabine, in HER2-positive metastatic breast cancer: a randomised, open-label, "
    "three-arm, phase 2 trial\n\n"
    + PYROTINIB_METHODS
    + "FINDINGS Grade 3 or worse diarrhoea occurred in 24·4% of patients in the standard-dose "
    "group, 13·4% in the reduced-dose group, and 9·8% in the escalation group. Any-grade "
    "diarrhoea was reported in 92·7%, 87·8%, and 85·4% of patients, respectively."
)


def test_title_partner_of_every_dose_arm_is_no_arm_of_its_own(nlp):
    """ "..., each with capecitabine: a randomised ... trial" names the shared partner; the
    design's three dose groups are the arms, so "respectively" orders its values over them."""
    reg = registry_of(nlp, DOSES)
    assert [a.name for a in reg.arms] == [XP, XP, XP]
    rows = rows_of(nlp, DOSES, ARM_ROW)
    for value in (92.7, 87.8, 85.4, 24.4, 9.8):
        assert arm_of(rows, value) == XP


HR_BETWEEN = (
    "Title\n\n"
    + PYROTINIB_METHODS
    + "FINDINGS Median PFS was 11·1 months (95% CI 9·6–13·8) in the standard-dose group, 10·4 "
    "months (8·3–12·7) in the reduced-dose group, and 11·5 months (9·7–14·0) in the escalation "
    "group; the hazard ratio for the escalation group versus the standard-dose group was 0·97 "
    "(95% CI 0·66–1·42; p=0·87). Objective responses were seen in 68·3%, 62·2%, and 67·1% of "
    "patients, respectively."
)


def test_respectively_after_a_list_then_an_hr_pair_uses_the_list(nlp):
    """The three groups listed (values with CI brackets), not the HR's pair after them, order
    the next sentence's three "respectively" values; the HR stays between arms."""
    rows = rows_of(nlp, HR_BETWEEN, P_ROW)
    for value in (68.3, 62.2, 67.1):
        assert arm_of(rows, value) == XP
    assert arm_of(rows, 0.97) is None


def test_respectively_with_more_values_than_listed_groups_has_no_arm(nlp):
    """Negative: four values after three listed groups match no list: no arm."""
    text = HR_BETWEEN.replace("67·1% of", "67·1%, and 60·0% of")
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 60.0) is None
    assert arm_of(rows, 68.3) is None


SURGERY = (
    "Title\n\n"
    "METHODS Patients were randomly assigned (1:1) after surgery to four cycles of docetaxel "
    "(75 mg/m²) and cyclophosphamide (600 mg/m²) every 3 weeks with trastuzumab for 9 weeks "
    "(short group) or for 1 year (long group).\n"
    "RESULTS The 5-year disease-free survival was 88.0% in the short group and 90.5% in the long "
    "group (hazard ratio 1.21, 95% CI 0.84-1.74). Grade 3 or worse neutropenia occurred in 31.0% "
    "of patients in both groups."
)


def test_time_phrase_after_the_assignment_verb_names_no_prior_therapy(nlp):
    """ "randomly assigned (1:1) after surgery to A": "after surgery" times the assignment;
    A is the regimen of both duration groups."""
    rows = rows_of(nlp, SURGERY, ARM_ROW)
    assert arm_of(rows, 88.0) == TCH
    assert arm_of(rows, 90.5) == TCH
    assert arm_of(rows, 1.21) is None


def test_value_in_both_same_string_groups_is_one_row_per_group(nlp):
    """ "in both groups" of two duration groups of one regimen: two rows of that regimen."""
    rows = [r for r in rows_of(nlp, SURGERY, ARM_ROW) if r.value == 31.0]
    assert [r.arm for r in rows] == [TCH, TCH]


def test_time_phrase_after_completion_of_therapy_names_no_prior_therapy(nlp):
    """ "randomly assigned after completion of neoadjuvant therapy to A (PH group) or B":
    A is an arm, not a therapy given before."""
    text = (
        "Title\n\n"
        "METHODS Patients were randomly assigned after completion of neoadjuvant therapy to "
        "pertuzumab plus trastuzumab (PH group) or trastuzumab alone (H group).\n"
        "RESULTS The 3-year invasive disease-free survival was 94.1% in the PH group and 93.2% "
        "in the H group."
    )
    reg = registry_of(nlp, text)
    assert sorted(a.name for a in reg.arms) == ["pertuzumab+trastuzumab", "trastuzumab"]


def test_therapy_received_after_surgery_before_the_verb_stays_prior(nlp):
    """Negative: "patients who had received docetaxel after surgery were randomly assigned to
    ..." names a prior line: docetaxel is in no arm."""
    text = (
        "Title\n\n"
        "METHODS Patients who had received docetaxel after surgery were randomly assigned to "
        "trastuzumab plus capecitabine (TX group) or capecitabine alone (X group).\n"
        "RESULTS The objective response rate was 48.0% in the TX group and 27.0% in the X group."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 48.0) == "capecitabine+trastuzumab"
    assert arm_of(rows, 27.0) == "capecitabine"


def test_exposure_before_to_keeps_its_drug_prior(nlp):
    """ "randomised after exposure to trastuzumab to receive A or B": the "to" of "exposure
    to" is no assignment's, so trastuzumab stays prior therapy; the assignment's "to" leads
    to the arms."""
    text = (
        "Title\n\n"
        "METHODS Patients were randomised after exposure to trastuzumab to receive lapatinib "
        "plus capecitabine or capecitabine alone.\n"
        "RESULTS The objective response rate was 24.0% with lapatinib plus capecitabine and "
        "14.0% with capecitabine alone."
    )
    reg = registry_of(nlp, text)
    assert sorted(a.name for a in reg.arms) == ["capecitabine", "capecitabine+lapatinib"]
