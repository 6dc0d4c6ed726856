"""Fresh round 94c: three small misses from real abstracts. "Responses were seen in most
cohorts, including 33·3% of patients in the biliary tract cohort" gave no ORR (the bare word
"responses", "a response", "responded" named no end point); "(any grade, 91.5%; grade 3 or
higher, 31.7%), as compared with 44.8% and 4.9%, respectively" left 4.9 any grade (only a list
opened by "versus" took its partners' grades); and "INAVO122 (NCT05894239) is a global, phase
III ... trial" made the trial's name a drug code."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CI_ROW, extract_text, rows_of

ZANI = (
    "Zanidatamab in HER2-amplified or HER2-expressing solid tumours: a multicohort phase 2 "
    "study\n\n"
    "Methods: Patients with HER2-positive solid tumours other than breast or gastric cancer "
    "received zanidatamab 20 mg/kg intravenously every 2 weeks.\n"
)


def _rows(nlp, results: str, fields=ARM_ROW) -> list[tuple]:
    return rows_of(nlp, ZANI + results, fields)


def test_responses_seen_in_cohorts_are_orr(nlp):
    """ "Responses were seen in most cohorts, including 33·3% ... and 46·2% ...": the cohorts'
    rates are ORR, with no arm (cohorts of one regimen), after the whole population's ORR."""
    results = (
        "Findings: The confirmed objective response rate was 29·4% (95% CI 20·8–39·3). "
        "Responses were seen in most cohorts, including 33·3% of patients in the biliary tract "
        "cohort and 46·2% in the endometrial cohort, whereas no response was observed among 12 "
        "patients with colorectal cancer."
    )
    assert _rows(nlp, results, CI_ROW) == [
        ("ORR", "rate", 29.4, 20.8, 39.3, None),
        ("ORR", "rate", 33.3, None, None, None),
        ("ORR", "rate", 46.2, None, None, None),
    ]


def test_responses_occurred_in(nlp):
    """ "Responses occurred in 40% of ...": ORR."""
    results = "Results: Responses occurred in 40% of patients with biliary tract cancer."
    assert _rows(nlp, results) == [("ORR", "rate", 40.0, None)]


def test_a_response_was_observed_and_had_a_response(nlp):
    """ "A response was observed in 38.5%", "8 (26.7%) had a confirmed response": ORR."""
    results = (
        "Results: A response was observed in 38.5% of patients with endometrial cancer. Of 30 "
        "patients with bladder cancer, 8 (26.7%) had a confirmed response."
    )
    assert _rows(nlp, results) == [("ORR", "rate", 38.5, None), ("ORR", "rate", 26.7, None)]


def test_patients_responded(nlp):
    """ "12 of 30 patients (40.0%) responded": ORR."""
    results = "Results: Overall, 12 of 30 patients (40.0%) responded."
    assert _rows(nlp, results) == [("ORR", "rate", 40.0, None)]


def test_bare_responses_in_a_comparison_take_their_arms(nlp):
    """ "Responses occurred in 60% ... in the X group and 40% in the Y group": ORR per arm."""
    text = (
        "Pyrotinib versus pertuzumab: a randomized trial\n\n"
        "Methods: Patients were randomly assigned to pyrotinib plus trastuzumab and docetaxel "
        "(pyrotinib group) or pertuzumab plus trastuzumab and docetaxel (pertuzumab group). "
        "Results: Responses occurred in 60% of patients in the pyrotinib group and 40% in the "
        "pertuzumab group."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("ORR", "rate", 60.0, "docetaxel+pyrotinib+trastuzumab"),
        ("ORR", "rate", 40.0, "docetaxel+pertuzumab+trastuzumab"),
    ]


def test_response_inside_other_terms_keeps_its_end_point(nlp):
    """Negative: "pathological complete responses were seen in" is pCR, "complete responses"
    the unlisted CR rate, "duration of response" DOR: the bare word inside them adds nothing."""
    results = (
        "Results: Pathological complete responses were seen in 30.0% of patients. Complete "
        "responses were seen in 10.0% of patients. The median duration of response was 8.1 "
        "months."
    )
    assert _rows(nlp, results) == [("pCR", "rate", 30.0, None), ("DOR", "median", 8.1, None)]


def test_responses_with_a_count_only_or_an_adjective_give_nothing(nlp):
    """Negative: a count without % ("responses were seen in 12 patients"), "intracranial
    responses" (no contract end point) and "had responded to prior trastuzumab" (a feature of
    the population) give no ORR."""
    results = (
        "Results: Responses were seen in 12 patients. Intracranial responses were seen in 30.0% "
        "of patients. Overall, 60.0% of patients had responded to prior trastuzumab."
    )
    assert _rows(nlp, results) == []


def test_responders_as_a_subgroup_name_no_orr(nlp):
    """Negative: "patients who had a response had a median PFS of 12.1 months" names a
    subgroup, not the ORR."""
    results = "Results: Patients who had a response had a median PFS of 12.1 months."
    assert _rows(nlp, results) == [("PFS", "median", 12.1, None)]


PYRO = (
    "Pyrotinib versus pertuzumab with trastuzumab and docetaxel: a randomized trial\n\n"
    "Methods: Patients were randomly assigned to pyrotinib plus trastuzumab and docetaxel "
    "(pyrotinib group) or pertuzumab plus trastuzumab and docetaxel (pertuzumab group).\n"
    "Results: "
)
PYRO_ARM = "docetaxel+pyrotinib+trastuzumab"
PERT_ARM = "docetaxel+pertuzumab+trastuzumab"


def _grade_rows(nlp, results: str) -> list[tuple]:
    return rows_of(nlp, PYRO + results, ARM_ROW)


def test_grades_pair_with_as_compared_with_respectively(nlp):
    """ "(any grade, 91.5%; grade 3 or higher, 31.7%), as compared with 44.8% and 4.9%,
    respectively, in the pertuzumab group": 44.8 any grade, 4.9 grade >=3."""
    results = (
        "Diarrhea was the most common adverse event with pyrotinib (any grade, 91.5%; grade 3 "
        "or higher, 31.7%), as compared with 44.8% and 4.9%, respectively, in the pertuzumab "
        "group."
    )
    assert _grade_rows(nlp, results) == [
        ("AE", "incidence", 91.5, PYRO_ARM),
        ("AE_G3", "incidence", 31.7, PYRO_ARM),
        ("AE", "incidence", 44.8, PERT_ARM),
        ("AE_G3", "incidence", 4.9, PERT_ARM),
    ]


def test_grades_pair_with_compared_with_respectively(nlp):
    """ "(any grade, ...; grade ≥3, ...), compared with X% and Y%, respectively": the same."""
    results = (
        "Diarrhea was the most common adverse event in the pyrotinib group (any grade, 91.5%; "
        "grade ≥3, 31.7%), compared with 44.8% and 4.9%, respectively, in the pertuzumab group."
    )
    assert [r.endpoint for r in _grade_rows(nlp, results)] == ["AE", "AE_G3", "AE", "AE_G3"]


def test_grades_pair_with_as_compared_with_and_all_grades(nlp):
    """ "(all grades, ...; grade 3-4, ...) as compared with X% and Y%, respectively, with
    pertuzumab": the same."""
    results = (
        "Diarrhea occurred in the pyrotinib group (all grades, 91.5%; grade 3-4, 31.7%) as "
        "compared with 44.8% and 4.9%, respectively, with pertuzumab."
    )
    rows = _grade_rows(nlp, results)
    assert [(r.endpoint, r.value) for r in rows] == [
        ("AE", 91.5),
        ("AE_G3", 31.7),
        ("AE", 44.8),
        ("AE_G3", 4.9),
    ]


def test_compared_with_after_one_grade_keeps_it(nlp):
    """Negative: partners of one grade ("Grade 3 or higher diarrhea (31.7%) and rash (10.2%)
    ..., as compared with 4.9% and 1.0%, respectively"): every value stays grade >=3."""
    results = (
        "Grade 3 or higher diarrhea (31.7%) and rash (10.2%) occurred with pyrotinib, as "
        "compared with 4.9% and 1.0%, respectively, in the pertuzumab group."
    )
    assert [r.endpoint for r in _grade_rows(nlp, results)] == ["AE_G3"] * 4


def test_compared_with_after_a_contrast_keeps_the_clause_grade(nlp):
    """Negative (review of round 90a): partners split by "whereas" lend no grades: "any grade
    ... 91.5%, whereas grade 3 or higher rash ... 30.0%, as compared with 12.0% and 5.0%"."""
    results = (
        "Diarrhea of any grade occurred in 91.5% of patients in the pyrotinib group, whereas "
        "grade 3 or higher rash occurred in 30.0%, as compared with 12.0% and 5.0%, "
        "respectively, in the pertuzumab group."
    )
    rows = _grade_rows(nlp, results)
    assert [(r.endpoint, r.value) for r in rows if r.value in (12.0, 5.0)] == [
        ("AE_G3", 12.0),
        ("AE_G3", 5.0),
    ]


INAVO_TITLE = (
    "INAVO122: a phase III, randomized, double-blind, placebo-controlled study of inavolisib "
    "plus pertuzumab and trastuzumab in PIK3CA-mutated, HER2-positive advanced breast cancer\n\n"
)


def test_code_in_a_title_naming_a_study_of_a_drug_is_the_trial(nlp):
    """ "INAVO122: a phase III ... study of inavolisib plus ...": the code is the trial, no drug
    (also where a later sentence gives it "receive")."""
    text = INAVO_TITLE + (
        "Methods: In INAVO122, patients receive inavolisib 9 mg or placebo daily plus "
        "pertuzumab and trastuzumab until progression."
    )
    ex = extract_text(nlp, text)
    assert ex.drugs == ["inavolisib", "pertuzumab", "trastuzumab"]
    assert "INAVO122" in ex.trials


def test_code_with_registry_id_called_a_trial_is_no_drug(nlp):
    """ "INAVO122 (NCT05894239) is a global, phase III, randomized ... trial": no drug."""
    text = (
        "Inavolisib plus pertuzumab and trastuzumab: trial in progress\n\n"
        "Background: INAVO122 (NCT05894239) is a global, phase III, randomized, double-blind, "
        "placebo-controlled trial. In INAVO122, patients receive inavolisib or placebo plus "
        "pertuzumab and trastuzumab."
    )
    ex = extract_text(nlp, text)
    assert ex.drugs == ["inavolisib", "pertuzumab", "trastuzumab"]
    assert "INAVO122" in ex.trials


def test_the_code_trial_names_it_everywhere(nlp):
    """ "the ongoing phase III INAVO122 study ... Patients in INAVO122 receive ...": no drug."""
    text = (
        "Inavolisib plus pertuzumab and trastuzumab: trial in progress\n\n"
        "Background: The ongoing phase III INAVO122 study enrols patients with PIK3CA-mutated "
        "disease. Patients in INAVO122 receive inavolisib plus pertuzumab and trastuzumab."
    )
    assert extract_text(nlp, text).drugs == ["inavolisib", "pertuzumab", "trastuzumab"]


def test_sponsor_codes_defined_or_given_stay_drugs(nlp):
    """Negative: "DB-1303 is a novel ADC ... evaluated in the phase 3 trial", "DB-1303
    (NCT05150691) is a phase 1/2a study of DB-1303" (the study's drug), "the MCLA-128 study ... received MCLA-128
    750 mg" and a lexicon code ("SHR-A1811 is an antibody-drug conjugate") are drugs."""
    texts = [
        (
            "db-1303",
            "DB-1303 in HER2-low breast cancer\n\nBackground: DB-1303 is a novel ADC. DB-1303 "
            "is being evaluated in the phase 3 trial. Patients received DB-1303 8 mg/kg.",
        ),
        (
            "db-1303",
            "DB-1303 in solid tumours\n\nBackground: DB-1303 (NCT05150691) is a phase 1/2a "
            "study of DB-1303 in patients with HER2-expressing solid tumours.",
        ),
        (
            "mcla-128",
            "MCLA-128 in breast cancer\n\nMethods: In the MCLA-128 study, patients received "
            "MCLA-128 750 mg every 3 weeks.",
        ),
        (
            "trastuzumab rezetecan",
            "SHR-A1811 in HER2-positive breast cancer\n\nBackground: SHR-A1811 is an "
            "antibody-drug conjugate. In this phase 1 trial (NCT04446260), patients received "
            "SHR-A1811.",
        ),
    ]
    for drug, text in texts:
        assert extract_text(nlp, text).drugs == [drug], text


def test_short_code_and_study_number_keep_their_reading(nlp):
    """Negative: "RC48-C006 (NCT03500380) was a phase III trial of RC48 (disitamab vedotin)":
    the drug stays disitamab vedotin; "MRG002: A Phase 1 Study of MRG002" is the drug's title
    (round 67b)."""
    text = (
        "Disitamab vedotin versus lapatinib plus capecitabine\n\n"
        "Methods: RC48-C006 (NCT03500380) was a phase III trial of RC48 (disitamab vedotin) "
        "versus lapatinib plus capecitabine. Patients received RC48 2.0 mg/kg."
    )
    assert extract_text(nlp, text).drugs == ["capecitabine", "disitamab vedotin", "lapatinib"]
    text = (
        "MRG002: A Phase 1 Study of MRG002 in HER2-positive solid tumors\n\n"
        "Methods: Patients received MRG002 at escalating doses."
    )
    assert extract_text(nlp, text).drugs == ["mrg002"]
