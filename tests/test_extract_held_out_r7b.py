"""Held-out round 7 (b): Chinese trials in Chinese-English journal style (pyrotinib versus
lapatinib with capecitabine, PHEDRA, PERMEATE, SYSUCC-002, real-world pyrotinib and inetetamab
studies), each checking one reading that went wrong on them."""

from __future__ import annotations

from extract_helpers import P_ROW, registry_of, rows_of

from her2mine.extract.numbers import parse_values

REAL_WORLD_PYROTINIB = (
    "Pyrotinib-based therapy in HER2-positive metastatic breast cancer: a real-world study\n\n"
    "Pyrotinib was combined with capecitabine in 102 patients and with other chemotherapeutic "
    "agents in 66 patients. The mPFS of patients treated with pyrotinib plus capecitabine was "
    "9.1 months, which was longer than that of patients treated with pyrotinib plus other "
    "chemotherapy (6.7 months), P=0.032. Patients who had not received prior anti-HER2 therapy "
    "achieved a longer mPFS than those previously treated with trastuzumab (11.3 vs 7.2 months, "
    "P=0.008)."
)


def test_subgroups_a_sentence_compares_itself_are_not_the_arms_under_discussion(nlp):
    # "Patients who had not received ... than those previously treated with X (11.3 vs 7.2)":
    # the sentence names its own compared groups; the arms of the sentence before are not
    # carried to them.
    assert rows_of(nlp, REAL_WORLD_PYROTINIB, P_ROW) == [
        ("PFS", "median", 9.1, "0.032", "capecitabine+pyrotinib"),
        ("PFS", "median", 6.7, "0.032", "pyrotinib"),
        ("PFS", "median", 11.3, "0.008", None),
        ("PFS", "median", 7.2, "0.008", None),
    ]


RCT_DESIGN = (
    "Pyrotinib or lapatinib with capecitabine: a randomised phase 2 trial\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
    "capecitabine. The ORR was 78.5% in the pyrotinib arm and 57.1% in the lapatinib arm. "
)


def test_than_those_without_names_subgroups_in_a_randomised_trial(nlp):
    text = RCT_DESIGN + (
        "Patients with visceral metastases had a lower ORR than those without (70.1% vs 85.2%, "
        "P = 0.03)."
    )
    assert rows_of(nlp, text, P_ROW)[2:] == [("ORR", "rate", 70.1, "0.03", None), ("ORR", "rate", 85.2, "0.03", None)]  # fmt: skip


def test_a_bare_compared_run_still_takes_the_arms_under_discussion(nlp):
    # Negative: no subgroup compared in the sentence, the run is the two arms' again.
    text = RCT_DESIGN + "Median overall survival was 28.9 versus 25.0 months (P = 0.2)."
    assert rows_of(nlp, text, P_ROW)[2:] == [
        ("OS", "median", 28.9, "0.2", "capecitabine+pyrotinib"),
        ("OS", "median", 25.0, "0.2", "capecitabine+lapatinib"),
    ]


INETETAMAB = (
    "Inetetamab combined with chemotherapy for HER2-positive metastatic breast cancer\n\n"
    "A total of 64 patients received inetetamab-containing regimens. "
)


def test_p_after_values_contrasted_by_while_is_each_ones(nlp):
    # "11.2 months, while it was 5.9 months in second or later lines (P = 0.021)": compared
    # medians (no HR) each carry the P printed after them.
    text = INETETAMAB + (
        "In the first-line setting, the median PFS was 11.2 months, while it was 5.9 months in "
        "second or later lines (P = 0.021)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("PFS", "median", 11.2, "0.021", None),
        ("PFS", "median", 5.9, "0.021", None),
    ]


def test_p_after_rates_contrasted_by_versus_is_each_ones(nlp):
    text = INETETAMAB + (
        "The ORR was 41.2% in the first-line setting versus 20.1% in later lines (P = 0.021)."
    )
    assert rows_of(nlp, text, P_ROW) == [("ORR", "rate", 41.2, "0.021", None), ("ORR", "rate", 20.1, "0.021", None)]  # fmt: skip


def test_values_joined_by_and_alone_do_not_share_the_p(nlp):
    # Negative: "41.2% ... and 20.1% ..." names no contrast (and no defined arms): left alone.
    text = INETETAMAB + (
        "The ORR was 41.2% in the first-line setting and 20.1% in later lines (P = 0.021)."
    )
    assert rows_of(nlp, text, P_ROW) == [("ORR", "rate", 41.2, None, None), ("ORR", "rate", 20.1, None, None)]  # fmt: skip


CN_DESIGN = (
    "A total of 128 patients were enrolled and randomly divided into the pyrotinib group "
    "(pyrotinib combined with capecitabine, n=65) and the lapatinib group (lapatinib combined "
    "with capecitabine, n=63)."
)


def test_a_group_named_by_its_drug_then_its_regimen_in_brackets(nlp):
    # "randomly divided into the X group (X combined with Y, n=65) and the Z group (...)": each
    # group's bracket gives its whole regimen.
    reg = registry_of(nlp, "Pyrotinib versus lapatinib\n\n" + CN_DESIGN)
    assert [a.name for a in reg.arms] == ["capecitabine+pyrotinib", "capecitabine+lapatinib"]


def test_the_bracket_completes_an_arm_a_title_named_partially(nlp):
    # The title's "Pyrotinib versus lapatinib combined with capecitabine" defines arm "pyrotinib";
    # the Methods bracket says what the pyrotinib group received.
    text = (
        "Pyrotinib versus lapatinib combined with capecitabine: a randomized phase II trial\n\n"
        + CN_DESIGN
        + " Results: The ORR of the pyrotinib group was significantly higher than that of the "
        "lapatinib group (78.5% vs 57.1%, P=0.01)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("ORR", "rate", 78.5, "0.01", "capecitabine+pyrotinib"),
        ("ORR", "rate", 57.1, "0.01", "capecitabine+lapatinib"),
    ]


def test_a_bracket_with_only_a_dose_leaves_the_group_as_named(nlp):
    # Negative: the bracket holds no further drug, so the group stays its one drug.
    text = (
        "T\n\nPatients were randomly assigned to the pyrotinib group (pyrotinib 400 mg daily) or "
        "the lapatinib group (lapatinib combined with capecitabine)."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [
        "pyrotinib",
        "capecitabine+lapatinib",
    ]


def test_a_time_of_the_named_group_is_that_groups_median(nlp):
    # "longer than 7.0 months of the lapatinib group": a median, not a duration of treatment.
    text = (
        "T\n\nPatients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
        "capecitabine. The mPFS of the pyrotinib group was 18.1 months, which was significantly "
        "longer than 7.0 months of the lapatinib group (HR=0.36, 95%CI: 0.23-0.58, P<0.001)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("PFS", "median", 18.1, None, "capecitabine+pyrotinib"),
        ("PFS", "median", 7.0, None, "capecitabine+lapatinib"),
        ("PFS", "HR", 0.36, "<0.001", None),
    ]


def test_a_time_of_a_treatment_stays_a_duration():
    # Negative: "12 months of trastuzumab", "6 months of the assigned treatment" are durations.
    text = "Patients received 12 months of trastuzumab or 6 months of the assigned treatment."
    assert parse_values(text) == []


def test_a_flattened_subscript_p_is_the_ratios_p():
    # The Lancet on PubMed: "pnon-inferiority<0·0001" (subscript flattened into the P).
    text = "(HR 0·88, 95% CI 0·71–1·09; pnon-inferiority<0·0001)"
    (v,) = parse_values(text)
    assert (v.kind, v.value, v.p) == ("HR", 0.88, "<0.0001")


def test_a_word_ending_in_p_before_a_subscript_word_is_no_p():
    # Negative: the P must start its word ("step superiority=" is no P value).
    text = "The HR was 0.88 (95% CI 0.71-1.09) at step superiority=2."
    (v,) = parse_values(text)
    assert v.p is None


INETETAMAB_GROUPS = (
    "Inetetamab combined with pyrotinib and chemotherapy in HER2-positive metastatic breast "
    "cancer\n\nMethods: A total of 86 patients were retrospectively analyzed and divided into "
    "the observation group (inetetamab plus pyrotinib and vinorelbine, n=43) and the control "
    "group (pyrotinib plus vinorelbine, n=43) according to the treatment regimen. Results: The "
    "ORR of the observation group was 46.5%, which was higher than 27.9% of the control group "
    "(P=0.041). The mPFS of the two groups was 9.4 months and 6.1 months, respectively "
    "(P=0.013)."
)


def test_a_group_named_by_a_word_of_its_own_gets_its_bracket_regimen(nlp):
    # "divided into the observation group (A plus B and C, n=43) and the control group (B plus
    # C, n=43)": each named group is an arm with the bracket's regimen, named by its word.
    assert rows_of(nlp, INETETAMAB_GROUPS, P_ROW) == [
        ("ORR", "rate", 46.5, "0.041", "inetetamab+pyrotinib+vinorelbine"),
        ("ORR", "rate", 27.9, "0.041", "pyrotinib+vinorelbine"),
        ("PFS", "median", 9.4, "0.013", "inetetamab+pyrotinib+vinorelbine"),
        ("PFS", "median", 6.1, "0.013", "pyrotinib+vinorelbine"),
    ]


def test_either_group_with_a_bracket_is_no_group_name(nlp):
    # Negative: "assigned to either group (capecitabine ...)" names no group of its own; the
    # two arms stay as defined (no third "capecitabine" arm).
    text = (
        "T\n\nPatients were randomly assigned to pyrotinib or lapatinib, and patients assigned to "
        "either group (capecitabine 1000 mg/m2 twice daily) were treated until progression."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == ["pyrotinib", "lapatinib"]


def test_randomly_divided_into_experimental_and_control_groups(nlp):
    # PHEDRA written in Chinese-English journal style: "randomly divided into the experimental
    # group (A + B + C, n=178) and the control group (placebo + B + C, n=177)".
    text = (
        "Neoadjuvant pyrotinib with trastuzumab and docetaxel: a randomized controlled study\n\n"
        "Methods: A total of 355 patients were randomly divided into the experimental group "
        "(pyrotinib + trastuzumab + docetaxel, n=178) and the control group (placebo + "
        "trastuzumab + docetaxel, n=177). Results: The tpCR rate of the experimental group was "
        "41.0%, significantly higher than that of the control group (22.0%) (P<0.001)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("pCR", "rate", 41.0, "<0.001", "docetaxel+pyrotinib+trastuzumab"),
        ("pCR", "rate", 22.0, "<0.001", "docetaxel+trastuzumab"),
    ]
