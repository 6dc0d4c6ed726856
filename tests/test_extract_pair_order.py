"""Which arm each value of a compared pair belongs to: "A was superior to B (a v b)" (M77001,
Marty et al., JCO 2005), "those who received X ... than those who did not (a vs. b)" (FinHER,
Joensuu et al., NEJM 2006) and duration-labelled groups of a one-regimen design ("the 12-month
group", PHARE, Pivot et al., Lancet Oncol 2013)."""

from __future__ import annotations

from extract_helpers import extract_text

M77001 = (
    "Trastuzumab combined with docetaxel in HER2-positive metastatic breast cancer\n\n"
    "PURPOSE To compare the efficacy and safety of trastuzumab combined with docetaxel versus "
    "docetaxel alone as first-line treatment of HER2-positive metastatic breast cancer. "
    "PATIENTS AND METHODS Patients were randomly assigned to six cycles of docetaxel 100 mg/m2 "
    "every 3 weeks, with or without trastuzumab 4 mg/kg loading dose followed by 2 mg/kg weekly "
    "until disease progression. RESULTS A total of 186 patients received at least one dose of the "
    "study drug. Trastuzumab plus docetaxel was significantly superior to docetaxel alone in terms "
    "of overall response rate (61% v 34%; P = .0002), overall survival (median, 31.2 v 22.7 "
    "months; P = .0325)."
)

FINHER = (
    "Adjuvant Docetaxel or Vinorelbine with or without Trastuzumab for Breast Cancer\n\n"
    "METHODS We randomly assigned 1010 women with axillary node-positive or high-risk "
    "node-negative breast cancer to receive three cycles of docetaxel or nine weekly cycles of "
    "vinorelbine, followed by three cycles of fluorouracil, epirubicin, and cyclophosphamide "
    "(FEC). Women whose cancer had an amplified HER2 gene (232 patients) were further assigned to "
    "receive or not to receive nine weekly trastuzumab infusions. RESULTS Among women with "
    "HER2-positive cancer, those who received trastuzumab had better 3-year recurrence-free "
    "survival than those who did not (89% vs. 78%; hazard ratio, 0.42; 95% CI, 0.21 to 0.83; "
    "P=0.01)."
)

PHARE_METHODS = (
    "6 months versus 12 months of adjuvant trastuzumab for HER2-positive early breast cancer\n\n"
    "Methods Patients with HER2-positive early breast cancer who had received at least 4 cycles "
    "of chemotherapy and up to 6 months of trastuzumab were randomly assigned to continue "
    "trastuzumab for up to 12 months in total or to stop at 6 months. "
)
PHARE_FINDINGS = (
    "Findings 3384 patients were randomly assigned. 2-year disease-free survival was 93·8% (95% "
    "CI 92·6–94·9) in the 12-month group and 91·1% (89·7–92·4) in the 6-month group (hazard "
    "ratio 1·28, 95% CI 1·05–1·56; p=0·29). Cardiac events were more frequent in the 12-month "
    "group than in the 6-month group (5·7% vs 1·9%; p<0·0001)."
)


def outcomes(nlp, text: str) -> dict[float, tuple[str, str | None, str | None]]:
    """value -> (end point, arm, P) of each value that is not an HR/OR."""
    ex = extract_text(nlp, text)
    return {o.value: (o.endpoint, o.arm, o.p) for o in ex.outcomes if o.measure not in ("HR", "OR")}


def test_superior_to_orders_the_first_pair(nlp):
    """ "A was superior to B in ORR (a v b)": a is A's, b is B's, like the later pairs."""
    got = outcomes(nlp, M77001)
    assert got[61.0] == ("ORR", "docetaxel+trastuzumab", "0.0002")
    assert got[34.0] == ("ORR", "docetaxel", "0.0002")
    assert got[31.2][:2] == ("OS", "docetaxel+trastuzumab")
    assert got[22.7][:2] == ("OS", "docetaxel")


def test_inferior_to_orders_the_pair():
    """ "inferior to" / "compared to" join two regimens in one clause as "versus" does."""
    from her2mine.extract.outcomes.prose import _PROSE_COMPARISON

    for phrase in (" was inferior to ", " compared to ", " was superior to "):
        assert _PROSE_COMPARISON.search(phrase)
    assert not _PROSE_COMPARISON.search(" was added to ")


def test_one_reference_does_not_name_both_values_of_a_pair(nlp):
    """ "those who received X had better RFS than those who did not (89% vs. 78%)": the group
    that did not receive X names no regimen, so 78% has no arm."""
    got = outcomes(nlp, FINHER)
    assert got[89.0][:2] == ("RFS", "trastuzumab")
    assert got[78.0][:2] == ("RFS", None)


def test_two_references_of_one_arm_keep_both_values(nlp):
    """Negative: each value of the pair has its own reference (both naming the one regimen):
    the pair guard must not null either."""
    got = outcomes(nlp, PHARE_METHODS + PHARE_FINDINGS)
    assert got[93.8][:2] == ("DFS", "trastuzumab")
    assert got[91.1][:2] == ("DFS", "trastuzumab")


def test_duration_groups_are_the_single_regimen(nlp):
    """ "the 12-month group" / "the 6-month group" when both arms give trastuzumab, only for
    different lengths: both are trastuzumab; the P of the compared rates stays theirs."""
    got = outcomes(nlp, PHARE_METHODS + PHARE_FINDINGS)
    assert got[5.7] == ("AE", "trastuzumab", "<0.0001")
    assert got[1.9] == ("AE", "trastuzumab", "<0.0001")


def test_duration_group_of_a_two_regimen_design_has_no_arm(nlp):
    """Negative: when the arms differ in drugs, a duration does not say which arm it is."""
    text = (
        "Adjuvant trastuzumab regimens\n\n"
        "Methods Patients were randomly assigned to docetaxel plus trastuzumab or vinorelbine "
        "plus trastuzumab. Findings 2-year disease-free survival was 93·8% in the 12-month "
        "group and 91·1% in the 6-month group."
    )
    got = outcomes(nlp, text)
    assert got[93.8][:2] == ("DFS", None)
    assert got[91.1][:2] == ("DFS", None)
