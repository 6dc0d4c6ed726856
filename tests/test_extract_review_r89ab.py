"""Review of rounds 89a and 89b: ``_regimen_of_other_arm`` read "as in arm A" in every sentence
with any label before it as the subject, so results sentences ("diarrhoea was as frequent in
group B as in group A", "arm B patients had dose reductions made as in arm A") gave arm B all
of arm A's drugs. The referring label must now be the subject of a treatment verb or open the
bracket that holds the reference (round 89b's own tests keep "group B received X in addition to
the regimen of group A")."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

LETTERED = (
    "Patients were randomly assigned to group A, which received docetaxel and trastuzumab, or "
    "group B, which received capecitabine and lapatinib. Median progression-free survival was "
    "8.1 months in group A and 6.4 months in group B. "
)
DOSE_ARMS = (
    "Patients were randomized to arm A (docetaxel and trastuzumab) or arm B (vinorelbine and "
    "trastuzumab). "
)


def test_results_comparison_as_in_other_group_adds_nothing(nlp):
    """Negative: "diarrhoea was as frequent in group B as in group A" defines no arm."""
    text = LETTERED + "Diarrhoea was as frequent in group B as in group A (20% vs 18%)."
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 6.4) == "capecitabine+lapatinib"
    assert arm_of(rows, 18.0) == "capecitabine+lapatinib"


def test_dose_reductions_as_in_other_arm_add_nothing(nlp):
    """Negative: "arm B patients had dose reductions made as in arm A" is no arm definition."""
    text = (
        DOSE_ARMS + "In the extension phase, arm B patients had dose reductions made as in arm "
        "A. The response rate was 60% in arm A and 50% in arm B."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 50.0) == "trastuzumab+vinorelbine"
