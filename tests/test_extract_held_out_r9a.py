"""Held-out round 9 (a): systematic reviews and meta-analyses of HER2-positive treatments (dual
neoadjuvant blockade, trastuzumab deruxtecan ILD incidence, pertuzumab in early disease, 6 vs 12
months of trastuzumab), each checking one reading that went wrong on them: an I² heterogeneity
percentage is no rate; a rate "with 6 months" names a duration arm, the time is no median; a
ratio restated for a contrasted subgroup ("whereas in node-positive disease it was 1.21") is
read; a drug named after "without" stands for the arm that lacks it, not for its own arm."""

from __future__ import annotations

from extract_helpers import arms_of, outcomes_of

from her2mine.extract.numbers import parse_values

DUAL = (
    "Dual versus single HER2 blockade in the neoadjuvant treatment of HER2-positive breast "
    "cancer: a systematic review and meta-analysis\n\n"
    "Results: Eleven trials including 3,163 patients were eligible. Dual HER2 blockade "
    "significantly increased the pCR rate compared with trastuzumab alone (pooled RR 1.32, 95% "
    "CI 1.17-1.49; P < .001), with moderate heterogeneity (I2 = 41%, P = .07). In hormone "
    "receptor-negative disease, the pooled OR for pCR was 1.89 (95% CI 1.43-2.49; I2 = 12%)."
)

ILD = (
    "Incidence of interstitial lung disease with trastuzumab deruxtecan: a systematic review\n\n"
    "Results: The pooled overall incidence of ILD/pneumonitis was 11.4% (95% CI 8.5%-14.6%; "
    "I2 = 78%, tau2 = 0.012), and the pooled incidence of grade 5 ILD was 2.2% (95% CI "
    "1.4%-3.1%)."
)

PERTUZUMAB = (
    "Pertuzumab added to trastuzumab-based adjuvant and neoadjuvant therapy: a meta-analysis\n\n"
    "Methods: Randomized trials comparing pertuzumab plus trastuzumab with placebo plus "
    "trastuzumab were pooled with a random-effects model. Results: The addition of pertuzumab "
    "improved invasive disease-free survival (pooled HR, 0.79; 95% CI, 0.68-0.92; P = .002; "
    "I² 0%) and increased the pCR rate (pooled OR, 2.07; 95% CI, 1.53-2.80; I²: 36%). The "
    "pooled pCR rate was 45.8% (95% CI, 39.5%-52.2%) with pertuzumab and 29.0% (95% CI, "
    "21.9%-36.6%) without pertuzumab. Overall survival was not significantly improved (HR, "
    "0.85; 95% CI, 0.72-1.01; heterogeneity I-squared = 12.4%)."
)

DURATION = (
    "Six versus 12 months of adjuvant trastuzumab: a meta-analysis of randomized trials\n\n"
    "Results: Five trials including 11,376 patients were included. Six months of trastuzumab "
    "was associated with worse disease-free survival than 12 months (pooled HR 1.14, 95% CI "
    "1.03-1.25; P = .01; I2 = 0%). The 5-year DFS was 85.9% with 6 months and 87.4% with 12 "
    "months. In patients with node-negative disease, the HR for DFS was 1.03 (95% CI "
    "0.82-1.30), whereas in node-positive disease it was 1.21 (95% CI 1.05-1.40)."
)


def _percents(text: str) -> list[float]:
    return [v.value for v in parse_values(text) if v.kind == "percent"]


# --- I² heterogeneity -------------------------------------------------------------------------


def test_i2_heterogeneity_is_no_rate(nlp):
    rows = outcomes_of(nlp, DUAL)
    assert not [o for o in rows if o.value in (41.0, 12.0)]
    (ratio,) = [o for o in rows if o.measure == "OR"]
    assert (ratio.value, ratio.ci_low, ratio.ci_high) == (1.89, 1.43, 2.49)


def test_i2_beside_a_pooled_incidence_keeps_the_incidence(nlp):
    rows = outcomes_of(nlp, ILD)
    assert sorted(o.value for o in rows) == [2.2, 11.4]
    assert all(o.endpoint == "ILD" for o in rows)


def test_i2_written_forms():
    for text in (
        "(I² 0%)",
        "(I²: 36%)",
        "heterogeneity I-squared = 12.4%",
        "I2 of 81%",
        "I^2 = 45%",
        "(I2, 67.3%)",
    ):
        assert _percents(text) == [], text
    rows = [
        "(pooled HR, 0.79; 95% CI, 0.68-0.92; P = .002; I² 0%)",
        "(HR, 0.85; 95% CI, 0.72-1.01; heterogeneity I-squared = 12.4%)",
    ]
    for text in rows:
        assert _percents(text) == [], text


def test_percentages_near_i2_words_stay_rates():
    # a rate that is not the statistic itself, in a sentence that also reports I²
    assert _percents("the pooled ORR was 52% (95% CI 45%-59%; I2 = 81%)") == [52.0]
    assert _percents("grade I 2% and grade II 5%") == [2.0, 5.0]


# --- durations standing for arms ----------------------------------------------------------------


def test_rate_with_duration_is_no_median(nlp):
    rows = outcomes_of(nlp, DURATION)
    assert not [o for o in rows if o.measure == "median"]
    assert sorted(o.value for o in rows if o.measure == "rate") == [85.9, 87.4]


def test_rate_with_a_median_after_it_keeps_the_median():
    values = parse_values("The ORR was 52% with a median PFS of 9.8 months.")
    assert [(v.kind, v.value) for v in values] == [("percent", 52.0), ("time", 9.8)]


# --- a ratio restated for a contrasted subgroup -------------------------------------------------


def test_subgroup_ratio_restated_with_it_was(nlp):
    rows = outcomes_of(nlp, DURATION)
    hr = [(o.value, o.ci_low, o.ci_high) for o in rows if o.measure == "HR"]
    assert (1.03, 0.82, 1.30) in hr
    assert (1.21, 1.05, 1.40) in hr
    assert all(o.endpoint == "DFS" for o in rows if o.value in (1.03, 1.21))


def test_it_was_without_a_ratio_before_is_no_ratio():
    # no hazard ratio before it: the bare decimal is not listed under any key
    values = parse_values(
        "The LVEF fell in 3 patients, whereas in node-positive disease it was 1.21."
    )
    assert not [v for v in values if v.kind in ("HR", "OR")]


# --- "without X" -------------------------------------------------------------------------------


def test_without_drug_names_the_arm_lacking_it(nlp):
    arms = arms_of(nlp, PERTUZUMAB)
    assert arms[45.8] == "pertuzumab+trastuzumab"
    assert arms[29.0] == "trastuzumab"


def test_without_drug_and_no_such_arm_is_null(nlp):
    text = (
        "Pertuzumab in HER2-positive breast cancer: a pooled analysis\n\n"
        "Results: The pooled pCR rate was 45.8% with pertuzumab and 29.0% without pertuzumab."
    )
    arms = arms_of(nlp, text)
    assert arms[45.8] == "pertuzumab"
    assert arms[29.0] is None


def test_without_drug_in_a_with_or_without_design(nlp):
    text = (
        "Trastuzumab and pertuzumab in HER2-positive breast cancer: a randomized trial\n\n"
        "Methods: Patients were randomly assigned to trastuzumab plus docetaxel with or without "
        "pertuzumab. Results: The pCR rate was 45.8% with pertuzumab and 29.0% without "
        "pertuzumab. Cardiac dysfunction occurred in 4.1% of patients treated with docetaxel "
        "with or without pertuzumab."
    )
    arms = arms_of(nlp, text)
    assert arms[45.8] == "docetaxel+pertuzumab+trastuzumab"
    assert arms[29.0] == "docetaxel+trastuzumab"
    # "with or without pertuzumab" names both arms, not the one without it
    assert arms[4.1] is None
