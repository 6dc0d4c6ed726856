"""A backbone given with each of several alternatives (CALGB 40601, NSABP B-41 designs), and
lists that only look like one."""

from __future__ import annotations

import pytest

from her2mine.extract import extract_documents
from her2mine.models import Document

CALGB_40601 = (
    "CALGB 40601\n\n"
    "Patients were randomly assigned to weekly paclitaxel with trastuzumab (TH), lapatinib (TL), "
    "or trastuzumab plus lapatinib (THL) for 16 weeks. The pCR rate in the breast was 56% with "
    "THL, 46% with TH, and 32% with TL."
)
NSABP_B41 = (
    "NSABP B-41\n\n"
    "Women were randomly assigned to receive doxorubicin plus cyclophosphamide followed by weekly "
    "paclitaxel plus either trastuzumab, lapatinib, or trastuzumab plus lapatinib. Pathological "
    "complete response was achieved in 52.5% in the trastuzumab group and 53.2% in the lapatinib "
    "group."
)


def arms_by_value(nlp, text: str, measure: str) -> dict[float, str | None]:
    [ext] = extract_documents([Document(id="t", text=text)], nlp)
    return {o.value: o.arm for o in ext.outcomes if o.measure == measure}


def test_a_backbone_with_a_partner_then_more_alternatives(nlp):
    assert arms_by_value(nlp, CALGB_40601, "rate") == {
        56.0: "lapatinib+paclitaxel+trastuzumab",
        46.0: "paclitaxel+trastuzumab",
        32.0: "lapatinib+paclitaxel",
    }


def test_a_backbone_plus_either_alternative(nlp):
    assert arms_by_value(nlp, NSABP_B41, "rate") == {
        52.5: "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab",
        53.2: "cyclophosphamide+doxorubicin+lapatinib+paclitaxel",
    }


@pytest.mark.parametrize(
    ("design", "results", "arms"),
    [
        # each alternative names its own partner: two arms, no shared backbone
        (
            "neratinib plus capecitabine or lapatinib plus capecitabine",
            "Median PFS was 8.8 months with neratinib and 6.6 months with lapatinib.",
            {8.8: "capecitabine+neratinib", 6.6: "capecitabine+lapatinib"},
        ),
        # an alternative with a drug that is neither the partner nor a listed drug
        (
            "trastuzumab emtansine plus pertuzumab or trastuzumab plus a taxane",
            "Median PFS was 15.2 months with trastuzumab emtansine plus pertuzumab and 13.7 "
            "months with trastuzumab plus a taxane.",
            {15.2: "pertuzumab+trastuzumab emtansine", 13.7: "trastuzumab"},
        ),
        # a three-arm list whose second arm repeats drugs of the first
        (
            "abemaciclib plus trastuzumab plus fulvestrant (group A), abemaciclib plus "
            "trastuzumab (group B), or trastuzumab plus chemotherapy (group C)",
            "Median PFS was 8.3 months in group A and 5.7 months in group C.",
            {8.3: "abemaciclib+fulvestrant+trastuzumab", 5.7: "trastuzumab"},
        ),
        # the alternative is the partner itself: "A plus B or B alone" is two arms as written
        (
            "lapatinib plus capecitabine or capecitabine alone",
            "Median TTP was 8.4 months in the combination group and 4.4 months in the "
            "monotherapy group.",
            {8.4: "capecitabine+lapatinib", 4.4: "capecitabine"},
        ),
    ],
)
def test_lists_that_share_no_backbone(nlp, design, results, arms):
    text = f"Trial\n\nPatients were randomly assigned to {design}. {results}"
    assert arms_by_value(nlp, text, "median") == arms
