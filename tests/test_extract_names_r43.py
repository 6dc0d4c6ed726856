"""Round 43c: trial names and coordinated end points. "Median PFS and OS were 7.2 months and
15.1 months, respectively" read both as OS; "TRIO-021/PeRiDoT" named no trial and "TRIO-013"
was read as a sponsor's drug code; "GOG 0281", "RTOG 0436" and "ECOG-ACRIN E2112" were no
trials; a bare "Incidence was higher ... (14.0% vs 9.1%; OR ...)" after a sentence naming ILD
kept only the OR; "patients younger than 65 years" gave an OS median of 65 years; the second of
"The HR for arm C vs arm A was 0.70 (...) and for arm B vs arm A 0.86 (...)" was lost; and "9%
of Japanese patients receiving A" took no arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, extract_text, parsed_values, rows_of, trials_in

TITLE = "Trastuzumab in HER2-positive breast cancer\n\n"
SINGLE = TITLE + "Patients received trastuzumab plus docetaxel. "


def _endpoint_values(nlp, text: str) -> list[tuple[str, float]]:
    return [(r.endpoint, r.value) for r in rows_of(nlp, text, P_ROW) if r.measure != "HR"]


# --- coordinated end points shared out by "respectively" -----------------------------------


def test_two_medians_respectively_share_their_endpoints(nlp):
    """ "Median PFS and OS were 7.2 months (CI) and 15.1 months (CI), respectively": PFS, OS."""
    text = SINGLE + (
        "Median PFS and OS were 7.2 months (95% CI, 5.5 to 9.0) and 15.1 months (95% CI, 12.0 "
        "to 18.3), respectively."
    )
    assert _endpoint_values(nlp, text) == [("PFS", 7.2), ("OS", 15.1)]


def test_respectively_runs_after_it_share_out_in_the_same_order(nlp):
    """A subgroup's run of as many values after "respectively" is zipped in the same order."""
    text = SINGLE + (
        "Median PFS and OS were 7.2 months and 15.1 months, respectively, and 9.0 and 18.2 "
        "months in the IHC 3+ subgroup."
    )
    assert _endpoint_values(nlp, text) == [
        ("PFS", 7.2),
        ("OS", 15.1),
        ("PFS", 9.0),
        ("OS", 18.2),
    ]


def test_two_rates_respectively_share_their_endpoints(nlp):
    """ "ORR and DCR were 40% and 70%, respectively": ORR 40, DCR 70."""
    text = SINGLE + "ORR and DCR were 40% and 70%, respectively."
    assert _endpoint_values(nlp, text) == [("ORR", 40.0), ("DCR", 70.0)]


def test_three_endpoints_respectively(nlp):
    """A list of three end points and three rates zips one to one."""
    text = SINGLE + "The ORR, DCR and CBR were 40%, 70% and 55%, respectively."
    assert _endpoint_values(nlp, text) == [("ORR", 40.0), ("DCR", 70.0), ("CBR", 55.0)]


def test_pairs_of_values_are_not_zipped_with_the_endpoints(nlp):
    """Negative: four values before "respectively" for two end points are no one-to-one list,
    and with "and" between every two no grouping shows (round 44b zips "7.2 vs 5.1 months and
    15.1 vs 12.0 months" per end point); the reading stays as before (no value is PFS)."""
    text = SINGLE + (
        "Median PFS and OS were 7.2 and 5.1 months and 15.1 and 12.0 months, respectively."
    )
    assert ("PFS", 7.2) not in _endpoint_values(nlp, text)


# --- trial names: a group's study number joined to an acronym ------------------------------

PERIDOT = (
    "Lapatinib in HER2-positive breast cancer\n\n"
    "The phase III TRIO-021/PeRiDoT trial enrolled 500 patients. In PeRiDoT, adding lapatinib "
    "improved OS."
)


def test_group_number_slash_acronym_names_both(nlp):
    """ "TRIO-021/PeRiDoT": the group's study number and the acronym, each as written."""
    assert extract_text(nlp, PERIDOT).trials == ["PeRiDoT", "TRIO-021"]


def test_coined_mixed_case_name_recurs_as_a_trial():
    """ "In PeRiDoT, ...": a coined mixed-case name once named as a trial is a mention too."""
    assert trials_in(PERIDOT.split("\n\n")[1]) == ["TRIO-021", "PeRiDoT", "PeRiDoT"]


def test_group_study_number_is_no_sponsor_drug_code(nlp):
    """ "In TRIO-013, patients received ...": TRIO is a group, not a drug's sponsor."""
    text = TITLE + "In TRIO-013, patients received docetaxel plus trastuzumab."
    ex = extract_text(nlp, text)
    assert ex.drugs == ["docetaxel", "trastuzumab"]
    assert ex.trials == ["TRIO-013"]


def test_other_group_prefixes_are_no_sponsor_codes(nlp):
    """JBCRG, WJOG and AGO study numbers are no drugs either."""
    for code in ("JBCRG-16", "WJOG-6110", "AGO-1234"):
        text = TITLE + f"In {code}, patients received docetaxel plus trastuzumab."
        assert extract_text(nlp, text).drugs == ["docetaxel", "trastuzumab"], code


# --- cooperative-group ids the lexicon does not list ---------------------------------------


def test_cooperative_group_ids_as_written():
    """GOG, RTOG and ECOG-ACRIN ids are trials as written; "NRG Oncology/" is dropped."""
    text = (
        "In the trial (NRG Oncology/GOG 0281), patients received trastuzumab. RTOG 0436 and "
        "ECOG-ACRIN E2112 and Alliance A011202 were cited."
    )
    assert trials_in(text) == ["GOG 0281", "RTOG 0436", "ECOG-ACRIN E2112", "Alliance A011202"]


def test_scores_grades_and_stages_are_no_group_ids():
    """Negative: "ECOG 0-1", "ECOG PS 1", "grade 3", "cohort 2", "stage III", "GOG" alone."""
    text = (
        "Patients with ECOG 0-1 or ECOG PS 1, grade 3 disease, cohort 2 and stage III tumours "
        "were enrolled by GOG and RTOG sites."
    )
    assert trials_in(text) == []


# --- a bare "Incidence" after a sentence naming one event ----------------------------------

ILD = (
    "Trastuzumab deruxtecan in HER2-positive breast cancer\n\n"
    "ILD was the key risk. Incidence was higher at 6.4 mg/kg than at 5.4 mg/kg (14.0% vs 9.1%; "
    "OR 1.60, 95% CI 1.10-2.30; P = 0.01)."
)


def test_bare_incidence_takes_the_one_event_named_before(nlp):
    """ "Incidence was higher ... (14.0% vs 9.1%; OR ...; P = 0.01)": two ILD incidences of
    no arm (dose groups of one drug), the P the OR's alone."""
    rows = rows_of(nlp, ILD, P_ROW)
    assert rows == [
        ("ILD", "incidence", 14.0, None, None),
        ("ILD", "incidence", 9.1, None, None),
        ("ILD", "OR", 1.6, "0.01", None),
    ]


def test_bare_incidence_after_two_endpoints_takes_none(nlp):
    """Negative: after a sentence naming two events, "Incidence" names neither."""
    text = ILD.replace("ILD was the key risk", "ILD and neutropenia were the key risks")
    assert [r for r in rows_of(nlp, text, P_ROW) if r.measure == "incidence"] == []


def test_bare_rate_after_an_efficacy_endpoint_takes_none(nlp):
    """Negative: only an event is carried to a bare opening "Rate was ..."."""
    text = SINGLE + (
        "ORR was the primary end point. Rate was higher at 6 mg than at 4 mg (44% vs 39%)."
    )
    assert rows_of(nlp, text, P_ROW) == []


# --- an age cut-off is no median ------------------------------------------------------------


def test_age_limits_are_no_medians():
    """ "younger than 65 years", "aged >= 65 years", "< 50 years", "65 years or older": no time."""
    for phrase in (
        "patients younger than 65 years",
        "patients older than 70 years",
        "patients aged >= 65 years",
        "patients < 50 years",
        "patients 65 years or older",
    ):
        text = f"OS benefit was seen in {phrase} (HR, 0.71; 95% CI, 0.55 to 0.92)."
        assert [v[0] for v in parsed_values(text)] == ["HR"], phrase


def test_age_limit_leaves_the_median_before_it(nlp):
    """The median before a subgroup's age limit stays; the limit gives no OS median."""
    text = SINGLE + "Median OS was 24.5 months in patients younger than 50 years."
    assert _endpoint_values(nlp, text) == [("OS", 24.5)]


def test_median_in_years_is_still_read():
    """Negative: a median written in years with no age word stays a time."""
    assert [v[:2] for v in parsed_values("Median OS was 5.2 years.")] == [("time", 5.2)]


# --- an elliptical second comparison's ratio -----------------------------------------------

HR_PAIR = (
    "The HR for arm C vs arm A was 0.70 (95% CI 0.55-0.89; P = 0.004) and for arm B vs arm A "
    "0.86 (95% CI 0.68-1.08; P = 0.19)."
)
ARMS = TITLE + "Patients were randomized to arm A, arm B or arm C. "


def test_elliptical_second_ratio_is_read(nlp):
    """ "... and for arm B vs arm A 0.86 (...)": the second ratio, read like the first."""
    rows = rows_of(nlp, ARMS + HR_PAIR.replace("The HR", "The OS HR"), P_ROW)
    assert rows == [("OS", "HR", 0.7, "0.004", None), ("OS", "HR", 0.86, "0.19", None)]


def test_elliptical_second_ratio_takes_the_endpoint_named_before(nlp):
    """With OS named in the sentence before, both ratios are OS's."""
    rows = rows_of(nlp, ARMS + "OS was the primary end point. " + HR_PAIR, P_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [("OS", 0.7), ("OS", 0.86)]


def test_second_endpoint_after_and_for_is_no_elliptical_ratio():
    """Negative: "HR for death was 0.70 and for progression 0.86" names no second comparison."""
    text = "The HR for death was 0.70 (95% CI 0.55-0.89) and for progression 0.86."
    assert [v[1] for v in parsed_values(text)] == [0.7]


# --- a subgroup adjective before "patients receiving" --------------------------------------

LAPATINIB = (
    "Lapatinib in HER2-positive breast cancer\n\n"
    "Patients were randomized to lapatinib plus capecitabine or trastuzumab plus capecitabine. "
)


def test_subgroup_adjective_before_patients_receiving(nlp):
    """ "9% of Japanese patients receiving A": the arm is A's."""
    text = LAPATINIB + (
        "Grade 3 diarrhoea occurred in 9% of Japanese patients receiving lapatinib plus "
        "capecitabine."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("AE_G3", "incidence", 9.0, "capecitabine+lapatinib")]
