"""Lead's mend after the review of round 20 (pipeline 0.3.36): round 20a let a bracket after
"alone" name the regimen before it ("paclitaxel ... alone (TP)"), and with it a trial's name
in mixed case ("trastuzumab alone (NeoSphere)") became a short form for trastuzumab, so "In
NeoSphere, the 3-year DFS was 80.6%" took the trastuzumab arm."""

from __future__ import annotations

from extract_helpers import arms_of


def test_a_trial_name_after_alone_is_no_short_form(nlp):
    text = (
        "Neoadjuvant pertuzumab and trastuzumab\n\n"
        "Patients were randomly assigned to observation or trastuzumab alone (NeoSphere). In "
        "NeoSphere, the 3-year DFS was 80.6%."
    )
    assert arms_of(nlp, text, skipped=())[80.6] is None


def test_a_short_form_in_capitals_after_alone_still_names_the_regimen(nlp):
    """Negative: round 20a's reading stays for a short form in capitals."""
    text = (
        "Trastuzumab and paclitaxel with or without carboplatin\n\n"
        "Patients were randomly assigned to trastuzumab plus paclitaxel 175 mg/m2 every 3 weeks "
        "alone (TP) or with carboplatin at an AUC of 6 (TPC). The response rate was 36% with TP "
        "and 52% with TPC."
    )
    arms = arms_of(nlp, text, skipped=())
    assert arms[36.0] == "paclitaxel+trastuzumab"
    assert arms[52.0] == "carboplatin+paclitaxel+trastuzumab"
