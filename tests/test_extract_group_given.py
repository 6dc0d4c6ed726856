"""Readings of a chemotherapy-with-or-without-X trial (Slamon et al., NEJM 2001): class-only
arms, "the addition of X to Y (A vs. B)", "median survival" and "<value> of the group given
<regimen>"."""

from __future__ import annotations

import pytest
from extract_helpers import extract_text, registry_of

TITLE = (
    "Use of Chemotherapy plus a Monoclonal Antibody against HER2 for Metastatic Breast Cancer\n\n"
)
METHODS = (
    "Methods We randomly assigned 469 women with HER2-overexpressing metastatic breast cancer "
    "to receive standard chemotherapy alone or standard chemotherapy plus trastuzumab. Patients "
    "who had not previously received adjuvant anthracycline were treated with doxorubicin or "
    "epirubicin and cyclophosphamide (AC), and the others received paclitaxel. "
)
EFFICACY = (
    "Results The addition of trastuzumab to chemotherapy was associated with a longer time to "
    "disease progression (median, 7.4 vs. 4.6 months; P<0.001), a higher rate of objective "
    "response (50 percent vs. 32 percent, P<0.001), and longer survival (median survival, 25.1 "
    "vs. 20.3 months; P=0.046). "
)
CARDIAC = (
    "Cardiac dysfunction occurred in 27 percent of the group given an anthracycline, "
    "cyclophosphamide, and trastuzumab; 8 percent of the group given an anthracycline and "
    "cyclophosphamide alone; 13 percent of the group given paclitaxel and trastuzumab; and 1 "
    "percent of the group given paclitaxel alone."
)


def rows(nlp, text: str) -> dict[float, tuple[str, str | None]]:
    ex = extract_text(nlp, text)
    return {o.value: (o.endpoint, o.arm) for o in ex.outcomes if o.measure not in ("HR", "OR")}


def registry_arms(nlp, text: str) -> list[tuple[list[str], set[str]]]:
    return [(a.drugs, a.labels) for a in registry_of(nlp, text).arms]


# --- registry: chemotherapy chosen per patient inside both arms ---------------------------------


def test_chemotherapy_chosen_per_patient_defines_no_arms(nlp):
    # The randomisation sentence defined two arms ("chemotherapy alone", "chemotherapy plus
    # trastuzumab"): the sentence saying which chemotherapy each patient got adds none.
    assert registry_arms(nlp, TITLE + METHODS) == [
        ([], {"chemotherapy"}),
        (["trastuzumab"], {"chemotherapy"}),
    ]


def test_one_class_only_arm_still_reads_the_later_design_sentences(nlp):
    # Negative: "one of two chemotherapy regimens" defines a single (class) arm, so the regimens
    # the next sentence gives each group are the arms.
    text = (
        "Two regimens\n\nMethods Patients were randomly assigned to one of two chemotherapy "
        "regimens. Group A received docetaxel and trastuzumab, and group B received paclitaxel "
        "and trastuzumab."
    )
    drugs = [d for d, _ in registry_arms(nlp, text)]
    assert ["docetaxel", "trastuzumab"] in drugs
    assert ["paclitaxel", "trastuzumab"] in drugs


# --- "the addition of X to Y (A vs. B)" and "median survival" ----------------------------------


def test_addition_of_x_to_y_pairs_are_y_plus_x_then_y(nlp):
    found = rows(nlp, TITLE + METHODS + EFFICACY)
    assert found[7.4] == ("TTP", "trastuzumab")
    assert found[4.6] == ("TTP", None)  # chemotherapy alone names no drug
    assert found[50.0] == ("ORR", "trastuzumab")
    assert found[32.0] == ("ORR", None)
    assert found[25.1] == ("OS", "trastuzumab")  # "median survival" is OS
    assert found[20.3] == ("OS", None)


def test_addition_of_a_drug_to_a_named_regimen(nlp):
    # Y names drugs: the pair is (Y plus X, Y), whatever order the arms were defined in.
    text = (
        "Pertuzumab with trastuzumab and docetaxel\n\nMethods We randomly assigned 808 patients "
        "to receive placebo plus trastuzumab plus docetaxel (control group) or pertuzumab plus "
        "trastuzumab plus docetaxel (pertuzumab group). Results The addition of pertuzumab to "
        "trastuzumab and docetaxel prolonged progression-free survival (median, 18.5 vs. 12.4 "
        "months; hazard ratio, 0.62; P<0.001)."
    )
    found = rows(nlp, text)
    assert found[18.5] == ("PFS", "docetaxel+pertuzumab+trastuzumab")
    assert found[12.4] == ("PFS", "docetaxel+trastuzumab")


def test_addition_without_an_arm_of_y_alone_is_not_a_pair(nlp):
    # Negative: no arm received paclitaxel alone, so "the addition of X to Y" does not make
    # the second value Y's (the rule invents no arm the design did not define).
    text = (
        "Trastuzumab with taxanes\n\nMethods Patients were randomly assigned to trastuzumab plus "
        "paclitaxel or trastuzumab plus docetaxel. Results The addition of trastuzumab to "
        "paclitaxel was associated with a median time to disease progression of 7.1 vs. 4.2 "
        "months in historical controls."
    )
    assert rows(nlp, text)[4.2][1] != "paclitaxel"


@pytest.mark.parametrize(
    ("phrase", "endpoint"),
    [
        ("median survival", "OS"),
        ("median progression-free survival", "PFS"),
        ("median disease-free survival", "DFS"),
        ("median event-free survival", "EFS"),
        ("median survival without progression", "PFS"),
    ],
)
def test_median_survival_is_os_only_when_unqualified(nlp, phrase, endpoint):
    text = (
        "A trial\n\nMethods Patients were randomly assigned to receive chemotherapy alone or "
        f"chemotherapy plus trastuzumab. Results The {phrase} was 25.1 vs. 20.3 months."
    )
    assert rows(nlp, text)[25.1][0] == endpoint


# --- "<value> of the group given <regimen>" -----------------------------------------------------


def test_value_of_the_group_given_a_regimen_is_that_regimens(nlp):
    found = rows(nlp, TITLE + METHODS + CARDIAC)
    assert found[27.0] == ("AE", "cyclophosphamide+trastuzumab")  # the anthracycline: a class
    assert found[8.0] == ("AE", "cyclophosphamide")
    assert found[13.0] == ("AE", "paclitaxel+trastuzumab")
    assert found[1.0] == ("AE", "paclitaxel")


def test_value_of_patients_in_the_arm_receiving_a_regimen(nlp):
    text = (
        "Lapatinib or trastuzumab\n\nMethods Patients were randomly assigned to receive "
        "lapatinib plus paclitaxel or trastuzumab plus paclitaxel. Results Diarrhea occurred in "
        "20 percent of the patients in the arm receiving a taxane and lapatinib, and in 9 "
        "percent of the patients in the arm receiving trastuzumab plus paclitaxel."
    )
    found = rows(nlp, text)
    assert found[20.0] == ("AE", "lapatinib+paclitaxel")
    assert found[9.0] == ("AE", "paclitaxel+trastuzumab")


def test_a_group_named_before_the_value_keeps_its_value(nlp):
    # Negative: "of the group" followed by no "given/receiving" is no pointer to the regimen
    # after it; the value stays with the group named before it.
    text = (
        "Lapatinib or trastuzumab\n\nMethods Patients were randomly assigned to receive "
        "lapatinib plus paclitaxel or trastuzumab plus paclitaxel. Results In the lapatinib "
        "group, diarrhea occurred in 20 percent of the group, and trastuzumab plus paclitaxel "
        "caused diarrhea in 9 percent."
    )
    assert rows(nlp, text)[20.0] == ("AE", "lapatinib+paclitaxel")
