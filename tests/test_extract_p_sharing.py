"""P values on the right rows, and "randomly assigned to A plus B or C" as two arms.

Conventions (tests/data/gold/README.md): a P belongs to the HR/OR it is printed with (medians
next to an HR carry none); a P after compared rates or medians with no HR/OR is each one's.
"""

from __future__ import annotations

from extract_helpers import CLASS_OF, arms_of, drug_hits, extract_text, registry_of

from her2mine.extract.options import option_runs


def rows(nlp, text: str) -> dict[tuple[str, str, float | None], tuple[str | None, str | None]]:
    """(end point, measure, value) -> (p, arm) of every outcome."""
    ex = extract_text(nlp, text)
    return {(o.endpoint, o.measure, o.value): (o.p, o.arm) for o in ex.outcomes}


def p_of(nlp, text: str) -> dict[tuple[str, str, float | None], str | None]:
    return {k: p for k, (p, _) in rows(nlp, text).items()}


TANDEM = (
    "Trastuzumab plus anastrozole versus anastrozole alone: the TAnDEM study\n\n"
    "PATIENTS AND METHODS Patients (N = 207) were randomly assigned to anastrozole 1 mg/d with "
    "or without trastuzumab until progression. RESULTS Patients in the trastuzumab plus "
    "anastrozole arm experienced significant improvement in progression-free survival compared "
    "with patients receiving anastrozole alone (hazard ratio = 0.63; 95% CI, 0.47 to 0.84; "
    "median PFS, 4.8 v 2.4 months; log-rank P = .0016). The clinical benefit rate was 42.7% in "
    "the combination arm and 27.9% in the monotherapy arm (P = .026)."
)


def test_p_closing_the_hr_bracket_is_the_hrs_past_the_medians(nlp):
    ps = p_of(nlp, TANDEM)
    assert ps[("PFS", "HR", 0.63)] == "0.0016"
    assert ps[("PFS", "median", 4.8)] is None
    assert ps[("PFS", "median", 2.4)] is None


def test_rates_each_followed_by_a_group_phrase_share_the_p(nlp):
    ps = p_of(nlp, TANDEM)
    assert ps[("CBR", "rate", 42.7)] == ps[("CBR", "rate", 27.9)] == "0.026"


def test_p_after_a_closed_hr_bracket_stays_with_the_median(nlp):
    # The HR's bracket closed before the medians: the P is not printed with the HR.
    text = (
        "Trial\n\nPatients were randomly assigned to anastrozole with or without trastuzumab. "
        "Progression-free survival improved (hazard ratio, 0.63; 95% CI, 0.47 to 0.84); median "
        "PFS was 4.8 v 2.4 months (log-rank P = .0016)."
    )
    ps = p_of(nlp, text)
    assert ps[("PFS", "HR", 0.63)] is None
    assert ps[("PFS", "median", 4.8)] is None  # next to an HR: not shared
    assert ps[("PFS", "median", 2.4)] == "0.0016"


def test_rates_without_their_own_group_phrases_do_not_share(nlp):
    text = (
        "Trial\n\nPatients were randomly assigned to anastrozole with or without trastuzumab. "
        "The clinical benefit rate was 42.7% in the combination arm and 27.9% overall "
        "(P = .026)."
    )
    ps = p_of(nlp, text)
    assert ps[("CBR", "rate", 42.7)] is None


SLAMON = (
    "Chemotherapy plus a monoclonal antibody against HER2\n\n"
    "Methods We randomly assigned 469 women to receive standard chemotherapy alone or standard "
    "chemotherapy plus trastuzumab. Results The addition of trastuzumab to chemotherapy was "
    "associated with a longer time to disease progression (median, 7.4 vs. 4.6 months; "
    "P<0.001) and longer survival (median survival, 25.1 vs. 20.3 months; P=0.046)."
)


def test_compared_medians_without_a_ratio_share_the_p(nlp):
    ps = p_of(nlp, SLAMON)
    assert ps[("TTP", "median", 7.4)] == ps[("TTP", "median", 4.6)] == "<0.001"
    assert ps[("OS", "median", 25.1)] == ps[("OS", "median", 20.3)] == "0.046"


HERNATA = (
    "Phase III randomized study of two trastuzumab-based regimens: the HERNATA study\n\n"
    "PURPOSE To compare two chemotherapy partners for trastuzumab in HER2-positive advanced "
    "breast cancer. PATIENTS AND METHODS Patients were randomly assigned to trastuzumab plus "
    "docetaxel or vinorelbine. A total of 284 patients were randomly assigned. RESULTS Median "
    "time to progression was 12.4 months with docetaxel and 15.3 months with vinorelbine "
    "(hazard ratio, 0.94; 95% CI, 0.71 to 1.25; P = .67). Median overall survival was 35.7 "
    "months with docetaxel and 38.8 months with vinorelbine (hazard ratio, 1.01; 95% CI, 0.71 "
    "to 1.42; P = .98). Grade 3 to 4 febrile neutropenia occurred in 36.0% of patients treated "
    "with docetaxel and 10.1% of patients treated with vinorelbine."
)


def test_options_run_of_a_single_regimen_design_names_the_arms(nlp):
    assert arms_of(nlp, HERNATA) == {
        12.4: "docetaxel+trastuzumab",
        15.3: "trastuzumab+vinorelbine",
        35.7: "docetaxel+trastuzumab",
        38.8: "trastuzumab+vinorelbine",
        36.0: "docetaxel+trastuzumab",
        10.1: "trastuzumab+vinorelbine",
    }
    names = sorted(a.name for a in registry_of(nlp, HERNATA).arms)
    assert names == ["docetaxel+trastuzumab", "trastuzumab+vinorelbine"]


def test_options_stay_options_outside_a_randomisation_sentence_or_beside_another_arm():
    names = ("trastuzumab", "docetaxel", "vinorelbine")
    for text in (
        # not a randomisation sentence: options differ by patient
        "All patients received trastuzumab plus docetaxel or vinorelbine.",
        # another arm named without a drug
        "Patients were randomly assigned to trastuzumab plus docetaxel or vinorelbine, or "
        "to observation.",
        "Patients were randomly assigned to trastuzumab plus docetaxel or vinorelbine with or "
        "without everolimus.",
    ):
        assert option_runs(text, drug_hits(text, *names), CLASS_OF) == [(1, 2)], text
    text = "Patients were randomly assigned to trastuzumab plus docetaxel or vinorelbine."
    assert option_runs(text, drug_hits(text, *names), CLASS_OF) == []


def test_options_of_a_design_with_another_regimen_stay_options(nlp):
    text = (
        "Trial\n\nPatients were randomly assigned to trastuzumab plus docetaxel or paclitaxel "
        "(HT), or T-DM1 plus pertuzumab. Median progression-free survival was 13.7 months with "
        "HT and 15.2 months with T-DM1 plus pertuzumab."
    )
    assert arms_of(nlp, text) == {13.7: "trastuzumab", 15.2: "pertuzumab+trastuzumab emtansine"}
