"""Fresh round 97d: near misses of earlier rounds. (2) "FEC only for three cycles followed by
docetaxel plus trastuzumab" is one sequence, as "FEC alone for ..." is (round 95c). (3) "...,
and 12% of patients had diarrhoea": a clause with its own value, subject and verb after the
grade >=3 clause is of any grade (round 95b). (5) "65.0% of responses lasted at least 6
months", "responses lasted 6 months or longer in 58% of responders": a duration-of-response
landmark share, no response rate (the gold README has no DOR rate)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of


def _registry_arms(nlp, text: str) -> list[str]:
    return sorted("+".join(a.drugs) for a in registry_of(nlp, text).arms)


def _codes(nlp, text: str) -> dict[float, str]:
    return {r.value: r.endpoint for r in rows_of(nlp, text, ARM_ROW)}


# (2) "only" for a set time, then the next phase


_FEC_HEAD = (
    "Sequential anthracycline then taxane chemotherapy in HER2-positive early breast cancer\n\n"
)


def test_fec_only_for_cycles_followed_by_is_one_sequence(nlp):
    """ "FEC only for three cycles followed by docetaxel plus trastuzumab, or ...": one arm
    holding all five drugs, as "FEC alone for three cycles" gives."""
    text = _FEC_HEAD + (
        "Methods: Patients were randomly assigned to FEC only for three cycles followed by "
        "docetaxel plus trastuzumab, or to docetaxel plus trastuzumab for six cycles.\n"
        "Results: The pCR rate was 45.2% with FEC followed by docetaxel plus trastuzumab and "
        "38.1% with docetaxel plus trastuzumab (P=0.04)."
    )
    assert _registry_arms(nlp, text) == [
        "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab",
        "docetaxel+trastuzumab",
    ]
    arms = {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}
    assert arms[45.2] == "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab"
    assert arms[38.1] == "docetaxel+trastuzumab"


def test_fec_only_for_cycles_comma_followed_by(nlp):
    """ "FEC only for four cycles, followed by docetaxel and trastuzumab" (a comma)."""
    text = _FEC_HEAD + (
        "Methods: Women were randomised to FEC only for four cycles, followed by docetaxel and "
        "trastuzumab, or to docetaxel and trastuzumab for 18 weeks.\n"
        "Results: Breast pCR was 52% versus 41%."
    )
    assert _registry_arms(nlp, text) == [
        "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab",
        "docetaxel+trastuzumab",
    ]


def test_only_without_time_keeps_control_arm(nlp):
    """Guard: "docetaxel only or docetaxel plus trastuzumab" (no set time, no sequence) keeps
    the docetaxel-only control arm."""
    text = _FEC_HEAD + (
        "Methods: Patients were randomly assigned to docetaxel only or docetaxel plus "
        "trastuzumab.\nResults: The ORR was 34% with docetaxel only and 61% with docetaxel plus "
        "trastuzumab (P=0.0002)."
    )
    assert _registry_arms(nlp, text) == ["docetaxel", "docetaxel+trastuzumab"]


# (3) A clause with its own value, subject and verb after a grade >=3 clause

_NERA = (
    "Neratinib monotherapy in HER2-mutant metastatic breast cancer: a phase 2 study\n\n"
    "Patients received neratinib 240 mg once daily. "
)


def test_value_subject_verb_clause_is_any_grade(nlp):
    """ "Grade 3 or higher neutropenia occurred in 20% of patients, and 12% of patients had
    diarrhoea": 12% is any grade."""
    text = _NERA + (
        "Grade 3 or higher neutropenia occurred in 20% of patients, and 12% of patients had "
        "diarrhoea."
    )
    assert _codes(nlp, text) == {20.0: "AE_G3", 12.0: "AE"}


def test_value_run_subject_verb_clause_is_any_grade(nlp):
    """ "..., and 12% and 9% of patients in the two cohorts experienced diarrhoea", "...,
    and 11.5% of patients developed febrile neutropenia": any grade."""
    text = _NERA + (
        "Grade 3-4 neutropenia was seen in 25.0% of patients, and 11.5% of patients developed "
        "febrile neutropenia. Grade 3 or higher adverse events occurred in 30% of patients, and "
        "14% and 9% of patients in the two cohorts experienced diarrhoea."
    )
    assert _codes(nlp, text) == {25.0: "AE_G3", 11.5: "AE", 30.0: "AE_G3", 14.0: "AE", 9.0: "AE"}


def test_value_clause_with_own_grade_keeps_grade(nlp):
    """Guard: "and 12% of patients had diarrhoea of grade 3 or higher" / "had grade 3
    diarrhoea" name their own grade; "in 20% and diarrhoea in 12%" (no comma, round 95b)
    stays ambiguous and keeps the grade."""
    text = _NERA + (
        "Grade 3 or higher neutropenia occurred in 20% of patients, and 12% of patients had "
        "diarrhoea of grade 3 or higher. Grade 3 or higher neutropenia occurred in 21% of "
        "patients, and 13% of patients had grade 3 diarrhoea. Grade 3 or higher neutropenia "
        "occurred in 22% and diarrhoea in 14%."
    )
    assert _codes(nlp, text) == {
        20.0: "AE_G3",
        12.0: "AE_G3",
        21.0: "AE_G3",
        13.0: "AE_G3",
        22.0: "AE_G3",
        14.0: "AE_G3",
    }


# (5) Shares of responses lasting a set time

_TUCA = "Tucatinib monotherapy in HER2-positive metastatic breast cancer: a phase 2 study\n\n"


def test_share_of_responses_lasting_is_no_orr(nlp):
    """ "The ORR was 40.0% (...), and 65.0% of responses lasted at least 6 months": only 40.0
    is an ORR."""
    text = _TUCA + (
        "Patients received tucatinib 300 mg twice daily. The objective response rate was 40.0% "
        "(95% CI 30.1-50.2), and 65.0% of responses lasted at least 6 months."
    )
    assert _codes(nlp, text) == {40.0: "ORR"}


def test_responses_lasted_in_share_of_responders_is_no_orr(nlp):
    """ "responses lasted 6 months or longer in 58% of responders", "of the 24 responders, ...":
    no ORR; the 30% response rate stays."""
    text = _TUCA + (
        "Patients received tucatinib 300 mg twice daily. Objective responses were seen in 30% of "
        "patients; responses lasted 6 months or longer in 58% of responders. The ORR was 35%, "
        "and 70% of the 24 confirmed responses were ongoing at data cutoff."
    )
    assert _codes(nlp, text) == {30.0: "ORR", 35.0: "ORR"}


def test_response_rate_then_duration_median_kept(nlp):
    """Guard: "The ORR was 40%, and responses lasted a median of 9.1 months" keeps the ORR."""
    text = _TUCA + (
        "Patients received tucatinib 300 mg twice daily. The ORR was 40% (95% CI 30-50), and "
        "responses lasted a median of 9.1 months."
    )
    assert _codes(nlp, text)[40.0] == "ORR"


def test_share_of_responders_needs_a_duration_after(nlp):
    """A share "of responders" is a response's only when its duration follows ("58% of
    responders had a response lasting ..."); "2% of responders had grade 3 diarrhoea" is a
    subset's incidence (merge of rounds 97c and 97d)."""
    text = _TUCA + (
        "Patients received tucatinib 300 mg twice daily. The ORR was 35% (95% CI 25-46), and 58% "
        "of responders had a response lasting 6 months or longer. Grade 3 diarrhoea occurred in "
        "2% of responders and in 6% of non-responders."
    )
    codes = _codes(nlp, text)
    assert codes[35.0] == "ORR"
    assert 58.0 not in codes
    assert codes.get(2.0) == "AE_G3"
