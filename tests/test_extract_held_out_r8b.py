"""Held-out round 8 (b): phase 1 / dose-finding and exposure-response abstracts (DS8201-A-J101,
SYD985, tucatinib with T-DM1, pyrotinib, zanidatamab, a T-DXd population-PK analysis), whose
doses and pharmacokinetic numbers stand next to the response rates, each checking one reading
that went wrong on them."""

from __future__ import annotations

from extract_helpers import parsed_values, rows_of

POP_PK = (
    "Population pharmacokinetics and exposure-response analyses of trastuzumab deruxtecan\n\n"
    "Patients received trastuzumab deruxtecan at 0.8 to 8.0 mg/kg every 3 weeks. The ORR was "
    "59.5% at 5.4 mg/kg and 55.7% at 6.4 mg/kg, and the probability of response increased with trastuzumab deruxtecan exposure (odds ratio per 10 µg/mL "
    "increase in Cavg, 1.26; 95% CI, 1.02-1.56; P = .03)."
)


def test_the_number_after_per_is_the_ratio_scale_not_the_ratio(nlp):
    # "odds ratio per 10 µg/mL increase in Cavg, 1.26": 10 was read as the odds ratio.
    assert rows_of(nlp, POP_PK)[2:] == [("ORR", "OR", 1.26, 1.02, 1.56, "0.03", None)]


def test_a_percent_scale_is_neither_the_ratio_nor_a_rate():
    text = "The hazard ratio for each 10% increase in Ki-67 was 1.12 (95% CI, 1.01 to 1.25)."
    assert parsed_values(text) == [("HR", 1.12, 1.01, 1.25, None)]


def test_a_ratio_with_a_per_phrase_after_its_value_keeps_its_value():
    # Negative: "per" after the number, or a scale word with no number after the key.
    assert parsed_values("The hazard ratio was 0.62 per patient year.") == [("HR", 0.62, None, None, None)]  # fmt: skip
    assert parsed_values("The hazard ratio for each group was 0.7 and 0.8.") == [
        ("HR", 0.7, None, None, None),
        ("HR", 0.8, None, None, None),
    ]


SYD985 = (
    "Trastuzumab duocarmazine in HER2-expressing breast cancer: a phase 1 study\n\n"
    "Patients received trastuzumab duocarmazine at 1·2 mg/kg once every 3 weeks. In the "
    "expansion cohorts, 16 (33%; 95% CI 20·4–48·4) of 48 patients with HER2-positive metastatic "
    "breast cancer had an objective response, as did nine (28%; 13·8–46·8) of 32 patients with "
    "hormone receptor-positive HER2-low breast cancer."
)


def test_a_bracketed_rate_then_a_semicolon_and_a_bare_range_is_its_ci(nlp):
    # Lancet: "nine (28%; 13·8–46·8) of 32" once "95% CI" was written for the first rate.
    assert rows_of(nlp, SYD985) == [
        ("ORR", "rate", 33.0, 20.4, 48.4, None, None),
        ("ORR", "rate", 28.0, 13.8, 46.8, None, None),
    ]


def test_a_semicolon_range_that_does_not_hold_the_rate_is_no_ci():
    # Negative: the range does not contain the rate, so it is something else.
    assert parsed_values("Responses were seen in nine (28%; 2–4) of 32 patients.") == [
        ("percent", 28.0, None, None, None)
    ]


ZANIDATAMAB = (
    "Zanidatamab in HER2-expressing cancers: a phase 1 study\n\n"
    "Patients received zanidatamab at 20 mg/kg every 2 weeks. In 111 patients with "
    "response-evaluable disease, the confirmed objective response rate was 37% (41 of 111; "
    "95% CI 28–47), and the median duration of response was 6·2 months (95% CI 5·5–10·7)."
)


def test_a_rate_bracket_giving_its_count_before_its_ci(nlp):
    # "37% (41 of 111; 95% CI 28–47)": the count stood between the rate and its CI.
    assert rows_of(nlp, ZANIDATAMAB)[0] == ("ORR", "rate", 37.0, 28.0, 47.0, None, None)
    assert parsed_values("The ORR was 50% (18/36, 95% CI, 33-67).") == [
        ("percent", 50.0, 33.0, 67.0, None)
    ]


def test_a_ci_after_the_count_that_does_not_hold_the_rate_is_not_taken():
    # Negative: a CI that cannot be the rate's (it does not contain it).
    assert parsed_values("The ORR was 50% (18/36; 95% CI, 13-33).") == [("percent", 50.0, None, None, None)]  # fmt: skip


PYROTINIB = (
    "Phase I study of pyrotinib in HER2-positive metastatic breast cancer\n\n"
    "Patients received oral pyrotinib once daily at doses of 80 to 480 mg. The overall response "
    "rate was 50.0% (18/36) in the evaluable patients and 83.3% (10/12) in trastuzumab-naive "
    "patients, versus 33.3% (8/24) in trastuzumab-pretreated patients (P = 0.04)."
)


def test_a_p_after_a_contrasted_pair_is_not_the_listed_rate_before_it(nlp):
    # The P compares the two rates "versus" sets against each other, not the overall rate
    # listed before them; before the fix none of the three carried it.
    assert [(r[2], r[5]) for r in rows_of(nlp, PYROTINIB)] == [(50.0, None), (83.3, "0.04"), (33.3, "0.04")]  # fmt: skip


def test_three_rates_without_a_contrast_word_do_not_share_a_p(nlp):
    # Negative: a plain list of three rates and a P keeps the rule out.
    text = PYROTINIB.replace(", versus 33.3%", " and 33.3%")
    assert [(r[2], r[5]) for r in rows_of(nlp, text)] == [(50.0, None), (83.3, None), (33.3, None)]


RC48 = (
    "A phase I dose-escalation study of disitamab vedotin in HER2-positive solid tumors\n\n"
    "Patients received disitamab vedotin at 0.5 to 2.5 mg/kg every 2 weeks. Dose-limiting "
    "toxicities occurred in 2 of 6 patients (33%) at 2.5 mg/kg. Treatment-related adverse events "
    "occurred in 96.5% of patients; grade 3 or higher toxicities occurred in 34.5%."
)


def test_a_dose_limiting_toxicity_rate_is_no_adverse_event_rate(nlp):
    # The share of a dose level's cohort with a DLT was read as an AE incidence of 33%; the
    # toxicity rates that "dose-limiting" does not open stay AE rates (negative).
    assert [(r[0], r[2]) for r in rows_of(nlp, RC48)] == [("AE", 96.5), ("AE_G3", 34.5)]
