"""Review of round 60b: a group label before the short form let a population in the same
bracket ("(arm A, HER2-low)", "(group A, ER+)", "(cohort 1, TNBC)") be defined as the short
form of the arm's regimen, so "HER2-low" later read as trastuzumab deruxtecan; and "trastuzumab
without pertuzumab-related toxicity" or "... without pertuzumab dose delays" read as the arm
lacking pertuzumab, though the partner only qualifies what was absent."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, extract_text, registry_of, rows_of

TH = "docetaxel+trastuzumab"
THP = "docetaxel+pertuzumab+trastuzumab"


def _short_forms(nlp, text: str) -> set[str]:
    """The short forms the text defines (drug mentions found as abbreviations)."""
    mentions = extract_text(nlp, text).mentions
    return {m.text for m in mentions if m.kind == "drug" and m.source == "abbreviation"}


def _labelled(population: str) -> str:
    return (
        "Title\n\nPatients were randomly assigned to trastuzumab and docetaxel (group A, "
        f"{population}) or lapatinib and docetaxel (group B). The pCR rate was 30% in group A "
        "and 22% in group B."
    )


def test_receptor_status_after_label_is_no_short_form(nlp):
    """ "(group A, ER+)", "(group A, HER2-low)": a receptor status names the group's patients,
    not its regimen."""
    for population in ("ER+", "HR-", "HER2-low", "HER2+"):
        assert _short_forms(nlp, _labelled(population)) == set(), population


def test_stage_disease_or_analysis_set_after_label_is_no_short_form(nlp):
    """ "(group A, T1N0)", "(group A, TNBC)", "(group A, ITT)": no regimen's short form."""
    for population in ("T1N0", "ECOG0", "TNBC", "mBC", "ITT"):
        assert _short_forms(nlp, _labelled(population)) == set(), population


def test_label_still_names_arm_beside_population(nlp):
    """The label before the population still names its arm: "in group A" resolves."""
    rows = rows_of(nlp, _labelled("ER+"), P_ROW)
    assert arm_of(rows, 30.0) == TH
    assert arm_of(rows, 22.0) == "docetaxel+lapatinib"


def test_regimen_short_form_after_label_still_defined(nlp):
    """Negative: "(group A, TH)" and "(arm B: TP)" still define their short forms."""
    assert _short_forms(nlp, _labelled("TH")) == {"TH"}
    text = (
        "Title\n\nPatients were randomly assigned to trastuzumab and docetaxel (arm A: TH) or "
        "trastuzumab and paclitaxel (arm B: TP). Neutropenia occurred in 30% with TH and 10% "
        "with TP."
    )
    assert [a.labels for a in registry_of(nlp, text).arms] == [{"a"}, {"b"}]
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 30.0) == TH
    assert arm_of(rows, 10.0) == "paclitaxel+trastuzumab"


NEGATED_DESIGN = (
    "Title\n\nPatients were randomly assigned to docetaxel plus trastuzumab and pertuzumab or "
    "docetaxel plus trastuzumab. "
)


def test_partner_as_modifier_names_no_arm(nlp):
    """ "with trastuzumab without pertuzumab-related toxicity": pertuzumab qualifies the
    toxicity, so the value names no arm lacking it."""
    text = NEGATED_DESIGN + (
        "Diarrhoea occurred in 12% of patients with trastuzumab without pertuzumab-related "
        "toxicity."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 12.0) is None


def test_partner_before_dose_word_names_no_arm(nlp):
    """ "receiving trastuzumab without pertuzumab dose delays": the patients may have had
    pertuzumab; no arm."""
    text = NEGATED_DESIGN + (
        "Grade 3 diarrhoea occurred in 9% of patients receiving trastuzumab without pertuzumab "
        "dose delays."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 9.0) is None


def test_partner_before_comma_still_names_arm(nlp):
    """Negative: "with trastuzumab without pertuzumab, 69%" still names the arm lacking it."""
    text = NEGATED_DESIGN + (
        "The response rate was 80% with trastuzumab and pertuzumab and 69% with trastuzumab "
        "without pertuzumab (P = 0.04)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 80.0) == THP
    assert arm_of(rows, 69.0) == TH
