"""Round 84b: code-name drugs the text defines, add-on short forms, prophylaxis arms, a title's
cohort, trials named in passing. A short sponsor code ("HLX22": two digits, no hyphen) was no
drug though the text called it a monoclonal antibody and dosed it; "the bile acid sequestrant"
was a drug by its "-strant" stem; "adding A to B (T-nHP)" gave the label the backbone; a
randomisation between supportive regimens (loperamide plus colestipol or loperamide alone) had
no arms; the one cohort a title reports ("NAME cohort A: A plus B") had none either; "the NAME
cohort" and "in NAME-A" named no trial; a title's "A vs B With C" read C with B alone; a
meta-analysis's "with the combination" named no arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, arms_with, extract_text, rows_of, trials_in

from her2mine.extract.components import _hits

HLX22 = (
    "HLX22 Plus Trastuzumab and Chemotherapy Versus Placebo Plus Trastuzumab and "
    "Chemotherapy as First-Line Treatment for HER2-Positive Gastric or Gastroesophageal "
    "Junction Adenocarcinoma: A Randomized, Double-Blind, Phase II Trial\n\n"
    "HLX22 is a humanized anti-HER2 monoclonal antibody that binds an epitope distinct "
    "from that of trastuzumab. In this multicenter, double-blind, phase II study "
    "(HLX22-GC-201), patients were randomly assigned 1:1:1 to HLX22 25 mg/kg (group A), "
    "HLX22 15 mg/kg (group B), or placebo (group C), each given with trastuzumab and XELOX "
    "every 3 weeks. The median progression-free survival was 15.1 months in group A, 16.4 "
    "months in group B, and 8.2 months in group C."
)

COLESTIPOL = (
    "Patients starting extended adjuvant neratinib 240 mg daily after trastuzumab-based "
    "therapy were randomised 1 : 1 to loperamide plus colestipol (colestipol arm) or "
    "loperamide alone (loperamide-only arm) during the first 28 days (cycle 1). Grade ≥3 "
    "diarrhoea occurred in 10.8% of patients in the colestipol arm and 21.7% of those in "
    "the loperamide-only arm (P = 0.023). We conclude that adding the bile acid "
    "sequestrant colestipol to loperamide reduced diarrhoea."
)

TORIPALIMAB = (
    "Toripalimab plus nab-paclitaxel, trastuzumab and pertuzumab as neoadjuvant therapy "
    "for HER2-positive breast cancer: a randomized phase II trial\n\n"
    "In this randomized phase II trial, adding toripalimab to nab-paclitaxel, trastuzumab, "
    "and pertuzumab (T-nHP) increased the total pathologic complete response (tpCR) rate "
    "compared with nab-paclitaxel, trastuzumab, and pertuzumab (nHP). The tpCR rates were "
    "72.3% with T-nHP and 54.8% with nHP (P = 0.04)."
)

MAHOGANY = (
    "MAHOGANY cohort A: Margetuximab plus retifanlimab as chemotherapy-free first-line "
    "therapy for HER2-positive, PD-L1-positive gastroesophageal adenocarcinoma\n\n"
    "Background: The MAHOGANY study cohort A evaluates margetuximab + retifanlimab (M+R) "
    "without chemotherapy in patients with HER2-positive, PD-L1-positive GEA, and cohort B "
    "evaluated margetuximab with retifanlimab or tebotelimab plus chemotherapy. Methods: "
    "Pts received margetuximab 15 mg/kg + retifanlimab 375 mg q3w. Results: As of data "
    "cutoff, 40 pts were treated in cohort A; Confirmed ORR was 53% (95% CI 36.1-68.5), "
    "DCR 73%, and median DOR was 10.3 months."
)

PHP_THP = (
    "Weekly Paclitaxel vs Docetaxel With Pertuzumab and Trastuzumab as First-line "
    "Treatment for ERBB2-Positive Metastatic Breast Cancer: A Randomized Noninferiority "
    "Clinical Trial\n\n"
    "Methods: Patients were randomized 1:1 to weekly paclitaxel (80 mg/m2) plus pertuzumab "
    "and trastuzumab (PHP group) or docetaxel (75 mg/m2 every 3 weeks) plus pertuzumab and "
    "trastuzumab (THP group). Results: Grade 3 or higher febrile neutropenia occurred in "
    "1.5% of patients in the PHP group vs 9.0% in the THP group, and grade 3 or higher "
    "diarrhea in 4.5% of patients in both groups."
)

META = (
    "Lapatinib, trastuzumab or their combination with neoadjuvant chemotherapy in "
    "HER2-positive breast cancer: a systematic review and meta-analysis of randomised "
    "trials\n\n"
    "Background: Several randomised trials have compared lapatinib, trastuzumab and their "
    "combination added to neoadjuvant chemotherapy, with inconsistent results for "
    "pathological complete response (pCR) and survival. Methods: PubMed, Embase and the "
    "Cochrane Library were searched up to March 2024 for randomised trials of neoadjuvant "
    "chemotherapy with lapatinib, trastuzumab or both in HER2-positive breast cancer. "
    "Pooled rates and odds ratios (ORs) were estimated with random-effects models. "
    "Results: Nine randomised trials (3,982 patients) were included. Pooled pCR rates were "
    "24.9% (95% CI 20.1-30.4) with lapatinib plus chemotherapy, 32.7% (95% CI 28.6-37.1) "
    "with trastuzumab plus chemotherapy and 49.6% (95% CI 43.0-56.2) with the combination."
)
CXOT = "capecitabine+hlx22+oxaliplatin+trastuzumab"
NHP = "nab-paclitaxel+pertuzumab+trastuzumab"


def test_code_defined_as_an_antibody_is_a_drug(nlp):
    """ "HLX22 is a humanized ... monoclonal antibody": the short code is a drug, lower case."""
    assert "hlx22" in extract_text(nlp, HLX22).drugs


def test_dose_arms_of_a_defined_code_carry_one_regimen(nlp):
    """Groups A and B (two doses of the code, with trastuzumab and XELOX) carry one string;
    the placebo group C carries the backbone."""
    rows = rows_of(nlp, HLX22, ARM_ROW)
    assert arm_of(rows, 15.1) == CXOT
    assert arm_of(rows, 16.4) == CXOT
    assert arm_of(rows, 8.2) == "capecitabine+oxaliplatin+trastuzumab"


def test_protocol_id_with_an_indication_tag_is_a_trial(nlp):
    """ "phase II study (HLX22-GC-201)": a sponsor protocol id in the design bracket."""
    assert extract_text(nlp, HLX22).trials == ["HLX22-GC-201"]


def test_short_code_without_definition_or_dose_is_no_drug(nlp):
    """Negative: genes and cell lines of the same shape ("CDK12", "BT474") are no drugs, and a
    code defined as a receptor is none."""
    text = (
        "CDK12 is a kinase co-amplified with HER2. Trastuzumab was tested in BT474 cells, and "
        "BRCA1 is a tumour suppressor. Patients received trastuzumab 6 mg/kg."
    )
    assert extract_text(nlp, text).drugs == ["trastuzumab"]


def test_english_word_with_a_drug_stem_is_no_drug(nlp):
    """ "the bile acid sequestrant colestipol": "sequestrant" ends in "-strant" but is no drug."""
    assert "sequestrant" not in extract_text(nlp, COLESTIPOL).drugs


def test_supportive_randomisation_arms_carry_the_supportive_drugs(nlp):
    """Groups randomised between supportive regimens are those regimens plus the anticancer
    drug every patient receives."""
    rows = rows_of(nlp, COLESTIPOL, ARM_ROW)
    assert arm_of(rows, 10.8) == "colestipol+loperamide+neratinib"
    assert arm_of(rows, 21.7) == "loperamide+neratinib"


def test_supportive_drug_every_arm_gets_is_in_no_arm(nlp):
    """Negative: "All patients received loperamide prophylaxis" in a neratinib-vs-lapatinib
    trial keeps loperamide out of both arms."""
    text = (
        "Patients were randomised to neratinib 240 mg daily or lapatinib 1250 mg daily, each "
        "with capecitabine. All patients received loperamide prophylaxis. Grade 3 diarrhoea "
        "occurred in 24.4% of patients in the neratinib arm and 12.5% in the lapatinib arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 24.4) == "capecitabine+neratinib"
    assert arm_of(rows, 12.5) == "capecitabine+lapatinib"


def test_add_on_short_form_defines_the_added_drug_with_its_backbone(nlp):
    """ "adding toripalimab to nab-paclitaxel, trastuzumab, and pertuzumab (T-nHP)": the bracket
    after the backbone names the added drug too; "(nHP)" after the bare backbone does not."""
    read = {h.text: h.drugs for h in _hits(nlp(TORIPALIMAB)._.her2, "drugs")}
    assert read["T-nHP"] == ["nab-paclitaxel", "pertuzumab", "toripalimab", "trastuzumab"]
    assert read["nHP"] == ["nab-paclitaxel", "pertuzumab", "trastuzumab"]


def test_add_on_short_form_abbreviating_the_backbone_alone_stays_the_backbone(nlp):
    """Negative: "adding pertuzumab to trastuzumab and docetaxel (TH)": two letters for two
    backbone mentions name the backbone alone."""
    text = (
        "Adding pertuzumab to trastuzumab and docetaxel (TH) improved survival. Patients "
        "received TH every 3 weeks."
    )
    read = [h.drugs for h in _hits(nlp(text)._.her2, "drugs") if h.text == "TH"]
    assert read and all(d == ["docetaxel", "trastuzumab"] for d in read)


def test_add_on_label_names_the_added_drug_with_its_backbone(nlp):
    """ "adding toripalimab to nab-paclitaxel, trastuzumab, and pertuzumab (T-nHP)": T-nHP is
    the add-on arm; nHP is the backbone."""
    rows = rows_of(nlp, TORIPALIMAB, ARM_ROW)
    assert arm_of(rows, 72.3) == "nab-paclitaxel+pertuzumab+toripalimab+trastuzumab"
    assert arm_of(rows, 54.8) == NHP


def test_title_cohort_regimen_is_the_arm_of_its_results(nlp):
    """ "MAHOGANY cohort A: Margetuximab plus retifanlimab": the one cohort reported carries its
    regimen."""
    rows = rows_of(nlp, MAHOGANY, ARM_ROW)
    assert arms_with(rows, 53.0) == ["margetuximab+retifanlimab"]
    assert arms_with(rows, 73.0) == ["margetuximab+retifanlimab"]


def test_named_cohort_and_lettered_trial_in_passing_are_trials():
    """ "The BRENDA II cohort includes ..." and "in HERACLES-A," name studies."""
    text = (
        "The BRENDA II cohort includes patients treated in 17 centres. After progression on "
        "trastuzumab plus lapatinib in HERACLES-A, patients received trastuzumab deruxtecan."
    )
    assert trials_in(text) == ["BRENDA II", "HERACLES-A"]


def test_subgroup_cohort_is_no_trial():
    """Negative: "the TNBC cohort", "the HER2-low cohort" are subgroups, no studies."""
    text = "The TNBC cohort and the HER2-low cohort were analysed in HER2-positive disease."
    assert trials_in(text) == []


def test_title_versus_with_partner_gives_the_partner_to_both(nlp):
    """ "Weekly Paclitaxel vs Docetaxel With Pertuzumab and Trastuzumab": both arms get P and H,
    so "both groups" reports 4.5 once per arm."""
    rows = rows_of(nlp, PHP_THP, ARM_ROW)
    assert arm_of(rows, 1.5) == "paclitaxel+pertuzumab+trastuzumab"
    assert sorted(arms_with(rows, 4.5)) == [
        "docetaxel+pertuzumab+trastuzumab",
        "paclitaxel+pertuzumab+trastuzumab",
    ]


def test_meta_analysis_combination_is_both_drugs(nlp):
    """ "lapatinib, trastuzumab or their combination": "with the combination" is
    lapatinib+trastuzumab."""
    rows = rows_of(nlp, META, ARM_ROW)
    assert arm_of(rows, 24.9) == "lapatinib"
    assert arm_of(rows, 49.6) == "lapatinib+trastuzumab"
