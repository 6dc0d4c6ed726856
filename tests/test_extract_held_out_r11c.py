"""Held-out round 11 (c): real-world cohorts and biomarker analyses (an NCDB pCR analysis, an
IPTW-weighted real-world pertuzumab cohort, CLEOPATRA TILs, a NeoALTTO PIK3CA analysis). Each
test checks one reading that went wrong: adjusted ratios written "aHR", a design list "A, B and
C or placebo, B and C", and a "respectively" list inside a sentence about one arm."""

from __future__ import annotations

from extract_helpers import arms_of, outcomes_of, registry_of

NCDB = (
    "Pathologic complete response and overall survival in HER2-positive breast cancer: a "
    "National Cancer Database analysis\n\n"
    "Methods: We identified 28,523 patients treated with neoadjuvant chemotherapy and "
    "trastuzumab. Results: The 5-year OS was 93.1% in patients with pCR and 80.7% in those with "
    "residual disease (P < 0.001). On multivariable analysis, pCR was associated with improved "
    "OS (aHR 0.42, 95% CI 0.37-0.47; P < 0.001)."
)

IPTW = (
    "First-line pertuzumab in HER2-positive metastatic breast cancer: a real-world cohort\n\n"
    "Methods: Patients received first-line trastuzumab and taxane with pertuzumab (n=1,602) or "
    "without pertuzumab (n=813). Results: Median overall survival was 57.1 versus 37.3 months "
    "(aHR 0.72, 95% CI 0.61-0.84). Pathologic complete response was more frequent with "
    "pertuzumab (aOR 1.34, 95% CI 1.21-1.48; P = 0.002)."
)


def test_adjusted_hazard_ratio_short_form_is_read(nlp):
    ratios = [o for o in outcomes_of(nlp, NCDB) if o.measure == "HR"]
    assert [(o.endpoint, o.value, o.ci_low, o.ci_high, o.p, o.arm) for o in ratios] == [
        ("OS", 0.42, 0.37, 0.47, "<0.001", None)
    ]  # was missed: "aHR" was no ratio key


def test_adjusted_ratios_in_a_cohort_comparison(nlp):
    outs = outcomes_of(nlp, IPTW)
    hr = [o for o in outs if o.measure == "HR"]
    odds = [o for o in outs if o.measure == "OR"]
    assert [(o.endpoint, o.value, o.ci_low, o.arm) for o in hr] == [("OS", 0.72, 0.61, None)]
    assert [(o.endpoint, o.value, o.p) for o in odds] == [("pCR", 1.34, "0.002")]
    # the offsets cover the written value only, not the "a" of the key
    text = IPTW
    assert [text[o.start : o.end] for o in hr + odds] == ["0.72", "1.34"]


def test_words_ending_in_a_before_hr_are_no_ratio_key(nlp):
    # "aHR" is read only as a word of its own: "AHR" (the aryl hydrocarbon receptor) or a
    # longer token ending in "aHR" is no hazard ratio
    text = NCDB.replace("(aHR 0.42, 95% CI 0.37-0.47; P < 0.001)", "(AHR 0.42 expression)")
    assert not [o for o in outcomes_of(nlp, text) if o.measure == "HR"]
    text = NCDB.replace("(aHR 0.42, 95% CI 0.37-0.47; P < 0.001)", "(TaHR 0.42)")
    assert not [o for o in outcomes_of(nlp, text) if o.measure == "HR"]


CLEO_DESIGN = (
    "Tumour-infiltrating lymphocytes in advanced HER2-positive breast cancer: a retrospective "
    "analysis of the CLEOPATRA study\n\n"
    "Methods: CLEOPATRA randomly assigned 808 patients to pertuzumab, trastuzumab and docetaxel "
    "or placebo, trastuzumab and docetaxel. Findings: In patients with TILs of 20% or more, "
    "median OS was 63.1 months in the pertuzumab group and 50.0 months in the placebo group."
)


def test_and_closed_drug_lists_either_side_of_or_are_two_arms(nlp):
    arms = sorted(a.name for a in registry_of(nlp, CLEO_DESIGN).arms)
    # was one arm (the placebo one): "pertuzumab, trastuzumab" were split as alternatives
    assert arms == ["docetaxel+pertuzumab+trastuzumab", "docetaxel+trastuzumab"]
    got = arms_of(nlp, CLEO_DESIGN)
    assert got[63.1] == "docetaxel+pertuzumab+trastuzumab"  # was None
    assert got[50.0] == "docetaxel+trastuzumab"


def test_list_closed_by_or_keeps_its_alternatives(nlp):
    # no "and" before the last drug: "A, B, or A and B" still lists three arms
    text = (
        "A neoadjuvant trial\n\nMethods: Patients were randomly assigned to lapatinib, "
        "trastuzumab, or lapatinib and trastuzumab."
    )
    arms = sorted(a.name for a in registry_of(nlp, text).arms)
    assert arms == ["lapatinib", "lapatinib+trastuzumab", "trastuzumab"]


PIK3CA = (
    "PIK3CA mutations and benefit from neoadjuvant HER2-targeted therapy: a NeoALTTO biomarker "
    "analysis\n\n"
    "Methods: Patients were randomly assigned to lapatinib, trastuzumab, or lapatinib plus "
    "trastuzumab. Results: Across the three arms, pCR was 16.0% in PIK3CA-mutant and 29.4% in "
    "wild-type tumors (OR 0.46, 95% CI 0.24-0.88; P = .02). In the lapatinib arm, the pCR rates "
    "were 20.5% and 30.3%, respectively."
)


def test_respectively_list_in_a_sentence_about_one_arm(nlp):
    got = arms_of(nlp, PIK3CA)
    # were "trastuzumab" and "lapatinib+trastuzumab" (the design's arms, zipped)
    assert got[20.5] == "lapatinib"
    assert got[30.3] == "lapatinib"


def test_respectively_list_after_a_comparison_opening_keeps_the_arms_zipped(nlp):
    # not a group opening ("In the X arm,"): the list still names the arms under discussion
    text = PIK3CA.replace(
        "In the lapatinib arm, the pCR rates were 20.5% and 30.3%, respectively.",
        "The pCR rates were 20.5% and 30.3% with lapatinib and trastuzumab, respectively.",
    )
    got = arms_of(nlp, text)
    assert got[20.5] == "lapatinib"
    assert got[30.3] == "trastuzumab"


MARKER_GROUPS = (
    "PIK3CA mutations and pCR: a NeoALTTO biomarker analysis\n\n"
    "Methods: Patients were randomly assigned to lapatinib, trastuzumab, or lapatinib plus "
    "trastuzumab. Results: In the combination arm, pCR was 28.6% {a} and 53.1% {b} (P = .012)."
)


def test_rates_of_marker_defined_tumour_groups_share_their_p(nlp):
    for a, b in (
        ("with PIK3CA mutations", "in wild-type tumors"),
        ("in hormone receptor-negative", "in hormone receptor-positive tumours"),
    ):
        outs = outcomes_of(nlp, MARKER_GROUPS.format(a=a, b=b))
        assert [(o.value, o.p) for o in outs] == [(28.6, "0.012"), (53.1, "0.012")]  # were None


def test_rates_of_one_tumour_group_do_not_share_a_p(nlp):
    text = MARKER_GROUPS.format(a="in wild-type tumors", b="in wild-type tumors")
    assert [(o.value, o.p) for o in outcomes_of(nlp, text)] == [(28.6, None), (53.1, None)]
