"""Held-out round 5 (lead's probes): an opening comparison phrase and credible intervals.

Each reading failed before its rule: see the comments for what the pipeline read instead.
"""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, outcomes_of, registry_of

from her2mine.extract.numbers import parse_values
from her2mine.extract.outcomes.attribution import _grade_breakdown

TDXD, TDM1 = "trastuzumab deruxtecan", "trastuzumab emtansine"


def test_comma_closing_an_opening_comparison_separates_the_arms(nlp):
    # Before: "lapatinib plus capecitabine, trastuzumab deruxtecan" was one regimen, so 17.8
    # went to an arm holding all three drugs and 6.9 to none.
    text = (
        "Trastuzumab deruxtecan after two anti-HER2 regimens\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan or lapatinib plus "
        "capecitabine. Compared with lapatinib plus capecitabine, trastuzumab deruxtecan "
        "significantly prolonged progression-free survival (median, 17.8 vs 6.9 months; hazard "
        "ratio, 0.36; 95% CI, 0.28 to 0.45; P<0.001)."
    )
    assert arms_of(nlp, text) == {17.8: TDXD, 6.9: "capecitabine+lapatinib"}


def test_opening_comparison_without_a_design_sentence(nlp):
    # Before: the placebo arm and the pertuzumab arm were one chain, so 12.4 went to a merged
    # arm; "Compared with T-DM1, T-DXd" gave both values to "trastuzumab deruxtecan+
    # trastuzumab emtansine"-like merged readings.
    text = (
        "Pertuzumab\n\nAs compared with placebo plus trastuzumab and docetaxel, pertuzumab plus "
        "trastuzumab and docetaxel significantly prolonged progression-free survival (median, "
        "18.5 vs. 12.4 months; hazard ratio, 0.62; 95% CI, 0.51 to 0.75; P<0.001)."
    )
    assert arms_of(nlp, text) == {
        18.5: "docetaxel+pertuzumab+trastuzumab",
        12.4: "docetaxel+trastuzumab",
    }
    text = "Title\n\nCompared with T-DM1, T-DXd yielded a higher response rate (79.7% vs 34.2%)."
    assert arms_of(nlp, text) == {79.7: TDXD, 34.2: TDM1}


def test_a_list_inside_the_opening_comparison_keeps_its_commas(nlp):
    # Only the last comma closes the phrase: "trastuzumab, pertuzumab, and docetaxel" stays
    # one regimen.
    text = (
        "Neoadjuvant regimens\n\nCompared with trastuzumab, pertuzumab, and docetaxel, "
        "trastuzumab emtansine plus pertuzumab gave a lower pCR rate (44.4% vs 55.7%; P = .016)."
    )
    assert arms_of(nlp, text) == {
        44.4: "pertuzumab+trastuzumab emtansine",
        55.7: "docetaxel+pertuzumab+trastuzumab",
    }


def test_a_comma_list_not_after_an_opening_comparison_still_joins(nlp):
    # Negative: the same comma after a plain subject joins the drugs into one regimen.
    text = (
        "Title\n\nPatients received trastuzumab, pertuzumab, and docetaxel. The pCR rate was "
        "55.7% with trastuzumab, pertuzumab, and docetaxel."
    )
    assert arms_of(nlp, text) == {55.7: "docetaxel+pertuzumab+trastuzumab"}


def test_credible_interval_with_bracketed_short_form_is_a_ci(nlp):
    # Before: "95% credible interval [CrI], 0.13-0.30" was not read (no CI on the HR).
    text = (
        "Network meta-analysis\n\nCompared with lapatinib plus capecitabine, trastuzumab "
        "deruxtecan prolonged progression-free survival (hazard ratio [HR], 0.20; 95% credible "
        "interval [CrI], 0.13-0.30)."
    )
    hr = [o for o in outcomes_of(nlp, text)]
    assert [(o.endpoint, o.measure, o.value, o.ci_low, o.ci_high) for o in hr] == [
        ("PFS", "HR", 0.2, 0.13, 0.3)
    ]
    # Negative: a bracket holding something else is no CI short form.
    assert parse_values("HR 0.20; 95% credible interval [SD], 0.13-0.30")[0].ci_low is None


def test_a_drug_named_as_prior_therapy_defines_no_arm(nlp):
    # Before: "trastuzumab-refractory" defined a third arm (trastuzumab alone), so "with the
    # combination" matched no single arm and 12.0 had no arm.
    text = (
        "Lapatinib with or without trastuzumab\n\nWomen with trastuzumab-refractory metastatic "
        "breast cancer were randomly assigned to lapatinib alone or lapatinib plus trastuzumab. "
        "Median PFS was 12.0 weeks with the combination and 8.1 weeks with lapatinib alone "
        "(HR 0.73; 95% CI 0.57-0.93; P = .008)."
    )
    assert arms_of(nlp, text) == {12.0: "lapatinib+trastuzumab", 8.1: "lapatinib"}


def test_a_drug_naive_group_is_no_arm_reference(nlp):
    # Before: 4.7 went to "pertuzumab" (from "pertuzumab-naive patients"), a therapy those
    # patients never had. Both values are subgroups of one T-DM1 cohort: no arm is named.
    text = (
        "Real-world T-DM1\n\nWe reviewed 312 patients treated with T-DM1. Patients previously "
        "treated with pertuzumab had shorter PFS than pertuzumab-naive patients (4.7 vs 7.9 "
        "months; HR 1.52, 95% CI 1.14-2.03; P = 0.004)."
    )
    assert arms_of(nlp, text) == {4.7: None, 7.9: None}


def test_a_drug_followed_by_other_words_is_still_an_arm(nlp):
    # Negative: "-based" and "-treated" name the regimen received, not a prior one.
    text = (
        "Title\n\nPatients were randomly assigned to lapatinib or trastuzumab. PFS was 8.8 "
        "months in lapatinib-treated patients and 11.4 months with trastuzumab-based therapy."
    )
    assert arms_of(nlp, text) == {8.8: "lapatinib", 11.4: "trastuzumab"}


def test_conference_grade_short_forms_are_grade_3_or_higher(nlp):
    # Before: "Gr≥3 diarrhea" and "Gr 3/4 neutropenia" were read as any-grade AE.
    text = (
        "Title\n\nGr≥3 diarrhea: 30.6% vs 8.3%. Gr 3/4 neutropenia occurred in 12% of patients. "
        "Diarrhoea of any grade occurred in 40% of patients."
    )
    ex = extract_text(nlp, text)
    assert [(o.endpoint, o.value) for o in ex.outcomes] == [
        ("AE_G3", 30.6),
        ("AE_G3", 8.3),
        ("AE_G3", 12.0),
        ("AE", 40.0),
    ]


def test_grade_breakdown_after_an_arm_is_that_arms(nlp):
    # Before: the three grade shares had arm null (a bracket after a reference gave its arm to
    # one value only).
    text = (
        "Pulmonary safety\n\nPatients were randomly assigned to T-DXd or T-DM1. Drug-related "
        "interstitial lung disease occurred in 10.5% of patients receiving T-DXd (grade 1, 2.7%; "
        "grade 2, 7.0%; grade 3, 0.8%) and in 1.9% of those receiving T-DM1."
    )
    assert arms_of(nlp, text) == {10.5: TDXD, 2.7: TDXD, 7.0: TDXD, 0.8: TDXD, 1.9: TDM1}


def test_grade_breakdown_needs_a_grade_before_every_value():
    # Negative: values in a bracket that are not each one grade's share are no breakdown.
    def breakdown(text: str) -> bool:
        values = [v for v in parse_values(text) if text.index("(") < v.start]
        return _grade_breakdown(text, text.index("("), values)

    assert breakdown("ILD 10.5% (grade 1, 2.7%; grade 2: 7.0%; Gr 3 0.8%)")
    assert not breakdown("ILD 10.5% (at 12 months, 8.1%; at 24 months, 9.9%)")
    assert not breakdown("ILD 10.5% (grade 1, 2.7%; 7.0% at 24 months)")


def test_an_assignment_after_a_prior_phrase_defines_the_arm(nlp):
    # Before: the prior phrase "progressed after trastuzumab ..." reached over "were randomly
    # assigned to" and swallowed lapatinib plus capecitabine: the design had one arm, so "the
    # combination group" named nothing.
    text = (
        "Title\n\nWomen whose disease progressed after trastuzumab were randomly assigned to "
        "lapatinib plus capecitabine or capecitabine alone. Median time to progression was 8.4 "
        "months in the combination group and 4.4 months in the monotherapy group (HR 0.49)."
    )
    assert [sorted(a.drugs) for a in registry_of(nlp, text).arms] == [
        ["capecitabine", "lapatinib"],
        ["capecitabine"],
    ]
    assert arms_of(nlp, text) == {8.4: "capecitabine+lapatinib", 4.4: "capecitabine"}
    # Negative: the prior drug itself is still no arm.
    assert "trastuzumab" not in {a for a in arms_of(nlp, text).values()}


def test_an_ejection_fraction_decline_is_an_adverse_event(nlp):
    # Before: "declines in left ventricular ejection fraction" was no end point term, so its
    # rates were lost; its cut-offs (10%, 50%) must stay out.
    text = (
        "Cardiac safety\n\nPatients were randomly assigned to T-DXd or T-DM1. Declines in left "
        "ventricular ejection fraction of 10% or more from baseline to below 50% occurred in "
        "2.7% and 0.4% of patients, respectively."
    )
    ex = extract_text(nlp, text)
    assert [(o.endpoint, o.value, o.arm) for o in ex.outcomes] == [
        ("AE", 2.7, TDXD),
        ("AE", 0.4, TDM1),
    ]


N9831 = (
    "Sequential versus concurrent trastuzumab\n\nThe N9831 trial compared doxorubicin and "
    "cyclophosphamide followed by weekly paclitaxel (arm A), the same chemotherapy followed by "
    "52 weeks of trastuzumab after paclitaxel (arm B), and the same chemotherapy with "
    "trastuzumab started concurrently with paclitaxel and continued for 52 weeks (arm C). "
    "5-year DFS rates were 71.8% and 80.1% in arms A and B, respectively."
)
ACP = "cyclophosphamide+doxorubicin+paclitaxel"


def test_the_same_chemotherapy_followed_by_continues_the_arm_before(nlp):
    # Before: "chemotherapy" (a class) started the regimen, so "the same ... followed by" was
    # not seen: arm B was "trastuzumab" alone and arm C "paclitaxel".
    assert arms_of(nlp, N9831) == {71.8: ACP, 80.1: ACP + "+trastuzumab"}
    assert sorted(sorted(a.drugs) for a in registry_of(nlp, N9831).arms) == [
        ["cyclophosphamide", "doxorubicin", "paclitaxel"],
        ["cyclophosphamide", "doxorubicin", "paclitaxel", "trastuzumab"],
    ]


def test_started_concurrently_with_joins_a_regimen(nlp):
    text = (
        "Title\n\nPatients were randomly assigned to paclitaxel alone or trastuzumab started "
        "concurrently with paclitaxel. ORR was 32% with paclitaxel alone and 56% with "
        "trastuzumab started concurrently with paclitaxel."
    )
    assert arms_of(nlp, text) == {32.0: "paclitaxel", 56.0: "paclitaxel+trastuzumab"}


def test_a_class_after_other_words_than_the_same_is_its_own_mention(nlp):
    # Negative: "standard chemotherapy followed by trastuzumab" is no continuation.
    text = (
        "Title\n\nPatients were randomly assigned to docetaxel followed by observation or "
        "standard chemotherapy followed by trastuzumab. 3-year DFS was 80% and 85%, respectively."
    )
    assert arms_of(nlp, text) == {80.0: "docetaxel", 85.0: "trastuzumab"}


def test_a_partner_given_with_every_arm_is_no_arm(nlp):
    # Before: "chemotherapy" after ", given with" became a drugless second arm, so the design
    # was no longer one regimen given for two durations and "the 6-month group" named nothing.
    text = (
        "PERSEPHONE\n\nPatients were randomly assigned (1:1) to receive 6 months or 12 months of "
        "trastuzumab, given with chemotherapy. 4-year disease-free survival was 89·4% in the "
        "6-month group and 89·8% in the 12-month group (hazard ratio 1·07)."
    )
    assert arms_of(nlp, text) == {89.4: "trastuzumab", 89.8: "trastuzumab"}
    assert [sorted(a.drugs) for a in registry_of(nlp, text).arms] == [["trastuzumab"]]


def test_given_with_joins_the_drugs_it_names(nlp):
    # Negative for arm splitting: drugs joined by "given with" are one regimen.
    text = (
        "Title\n\nPatients were randomly assigned to pertuzumab, given with trastuzumab, or to "
        "placebo plus trastuzumab. The pCR rate was 45.8% with pertuzumab given with trastuzumab."
    )
    assert arms_of(nlp, text) == {45.8: "pertuzumab+trastuzumab"}


def test_to_continue_a_drug_is_a_design_regimen(nlp):
    # Before: "randomly assigned (1:1) to continue trastuzumab up to 12 months or to stop at 6
    # months" defined no arm, so PHARE's duration groups named nothing.
    text = (
        "PHARE\n\nAfter at least 6 months of trastuzumab, patients were randomly assigned (1:1) "
        "to continue trastuzumab up to 12 months or to stop at 6 months. 2-year disease-free "
        "survival was 93·8% in the 12-month group and 91·1% in the 6-month group."
    )
    assert arms_of(nlp, text) == {93.8: "trastuzumab", 91.1: "trastuzumab"}


def test_with_continued_joins_the_drug_given_beyond_progression(nlp):
    # Before: "with continued trastuzumab" did not join capecitabine, so the second arm was
    # trastuzumab alone. The drug the patients progressed on stays prior.
    text = (
        "Title\n\nAfter progression on trastuzumab, patients were randomly assigned to "
        "capecitabine alone or capecitabine with continued trastuzumab."
    )
    assert sorted(sorted(a.drugs) for a in registry_of(nlp, text).arms) == [
        ["capecitabine"],
        ["capecitabine", "trastuzumab"],
    ]
