"""Clients for the bibliographic services: Crossref and PubMed (E-utilities + PMC ID converter)."""
