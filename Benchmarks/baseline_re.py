#!/usr/bin/env python3
"""The regex script a user would write instead of cardex, for the benchmark.

usage: Benchmarks/baseline_re.py FILE

Plain Python `re` over the same layouts the corpus generator plants (FIGHT
CARD lines, Match info fixtures, 'Weight: A vs. B' lists, 'A def. B via M'
results), printing one JSON object per record (NDJSON) like
`cardex parse --format ndjson`. No normalization, lexicons, validation or
provenance beyond the line number: the floor of what such a script does.
"""
import json, re, sys

NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
WEIGHT = r"(?:Women's )?(?:Catchweight|Flyweight|Bantamweight|Featherweight|Lighweight|Lightweight|Welterweight|Middleweight|Light Heavyweight|Heavyweight|Strawweight)"
FACT_BOX = re.compile(rf"^({WEIGHT})(?: (\d+)kg)?\s+({NAME}) \(([A-Z]{{3}})\) v ({NAME}) \(([A-Z]{{3}})\)$")
WEIGHT_LIST = re.compile(rf"^- ({WEIGHT}): ({NAME}) vs\. ({NAME})$")
RESULT = re.compile(rf"^-({NAME}) def\. ({NAME}) via (.+?)(?: \(round (\d+)\))?$")
FIXTURE = re.compile(r"^([A-Z][\w ]+?) v ([A-Z][\w ]+?), (midnight|\d{1,2}(?:[.:]\d\d)?(?:am|pm)?)$")
COMPETITION = re.compile(r"^(Uefa Champions League|Premier League|UEFA Europa League)(?: (Group [A-H]))?$")


def main():
    out = sys.stdout
    competition = stage = None
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").replace("\u00a0", " ")
            if " v" not in line and " def. " not in line and not line.startswith(("Uefa", "Premier", "UEFA")):
                continue
            m = FACT_BOX.match(line)
            if m:
                out.write(json.dumps({"type": "bout", "line": n, "weightClass": m[1], "limitKg": m[2],
                                      "fighters": [{"name": m[3], "country": m[4]}, {"name": m[5], "country": m[6]}]}) + "\n")
                continue
            m = WEIGHT_LIST.match(line)
            if m:
                out.write(json.dumps({"type": "bout", "line": n, "weightClass": m[1],
                                      "fighters": [{"name": m[2]}, {"name": m[3]}]}) + "\n")
                continue
            m = RESULT.match(line)
            if m:
                out.write(json.dumps({"type": "bout", "line": n, "fighters": [{"name": m[1]}, {"name": m[2]}],
                                      "result": {"winner": m[1], "method": m[3], "round": m[4]}}) + "\n")
                continue
            m = COMPETITION.match(line)
            if m:
                competition, stage = m[1], m[2]
                continue
            m = FIXTURE.match(line)
            if m:
                out.write(json.dumps({"type": "fixture", "line": n, "home": m[1], "away": m[2], "time": m[3],
                                      "competition": competition, "stage": stage}) + "\n")


if __name__ == "__main__":
    main()
