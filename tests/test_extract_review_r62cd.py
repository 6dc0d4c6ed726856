"""Review of rounds 62c and 62d. 62c: "A without X or with it, each combined with Y" dropped
the shared partner Y from both arms (before 62c the control arm kept it); "in this
non-randomized study ... given subcutaneously (H SC) or intravenously (H IV)" read route arms,
"non-randomized" counting as a randomisation word (the cohorts of a study that randomises none
are whole-population subsets). 62d: the plural "trials" after a sponsor's programme word ("the
KEYNOTE trials", "the DESTINY-Breast trials") listed the programme as a trial."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

from her2mine.extract import extract_document
from her2mine.models import Document

_SHARED_PARTNER = (
    "Title\n\nPatients were randomly assigned to lapatinib without trastuzumab or with it, each "
    "combined with paclitaxel. The pCR rate was 20% with lapatinib alone and 46% with lapatinib "
    "plus trastuzumab (P=0.001)."
)
_NON_RANDOMISED_ROUTES = (
    "Title\n\nIn this non-randomized study, patients received trastuzumab given subcutaneously "
    "(H SC) or intravenously (H IV). The pCR rate was 40% in the H SC cohort and 38% in the H IV "
    "cohort."
)
_RANDOMISED_ROUTES = (
    "Title\n\nPatients were randomly assigned to trastuzumab given subcutaneously (arm A) or "
    "intravenously (arm B). The 3-year EFS rate was 76% in arm A and 73% in arm B."
)


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


def _trials(nlp, body: str) -> list[str]:
    return extract_document(Document(id="t", text="Title\n\n" + body), nlp).trials


def test_negated_partner_keeps_the_shared_partner(nlp):
    """ "A without X or with it, each combined with Y": arms A + Y and A + X + Y."""
    assert _arms(nlp, _SHARED_PARTNER) == {
        20.0: "lapatinib+paclitaxel",
        46.0: "lapatinib+paclitaxel+trastuzumab",
    }


def test_negated_partner_then_another_regimen_is_not_claimed(nlp):
    """Negative: a regimen after the restored alternative that no "each with" joins is another
    arm: the negated-partner reading does not claim the sentence ("docetaxel" gets its arm)."""
    text = (
        "Title\n\nPatients were randomly assigned to lapatinib without trastuzumab or with it, "
        "or to docetaxel. The ORR was 30% with docetaxel."
    )
    assert _arms(nlp, text)[30.0] == "docetaxel"


def test_route_cohorts_of_a_non_randomised_study_have_no_arm(nlp):
    """Negative: "non-randomized" is no randomisation word: route cohorts stay null."""
    assert _arms(nlp, _NON_RANDOMISED_ROUTES) == {40.0: None, 38.0: None}


def test_randomised_route_arms_still_read(nlp):
    """The randomised spelling of the same sentence still reads two route arms."""
    assert _arms(nlp, _RANDOMISED_ROUTES) == {76.0: "trastuzumab", 73.0: "trastuzumab"}


def test_programme_word_before_plural_trials_names_no_trial(nlp):
    """Negative: "the KEYNOTE trials", "the DESTINY-Breast trials" are programmes."""
    assert _trials(nlp, "Pembrolizumab was active in the KEYNOTE trials. The ORR was 30%.") == []
    body = "Results from the DESTINY-Breast trials were strong. The ORR was 52%."
    assert _trials(nlp, body) == []


def test_programme_member_and_plural_names_still_read(nlp):
    """Members with their numbers, and a trial's own name before "trials", are still read."""
    body = "In the DESTINY-Breast03 and DESTINY-Breast04 trials and the GeparSepto trials, ORR was 52%."
    assert set(_trials(nlp, body)) >= {"DESTINY-Breast03", "DESTINY-Breast04", "GeparSepto"}
