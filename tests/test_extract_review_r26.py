"""Review of the gold-residuals round and round 26 (pipelines 0.3.41-0.3.42). A ";" that only
separates the items of one list ("8.8 months (95% CI ...); and 6.6 months (...) with A and B,
respectively") ended the "respectively" run, so the first value lost its arm and the second took
the first arm; "capecitabine alone" in a single-arm "pyrotinib plus chemotherapy" study took the
backbone its class fills in; a bare number after compared rates that is their difference
("91.5% versus 85.8% (5.7 [2.1-9.3])") was read as a hazard ratio of 5.7."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

SEMICOLON_LIST = (
    "Neratinib versus lapatinib\n\n"
    "Patients were randomly assigned to neratinib plus capecitabine or lapatinib plus "
    "capecitabine. The primary endpoint was PFS. Median PFS was 8.8 months (95% CI 7.0-9.8); "
    "and 6.6 months (95% CI 5.8-7.8) with neratinib and lapatinib, respectively."
)


def test_semicolon_between_list_items_keeps_the_respectively_run(nlp):
    """ "8.8 months (...); and 6.6 months (...) with A and B, respectively": the ";" separates
    the items of one list, so the two values zip with the two arms."""
    rows = rows_of(nlp, SEMICOLON_LIST, ARM_ROW)
    assert arm_of(rows, 8.8) == "capecitabine+neratinib"
    assert arm_of(rows, 6.6) == "capecitabine+lapatinib"


def test_semicolon_before_a_restated_clause_still_ends_the_run(nlp):
    """Negative: "(...); median PFS was 19.6 and 23.0 months with A and B, respectively" -
    the clause before the ";" is the whole population's, the two after zip."""
    text = (
        "Pertuzumab and trastuzumab with a taxane\n\n"
        "In this single-arm phase II study, patients received pertuzumab and trastuzumab with "
        "investigator-selected taxane (docetaxel or paclitaxel). The primary endpoint was "
        "safety. Median PFS was 20.6 months (95% CI 18.9-22.4); median PFS was 19.6 and 23.0 "
        "months with docetaxel and paclitaxel, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 20.6) is None
    assert arm_of(rows, 19.6) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 23.0) == "paclitaxel+pertuzumab+trastuzumab"


CHEMO_CLASS = (
    "Pyrotinib plus chemotherapy: a real-world study\n\n"
    "In this real-world study, 120 patients received pyrotinib plus chemotherapy. The primary "
    "endpoint was PFS. Median PFS was 9.2 months. "
)


def test_drug_alone_gets_no_class_backbone(nlp):
    """ "capecitabine alone yields an ORR of 20%" in a single-arm "pyrotinib plus chemotherapy"
    study: capecitabine, not the backbone filled with it."""
    text = CHEMO_CLASS + "Historically, capecitabine alone yields an ORR of 20%."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 20.0) == "capecitabine"


def test_class_member_without_alone_still_takes_the_backbone(nlp):
    """Negative: "the ORR was 60% with capecitabine" is the backbone with capecitabine."""
    text = CHEMO_CLASS + "The ORR was 60% with capecitabine and 45% with vinorelbine."
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 60.0) == "capecitabine+pyrotinib"
    assert arm_of(rows, 45.0) == "pyrotinib+vinorelbine"


RATES_THEN = (
    "Neoadjuvant trastuzumab\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel or docetaxel. The primary "
    "endpoint was pCR. Event-free survival was improved (hazard ratio 0.69 [95% CI 0.55-0.87]; "
    "p=0.0002), and the 3-year OS rate was 91.5% versus 85.8% "
)


def test_difference_of_compared_rates_is_no_listed_ratio(nlp):
    """ "91.5% versus 85.8% (5.7 [2.1-9.3])": 5.7 is the rates' difference, no hazard ratio."""
    rows = rows_of(nlp, RATES_THEN + "(5.7 [2.1-9.3]).", ("endpoint", "measure", "value"))
    assert not [r for r in rows if r[1] == "HR" and r[2] == 5.7]


def test_bare_ratio_after_compared_rates_is_still_read(nlp):
    """Negative: "91.5% versus 85.8% (0.65 [0.49-0.86]; p=0.0026)" is the OS ratio."""
    rows = rows_of(
        nlp, RATES_THEN + "(0.65 [0.49-0.86]; p=0.0026).", ("endpoint", "measure", "value")
    )
    assert ("OS", "HR", 0.65) in rows


NERATINIB_AE = (
    "Neratinib plus capecitabine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to neratinib plus capecitabine or lapatinib plus "
    "capecitabine. Diarrhoea of any grade and of grade >=3 was more frequent with neratinib (OR "
    "3.20, 95% CI 1.90 to 5.40). Any-grade nausea (OR 1.80, 95% CI 1.1 to 2.9) and grade 3 or "
    "worse nausea (OR 2.50, 95% CI 1.2 to 5.1) were more frequent with neratinib."
)


def test_one_ratio_for_any_grade_and_grade_3_is_ungraded(nlp):
    """One odds ratio for "any grade and grade >=3" is AE (as a carried rate is); a ratio whose
    own phrase, since the last bracket, is grade 3 or worse stays AE_G3."""
    codes = {r.value: r.endpoint for r in rows_of(nlp, NERATINIB_AE)}
    assert codes == {3.2: "AE", 1.8: "AE", 2.5: "AE_G3"}


LISTED = (
    "Pertuzumab plus trastuzumab versus trastuzumab\n\n"
    "Patients were randomly assigned to pertuzumab plus trastuzumab or trastuzumab. Pertuzumab "
    "improved progression-free survival (HR 0.62, 95% CI 0.51-0.75) and {} (1.90, 1.20-3.00)."
)


def test_a_listed_ratio_of_a_response_is_no_hazard_ratio(nlp):
    """After a hazard ratio, a bare ratio listed for a time-to-event end point is its hazard
    ratio; one listed for a response rate is an odds ratio the text does not name: not read."""

    def got(listed: str) -> list[tuple]:
        return [(r.endpoint, r.measure, r.value) for r in rows_of(nlp, LISTED.format(listed))]

    assert got("objective response rate") == [("PFS", "HR", 0.62)]
    assert got("overall survival") == [("PFS", "HR", 0.62), ("OS", "HR", 1.9)]
