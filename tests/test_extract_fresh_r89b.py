"""Fresh round 89b: arms a design defines by reference to another arm. "group B received
trastuzumab in addition to the regimen of group A" gave group B trastuzumab alone; "the same
SHR-A1811 schedule plus pyrotinib (Arm B)" gave arm B pyrotinib alone; "trastuzumab, pertuzumab
and an aromatase inhibitor with pyrotinib (the pyrotinib arm) or without pyrotinib (the control
arm)" gave the control arm pyrotinib."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

THREE_GROUPS = (
    "Objective: To compare pyrotinib-based regimens in HER2-positive breast cancer wi"
    "th brain metastases. Methods: Ninety patients were randomly divided into 3 group"
    "s, with 30 cases in each group. Group A received pyrotinib (400 mg, orally, once"
    " daily) plus capecitabine (1 000 mg/m2, twice daily, d1-14, every 21 days), grou"
    "p B received trastuzumab (8 mg/kg loading dose followed by 6 mg/kg every 21 days"
    ") in addition to the regimen of group A, and group C received lapatinib (1 250 m"
    "g, once daily) plus capecitabine. Results: The median CNS-PFS of group A, group "
    "B and group C was 10.8, 12.4 and 6.9 months, respectively (P=0.006). The median "
    "PFS was 9.6, 11.2 and 5.8 months, respectively (P=0.003). The ORR of group A, gr"
    "oup B and group C was 56.7%, 63.3% and 36.7%, respectively; group A and group B "
    "were both higher than group C (P=0.041 and P=0.012). The intracranial objective "
    "response rate of group B was 70.0%, which was higher than that of group C (40.0%"
    ", P=0.019). The incidence of grade ≥3 diarrhoea in group A, group B and group C "
    "was 23.3%, 26.7% and 13.3%, and the differences were not statistically significa"
    "nt (P>0.05)."
)
SAME_SCHEDULE = (
    "Background: Neoadjuvant therapy improves outcomes in HER2+ breast cancer. Method"
    "s: Pts with stage II-III HER2+ breast cancer were randomized 1:1 to 6 cycles of "
    "SHR-A1811 4.8 mg/kg q3w (Arm A) or the same SHR-A1811 schedule plus pyrotinib 32"
    "0 mg daily (Arm B), followed by surgery. Results: tpCR rates were 63.3% and 71.7"
    "% in Arm A and Arm B, respectively (p=0.33). In HR- pts, tpCR was 82.6% vs 88.0%"
    "; in HR+ pts, 51.4% vs 60.0%. Gr≥3 TRAEs occurred in 18.3% of pts in Arm A and 4"
    "1.7% in Arm B, mostly diarrhea (1.7% vs 21.7%) and neutropenia (6.7% vs 10.0%)."
)
OR_WITHOUT = (
    "PURPOSE: To evaluate pyrotinib added to first-line maintenance. METHODS: Patient"
    "s received induction therapy. Those without disease progression were randomly as"
    "signed 1:1 to trastuzumab, pertuzumab, and an aromatase inhibitor (letrozole, an"
    "astrozole, or exemestane at the investigator's discretion) with pyrotinib 320 mg"
    " once daily (the pyrotinib arm) or without pyrotinib (the control arm). RESULTS:"
    " At a median follow-up of 30 months, median PFS was 22.6 months in the pyrotinib"
    " arm and 14.9 months in the control arm (hazard ratio [HR], 0.63; 95% CI, 0.47 t"
    "o 0.85; P = .002). The 2-year PFS rates were 47.1% and 30.6%, respectively. Medi"
    "an overall survival was not reached in either arm (HR, 0.74; 95% CI, 0.48 to 1.1"
    "4). Diarrhea was the most common adverse event with pyrotinib (any grade, 78.2%;"
    " grade 3, 16.1%) versus 12.1% and 0.8%, respectively, in the control arm."
)
PYR_CAP = "capecitabine+pyrotinib"
PYR_CAP_TRA = "capecitabine+pyrotinib+trastuzumab"
LAP_CAP = "capecitabine+lapatinib"


def test_regimen_of_another_group_adds_its_drugs(nlp):
    """ "group B received X in addition to the regimen of group A": B is A's drugs with X."""
    rows = rows_of(nlp, THREE_GROUPS, ARM_ROW)
    assert [arm_of(rows, v) for v in (10.8, 12.4, 6.9)] == [PYR_CAP, PYR_CAP_TRA, LAP_CAP]
    assert [arm_of(rows, v) for v in (9.6, 11.2, 5.8)] == [PYR_CAP, PYR_CAP_TRA, LAP_CAP]
    assert [arm_of(rows, v) for v in (56.7, 63.3, 36.7)] == [PYR_CAP, PYR_CAP_TRA, LAP_CAP]


def test_same_drug_schedule_plus_keeps_that_drug(nlp):
    """ "the same SHR-A1811 schedule plus pyrotinib (Arm B)": arm B keeps SHR-A1811."""
    rows = rows_of(nlp, SAME_SCHEDULE, ARM_ROW)
    both = "pyrotinib+trastuzumab rezetecan"
    assert [arm_of(rows, v) for v in (63.3, 71.7)] == ["trastuzumab rezetecan", both]
    assert [arm_of(rows, v) for v in (88.0, 60.0, 41.7, 21.7, 10.0)] == [both] * 5


def test_or_without_drug_is_the_backbone_alone(nlp):
    """ "backbone with X (the X arm) or without X (the control arm)": the control arm is the
    backbone; the investigator's choice of aromatase inhibitor joins neither arm."""
    rows = rows_of(nlp, OR_WITHOUT, ARM_ROW)
    full, control = "pertuzumab+pyrotinib+trastuzumab", "pertuzumab+trastuzumab"
    assert [arm_of(rows, v) for v in (22.6, 47.1, 78.2, 16.1)] == [full] * 4
    assert [arm_of(rows, v) for v in (14.9, 30.6, 12.1)] == [control] * 3
    reached = [r.arm for r in rows if r.endpoint == "OS" and r.value is None]
    assert reached == [full, control]


def test_addition_to_standard_care_adds_nothing(nlp):
    """Negative: "in addition to standard care" names no arm, so no arm gains drugs."""
    text = (
        "Methods: Sixty patients were randomly divided into 2 groups. Group A received "
        "capecitabine, and group B received pyrotinib in addition to standard care. Results: "
        "The ORR of group A and group B was 30.0% and 50.0%, respectively."
    )
    drugs = sorted(tuple(a.drugs) for a in registry_of(nlp, text).arms)
    assert drugs == [("capecitabine",), ("pyrotinib",)]


def test_reference_to_an_undefined_group_adds_nothing(nlp):
    """Negative: "the regimen of group D" refers to no arm the design defined."""
    text = (
        "Methods: Sixty patients were randomly divided into 2 groups. Group A received "
        "capecitabine, and group B received pyrotinib in addition to the regimen of group D. "
        "Results: The ORR of group A and group B was 30.0% and 50.0%, respectively."
    )
    drugs = sorted(tuple(a.drugs) for a in registry_of(nlp, text).arms)
    assert drugs == [("capecitabine",), ("pyrotinib",)]


def test_without_a_drug_no_arm_holds_adds_nothing(nlp):
    """Negative: "or without X" when no other arm holds X leaves the arms as written."""
    text = (
        "Methods: Patients were randomly assigned to docetaxel plus trastuzumab (arm A) or "
        "to capecitabine (arm B), with or without prior endocrine therapy. Results: The ORR "
        "was 40.0% in arm A and 30.0% in arm B."
    )
    drugs = sorted(tuple(a.drugs) for a in registry_of(nlp, text).arms)
    assert drugs == [("capecitabine",), ("docetaxel", "trastuzumab")]
