"""Review of round 84b: the short-code definition read a code as a drug across a link word ("TROP2
is a target of the antibody-drug conjugate ..."); "the NAME cohort" listed a cancer centre's
patients and a standing database (ESME); "in NAME-A" listed a cancer's or an assay's group
("in NSCLC-A")."""

from __future__ import annotations

from her2mine.extract import extract_document
from her2mine.models import Document

TARGET_OF = (
    "TROP2 is a target of the antibody-drug conjugate sacituzumab govitecan. "
    "Patients received trastuzumab."
)
CYTOKINE_AND = "IL6 is a cytokine and an inhibitor of apoptosis. Patients received trastuzumab."
DEFINED = "HLX22 is a humanized anti-HER2 monoclonal antibody. Patients received trastuzumab."
CENTRE_COHORT = "Patients from the MSKCC cohort received trastuzumab."
DATABASE_COHORT = "Patients in the ESME cohort received trastuzumab."
NAMED_COHORT = "Patients in the BRENDA II cohort received trastuzumab."
CANCER_LETTER = "Response was 30% in NSCLC-A with trastuzumab."
TRIAL_LETTER = "After progression on trastuzumab plus lapatinib in HERACLES-A, 30% responded."


def _run(nlp, text: str):
    return extract_document(Document(id="t", text=text), nlp)


def test_code_that_is_a_target_of_a_drug_is_no_drug(nlp) -> None:
    """A link word ("of") ends the description: the code is the target, not the antibody."""
    assert "trop2" not in _run(nlp, TARGET_OF).drugs


def test_code_that_is_a_cytokine_and_an_inhibitor_is_no_drug(nlp) -> None:
    """ "and an inhibitor" starts another phrase, no description of the code's kind."""
    assert "il6" not in _run(nlp, CYTOKINE_AND).drugs


def test_code_defined_as_an_antibody_stays_a_drug(nlp) -> None:
    """The round's case still reads: adjectives only before "monoclonal antibody"."""
    assert "hlx22" in _run(nlp, DEFINED).drugs


def test_cancer_centre_cohort_is_no_trial(nlp) -> None:
    """ "the MSKCC cohort" is a hospital's patients, no named study."""
    assert _run(nlp, CENTRE_COHORT).trials == []


def test_standing_database_cohort_is_no_trial(nlp) -> None:
    """ESME is a standing database many studies draw on (gold README)."""
    assert _run(nlp, DATABASE_COHORT).trials == []


def test_named_cohort_stays_a_trial(nlp) -> None:
    """A named observational cohort is still listed."""
    assert _run(nlp, NAMED_COHORT).trials == ["BRENDA II"]


def test_lettered_cancer_group_is_no_trial(nlp) -> None:
    """ "in NSCLC-A": the part before the letter is a cancer's abbreviation, no trial name."""
    assert _run(nlp, CANCER_LETTER).trials == []


def test_lettered_trial_cohort_stays_a_trial(nlp) -> None:
    """ "in HERACLES-A" still names the trial's cohort."""
    assert _run(nlp, TRIAL_LETTER).trials == ["HERACLES-A"]
