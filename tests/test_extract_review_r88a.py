"""Review of round 88a: the split of a chain where its drug is written again at another dose
also cut one arm's schedule ("pertuzumab 840 mg loading dose then pertuzumab 420 mg plus
trastuzumab and docetaxel") into two alternatives, so the design gained a "pertuzumab" arm and
"with pertuzumab" named it, not the three-drug arm. Words of a schedule between the two doses
(loading, then, followed, maintenance...) now keep the chain whole."""

from __future__ import annotations

from extract_helpers import arm_of, registry_of, rows_of

PHT = "docetaxel+pertuzumab+trastuzumab"

LOADING = (
    "Patients were randomly assigned to pertuzumab 840 mg loading dose then pertuzumab 420 mg "
    "plus trastuzumab and docetaxel, or placebo plus trastuzumab and docetaxel. Median PFS was "
    "18.5 months with pertuzumab and 12.4 months with placebo (HR 0.62, 95% CI 0.51-0.75)."
)
ALTERNATIVES = (
    "Patients were randomized 1:1:1 to T-DXd 5.4 mg/kg every 3 weeks, T-DXd 6.4 mg/kg every 3 "
    "weeks, or lapatinib plus capecitabine. The ORR was 58.5% with 5.4 mg/kg."
)


def test_loading_then_maintenance_dose_stays_one_arm(nlp):
    """ "A 840 mg loading dose then A 420 mg plus B and C": one arm, no dose names."""
    reg = registry_of(nlp, LOADING)
    assert PHT in [a.name for a in reg.arms]
    assert "pertuzumab" not in [a.name for a in reg.arms]
    assert "840 mg" not in reg.bare_forms


def test_value_with_drug_of_loading_schedule_names_whole_arm(nlp):
    """ "18.5 months with pertuzumab" names the arm of the whole schedule."""
    assert arm_of(rows_of(nlp, LOADING), 18.5) == PHT


def test_doses_listed_as_alternatives_still_split(nlp):
    """Negative: doses listed with no schedule word between them stay two arms."""
    reg = registry_of(nlp, ALTERNATIVES)
    assert [a.name for a in reg.arms][:2] == ["trastuzumab deruxtecan"] * 2
    assert arm_of(rows_of(nlp, ALTERNATIVES), 58.5) == "trastuzumab deruxtecan"
