"""Left-overs of round 20's abstracts (round 21a). CALGB 9840: "Weekly paclitaxel was superior
to paclitaxel every 3 weeks: response rate 42% v 29%" gave 29% (and the later medians of the
sentence) the trastuzumab arm of a second, subgroup randomisation: two schedules of one regimen
compared in prose are that one arm twice. TRAVIOTA: "40% with trastuzumab/taxane" took the
vinorelbine arm, as "trastuzumab" alone names no arm there; the class written with the drug
names the arm whose options are of that class. JO17360: "(H group; docetaxel was added at
progression)" labelled no arm, so "3.7 months in the H group" had none."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, outcomes_of, registry_of

CALGB = (
    "Randomized phase III trial of weekly compared with every-3-weeks paclitaxel for metastatic "
    "breast cancer: final results of Cancer and Leukemia Group B protocol 9840\n\n"
    "Patients and Methods\nPatients were randomly assigned to paclitaxel 175 mg/m2 every 3 weeks "
    "or paclitaxel 80 mg/m2 weekly. All patients with HER-2-overexpressing disease received "
    "trastuzumab, and patients with HER-2-nonoverexpressing disease were randomly assigned to "
    "trastuzumab or no trastuzumab.\n\n"
    "Results\nA total of 577 patients were treated in CALGB 9840. Weekly paclitaxel was superior "
    "to paclitaxel every 3 weeks: response rate 42% v 29% (unadjusted odds ratio, 1.75; P = "
    ".0004), time to progression 9 v 5 months (adjusted hazard ratio, 1.43; P < .0001), and "
    "overall survival 24 v 12 months (adjusted hazard ratio, 1.28; P = .0092)."
)


def test_schedules_of_one_regimen_compared_in_prose_are_that_arm_twice(nlp):
    """ "Weekly paclitaxel was superior to paclitaxel every 3 weeks: 42% v 29%": both rates are
    paclitaxel's (the schedule is no part of an arm), not paclitaxel's and trastuzumab's."""
    arms = arms_of(nlp, CALGB)
    assert arms[42.0] == arms[29.0] == "paclitaxel"


def test_one_regimen_comparison_carries_to_later_pairs_of_the_sentence(nlp):
    """The later compared medians of the same sentence ("9 v 5 months", ", and overall survival
    24 v 12 months") keep that one arm, never the design's trastuzumab."""
    arms = arms_of(nlp, CALGB)
    assert [arms[v] for v in (9.0, 5.0, 24.0, 12.0)] == ["paclitaxel"] * 4


def test_prose_comparison_of_two_arms_still_names_both(nlp):
    """Negative: two different arms compared in prose still name the pair in order."""
    text = (
        "Lapatinib plus capecitabine versus capecitabine alone\n\n"
        "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
        "Lapatinib plus capecitabine was superior to capecitabine alone: median time to "
        "progression 8.4 v 4.4 months (hazard ratio, 0.49; P < .001)."
    )
    arms = arms_of(nlp, text)
    assert (arms[8.4], arms[4.4]) == ("capecitabine+lapatinib", "capecitabine")


TRAVIOTA = (
    "Trastuzumab plus vinorelbine or taxane chemotherapy for HER2-overexpressing metastatic "
    "breast cancer: the trastuzumab and vinorelbine or taxane study (TRAVIOTA)\n\n"
    "Patients and Methods: In the randomized TRAVIOTA trial, women with HER2-overexpressing "
    "metastatic breast cancer were assigned to weekly trastuzumab plus vinorelbine (25 mg/m2 "
    "weekly) or weekly trastuzumab plus a taxane (paclitaxel 90 mg/m2 weekly or docetaxel 35 "
    "mg/m2 weekly). Results: Response rates were 51% with trastuzumab/vinorelbine and 40% with "
    "trastuzumab/taxane (P = .37). Median time to progression was 8.5 months in the vinorelbine "
    "arm and 6.0 months in the taxane arm (P = .09). Grade 3/4 neutropenia was more common with "
    "vinorelbine (51% vs. 29%)."
)


def test_drug_with_class_names_the_arm_whose_options_are_of_that_class(nlp):
    """ "40% with trastuzumab/taxane": the trastuzumab arm with taxane options (printed
    "trastuzumab": options are no part of the arm), not the vinorelbine arm named before it."""
    ex = extract_text(nlp, TRAVIOTA)
    got = {o.value: o for o in ex.outcomes if o.endpoint == "ORR"}
    assert got[51.0].arm == "trastuzumab+vinorelbine"
    assert got[40.0].arm == "trastuzumab"
    assert got[40.0].p == got[51.0].p == "0.37"


def test_traviota_taxane_arm_and_bare_pair_pinned(nlp):
    """The class-named group and the pair after "more common with vinorelbine" (already read)."""
    arms = {(o.endpoint, o.value): o.arm for o in outcomes_of(nlp, TRAVIOTA)}
    assert arms["TTP", 8.5] == "trastuzumab+vinorelbine" and arms["TTP", 6.0] == "trastuzumab"
    assert arms["AE_G3", 51.0] == "trastuzumab+vinorelbine" and arms["AE_G3", 29.0] == "trastuzumab"


def test_drug_with_class_naming_no_labelled_arm_names_none(nlp):
    """Negative: when no arm holding the drug carries the class (as label or options), the
    drug written with the class names no arm; the value keeps the nearest reference."""
    text = (
        "Trastuzumab plus vinorelbine or capecitabine\n\n"
        "Patients were randomly assigned to trastuzumab plus vinorelbine or trastuzumab plus "
        "capecitabine. Response rates were 51% with trastuzumab/vinorelbine and 40% with "
        "trastuzumab/taxane."
    )
    assert arms_of(nlp, text)[40.0] != "trastuzumab+capecitabine"


JO17360 = (
    "Randomized phase III trial of trastuzumab monotherapy followed by trastuzumab plus "
    "docetaxel versus trastuzumab plus docetaxel as first-line therapy in patients with "
    "HER2-positive metastatic breast cancer: the JO17360 Trial Group\n\n"
    "Patients with HER2-positive metastatic breast cancer were randomized to receive trastuzumab "
    "monotherapy (H group; docetaxel 60 mg/m2 was added at progression) or trastuzumab plus "
    "docetaxel 60 mg/m2 every 3 weeks (HD group). Median PFS was 3.7 months in the H group and "
    "14.6 months in the HD group (hazard ratio 4.24; 95% CI 2.48-7.24; P < 0.01). The overall "
    "response rate was 34% in the H group and 79% in the HD group."
)


def test_group_label_opening_a_bracket_before_a_note_labels_the_arm(nlp):
    """ "(H group; docetaxel ... was added at progression)": "H" labels the trastuzumab arm."""
    labelled = {a.name: a.labels for a in registry_of(nlp, JO17360).arms}
    assert "h" in labelled["trastuzumab"] and "hd" in labelled["docetaxel+trastuzumab"]


def test_values_of_the_group_named_by_its_short_label(nlp):
    """ "3.7 months in the H group", "34% in the H group": the trastuzumab arm."""
    arms = arms_of(nlp, JO17360)
    assert (arms[3.7], arms[34.0]) == ("trastuzumab", "trastuzumab")
    assert (arms[14.6], arms[79.0]) == ("docetaxel+trastuzumab",) * 2


def test_bracket_opening_with_a_drug_note_is_no_label(nlp):
    """Negative: "(docetaxel was added at progression; 56 patients)" holds no group word and
    labels nothing."""
    text = (
        "Trastuzumab then docetaxel\n\n"
        "Patients were randomized to trastuzumab monotherapy (docetaxel was added at "
        "progression; 56 patients) or trastuzumab plus docetaxel (56 patients)."
    )
    assert all(not a.labels for a in registry_of(nlp, text).arms)
