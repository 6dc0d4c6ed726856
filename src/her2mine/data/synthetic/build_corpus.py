"""Writes corpus.jsonl: the SYNTHETIC HER2 test corpus (run: python build_corpus.py).

Every record is invented test data: DOIs use the test prefix 10.5555, PMIDs start at 99000001,
PMCIDs at PMC99000001 and author names are made up. Abstract results paraphrase publicly reported
results of real HER2 trials (rounded, in varied journal styles) so the extraction pipeline has
realistic text; do not cite them. The registry ids are the trials' real ClinicalTrials.gov ids.
"""

from __future__ import annotations

import json
from pathlib import Path

from her2mine.fsutil import atomic_write_text

HERE = Path(__file__).resolve().parent

NEJM = dict(journal="The New England journal of medicine", journal_abbrev="N Engl J Med",
            issn="1533-4406")
LANCET = dict(journal="Lancet (London, England)", journal_abbrev="Lancet", issn="1474-547X")
LANCET_ONC = dict(journal="The Lancet. Oncology", journal_abbrev="Lancet Oncol",
                  issn="1474-5488")
JCO = dict(journal="Journal of clinical oncology : official journal of the American Society "
           "of Clinical Oncology", journal_abbrev="J Clin Oncol", issn="1527-7755")
JAMA_ONC = dict(journal="JAMA oncology", journal_abbrev="JAMA Oncol", issn="2374-2445")
BMJ = dict(journal="BMJ (Clinical research ed.)", journal_abbrev="BMJ", issn="1756-1833")
NAT_MED = dict(journal="Nature medicine", journal_abbrev="Nat Med", issn="1546-170X")
CHIN_J = dict(journal="Zhonghua zhong liu za zhi [Chinese journal of oncology]",
              journal_abbrev="Zhonghua Zhong Liu Za Zhi", issn="0253-3766")
EJC = dict(journal="European journal of cancer (Oxford, England : 1990)",
           journal_abbrev="Eur J Cancer", issn="1879-0852")
CANCER_RES = dict(journal="Cancer research", journal_abbrev="Cancer Res", issn="1538-7445")

RCT3 = ["Journal Article", "Clinical Trial, Phase III", "Multicenter Study",
        "Randomized Controlled Trial"]
BASE_MESH = ["Humans", "Female", "Middle Aged", "Adult", "Aged", "Breast Neoplasms*",
             "Receptor, ErbB-2"]


def A(family: str, given: str, affiliation: str | None = None) -> dict:  # noqa: N802
    return {"family": family, "given": given, "affiliation": affiliation}


def S(label: str | None, text: str, category: str | None = None) -> dict:  # noqa: N802
    cat = category if category is not None else (label.upper() if label else None)
    if cat == "CONCLUSION":
        cat = "CONCLUSIONS"
    return {"label": label, "category": cat, "text": text}


def nejm(background: str, methods: str, results: str, conclusions: str) -> list[dict]:
    return [S("BACKGROUND", background), S("METHODS", methods), S("RESULTS", results),
            S("CONCLUSIONS", conclusions)]


def lancet(background: str, methods: str, findings: str, interpretation: str,
           funding: str = "Synthetic Sponsor.") -> list[dict]:
    return [S("BACKGROUND", background), S("METHODS", methods),
            S("FINDINGS", findings, "RESULTS"), S("INTERPRETATION", interpretation,
                                                  "CONCLUSIONS"),
            S("FUNDING", funding, "BACKGROUND")]


def jco(purpose: str, methods: str, results: str, conclusion: str) -> list[dict]:
    return [S("PURPOSE", purpose, "OBJECTIVE"), S("PATIENTS AND METHODS", methods, "METHODS"),
            S("RESULTS", results), S("CONCLUSION", conclusion, "CONCLUSIONS")]


def jama(importance: str, objective: str, design: str, results: str, conclusions: str
         ) -> list[dict]:
    return [S("IMPORTANCE", importance, "BACKGROUND"), S("OBJECTIVE", objective),
            S("DESIGN, SETTING, AND PARTICIPANTS", design, "METHODS"), S("RESULTS", results),
            S("CONCLUSIONS AND RELEVANCE", conclusions, "CONCLUSIONS")]


RECORDS: list[dict] = []


def work(n: int, key: str, *, pmc: bool = False, in_pubmed: bool = True,
         in_crossref: bool = True, doi: bool = True, **kw) -> None:
    rec = {"key": key, "doi": f"10.5555/her2mine.{n:04d}" if doi else None,
           "pmid": str(99000000 + n) if in_pubmed else None,
           "pmcid": f"PMC{99000000 + n}" if pmc else None,
           "in_pubmed": in_pubmed, "in_crossref": in_crossref and doi}
    rec.update(kw)
    RECORDS.append(rec)


# ---------------------------------------------------------------------------------------
# The records. Authors are invented; results paraphrase published trial reports.
# ---------------------------------------------------------------------------------------
work(1, "cleopatra-2012", pmc=True, **NEJM, year=2012, month=1, day=12, volume="366",
     issue="2", pages="109-19", edat="2012-01-05",
     title="Pertuzumab plus trastuzumab plus docetaxel for metastatic breast cancer.",
     authors=[A("Abernethy", "Lucia M", "Department of Oncology, Synthetic University Hospital,"
                " Springfield, USA."), A("Quist", "Marten"), A("Tanaka", "Hiroe"),
              A("Osei", "Kwame"), A("Ferreira", "Ines C")],
     abstract=nejm(
         "The anti-human epidermal growth factor receptor 2 (HER2) humanized monoclonal "
         "antibody trastuzumab has improved outcomes in HER2-positive metastatic breast cancer. "
         "Pertuzumab, an anti-HER2 antibody that inhibits receptor dimerization, has a "
         "complementary mechanism of action.",
         "We randomly assigned 808 patients with HER2-positive metastatic breast cancer who had "
         "not received chemotherapy or anti-HER2 therapy for metastatic disease to receive "
         "placebo plus trastuzumab plus docetaxel (control group) or pertuzumab plus "
         "trastuzumab plus docetaxel (pertuzumab group) as first-line treatment (CLEOPATRA). The "
         "primary end point was independently assessed progression-free survival.",
         "The median progression-free survival was 12.4 months in the control group, as "
         "compared with 18.5 months in the pertuzumab group (hazard ratio for progression or "
         "death, 0.62; 95% confidence interval [CI], 0.51 to 0.75; P<0.001). The interim "
         "analysis of overall survival showed a strong trend in favor of pertuzumab plus "
         "trastuzumab plus docetaxel (hazard ratio, 0.64; 95% CI, 0.47 to 0.88; P=0.005). The "
         "objective response rate was 80.2% in the pertuzumab group and 69.3% in the control "
         "group. Febrile neutropenia occurred in 13.8% and 7.6% of patients, respectively; no "
         "increase in left ventricular systolic dysfunction was observed.",
         "The combination of pertuzumab plus trastuzumab plus docetaxel, as compared with "
         "placebo plus trastuzumab plus docetaxel, when used as first-line treatment for "
         "HER2-positive metastatic breast cancer, significantly prolonged progression-free "
         "survival, with no increase in cardiac toxic effects. (Funded by Synthetic Sponsor; "
         "CLEOPATRA ClinicalTrials.gov number, NCT00567190.)"),
     publication_types=RCT3, registry_ids=["NCT00567190"],
     mesh=BASE_MESH + ["Antibodies, Monoclonal, Humanized", "Trastuzumab", "Docetaxel",
                       "Antineoplastic Combined Chemotherapy Protocols*",
                       "Progression-Free Survival"],
     keywords=["pertuzumab", "HER2", "first-line"])

work(2, "cleopatra-os-2020", **LANCET_ONC, year=2020, month=4, volume="21", issue="4",
     pages="519-530", edat="2020-03-16",
     title="Pertuzumab, trastuzumab, and docetaxel for HER2-positive metastatic breast cancer "
           "(CLEOPATRA): end-of-study results from a double-blind, randomised, "
           "placebo-controlled, phase 3 study.",
     authors=[A("Whitfield", "Harriet"), A("Abernethy", "Lucia M"), A("Kowalczyk", "Jan"),
              A("Demir", "Selin"), A("Quist", "Marten")],
     abstract=lancet(
         "Primary analysis of CLEOPATRA showed that pertuzumab, trastuzumab, and docetaxel "
         "significantly improved progression-free survival in HER2-positive metastatic breast "
         "cancer. We report end-of-study overall survival after more than 8 years of "
         "follow-up.",
         "In this double-blind, randomised, placebo-controlled, phase 3 trial, 808 patients "
         "were randomly assigned (1:1) to pertuzumab or placebo plus trastuzumab and docetaxel. "
         "Overall survival was a secondary endpoint analysed in the intention-to-treat "
         "population.",
         "Median follow-up was 99·9 months. Median overall survival was 57·1 months (95% CI "
         "50–72) in the pertuzumab group and 40·8 months (36–48) in the placebo group "
         "(hazard ratio [HR] 0·69 [95% CI 0·58–0·82]). Landmark 8-year overall survival was "
         "37% (31–42) versus 23% (19–28). Grade 3 or worse adverse events occurred in 265 "
         "(65%) of 408 patients in the pertuzumab group, most commonly neutropenia (49%); "
         "long-term cardiac safety was maintained.",
         "The overall survival benefit with pertuzumab, trastuzumab, and docetaxel was "
         "maintained after more than 8 years of follow-up, supporting this combination as "
         "standard first-line therapy."),
     publication_types=RCT3, registry_ids=["NCT00567190"],
     mesh=BASE_MESH + ["Trastuzumab", "Docetaxel", "Antineoplastic Combined Chemotherapy "
                       "Protocols*"],
     keywords=["CLEOPATRA", "overall survival"])

work(3, "emilia-2012", pmc=True, **NEJM, year=2012, month=11, day=8, volume="367",
     issue="19", pages="1783-91", edat="2012-10-02",
     title="Trastuzumab emtansine for HER2-positive advanced breast cancer.",
     authors=[A("Moreau", "Camille"), A("Iyer", "Radhika"), A("Halvorsen", "Sigrid"),
              A("Barros", "Tiago"), A("Nakagawa", "Ren")],
     abstract=nejm(
         "Trastuzumab emtansine (T-DM1) is an antibody-drug conjugate incorporating the "
         "HER2-targeted antitumor properties of trastuzumab with the cytotoxic activity of the "
         "microtubule-inhibitory agent DM1.",
         "We randomly assigned 991 patients with HER2-positive advanced breast cancer, "
         "previously treated with trastuzumab and a taxane, to T-DM1 or lapatinib plus "
         "capecitabine (EMILIA). The primary end points were progression-free survival, overall "
         "survival, and safety.",
         "Median progression-free survival as assessed by independent review was 9.6 months "
         "with T-DM1 versus 6.4 months with lapatinib plus capecitabine (hazard ratio for "
         "progression or death from any cause, 0.65; 95% CI, 0.55 to 0.77; P<0.001), and "
         "median overall survival at the second interim analysis was 30.9 months versus 25.1 "
         "months (hazard ratio for death from any cause, 0.68; 95% CI, 0.55 to 0.85; "
         "P<0.001). The objective response rate was higher with T-DM1 (43.6%, vs. 30.8% with "
         "lapatinib plus capecitabine; P<0.001). Rates of adverse events of grade 3 or above "
         "were higher with lapatinib plus capecitabine than with T-DM1 (57% vs. 41%).",
         "T-DM1 significantly prolonged progression-free and overall survival with less "
         "toxicity than lapatinib plus capecitabine in patients with HER2-positive advanced "
         "breast cancer previously treated with trastuzumab and a taxane. (EMILIA "
         "ClinicalTrials.gov number, NCT00829166.)"),
     publication_types=RCT3, registry_ids=["NCT00829166"],
     mesh=BASE_MESH + ["Ado-Trastuzumab Emtansine", "Lapatinib", "Capecitabine",
                       "Immunoconjugates*"],
     keywords=["T-DM1", "antibody-drug conjugate"])

work(4, "th3resa-2014", **LANCET_ONC, year=2014, month=6, volume="15", issue="7",
     pages="689-99", edat="2014-05-16",
     title="Trastuzumab emtansine versus treatment of physician's choice for pretreated "
           "HER2-positive advanced breast cancer (TH3RESA): a randomised, open-label, phase 3 "
           "trial.",
     authors=[A("Solberg", "Ingrid"), A("Petrakis", "Eleni"), A("Moreau", "Camille"),
              A("Vanterpool", "Grace")],
     abstract=lancet(
         "Trastuzumab emtansine is an antibody-drug conjugate approved for HER2-positive "
         "advanced breast cancer previously treated with trastuzumab and a taxane. We compared "
         "it with treatment of physician's choice in patients who had received at least two "
         "HER2-directed regimens.",
         "In this randomised, open-label, phase 3 trial (TH3RESA), 602 patients were assigned "
         "(2:1) to trastuzumab emtansine 3·6 mg/kg every 21 days or treatment of physician's "
         "choice. Coprimary endpoints were investigator-assessed progression-free survival and "
         "overall survival.",
         "Progression-free survival was significantly improved with trastuzumab emtansine "
         "compared with physician's choice (median 6·2 months vs 3·3 months; stratified hazard "
         "ratio 0·528 [95% CI 0·422–0·661]; p<0·0001). Interim overall survival favoured "
         "trastuzumab emtansine (HR 0·552 [0·369–0·826]; p=0·0034). A lower incidence of "
         "grade 3 or worse adverse events was reported with trastuzumab emtansine (32%) than "
         "with physician's choice (43%); thrombocytopenia of grade 3 or worse occurred in 5% "
         "versus 2%.",
         "Trastuzumab emtansine should be considered a new standard for patients with "
         "HER2-positive advanced breast cancer who have previously received trastuzumab and "
         "lapatinib."),
     publication_types=RCT3, registry_ids=["NCT01419197"],
     mesh=BASE_MESH + ["Ado-Trastuzumab Emtansine*", "Immunoconjugates"],
     keywords=["TH3RESA", "T-DM1"])

work(5, "neosphere-2012", **LANCET_ONC, year=2012, month=1, volume="13", issue="1",
     pages="25-32", edat="2012-02-14",
     title="Efficacy and safety of neoadjuvant pertuzumab and trastuzumab in women with "
           "locally advanced, inflammatory, or early HER2-positive breast cancer (NeoSphere): "
           "a randomised multicentre, open-label, phase 2 trial.",
     authors=[A("Rossi", "Giulia"), A("Eriksen", "Nils"), A("Pinto", "Beatriz"),
              A("Kaur", "Simran")],
     abstract=lancet(
         "Pertuzumab and trastuzumab bind different HER2 epitopes and have complementary "
         "mechanisms. We assessed their efficacy and safety in the neoadjuvant setting.",
         "In this randomised, open-label, phase 2 trial, 417 treatment-naive women with "
         "operable, locally advanced, or inflammatory HER2-positive breast cancer were "
         "assigned to four neoadjuvant cycles of trastuzumab plus docetaxel (group A), "
         "pertuzumab and trastuzumab plus docetaxel (group B), pertuzumab and trastuzumab "
         "(group C), or pertuzumab plus docetaxel (group D). The primary endpoint was "
         "pathological complete response (pCR) in the breast.",
         "Patients given pertuzumab and trastuzumab plus docetaxel (group B) had a "
         "significantly improved pCR rate (49 of 107 patients; 45·8% [95% CI 36·1–55·7]) "
         "compared with those given trastuzumab plus docetaxel (31 of 107; 29·0% "
         "[20·6–38·5]; p=0·0141). 23 of 96 (24·0% [15·8–33·7]) women given pertuzumab plus "
         "docetaxel had a pCR, as did 18 of 107 (16·8% [10·3–25·3]) given pertuzumab and "
         "trastuzumab without chemotherapy. The most common adverse events of grade 3 or "
         "higher were neutropenia (57%), febrile neutropenia (8%), and leucopenia (5%).",
         "Patients given pertuzumab and trastuzumab plus docetaxel had a significantly "
         "improved pCR rate compared with those given trastuzumab plus docetaxel, without "
         "substantial differences in tolerability."),
     publication_types=["Journal Article", "Clinical Trial, Phase II", "Multicenter Study",
                        "Randomized Controlled Trial"],
     registry_ids=["NCT00545688"],
     mesh=BASE_MESH + ["Neoadjuvant Therapy*", "Trastuzumab", "Docetaxel"],
     keywords=["neoadjuvant", "pathological complete response"])

work(6, "marianne-2017", pmc=True, **JCO, year=2017, month=1, day=10, volume="35",
     issue="2", pages="141-148", edat="2016-11-07",
     title="Trastuzumab emtansine with or without pertuzumab versus trastuzumab plus taxane "
           "for human epidermal growth factor receptor 2-positive, advanced breast cancer: "
           "primary results from the phase III MARIANNE study.",
     authors=[A("Haddad", "Rami"), A("Baptiste", "Nadia"), A("Yilmaz", "Emre"),
              A("Schreiber", "Anke"), A("Lopez-Ibarra", "Mateo")],
     abstract=jco(
         "The phase III MARIANNE study evaluated trastuzumab emtansine (T-DM1), with or "
         "without pertuzumab, versus trastuzumab plus a taxane as first-line therapy for "
         "human epidermal growth factor receptor 2-positive advanced breast cancer.",
         "Patients (N = 1,095) were randomly assigned 1:1:1 to trastuzumab plus docetaxel or "
         "paclitaxel (HT), T-DM1 plus placebo, or T-DM1 plus pertuzumab. The primary end point "
         "was progression-free survival by independent review, tested for noninferiority and "
         "superiority.",
         "Both T-DM1-containing arms demonstrated noninferior, but not superior, "
         "progression-free survival compared with HT; median progression-free survival was "
         "13.7 months with HT, 14.1 months with T-DM1, and 15.2 months with T-DM1 plus "
         "pertuzumab (T-DM1 v HT: hazard ratio, 0.91; 97.5% CI, 0.73 to 1.13; T-DM1 plus "
         "pertuzumab v HT: hazard ratio, 0.87; 97.5% CI, 0.69 to 1.08). Response rates were "
         "67.9% with HT, 59.7% with T-DM1, and 64.2% with T-DM1 plus pertuzumab. Grade 3 to "
         "5 adverse events occurred in 54.1%, 45.4%, and 46.2% of patients, respectively.",
         "T-DM1 and T-DM1 plus pertuzumab showed noninferior, but not superior, efficacy and "
         "better tolerability than HT for first-line treatment of HER2-positive advanced "
         "breast cancer."),
     publication_types=RCT3, registry_ids=["NCT01120184"],
     mesh=BASE_MESH + ["Ado-Trastuzumab Emtansine*", "Antibodies, Monoclonal, Humanized"],
     keywords=["MARIANNE", "first-line"])

work(7, "aphinity-2017", pmc=True, **NEJM, year=2017, month=7, day=13, volume="377",
     issue="2", pages="122-131", edat="2017-06-06",
     title="Adjuvant pertuzumab and trastuzumab in early HER2-positive breast cancer.",
     authors=[A("Delacroix", "Amélie"), A("O'Rourke", "Siobhan"), A("Varga", "Bence"),
              A("Huang", "Meiling"), A("Sørensen", "Kirsten")],
     abstract=nejm(
         "Pertuzumab increases the rate of pathological complete response in the preoperative "
         "context and increases overall survival among patients with metastatic disease when "
         "it is added to trastuzumab and chemotherapy for the treatment of HER2-positive breast "
         "cancer. In this adjuvant trial, we investigated whether pertuzumab, when added to "
         "adjuvant trastuzumab and chemotherapy, improves outcomes.",
         "We randomly assigned 4805 patients with node-positive or high-risk node-negative "
         "HER2-positive, operable breast cancer to receive either pertuzumab or placebo added "
         "to standard adjuvant chemotherapy plus 1 year of treatment with trastuzumab "
         "(APHINITY). The primary end point was invasive-disease-free survival.",
         "Disease recurrence occurred in 171 patients (7.1%) in the pertuzumab group and 210 "
         "patients (8.7%) in the placebo group (hazard ratio, 0.81; 95% confidence interval "
         "[CI], 0.66 to 1.00; P=0.045). The estimates of the 3-year rates of "
         "invasive-disease-free survival were 94.1% in the pertuzumab group and 93.2% in the "
         "placebo group. In the cohort of patients with node-positive disease, the 3-year rate "
         "was 92.0% versus 90.2% (hazard ratio, 0.77; 95% CI, 0.62 to 0.96; P=0.02). Heart "
         "failure, cardiac death, and cardiac dysfunction were infrequent in both groups. "
         "Diarrhea of grade 3 or higher occurred almost exclusively during chemotherapy and "
         "was more frequent with pertuzumab than with placebo (9.8% vs. 3.7%).",
         "Pertuzumab significantly improved the rates of invasive-disease-free survival among "
         "patients with HER2-positive, operable breast cancer when it was added to trastuzumab "
         "and chemotherapy. (APHINITY ClinicalTrials.gov number, NCT01358877.)"),
     publication_types=RCT3, registry_ids=["NCT01358877"],
     mesh=BASE_MESH + ["Chemotherapy, Adjuvant*", "Trastuzumab", "Disease-Free Survival"],
     keywords=["adjuvant", "pertuzumab"])

work(8, "katherine-2019", pmc=True, **NEJM, year=2019, month=2, day=14, volume="380",
     issue="7", pages="617-628", edat="2018-12-05",
     title="Trastuzumab emtansine for residual invasive HER2-positive breast cancer.",
     authors=[A("Müller-Thal", "Jörg"), A("Park", "Jiwoo"), A("Adeyemi", "Folake"),
              A("Kristiansen", "Mads"), A("Iyer", "Radhika")],
     abstract=nejm(
         "Patients who have residual invasive breast cancer after receiving neoadjuvant "
         "chemotherapy plus human epidermal growth factor receptor 2 (HER2)-targeted therapy "
         "have a worse prognosis than those who have no residual cancer. Trastuzumab emtansine "
         "(T-DM1), an antibody-drug conjugate of trastuzumab and the cytotoxic agent "
         "emtansine, provides benefit in metastatic disease.",
         "We conducted a phase 3, open-label trial (KATHERINE) involving 1486 patients with "
         "HER2-positive early breast cancer who were found to have residual invasive disease "
         "in the breast or axilla at surgery after receiving neoadjuvant therapy containing a "
         "taxane and trastuzumab. Patients were randomly assigned to receive adjuvant T-DM1 or "
         "trastuzumab for 14 cycles. The primary end point was invasive disease-free survival.",
         "Invasive disease or death had occurred in 91 patients (12.2%) in the T-DM1 group and "
         "165 patients (22.2%) in the trastuzumab group. The estimated percentage of patients "
         "who were free of invasive disease at 3 years was 88.3% in the T-DM1 group and 77.0% "
         "in the trastuzumab group. Invasive disease-free survival was significantly higher in "
         "the T-DM1 group than in the trastuzumab group (hazard ratio for invasive disease or "
         "death, 0.50; 95% CI, 0.39 to 0.64; P<0.001). Distant recurrence as the first "
         "invasive-disease event occurred in 10.5% of patients in the T-DM1 group and 15.9% "
         "of those in the trastuzumab group. Adverse events of grade 3 or higher occurred in "
         "25.7% and 15.4% of patients, respectively.",
         "Among patients with HER2-positive early breast cancer who had residual invasive "
         "disease after completion of neoadjuvant therapy, the risk of recurrence of invasive "
         "breast cancer or death was 50% lower with adjuvant T-DM1 than with trastuzumab "
         "alone. (KATHERINE ClinicalTrials.gov number, NCT01772472.)"),
     publication_types=RCT3, registry_ids=["NCT01772472"],
     mesh=BASE_MESH + ["Ado-Trastuzumab Emtansine*", "Chemotherapy, Adjuvant",
                       "Neoadjuvant Therapy"],
     keywords=["residual disease", "T-DM1", "KATHERINE"])

work(9, "extenet-2016", **LANCET_ONC, year=2016, month=3, volume="17", issue="3",
     pages="367-77", edat="2016-02-10",
     title="Neratinib after trastuzumab-based adjuvant therapy in patients with HER2-positive "
           "breast cancer (ExteNET): a multicentre, randomised, double-blind, "
           "placebo-controlled, phase 3 trial.",
     authors=[A("Nguyen", "Thi Lan"), A("Zhao", "Wenjun"), A("Castellanos", "Rocío"),
              A("Achterberg", "Joost")],
     abstract=lancet(
         "Neratinib is an irreversible tyrosine-kinase inhibitor of HER1, HER2, and HER4. We "
         "investigated the efficacy of extended adjuvant neratinib after trastuzumab-based "
         "adjuvant therapy.",
         "In this multicentre, randomised, double-blind, placebo-controlled, phase 3 trial "
         "(ExteNET), 2840 women with early-stage HER2-positive breast cancer who had completed "
         "neoadjuvant and adjuvant trastuzumab were randomly assigned to oral neratinib 240 mg "
         "per day or placebo for 1 year. The primary endpoint was invasive disease-free "
         "survival.",
         "After a median follow-up of 24 months, 70 invasive disease-free survival events had "
         "occurred in patients in the neratinib group versus 109 events in the placebo group "
         "(stratified hazard ratio 0·67 [95% CI 0·50–0·91]; p=0·0091). The 2-year invasive "
         "disease-free survival rate was 93·9% (92·4–95·2) in the neratinib group and 91·6% "
         "(90·0–93·0) in the placebo group. The most common grade 3–4 adverse event with "
         "neratinib was diarrhoea (561 [40%] of 1408 patients, vs 23 [2%] of 1408 with "
         "placebo).",
         "Neratinib for 1 year after trastuzumab-based adjuvant therapy significantly "
         "improved 2-year invasive disease-free survival; diarrhoea should be managed with "
         "intensive prophylaxis."),
     publication_types=RCT3, registry_ids=["NCT00878709"],
     mesh=BASE_MESH + ["Quinolines*", "Chemotherapy, Adjuvant", "Protein Kinase Inhibitors"],
     keywords=["neratinib", "extended adjuvant"])

work(10, "destiny-breast01-2020", pmc=True, **NEJM, year=2020, month=2, day=13,
     volume="382", issue="7", pages="610-621", edat="2019-12-11",
     title="Trastuzumab deruxtecan in previously treated HER2-positive breast cancer.",
     authors=[A("Okafor", "Tobenna"), A("Brandt", "Moritz"), A("Lindqvist", "Elin"),
              A("Tanaka", "Hiroe"), A("Liu", "Xiaoming")],
     abstract=nejm(
         "Trastuzumab deruxtecan (DS-8201a) is an antibody-drug conjugate composed of an "
         "anti-HER2 antibody, a cleavable tetrapeptide-based linker, and a cytotoxic "
         "topoisomerase I inhibitor. The drug showed antitumor activity in a phase 1 trial "
         "involving patients with heavily pretreated HER2-positive advanced breast cancer.",
         "We conducted a two-part, open-label, single-group, multicenter, phase 2 study "
         "(DESTINY-Breast01) of trastuzumab deruxtecan in adults with HER2-positive metastatic "
         "breast cancer who had been previously treated with trastuzumab emtansine. The "
         "primary end point was the objective response rate by independent central review.",
         "A total of 184 patients who had received a median of six previous treatments "
         "received the recommended dose of 5.4 mg per kilogram. A response to therapy was "
         "reported in 112 patients (60.9%; 95% confidence interval [CI], 53.4 to 68.0), with "
         "a disease-control rate of 97.3% (95% CI, 93.8 to 99.1). The median duration of "
         "response was 14.8 months (95% CI, 13.8 to 16.9), and the median progression-free "
         "survival was 16.4 months (95% CI, 12.7 to not reached). The most common adverse "
         "events of grade 3 or higher were a decreased neutrophil count (in 20.7% of the "
         "patients), anemia (in 8.7%), and nausea (in 7.6%). Interstitial lung disease "
         "occurred in 13.6% of the patients (grade 1 or 2, 10.9%; grade 3 or 4, 0.5%; and "
         "grade 5, 2.2%).",
         "Trastuzumab deruxtecan showed durable antitumor activity in a pretreated patient "
         "population with HER2-positive metastatic breast cancer. To reduce the risk of "
         "interstitial lung disease, attention to pulmonary symptoms and careful monitoring "
         "are warranted. (DESTINY-Breast01 ClinicalTrials.gov number, NCT03248492.)"),
     publication_types=["Journal Article", "Clinical Trial, Phase II", "Multicenter Study"],
     registry_ids=["NCT03248492"],
     mesh=BASE_MESH + ["Camptothecin", "Immunoconjugates*", "Lung Diseases, Interstitial"],
     keywords=["trastuzumab deruxtecan", "T-DXd", "antibody-drug conjugate"])

# Crossref-only meeting abstract with (almost) the same title and authors as the NEJM paper:
# the ambiguous target of the no-DOI reference in review.txt.
work(11, "destiny-breast01-abstract-2020", in_pubmed=False, **CANCER_RES, year=2020,
     month=2, day=15, volume="80", issue="4 Suppl", pages="GS1-03", edat="2020-02-15",
     title="Trastuzumab deruxtecan in previously treated HER2-positive metastatic breast "
           "cancer: updated results [abstract].",
     authors=[A("Okafor", "Tobenna"), A("Brandt", "Moritz"), A("Tanaka", "Hiroe")],
     abstract=[S(None, "In the DESTINY-Breast01 phase 2 study, trastuzumab deruxtecan 5.4 "
                 "mg/kg in 184 patients with HER2-positive metastatic breast cancer previously "
                 "treated with T-DM1 produced a confirmed objective response rate of 61.4% and a "
                 "median duration of response of 20.8 months with longer follow-up; median "
                 "progression-free survival was 19.4 months. Interstitial lung disease was "
                 "reported in 15.2% of patients.")],
     publication_types=["Journal Article"], registry_ids=["NCT03248492"],
     keywords=["DESTINY-Breast01"])

work(12, "her2climb-2020", pmc=True, **NEJM, year=2020, month=2, day=13, volume="382",
     issue="7", pages="597-609", edat="2019-12-11",
     title="Tucatinib, trastuzumab, and capecitabine for HER2-positive metastatic breast "
           "cancer.",
     authors=[A("Ferreira", "Inês C"), A("Kowalczyk", "Jan"), A("Adeyemi", "Folake"),
              A("Whitfield", "Harriet"), A("Zhao", "Wenjun")],
     abstract=nejm(
         "Patients with HER2-positive metastatic breast cancer who have disease progression "
         "after therapy with multiple HER2-targeted agents have limited treatment options. "
         "Tucatinib is an investigational, oral, highly selective inhibitor of the HER2 "
         "tyrosine kinase.",
         "We randomly assigned 612 patients with HER2-positive metastatic breast cancer "
         "previously treated with trastuzumab, pertuzumab, and trastuzumab emtansine, with or "
         "without brain metastases, in a 2:1 ratio to receive either tucatinib or placebo, in "
         "combination with trastuzumab and capecitabine (HER2CLIMB). The primary end point "
         "was progression-free survival among the first 480 patients who underwent "
         "randomization.",
         "Progression-free survival at 1 year was 33.1% in the tucatinib-combination group "
         "and 12.3% in the placebo-combination group (hazard ratio for disease progression or "
         "death, 0.54; 95% confidence interval [CI], 0.42 to 0.71; P<0.001), and the median "
         "duration of progression-free survival was 7.8 months and 5.6 months, respectively. "
         "Overall survival at 2 years was 44.9% and 26.6% (hazard ratio for death, 0.66; 95% "
         "CI, 0.50 to 0.88; P=0.005); median overall survival was 21.9 months and 17.4 "
         "months. Among patients with brain metastases, progression-free survival at 1 year "
         "was 24.9% in the tucatinib-combination group and 0% in the placebo-combination "
         "group (hazard ratio, 0.48; 95% CI, 0.34 to 0.69; P<0.001). Diarrhea of grade 3 or "
         "higher occurred in 12.9% and 8.6% of patients, respectively.",
         "In heavily pretreated patients with HER2-positive metastatic breast cancer, "
         "including those with brain metastases, adding tucatinib to trastuzumab and "
         "capecitabine resulted in better progression-free survival and overall survival "
         "outcomes than adding placebo. (HER2CLIMB ClinicalTrials.gov number, NCT02614794.)"),
     publication_types=RCT3, registry_ids=["NCT02614794"],
     mesh=BASE_MESH + ["Oxazoles", "Pyridines", "Capecitabine", "Brain Neoplasms",
                       "Antineoplastic Combined Chemotherapy Protocols*"],
     keywords=["tucatinib", "brain metastases"])

work(13, "her2climb-cns-2020", pmc=True, **JCO, year=2020, month=8, day=10, volume="38",
     issue="23", pages="2610-2619", edat="2020-05-29",
     title="Intracranial efficacy and survival with tucatinib plus trastuzumab and "
           "capecitabine for previously treated HER2-positive breast cancer with brain "
           "metastases in the HER2CLIMB trial.",
     authors=[A("Kaur", "Simran"), A("Ferreira", "Inês C"), A("Demir", "Selin"),
              A("Haddad", "Rami")],
     abstract=jco(
         "Patients with human epidermal growth factor receptor 2 (HER2)-positive metastatic "
         "breast cancer and brain metastases have a poor prognosis. We report intracranial "
         "efficacy and survival outcomes in patients with brain metastases in HER2CLIMB.",
         "Patients were randomly assigned 2:1 to tucatinib or placebo combined with "
         "trastuzumab and capecitabine. All patients underwent baseline brain magnetic "
         "resonance imaging; those with brain metastases (n = 291) were characterized as "
         "having active or stable disease. End points included CNS progression-free survival "
         "(CNS-PFS), overall survival (OS), and intracranial objective response rate "
         "(ORR-IC).",
         "In patients with brain metastases, the risk of CNS progression or death was reduced "
         "by 68% in the tucatinib arm (hazard ratio [HR], 0.32; 95% CI, 0.22 to 0.48; P < "
         ".0001); median CNS-PFS was 9.9 months versus 4.2 months. The risk of death was "
         "reduced by 42% in the tucatinib arm (OS HR, 0.58; 95% CI, 0.40 to 0.85; P = .005); "
         "median OS was 18.1 versus 12.0 months. ORR-IC was higher in the tucatinib arm (47.3% "
         "v 20.0%; P = .03) among patients with measurable intracranial disease.",
         "In patients with HER2-positive breast cancer and brain metastases, tucatinib "
         "combined with trastuzumab and capecitabine doubled ORR-IC, reduced the risk of "
         "intracranial progression or death by two thirds, and reduced the risk of death by "
         "nearly half."),
     publication_types=RCT3, registry_ids=["NCT02614794"],
     mesh=BASE_MESH + ["Brain Neoplasms*", "Oxazoles", "Pyridines"],
     keywords=["CNS progression-free survival", "tucatinib", "HER2CLIMB"])

work(14, "nala-2020", pmc=True, **JCO, year=2020, month=9, day=20, volume="38", issue="27",
     pages="3138-3149", edat="2020-07-17",
     title="Neratinib plus capecitabine versus lapatinib plus capecitabine in HER2-positive "
           "metastatic breast cancer previously treated with ≥ 2 HER2-directed regimens: "
           "phase III NALA trial.",
     authors=[A("Barros", "Tiago"), A("Nguyen", "Thi Lan"), A("Moreau", "Camille"),
              A("Eriksen", "Nils"), A("Castellanos", "Rocío")],
     abstract=jco(
         "NALA (ClinicalTrials.gov identifier: NCT01808573) is a randomized, active-controlled, "
         "phase III trial comparing neratinib, an irreversible pan-HER tyrosine kinase "
         "inhibitor, plus capecitabine against lapatinib plus capecitabine in patients with "
         "centrally confirmed human epidermal growth factor receptor 2-positive metastatic "
         "breast cancer with ≥ 2 previous HER2-directed regimens.",
         "Patients (N = 621) were randomly assigned 1:1 to neratinib 240 mg once per day plus "
         "capecitabine or lapatinib 1,250 mg once per day plus capecitabine. Coprimary end "
         "points were centrally confirmed progression-free survival (PFS) and overall "
         "survival (OS).",
         "PFS was improved with neratinib plus capecitabine (hazard ratio [HR], 0.76; 95% CI, "
         "0.63 to 0.93; stratified log-rank P = .0059). The 6- and 12-month PFS rates were "
         "47.2% versus 37.8% and 28.8% versus 14.8%, respectively; mean PFS was 8.8 versus 6.6 "
         "months. The OS HR was 0.88 (95% CI, 0.72 to 1.07; P = .2086). Objective response "
         "rates were 32.8% versus 26.7% (P = .1201), and median duration of response was 8.5 "
         "versus 5.6 months. Fewer interventions for CNS disease occurred with neratinib "
         "(cumulative incidence, 22.8% v 29.2%; P = .043). The most common grade 3 adverse "
         "event was diarrhea (24.4% v 12.5%).",
         "Neratinib plus capecitabine significantly improved PFS and delayed time to "
         "intervention for CNS disease versus lapatinib plus capecitabine; diarrhea was "
         "manageable with prophylaxis."),
     publication_types=RCT3, registry_ids=["NCT01808573"],
     mesh=BASE_MESH + ["Quinolines*", "Lapatinib", "Capecitabine"],
     keywords=["neratinib", "NALA"])

work(15, "sophia-2021", **JAMA_ONC, year=2021, month=4, day=1, volume="7", issue="4",
     pages="573-584", edat="2021-01-22",
     title="Efficacy of margetuximab vs trastuzumab in patients with pretreated "
           "ERBB2-positive advanced breast cancer: a phase 3 randomized clinical trial.",
     authors=[A("Halvorsen", "Sigrid"), A("Liu", "Xiaoming"), A("Pinto", "Beatriz"),
              A("Vanterpool", "Grace"), A("Yilmaz", "Emre")],
     abstract=jama(
         "ERBB2 (formerly HER2)-positive advanced breast cancer remains typically incurable "
         "with optimal treatment undefined in later lines of therapy. Margetuximab is an "
         "Fc-engineered, ERBB2-directed antibody.",
         "To compare the clinical efficacy of margetuximab vs trastuzumab, each with "
         "chemotherapy, in patients with pretreated ERBB2-positive advanced breast cancer.",
         "The SOPHIA phase 3 randomized open-label trial allocated 536 patients who had "
         "previously received 2 or more anti-ERBB2 therapies, including pertuzumab, to "
         "margetuximab plus chemotherapy or trastuzumab plus chemotherapy.",
         "Margetuximab improved primary progression-free survival over trastuzumab with a 24% "
         "relative risk reduction (hazard ratio [HR], 0.76; 95% CI, 0.59-0.98; P = .03; median "
         "5.8 [95% CI, 5.5-7.0] months vs 4.9 [95% CI, 4.2-5.6] months). After the second "
         "planned interim analysis, median overall survival was 21.6 months with margetuximab "
         "vs 19.8 months with trastuzumab (HR, 0.89; 95% CI, 0.69-1.13; P = .33). The "
         "objective response rate was 22% vs 16% (P = .06). Grade 3 or higher adverse events "
         "occurred in 53.8% vs 52.6% of patients; infusion-related reactions were more common "
         "with margetuximab (13.3% vs 3.4%).",
         "In this randomized clinical trial, margetuximab plus chemotherapy had acceptable "
         "safety and a statistically significant improvement in progression-free survival "
         "compared with trastuzumab plus chemotherapy in ERBB2-positive advanced breast "
         "cancer after progression on 2 or more prior anti-ERBB2 therapies."),
     publication_types=RCT3, registry_ids=["NCT02492711"],
     mesh=BASE_MESH + ["Antibodies, Monoclonal, Humanized*", "Trastuzumab"],
     keywords=["margetuximab", "Fc engineering", "SOPHIA"])

work(16, "phoebe-2021", **LANCET_ONC, year=2021, month=3, volume="22", issue="3",
     pages="351-360", edat="2021-01-29",
     title="Pyrotinib plus capecitabine versus lapatinib plus capecitabine for the treatment "
           "of HER2-positive metastatic breast cancer (PHOEBE): a multicentre, open-label, "
           "randomised, controlled, phase 3 trial.",
     authors=[A("Huang", "Meiling"), A("Zhao", "Wenjun"), A("Liu", "Xiaoming"),
              A("Park", "Jiwoo")],
     abstract=lancet(
         "Pyrotinib, an irreversible pan-HER tyrosine kinase inhibitor, showed promising "
         "activity in a phase 2 trial. We compared pyrotinib plus capecitabine with lapatinib "
         "plus capecitabine in HER2-positive metastatic breast cancer after trastuzumab.",
         "PHOEBE is a multicentre, open-label, randomised, controlled, phase 3 trial at 29 "
         "hospitals in China. 267 patients previously treated with trastuzumab and taxanes "
         "were randomly assigned (1:1) to pyrotinib 400 mg or lapatinib 1250 mg once daily, "
         "each with capecitabine. The primary endpoint was progression-free survival by "
         "independent central review.",
         "Median progression-free survival was significantly longer with pyrotinib plus "
         "capecitabine (12·5 months [95% CI 9·7–not reached]) than with lapatinib plus "
         "capecitabine (6·8 months [5·4–8·1]; hazard ratio 0·39 [95% CI 0·27–0·56]; "
         "one-sided p<0·0001). The most common grade 3 or worse adverse events were "
         "diarrhoea (41 [31%] of 134 patients in the pyrotinib group vs 11 [8%] of 132 in the "
         "lapatinib group) and hand-foot syndrome (22 [16%] vs 20 [15%]).",
         "Pyrotinib plus capecitabine significantly improved progression-free survival "
         "compared with lapatinib plus capecitabine and can be considered an alternative "
         "treatment option for HER2-positive metastatic breast cancer after trastuzumab and "
         "chemotherapy."),
     publication_types=RCT3, registry_ids=["NCT03080805"],
     mesh=BASE_MESH + ["Acrylamides*", "Aminopyridines", "Lapatinib", "Capecitabine"],
     keywords=["pyrotinib", "PHOEBE"])

work(17, "phenix-2020", **JCO, year=2020, month=12, day=1, volume="38", issue="34",
     pages="4047-4057", edat="2020-09-25",
     title="Pyrotinib plus capecitabine in patients with HER2-positive metastatic breast "
           "cancer previously treated with trastuzumab and taxanes: the randomized phase III "
           "PHENIX trial.",
     authors=[A("Zhao", "Wenjun"), A("Huang", "Meiling"), A("Rossi", "Giulia")],
     abstract=jco(
         "To evaluate the efficacy and safety of pyrotinib plus capecitabine versus placebo "
         "plus capecitabine in patients with human epidermal growth factor receptor "
         "2-positive metastatic breast cancer previously treated with trastuzumab and "
         "taxanes.",
         "In this randomized, double-blind, placebo-controlled phase III trial (PHENIX), 279 "
         "patients were randomly assigned 2:1 to pyrotinib 400 mg once daily or placebo, each "
         "combined with capecitabine. The primary end point was progression-free survival "
         "(PFS) assessed by independent central review.",
         "Median PFS was 11.1 months with pyrotinib plus capecitabine versus 4.1 months with "
         "placebo plus capecitabine (hazard ratio, 0.18; 95% CI, 0.13 to 0.26; P < .001). The "
         "objective response rate was 68.6% versus 16.0% (P < .001). In patients with "
         "baseline brain metastases, median PFS was 6.9 versus 4.2 months (P = .011). The "
         "most common grade 3 or higher adverse events were diarrhea (30.8% v 12.9%) and "
         "hand-foot syndrome (15.7% v 5.4%).",
         "Pyrotinib plus capecitabine significantly prolonged PFS versus placebo plus "
         "capecitabine with manageable toxicity in patients previously treated with "
         "trastuzumab and taxanes."),
     publication_types=RCT3, registry_ids=["NCT02973737"],
     mesh=BASE_MESH + ["Acrylamides*", "Aminopyridines", "Capecitabine"],
     keywords=["pyrotinib", "PHENIX"])

work(18, "destiny-breast03-2022", pmc=True, **NEJM, year=2022, month=3, day=24,
     volume="386", issue="12", pages="1143-1154", edat="2022-03-23",
     title="Trastuzumab deruxtecan versus trastuzumab emtansine for breast cancer.",
     authors=[A("Castellanos", "Rocío"), A("Okafor", "Tobenna"), A("Solberg", "Ingrid"),
              A("Varga", "Bence"), A("Kristiansen", "Mads")],
     abstract=nejm(
         "Trastuzumab emtansine (T-DM1) is the current standard second-line treatment for "
         "human epidermal growth factor receptor 2 (HER2)-positive metastatic breast cancer. "
         "Trastuzumab deruxtecan (T-DXd), an antibody-drug conjugate, had shown durable "
         "antitumor activity in patients previously treated with T-DM1.",
         "In this phase 3, multicenter, open-label trial (DESTINY-Breast03), we randomly "
         "assigned 524 patients with HER2-positive metastatic breast cancer previously "
         "treated with trastuzumab and a taxane to receive T-DXd (5.4 mg per kilogram) or "
         "T-DM1 (3.6 mg per kilogram) every 3 weeks. The primary end point was "
         "progression-free survival by blinded independent central review.",
         "The percentage of patients who were alive without disease progression at 12 months "
         "was 75.8% (95% CI, 69.8 to 80.7) with T-DXd and 34.1% (95% CI, 27.7 to 40.5) with "
         "T-DM1 (hazard ratio for progression or death from any cause, 0.28; 95% CI, 0.22 to "
         "0.37; P<0.001). The percentage of patients who were alive at 12 months was 94.1% "
         "with T-DXd and 85.9% with T-DM1 (hazard ratio for death, 0.56; 95% CI, 0.36 to "
         "0.86; P=0.007; prespecified significance boundary not reached). An overall response "
         "was observed in 79.7% of the patients who received T-DXd and in 34.2% of those who "
         "received T-DM1. Drug-related adverse events of grade 3 or 4 occurred in 45.1% and "
         "39.8% of patients, respectively. Drug-related interstitial lung disease or "
         "pneumonitis occurred in 10.5% of the patients in the T-DXd group and in 1.9% of "
         "those in the T-DM1 group; none of these events were of grade 4 or 5.",
         "Among patients with HER2-positive metastatic breast cancer previously treated with "
         "trastuzumab and a taxane, the risk of disease progression or death was lower among "
         "those who received T-DXd than among those who received T-DM1. (DESTINY-Breast03 "
         "ClinicalTrials.gov number, NCT03529110.)"),
     publication_types=RCT3, registry_ids=["NCT03529110"],
     mesh=BASE_MESH + ["Camptothecin", "Immunoconjugates*", "Ado-Trastuzumab Emtansine",
                       "Lung Diseases, Interstitial"],
     keywords=["T-DXd", "T-DM1", "second-line"],
     corrections=[{"type": "ErratumIn", "pmid": "99000031", "doi": "10.5555/her2mine.0031",
                   "note": "N Engl J Med. 2022 Jul 21;387(3):288. doi: 10.5555/her2mine.0031.",
                   "source": "pubmed"}])

work(19, "destiny-breast03-os-2023", **LANCET, year=2023, month=1, day=14, volume="401",
     issue="10371", pages="105-117", edat="2022-12-10",
     title="Trastuzumab deruxtecan versus trastuzumab emtansine in patients with "
           "HER2-positive metastatic breast cancer: updated results from DESTINY-Breast03, a "
           "randomised, open-label, phase 3 trial.",
     authors=[A("Demir", "Selin"), A("Castellanos", "Rocío"), A("Baptiste", "Nadia"),
              A("Okafor", "Tobenna")],
     abstract=lancet(
         "In the primary analysis of DESTINY-Breast03, trastuzumab deruxtecan significantly "
         "improved progression-free survival versus trastuzumab emtansine. We report updated "
         "efficacy results including a planned interim analysis of overall survival.",
         "524 patients with HER2-positive unresectable or metastatic breast cancer previously "
         "treated with trastuzumab and a taxane were randomly assigned (1:1) to trastuzumab "
         "deruxtecan 5·4 mg/kg or trastuzumab emtansine 3·6 mg/kg every 3 weeks.",
         "Median progression-free survival by blinded independent central review was 28·8 "
         "months (95% CI 22·4–37·9) with trastuzumab deruxtecan versus 6·8 months (5·6–8·2) "
         "with trastuzumab emtansine (hazard ratio [HR] 0·33 [95% CI 0·26–0·43]; nominal "
         "p<0·0001). Median overall survival was not reached in either group (HR 0·64 "
         "[0·47–0·87]; p=0·0037). Grade 3 or worse treatment-emergent adverse events occurred "
         "in 56% of patients with trastuzumab deruxtecan and 52% with trastuzumab emtansine. "
         "Adjudicated drug-related interstitial lung disease or pneumonitis occurred in 15% "
         "versus 3%, with no grade 4 or 5 events.",
         "Trastuzumab deruxtecan showed a significant overall survival benefit versus "
         "trastuzumab emtansine, reinforcing it as the standard of care in the second-line "
         "setting."),
     publication_types=RCT3, registry_ids=["NCT03529110"],
     mesh=BASE_MESH + ["Camptothecin", "Immunoconjugates*", "Ado-Trastuzumab Emtansine"],
     keywords=["DESTINY-Breast03", "overall survival"])

work(20, "destiny-breast02-2023", **LANCET, year=2023, month=5, day=27, volume="401",
     issue="10390", pages="1773-1785", edat="2023-05-08",
     title="Trastuzumab deruxtecan versus treatment of physician's choice in patients with "
           "HER2-positive metastatic breast cancer (DESTINY-Breast02): a randomised, "
           "open-label, multicentre, phase 3 trial.",
     authors=[A("Achterberg", "Joost"), A("Delacroix", "Amélie"), A("Tanaka", "Hiroe"),
              A("Brandt", "Moritz"), A("Sørensen", "Kirsten")],
     abstract=lancet(
         "Trastuzumab deruxtecan showed durable activity in the single-group DESTINY-Breast01 "
         "trial. We compared it with treatment of physician's choice in patients previously "
         "treated with trastuzumab emtansine.",
         "In this randomised, open-label, phase 3 trial, 608 patients were randomly assigned "
         "(2:1) to trastuzumab deruxtecan 5·4 mg/kg or physician's choice of trastuzumab plus "
         "capecitabine or lapatinib plus capecitabine. The primary endpoint was "
         "progression-free survival by blinded independent central review.",
         "Median progression-free survival was 17·8 months (95% CI 14·3–20·8) with "
         "trastuzumab deruxtecan versus 6·9 months (5·5–8·4) with treatment of physician's "
         "choice (HR 0·36 [95% CI 0·28–0·45]; p<0·0001). Median overall survival was 39·2 "
         "months (32·7–not estimable) versus 26·5 months (21·0–not estimable; HR 0·66 "
         "[0·50–0·86]; p=0·0021). The confirmed objective response rate was 69·7% versus "
         "29·2%. Grade 3 or worse treatment-emergent adverse events occurred in 53% versus "
         "44% of patients. Adjudicated drug-related interstitial lung disease or pneumonitis "
         "occurred in 10% of patients receiving trastuzumab deruxtecan, including two grade 5 "
         "events.",
         "Trastuzumab deruxtecan showed a favourable benefit-risk profile, with improved "
         "progression-free and overall survival compared with treatment of physician's choice "
         "in patients previously treated with trastuzumab emtansine."),
     publication_types=RCT3, registry_ids=["NCT03523585"],
     mesh=BASE_MESH + ["Camptothecin", "Immunoconjugates*", "Capecitabine", "Lapatinib"],
     keywords=["DESTINY-Breast02", "T-DXd"])

work(21, "destiny-breast04-2022", pmc=True, **NEJM, year=2022, month=7, day=7,
     volume="387", issue="1", pages="9-20", edat="2022-06-05",
     title="Trastuzumab deruxtecan in previously treated HER2-low advanced breast cancer.",
     authors=[A("Lindqvist", "Elin"), A("Okafor", "Tobenna"), A("Quist", "Marten"),
              A("Nakagawa", "Ren"), A("Ferreira", "Inês C")],
     abstract=nejm(
         "Among breast cancers without human epidermal growth factor receptor 2 (HER2) "
         "amplification, overexpression, or both, a large proportion express low levels of "
         "HER2 that may be targetable. Currently available HER2-directed therapies have been "
         "ineffective in patients with these \"HER2-low\" cancers.",
         "We conducted a phase 3 trial (DESTINY-Breast04) involving 557 patients with HER2-low "
         "metastatic breast cancer who had received one or two previous lines of "
         "chemotherapy. Patients were randomly assigned in a 2:1 ratio to receive trastuzumab "
         "deruxtecan or the physician's choice of chemotherapy. The primary end point was "
         "progression-free survival in the hormone receptor-positive cohort.",
         "In the hormone receptor-positive cohort, the median progression-free survival was "
         "10.1 months in the trastuzumab deruxtecan group and 5.4 months in the physician's "
         "choice group (hazard ratio for disease progression or death, 0.51; P<0.001), and "
         "overall survival was 23.9 months and 17.5 months, respectively (hazard ratio for "
         "death, 0.64; P=0.003). Among all patients, the median progression-free survival was "
         "9.9 months and 5.1 months (hazard ratio, 0.50; P<0.001), and overall survival was "
         "23.4 months and 16.8 months (hazard ratio, 0.64; P=0.001). Adverse events of grade "
         "3 or higher occurred in 52.6% of the patients who received trastuzumab deruxtecan "
         "and 67.4% of those who received the physician's choice of chemotherapy. "
         "Adjudicated, drug-related interstitial lung disease or pneumonitis occurred in "
         "12.1% of the patients who received trastuzumab deruxtecan; 0.8% had grade 5 events.",
         "In this trial involving patients with HER2-low metastatic breast cancer, trastuzumab "
         "deruxtecan resulted in significantly longer progression-free and overall survival "
         "than the physician's choice of chemotherapy. (DESTINY-Breast04 ClinicalTrials.gov "
         "number, NCT03734029.)"),
     publication_types=RCT3, registry_ids=["NCT03734029"],
     mesh=BASE_MESH + ["Camptothecin", "Immunoconjugates*"],
     keywords=["HER2-low", "T-DXd"])

work(22, "her2climb-02-2024", **JCO, year=2024, month=10, day=1, volume="42",
     issue="28", pages="3327-3340", edat="2024-07-08",
     title="Tucatinib or placebo plus trastuzumab emtansine in previously treated "
           "HER2-positive metastatic breast cancer: the randomized phase III HER2CLIMB-02 "
           "trial.",
     authors=[A("Whitfield", "Harriet"), A("Kaur", "Simran"), A("Lopez-Ibarra", "Mateo")],
     abstract=jco(
         "Tucatinib, a highly selective HER2 tyrosine kinase inhibitor, improved outcomes "
         "with trastuzumab and capecitabine. HER2CLIMB-02 evaluated tucatinib or placebo "
         "combined with trastuzumab emtansine (T-DM1).",
         "Patients (N = 463) with HER2-positive metastatic breast cancer previously treated "
         "with trastuzumab and a taxane were randomly assigned 1:1 to tucatinib or placebo "
         "with T-DM1. The primary end point was investigator-assessed progression-free "
         "survival (PFS).",
         "Median PFS was 9.5 months with tucatinib plus T-DM1 and 7.4 months with placebo "
         "plus T-DM1 (hazard ratio [HR], 0.76; 95% CI, 0.61 to 0.95; P = .0163). In patients "
         "with brain metastases, median PFS was 7.8 versus 5.7 months (HR, 0.64; 95% CI, 0.46 "
         "to 0.89). The objective response rate was 42.0% versus 36.1%. Grade 3 or higher "
         "adverse events occurred in 69.8% versus 41.0% of patients, most commonly nausea, "
         "increased transaminase levels, and thrombocytopenia.",
         "Tucatinib plus T-DM1 significantly improved PFS compared with placebo plus T-DM1, "
         "with additional toxicity."),
     publication_types=RCT3, registry_ids=["NCT03975647"],
     mesh=BASE_MESH + ["Ado-Trastuzumab Emtansine", "Oxazoles", "Pyridines"],
     keywords=["tucatinib", "T-DM1", "HER2CLIMB-02"])

work(23, "phila-2024", **BMJ, year=2024, month=2, day=15, volume="384",
     pages="e076065", edat="2024-02-16",
     title="Pyrotinib versus placebo in combination with trastuzumab and docetaxel as first "
           "line treatment in patients with HER2 positive metastatic breast cancer (PHILA): "
           "randomised, double blind, multicentre, phase 3 trial.",
     authors=[A("Liu", "Xiaoming"), A("Huang", "Meiling"), A("Park", "Jiwoo"),
              A("Zhao", "Wenjun")],
     abstract=[
         S("OBJECTIVE", "To assess the efficacy and safety of pyrotinib, an irreversible "
           "pan-HER tyrosine kinase inhibitor, added to trastuzumab and docetaxel as first line "
           "treatment for HER2 positive metastatic breast cancer."),
         S("DESIGN", "Randomised, double blind, multicentre, phase 3 trial (PHILA).",
           "METHODS"),
         S("PARTICIPANTS", "590 women with untreated HER2 positive metastatic breast cancer "
           "at 40 centres in China, randomly assigned (1:1) to pyrotinib (n=297) or placebo "
           "(n=293), each with trastuzumab and docetaxel.", "METHODS"),
         S("MAIN OUTCOME MEASURES", "Investigator assessed progression-free survival.",
           "METHODS"),
         S("RESULTS", "Median progression-free survival was 22.1 months (95% confidence "
           "interval 20.6 to 24.9) in the pyrotinib group versus 10.5 months (9.3 to 12.3) in "
           "the placebo group (hazard ratio 0.44, 95% confidence interval 0.36 to 0.53; one "
           "sided P<0.001). The objective response rate was 82.8% versus 70.6%. The most "
           "common grade 3 or higher adverse event was diarrhoea (46.1% v 3.8%); no deaths "
           "were attributed to pyrotinib."),
         S("CONCLUSIONS", "Adding pyrotinib to trastuzumab and docetaxel significantly "
           "improved progression-free survival, with manageable toxicity."),
         S("TRIAL REGISTRATION", "ClinicalTrials.gov NCT03863223.", "BACKGROUND"),
     ],
     publication_types=RCT3, registry_ids=["NCT03863223"],
     mesh=BASE_MESH + ["Acrylamides*", "Aminopyridines", "Trastuzumab", "Docetaxel"],
     keywords=["pyrotinib", "first line", "PHILA"])

work(24, "destiny-breast12-2024", **NAT_MED, year=2024, month=12, volume="30",
     issue="12", pages="3717-3727", edat="2024-09-13",
     title="Trastuzumab deruxtecan in patients with HER2-positive advanced breast cancer "
           "with or without brain metastases: a phase 3b/4 trial.",
     authors=[A("Brandt", "Moritz"), A("Schreiber", "Anke"), A("Osei", "Kwame"),
              A("Adeyemi", "Folake")],
     abstract=[S(None,
                 "Patients with HER2-positive advanced breast cancer frequently develop brain "
                 "metastases. DESTINY-Breast12 was a single-arm, open-label, phase 3b/4 study "
                 "of trastuzumab deruxtecan (T-DXd) 5.4 mg/kg in patients with previously "
                 "treated HER2-positive advanced breast cancer with (n = 263) or without "
                 "(n = 241) baseline brain metastases. In patients with brain metastases, the "
                 "intracranial objective response rate was 71.7% (95% confidence interval "
                 "(CI) 64.2–78.3%) and the 12-month progression-free survival was 61.6% (95% "
                 "CI 54.9–67.6%). In patients without brain metastases, the objective "
                 "response rate was 62.7% (95% CI 56.5–68.8%) and 12-month progression-free "
                 "survival was 76.5% (95% CI 71.0–81.1%). Interstitial lung disease of any "
                 "grade occurred in 16.0% and 12.9% of patients, respectively, with grade 5 "
                 "events in 2.7% and 0.4%. T-DXd showed substantial and durable intracranial "
                 "activity, supporting its use regardless of brain metastasis status.")],
     publication_types=["Journal Article", "Clinical Trial", "Multicenter Study"],
     registry_ids=["NCT04739761"],
     mesh=BASE_MESH + ["Brain Neoplasms*", "Camptothecin", "Immunoconjugates"],
     keywords=["brain metastases", "T-DXd", "DESTINY-Breast12"])

work(25, "destiny-breast09-2025", pmc=True, **NEJM, year=2025, month=9, day=4,
     volume="393", issue="9", pages="850-862", edat="2025-06-01",
     title="Trastuzumab deruxtecan plus pertuzumab for HER2-positive metastatic breast "
           "cancer.",
     authors=[A("Iyer", "Radhika"), A("Lindqvist", "Elin"), A("Abernethy", "Lucia M"),
              A("Novak", "Petra"), A("Haddad", "Rami")],
     abstract=nejm(
         "Taxane-based chemotherapy with trastuzumab and pertuzumab (THP) has been the "
         "first-line standard for HER2-positive metastatic breast cancer for more than a "
         "decade. Whether trastuzumab deruxtecan plus pertuzumab improves outcomes is "
         "unknown.",
         "In this phase 3 trial (DESTINY-Breast09), patients with previously untreated "
         "HER2-positive advanced or metastatic breast cancer were randomly assigned in a 1:1:1 "
         "ratio to trastuzumab deruxtecan plus pertuzumab, trastuzumab deruxtecan plus "
         "placebo, or THP. We report the interim analysis comparing trastuzumab deruxtecan "
         "plus pertuzumab (383 patients) with THP (387 patients). The primary end point was "
         "progression-free survival by blinded independent central review.",
         "The median progression-free survival was 40.7 months (95% CI, 36.5 to not "
         "estimable) with trastuzumab deruxtecan plus pertuzumab and 26.9 months (95% CI, "
         "21.8 to not estimable) with THP (hazard ratio for progression or death, 0.56; 95% "
         "CI, 0.44 to 0.71; P<0.001). A confirmed objective response occurred in 85.1% and "
         "78.6% of patients, respectively, with complete responses in 15.1% and 8.5%. "
         "Overall survival data were immature (hazard ratio, 0.84). Adverse events of grade "
         "3 or higher occurred in 63.5% and 62.3% of patients. Drug-related interstitial lung "
         "disease or pneumonitis occurred in 12.1% of patients in the trastuzumab deruxtecan "
         "plus pertuzumab group (grade 5, 0.5%) and in 1.0% of the THP group.",
         "First-line trastuzumab deruxtecan plus pertuzumab led to significantly longer "
         "progression-free survival than THP among patients with HER2-positive advanced or "
         "metastatic breast cancer. (DESTINY-Breast09 ClinicalTrials.gov number, "
         "NCT04784715.)"),
     publication_types=RCT3, registry_ids=["NCT04784715"],
     mesh=BASE_MESH + ["Camptothecin", "Immunoconjugates*", "Docetaxel", "Trastuzumab"],
     keywords=["first-line", "T-DXd", "pertuzumab"])

work(26, "kristine-2018", **LANCET_ONC, year=2018, month=1, volume="19", issue="1",
     pages="115-126", edat="2017-11-23",
     title="Neoadjuvant trastuzumab emtansine and pertuzumab in human epidermal growth "
           "factor receptor 2-positive breast cancer (KRISTINE): a randomised, open-label, "
           "multicentre, phase 3 trial.",
     authors=[A("Pinto", "Beatriz"), A("Novak", "Petra"), A("Kowalczyk", "Jan"),
              A("Rossi", "Giulia")],
     abstract=lancet(
         "Trastuzumab emtansine plus pertuzumab might provide an effective and less toxic "
         "neoadjuvant regimen than standard chemotherapy plus dual HER2 blockade.",
         "In this randomised, open-label, phase 3 trial (KRISTINE), 444 patients with stage "
         "II–III HER2-positive breast cancer were assigned to neoadjuvant trastuzumab "
         "emtansine plus pertuzumab or docetaxel, carboplatin, and trastuzumab plus "
         "pertuzumab (TCHP). The primary endpoint was pathological complete response.",
         "A pathological complete response was achieved in 99 (44·4%) of 223 patients in the "
         "trastuzumab emtansine plus pertuzumab group and 123 (55·7%) of 221 in the TCHP "
         "group (absolute difference −11·3 percentage points [95% CI −20·5 to −2·0]; "
         "p=0·016). Grade 3 or worse adverse events were less frequent with trastuzumab "
         "emtansine plus pertuzumab (13%) than with TCHP (64%).",
         "Although TCHP resulted in a higher pathological complete response rate, trastuzumab "
         "emtansine plus pertuzumab was associated with fewer grade 3 or worse adverse "
         "events."),
     publication_types=RCT3, registry_ids=["NCT02131064"],
     mesh=BASE_MESH + ["Neoadjuvant Therapy*", "Ado-Trastuzumab Emtansine"],
     keywords=["KRISTINE", "neoadjuvant"])

# PubMed-only: DOI registered with another agency, so Crossref answers 404 for it.
work(27, "pyrotinib-rwe-2023", in_crossref=False, **CHIN_J, year=2023, month=5, day=23,
     volume="45", issue="5", pages="410-417", edat="2023-05-25",
     title="Real-world efficacy of pyrotinib-based therapy in HER2-positive metastatic "
           "breast cancer: a multicentre retrospective study.",
     authors=[A("Zhao", "Wenjun"), A("Liu", "Xiaoming")],
     language="chi",
     abstract=[
         S("OBJECTIVE", "To evaluate the efficacy and safety of pyrotinib-based therapy for "
           "HER2-positive metastatic breast cancer in routine clinical practice."),
         S("METHODS", "Clinical data of 312 patients treated with pyrotinib-containing "
           "regimens at 12 centres were collected retrospectively."),
         S("RESULTS", "The median progression-free survival was 8.4 months (95% CI: 7.3-9.5) "
           "and the objective response rate was 39.1%. Patients receiving pyrotinib as "
           "second-line therapy had a longer median PFS than those in third or later lines "
           "(10.9 vs 6.8 months, P<0.001). Grade 3 diarrhea occurred in 18.6% of patients."),
         S("CONCLUSIONS", "Pyrotinib-based therapy is effective with manageable toxicity in "
           "real-world patients with HER2-positive metastatic breast cancer."),
     ],
     publication_types=["Journal Article", "Multicenter Study", "English Abstract"],
     mesh=BASE_MESH + ["Acrylamides*", "Aminopyridines", "Retrospective Studies"],
     keywords=["pyrotinib", "real-world"])

# PubMed-only, no DOI at all.
work(28, "tdm1-brain-kamilla-2020", doi=False, in_crossref=False, **EJC, year=2020, month=3,
     volume="128", pages="60-69", edat="2020-02-20",
     title="Trastuzumab emtansine in HER2-positive breast cancer with brain metastases: "
           "exploratory analysis of a large expanded-access cohort.",
     authors=[A("Eriksen", "Nils"), A("Vanterpool", "Grace"), A("Müller-Thal", "Jörg")],
     abstract=[S(None,
                 "We analysed 399 patients with baseline brain metastases treated with "
                 "trastuzumab emtansine 3.6 mg/kg in an expanded-access study. Among 126 "
                 "patients with measurable brain lesions, the best overall response rate in "
                 "the brain was 21.4% and the clinical benefit rate was 42.9%. Median "
                 "progression-free survival was 5.5 months (95% CI 5.3-5.6) and median "
                 "overall survival 18.9 months (95% CI 17.1-21.3). Grade 3 or higher adverse "
                 "events occurred in 24.3% of patients; thrombocytopenia of grade 3 or higher "
                 "in 6.0%.")],
     publication_types=["Journal Article", "Clinical Trial, Phase III"],
     registry_ids=["NCT01702571"],
     mesh=BASE_MESH + ["Ado-Trastuzumab Emtansine*", "Brain Neoplasms"],
     keywords=["brain metastases", "T-DM1"])

# Retracted (invented) pilot study + its retraction notice.
work(29, "hermes2-retracted-2021", **EJC, year=2021, month=6, volume="150",
     pages="101-110", edat="2021-04-19", mdat="2024-03-12",
     title="Low-dose lapatinib with trastuzumab and capecitabine in HER2-positive metastatic "
           "breast cancer: the HERMES-2 pilot study.",
     authors=[A("Varga", "Bence"), A("O'Rourke", "Siobhan"), A("Yilmaz", "Emre")],
     abstract=[
         S("BACKGROUND", "Dose-limiting diarrhoea restricts lapatinib-based therapy. We "
           "tested a low-dose schedule combined with trastuzumab and capecitabine."),
         S("METHODS", "In this single-arm pilot study (HERMES-2), 64 patients received "
           "lapatinib 750 mg daily with trastuzumab and capecitabine."),
         S("RESULTS", "The objective response rate was 53.1% (95% CI 40.2-65.7) and median "
           "progression-free survival was 9.2 months (95% CI 7.4-11.0). Grade 3 diarrhoea "
           "occurred in 4.7% of patients."),
         S("CONCLUSIONS", "Low-dose lapatinib retained activity with less toxicity."),
     ],
     publication_types=["Journal Article", "Clinical Trial, Phase II",
                        "Retracted Publication"],
     registry_ids=["NCT09999901"],
     mesh=BASE_MESH + ["Lapatinib*", "Capecitabine", "Trastuzumab"],
     keywords=["lapatinib", "pilot study"],
     corrections=[{"type": "RetractionIn", "pmid": "99000030",
                   "doi": "10.5555/her2mine.0030",
                   "note": "Eur J Cancer. 2024 Mar;199:113540. doi: 10.5555/her2mine.0030.",
                   "source": "pubmed"}])

work(30, "hermes2-retraction-2024", **EJC, year=2024, month=3, volume="199",
     pages="113540", edat="2024-03-12",
     title="Retraction notice to \"Low-dose lapatinib with trastuzumab and capecitabine in "
           "HER2-positive metastatic breast cancer: the HERMES-2 pilot study\".",
     authors=[],
     abstract=[S(None, "This article has been retracted at the request of the authors and "
                 "the Editor-in-Chief: the investigators could not verify the source data "
                 "underlying the reported response rates.")],
     publication_types=["Retraction of Publication"],
     corrections=[{"type": "RetractionOf", "pmid": "99000029", "doi": "10.5555/her2mine.0029",
                   "note": "Eur J Cancer. 2021 Jun;150:101-110. doi: 10.5555/her2mine.0029.",
                   "source": "pubmed"}])

work(31, "destiny-breast03-erratum-2022", **NEJM, year=2022, month=7, day=21,
     volume="387", issue="3", pages="288", edat="2022-07-20",
     title="Erratum: Trastuzumab deruxtecan versus trastuzumab emtansine for breast cancer.",
     authors=[], abstract=[],
     publication_types=["Published Erratum"],
     corrections=[{"type": "ErratumFor", "pmid": "99000018", "doi": "10.5555/her2mine.0018",
                   "note": "N Engl J Med. 2022 Mar 24;386(12):1143-1154. doi: "
                           "10.5555/her2mine.0018.", "source": "pubmed"}])

# Crossref-only book chapter.
work(32, "adc-book-chapter-2023", in_pubmed=False, year=2023, month=8, day=30,
     pages="211-236", edat="2023-08-30", crossref_type="book-chapter",
     container_title="Synthetic Handbook of HER2-Positive Breast Cancer",
     isbn="978-0-00-000000-2",
     title="Antibody-drug conjugates targeting HER2: from trastuzumab emtansine to "
           "trastuzumab deruxtecan.",
     authors=[A("Novak", "Petra"), A("Moreau", "Camille")],
     abstract=[S(None, "This chapter reviews HER2-directed antibody-drug conjugates. In "
                 "EMILIA, trastuzumab emtansine prolonged median progression-free survival to "
                 "9.6 months versus 6.4 months with lapatinib plus capecitabine (HR 0.65). In "
                 "DESTINY-Breast03, trastuzumab deruxtecan reduced the risk of progression or "
                 "death by 72% versus trastuzumab emtansine (HR 0.28; 95% CI 0.22-0.37).")],
     publication_types=["Review"], keywords=["antibody-drug conjugates"])

work(33, "destiny-breast05-2026", pmc=True, **NEJM, year=2026, month=1, day=15,
     volume="394", issue="2", pages="120-132", edat="2026-01-14",
     title="Trastuzumab deruxtecan versus trastuzumab emtansine for residual invasive "
           "HER2-positive early breast cancer.",
     authors=[A("Kristiansen", "Mads"), A("Müller-Thal", "Jörg"), A("Osei", "Kwame"),
              A("Halvorsen", "Sigrid")],
     abstract=nejm(
         "Adjuvant trastuzumab emtansine (T-DM1) is the standard for patients with residual "
         "invasive HER2-positive early breast cancer after neoadjuvant therapy, but many "
         "high-risk patients still have recurrence.",
         "In this phase 3 trial (DESTINY-Breast05), 1600 patients with high-risk residual "
         "invasive disease after neoadjuvant therapy were randomly assigned to trastuzumab "
         "deruxtecan or T-DM1 for 14 cycles. The primary end point was invasive "
         "disease-free survival.",
         "At 3 years, invasive disease-free survival was 92.4% with trastuzumab deruxtecan "
         "and 83.7% with T-DM1 (hazard ratio for invasive disease or death, 0.47; 95% CI, "
         "0.34 to 0.66; P<0.001). Drug-related interstitial lung disease occurred in 9.6% and "
         "1.6% of patients, respectively, with two grade 5 events in the trastuzumab "
         "deruxtecan group.",
         "Adjuvant trastuzumab deruxtecan significantly reduced the risk of invasive disease "
         "recurrence or death compared with T-DM1. (DESTINY-Breast05 ClinicalTrials.gov "
         "number, NCT04622319.)"),
     publication_types=RCT3, registry_ids=["NCT04622319"],
     mesh=BASE_MESH + ["Camptothecin", "Immunoconjugates*", "Chemotherapy, Adjuvant"],
     keywords=["residual disease", "T-DXd", "adjuvant"])


def main() -> None:
    out = HERE / "corpus.jsonl"
    for rec in RECORDS:
        rec.setdefault("synthetic", True)
    atomic_write_text(out, "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in RECORDS))
    print(f"wrote {len(RECORDS)} records to {out}")


if __name__ == "__main__":
    main()
