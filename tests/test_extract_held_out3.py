"""Held-out round 3: abstracts outside the gold set (M77001, PHEREXA, NOAH, BOLERO-3), each
checking one reading that went wrong on them: a trial named by its sponsor's study number, a
trial named in NEJM's registration note, "time to treatment failure" read as TTP, a treatment
duration ("1 year of trastuzumab") read as a median, and rates compared with a count spelt out
("44 [16%] vs ten [4%]")."""

from __future__ import annotations

import pytest
from extract_helpers import trials_in

from her2mine.extract.numbers import parse_values
from her2mine.extract.sentences import sentence_spans

M77001 = (
    "Randomized phase II trial of the efficacy and safety of trastuzumab combined with docetaxel "
    "in patients with human epidermal growth factor receptor 2-positive metastatic breast cancer "
    "administered as first-line treatment: the M77001 study group\n\n"
    "PATIENTS AND METHODS Patients were randomly assigned to six cycles of docetaxel 100 mg/m2 "
    "every 3 weeks, with or without trastuzumab.\n"
    "RESULTS Trastuzumab plus docetaxel was significantly superior to docetaxel alone in terms of "
    "overall survival (median, 31.2 v 22.7 months; P = .0325), time to disease progression "
    "(median, 11.7 v 6.1 months; P = .0001), time to treatment failure (median, 9.8 v 5.3 months; "
    "P = .0001), and duration of response (median, 11.7 v 5.7 months; P = .009)."
)
PHEREXA = (
    "Trastuzumab and Capecitabine with or without Pertuzumab in HER2-Positive Metastatic Breast "
    "Cancer\n\n"
    "The median progression-free survival was 9.0 months in group A and 11.1 months in group B "
    "(hazard ratio, 0.82; 95% confidence interval [CI], 0.65 to 1.02; P=0.07). (Funded by "
    "Hoffmann-La Roche; PHEREXA ClinicalTrials.gov number, NCT01026142.)"
)
NOAH = (
    "Neoadjuvant chemotherapy with trastuzumab followed by adjuvant trastuzumab versus neoadjuvant "
    "chemotherapy alone (the NOAH trial)\n\n"
    "Background We assessed event-free survival in patients with HER2-positive locally advanced "
    "breast cancer receiving neoadjuvant chemotherapy with or without 1 year of trastuzumab.\n"
    "Findings 3-year event-free survival was 71% [95% CI 61–78] with trastuzumab, vs 56% "
    "[46–65] without (hazard ratio 0·59 [95% CI 0·38–0·90]; p=0·013)."
)
BOLERO3_AES = (
    "The most common grade 3–4 adverse events were neutropenia (204 [73%] patients in the "
    "everolimus group vs 175 [62%] in the placebo group), febrile neutropenia (44 [16%] vs ten "
    "[4%]), and stomatitis (37 [13%] vs four [1%])."
)


def test_a_trial_named_by_its_study_number(extract):
    assert extract(M77001).trials == ["M77001"]


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        ("Results of the EGF104900 study of lapatinib.", ["EGF104900"]),
        ("Results of the BO17929 trial of lapatinib.", ["BO17929"]),
        # drug codes: hyphenated, or too few digits for a study number
        ("Results of the DS-8201 trial.", []),
        ("Results of the SYD985 study.", []),
        # a study number the text does not call a trial or study
        ("Lapatinib was given in EGF30008 to 1,286 patients.", []),
    ],
)
def test_study_numbers_name_a_trial_only_where_called_one(text, trials):
    assert trials_in(text) == trials


def test_a_trial_named_in_a_registration_note(extract):
    assert extract(PHEREXA).trials == ["NCT01026142", "PHEREXA"]


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        ("(Funded by Roche; EMILIA2 ClinicalTrials.gov number, NCT00829166.)", ["EMILIA2"]),
        ("(Funded by Roche; HERB Current Controlled Trials number, ISRCTN76543210.)", ["HERB"]),
        # no name between the note's ";" and the registry; a word that is no acronym
        ("(Funded by Roche; ClinicalTrials.gov number, NCT00829166.)", []),
        ("(Funded by Roche; and ClinicalTrials.gov number, NCT00829166.)", []),
        # not a registration note: the name must follow "(" or ";"
        ("Funded by Roche ClinicalTrials.gov number, NCT00829166.", []),
    ],
)
def test_registration_note_names(text, trials):
    assert [t for t in trials_in(text) if not t.startswith(("NCT", "ISRCTN"))] == trials


def test_time_to_treatment_failure_is_not_time_to_progression(extract):
    rows = [(o.endpoint, o.value) for o in extract(M77001).outcomes]
    assert ("TTP", 9.8) not in rows and ("TTP", 5.3) not in rows
    assert ("TTP", 11.7) in rows and ("TTP", 6.1) in rows
    assert ("DOR", 11.7) in rows and ("DOR", 5.7) in rows


def test_a_time_to_event_value_before_an_unlisted_end_point_stays(extract):
    text = (
        "Title\n\nMedian time to progression was 11.7 months with trastuzumab, and time to "
        "treatment failure was reported separately."
    )
    assert [(o.endpoint, o.value) for o in extract(text).outcomes] == [("TTP", 11.7)]


def test_a_treatment_duration_is_not_a_median(extract):
    ext = extract(NOAH)
    assert [(o.endpoint, o.measure, o.value) for o in ext.outcomes] == [
        ("EFS", "rate", 71.0),
        ("EFS", "rate", 56.0),
        ("EFS", "HR", 0.59),
    ]


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("with or without 1 year of trastuzumab", []),
        ("after 6 months of treatment", []),
        ("median PFS was 12.4 months of 452 patients", [12.4]),
        ("median PFS was 12.4 months (95% CI 10.1-14.0)", [12.4]),
    ],
)
def test_time_followed_by_of_and_a_word(text, times):
    assert [v.value for v in parse_values(text) if v.kind == "time"] == times


def test_rates_compared_with_a_count_spelt_out_are_a_pair():
    values = parse_values(BOLERO3_AES)
    assert [(v.value, v.paired_with_next) for v in values] == [
        (73.0, False),
        (62.0, False),
        (16.0, True),
        (4.0, False),
        (13.0, True),
        (1.0, False),
    ]


def test_a_spelt_count_pair_takes_the_arms_of_the_first_pair(extract):
    text = (
        "Everolimus plus trastuzumab and vinorelbine (BOLERO-3): a randomised phase 3 trial\n\n"
        "Patients were randomly assigned (1:1) to daily everolimus (5 mg/day) plus weekly "
        "trastuzumab (2 mg/kg) and vinorelbine (25 mg/m²) or to placebo plus trastuzumab plus "
        "vinorelbine.\n" + BOLERO3_AES
    )
    arms = [(o.value, o.arm) for o in extract(text).outcomes]
    assert (16.0, None) not in arms and (4.0, None) not in arms
    assert dict(arms[2:4]) == {
        16.0: "everolimus+trastuzumab+vinorelbine",
        4.0: "trastuzumab+vinorelbine",
    }


def test_a_word_that_is_no_count_does_not_join_rates():
    values = parse_values("neutropenia (16%) vs none (4%) in the other group")
    assert [v.paired_with_next for v in values] == [False, False]


GEPARQUINTO = (
    "Findings 620 patients were randomly assigned. pCR was achieved in 93 of 307 (30·3%) "
    "patients in the trastuzumab group and 70 of 308 (22·7%) patients in the lapatinib group."
)


def test_a_sentence_may_open_with_a_lower_case_led_term():
    spans = sentence_spans(GEPARQUINTO)
    assert [GEPARQUINTO[a:b][:12] for a, b in spans] == ["Findings 620", "pCR was achi"]


@pytest.mark.parametrize(
    "text",
    [
        # an abbreviation before the term, a plain lower-case word after a period
        "Rates were higher, e.g. pCR in 30% of patients.",
        "Trastuzumab vs. mTOR inhibition in 40 patients.",
        "The dose was 5 mg. patients were then randomised.",
    ],
)
def test_no_sentence_end_before_a_lower_case_word_or_after_an_abbreviation(text):
    assert sentence_spans(text) == [(0, len(text))]
