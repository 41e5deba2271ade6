#!/usr/bin/env python3
"""Writes the document table of Fixtures/wild/README.md from the corpus files.

usage: scripts/wild-readme.py   (from the project root; rewrites the part of
the README after the line '<!-- table -->')

One row per document: number, split, site, language, sport, layout family,
labelled bouts and fixtures, and the start of the label's notes (the layout
in words and the traps).
"""
import glob, json, os, re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
WILD = os.path.join(ROOT, "Fixtures", "wild")


def site(source):
    """The host of a .source line's address, without www."""
    address = source.split("|")[0].strip()
    host = re.sub(r"^[a-z]+://", "", address.lower()).split("/")[0]
    return re.sub(r"^www\d?\.", "", host)


def clip(text, n=150):
    text = " ".join((text or "").split()).replace("|", "\\|")
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


rows = []
for split in ("tune", "check"):
    for path in sorted(glob.glob(os.path.join(WILD, split, "expected", "*.json"))):
        name = os.path.basename(path)[:-5]
        label = json.load(open(path, encoding="utf-8"))
        source = open(os.path.join(WILD, split, "raw", name + ".source"), encoding="utf-8").read()
        rows.append((name, split, site(source), label.get("language") or "", label.get("sport") or "",
                     label.get("layout") or "", len(label["bouts"]), len(label["fixtures"]), clip(label.get("notes"))))
rows.sort()

readme = os.path.join(WILD, "README.md")
head = open(readme, encoding="utf-8").read().split("<!-- table -->")[0]
lines = [head + "<!-- table -->", "",
         "| doc | split | site | lang | sport | layout | bouts | fixtures | layout and traps (from the label's notes) |",
         "|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    lines.append("| " + " | ".join(str(x) for x in r) + " |")
open(readme, "w", encoding="utf-8").write("\n".join(lines) + "\n")
print(f"{len(rows)} documents")
