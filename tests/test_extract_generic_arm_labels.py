"""Generic arm names ("the combination-therapy group", "the monotherapy arm", "X alone") and
"A alone or in combination with B" designs, on shortened abstracts of real trial reports."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of


def registry_arms(nlp, text: str) -> list[str | None]:
    return [a.name for a in registry_of(nlp, text).arms]


# Lapatinib plus capecitabine versus capecitabine (Geyer et al., N Engl J Med 2006).
LAPATINIB_CAPECITABINE = (
    "Lapatinib plus Capecitabine for HER2-Positive Advanced Breast Cancer\n\n"
    "Methods: Women with HER2-positive, locally advanced or metastatic breast cancer that had "
    "progressed after treatment with regimens that included an anthracycline, a taxane, and "
    "trastuzumab were randomly assigned to receive either lapatinib (1250 mg per day "
    "continuously) plus capecitabine (2000 mg per square meter of body-surface area on days 1 "
    "through 14 of a 21-day cycle) or capecitabine alone (2500 mg per square meter on days 1 "
    "through 14 of a 21-day cycle).\n"
    "Results: The median time to progression was 8.4 months in the combination-therapy group "
    "as compared with 4.4 months in the monotherapy group (hazard ratio, 0.49; 95% confidence "
    "interval, 0.34 to 0.71; P<0.001). The overall response rate was 22% in the "
    "combination-therapy group and 14% in the monotherapy group (P=0.09)."
)

# Lapatinib with or without trastuzumab (Blackwell et al., J Clin Oncol 2010).
LAPATINIB_TRASTUZUMAB = (
    "Randomized Study of Lapatinib Alone or in Combination With Trastuzumab in Women With "
    "ErbB2-Positive, Trastuzumab-Refractory Metastatic Breast Cancer\n\n"
    "PATIENTS AND METHODS Patients were randomly assigned to receive lapatinib 1,500 mg daily "
    "or lapatinib 1,000 mg daily in combination with trastuzumab 2 mg/kg weekly.\n"
    "RESULTS In the intent-to-treat population (N = 296), the combination of lapatinib with "
    "trastuzumab was superior to lapatinib alone for progression-free survival (PFS; hazard "
    "ratio [HR] = 0.73; 95% CI, 0.57 to 0.93; P = .008); median PFS was 11.1 weeks with the "
    "combination and 8.1 weeks with lapatinib alone. Clinical benefit rate was 24.7% in the "
    "combination arm versus 12.4% in the monotherapy arm (P = .01)."
)


def test_design_with_dose_brackets_defines_both_arms(nlp):
    # Dose brackets between "lapatinib (...) plus capecitabine (...)" keep one regimen.
    assert registry_arms(nlp, LAPATINIB_CAPECITABINE) == ["capecitabine+lapatinib", "capecitabine"]


def test_combination_therapy_and_monotherapy_groups_name_the_nested_arms(nlp):
    assert arms_of(nlp, LAPATINIB_CAPECITABINE) == {
        8.4: "capecitabine+lapatinib",
        4.4: "capecitabine",
        22.0: "capecitabine+lapatinib",
        14.0: "capecitabine",
    }


def test_alone_or_in_combination_with_is_a_single_drug_and_its_combination(nlp):
    # The title's "Lapatinib Alone or in Combination With Trastuzumab": the second arm is
    # lapatinib+trastuzumab, not trastuzumab on its own.
    assert registry_arms(nlp, LAPATINIB_TRASTUZUMAB) == ["lapatinib", "lapatinib+trastuzumab"]


def test_the_combination_and_the_monotherapy_arm(nlp):
    assert arms_of(nlp, LAPATINIB_TRASTUZUMAB) == {
        11.1: "lapatinib+trastuzumab",
        8.1: "lapatinib",
        24.7: "lapatinib+trastuzumab",
        12.4: "lapatinib",
    }


def test_alone_or_followed_by_is_not_a_combination_arm(nlp):
    # "A alone or followed by B" gives B after A: the rule reads only "with" joiners.
    text = (
        "Neoadjuvant lapatinib alone or followed by docetaxel\n\n"
        "Patients were randomly assigned to lapatinib alone or followed by docetaxel."
    )
    assert "docetaxel+lapatinib" not in registry_arms(nlp, text)


# --- where the generic names must stay unresolved ------------------------------------------------


def test_three_arms_name_the_combination_group_but_not_the_monotherapy_groups(nlp):
    # Round 51: "the combination group" is the one arm uniting the others' drugs; "the
    # monotherapy groups" are two arms, so their shared value stays unresolved.
    text = (
        "Lapatinib, trastuzumab or both\n\n"
        "Patients were randomly assigned to lapatinib, trastuzumab, or lapatinib plus "
        "trastuzumab. The overall response rate was 51% in the combination group and 25% in "
        "the monotherapy groups."
    )
    arms = arms_of(nlp, text)
    assert arms[51.0] == "lapatinib+trastuzumab"
    assert arms[25.0] is None


def test_two_unrelated_combinations_leave_generic_names_unresolved(nlp):
    text = (
        "Two doublets\n\n"
        "Patients were randomly assigned to docetaxel plus trastuzumab or vinorelbine plus "
        "trastuzumab. Median progression-free survival was 12.4 months in the combination "
        "group and 15.3 months in the monotherapy group."
    )
    assert arms_of(nlp, text) == {12.4: None, 15.3: None}


def test_a_drug_before_monotherapy_is_read_as_that_drug(nlp):
    # "pyrotinib monotherapy" names pyrotinib (the regimen); the generic rule leaves it alone.
    text = (
        "Pyrotinib plus capecitabine\n\n"
        "Patients were randomly assigned to pyrotinib plus capecitabine or capecitabine alone. "
        "In the capecitabine group, 71 patients received pyrotinib monotherapy after "
        "progression, with an objective response rate of 38.0%."
    )
    assert arms_of(nlp, text)[38.0] != "capecitabine"
