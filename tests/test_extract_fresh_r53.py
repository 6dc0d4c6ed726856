"""Round 53, fresh texts: invented conference abstracts (terse "pts", "mo", "vs", "Arm A (...)",
"Cohort 1"). Values and arms came out right; the names were missed. A conference title closes
with its trial's numbered name after a colon and no design word ("...: MERIDA-2") or with a
report of it ("...: 5-year update of ORCA-R", "primary results from KORVEL-3"); "the PANTHER
basket study" put a design noun ("basket") between the name and "study"."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, registry_of

BODY = "\n\nPatients received trastuzumab and capecitabine every 3 weeks."
TITLE = "Tucatinib with trastuzumab and capecitabine in HER2+ MBC with brain metastases"


def trials_of(nlp, text: str) -> list[str]:
    return extract_text(nlp, text).trials


def test_numbered_name_after_a_title_colon_is_a_trial(nlp):
    """ "...: MERIDA-2": a hyphen-numbered name in capitals closing a title after a colon
    names the trial though the title has no design word."""
    assert trials_of(nlp, f"{TITLE}: MERIDA-2{BODY}") == ["MERIDA-2"]
    assert trials_of(nlp, f"{TITLE}: GASTRO-HER-4{BODY}") == ["GASTRO-HER-4"]


def test_unnumbered_word_or_scale_after_a_title_colon_is_no_trial(nlp):
    """Negative: without a design word, a bare word in capitals ("...: ASCENT") or a numbered
    scale ("CTCAE-5", "HER2-3") closing a title names no trial."""
    for tail in ("ASCENT", "CTCAE-5", "HER2-3", "RECIST-1"):
        assert trials_of(nlp, f"{TITLE}: {tail}{BODY}") == [], tail


def test_report_of_a_name_closing_a_title_is_a_trial(nlp):
    """ "...: 5-year update of ORCA-R", "primary results from KORVEL-3", "final OS analysis
    of ZENITH": a report's noun and "of"/"from" before a name in capitals closing a title."""
    for tail, name in (
        ("5-year update of ORCA-R", "ORCA-R"),
        ("primary results from KORVEL-3", "KORVEL-3"),
        ("final OS analysis of ZENITH", "ZENITH"),
    ):
        assert trials_of(nlp, f"{TITLE}: {tail}{BODY}") == [name], tail


def test_report_of_a_scale_or_population_closing_a_title_is_no_trial(nlp):
    """Negative: a report of a scale, a gene or a short form ("update of CTCAE-5", "analysis of
    ERBB2", "results from MBC") names no trial."""
    for tail in ("update of CTCAE-5", "analysis of ERBB2", "results from MBC", "data of HER2"):
        assert trials_of(nlp, f"{TITLE}: {tail}{BODY}") == [], tail


def test_name_before_a_basket_or_platform_noun(nlp):
    """ "the PANTHER basket study", "the ORYX platform trial": a design noun between the name
    and "study"/"trial"."""
    title = "Trastuzumab deruxtecan in HER2-expressing solid tumors"
    assert trials_of(nlp, f"{title}: the PANTHER basket study{BODY}") == ["PANTHER"]
    assert trials_of(nlp, f"{title}: the ORYX platform trial{BODY}") == ["ORYX"]
    assert trials_of(nlp, f"{title}: the LYRA pilot study{BODY}") == ["LYRA"]


def test_common_word_before_a_basket_noun_is_no_trial(nlp):
    """Negative: "the HER2 basket study", "the NCI platform trial" name no trial."""
    text = (
        "Trastuzumab deruxtecan in HER2-expressing solid tumors\n\n"
        "In the HER2 basket study, patients received trastuzumab. The NCI platform trial "
        "enrolled patients with HER2 amplification."
    )
    assert trials_of(nlp, text) == []


ROUTE_TWINS = (
    "Subcutaneous versus intravenous trastuzumab in early breast cancer\n\n"
    "Patients were randomized to intravenous trastuzumab or subcutaneous trastuzumab. pCR was "
    "45.4% in the subcutaneous group and 40.7% in the IV arm. Grade >=3 AEs: 25% vs 27%."
)


def test_one_regimen_by_two_routes_is_two_arms(nlp):
    """ "intravenous trastuzumab or subcutaneous trastuzumab": two arms of one regimen, each
    named by its route written out or short ("the IV arm"); their values carry the regimen,
    as biosimilar and dose twins do."""
    reg = registry_of(nlp, ROUTE_TWINS)
    assert [a.name for a in reg.arms] == ["trastuzumab", "trastuzumab"]
    arms = arms_of(nlp, ROUTE_TWINS)
    assert (arms[45.4], arms[40.7], arms[25.0], arms[27.0]) == ("trastuzumab",) * 4


def test_same_route_before_other_drugs_makes_no_route_twins(nlp):
    """Negative: "intravenous trastuzumab or intravenous trastuzumab plus pertuzumab" are two
    regimens, not route twins: no arm is named by its route."""
    text = (
        "Trastuzumab with or without pertuzumab\n\n"
        "Patients were randomized to intravenous trastuzumab or intravenous trastuzumab plus "
        "pertuzumab. pCR was 45.4% in the trastuzumab arm."
    )
    reg = registry_of(nlp, text)
    assert [a.name for a in reg.arms] == ["trastuzumab", "pertuzumab+trastuzumab"]
    assert not any(a.labels & {"iv", "sc", "intravenous"} for a in reg.arms)
    assert arms_of(nlp, text)[45.4] == "trastuzumab"
