"""Fresh round 83a: designs and titles that hide the arms. Poster schedule notation ("125 mg
d1-21 q28d +") cut a "+" chain, so the first drug fell out of its arm; a randomised title's "A
Compared with A-B" kept the Methods' "A (C/T) with or without B (C/T+Tr)" from defining its
short forms; a title's "the duration of adjuvant A: ... 6 versus 12 months of A with B and C"
made A alone an arm beside A+B+C; a Background sentence that restated the one compared regimen
kept a pooled "shorter versus 12 months of A" from being a duration design."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

from her2mine.extract.regimens import gap_kind

# --- schedule notation inside a "+" chain --------------------------------------------------

PALBO = (
    "Palbociclib with trastuzumab and letrozole in older patients\n\n"
    "Pts aged ≥65 y with untreated HR+/HER2+ MBC were randomized 1:1 to palbociclib 125 mg "
    "d1-21 q28d + trastuzumab + letrozole (arm A) or trastuzumab + letrozole (arm B). mPFS was "
    "15.2 mo in arm A vs 8.4 mo in arm B (HR 0.57, 95% CI 0.39-0.83)."
)


def test_cycle_in_days_stays_with_its_drug(nlp):
    """ "palbociclib 125 mg d1-21 q28d + trastuzumab + letrozole (arm A)": one arm of three."""
    rows = rows_of(nlp, PALBO, ARM_ROW)
    assert arm_of(rows, 15.2) == "letrozole+palbociclib+trastuzumab"
    assert arm_of(rows, 8.4) == "letrozole+trastuzumab"


def test_poster_schedules_join_the_chain():
    """Day lists, cycles in days or weeks and "days 1-14" without "on" are schedules."""
    for gap in (
        " 125 mg d1-21 q28d + ",
        " 100 mg d1,8 q21d + ",
        " 1000 mg/m2 days 1-14 q3w + ",
        " 1000 mg/m2 bid d1-14 q21d plus ",
    ):
        assert gap_kind(gap) == "strong", gap


def test_bare_day_count_is_no_schedule():
    """Negative: "for 14 days and" is no schedule phrase before a joiner; a list still ends."""
    assert gap_kind(" for 14 days and ") is None
    assert gap_kind(" days 1-14, or ") is None


# --- a dashed title before a labelled with-or-without design -------------------------------

USC = (
    "Randomized Phase II Trial of Carboplatin–Paclitaxel Compared with "
    "Carboplatin–Paclitaxel–Trastuzumab in Advanced (Stage III–IV) or Recurrent Uterine Serous "
    "Carcinomas that Overexpress Her2/Neu\n\n"
    "Patients with HER2/neu-positive stage III–IV or recurrent uterine serous carcinoma were "
    "randomized to carboplatin–paclitaxel (C/T) for six cycles with or without trastuzumab "
    "(C/T+Tr), with trastuzumab continued as maintenance until progression or prohibitive "
    "toxicity. Median PFS was 8.0 months for C/T and 12.9 months for C/T+Tr (HR = 0.44; 90% CI "
    "0.26-0.76; P = 0.005)."
)


def test_restated_add_on_design_names_its_short_forms(nlp):
    """After the title's two arms, "A (C/T) with or without B (C/T+Tr)" names them."""
    rows = rows_of(nlp, USC, ARM_ROW)
    assert arm_of(rows, 8.0) == "carboplatin+paclitaxel"
    assert arm_of(rows, 12.9) == "carboplatin+paclitaxel+trastuzumab"
    assert {k: v.name for k, v in registry_of(nlp, USC).bare_forms.items()} == {
        "C/T": "carboplatin+paclitaxel",
        "C/T+Tr": "carboplatin+paclitaxel+trastuzumab",
    }


def test_add_on_after_other_arms_defines_nothing(nlp):
    """Negative: after a title of other arms ("A versus C"), the add-on design adds no arm."""
    text = USC.replace("Carboplatin–Paclitaxel–Trastuzumab", "Docetaxel–Trastuzumab")
    names = sorted(a.name for a in registry_of(nlp, text).arms)
    assert "carboplatin+paclitaxel+trastuzumab" not in names


# --- a duration title with a backbone ------------------------------------------------------

TCH = (
    "Hormone receptor status and the duration of adjuvant trastuzumab: an exploratory analysis "
    "of a randomised trial of 6 versus 12 months of trastuzumab with docetaxel and carboplatin\n\n"
    "Patients were randomised to TCH followed by trastuzumab for a total of 12 months or to TCH "
    "followed by trastuzumab for a total of 6 months. In HR-positive disease, the 5-year DFS was "
    "91.0% in the 12-month arm and 90.4% in the 6-month arm."
)
TCH_ARM = "carboplatin+docetaxel+trastuzumab"


def test_duration_topic_is_no_arm(nlp):
    """ "the duration of adjuvant A: ... 6 versus 12 months of A with B and C": one regimen."""
    assert [a.name for a in registry_of(nlp, TCH).arms] == [TCH_ARM]
    rows = rows_of(nlp, TCH, ARM_ROW)
    assert arm_of(rows, 91.0) == TCH_ARM
    assert arm_of(rows, 90.4) == TCH_ARM


def test_alternative_before_durations_keeps_both_arms(nlp):
    """Negative: "docetaxel alone or with 6 or 12 months of trastuzumab" compares drugs."""
    text = (
        "Docetaxel alone or with 6 or 12 months of trastuzumab\n\n"
        "Patients were randomised to docetaxel alone or with 6 or 12 months of trastuzumab."
    )
    names = sorted(a.name for a in registry_of(nlp, text).arms)
    assert "docetaxel" in names
    assert len(names) >= 2


# --- a Background that restates the one compared regimen -----------------------------------

POOLED = (
    "Title\n\n"
    "Several randomised trials have tested whether less than 12 months of adjuvant trastuzumab "
    "is non-inferior to the standard 12 months. We pooled randomised trials comparing shorter "
    "(9 weeks to 6 months) with 12 months of trastuzumab. The pooled 5-year DFS rates were "
    "86.0% with shorter and 87.6% with 12-month treatment."
)


def test_background_restating_the_lone_arm_keeps_the_duration_design(nlp):
    """A Background naming the one regimen again does not undo "shorter with 12 months of A"."""
    rows = rows_of(nlp, POOLED, ARM_ROW)
    assert arm_of(rows, 86.0) == "trastuzumab"
    assert arm_of(rows, 87.6) == "trastuzumab"


def test_two_arm_design_is_no_duration_design(nlp):
    """Negative: a second arm defined elsewhere keeps the durations from merging the arms."""
    text = (
        "Title\n\n"
        "Patients were randomised to docetaxel plus trastuzumab or to vinorelbine plus "
        "trastuzumab. We compared 9 weeks with 1 year of trastuzumab."
    )
    assert len(registry_of(nlp, text).arms) == 2
