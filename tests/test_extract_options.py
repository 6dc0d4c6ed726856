"""Per-patient options without brackets: "trastuzumab plus docetaxel or paclitaxel (HT)"."""

from __future__ import annotations

import pytest
from extract_helpers import CLASS_OF, drug_hits

from her2mine.extract import build_pipeline, extract_documents
from her2mine.extract.components import _lexicons
from her2mine.extract.options import option_runs, options_as_class
from her2mine.models import Document


@pytest.mark.parametrize(
    ("text", "names", "runs"),
    [
        ("trastuzumab plus docetaxel or paclitaxel (HT)",
         ("trastuzumab", "docetaxel", "paclitaxel"), [(1, 2)]),
        ("trastuzumab with docetaxel, paclitaxel, or vinorelbine",
         ("trastuzumab", "docetaxel", "paclitaxel", "vinorelbine"), [(1, 3)]),
        # two arms: the drugs after "or" are not of one class with the one before
        ("lapatinib plus docetaxel or trastuzumab plus docetaxel",
         ("lapatinib", "docetaxel", "trastuzumab", "docetaxel"), []),
        # no regimen joiner before the first option: a list of arms
        ("docetaxel or paclitaxel", ("docetaxel", "paclitaxel"), []),
        ("trastuzumab, docetaxel or paclitaxel", ("trastuzumab", "docetaxel", "paclitaxel"), []),
        # the same drug twice is not a choice
        ("trastuzumab plus docetaxel or docetaxel", ("trastuzumab", "docetaxel", "docetaxel"), []),
        # commas without "or" are a regimen ("docetaxel, paclitaxel" both given)
        ("trastuzumab plus docetaxel, paclitaxel", ("trastuzumab", "docetaxel", "paclitaxel"), []),
        # "A plus B or C plus D": the last one is given with D, so "or" separates two arms
        ("trastuzumab plus docetaxel or vinorelbine plus trastuzumab",
         ("trastuzumab", "docetaxel", "vinorelbine", "trastuzumab"), []),
        ("trastuzumab with docetaxel or vinorelbine in combination with trastuzumab",
         ("trastuzumab", "docetaxel", "vinorelbine", "trastuzumab"), []),
        # ... but a drug given after them is not given with the last option only
        ("trastuzumab plus docetaxel or paclitaxel followed by trastuzumab",
         ("trastuzumab", "docetaxel", "paclitaxel", "trastuzumab"), [(1, 2)]),
        ("trastuzumab plus docetaxel or paclitaxel; then trastuzumab",
         ("trastuzumab", "docetaxel", "paclitaxel", "trastuzumab"), [(1, 2)]),
    ],
)  # fmt: skip
def test_option_runs(text, names, runs):
    assert option_runs(text, drug_hits(text, *names), CLASS_OF) == runs


def test_a_run_becomes_one_class_mention_without_drugs():
    text = "trastuzumab plus docetaxel or paclitaxel (HT)"
    hits = drug_hits(text, "trastuzumab", "docetaxel", "paclitaxel")
    out = options_as_class(text, hits, CLASS_OF)
    assert [(h.kind, h.text, h.drugs) for h in out] == [
        ("drug", "trastuzumab", ["trastuzumab"]),
        ("class", "docetaxel or paclitaxel", []),
    ]
    assert options_as_class("docetaxel or paclitaxel", hits[1:], CLASS_OF) == hits[1:]


MARIANNE = (
    "MARIANNE\n\nPatients (N = 1,095) were randomly assigned 1:1:1 to trastuzumab plus docetaxel "
    "or paclitaxel (HT), T-DM1 plus placebo, or T-DM1 plus pertuzumab. Median progression-free "
    "survival was 13.7 months with HT, 14.1 months with T-DM1, and 15.2 months with T-DM1 plus "
    "pertuzumab. Response rates were 67.9% with HT, 59.7% with T-DM1, and 64.2% with T-DM1 plus "
    "pertuzumab."
)


def test_marianne_ht_is_the_trastuzumab_arm_and_the_options_stay_mentioned():
    nlp = build_pipeline(model="")
    (ex,) = extract_documents([Document(id="m", text=MARIANNE)], nlp)
    arms = {(o.endpoint, o.value): o.arm for o in ex.outcomes}
    assert arms[("PFS", 13.7)] == arms[("ORR", 67.9)] == "trastuzumab"
    assert arms[("PFS", 14.1)] == "trastuzumab emtansine"
    assert arms[("PFS", 15.2)] == "pertuzumab+trastuzumab emtansine"
    assert {"docetaxel", "paclitaxel", "trastuzumab"} <= set(ex.drugs)
    assert {m.canonical for m in ex.mentions if m.text == "HT"} == {"trastuzumab"}


def test_the_lexicon_gives_the_taxanes_one_class():
    classes = _lexicons(None).drugs.drug_class
    assert classes["docetaxel"] == classes["paclitaxel"] is not None
    assert classes["trastuzumab"] != classes["docetaxel"]


HERNATA = (
    "Docetaxel or vinorelbine with trastuzumab\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel or vinorelbine plus "
    "trastuzumab. Median overall survival was 35.7 months in the docetaxel group and 38.8 "
    "months in the vinorelbine group."
)


def test_two_arms_joined_by_or_keep_their_group_names():
    nlp = build_pipeline(model="")
    [ext] = extract_documents([Document(id="h", text=HERNATA)], nlp)
    arms = {o.value: o.arm for o in ext.outcomes}
    assert arms == {35.7: "docetaxel+trastuzumab", 38.8: "trastuzumab+vinorelbine"}
