"""Arm attribution rules and the fast-regex helpers, on invented sentences in journal styles."""

from __future__ import annotations

import re

import pytest
from extract_helpers import arms_of, extract_text, outcomes_of, row_with

from her2mine.extract.fastre import sentences_matching, word_start
from her2mine.extract.lexicon import compile_terms, lower_same_length, term_spans
from her2mine.extract.numbers.parse import parse_values
from her2mine.extract.numbers.patterns import CI_RE, ci_matches
from her2mine.extract.sentences import sentence_spans

# --- registry: what the design sentences define ------------------------------------------------


def test_group_named_after_one_drug_is_the_full_regimen(nlp):
    # "randomly assigned to the lapatinib group" names a group; it does not define a new arm.
    text = (
        "Lapatinib added to letrozole\n\n"
        "Women were randomly assigned to lapatinib or placebo, each added to letrozole. "
        "In all, 612 women were randomly assigned to the lapatinib group and 608 to the "
        "placebo group. Median progression-free survival was 11.2 months in the lapatinib "
        "group and 7.9 months in the placebo group."
    )
    assert arms_of(nlp, text) == {11.2: "lapatinib+letrozole", 7.9: "letrozole"}


def test_partners_chosen_per_patient_are_not_part_of_the_arm(nlp):
    # "(capecitabine or vinorelbine)" lists options; "the chemotherapy group" is the class arm,
    # named after the backbone given to each arm.
    text = (
        "A new antibody with chemotherapy\n\n"
        "Patients were randomised to zanidatamab or a chemotherapy (capecitabine or "
        "vinorelbine), each combined with trastuzumab. Median progression-free survival was "
        "9.1 months in the zanidatamab group and 6.3 months in the chemotherapy group."
    )
    assert arms_of(nlp, text) == {9.1: "trastuzumab+zanidatamab", 6.3: "trastuzumab"}


def test_optional_drug_in_brackets_is_left_out(nlp):
    text = (
        "Maintenance study\n\n"
        "Patients were randomized to ribociclib plus trastuzumab (with or without pertuzumab) "
        "or to trastuzumab (with or without pertuzumab) alone. Median PFS was 31.0 months in "
        "the ribociclib arm and 22.4 months in the control arm."
    )
    assert arms_of(nlp, text) == {31.0: "ribociclib+trastuzumab", 22.4: "trastuzumab"}


def test_subgroup_named_by_one_option_joins_the_arm(nlp):
    text = (
        "Single-arm study\n\n"
        "All patients received pertuzumab and trastuzumab with an investigator-chosen taxane "
        "(docetaxel or paclitaxel). Median PFS was 17.2 and 21.9 months with docetaxel and "
        "paclitaxel, respectively."
    )
    assert arms_of(nlp, text) == {
        17.2: "docetaxel+pertuzumab+trastuzumab",
        21.9: "paclitaxel+pertuzumab+trastuzumab",
    }


def test_drug_added_to_every_arm_later_in_the_methods(nlp):
    text = (
        "Dual blockade before surgery\n\n"
        "Patients were randomly assigned to neratinib, trastuzumab, or neratinib plus "
        "trastuzumab. Weekly paclitaxel was then added to the regimen for 12 weeks. "
        "Pathological complete response was achieved with neratinib (33 of 110 [30.0%])."
    )
    assert arms_of(nlp, text) == {30.0: "neratinib+paclitaxel"}


def test_list_ending_in_or_separates_arms_at_commas(nlp):
    text = (
        "Three-arm trial\n\n"
        "Patients were randomized 1:1:1 to disitamab vedotin + pertuzumab, disitamab vedotin + "
        "placebo, or docetaxel + trastuzumab. ORR was 71.3% with disitamab vedotin + "
        "pertuzumab and 60.2% with docetaxel + trastuzumab."
    )
    assert arms_of(nlp, text) == {
        71.3: "disitamab vedotin+pertuzumab",
        60.2: "docetaxel+trastuzumab",
    }


def test_group_letters_in_and_after_dose_brackets(nlp):
    # "(...; group A)" ends the first regimen, so "group A" and "group B" stay apart.
    text = (
        "Four-arm phase 2\n\n"
        "Patients were randomly assigned to tucatinib (300 mg twice daily; group A), "
        "tucatinib plus capecitabine (group B), or capecitabine (group C). Median PFS was "
        "5.5 months in group A, 7.7 months in group B and 4.1 months in group C."
    )
    assert arms_of(nlp, text) == {
        5.5: "tucatinib",
        7.7: "capecitabine+tucatinib",
        4.1: "capecitabine",
    }


def test_route_word_names_a_group(nlp):
    text = (
        "Route of administration\n\n"
        "Patients were randomly assigned to oral vinorelbine or intravenous eribulin. "
        "Median PFS was 6.1 months in the oral group and 5.2 months in the intravenous group."
    )
    assert arms_of(nlp, text) == {6.1: "vinorelbine", 5.2: "eribulin"}


def test_physicians_choice_short_form_and_class_reference(nlp):
    text = (
        "A conjugate versus standard care\n\n"
        "Patients were randomly assigned to ARX788 or treatment of physician's choice (TOC). "
        "Median PFS was 8.4 months with ARX788 versus 4.2 months with TOC. Grade 3 or higher "
        "adverse events occurred in 40.5% of patients who received ARX788 and in 35.0% of "
        "those who received chemotherapy."
    )
    arms = arms_of(nlp, text)
    assert arms[8.4] == "arx788" and arms[4.2] == "physician's choice"
    assert arms[35.0] == "physician's choice"


def test_chemotherapy_of_choice_next_to_a_drug_is_a_partner(nlp):
    text = (
        "Antibody plus chemotherapy\n\n"
        "Patients were randomized to margetuximab plus chemotherapy of physician's choice or "
        "trastuzumab plus chemotherapy of physician's choice. Median PFS was 6.0 months with "
        "margetuximab and 5.1 months with trastuzumab."
    )
    assert arms_of(nlp, text) == {6.0: "margetuximab", 5.1: "trastuzumab"}


# --- values to arms within results -------------------------------------------------------------


def test_bare_pair_takes_the_comparison_under_discussion(nlp):
    # The arms of the last comparison with named arms order later "x vs y" pairs.
    text = (
        "Two conjugates\n\n"
        "Patients were randomized to trastuzumab deruxtecan or trastuzumab emtansine. "
        "Median PFS was 25.1 months with trastuzumab emtansine and 29.0 months with "
        "trastuzumab deruxtecan. The ORR was 52.0% vs 71.0%."
    )
    arms = arms_of(nlp, text)
    assert arms[52.0] == "trastuzumab emtansine" and arms[71.0] == "trastuzumab deruxtecan"


def test_respectively_without_names_uses_the_previous_comparison(nlp):
    text = (
        "Adjuvant trial\n\n"
        "Patients were randomly assigned to neratinib or placebo after trastuzumab. "
        "The 2-year iDFS rate was 93.9% in the placebo group and 95.2% in the neratinib group. "
        "Diarrhoea of grade 3 occurred in 1.6% and 39.9%, respectively."
    )
    arms = arms_of(nlp, text)
    assert arms[1.6] is None and arms[39.9] == "neratinib"


def test_value_in_bracket_after_each_arm(nlp):
    text = (
        "Three single agents\n\n"
        "Patients were randomly assigned to pyrotinib, trastuzumab, or pyrotinib plus "
        "trastuzumab. Grade 3 diarrhoea was more frequent with pyrotinib (20 patients [12.5%]) "
        "and pyrotinib plus trastuzumab (25 [15.0%]) than with trastuzumab (2 [1.2%])."
    )
    assert arms_of(nlp, text) == {
        12.5: "pyrotinib",
        15.0: "pyrotinib+trastuzumab",
        1.2: "trastuzumab",
    }


def test_label_bracket_after_value(nlp):
    text = (
        "Intracranial outcomes\n\n"
        "Patients were randomly assigned to zongertinib or placebo, each with capecitabine. "
        "The 1-year CNS-PFS was 35.1% (zongertinib arm) versus 10.2% (control arm)."
    )
    assert arms_of(nlp, text) == {35.1: "capecitabine+zongertinib", 10.2: "capecitabine"}


def test_one_arm_sentence_gives_later_values_that_arm(nlp):
    text = (
        "Ocular events\n\n"
        "Patients were randomly assigned to SYD985 or physician's choice. Dry eye was reported "
        "in 30.1% of patients treated with SYD985 and any-grade diarrhea in 12.0%."
    )
    arms = arms_of(nlp, text)
    assert arms[30.1] == arms[12.0] == "trastuzumab duocarmazine"


def test_two_groups_in_one_plural_phrase(nlp):
    text = (
        "Neoadjuvant trial\n\n"
        "Patients were randomly assigned to lapatinib or trastuzumab, each with paclitaxel. "
        "The pCR rate did not differ between the lapatinib (20 of 100 patients [20.0%]) and "
        "the trastuzumab (difference −6.0%, −15.0 to 3.0, p=0.21) groups."
    )
    ex = extract_text(nlp, text)
    assert [(o.value, o.arm) for o in ex.outcomes] == [(20.0, "lapatinib+paclitaxel")]


# --- P values on compared rates ---------------------------------------------------------------


def test_p_after_compared_rates_goes_to_each_rate(nlp):
    text = (
        "Response\n\n"
        "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
        "capecitabine. The objective response rate was 67.2% with pyrotinib plus capecitabine "
        "and 51.5% with lapatinib plus capecitabine (P = .023)."
    )
    rows = outcomes_of(nlp, text)
    assert row_with(rows, 67.2).p == row_with(rows, 51.5).p == "0.023"


def test_p_after_a_difference_goes_to_the_compared_rates(nlp):
    text = (
        "pCR\n\n"
        "Patients were randomly assigned to TCHP or T-DM1 plus pertuzumab. pCR occurred in "
        "120 (54.0%) of 222 patients in the TCHP group and 98 (44.1%) of 222 patients in the "
        "T-DM1 plus pertuzumab group (absolute difference −9.9 percentage points [95% CI "
        "−19.0 to −0.8]; p=0.031)."
    )
    rows = outcomes_of(nlp, text)
    assert row_with(rows, 54.0).p == row_with(rows, 44.1).p == "0.031"


def test_p_of_a_hazard_ratio_is_not_shared_with_rates(nlp):
    text = (
        "Survival\n\n"
        "Patients were randomly assigned to T-DXd or T-DM1. The 12-month overall survival "
        "rate was 94.0% with T-DXd and 86.0% with T-DM1 (hazard ratio for death, 0.55; "
        "95% CI, 0.36 to 0.85; P=0.007)."
    )
    rows = outcomes_of(nlp, text)
    assert row_with(rows, 94.0).p is None and row_with(rows, 0.55).p == "0.007"


def test_single_letter_short_form_is_not_a_drug_or_a_p_value(nlp):
    # "P" after "pertuzumab (P)" is ambiguous with P values; numbers keep their own P.
    text = (
        "Title\n\nPatients received trastuzumab (H) and pertuzumab (P). The ORR was 80.2% "
        "(P < .001 versus historical control)."
    )
    assert row_with(outcomes_of(nlp, text), 80.2).p == "<0.001"


# --- fast regex helpers: same answers as the plain patterns -------------------------------------

SAMPLES = [
    "Patients were Randomly assigned; the arm was allocated. Re-randomisation was not done.",
    "The ARM group and the armless cohort: groups 1 and 2 (Group A) vs cohorts.",
    "prior therapy, previously treated; after progression. Naïve patients, Eligible.",
    "",
    "x",
]


@pytest.mark.parametrize(
    "words",
    [
        ["random\\w*", "assign\\w*", "allocat\\w*"],
        ["groups?", "arms?", "cohorts?"],
        ["prior", "previously", "after", "naïve", "eligible"],
    ],
)
@pytest.mark.parametrize("text", SAMPLES)
def test_word_start_matches_like_a_word_boundary_alternation(words, text):
    plain = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)
    fast = re.compile(word_start(words) + r"\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_word_start_case_sensitive():
    fast = re.compile(word_start(["TPC", "ICT"], ignore_case=False) + r"\b")
    assert [m.group(0) for m in fast.finditer("TPC, tpc, xICT and ICT.")] == ["TPC", "ICT"]


@pytest.mark.parametrize("text", SAMPLES + ["A. B 1. C 2. 3"])
def test_sentences_matching_equals_a_search_per_sentence(text):
    spans = sentence_spans(text)
    for pattern in (re.compile(r"\d"), re.compile(word_start(["group", "arm"]) + r"\b")):
        expected = [pattern.search(text, s, e) is not None for s, e in spans]
        assert sentences_matching(pattern, text, spans) == expected


def test_literal_first_trie_finds_whole_words_only():
    pattern = compile_terms(["T-DM1", "TH", "THP"], ignore_case=False)
    text = "THP, TH and T-DM1; not THPx, xTH, 2TH or T-DM12. TH"
    assert [text[a:b] for a, b in term_spans(pattern, text)] == ["THP", "TH", "T-DM1", "TH"]
    lower = compile_terms(["Trastuzumab", "trastuzumab emtansine"], ignore_case=True)
    text = "Trastuzumab Emtansine and TRASTUZUMAB; pretrastuzumab"
    low = lower_same_length(text)
    assert [text[a:b] for a, b in term_spans(lower, low)] == [
        "Trastuzumab Emtansine",
        "TRASTUZUMAB",
    ]


def test_lower_same_length_keeps_offsets():
    text = "İnterim analysis of T-DXd"  # "İ".lower() is two characters
    low = lower_same_length(text)
    assert len(low) == len(text) and low.endswith("t-dxd")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("ORR 12.5% vs 0·8% and .5%", [12.5, 0.8, 0.5]),
        ("grade 3 in 4.1%; phase 2; n=40 (12%)", [4.1, 12.0]),
        ("v1.2 a12 12a 3-fold 7.5x 6.0%", [6.0]),
        ("difference −4.8%, 95% CI −9 to 1", []),
    ],
)
def test_number_atoms_and_blocked_prefixes(text, values):
    assert [v.value for v in parse_values(text) if v.kind == "percent"] == values


@pytest.mark.parametrize(
    "text",
    [
        "HR 0.70 (95% CI, 0.55 to 0.89); 95%CI 1.2-3.4; ci: 2-3; xCI 1-2",
        "90 percent confidence interval 0.5 to 0.9 and (95% CrI, 0.1–0.2)",
        "195% CI 1-2; CI 95%: 0.5-0.7; 97.5% CI, 0.73 to 1.13; 95% CI 9·7–not reached",
        "95% credible interval [CrI], 0.13-0.30; 95% confidence interval (CI) 1-2",
    ],
)
def test_keyword_first_ci_finds_what_the_plain_ci_pattern_finds(text):
    def spans(ms):
        return [(m.start(), m.end(), m.group("lo"), m.group("hi")) for m in ms]

    assert spans(ci_matches(text, 0, len(text))) == spans(CI_RE.finditer(text))


# --- dose/schedule text, pairs joined by "v", means, follow-up ----------------------------------


@pytest.mark.parametrize(
    "dose_a, dose_b",
    [
        ("1,500 mg once per day", "2.5 mg once a day"),
        ("1,000 mg/m2 twice daily on days 1-14", "2.5 mg daily"),
        ("at 4 mg/kg", "at a dose of 2.5 mg"),
        ("(4 mg/kg loading dose, then 2 mg/kg)", "2.5 mg once daily"),
        ("750 mg/m2 twice daily on days 1–14 of a 21-day cycle", "2.5 mg daily"),
    ],
)
def test_dose_and_schedule_between_drug_and_plus_keep_the_regimen(nlp, dose_a, dose_b):
    text = (
        "Letrozole combinations\n\n"
        f"Women were randomly assigned to lapatinib {dose_a} plus letrozole or "
        f"everolimus 10 mg once per day plus letrozole {dose_b}. "
        "The ORR was 41.0% versus 30.0%."
    )
    arms = arms_of(nlp, text)
    assert arms[41.0] == "lapatinib+letrozole"
    assert arms[30.0] == "everolimus+letrozole"


def test_pair_joined_by_v_takes_the_comparison(nlp):
    # JCO style "(12.1% v 1.0%)": a compared pair like "vs", not two whole-population values.
    text = (
        "Letrozole combinations\n\n"
        "Women were randomly assigned to lapatinib plus letrozole or letrozole alone. "
        "Median PFS was 8.2 months with lapatinib plus letrozole and 3.0 months with letrozole. "
        "The most frequent grade 3 toxicity was rash (12.1% v 1.0%)."
    )
    arms = arms_of(nlp, text)
    assert arms[12.1] == "lapatinib+letrozole" and arms[1.0] == "letrozole"


def test_mean_survival_is_not_a_median(nlp):
    text = (
        "Letrozole combinations\n\n"
        "Women were randomly assigned to lapatinib plus letrozole or letrozole alone. "
        "Median PFS was 8.2 versus 3.0 months; mean PFS was 9.9 versus 5.1 months, and the "
        "average overall survival was 30.2 months."
    )
    ex = extract_text(nlp, text)
    values = {o.value for o in ex.outcomes}
    assert {8.2, 3.0} <= values
    assert not values & {9.9, 5.1, 30.2}


def test_length_of_follow_up_is_not_a_median(nlp):
    text = (
        "Long-term results\n\n"
        "We report final overall survival after more than 6 years of follow-up and "
        "progression-free survival after 4 years of median follow-up. "
        "Median overall survival was 48.3 months."
    )
    ex = extract_text(nlp, text)
    assert [(o.endpoint, o.value) for o in ex.outcomes] == [("OS", 48.3)]


def test_pair_after_a_one_arm_clause_takes_the_comparison(nlp):
    # The arm named in the HR clause is not the arm of both values in the next clause.
    text = (
        "Tucatinib or placebo with trastuzumab and capecitabine\n\n"
        "Patients were randomly assigned to tucatinib or placebo, each combined with "
        "trastuzumab and capecitabine. Median PFS was 7.1 months with the tucatinib "
        "combination and 4.9 months with the placebo combination. The risk of death was "
        "reduced by 30% in the tucatinib arm (HR, 0.70; 95% CI, 0.55 to 0.89); median OS was "
        "20.3 versus 15.8 months."
    )
    arms = arms_of(nlp, text)
    assert arms[20.3] == "capecitabine+trastuzumab+tucatinib"
    assert arms[15.8] == "capecitabine+trastuzumab"


@pytest.mark.parametrize("short", ["HT", "TD"])
def test_short_form_after_an_arm_does_not_break_the_arm_list(nlp, short):
    # "A plus B (AB), C plus placebo, or C plus D": "(AB)" names the first arm; the list of
    # arms goes on after it, so the placebo-controlled arm is an arm of its own.
    text = (
        "MARIANNE-like three-arm trial\n\n"
        f"Patients were randomly assigned 1:1:1 to trastuzumab plus docetaxel ({short}), T-DM1 "
        "plus placebo, or T-DM1 plus pertuzumab. Median progression-free survival was 13.7 "
        f"months with {short}, 14.1 months with T-DM1, and 15.2 months with T-DM1 plus "
        "pertuzumab. Grade 3 to 5 adverse events occurred in 54.1%, 45.4%, and 46.2% of "
        "patients, respectively."
    )
    assert arms_of(nlp, text) == {
        13.7: "docetaxel+trastuzumab",
        14.1: "trastuzumab emtansine",
        15.2: "pertuzumab+trastuzumab emtansine",
        54.1: "docetaxel+trastuzumab",
        45.4: "trastuzumab emtansine",
        46.2: "pertuzumab+trastuzumab emtansine",
    }


def test_value_before_a_group_keeps_it_when_the_bracket_after_holds_a_breakdown(nlp):
    # DESTINY-Breast09 style: the bracket after the group is a grade breakdown of the value
    # before it, so both values belong to that group.
    text = (
        "Trastuzumab deruxtecan plus pertuzumab in HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan plus pertuzumab or taxane, "
        "trastuzumab, and pertuzumab (THP). Drug-related interstitial lung disease or "
        "pneumonitis occurred in 12.1% of patients in the trastuzumab deruxtecan plus "
        "pertuzumab group (grade 5, 0.5%) and in 1.0% of the THP group."
    )
    arms = arms_of(nlp, text)
    assert arms[12.1] == "pertuzumab+trastuzumab deruxtecan"
    assert arms[0.5] == "pertuzumab+trastuzumab deruxtecan"
    assert arms[1.0] == "docetaxel+pertuzumab+trastuzumab"
