"""Render corpus works as PubMed EFetch XML and ESearch XML, shaped like current NCBI output.

Layout follows the 2024-2025 captures: one ``<PubmedArticle>`` per line and non-ASCII written as
hexadecimal character references (``&#xf6;``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from her2mine.testserver.corpus import Corpus, CorpusWork

PUBMED_HEADER = (
    '<?xml version="1.0" ?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)
ESEARCH_HEADER = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n'
    '<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'
)
EFETCH_ERROR_HEADER = '<?xml version="1.0" encoding="UTF-8" ?>\n'

# Real MeSH / publication-type UIs for the terms the corpus uses; others get a stable fake UI.
PUBTYPE_UI = {
    "Journal Article": "D016428",
    "Randomized Controlled Trial": "D016449",
    "Clinical Trial, Phase III": "D017428",
    "Clinical Trial, Phase II": "D017427",
    "Clinical Trial": "D016430",
    "Multicenter Study": "D016448",
    "Comparative Study": "D003160",
    "Published Erratum": "D016425",
    "Retraction of Publication": "D016441",
    "Retracted Publication": "D016440",
    "Review": "D016454",
    "Letter": "D016422",
    "Meta-Analysis": "D017418",
    "Systematic Review": "D000078182",
    "Observational Study": "D064888",
    "Research Support, Non-U.S. Gov't": "D013485",
    "English Abstract": "D004740",
}
MESH_UI = {
    "Humans": "D006801",
    "Female": "D005260",
    "Middle Aged": "D008875",
    "Adult": "D000328",
    "Aged": "D000368",
    "Breast Neoplasms": "D001943",
    "Receptor, ErbB-2": "D018719",
    "Trastuzumab": "D000068878",
    "Antineoplastic Combined Chemotherapy Protocols": "D000971",
    "Progression-Free Survival": "D000077982",
    "Ado-Trastuzumab Emtansine": "D000077597",
    "Capecitabine": "D000069287",
    "Docetaxel": "D000077143",
    "Lapatinib": "D000077341",
    "Neoplasm Metastasis": "D009362",
    "Brain Neoplasms": "D001932",
    "Quinolines": "D011804",
    "Neoadjuvant Therapy": "D020360",
    "Chemotherapy, Adjuvant": "D017024",
    "Immunoconjugates": "D018796",
    "Camptothecin": "D002166",
    "Lung Diseases, Interstitial": "D017563",
    "Antibodies, Monoclonal, Humanized": "D061067",
    "Disease-Free Survival": "D018572",
    "Treatment Outcome": "D016896",
    "Kaplan-Meier Estimate": "D053208",
    "Oxazoles": "D010080",
    "Pyridines": "D011725",
    "Acrylamides": "D020106",
    "Aminopyridines": "D000631",
    "Protein Kinase Inhibitors": "D047428",
}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def esc(text: str, attr: bool = False) -> str:
    """XML-escape and write non-ASCII as hex character references, like current EFetch."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attr:
        out = out.replace('"', "&quot;")
    return "".join(c if ord(c) < 128 else f"&#x{ord(c):x};" for c in out)


def _fake_ui(term: str, prefix: str = "D") -> str:
    return prefix + str(int(hashlib.sha1(term.encode()).hexdigest(), 16) % 10**6).zfill(6)


def _ymd(d: dt.date, *, month_name: bool = False) -> str:
    m = MONTHS[d.month - 1] if month_name else f"{d.month:02d}"
    return f"<Year>{d.year}</Year><Month>{m}</Month><Day>{d.day:02d}</Day>"


def _pubdate(w: CorpusWork) -> str:
    s = f"<Year>{w.year}</Year>"
    if w.month:
        s += f"<Month>{MONTHS[w.month - 1]}</Month>"
        if w.day:
            s += f"<Day>{w.day:02d}</Day>"
    return f"<PubDate>{s}</PubDate>"


def _pagination(pages: str | None) -> str:
    if not pages:
        return ""
    start, _, end = pages.partition("-")
    inner = f"<StartPage>{esc(start)}</StartPage>"
    if end:
        full_end = start[: max(0, len(start) - len(end))] + end
        inner += f"<EndPage>{esc(full_end)}</EndPage>"
    return f"<Pagination>{inner}<MedlinePgn>{esc(pages)}</MedlinePgn></Pagination>"


def _abstract(w: CorpusWork) -> str:
    if not w.abstract:
        return ""
    parts = []
    for s in w.abstract:
        attrs = ""
        if s.label:
            attrs += f' Label="{esc(s.label, True)}"'
        if s.category:
            attrs += f' NlmCategory="{esc(s.category, True)}"'
        parts.append(f"<AbstractText{attrs}>{esc(s.text)}</AbstractText>")
    parts.append(
        "<CopyrightInformation>SYNTHETIC test record; not a real publication."
        "</CopyrightInformation>"
    )
    return "<Abstract>" + "".join(parts) + "</Abstract>"


def _authors(w: CorpusWork) -> str:
    if not w.authors:
        return ""
    out = []
    for a in w.authors:
        s = f"<LastName>{esc(a.family)}</LastName>"
        if a.given:
            s += f"<ForeName>{esc(a.given)}</ForeName><Initials>{esc(a.initials)}</Initials>"
        if a.affiliation:
            s += (
                f"<AffiliationInfo><Affiliation>{esc(a.affiliation)}</Affiliation>"
                "</AffiliationInfo>"
            )
        out.append(f'<Author ValidYN="Y">{s}</Author>')
    return '<AuthorList CompleteYN="Y">' + "".join(out) + "</AuthorList>"


def _databanks(w: CorpusWork) -> str:
    if not w.registry_ids:
        return ""
    acc = "".join(f"<AccessionNumber>{esc(r)}</AccessionNumber>" for r in w.registry_ids)
    return (
        '<DataBankList CompleteYN="Y"><DataBank><DataBankName>ClinicalTrials.gov'
        f"</DataBankName><AccessionNumberList>{acc}</AccessionNumberList></DataBank>"
        "</DataBankList>"
    )


def _pubtypes(w: CorpusWork) -> str:
    items = "".join(
        f'<PublicationType UI="{PUBTYPE_UI.get(p) or _fake_ui(p)}">{esc(p)}</PublicationType>'
        for p in w.publication_types
    )
    return f"<PublicationTypeList>{items}</PublicationTypeList>"


def _comments(w: CorpusWork) -> str:
    if not w.corrections:
        return ""
    out = []
    for c in w.corrections:
        inner = f"<RefSource>{esc(c.note or '')}</RefSource>"
        if c.pmid:
            inner += f'<PMID Version="1">{esc(c.pmid)}</PMID>'
        out.append(
            f'<CommentsCorrections RefType="{esc(c.type, True)}">{inner}</CommentsCorrections>'
        )
    return "<CommentsCorrectionsList>" + "".join(out) + "</CommentsCorrectionsList>"


def _mesh(w: CorpusWork) -> str:
    if not w.mesh:
        return ""
    out = []
    for m in w.mesh:
        major = "Y" if m.endswith("*") else "N"
        term = m.rstrip("*")
        ui = MESH_UI.get(term) or _fake_ui(term)
        out.append(
            f'<MeshHeading><DescriptorName UI="{ui}" MajorTopicYN="{major}">'
            f"{esc(term)}</DescriptorName></MeshHeading>"
        )
    return "<MeshHeadingList>" + "".join(out) + "</MeshHeadingList>"


def _keywords(w: CorpusWork) -> str:
    if not w.keywords:
        return ""
    kws = "".join(f'<Keyword MajorTopicYN="N">{esc(k)}</Keyword>' for k in w.keywords)
    return f'<KeywordList Owner="NOTNLM">{kws}</KeywordList>'


def _history(w: CorpusWork) -> str:
    e = w.edat_date
    stamp = f"<Hour>{(int(w.pmid or 0) % 24):d}</Hour><Minute>{(int(w.pmid or 0) % 60):d}</Minute>"
    ymd = f"<Year>{e.year}</Year><Month>{e.month}</Month><Day>{e.day}</Day>"
    out = [
        f'<PubMedPubDate PubStatus="entrez">{ymd}{stamp}</PubMedPubDate>',
        f'<PubMedPubDate PubStatus="pubmed">{ymd}{stamp}</PubMedPubDate>',
    ]
    if w.mdat_date > e:
        m = w.mdat_date
        out.append(
            f'<PubMedPubDate PubStatus="medline"><Year>{m.year}</Year><Month>{m.month}'
            f"</Month><Day>{m.day}</Day>{stamp}</PubMedPubDate>"
        )
    return "<History>" + "".join(out) + "</History>"


def _article_ids(w: CorpusWork) -> str:
    ids = [f'<ArticleId IdType="pubmed">{esc(w.pmid or "")}</ArticleId>']
    if w.doi:
        ids.append(f'<ArticleId IdType="doi">{esc(w.doi)}</ArticleId>')
    if w.pmcid:
        ids.append(f'<ArticleId IdType="pmc">{esc(w.pmcid)}</ArticleId>')
    return "<ArticleIdList>" + "".join(ids) + "</ArticleIdList>"


def pubmed_article(w: CorpusWork) -> str:
    """One ``<PubmedArticle>`` element on a single line."""
    status = "MEDLINE" if w.mesh else "PubMed-not-MEDLINE"
    journal = (
        f'<Journal><ISSN IssnType="Electronic">{esc(w.issn or "0000-0000")}</ISSN>'
        f'<JournalIssue CitedMedium="Internet">'
        + (f"<Volume>{esc(w.volume)}</Volume>" if w.volume else "")
        + (f"<Issue>{esc(w.issue)}</Issue>" if w.issue else "")
        + _pubdate(w)
        + "</JournalIssue>"
        + f"<Title>{esc(w.journal or '')}</Title>"
        + f"<ISOAbbreviation>{esc(w.journal_abbrev or w.journal or '')}</ISOAbbreviation>"
        + "</Journal>"
    )
    elocation = (
        f'<ELocationID EIdType="doi" ValidYN="Y">{esc(w.doi)}</ELocationID>' if w.doi else ""
    )
    article = (
        f'<Article PubModel="Print-Electronic">{journal}'
        f"<ArticleTitle>{esc(w.title)}</ArticleTitle>{_pagination(w.pages)}{elocation}"
        f"{_abstract(w)}{_authors(w)}<Language>{esc(w.language)}</Language>{_databanks(w)}"
        f"{_pubtypes(w)}"
        f'<ArticleDate DateType="Electronic">{_ymd(w.edat_date)}</ArticleDate></Article>'
    )
    journal_info = (
        f"<MedlineJournalInfo><Country>United States</Country>"
        f"<MedlineTA>{esc(w.journal_abbrev or w.journal or '')}</MedlineTA>"
        f"<NlmUniqueID>{_fake_ui(w.journal or '', '')}</NlmUniqueID>"
        f"<ISSNLinking>{esc(w.issn or '0000-0000')}</ISSNLinking></MedlineJournalInfo>"
    )
    citation = (
        f'<MedlineCitation Status="{status}" Owner="NLM" IndexingMethod="Automated">'
        f'<PMID Version="1">{esc(w.pmid or "")}</PMID>'
        f"<DateRevised>{_ymd(w.mdat_date)}</DateRevised>{article}{journal_info}"
        f"<CitationSubset>IM</CitationSubset>{_comments(w)}{_mesh(w)}{_keywords(w)}"
        "</MedlineCitation>"
    )
    pubmed_data = (
        f"<PubmedData>{_history(w)}<PublicationStatus>ppublish</PublicationStatus>"
        f"{_article_ids(w)}</PubmedData>"
    )
    return f"<PubmedArticle>{citation}{pubmed_data}</PubmedArticle>"


def pubmed_article_set(works: Iterable[CorpusWork]) -> str:
    body = "".join(pubmed_article(w) + "\n" for w in works)
    return f"{PUBMED_HEADER}<PubmedArticleSet>\n{body}</PubmedArticleSet>"


def efetch_error(message: str) -> str:
    return (
        f"{EFETCH_ERROR_HEADER}<eFetchResult>\n\t<ERROR>{esc(message)}</ERROR>\n</eFetchResult>\n"
    )


def esearch_result(
    *,
    count: int,
    ids: list[str],
    retstart: int,
    retmax: int,
    translation: str,
    query_key: int | None = None,
    webenv: str | None = None,
    not_found: list[str] | None = None,
) -> str:
    """An ``eSearchResult`` laid out like the 2025 captures."""
    s = [
        f"<eSearchResult><Count>{count}</Count><RetMax>{len(ids)}</RetMax>"
        f"<RetStart>{retstart}</RetStart>"
    ]
    if query_key is not None:
        s.append(f"<QueryKey>{query_key}</QueryKey><WebEnv>{webenv}</WebEnv>")
    if ids:
        s.append("<IdList>\n" + "".join(f"<Id>{i}</Id>\n" for i in ids) + "</IdList>")
    else:
        s.append("<IdList/>")
    s.append(f"<TranslationSet/><QueryTranslation>{esc(translation)}</QueryTranslation>")
    if not_found:
        s.append(
            "<ErrorList>"
            + "".join(f"<PhraseNotFound>{esc(p)}</PhraseNotFound>" for p in not_found)
            + "</ErrorList>"
        )
    if count == 0:
        s.append("<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>")
    s.append("</eSearchResult>\n")
    return ESEARCH_HEADER + "".join(s)


def esearch_error(message: str) -> str:
    return ESEARCH_HEADER + f"<eSearchResult><ERROR>{esc(message)}</ERROR></eSearchResult>\n"


def corpus_article_set(corpus: Corpus, pmids: Iterable[str]) -> str:
    """EFetch answer for ``pmids``: unknown (or non-PubMed) ids are simply left out."""
    found = []
    for p in pmids:
        w = corpus.by_pmid(p)
        if w is not None and w.in_pubmed:
            found.append(w)
    return pubmed_article_set(found)
