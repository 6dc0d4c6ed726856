"""Review of round 91b: the modality-alone design ("radiotherapy (RT) alone or RT with A
(RT + A)") gave up when the drug arm's own bracket abbreviated a drug ("(RT + HP)",
"(RT + T-DM1)"): the bracket's drug hit counted as a second alternative, so neither arm was
defined and both values had arm null."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of


def _text(drugs: str, label: str) -> str:
    return (
        "Women with HER2-positive DCIS were randomly assigned to whole-breast radiotherapy (RT) "
        f"alone or to RT with two doses of {drugs} given 3 weeks apart ({label}). Grade 3 or "
        f"higher adverse events were reported in 3.6% of patients in the {label} arm and 2.3% "
        "of patients in the RT arm."
    )


def _arms(text: str, nlp) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW) if r.endpoint == "AE_G3"}


def test_bracket_abbreviating_two_drugs_is_the_drug_arm(nlp):
    """ "(RT + HP)" abbreviates the arm's own trastuzumab and pertuzumab: it is the drug arm's
    label, not a third alternative."""
    text = _text("trastuzumab and pertuzumab", "RT + HP")
    assert _arms(text, nlp) == {3.6: "pertuzumab+trastuzumab", 2.3: None}


def test_bracket_repeating_the_drug_name_is_the_drug_arm(nlp):
    """ "(RT + T-DM1)" writes the arm's drug again inside its label."""
    text = _text("T-DM1", "RT + T-DM1")
    assert _arms(text, nlp) == {3.6: "trastuzumab emtansine", 2.3: None}
