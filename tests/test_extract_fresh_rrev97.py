"""Review of rounds 96 and 97: a "further" randomisation of the patients who progressed or
responded is a later comparison, not a factor of the first design; a first design whose
alternatives are regimens of several drugs is not read as one factor; a partner written again
at another dose is the whole regimen only when it was added "with" the backbone ("trastuzumab
plus lapatinib 1000 mg or lapatinib 1500 mg" is lapatinib alone, EGF104900)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

FEC = "cyclophosphamide+epirubicin+fluorouracil"


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW) if r.measure not in ("HR", "OR")}


# 1. A "further" randomisation at progression or of responders: a later comparison.


def test_further_randomised_at_progression_is_no_factorial(nlp):
    """ "Patients whose disease progressed after FEC were further randomized to receive or not
    to receive X": X's comparison comes after the sequence, so X's arm is X alone and "without
    X" has no drug (the README's lead-in rule), not FEC+X and FEC."""
    text = (
        "Docetaxel or vinorelbine followed by FEC, and lapatinib at progression\n\n"
        "Methods: Patients were randomly assigned to docetaxel or vinorelbine, followed by FEC. "
        "Patients whose disease progressed after FEC were further randomized to receive or not "
        "to receive lapatinib.\n"
        "Results: Median OS was 30.1 months in the docetaxel group and 28.2 months in the "
        "vinorelbine group. After progression, median PFS was 5.0 months with lapatinib and 3.0 "
        "months without lapatinib."
    )
    arms = _arms(nlp, text)
    assert arms[30.1] == "cyclophosphamide+docetaxel+epirubicin+fluorouracil"
    assert arms[5.0] == "lapatinib"
    assert arms[3.0] is None


def test_responders_further_randomised_after_two_drug_alternatives(nlp):
    """ "A plus X or B plus X, followed by C. Responders were additionally randomly assigned to
    Y or no Y": the first sentence's alternatives are two-drug regimens and the second step a
    maintenance comparison; the first arms keep their own drugs (not "C+A+B")."""
    text = (
        "Paclitaxel or docetaxel with trastuzumab, and pertuzumab maintenance\n\n"
        "Methods: Patients were randomly assigned to paclitaxel plus trastuzumab or docetaxel "
        "plus trastuzumab, followed by capecitabine. Responders were additionally randomly "
        "assigned to pertuzumab or no pertuzumab maintenance after chemotherapy.\n"
        "Results: The ORR was 58.0% in the paclitaxel group and 61.0% in the docetaxel group."
    )
    arms = _arms(nlp, text)
    assert arms[58.0] == "capecitabine+paclitaxel+trastuzumab"
    assert arms[61.0] == "capecitabine+docetaxel+trastuzumab"


def test_patients_who_completed_chemotherapy_further_randomised(nlp):
    """ "Patients who completed FEC were further assigned to X or no X": a later step."""
    text = (
        "Docetaxel or vinorelbine followed by FEC\n\n"
        "Methods: Women were randomly assigned to docetaxel or vinorelbine, followed by FEC. "
        "Women who completed FEC were further assigned to trastuzumab or no trastuzumab.\n"
        "Results: Recurrence-free survival at 3 years was 89.0% with trastuzumab and 80.0% "
        "without trastuzumab."
    )
    arms = _arms(nlp, text)
    assert arms[89.0] == "trastuzumab"
    assert arms[80.0] is None


def test_a_biomarker_subset_further_assigned_is_still_a_factorial(nlp):
    """Guard (round 97b): a subset by HER2 status, not by time, keeps the factorial reading."""
    text = (
        "Neoadjuvant paclitaxel or nab-paclitaxel followed by EC with or without lapatinib\n\n"
        "Methods: Patients were randomly assigned to paclitaxel or nab-paclitaxel, followed by "
        "four cycles of epirubicin and cyclophosphamide. Patients with HER2-positive tumours "
        "were further randomized to lapatinib or no lapatinib.\n"
        "Results: The pCR rate was 45.0% with lapatinib and 36.0% without lapatinib."
    )
    arms = _arms(nlp, text)
    assert arms[45.0] == "cyclophosphamide+epirubicin+lapatinib"
    assert arms[36.0] == "cyclophosphamide+epirubicin"


# 2. A partner written again at another dose: the whole regimen only when added "with".


def test_partner_plus_dose_or_same_drug_at_its_single_agent_dose(nlp):
    """EGF104900: "trastuzumab plus lapatinib 1000 mg daily or lapatinib 1500 mg daily": the
    second arm is lapatinib alone."""
    text = (
        "Lapatinib with or without trastuzumab\n\n"
        "Methods: Patients were randomly assigned to trastuzumab plus lapatinib 1000 mg daily or "
        "lapatinib 1500 mg daily.\n"
        "Results: Median PFS was 12.0 weeks with the combination and 8.1 weeks with lapatinib."
    )
    arms = _arms(nlp, text)
    assert arms[8.1] == "lapatinib"
    assert arms[12.0] == "lapatinib+trastuzumab"


def test_partner_and_dose_with_labels_or_same_drug(nlp):
    """ "X and Y 1000 mg (arm A) or Y 1500 mg (arm B)": arm B is Y alone."""
    text = (
        "Lapatinib dose arms\n\n"
        "Methods: Patients were randomized to capecitabine and lapatinib 1000 mg (arm A) or "
        "lapatinib 1500 mg (arm B).\n"
        "Results: The ORR was 30.0% in arm A and 22.0% in arm B."
    )
    arms = _arms(nlp, text)
    assert arms[30.0] == "capecitabine+lapatinib"
    assert arms[22.0] == "lapatinib"


def test_partner_added_with_is_still_one_regimen(nlp):
    """Guard (round 97b): "A and B with X 420 mg (P420 group) or X 840 mg (P840 group)"."""
    text = (
        "Pertuzumab dosing\n\n"
        "Methods: Patients received trastuzumab and docetaxel with pertuzumab 420 mg (P420 group) "
        "or pertuzumab 840 mg (P840 group).\n"
        "Results: The pCR rate was 45.0% in the P420 group and 47.5% in the P840 group."
    )
    arms = _arms(nlp, text)
    assert arms[45.0] == arms[47.5] == "docetaxel+pertuzumab+trastuzumab"
