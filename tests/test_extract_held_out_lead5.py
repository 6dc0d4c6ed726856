"""Held-out round 5 (lead's probes): an opening comparison phrase and credible intervals.

Each reading failed before its rule: see the comments for what the pipeline read instead.
"""

from __future__ import annotations

from extract_helpers import arms_of

from her2mine.extract import extract_document
from her2mine.extract.numbers import parse_values
from her2mine.models import Document

TDXD, TDM1 = "trastuzumab deruxtecan", "trastuzumab emtansine"


def test_comma_closing_an_opening_comparison_separates_the_arms(nlp):
    # Before: "lapatinib plus capecitabine, trastuzumab deruxtecan" was one regimen, so 17.8
    # went to an arm holding all three drugs and 6.9 to none.
    text = (
        "Trastuzumab deruxtecan after two anti-HER2 regimens\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan or lapatinib plus "
        "capecitabine. Compared with lapatinib plus capecitabine, trastuzumab deruxtecan "
        "significantly prolonged progression-free survival (median, 17.8 vs 6.9 months; hazard "
        "ratio, 0.36; 95% CI, 0.28 to 0.45; P<0.001)."
    )
    assert arms_of(nlp, text) == {17.8: TDXD, 6.9: "capecitabine+lapatinib"}


def test_opening_comparison_without_a_design_sentence(nlp):
    # Before: the placebo arm and the pertuzumab arm were one chain, so 12.4 went to a merged
    # arm; "Compared with T-DM1, T-DXd" gave both values to "trastuzumab deruxtecan+
    # trastuzumab emtansine"-like merged readings.
    text = (
        "Pertuzumab\n\nAs compared with placebo plus trastuzumab and docetaxel, pertuzumab plus "
        "trastuzumab and docetaxel significantly prolonged progression-free survival (median, "
        "18.5 vs. 12.4 months; hazard ratio, 0.62; 95% CI, 0.51 to 0.75; P<0.001)."
    )
    assert arms_of(nlp, text) == {
        18.5: "docetaxel+pertuzumab+trastuzumab",
        12.4: "docetaxel+trastuzumab",
    }
    text = "Title\n\nCompared with T-DM1, T-DXd yielded a higher response rate (79.7% vs 34.2%)."
    assert arms_of(nlp, text) == {79.7: TDXD, 34.2: TDM1}


def test_a_list_inside_the_opening_comparison_keeps_its_commas(nlp):
    # Only the last comma closes the phrase: "trastuzumab, pertuzumab, and docetaxel" stays
    # one regimen.
    text = (
        "Neoadjuvant regimens\n\nCompared with trastuzumab, pertuzumab, and docetaxel, "
        "trastuzumab emtansine plus pertuzumab gave a lower pCR rate (44.4% vs 55.7%; P = .016)."
    )
    assert arms_of(nlp, text) == {
        44.4: "pertuzumab+trastuzumab emtansine",
        55.7: "docetaxel+pertuzumab+trastuzumab",
    }


def test_a_comma_list_not_after_an_opening_comparison_still_joins(nlp):
    # Negative: the same comma after a plain subject joins the drugs into one regimen.
    text = (
        "Title\n\nPatients received trastuzumab, pertuzumab, and docetaxel. The pCR rate was "
        "55.7% with trastuzumab, pertuzumab, and docetaxel."
    )
    assert arms_of(nlp, text) == {55.7: "docetaxel+pertuzumab+trastuzumab"}


def test_credible_interval_with_bracketed_short_form_is_a_ci(nlp):
    # Before: "95% credible interval [CrI], 0.13-0.30" was not read (no CI on the HR).
    text = (
        "Network meta-analysis\n\nCompared with lapatinib plus capecitabine, trastuzumab "
        "deruxtecan prolonged progression-free survival (hazard ratio [HR], 0.20; 95% credible "
        "interval [CrI], 0.13-0.30)."
    )
    hr = [o for o in extract_document(Document(id="t", text=text), nlp).outcomes]
    assert [(o.endpoint, o.measure, o.value, o.ci_low, o.ci_high) for o in hr] == [
        ("PFS", "HR", 0.2, 0.13, 0.3)
    ]
    # Negative: a bracket holding something else is no CI short form.
    assert parse_values("HR 0.20; 95% credible interval [SD], 0.13-0.30")[0].ci_low is None
