"""Abstracts outside the gold set (BOLERO-3, CEREBEL, NSABP B-47, ALTERNATIVE), each checking
one reading that went wrong on them: a design with "daily", a sponsor's study number, a trial
named only at the start of the title, a "chemotherapy-alone arm", a drug class defined by its
initials ("aromatase inhibitor (AI)") and two arms compared in prose before a "11 v 5.6" pair."""

from __future__ import annotations

import pytest

from her2mine.extract.drugs.codes import code_hits
from her2mine.extract.drugs.definitions import class_abbreviation_hits, defined_abbreviations
from her2mine.extract.drugs.find import find_drugs
from her2mine.extract.drugs.lexical import class_hits
from her2mine.extract.lexicon import load_lexicons
from her2mine.extract.trials import find_trials

BOLERO3 = (
    "Everolimus plus trastuzumab and vinorelbine (BOLERO-3): a randomised phase 3 trial\n\n"
    "Patients were randomly assigned (1:1) to daily everolimus (5 mg/day) plus weekly "
    "trastuzumab (2 mg/kg) and vinorelbine (25 mg/m²) or to placebo plus trastuzumab plus "
    "vinorelbine. Median progression-free survival was 7·00 months (95% CI 6·74–8·18) with "
    "everolimus and 5·78 months (5·62–6·87) with placebo (hazard ratio 0·78 [95% CI "
    "0·65–0·95]; p=0·0067)."
)
CEREBEL = (
    "CEREBEL (EGF111438): A Phase III, Randomized, Open-Label Study of Lapatinib Plus "
    "Capecitabine Versus Trastuzumab Plus Capecitabine\n\n"
    "Patients were randomly assigned to receive lapatinib-capecitabine or "
    "trastuzumab-capecitabine. Median PFS was 6.6 months with lapatinib-capecitabine and 8.1 "
    "months with trastuzumab-capecitabine (hazard ratio, 1.30; 95% CI, 1.04 to 1.64)."
)
B47 = (
    "Trastuzumab plus adjuvant chemotherapy for HER2-low breast cancer (NSABP B-47)\n\n"
    "Patients were randomly assigned to chemotherapy with or without 1 year of trastuzumab. "
    "Five-year invasive disease-free survival was 89.8% in the chemotherapy plus trastuzumab "
    "arm vs 89.2% in the chemotherapy-alone arm (hazard ratio, 0.98; 95% CI, 0.76 to 1.25; "
    "P = .85)."
)


def medians(ext) -> dict[float, str | None]:
    return {o.value: o.arm for o in ext.outcomes if o.measure == "median"}


def test_a_daily_drug_opens_a_design_arm(extract):
    assert medians(extract(BOLERO3)) == {
        7.0: "everolimus+trastuzumab+vinorelbine",
        5.78: "trastuzumab+vinorelbine",
    }


def test_a_sponsor_study_number_is_not_a_drug_and_a_title_lead_names_the_trial(extract):
    ext = extract(CEREBEL)
    assert ext.drugs == ["capecitabine", "lapatinib", "trastuzumab"]
    assert ext.trials == ["CEREBEL"]
    assert medians(ext) == {6.6: "capecitabine+lapatinib", 8.1: "capecitabine+trastuzumab"}


@pytest.mark.parametrize("number", ["EGF111438", "BO17929", "WO20697", "TDM4450g"])
def test_study_numbers_are_not_sponsor_codes(number):
    text = f"Patients received trastuzumab in study {number} at a dose of 6 mg/kg."
    assert code_hits(text, load_lexicons().drugs, [(0, len(text))]) == []


@pytest.mark.parametrize(
    ("title", "trials"),
    [
        ("HERNATA: a randomised phase III trial of docetaxel or vinorelbine", ["HERNATA"]),
        ("CEREBEL (EGF111438): A Phase III, Randomized Study", ["CEREBEL"]),
        # a drug, a target or a word in mixed case opening a title is not a trial
        ("T-DXd: a phase 2 study in HER2-low disease", []),
        ("HER2: a review of the randomized trials", []),
        ("Tucatinib: a randomized study", []),
        # no design word in the title line
        ("PRIME: an overview of HER2 biology", []),
    ],
)
def test_a_trial_named_at_the_start_of_the_title(title, trials):
    hits = find_trials(title + "\n\nText.", load_lexicons().trials)
    assert [h.canonical for h in hits] == trials


@pytest.mark.parametrize(
    ("title", "trials"),
    [
        (
            "Phase III, Randomized Study of Lapatinib Plus Trastuzumab in Combination With an "
            "Aromatase Inhibitor in Metastatic Breast Cancer: ALTERNATIVE",
            ["ALTERNATIVE"],
        ),
        ("A randomized trial of trastuzumab: PRIME.", ["PRIME"]),
        # no design word before the name, a common acronym, a drug, a mixed-case word
        ("Trastuzumab in metastatic breast cancer: HERNATA", []),
        ("A randomized trial of neratinib: HER2", []),
        ("A randomized study in HER2-positive disease: T-DXd", []),
        ("A randomized study of lapatinib: Results", []),
        # the name must close the title line, not a later line
        ("A randomized trial of neratinib\n\nAims: SAFETY", []),
    ],
)
def test_a_trial_named_at_the_end_of_the_title(title, trials):
    hits = find_trials(title + "\n\nText.", load_lexicons().trials)
    assert [h.canonical for h in hits] == trials


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        (
            "Subcutaneous versus intravenous trastuzumab (HannaH study): a phase 3, open-label, "
            "multicentre, randomised trial",
            ["HannaH"],
        ),
        ("LUX-Breast 1: randomized, phase III trial of afatinib and vinorelbine", ["LUX-Breast 1"]),
        ("In LUX-Breast-2, afatinib was given after trastuzumab.", ["LUX-Breast-2"]),
        ("The luminal subtype (LUX) and breast tumours", []),
    ],
)
def test_trial_names_with_a_study_word_in_the_bracket_and_lux_breast(text, trials):
    hits = find_trials(text + "\n\nText.", load_lexicons().trials)
    assert [h.canonical for h in hits] == trials


BCIRG006 = (
    "Adjuvant Trastuzumab in HER2-Positive Breast Cancer\n\n"
    "We randomly assigned 3222 women with HER2-positive early-stage breast cancer to receive "
    "doxorubicin and cyclophosphamide followed by docetaxel every 3 weeks (AC-T), the same regimen "
    "plus 52 weeks of trastuzumab (AC-T plus trastuzumab), or docetaxel and carboplatin plus 52 "
    "weeks of trastuzumab (TCH). The estimated disease-free survival rates at 5 years were 75% "
    "among patients receiving AC-T, 84% among those receiving AC-T plus trastuzumab, and 81% among "
    "those receiving TCH."
)


def test_a_regimen_short_form_after_its_schedule(extract):
    # "docetaxel every 3 weeks (AC-T)": the bracket names the chain before the schedule, so
    # AC-T keeps doxorubicin (which its initials do not spell)
    rates = {o.value: o.arm for o in extract(BCIRG006).outcomes if o.measure == "rate"}
    assert rates == {
        75.0: "cyclophosphamide+docetaxel+doxorubicin",
        84.0: "cyclophosphamide+docetaxel+doxorubicin+trastuzumab",
        81.0: "carboplatin+docetaxel+trastuzumab",
    }


@pytest.mark.parametrize(
    "text",
    [
        # the bracket names the schedule, not the drug
        "Patients received docetaxel every 3 weeks (Q3W). Q3W dosing was well tolerated.",
        # words between the drug and the bracket that are not a schedule
        "Patients received docetaxel in the Breast Cancer Group (BCG). BCG sites enrolled.",
    ],
)
def test_a_bracket_after_a_schedule_defines_no_drug_when_it_names_something_else(text):
    hits = find_drugs(text, load_lexicons().drugs, [(0, len(text))])
    assert [h.text for h in hits if h.drugs] == ["docetaxel"]


CLASS_LABELS = (
    "Anthracycline-free neoadjuvant therapy\n\n"
    "Patients were randomly assigned to epirubicin and cyclophosphamide every 3 weeks followed by "
    "docetaxel every 3 weeks (anthracycline group) or docetaxel and carboplatin every 3 weeks "
    "(non-anthracycline group). Both groups received trastuzumab every 3 weeks for 1 year. "
    "Patients were randomly assigned to the anthracycline group (n=110) or the non-anthracycline "
    "group (n=108). The pCR rate was 56.1% in the anthracycline group and 54.0% in the "
    "non-anthracycline group."
)


def test_a_class_label_after_a_schedule_names_the_arm_and_both_groups_get_the_backbone(extract):
    rates = {o.value: o.arm for o in extract(CLASS_LABELS).outcomes if o.measure == "rate"}
    assert rates == {
        56.1: "cyclophosphamide+docetaxel+epirubicin+trastuzumab",
        54.0: "carboplatin+docetaxel+trastuzumab",
    }


def test_a_drug_named_in_a_later_sentence_about_both_groups_is_not_always_given_to_them(extract):
    text = (
        "Pyrotinib or lapatinib\n\nPatients were randomly assigned to pyrotinib plus capecitabine "
        "or lapatinib plus capecitabine. Both groups were similar in prior trastuzumab exposure. "
        "The ORR was 67.2% in the pyrotinib group and 51.5% in the lapatinib group."
    )
    rates = {o.value: o.arm for o in extract(text).outcomes if o.measure == "rate"}
    assert rates == {67.2: "capecitabine+pyrotinib", 51.5: "capecitabine+lapatinib"}


def test_median_abbreviations_and_equals_sign_ratios(extract):
    # ESMO/Chinese-congress style: "mPFS", "mOS", "HR=0.41, 95% CI: 0.32-0.53, p<0.0001"
    text = (
        "PHILA\n\nPatients were randomly assigned to pyrotinib or placebo, both in combination "
        "with trastuzumab and docetaxel. Investigator-assessed mPFS was 24.3 months (95% CI: "
        "19.1-33.0) in the pyrotinib group vs 10.4 months in the placebo group (HR=0.41, 95% CI: "
        "0.32-0.53, p<0.0001). The mOS was not reached in either group."
    )
    rows = {(o.endpoint, o.measure, o.value) for o in extract(text).outcomes}
    assert {("PFS", "median", 24.3), ("PFS", "median", 10.4), ("PFS", "HR", 0.41)} <= rows


def test_a_chemotherapy_alone_arm_is_not_the_other_arm(extract):
    rates = {o.value: o.arm for o in extract(B47).outcomes if o.measure == "rate"}
    assert rates == {89.8: "trastuzumab", 89.2: None}


ALTERNATIVE = (
    "Dual HER2 blockade with lapatinib plus trastuzumab in combination with an aromatase "
    "inhibitor: ALTERNATIVE\n\n"
    "Patients were randomly assigned 1:1:1 to receive lapatinib plus trastuzumab plus an "
    "aromatase inhibitor (AI), trastuzumab plus AI, or lapatinib plus AI. Lapatinib plus "
    "trastuzumab plus AI showed superior PFS benefit versus trastuzumab plus AI (median PFS, 11 "
    "v 5.6 months; hazard ratio, 0.62; 95% CI, 0.45 to 0.88; P = .0064). Median PFS with "
    "lapatinib plus AI was 8.3 months (hazard ratio v trastuzumab plus AI, 0.71; 95% CI, 0.51 "
    "to 0.98; P = .0361)."
)


def test_three_arms_sharing_a_class_defined_by_its_initials(extract):
    assert medians(extract(ALTERNATIVE)) == {
        11.0: "lapatinib+trastuzumab",
        5.6: "trastuzumab",
        8.3: "lapatinib",
    }


def test_a_class_short_form_is_that_class_wherever_it_is_used():
    text = "plus an aromatase inhibitor (AI), or trastuzumab plus AI; AIs and AI-based therapy."
    long_form = (text.index("aromatase"), text.index(" (AI)"))
    found = class_abbreviation_hits(text, class_hits(text), [("AI", *long_form)])
    # the defining "(AI)" and a word that only contains it ("AIs") are not mentions
    assert [(h.text, h.start, h.canonical) for h in found] == [
        ("AI", text.index("plus AI") + 5, "aromatase inhibitor"),
        ("AI", text.index("AI-based"), "aromatase inhibitor"),
    ]


@pytest.mark.parametrize(
    ("text", "defined"),
    [
        # the short form spells the class's initials: it names the class, not the chain
        ("lapatinib plus trastuzumab plus an aromatase inhibitor (AI)", {}),
        # ... and a drug's initials name that drug only
        ("pertuzumab plus trastuzumab emtansine (TE)", {"TE": ["trastuzumab emtansine"]}),
        # otherwise the chain before the bracket is what it defines
        ("pyrotinib plus capecitabine (PyroCap)", {"PyroCap": ["capecitabine", "pyrotinib"]}),
    ],
)
def test_a_bracket_defines_the_mention_whose_initials_it_spells(text, defined):
    hits = find_drugs(text, load_lexicons().drugs, [(0, len(text))])
    assert defined_abbreviations(text, hits) == defined


KAITLIN = (
    "Adjuvant T-DM1 plus pertuzumab versus taxane plus trastuzumab and pertuzumab: KAITLIN\n\n"
    "KAITLIN evaluated whether replacing taxane plus trastuzumab with trastuzumab emtansine "
    "(T-DM1) reduces toxicity. After anthracycline-based chemotherapy, patients were randomly "
    "assigned 1:1 to taxane plus trastuzumab and pertuzumab (AC-THP) or T-DM1 plus pertuzumab "
    "(AC-KP). The 3-year invasive disease-free survival rate was 94.1% with AC-THP and 94.2% "
    "with AC-KP in the overall population."
)


def test_a_bracket_restating_the_last_drug_defines_that_drug_only(extract):
    # "trastuzumab with trastuzumab emtansine (T-DM1)": T-DM1 is the lexicon's name for the
    # last mention, not a short form for the chain "trastuzumab with trastuzumab emtansine".
    rates = {o.value: o.arm for o in extract(KAITLIN).outcomes}
    assert rates == {94.1: "pertuzumab+trastuzumab", 94.2: "pertuzumab+trastuzumab emtansine"}


@pytest.mark.parametrize(
    ("text", "short", "drugs"),
    [
        # the bracket names the chain, not a lexicon term of its last drug
        ("docetaxel plus trastuzumab (TH)", "TH", ["docetaxel", "trastuzumab"]),
        # a lexicon term naming more than the last drug keeps the chain reading
        ("pertuzumab plus trastuzumab (PH)", "PH", ["pertuzumab", "trastuzumab"]),
    ],
)
def test_a_bracket_that_does_not_restate_the_last_drug_reads_the_chain(text, short, drugs):
    hits = find_drugs(text, load_lexicons().drugs, [(0, len(text))])
    assert defined_abbreviations(text, hits)[short] == drugs


@pytest.mark.parametrize(
    ("sentence", "endpoint"),
    [
        # FinHER: recurrence-free survival is its own end point ...
        ("Recurrence-free survival at 3 years was 89% vs. 78% (hazard ratio, 0.42).", "RFS"),
        ("The 3-year relapse-free survival rate was 89% vs. 78% (hazard ratio, 0.42).", "RFS"),
        ("The 3-year RFS was 89% vs. 78% (hazard ratio, 0.42).", "RFS"),
        ("The 3-year disease-free survival was 89% vs. 78% (hazard ratio, 0.42).", "DFS"),
    ],
)
def test_recurrence_free_survival_is_rfs(extract, sentence, endpoint):
    ext = extract("A trial\n\nResults " + sentence)
    assert {(o.endpoint, o.measure) for o in ext.outcomes} == {(endpoint, "rate"), (endpoint, "HR")}


def test_distant_recurrence_free_survival_is_not_rfs(extract):
    # ... but distant recurrence-free survival (DRFS) is another one, outside the contract
    ext = extract("A trial\n\nResults Distant recurrence-free survival at 3 years was 89% vs. 78%.")
    assert ext.outcomes == []


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        ("Final Results of NCIC CTG MA.31.", ["MA.31"]),
        ("the CCTG MA.32 trial and MA.17R", ["MA.32"]),  # MA.17R: not a name as written
        ("Boston, MA. 31 patients were enrolled.", []),
        ("MA.311 and DMA.31 and MA.x", []),
    ],
)
def test_canadian_ma_trials(text, trials):
    hits = find_trials(text, load_lexicons().trials)
    assert [h.canonical for h in hits] == trials


@pytest.mark.parametrize("sided", ["2-sided", "two-sided", "two sided", "one sided", "1-sided"])
def test_a_sided_ci_or_p_after_a_ratio_is_the_ratios(extract, sided):
    # SOLD: "(hazard ratio, 1.39; 2-sided 90% CI, 1.12-1.72)"; PHILA: "one sided P<0.001"
    ext = extract(f"A trial\n\nResults DFS: hazard ratio, 1.39; {sided} 90% CI, 1.12-1.72.")
    [hr] = [o for o in ext.outcomes if o.measure == "HR"]
    assert (hr.ci_low, hr.ci_high) == (1.12, 1.72)
    ext = extract(
        f"A trial\n\nResults PFS: hazard ratio 0.41, 95% CI 0.32 to 0.53; {sided} P<0.001."
    )
    [hr] = [o for o in ext.outcomes if o.measure == "HR"]
    assert hr.p == "<0.001"


def test_cardiac_failure_is_an_adverse_event(extract):
    # SOLD, NOAH: "Cardiac failure occurred in 2% ...", "two patients (2%) developed symptomatic
    # cardiac failure"
    ext = extract(
        "A trial\n\nResults Cardiac failure occurred in 2% of patients. Only two patients (3%) "
        "developed symptomatic cardiac failure."
    )
    assert [(o.endpoint, o.measure, o.value) for o in ext.outcomes] == [
        ("AE", "incidence", 2.0),
        ("AE", "incidence", 3.0),
    ]
