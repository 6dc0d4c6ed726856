"""Review of round 73a. "All patients received docetaxel and trastuzumab (75 mg/m2 and 6 mg/kg,
respectively) plus pertuzumab": the new cut at a "respectively" bracket dropped every drug after
it, so no arm had pertuzumab (``given_all._names_respectively_at`` now skips only the bracket);
and "All patients also received premedication with dexamethasone (D1 and D2, respectively)"
named each arm plus dexamethasone by its form (``labels.name_arms_with_added_drugs`` now skips a
premedication or prophylaxis)."""

from __future__ import annotations

from extract_helpers import arm_of, rows_of

AROMATASE = (
    "Patients were randomly assigned to letrozole or anastrozole. {given} The objective response "
    "rate was 60% with letrozole and 50% with anastrozole."
)


def _aromatase(given: str) -> str:
    return AROMATASE.format(given=given)


def test_drug_after_a_dose_respectively_bracket_joins_every_arm(nlp):
    """ "docetaxel and trastuzumab (75 mg/m2 and 6 mg/kg, respectively) plus pertuzumab": every
    arm has all three drugs, pertuzumab too."""
    text = _aromatase(
        "All patients received docetaxel and trastuzumab (75 mg/m2 and 6 mg/kg, respectively) "
        "plus pertuzumab."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 60) == "docetaxel+letrozole+pertuzumab+trastuzumab"
    assert arm_of(rows, 50) == "anastrozole+docetaxel+pertuzumab+trastuzumab"


def test_drug_after_a_schedule_respectively_bracket_joins_every_arm(nlp):
    """ "trastuzumab and pertuzumab (every 3 weeks and every 4 weeks, respectively) and
    docetaxel": docetaxel is given to both arms as well."""
    text = _aromatase(
        "Both groups received trastuzumab and pertuzumab (every 3 weeks and every 4 weeks, "
        "respectively) and docetaxel."
    )
    assert arm_of(rows_of(nlp, text), 60) == "docetaxel+letrozole+pertuzumab+trastuzumab"


def test_forms_in_the_respectively_bracket_still_add_no_drugs(nlp):
    """Negative: "Both groups also received trastuzumab (TCH and TCbH, respectively)" still
    gives the cyclophosphamide arm trastuzumab only, not the carboplatin TCH reads as."""
    text = (
        "Patients were randomly assigned to docetaxel plus carboplatin or docetaxel plus "
        "cyclophosphamide. Both groups also received trastuzumab (TCH and TCbH, respectively). "
        "The pCR rate was 50% with TCH and 40% with TCbH (P = 0.1)."
    )
    assert arm_of(rows_of(nlp, text), 40) == "cyclophosphamide+docetaxel+trastuzumab"


PREMEDICATION = (
    "Patients were randomly assigned to docetaxel plus trastuzumab or paclitaxel plus "
    "trastuzumab. All patients also received {added} (D1 and D2, respectively). The pCR rate "
    "was 40% with D1 and 45% with D2 (P = 0.3)."
)


def test_premedication_forms_name_no_arm_with_the_premedication(nlp):
    """ "also received premedication with dexamethasone (D1 and D2, respectively)": the
    premedication is outside the regimen, so no arm includes dexamethasone."""
    rows = rows_of(nlp, PREMEDICATION.format(added="premedication with dexamethasone"))
    assert all("dexamethasone" not in (r.arm or "") for r in rows)


def test_added_drug_forms_still_name_the_extended_arms(nlp):
    """Negative: an added drug of the regimen ("also received pertuzumab (D1 and D2,
    respectively)") still names each arm plus that drug."""
    rows = rows_of(nlp, PREMEDICATION.format(added="pertuzumab"))
    assert arm_of(rows, 40) == "docetaxel+pertuzumab+trastuzumab"
