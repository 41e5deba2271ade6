#!/usr/bin/env python3
"""Derive Rules/lexicons/countries.csv from the datasets/country-codes table.

usage: scripts/import-country-codes.py ../shared/data/country-codes.csv > Rules/lexicons/countries.csv

Keeps the five columns cardex reads (iso2, iso3, ioc, fifa, name). Cells that
are blank or hold a non-breaking space become empty; FIFA cells with footnote
digits (GBR '1', ATA 'ROS3', PYF 'TAH2') become empty. Corrections the source's
own notes call for (stale IOC codes, missing entities, press codes) live in
Rules/lexicons/country-aliases.yaml, not here, so this file stays a faithful
projection of the source.
"""
import csv, re, sys

src = sys.argv[1]
rows = list(csv.DictReader(open(src, encoding="utf-8")))
out = csv.writer(sys.stdout, lineterminator="\n")
print("# Derived from datasets/country-codes data/country-codes.csv "
      "(commit caa72d1e, ODC-PDDL-1.0) by scripts/import-country-codes.py; do not edit by hand.")
out.writerow(["iso2", "iso3", "ioc", "fifa", "name"])
def clean(v):
    v = (v or "").replace("\xa0", " ").strip()
    return v
for r in rows:
    fifa = clean(r["FIFA"])
    if not re.fullmatch(r"[A-Z]{3}", fifa): fifa = ""
    ioc = clean(r["IOC"])
    if not re.fullmatch(r"[A-Z]{3}", ioc): ioc = ""
    name = clean(r["CLDR display name"]) or clean(r["official_name_en"])
    out.writerow([clean(r["ISO3166-1-Alpha-2"]), clean(r["ISO3166-1-Alpha-3"]), ioc, fifa, name])
