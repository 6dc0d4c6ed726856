"""Review of round 78a: two over-reaches of the round's rules. A code followed by a score's
capitals ("IC", "TC", "CPS", "TPS") was read as an assay's clone even with no cut-off after
them, so a drug code before a regimen's abbreviation ("ZN-1041 TC") was lost; and a name of
capital parts ending in a Roman numeral was a trial even when a part was a staging or scale
acronym ("AJCC-TNM-III")."""

from __future__ import annotations

from extract_helpers import extract_text


def trials_of(nlp, text: str) -> list[str]:
    return sorted(extract_text(nlp, text).trials)


def drugs_of(nlp, text: str) -> list[str]:
    return sorted(extract_text(nlp, text).drugs)


# --- 1. a score's capitals after a code ---


def test_code_before_regimen_abbreviation_is_a_drug(nlp):
    """ "ZN-1041 TC": "TC" with no cut-off is the regimen, the code a drug given."""
    text = "Patients received ZN-1041 TC and trastuzumab."
    assert "zn-1041" in drugs_of(nlp, text)


def test_clone_before_score_with_cut_off_is_no_drug(nlp):
    """Negative: "SP142 IC <1%" and "22C3 CPS >= 10" name the assay's clone."""
    cases = {
        "Tumours were scored with SP142 IC <1%. Patients received atezolizumab.": "atezolizumab",
        "Tumours with 22C3 CPS >= 10 were included. Patients received pembrolizumab.": (
            "pembrolizumab"
        ),
    }
    for text, drug in cases.items():
        assert drugs_of(nlp, text) == [drug]


# --- 2. capital parts closing with a Roman numeral ---


def test_staging_acronym_with_roman_numeral_is_no_trial(nlp):
    """ "the phase 2 AJCC-TNM-III randomized trial": a stage, not a name."""
    text = "Pertuzumab in breast cancer: the phase 2 AJCC-TNM-III randomized clinical trial"
    assert trials_of(nlp, text) == []


def test_group_parts_with_roman_numeral_still_a_trial(nlp):
    """Negative: "the phase 2 WSG-TP-II randomized clinical trial" is still a name."""
    text = "Pertuzumab in breast cancer: the phase 2 WSG-TP-II randomized clinical trial"
    assert trials_of(nlp, text) == ["WSG-TP-II"]


def test_an_alias_beside_the_titled_trial_keeps_the_sentence_the_studys_own(nlp):
    """ "In DETECT V (CHEVENDO), pts were randomized ..." under a title naming DETECT V: the
    alias round 78a now lists made the design sentence "another trial's", and the bare pair
    "51.5% vs 28.7%" lost its arms. A sentence that names a titled trial is the study's own."""
    text = (
        "Chemotherapy versus endocrine therapy with dual HER2 blockade: the randomized phase III "
        "DETECT V trial\n\n"
        "Methods: In DETECT V (CHEVENDO), pts were randomized 1:1 to trastuzumab + pertuzumab "
        "combined with chemotherapy (taxane or vinorelbine, investigator's choice; chemo arm) or "
        "with endocrine therapy (aromatase inhibitor or fulvestrant, investigator's choice; "
        "endocrine arm). Results: AEs of special interest occurred in 71.6% of pts in the chemo "
        "arm and 44.9% in the endocrine arm (P < 0.001). Grade ≥3 AEs were reported in 51.5% vs "
        "28.7%."
    )
    ex = extract_text(nlp, text)
    assert {"CHEVENDO", "DETECT V"} <= set(ex.trials)
    arms = {o.value: o.arm for o in ex.outcomes if o.value in (51.5, 28.7)}
    assert arms == {51.5: "pertuzumab+trastuzumab", 28.7: "pertuzumab+trastuzumab"}
