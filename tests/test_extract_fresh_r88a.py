"""Fresh round 88a: dose arms named by their dose alone. A design that writes one regimen again
at another dose ("to T-DXd 5.4 mg/kg every 3 weeks, T-DXd 6.4 mg/kg every 3 weeks, or B") was
read as one chain of the drug, so the design had one arm of it, and the results' "with 5.4
mg/kg", "the 6.4-mg/kg arm" named nothing. Each dose is now an arm of its own named by its
dose, in either written form ("5.4 mg/kg", "5.4-mg/kg", "5.4-mg")."""

from __future__ import annotations

from extract_helpers import arm_of, registry_of, rows_of

TDXD = "trastuzumab deruxtecan"
LC = "capecitabine+lapatinib"

DESIGN = (
    "Trastuzumab deruxtecan (T-DXd) is an antibody-drug conjugate. Patients were randomized "
    "1:1:1 to T-DXd 5.4 mg/kg every 3 weeks, T-DXd 6.4 mg/kg every 3 weeks, or lapatinib (1250 "
    "mg daily) plus capecitabine (1000 mg/m2 twice daily on days 1-14). "
)
ORR = (
    "Confirmed ORR was 58.5% (95% CI, 47.1%-69.3%) with 5.4 mg/kg, 61.0% (95% CI, "
    "49.6%-71.6%) with 6.4 mg/kg, and 29.3% (95% CI, 19.7%-40.4%) with lapatinib plus "
    "capecitabine."
)


def test_regimen_repeated_at_another_dose_is_an_arm_of_its_own(nlp):
    """ "T-DXd 5.4 mg/kg ..., T-DXd 6.4 mg/kg ..., or B": three arms, each dose named by it."""
    reg = registry_of(nlp, DESIGN)
    assert [a.name for a in reg.arms] == [TDXD, TDXD, LC]
    assert reg.bare_forms["5.4 mg/kg"] is reg.arms[0]
    assert reg.bare_forms["6.4 mg/kg"] is reg.arms[1]


def test_dose_alone_names_its_design_arm(nlp):
    """ "58.5% with 5.4 mg/kg, 61.0% with 6.4 mg/kg": each dose names its arm's regimen."""
    rows = rows_of(nlp, DESIGN + ORR)
    assert arm_of(rows, 58.5) == TDXD
    assert arm_of(rows, 61.0) == TDXD
    assert arm_of(rows, 29.3) == LC


def test_dose_as_compound_adjective_names_its_arm(nlp):
    """ "the 6.4-mg/kg arm", "the 5.4-mg group": the dose written hyphenated, its unit perhaps
    cut to "mg", names its arm."""
    text = DESIGN + (
        "Grade 3 or higher adverse events occurred in 56.1% of patients in the 6.4-mg/kg arm. "
        "Nausea occurred in 73.2% of patients in the 5.4-mg group."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 56.1) == TDXD
    assert arm_of(rows, 73.2) == TDXD


def test_dose_without_dose_arm_names_nothing(nlp):
    """Negative: a dose the design gives no arm of ("with 8 mg/kg loading dose", "the
    8-mg/kg loading dose") names none, though other doses name arms."""
    text = DESIGN + (
        "Grade 3 or higher adverse events occurred in 5.0% of patients with 8 mg/kg loading "
        "dose. Grade 3 or higher neutropenia occurred in 7.0% of patients after the 8-mg/kg "
        "loading dose."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 5.0) is None
    assert arm_of(rows, 7.0) is None


def test_dose_two_drugs_share_names_no_arm(nlp):
    """Negative: when another drug of the design is given at one of the doses ("pyrotinib 400
    mg, pyrotinib 320 mg, or neratinib 400 mg"), that dose is no name of an arm."""
    text = (
        "Patients were randomized 1:1:1 to pyrotinib 400 mg daily, pyrotinib 320 mg daily, or "
        "neratinib 400 mg daily. The ORR was 40.0% with 400 mg."
    )
    reg = registry_of(nlp, text)
    assert "400 mg" not in reg.bare_forms
    assert arm_of(rows_of(nlp, text), 40.0) is None


def test_same_dose_twice_is_no_dose_arm(nlp):
    """Negative: the drug written again at the same dose ("A 6 mg/kg ..., then A 6 mg/kg")
    gives no dose names."""
    text = (
        "Patients were randomized to trastuzumab 6 mg/kg with docetaxel, trastuzumab 6 mg/kg "
        "with paclitaxel. The ORR was 40.0% with 6 mg/kg."
    )
    assert "6 mg/kg" not in registry_of(nlp, text).bare_forms
