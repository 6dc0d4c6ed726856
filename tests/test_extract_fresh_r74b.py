"""Fresh round 74b: arms named by route, dose and a maintenance label. A class word spelled
out in a bracket ("8 cycles of chemotherapy (4 cycles of EC followed by 4 cycles of docetaxel) with trastuzumab ..., either subcutaneously ... or
intravenously") and a randomisation told in another sentence kept the route arms unread; and
"(maintenance capecitabine arm)" labelled its arm "capecitabine" only, so "the maintenance
capecitabine arm" later named no arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, arms_with, registry_of, rows_of

ECTH = "cyclophosphamide+docetaxel+epirubicin+trastuzumab"
XHP = "capecitabine+pertuzumab+trastuzumab"
HP = "pertuzumab+trastuzumab"
XPYRO = "capecitabine+pyrotinib"

ROUTES = (
    "Subcutaneous versus intravenous trastuzumab in neoadjuvant therapy\n\n"
    "Methods: Patients received 8 cycles of neoadjuvant chemotherapy (4 cycles of epirubicin and "
    "cyclophosphamide followed by 4 cycles of docetaxel) with trastuzumab given every 3 weeks "
    "from the start of docetaxel, either subcutaneously at a fixed dose of 600 mg or "
    "intravenously (8 mg/kg loading dose, then 6 mg/kg). The primary endpoint was total "
    "pathological complete response (tpCR).\n"
    "Results: Of 408 patients, 204 were assigned to each group. A tpCR was achieved by 45.6% of "
    "patients in the subcutaneous group and 43.1% in the intravenous group. 3-year EFS was 89.4% "
    "(95% CI 84.2-92.9) in the subcutaneous group and 88.7% (95% CI 83.4-92.4) in the "
    "intravenous group."
)

MAINTENANCE = (
    "Maintenance capecitabine with trastuzumab and pertuzumab\n\n"
    "Patients without progression after first-line therapy were randomly assigned 1:1 to "
    "trastuzumab and pertuzumab plus capecitabine 500 mg three times daily (maintenance "
    "capecitabine arm) or to trastuzumab and pertuzumab alone (control arm). The median PFS was "
    "23.6 months in the maintenance capecitabine arm and 16.2 months in the control arm "
    "(HR 0.60, 95% CI 0.42-0.86)."
)

DOSES = (
    "Dose-escalation strategies of pyrotinib with capecitabine\n\n"
    "Methods: Patients were randomly assigned (1:1:1) to oral pyrotinib 400 mg once daily from "
    "day 1 (standard-dose group), pyrotinib 320 mg once daily (reduced-dose group), or pyrotinib "
    "160 mg once daily escalated weekly to 400 mg (escalation group), each with capecitabine "
    "1000 mg/m² twice daily on days 1–14 of 21-day cycles. The primary endpoint was the "
    "incidence of grade 3 or worse diarrhoea.\n"
    "Results: Grade 3 or worse diarrhoea occurred in 24·4% in the standard-dose group, 13·4% in "
    "the reduced-dose group, and 9·8% in the escalation group. Any-grade diarrhoea was reported "
    "in 92·7%, 87·8%, and 85·4% of patients, respectively. Objective responses were seen in "
    "68·3%, 62·2%, and 67·1% of patients, respectively."
)


def test_route_arms_after_spelled_out_chemotherapy_and_dose_bracket(nlp):
    """ "8 cycles of chemotherapy (EC followed by docetaxel) with trastuzumab ..., either
    subcutaneously at 600 mg or intravenously (8 mg/kg ...)": two route arms of the whole
    regimen, the randomisation told in another sentence."""
    rows = rows_of(nlp, ROUTES, ARM_ROW)
    for value in (45.6, 43.1, 89.4, 88.7):
        assert arm_of(rows, value) == ECTH, value


def test_route_arms_in_a_randomisation_sentence(nlp):
    """The same design said to be randomised in its own sentence."""
    text = ROUTES.replace("Patients received 8", "Patients were randomly assigned to receive 8")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arms_with(rows, 45.6) == [ECTH]
    assert arms_with(rows, 88.7) == [ECTH]


def test_either_route_without_any_randomisation_is_no_arm(nlp):
    """Negative: a single-arm study giving trastuzumab "either subcutaneously or intravenously"
    randomised nothing: the routes are no arms."""
    text = (
        "Neoadjuvant chemotherapy with trastuzumab\n\n"
        "Patients received 8 cycles of neoadjuvant chemotherapy (4 cycles of epirubicin and "
        "cyclophosphamide followed by 4 cycles of docetaxel) with trastuzumab given every 3 "
        "weeks from the start of docetaxel, either subcutaneously or intravenously. A tpCR was "
        "achieved by 45.6% of patients in the subcutaneous group."
    )
    labels = {lab for a in registry_of(nlp, text).arms for lab in a.labels}
    assert "subcutaneous" not in labels
    assert arm_of(rows_of(nlp, text, ARM_ROW), 45.6) is None


def test_words_opening_a_group_bracket_are_part_of_its_label(nlp):
    """ "(maintenance capecitabine arm)": "the maintenance capecitabine arm" names that arm."""
    rows = rows_of(nlp, MAINTENANCE, ARM_ROW)
    assert arm_of(rows, 23.6) == XHP
    assert arm_of(rows, 16.2) == HP
    assert arm_of(rows, 0.6) is None


def test_drug_alone_still_names_the_labelled_arm(nlp):
    """The shorter "the capecitabine arm" still names it."""
    text = MAINTENANCE.replace("in the maintenance capecitabine arm", "in the capecitabine arm")
    assert arm_of(rows_of(nlp, text, ARM_ROW), 23.6) == XHP


def test_dose_groups_in_respectively_lists(nlp):
    """Dose arms of one regimen all carry it, in a "respectively" list as by their labels."""
    rows = rows_of(nlp, DOSES, ARM_ROW)
    for value in (24.4, 13.4, 9.8, 92.7, 87.8, 85.4, 68.3, 62.2, 67.1):
        assert arm_of(rows, value) == XPYRO, value
