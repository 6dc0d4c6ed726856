"""Held-out round 12 (c): trial names, typography and lexicon data. Each test checks one reading
that went wrong (or one piece of data that moved): a cooperative group's trial number read alone
("ECOG E2198", then "E2198"; "Alliance A011801"), the ECOG performance-status score read as a
trial ("ECOG 0-1"), "the phase 1a/1b Beamion LUNG-1 trial", a sponsor's protocol number closing a
title in brackets ("(RC48-C012)"), French CIs ("IC 95 %"), haemorrhage and bleeding as adverse
events, anthracycline/taxane membership as drug-lexicon data, and the Schwartz-Hearst letter
test shared by the abbreviation detector and the trial recogniser."""

from __future__ import annotations

from extract_helpers import extract_text, trials_in

from her2mine.extract.abbreviations import letters_in_order, starts_word
from her2mine.extract.arms import build_registry
from her2mine.extract.components import _hits
from her2mine.extract.lexicon import load_lexicons, lower_same_length, read_jsonl
from her2mine.extract.trials import find_trials
from her2mine.extract.trials.names import _abbreviates
from her2mine.extract.trials.titles import _spells_words_before


def _trial_mentions(text: str) -> list[tuple[str, str]]:
    """(written, canonical) of each trial the recogniser finds in ``text``."""
    return [(h.text, h.canonical) for h in find_trials(text, load_lexicons().trials)]


# E2198 (Sledge et al., Clin Cancer Res 2014): paclitaxel and trastuzumab before AC, with or
# without a year of maintenance trastuzumab.
E2198 = (
    "Adjuvant trastuzumab: long-term results of E2198, a randomized trial of paclitaxel and "
    "trastuzumab with or without 1 year of maintenance trastuzumab.\n\n"
    "BACKGROUND: ECOG E2198 was a randomized phase II trial in patients with stage II-IIIA "
    "HER2-positive breast cancer. Eligible patients had an ECOG performance status of 0-1. "
    "RESULTS: 227 patients were enrolled. In E2198, 5-year disease-free survival was 76% and 73%."
)


def test_a_group_trial_number_alone_names_the_trial_the_text_named_with_its_group():
    # was: only "ECOG E2198" was a mention; the title's "E2198" and the later one were not
    assert _trial_mentions(E2198) == [
        ("E2198", "ECOG E2198"),
        ("ECOG E2198", "ECOG E2198"),
        ("E2198", "ECOG E2198"),
    ]


def test_the_alliance_group_and_its_numbered_trial():
    # Alliance A011801 (CompassHER2 RD): T-DM1 with tucatinib or placebo
    text = (
        "Alliance A011801 is a randomized phase III trial of T-DM1 plus tucatinib or placebo. "
        "In A011801, the primary end point is invasive disease-free survival."
    )
    assert _trial_mentions(text) == [
        ("Alliance A011801", "Alliance A011801"),
        ("A011801", "Alliance A011801"),
    ]


def test_nsabp_number_alone_after_the_trial_was_named():
    text = (
        "We present the joint analysis of NSABP B-31 and NCCTG N9831. In B-31, patients were "
        "randomly assigned to AC followed by paclitaxel with or without trastuzumab; N9831 "
        "added a sequential arm."
    )
    assert _trial_mentions(text) == [
        ("NSABP B-31", "NSABP B-31"),
        ("NCCTG N9831", "NCCTG N9831"),
        ("B-31", "NSABP B-31"),  # was no mention
        ("N9831", "N9831"),  # a name of the trial lexicon (an alias): kept as written, as before
    ]


def test_the_group_number_trial_without_its_group_names_it():
    text = (
        "In the E2198 trial, patients received paclitaxel and trastuzumab followed by "
        "doxorubicin and cyclophosphamide."
    )
    assert trials_in(text) == ["E2198"]  # was none: one capital, four digits, no name shape


def test_ecog_performance_status_and_oestradiol_are_no_trials():
    text = (
        "Eligible patients had ECOG 0-1 (or ECOG 0 or 1 in the extension cohort). Serum "
        "oestradiol (E2) was measured at baseline, and the E2 study cohort was small. Lapatinib "
        "(GW572016) was given with letrozole in the EGF30008 study."
    )
    # was ['ECOG 0', 'ECOG 0']: the performance-status score read as a trial of the group
    assert trials_in(text) == ["EGF30008"]


def test_a_bare_number_is_not_read_alone_without_its_letter():
    # "CALGB 40601": a number of digits only is not a trial by itself ("40601 patients"?)
    text = "CALGB 40601 enrolled 305 patients; in 40601, pCR was 56%."
    assert _trial_mentions(text) == [("CALGB 40601", "CALGB 40601")]


# Beamion LUNG-1 (Heymach et al., N Engl J Med 2025): zongertinib in HER2-mutant NSCLC.
BEAMION = (
    "Zongertinib in previously treated HER2-mutant non-small-cell lung cancer\n\n"
    "METHODS: In the phase 1a/1b Beamion LUNG-1 trial, patients with advanced solid tumours "
    "with HER2 alterations received zongertinib. RESULTS: Among 75 patients who received 120 mg "
    "zongertinib, an objective response was observed in 71% (95% CI, 60 to 80)."
)


def test_programme_name_after_a_split_phase_is_read_whole(nlp):
    assert trials_in(BEAMION) == ["Beamion LUNG-1"]  # was none
    assert extract_text(nlp, BEAMION).trials == ["Beamion LUNG-1"]


def test_a_plain_capitalised_word_before_a_name_after_design_words_widens_nothing():
    # "Adjuvant" is no programme word: the name is read alone, as before
    text = "In the phase III Adjuvant APHINITY trial, pertuzumab was added to trastuzumab."
    assert "Adjuvant APHINITY" not in trials_in(text)


def test_a_sponsor_protocol_number_closing_a_title_in_brackets_is_the_trial(nlp):
    text = (
        "Disitamab vedotin versus physician's choice of chemotherapy in HER2-low metastatic "
        "breast cancer: a randomised phase 3 trial (RC48-C012)\n\n"
        "Patients were randomly assigned to disitamab vedotin or physician's choice of "
        "chemotherapy."
    )
    assert extract_text(nlp, text).trials == ["RC48-C012"]  # was none: no run of four capitals


def test_a_drug_code_closing_a_title_in_brackets_is_no_trial():
    text = (
        "Trastuzumab duocarmazine in HER2-positive metastatic breast cancer: a randomised phase 3 "
        "trial of a novel antibody-drug conjugate (SYD985)\n\nPatients were randomly assigned."
    )
    assert trials_in(text) == []


# DESTINY-Breast04 (Modi et al., N Engl J Med 2022), written as a French abstract writes its CIs.
DB04_FR = (
    "Trastuzumab deruxtecan in HER2-low advanced breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab deruxtecan or physician's choice of "
    "chemotherapy. Median progression-free survival was 9.9 months with trastuzumab deruxtecan "
    "versus 5.1 months with chemotherapy (HR 0.50; IC 95 % 0.40-0.63; P<0.001). Median overall "
    "survival was 23.4 versus 16.8 months (HR 0.64; IC95% 0.49-0.84). The objective response "
    "rate was 52.3% (95 % CI 47.1-57.4)."
)


def test_french_ci_gives_the_ratio_its_interval_and_no_95_percent_rate(nlp):
    outs = extract_text(nlp, DB04_FR).outcomes
    ratios = [(o.endpoint, o.value, o.ci_low, o.ci_high, o.p) for o in outs if o.measure == "HR"]
    # was: no CI, no P for either ratio and a PFS "rate" of 95%
    assert ratios == [("PFS", 0.5, 0.4, 0.63, "<0.001"), ("OS", 0.64, 0.49, 0.84, None)]
    assert all(o.value != 95.0 for o in outs)
    orr = [(o.value, o.ci_low, o.ci_high) for o in outs if o.endpoint == "ORR"]
    assert orr == [(52.3, 47.1, 57.4)]  # "95 % CI": the level with a space


def test_french_ci_with_decimal_commas_and_a_preposition(nlp):
    text = (
        "Trastuzumab emtansine versus lapatinib plus capecitabine\n\n"
        "Patients were randomly assigned to trastuzumab emtansine or lapatinib plus capecitabine. "
        "Median progression-free survival was 9,6 months versus 6,4 months (hazard ratio 0,65; "
        "IC à 95 % : 0,55-0,77; p < 0,001)."
    )
    ratios = [
        (o.value, o.ci_low, o.ci_high, o.p)
        for o in extract_text(nlp, text).outcomes
        if o.measure == "HR"
    ]
    assert ratios == [(0.65, 0.55, 0.77, "<0.001")]


def test_ic_without_a_level_is_no_interval(nlp):
    # "IC" alone (an immune-cell score, say) opens no CI: the range stays unread as a CI
    text = (
        "Patients were randomly assigned to atezolizumab or placebo. PFS was 7.2 versus 5.5 "
        "months (HR 0.80; IC 0.60-0.91)."
    )
    ratios = [(o.value, o.ci_low) for o in extract_text(nlp, text).outcomes if o.measure == "HR"]
    assert ratios == [(0.8, None)]


# PHENIX/PHOEBE-style safety sentence: pyrotinib plus capecitabine vs lapatinib plus capecitabine.
BLEEDING = (
    "Pyrotinib plus capecitabine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
    "capecitabine. Haemorrhage occurred in 3% versus 1% of patients. Bleeding events were "
    "reported in 4% and 2%."
)


def test_haemorrhage_and_bleeding_are_adverse_events(nlp):
    rows = [(o.endpoint, o.value, o.arm) for o in extract_text(nlp, BLEEDING).outcomes]
    assert rows == [  # was no row: neither word was an adverse event
        ("AE", 3.0, "capecitabine+pyrotinib"),
        ("AE", 1.0, "capecitabine+lapatinib"),
        ("AE", 4.0, "capecitabine+pyrotinib"),
        ("AE", 2.0, "capecitabine+lapatinib"),
    ]
    terms = next(r for r in read_jsonl("endpoints.jsonl") if r["code"] == "AE")["terms"]
    assert {"haemorrhage", "hemorrhage", "bleeding"} <= set(terms)
    assert terms == sorted(terms)


def test_class_membership_is_drug_lexicon_data():
    rows = {r["canonical"]: r for r in read_jsonl("drugs.jsonl")}
    assert rows["epirubicin"]["subclass"] == "anthracycline"
    assert rows["nab-paclitaxel"]["subclass"] == "taxane"
    assert all(r.get("subclass", "") in ("", "anthracycline", "taxane") for r in rows.values())
    assert load_lexicons().drugs.class_members == {
        "anthracycline": frozenset({"doxorubicin", "epirubicin", "pirarubicin"}),
        "taxane": frozenset({"docetaxel", "nab-paclitaxel", "paclitaxel"}),
    }


# TRAIN-2 (van Ramshorst et al., Lancet Oncol 2018): the groups named by the anthracycline class
TRAIN2 = (
    "Patients were randomly assigned (1:1) to receive three cycles of fluorouracil, epirubicin, "
    "and cyclophosphamide (FEC) followed by six cycles of paclitaxel, trastuzumab, and "
    "carboplatin (PTC), or nine cycles of PTC; all patients received pertuzumab concurrently "
    "with trastuzumab. 438 patients were randomly assigned to the anthracycline group (n=219) or "
    "the non-anthracycline group (n=219). A pCR was recorded in 148 (67%) of 219 patients in "
    "the anthracycline group and 149 (68%) of 219 in the non-anthracycline group (p=0.95)."
)


def test_the_registry_reads_class_groups_from_the_lexicon_it_is_given(nlp):
    state = nlp(TRAIN2)._.her2
    sentences = [tuple(x) for x in state["sentences"]]
    drugs, low = _hits(state, "drugs"), lower_same_length(TRAIN2)
    with_classes = build_registry(TRAIN2, sentences, drugs, low)
    without = build_registry(TRAIN2, sentences, drugs, low, class_members={})
    holding = [a for a in with_classes.arms if "anthracycline" in a.labels]
    assert [a.drugs for a in holding] == [
        ["carboplatin", "cyclophosphamide", "epirubicin", "fluorouracil", "paclitaxel",
         "pertuzumab", "trastuzumab"]
    ]  # fmt: skip
    # with no class data, "the anthracycline group" stays a drugless arm of its own
    assert not any(a.drugs and "anthracycline" in a.labels for a in without.arms)


def test_schwartz_hearst_letters_are_one_shared_test():
    long = "triple-negative breast cancer"
    assert letters_in_order(list("tnbc"), long, starts_word(long)) == 0
    assert letters_in_order(list("xbc"), long, starts_word(long)) == -1
    # the first letter must start a word: "n" of "negative" does, "n" of "cancer" does not
    assert letters_in_order(list("nc"), long, starts_word(long)) == 7
    assert letters_in_order([], long, starts_word(long)) == len(long)
    # the trial recogniser's two readings keep their own first-letter rule
    assert _spells_words_before("TNBC", "in triple-negative breast cancer (TNBC)", 33)
    assert _abbreviates("DB-03", "DESTINY-Breast03")
    # "BC" spells "Breast Cancer" from a word start, but a trial's short form starts its name
    assert _spells_words_before("BC", "DESTINY Breast Cancer", 21)
    assert not _abbreviates("BC", "DESTINY-Breast Cancer")
