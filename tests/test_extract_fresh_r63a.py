"""Fresh round 63 (a): arm lists and durations. Four design wordings left values without their
arm. Lettered arms written with a comma after the label ("arm A, paclitaxel plus ...; arm B,
docetaxel ...") defined no arm, as the colon style does. A day range inside a dosed drug list
("capecitabine ... on days 1-14 and trastuzumab") swallowed the "and" that joins the next drug,
so the list's first drugs lost their arm. Durations written after the regimen ("A for a total
of 12 months (12-month arm) or 6 months (6-month arm)") set no duration groups, so "in both
arms" had arm null and "A, with A continued for 12 months (long arm) or 6 months (short arm)"
made a second arm of the continued drug. A group label after the regimen's short form in one
bracket ("(THP; chemotherapy group)", "(PCb-HP; platinum group)") named no arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, arms_with, registry_of, rows_of

from her2mine.extract.arms.lettered import _comma_labels
from her2mine.extract.components import _hits
from her2mine.extract.regimens import gap_kind

PTP = "paclitaxel+pertuzumab+trastuzumab"
TCHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"
KP = "pertuzumab+trastuzumab emtansine"

# 1. Lettered arms with a comma after the label, in a ";" list.

LETTERED_COMMA = (
    "Taxane or T-DM1 regimens with pertuzumab\n\n"
    "Patients were randomly assigned to arm A, paclitaxel plus trastuzumab and pertuzumab; arm "
    "B, docetaxel, carboplatin, trastuzumab and pertuzumab; or arm C, T-DM1 plus pertuzumab. "
    "The pCR rate was 56% in arm A. The pCR rate in arm B: 62%. The pCR rate was 44% (arm C)."
)

NUMBERED_COMMA = (
    "Dual HER2 blockade\n\n"
    "Patients were randomised to group 1, docetaxel and trastuzumab; group 2, docetaxel, "
    "trastuzumab and pertuzumab. The objective response rate was 70% in group 1 and 80% in "
    "group 2 (P = 0.04)."
)

COHORT_COMMA = (
    "Trastuzumab deruxtecan with or without pertuzumab\n\n"
    "In this phase II study, patients were randomly assigned to cohort A, trastuzumab "
    "deruxtecan; or cohort B, trastuzumab deruxtecan plus pertuzumab. Median progression-free "
    "survival was 12.4 months in cohort A and 18.1 months in cohort B (HR 0.62; 95% CI "
    "0.45-0.86)."
)


def test_comma_lettered_arms_are_arms(nlp):
    """ "arm A, X; arm B, Y; or arm C, Z": each letter names its regimen, whether the value
    says "in arm A", "arm B: 62%" or "(arm C)"."""
    rows = rows_of(nlp, LETTERED_COMMA, ARM_ROW)
    assert arm_of(rows, 56.0) == PTP
    assert arm_of(rows, 62.0) == TCHP
    assert arm_of(rows, 44.0) == KP


def test_comma_numbered_groups_are_arms(nlp):
    """ "group 1, X; group 2, Y": the numbers name the arms; the compared rates keep their P."""
    rows = rows_of(nlp, NUMBERED_COMMA, P_ROW)
    assert ("ORR", "rate", 70.0, "0.04", "docetaxel+trastuzumab") in rows
    assert ("ORR", "rate", 80.0, "0.04", "docetaxel+pertuzumab+trastuzumab") in rows


def test_comma_lettered_cohorts_are_arms(nlp):
    """ "cohort A, X; or cohort B, Y": the cohorts' medians take their regimens, the HR none."""
    rows = rows_of(nlp, COHORT_COMMA, ARM_ROW)
    assert arm_of(rows, 12.4) == "trastuzumab deruxtecan"
    assert arm_of(rows, 18.1) == "pertuzumab+trastuzumab deruxtecan"
    assert arm_of(rows, 0.62) is None


def _comma_label_letters(nlp, text: str, sentence_start: str) -> list[str]:
    """The labels ``_comma_labels`` reads in the sentence of ``text`` opening with
    ``sentence_start``."""
    hits = _hits(nlp(text)._.her2, "drugs")
    s = text.index(sentence_start)
    e = text.index(".", s) + 1
    return [m.group(1) for m in _comma_labels(text, s, e, hits)]


def test_comma_list_labels_are_read(nlp):
    """The list's labels, one per entry."""
    assert _comma_label_letters(nlp, NUMBERED_COMMA, "Patients") == ["1", "2"]


def test_in_arm_clauses_make_no_list(nlp):
    """Negative: "In arm A, trastuzumab alone was continued; in arm B, ..." are clauses about
    arms, not a list defining them (arm A would be trastuzumab alone)."""
    text = (
        "Patients were randomly assigned to arm A or arm B. In arm A, trastuzumab alone was "
        "continued after surgery; in arm B, trastuzumab and pertuzumab were continued."
    )
    assert _comma_label_letters(nlp, text, "In arm A") == []


def test_entries_opening_with_a_subject_make_no_list(nlp):
    """Negative: "arm A, patients received X; arm B, patients received Y" says what each arm
    received in clauses of their own, not the list's regimen-first entries."""
    text = (
        "Two arms were compared: arm A, patients received trastuzumab after paclitaxel; arm B, "
        "patients received trastuzumab with paclitaxel."
    )
    assert _comma_label_letters(nlp, text, "Two arms") == []


# 2. A day range inside a dosed, comma-joined drug list.

DAYS_RANGE = (
    "Pyrotinib, capecitabine and trastuzumab\n\n"
    "Patients were randomly assigned to pyrotinib 400 mg once daily, capecitabine 1000 mg/m2 "
    "twice daily on days 1-14 and trastuzumab 8 mg/kg then 6 mg/kg every 3 weeks (triplet "
    "group) or capecitabine and trastuzumab (doublet group). Median PFS was 11.2 months in the "
    "triplet group and 6.9 months in the doublet group (HR 0.51, 95% CI 0.36-0.72; P<0.001)."
)

DAYS_LIST = (
    "Neratinib with weekly paclitaxel and trastuzumab\n\n"
    "Patients were randomly assigned to neratinib 240 mg daily, paclitaxel 80 mg/m2 on days 1, "
    "8 and 15 and trastuzumab 2 mg/kg weekly (neratinib group) or paclitaxel and trastuzumab "
    "(control group). The ORR was 61% in the neratinib group and 52% in the control group."
)

DAYS_EN_DASH = (
    "Lapatinib, capecitabine and trastuzumab\n\n"
    "Patients were randomized to lapatinib 1250 mg daily, capecitabine 1000 mg/m2 twice daily "
    "on days 1–14 and trastuzumab (LCH arm) or capecitabine plus trastuzumab (CH arm). The ORR "
    "was 58% in the LCH arm and 41% in the CH arm."
)


def test_day_range_keeps_the_dosed_list_one_arm(nlp):
    """ "X 400 mg once daily, Y ... on days 1-14 and Z ... (triplet group)": all three drugs."""
    rows = rows_of(nlp, DAYS_RANGE, ARM_ROW)
    assert arm_of(rows, 11.2) == "capecitabine+pyrotinib+trastuzumab"
    assert arm_of(rows, 6.9) == "capecitabine+trastuzumab"


def test_day_list_keeps_the_dosed_list_one_arm(nlp):
    """ "paclitaxel ... on days 1, 8 and 15 and trastuzumab ...": trastuzumab stays in the arm."""
    rows = rows_of(nlp, DAYS_LIST, ARM_ROW)
    assert arm_of(rows, 61.0) == "neratinib+paclitaxel+trastuzumab"
    assert arm_of(rows, 52.0) == "paclitaxel+trastuzumab"


def test_en_dash_day_range_keeps_the_dosed_list_one_arm(nlp):
    """ "on days 1–14 and trastuzumab" (an en dash) joins as "days 1-14 and" does."""
    rows = rows_of(nlp, DAYS_EN_DASH, ARM_ROW)
    assert arm_of(rows, 58.0) == "capecitabine+lapatinib+trastuzumab"


def test_day_schedules_leave_the_joiner():
    """The day phrase is removed from the gap, the "and" after it still joins; a day list is
    still a schedule ("on days 1, 8, and 15 plus": strong, as before)."""
    assert gap_kind(" 1000 mg/m2 twice daily on days 1-14 and ") == "weak"
    assert gap_kind(" 80 mg/m2 on days 1, 8 and 15 and ") == "weak"
    assert gap_kind(" on day 1 and ") == "weak"
    assert gap_kind(" 80 mg/m2 on days 1, 8, and 15 plus ") == "strong"
    assert gap_kind(" on days 1 through 14, ") == "comma"


# 3. Durations written after the regimen.

DURATIONS_AFTER = (
    "Six versus twelve months of adjuvant trastuzumab\n\n"
    "Patients were randomly assigned to trastuzumab with docetaxel and carboplatin for a total "
    "of 12 months (12-month arm) or 6 months (6-month arm). The 3-year DFS rate was 92.1% in "
    "the 12-month arm and 90.5% in the 6-month arm (HR 1.12; 95% CI 0.80-1.57). Cardiac "
    "dysfunction occurred in 3.1% of patients in both arms."
)

CONTINUED_FOR = (
    "Shorter trastuzumab after TCH\n\n"
    "Patients were randomly assigned to receive docetaxel, carboplatin and trastuzumab, with "
    "trastuzumab continued for 12 months (long arm) or 6 months (short arm). The 5-year DFS "
    "rate was 88.0% with 12 months of trastuzumab and 86.5% with 6 months."
)

YEAR_VERSUS_WEEKS = (
    "Nine weeks versus one year of trastuzumab\n\n"
    "Patients were randomized to paclitaxel and trastuzumab for 1 year (1-year group) versus 9 "
    "weeks (9-week group). The 5-year DFS rate was 91.0% in the 1-year group and 89.4% in the "
    "9-week group. Grade 3 or higher neutropenia occurred in 12% of patients in both groups."
)

TCH = "carboplatin+docetaxel+trastuzumab"


def test_durations_after_the_regimen_are_two_groups_of_it(nlp):
    """ "A for a total of 12 months (12-month arm) or 6 months (6-month arm)": both groups
    carry A; "in both arms" is one row per group; the HR has none."""
    rows = rows_of(nlp, DURATIONS_AFTER, ARM_ROW)
    assert arm_of(rows, 92.1) == TCH
    assert arm_of(rows, 90.5) == TCH
    assert arm_of(rows, 1.12) is None
    assert arms_with(rows, 3.1) == [TCH, TCH]


def test_continued_drug_is_no_arm_of_its_own(nlp):
    """ "A, B and C, with C continued for 12 months (long arm) or 6 months (short arm)": one
    regimen in two duration groups, so "with 12 months of C" and "with 6 months" take it."""
    reg = registry_of(nlp, CONTINUED_FOR)
    assert [a.name for a in reg.arms] == [TCH]
    rows = rows_of(nlp, CONTINUED_FOR, ARM_ROW)
    assert arm_of(rows, 88.0) == TCH
    assert arm_of(rows, 86.5) == TCH


def test_year_versus_weeks_groups_share_every_arm_values(nlp):
    """ "for 1 year (1-year group) versus 9 weeks (9-week group)": "in both groups" gives a row
    per group, each the regimen."""
    rows = rows_of(nlp, YEAR_VERSUS_WEEKS, ARM_ROW)
    assert arm_of(rows, 89.4) == "paclitaxel+trastuzumab"
    assert arms_with(rows, 12.0) == ["paclitaxel+trastuzumab"] * 2


def test_durations_after_an_alternative_keep_the_other_arm(nlp):
    """Negative: "A alone or A with B for 12 months (long arm) or 6 months (short arm)"
    compares drugs too: A alone stays an arm of its own."""
    text = (
        "Patients were randomly assigned to docetaxel alone or docetaxel with trastuzumab for "
        "12 months (long arm) or 6 months (short arm). The DFS rate was 80.2% with docetaxel "
        "alone and 88.1% in the long arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 80.2) == "docetaxel"
    assert arm_of(rows, 88.1) == "docetaxel+trastuzumab"


# 4. A group label after the regimen's short form in one bracket.

LABEL_AFTER_SHORT_FORM = (
    "Chemotherapy or endocrine therapy with dual HER2 blockade\n\n"
    "Patients were randomly assigned to docetaxel, trastuzumab and pertuzumab (THP; "
    "chemotherapy group) or letrozole, trastuzumab and pertuzumab (ET-HP, endocrine group). The "
    "pCR rate was 42% in the chemotherapy group and 24% in the endocrine group."
)

LABEL_AFTER_CODE = (
    "Chemotherapy or endocrine therapy with dual HER2 blockade\n\n"
    "Patients were randomly assigned to docetaxel, carboplatin, trastuzumab and pertuzumab "
    "(TCbHP; chemotherapy arm) or trastuzumab and pertuzumab plus letrozole (HPL; endocrine "
    "arm). The pCR rate was 40% in the chemotherapy arm and 22% in the endocrine arm."
)

LABEL_AFTER_UNKNOWN_HEAD = (
    "Platinum or anthracycline with dual HER2 blockade\n\n"
    "Patients were randomly assigned to paclitaxel, carboplatin, trastuzumab and pertuzumab "
    "(PCb-HP; platinum group) or epirubicin and cyclophosphamide followed by docetaxel, "
    "trastuzumab and pertuzumab (EC-THP; anthracycline group). The pCR rate was 65% in the "
    "platinum group and 58% in the anthracycline group."
)

THP = "docetaxel+pertuzumab+trastuzumab"
ET_HP = "letrozole+pertuzumab+trastuzumab"


def test_group_label_after_short_form_and_semicolon(nlp):
    """ "(THP; chemotherapy group)": the class word opens the label of the arm before."""
    rows = rows_of(nlp, LABEL_AFTER_SHORT_FORM, ARM_ROW)
    assert arm_of(rows, 42.0) == THP
    assert arm_of(rows, 24.0) == ET_HP


def test_arm_label_after_short_form(nlp):
    """ "(TCbHP; chemotherapy arm)": an "arm" label after the short form, as a "group" one."""
    rows = rows_of(nlp, LABEL_AFTER_CODE, ARM_ROW)
    assert arm_of(rows, 40.0) == TCHP
    assert arm_of(rows, 22.0) == ET_HP


def test_known_tail_of_an_unknown_short_form_is_no_arm(nlp):
    """ "(PCb-HP; platinum group)": "HP" is the tail of the arm's short form, not an arm of
    trastuzumab and pertuzumab that the label names."""
    rows = rows_of(nlp, LABEL_AFTER_UNKNOWN_HEAD, ARM_ROW)
    assert arm_of(rows, 65.0) == "carboplatin+paclitaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 58.0) == "cyclophosphamide+docetaxel+epirubicin+pertuzumab+trastuzumab"
    assert len(registry_of(nlp, LABEL_AFTER_UNKNOWN_HEAD).arms) == 2
