"""Gold residuals: the gold set's last errors that are gaps in the rules. A dose and schedule
between a choice of two anti-HER2 agents and their shared partner ("oral A 400 mg or B 1250 mg
once daily, in combination with oral C") hid the partner, so "the A group" named A alone
(PHOEBE). A grade qualifier before an event was not read for the event's odds ratio ("Grade ≥3
diarrhoea ... (OR 3.10 ...)" was any grade). A bracket glossing an end point ("An overall
response (a complete or partial response) occurred in ...") gave its rates to the gloss's end
point, which the contract does not list, so they were lost. Bare ratios listed after a keyed
one for another end point ("... (hazard ratio 0·44, ...) and overall survival (0·36, 0·30–0·44)",
"(EFS: hazard ratio 0·24, ...; OS: 0·16, 0·11–0·25)") were not read as ratios."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

CHOICE_DOSED = (
    "Neratinib or tucatinib with vinorelbine\n\n"
    "Patients were randomly assigned (1:1) to receive oral neratinib 240 mg or tucatinib 300 mg "
    "once daily, in combination with intravenous vinorelbine (25 mg/m² on days 1 and 8) in "
    "21-day cycles. The primary endpoint was progression-free survival. Grade 3 or worse "
    "diarrhoea occurred in 28% of patients in the neratinib group vs 9% in the tucatinib group."
)


def test_dosed_choice_shares_its_partner(nlp):
    """ "A 240 mg or B 300 mg once daily, in combination with C": C is given with either."""
    names = sorted(a.name for a in registry_of(nlp, CHOICE_DOSED).arms)
    assert names == ["neratinib+vinorelbine", "tucatinib+vinorelbine"]
    rows = rows_of(nlp, CHOICE_DOSED, ARM_ROW)
    assert arm_of(rows, 28.0) == "neratinib+vinorelbine"
    assert arm_of(rows, 9.0) == "tucatinib+vinorelbine"


def test_dosed_choice_of_other_roles_keeps_its_arms(nlp):
    """Negative: a chemotherapy or an anti-HER2 agent is no choice of one role, so the partner
    phrase after them is read as written (the chemotherapy stays an arm of its own)."""
    text = (
        "Capecitabine or neratinib\n\n"
        "Patients were randomly assigned to receive capecitabine 1000 mg/m² or neratinib 240 mg "
        "once daily, in combination with trastuzumab. The primary endpoint was PFS."
    )
    names = sorted(a.name for a in registry_of(nlp, text).arms)
    assert "capecitabine" in names


META_G3 = (
    "Dual HER2 blockade: a meta-analysis\n\n"
    "Eleven randomised trials were pooled. Grade ≥3 neutropenia was more frequent with dual "
    "blockade (OR 2.40, 95% CI 1.31-4.42). Rash of any grade was also more frequent (OR 1.80, "
    "95% CI 1.20-2.70)."
)


def test_grade_qualifier_codes_an_event_odds_ratio(nlp):
    """ "Grade ≥3 neutropenia ... (OR 2.40 ...)": the odds ratio of a grade 3 or worse event."""
    rows = rows_of(nlp, META_G3, ("endpoint", "measure", "value"))
    assert ("AE_G3", "OR", 2.4) in rows


def test_any_grade_event_odds_ratio_stays_any_grade(nlp):
    """Negative: "Rash of any grade ... (OR 1.80 ...)" is an any-grade event's ratio."""
    rows = rows_of(nlp, META_G3, ("endpoint", "measure", "value"))
    assert ("AE", "OR", 1.8) in rows


GLOSS = (
    "Margetuximab versus trastuzumab\n\n"
    "Patients were randomly assigned to margetuximab or trastuzumab. An objective response (a "
    "complete or partial response) occurred in 22.1% and 16.0% of the patients in the two "
    "groups, respectively."
)


def test_bracket_glossing_an_end_point_keeps_its_rates(nlp):
    """ "An objective response (a complete or partial response) occurred in 22.1%": the bracket
    defines the end point before it, whose rates these are."""
    rows = rows_of(nlp, GLOSS, ARM_ROW)
    assert ("ORR", "rate", 22.1, "margetuximab") in rows
    assert ("ORR", "rate", 16.0, "trastuzumab") in rows


def test_unglossed_partial_response_is_no_orr(nlp):
    """Negative: a partial response named on its own, not as a gloss, is no ORR."""
    text = (
        "Margetuximab\n\n"
        "Patients received margetuximab. An objective response was seen in 30 patients; a "
        "partial response occurred in 18.0% of the patients."
    )
    assert not [r for r in rows_of(nlp, text, ARM_ROW) if r[2] == 18.0]


POOLED = (
    "Residual disease and survival: a pooled analysis\n\n"
    "Patients who attained a pathological complete response had improved event-free survival "
    "(hazard ratio 0.52, 95% CI 0.44-0.61) and overall survival (0.41, 0.33-0.50) compared with "
    "those with residual disease. The association was strongest in triple-negative disease "
    "(EFS: hazard ratio 0.29, 95% CI 0.21-0.40; OS: 0.19, 0.13-0.28) and in those with "
    "HER2-positive tumours who received trastuzumab (EFS: 0.21, 0.12-0.35; OS: 0.11, 0.05-0.25)."
)


def test_bare_ratio_of_a_listed_event_in_its_own_bracket(nlp):
    """ "... (hazard ratio 0.52, ...) and overall survival (0.41, 0.33-0.50)": the second
    event's ratio, under the first one's key."""
    rows = rows_of(nlp, POOLED, ("endpoint", "measure", "value", "ci_low", "ci_high"))
    assert ("OS", "HR", 0.41, 0.33, 0.5) in rows


def test_ratios_labelled_by_end_point(nlp):
    """ "(EFS: hazard ratio 0.29, ...; OS: 0.19, 0.13-0.28)" and the same labelled list for a
    second subgroup: every labelled number is its end point's ratio."""
    rows = rows_of(nlp, POOLED, ("endpoint", "measure", "value", "ci_low", "ci_high"))
    assert ("OS", "HR", 0.19, 0.13, 0.28) in rows
    assert ("EFS", "HR", 0.21, 0.12, 0.35) in rows
    assert ("OS", "HR", 0.11, 0.05, 0.25) in rows


def test_median_after_a_ratio_is_no_listed_ratio(nlp):
    """Negative: "(HR 0.62, ...) and median overall survival (14.2 months)" and a labelled
    follow-up ("; follow-up: 4.5 years") are no ratios."""
    text = (
        "Neratinib\n\n"
        "Neratinib improved progression-free survival (HR 0.62, 95% CI 0.50-0.77; follow-up: "
        "4.5 years) and median overall survival (14.2 months)."
    )
    ratios = [r for r in rows_of(nlp, text, ("endpoint", "measure", "value")) if r[1] == "HR"]
    assert ratios == [("PFS", "HR", 0.62)]
