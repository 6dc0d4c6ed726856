"""Review of round 95: round 95a's defined chemotherapy read a second definition of the class in
the same sentence ("chemotherapy consisting of A plus B or to chemotherapy consisting of C plus
D") as the first one's drugs: a duplicate A+B arm, or C's arm lost. Each defined mention is its
own backbone."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


def _registry_arms(nlp, text: str) -> list[str]:
    return sorted("+".join(a.drugs) for a in registry_of(nlp, text).arms)


def test_two_definitions_each_with_trastuzumab(nlp):
    """ "chemotherapy consisting of A plus B or to chemotherapy consisting of C plus D, each
    with X": two arms, no duplicate of the first."""
    text = (
        "Anthracycline-free or anthracycline-based chemotherapy with trastuzumab\n\n"
        "Methods: Patients were randomly assigned to chemotherapy consisting of docetaxel plus "
        "carboplatin or to chemotherapy consisting of epirubicin plus cyclophosphamide, each "
        "with trastuzumab.\n"
        "Results: pCR was 50% with docetaxel plus carboplatin and 40% with epirubicin plus "
        "cyclophosphamide (P = .1)."
    )
    assert _registry_arms(nlp, text) == [
        "carboplatin+docetaxel+trastuzumab",
        "cyclophosphamide+epirubicin+trastuzumab",
    ]


def test_two_definitions_comprising_with_trastuzumab(nlp):
    """ "chemotherapy comprising A and B with X, or to chemotherapy comprising C with X": the
    second arm is C+X, not the first definition's drugs."""
    text = (
        "Platinum-based or taxane chemotherapy with trastuzumab in HER2-positive breast cancer\n\n"
        "Methods: Patients were randomly assigned to chemotherapy comprising docetaxel and "
        "carboplatin with trastuzumab, or to chemotherapy comprising paclitaxel with "
        "trastuzumab.\n"
        "Results: pCR was 50% with docetaxel and 40% with paclitaxel (P = .1)."
    )
    assert _registry_arms(nlp, text) == [
        "carboplatin+docetaxel+trastuzumab",
        "paclitaxel+trastuzumab",
    ]
    arms = _arms(nlp, text)
    assert arms[50.0] == "carboplatin+docetaxel+trastuzumab"
    assert arms[40.0] == "paclitaxel+trastuzumab"


def test_defined_chemotherapy_then_chemotherapy_plus_still_backbone(nlp):
    """Guard (round 95a): a later class mention that is not defined again ("or chemotherapy
    plus X") is still the first definition's drugs plus its own."""
    text = (
        "Pertuzumab added to trastuzumab and chemotherapy\n\n"
        "Methods: Patients were randomly assigned to chemotherapy consisting of docetaxel and "
        "carboplatin plus trastuzumab, or chemotherapy plus trastuzumab and pertuzumab.\n"
        "Results: pCR was 45% with trastuzumab and 60% with trastuzumab and pertuzumab (P = .01)."
    )
    assert _registry_arms(nlp, text) == [
        "carboplatin+docetaxel+pertuzumab+trastuzumab",
        "carboplatin+docetaxel+trastuzumab",
    ]


def test_single_arm_defined_chemotherapy_keeps_one_arm(nlp):
    """Guard: a single-arm study's "chemotherapy consisting of A and B plus X" is one arm."""
    text = (
        "Trastuzumab with docetaxel and carboplatin: a single-arm study\n\n"
        "Methods: In this single-arm phase 2 study, patients received chemotherapy consisting "
        "of docetaxel and carboplatin plus trastuzumab every 3 weeks for six cycles.\n"
        "Results: The pCR rate was 55% (95% CI 44-66)."
    )
    assert _registry_arms(nlp, text) == ["carboplatin+docetaxel+trastuzumab"]
