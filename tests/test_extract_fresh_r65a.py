"""Fresh round 65 (a): recaps and dose arms. Dose arms written with Lancet middle-dot decimals
("5·4 mg/kg or 6·4 mg/kg") and dose arms each after "at" ("at 5.4 mg/kg or at 6.4 mg/kg") were
not read; lettered arms defined in a follow-up report's recap ("We previously reported that
adding X (arm B) to Y (arm A) ...") were not read, and "adding X (arm B) or Z (arm C) to Y"
gave the added drugs alone; a bracketed population after a cohort's number ("cohort 1 (RAS
wild-type CRC) received ...") hid the cohorts' regimens; a title listing short forms that share
drugs ("TCbHP, THP and EC-THP regimens") defined one arm of their union; a biosimilar and its
reference product before a bare "with" partner lost the partner from one arm, and "the
biosimilar group" named no arm."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

from her2mine.extract.components import _hits
from her2mine.extract.regimens import group_regimens

TDXD = "trastuzumab deruxtecan"


def _text(title: str, body: str) -> str:
    return f"{title}\n\n{body}"


# --- dose arms with middle-dot decimals ------------------------------------------------------

LANCET_DOSES = _text(
    "Trastuzumab deruxtecan at two doses in HER2-positive gastric cancer",
    "Patients were randomly assigned to trastuzumab deruxtecan 5·4 mg/kg or 6·4 mg/kg every 3 "
    "weeks. The objective response rate was 37·8% in the 5·4 mg/kg group and 27·5% in the "
    "6·4 mg/kg group.",
)

AT_EACH_DOSE = _text(
    "Two doses of trastuzumab deruxtecan in HER2-positive breast cancer",
    "In this randomised phase 2 trial, 120 patients were randomly assigned (1:1) to receive "
    "trastuzumab deruxtecan at 5·4 mg/kg or at 6·4 mg/kg. Median progression-free survival was "
    "11·2 months (95% CI 8·3–14·0) with 5·4 mg/kg and 12·1 months (9·0–15·2) with 6·4 mg/kg. "
    "Interstitial lung disease occurred in 12·9% of patients in the 5·4 mg/kg arm and 28·0% in "
    "the 6·4 mg/kg arm.",
)

DOSE_EXPANSION = _text(
    "Trastuzumab deruxtecan dose expansion",
    "In the dose-expansion part, patients were randomly assigned to trastuzumab deruxtecan "
    "5·4 mg/kg or 6·4 mg/kg. The objective response rate was 37·8% in the 5·4 mg/kg cohort and "
    "27·5% in the 6·4 mg/kg cohort.",
)


def test_middle_dot_dose_arms_carry_the_regimen(nlp):
    """ "5·4 mg/kg or 6·4 mg/kg": dose arms, each value carries the regimen string."""
    rows = rows_of(nlp, LANCET_DOSES, P_ROW)
    assert arm_of(rows, 37.8) == TDXD
    assert arm_of(rows, 27.5) == TDXD


def test_dose_arms_each_after_at(nlp):
    """ "at 5·4 mg/kg or at 6·4 mg/kg": "at" may open each dose, not only the first."""
    rows = rows_of(nlp, AT_EACH_DOSE, P_ROW)
    for value in (11.2, 12.1, 12.9, 28.0):
        assert arm_of(rows, value) == TDXD


def test_middle_dot_dose_cohorts_of_dose_expansion_stay_null(nlp):
    """Negative: dose cohorts of a dose-expansion part are whole-population subsets."""
    rows = rows_of(nlp, DOSE_EXPANSION, P_ROW)
    assert arm_of(rows, 37.8) is None
    assert arm_of(rows, 27.5) is None


# --- lettered arms defined in a recap ------------------------------------------------------

RECAP_LETTERS = _text(
    "Event-free survival with pertuzumab and atezolizumab added to neoadjuvant trastuzumab and "
    "chemotherapy",
    "We previously reported that adding pertuzumab (arm B) or pertuzumab plus atezolizumab "
    "(arm C) to trastuzumab and chemotherapy (arm A) improved the pCR rate. Here we report "
    "event-free survival. The 3-year EFS was 88% in arm A, 91% in arm B and 92% in arm C.",
)

RECAP_GROUPS = _text(
    "Long-term outcomes of the addition of lapatinib to trastuzumab and paclitaxel",
    "We previously reported that the addition of lapatinib (group 2) to trastuzumab plus "
    "paclitaxel (group 1) increased the pCR rate. We now report long-term survival. The 5-year "
    "DFS rate was 80% in group 1 and 86% in group 2 (P = 0.04).",
)

RECAP_COHORTS = _text(
    "Overall survival update",
    "As previously reported, the addition of neratinib (cohort B) to trastuzumab and paclitaxel "
    "(cohort A) improved the pCR rate. Here we report overall survival: the 5-year OS was 90% in "
    "cohort A and 92% in cohort B.",
)

RANDOMISED_ADDITIONS = _text(
    "Trial",
    "Patients were randomly assigned to adding pertuzumab (arm B) or pertuzumab plus "
    "atezolizumab (arm C) to trastuzumab and chemotherapy (arm A). The 3-year EFS was 88% in "
    "arm A, 91% in arm B and 92% in arm C.",
)


def test_recap_defines_lettered_arms(nlp):
    """ "adding X (arm B) or X2 (arm C) to Y (arm A)" in a recap: A is Y (the unnamed
    chemotherapy left out), B and C are Y plus what each adds."""
    rows = rows_of(nlp, RECAP_LETTERS, P_ROW)
    assert arm_of(rows, 88.0) == "trastuzumab"
    assert arm_of(rows, 91.0) == "pertuzumab+trastuzumab"
    assert arm_of(rows, 92.0) == "atezolizumab+pertuzumab+trastuzumab"


def test_recap_defines_numbered_groups(nlp):
    """ "the addition of X (group 2) to Y (group 1)": group 2 is Y plus X."""
    rows = rows_of(nlp, RECAP_GROUPS, P_ROW)
    assert arm_of(rows, 80.0) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 86.0) == "lapatinib+paclitaxel+trastuzumab"


def test_as_previously_reported_recap_is_no_prior_therapy(nlp):
    """ "As previously reported, the addition of X": a recap, not a therapy given before."""
    rows = rows_of(nlp, RECAP_COHORTS, P_ROW)
    assert arm_of(rows, 90.0) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 92.0) == "neratinib+paclitaxel+trastuzumab"


def test_labelled_additions_in_a_randomisation_join_the_backbone(nlp):
    """In a randomisation sentence too, each labelled added regimen holds the backbone."""
    rows = rows_of(nlp, RANDOMISED_ADDITIONS, P_ROW)
    assert arm_of(rows, 91.0) == "pertuzumab+trastuzumab"
    assert arm_of(rows, 92.0) == "atezolizumab+pertuzumab+trastuzumab"


def test_previously_treated_stays_a_prior_therapy(nlp):
    """Negative: "previously treated with trastuzumab" still names the patients' history."""
    text = _text(
        "Lapatinib in pretreated disease",
        "Patients previously treated with trastuzumab were randomly assigned to lapatinib plus "
        "capecitabine (arm A) or capecitabine alone (arm B). The ORR was 22% in arm A and 14% "
        "in arm B.",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 22.0) == "capecitabine+lapatinib"
    assert arm_of(rows, 14.0) == "capecitabine"


def test_unlabelled_recap_defines_no_arms(nlp):
    """Negative: a recap whose regimens carry no group label defines no lettered arm."""
    text = _text(
        "Update",
        "We previously reported that adding pertuzumab to trastuzumab and docetaxel improved "
        "survival. Here, 5-year OS was 78% in arm A and 86% in arm B.",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 78.0) is None
    assert arm_of(rows, 86.0) is None


# --- a title listing short forms --------------------------------------------------------------

TITLE_LIST = _text(
    "Comparison of TCbHP, THP and EC-THP regimens as neoadjuvant therapy for HER2-positive breast "
    "cancer",
    "Methods: Patients received TCbHP (docetaxel, carboplatin, trastuzumab and pertuzumab), THP "
    "(docetaxel, trastuzumab and pertuzumab) or EC-THP (epirubicin and cyclophosphamide followed "
    "by docetaxel, trastuzumab and pertuzumab). Results: The pCR rate was 65.2% with TCbHP, "
    "48.1% with THP and 60.3% with EC-THP.",
)


def test_title_list_of_short_forms_defines_no_union_arm(nlp):
    """ "TCbHP, THP and EC-THP regimens": three arms, none the union of their drugs."""
    names = sorted(a.name for a in registry_of(nlp, TITLE_LIST).arms)
    assert names == [
        "carboplatin+docetaxel+pertuzumab+trastuzumab",
        "cyclophosphamide+docetaxel+epirubicin+pertuzumab+trastuzumab",
        "docetaxel+pertuzumab+trastuzumab",
    ]


def test_short_forms_sharing_drugs_are_listed_regimens(nlp):
    """ "TCbHP, THP and EC-THP" groups into three regimens, "THP" gaining no carboplatin."""
    doc = nlp(TITLE_LIST)
    title = TITLE_LIST.split("\n")[0]
    hits = [h for h in _hits(doc._.her2, "drugs") if h.end <= len(title)]
    regs = group_regimens(TITLE_LIST, hits)
    assert [TITLE_LIST[r.start : r.end] for r in regs] == ["TCbHP", "THP", "EC-THP"]
    assert regs[1].drugs == ["docetaxel", "pertuzumab", "trastuzumab"]


def test_short_forms_sharing_no_drug_still_join(nlp):
    """Negative: "EC and THP" (no drug shared) stays one sequential regimen."""
    text = _text("Neoadjuvant EC and THP", "Patients received EC and THP. The pCR rate was 58%.")
    hits = _hits(nlp(text)._.her2, "drugs")
    regs = group_regimens(text, [h for h in hits if h.end <= text.index("\n")])
    assert len(regs) == 1


# --- cohorts with a bracketed population -------------------------------------------------------

COHORT_BRACKETS = _text(
    "Trastuzumab deruxtecan in HER2-positive colorectal cancer (multicohort study)",
    "In this multicohort phase 2 study, cohort 1 (RAS/BRAF wild-type CRC) received trastuzumab "
    "deruxtecan plus bevacizumab; cohort 2 (RAS-mutant CRC) received trastuzumab deruxtecan "
    "alone. The objective response rate was 45% in cohort 1 and 28% in cohort 2.",
)

COHORT_BRACKETS_COUNTED = _text(
    "Tucatinib in HER2-positive solid tumours",
    "Cohort A (HER2-positive breast cancer, n = 40) received tucatinib plus trastuzumab, and "
    "cohort B (HER2-mutant lung cancer, n = 30) received tucatinib plus trastuzumab and "
    "capecitabine. Median progression-free survival was 8.1 months in cohort A and 5.4 months "
    "in cohort B.",
)


def test_cohort_with_population_bracket_is_an_arm(nlp):
    """ "cohort 1 (RAS wild-type) received A plus B; cohort 2 (...) received A alone": arms."""
    rows = rows_of(nlp, COHORT_BRACKETS, P_ROW)
    assert arm_of(rows, 45.0) == "bevacizumab+trastuzumab deruxtecan"
    assert arm_of(rows, 28.0) == TDXD


def test_cohort_bracket_with_a_count_is_an_arm(nlp):
    """A bracket with a population and a count: "Cohort A (..., n = 40) received"."""
    rows = rows_of(nlp, COHORT_BRACKETS_COUNTED, P_ROW)
    assert arm_of(rows, 8.1) == "trastuzumab+tucatinib"
    assert arm_of(rows, 5.4) == "capecitabine+trastuzumab+tucatinib"


def test_bracketed_dose_level_cohorts_stay_null(nlp):
    """Negative: cohorts of one drug at two doses (no randomisation) are dose levels."""
    text = _text(
        "Pyrotinib dose levels",
        "Cohort 1 (HER2-mutant NSCLC) received pyrotinib 320 mg and cohort 2 (HER2-amplified "
        "NSCLC) received pyrotinib 400 mg. The ORR was 30% in cohort 1 and 24% in cohort 2.",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 30.0) is None
    assert arm_of(rows, 24.0) is None


# --- biosimilar reference groups -----------------------------------------------------------------

TWIN_WITH = _text(
    "CT-P6 versus trastuzumab in early breast cancer",
    "Patients were randomised to receive CT-P6 or reference trastuzumab with neoadjuvant "
    "docetaxel. The pCR rate was 46.8% in the CT-P6 group and 50.4% in the reference group.",
)

TWIN_REFERENCE_PRODUCT = _text(
    "CT-P6 versus trastuzumab in early breast cancer",
    "Patients were randomised to receive CT-P6 or the reference product trastuzumab with "
    "neoadjuvant docetaxel. The pCR rate was 46.8% in the CT-P6 group and 50.4% in the "
    "reference product group.",
)

BIOSIMILAR_GROUP = _text(
    "Biosimilar",
    "Patients were randomised to the biosimilar MYL-1401O or reference trastuzumab, each with "
    "docetaxel. The ORR at week 24 was 69.6% in the biosimilar group and 64.0% in the reference "
    "group.",
)


def test_bare_with_partner_joins_biosimilar_twins(nlp):
    """ "CT-P6 or reference trastuzumab with docetaxel": both arms hold docetaxel."""
    rows = rows_of(nlp, TWIN_WITH, P_ROW)
    assert arm_of(rows, 46.8) == "docetaxel+trastuzumab"
    assert arm_of(rows, 50.4) == "docetaxel+trastuzumab"


def test_reference_product_group_after_the_reference_product(nlp):
    """ "or the reference product trastuzumab with C": "the reference product group" is C +
    trastuzumab, as the biosimilar's arm."""
    rows = rows_of(nlp, TWIN_REFERENCE_PRODUCT, P_ROW)
    assert arm_of(rows, 46.8) == "docetaxel+trastuzumab"
    assert arm_of(rows, 50.4) == "docetaxel+trastuzumab"


def test_biosimilar_group_of_twin_arms(nlp):
    """ "the biosimilar group" of a biosimilar design names the twins' one regimen."""
    rows = rows_of(nlp, BIOSIMILAR_GROUP, P_ROW)
    assert arm_of(rows, 69.6) == "docetaxel+trastuzumab"
    assert arm_of(rows, 64.0) == "docetaxel+trastuzumab"


def test_same_drug_written_twice_is_an_add_on_design(nlp):
    """Negative: "trastuzumab or trastuzumab with pertuzumab" (one writing, no product code
    or reference word) adds pertuzumab to one arm only."""
    text = _text(
        "Pertuzumab added to trastuzumab",
        "Patients were randomly assigned to trastuzumab or trastuzumab with pertuzumab. The ORR "
        "was 40% in the control arm and 55% in the pertuzumab arm.",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 40.0) == "trastuzumab"
    assert arm_of(rows, 55.0) == "pertuzumab+trastuzumab"
