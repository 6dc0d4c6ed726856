"""Left-overs b of round 29, regimens. Round 28 made a count bracket between two drug mentions
end the regimen before it, so a count written inside a combination's dose bracket, or before
its joiner, split the combination: "trastuzumab (8 mg/kg loading dose, n = 100) plus
docetaxel" was two arms, "pertuzumab (840 mg; n = 402) and trastuzumab plus docetaxel" lost
pertuzumab. Only a bracket holding nothing but the count, before a list separator, now ends a
regimen. And a lexicon regimen short form the text defines only as the last part of a combined
one ("T-DXd followed by paclitaxel, trastuzumab and pertuzumab (T-DXd-THP)") kept the
lexicon's docetaxel in later "THP" and "ddAC-THP"; it now takes the text's taxane."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, arm_of, extract_text, registry_of, rows_of

OPENING = "Patients were randomly assigned to "


def _arms(nlp, text: str) -> list[str]:
    return ["+".join(sorted(a.drugs)) for a in registry_of(nlp, text).arms]


@pytest.mark.parametrize("bracket", [" (8 mg/kg loading dose, n = 100)", " (8 mg/kg; n=100)"])
def test_count_inside_dose_bracket_keeps_the_combination(nlp, bracket):
    """ "A (dose, n = 100) plus B or B alone": the count beside a dose counts the
    combination, which goes on to B."""
    text = OPENING + (
        f"trastuzumab{bracket} plus docetaxel or docetaxel alone (n = 100). Median PFS was "
        "11.2 months with trastuzumab plus docetaxel."
    )
    assert _arms(nlp, text) == ["docetaxel+trastuzumab", "docetaxel"]
    assert arm_of(rows_of(nlp, text, ARM_ROW), 11.2) == "docetaxel+trastuzumab"


def test_count_inside_dose_bracket_before_and_keeps_three_drugs(nlp):
    """ "pertuzumab (840 mg; n= 402) and trastuzumab plus docetaxel": one three-drug arm."""
    text = OPENING + (
        "pertuzumab (840 mg; n= 402) and trastuzumab plus docetaxel or placebo and trastuzumab "
        "plus docetaxel (n = 406)."
    )
    assert _arms(nlp, text)[0] == "docetaxel+pertuzumab+trastuzumab"


@pytest.mark.parametrize("joiner", [" plus ", " with ", " in combination with "])
def test_bare_count_before_a_joiner_keeps_joining(nlp, joiner):
    """ "A (n = 100) plus B": a joiner after the count bracket still joins."""
    text = OPENING + f"trastuzumab (n = 100){joiner}docetaxel or docetaxel alone (n = 100)."
    assert _arms(nlp, text) == ["docetaxel+trastuzumab", "docetaxel"]


@pytest.mark.parametrize("sep", [", ", " or ", " and "])
def test_bare_count_before_a_list_separator_still_ends_the_item(nlp, sep):
    """Negative: "A (n = 100), B (n = 100) or C (n = 100)" stays three arms."""
    text = OPENING + f"trastuzumab (n = 100){sep}lapatinib (100 patients) or neratinib (n = 100)."
    assert _arms(nlp, text) == ["trastuzumab", "lapatinib", "neratinib"]


COMBINED = (
    "Patients received T-DXd followed by paclitaxel, trastuzumab and pertuzumab (T-DXd-THP) "
    "or {other}. The pCR rate was 67.3% with T-DXd-THP and 56.3% with {use}."
)


@pytest.mark.parametrize(
    ("other", "use"),
    [
        ("doxorubicin and cyclophosphamide followed by THP (ddAC-THP)", "ddAC-THP"),
        ("ddAC-THP", "ddAC-THP"),
    ],
)
def test_part_of_a_combined_short_form_takes_the_texts_taxane(nlp, other, use):
    """After "(T-DXd-THP)" defined with paclitaxel, THP in "ddAC-THP" is paclitaxel too."""
    text = COMBINED.format(other=other, use=use)
    assert "docetaxel" not in extract_text(nlp, text).drugs
    assert arm_of(rows_of(nlp, text, ARM_ROW), 56.3) == (
        "cyclophosphamide+doxorubicin+paclitaxel+pertuzumab+trastuzumab"
    )


def test_bare_part_after_a_combined_definition(nlp):
    """A later bare "THP" in that text is paclitaxel, trastuzumab and pertuzumab."""
    text = COMBINED.format(other="THP alone", use="THP")
    assert _arms(nlp, text)[1] == "paclitaxel+pertuzumab+trastuzumab"


def test_combined_definition_with_the_lexicons_taxane_changes_nothing(nlp):
    """Negative: "(T-DXd-THP)" defined with docetaxel leaves THP the lexicon's."""
    text = COMBINED.replace("paclitaxel", "docetaxel").format(other="THP alone", use="THP")
    assert _arms(nlp, text)[1] == "docetaxel+pertuzumab+trastuzumab"


def test_combined_definition_missing_a_drug_changes_nothing(nlp):
    """Negative: "T-DXd followed by paclitaxel and trastuzumab (T-DXd-TH)" says nothing of
    THP: a later "THP" keeps the lexicon's docetaxel."""
    text = (
        "Patients received T-DXd followed by paclitaxel and trastuzumab (T-DXd-TH) or THP "
        "alone. The pCR rate was 56.3% with THP."
    )
    assert _arms(nlp, text)[1] == "docetaxel+pertuzumab+trastuzumab"
