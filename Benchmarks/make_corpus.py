#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of article-like text.

usage: Benchmarks/make_corpus.py --mb N [--seed S] --out FILE

Prose paragraphs taken from the record-free lines of Fixtures/ are
interleaved with fight cards and fixture boxes in layouts the shipped rules
know (FIGHT CARD boxes, Match info boxes, 'Weight: A vs. B' card lists,
'A def. B via M (round N)' results), about one record line per 2 KB, with a
sprinkling of misspelt weight classes (still records) and near misses (lines
cut after their separator, so that no rule may take them). Beside FILE it writes
FILE.planted.json: {"bouts": N, "fixtures": N, "nearMisses": N, "bytes": N}.
"""
import argparse, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

FIRST = ["Amir", "Bilal", "Carlos", "Dmitri", "Elias", "Farid", "Goran", "Hamza", "Idris", "Jalal",
         "Karim", "Lukas", "Marco", "Nabil", "Omar", "Pavel", "Rashid", "Samir", "Tarek", "Umar",
         "Viktor", "Walid", "Yanis", "Zaid", "Anna", "Bianca", "Chloe", "Daria", "Elena", "Fatima"]
LAST = ["Haddad", "Novak", "Okafor", "Petrov", "Quintero", "Rahimi", "Saleh", "Tahiri", "Usmanov",
        "Vasquez", "Wahlberg", "Yilmaz", "Zerhouni", "Al Amin", "El Idrissi", "Mendes", "Kowalski",
        "Brennan", "Castillo", "Dimitrov", "Ferreira", "Gallagher", "Ibrahim", "Jovanovic", "Kaya"]
CODES = ["MAR", "ALG", "UAE", "JOR", "EGY", "TUN", "SYR", "KSA", "GER", "NED", "SUI", "BRA", "USA",
         "FRA", "ESP", "POL", "RUS", "PAL", "LBN", "KOS"]
WEIGHTS = ["Flyweight", "Bantamweight", "Featherweight", "Lightweight", "Welterweight",
           "Middleweight", "Light Heavyweight", "Heavyweight"]
CLUBS = ["Barcelona", "Tottenham Hotspur", "Arsenal", "Chelsea", "Liverpool", "Everton",
         "Real Madrid", "Juventus", "Bayern Munich", "Inter Milan", "Ajax", "Benfica", "Porto",
         "Celtic", "Napoli", "Sevilla"]
COMPETITIONS = ["Uefa Champions League", "Premier League", "UEFA Europa League"]
METHODS = ["TKO", "KO", "submission (rear-naked choke)", "unanimous decision", "split decision"]


def prose_lines():
    """Lines of the fixtures that give no records: prose, captions, noise."""
    out = []
    for name in ["dev/raw/044.txt", "dev/raw/046.txt", "dev/raw/048.txt", "the-national-2019-12-30.txt"]:
        with open(os.path.join(ROOT, "Fixtures", name), encoding="utf-8") as f:
            for i, line in enumerate(f):
                line = line.rstrip("\n")
                if name.startswith("the-national") and i >= 54:
                    break  # its fact boxes start here
                if len(line) > 60 and " v " not in line and " vs " not in line.lower():
                    out.append(line)
    return out


class Planter:
    def __init__(self, rng):
        self.rng = rng
        self.bouts = self.fixtures = self.near = 0
        self.used = set()

    def fighter(self):
        # Names unique within a box, so no fighter appears twice on a card.
        while True:
            n = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
            if n not in self.used:
                self.used.add(n)
                return n

    def fight_card(self):
        self.used = set()
        lines = ["FIGHT CARD", ""]
        for _ in range(self.rng.randint(3, 6)):
            w = self.rng.choice(WEIGHTS)
            if w == "Lightweight" and self.rng.random() < 0.3:
                w = "Lighweight"  # the typo real cards print
            limit = f"{self.rng.randint(60, 95)}kg " if self.rng.random() < 0.3 else ""
            if limit:
                w = "Catchweight"
            a, b = self.fighter(), self.fighter()
            ca, cb = self.rng.choice(CODES), self.rng.choice(CODES)
            if self.rng.random() < 0.05:
                lines.append(f"{w} {limit}{a} ({ca}) v")  # near miss: cut after the separator
                self.near += 1
            else:
                lines.append(f"{w} {limit}{a} ({ca}) v {b} ({cb})")
                self.bouts += 1
            lines.append("")
        return lines

    def match_info(self):
        home, away = self.rng.sample(CLUBS, 2)
        comp = self.rng.choice(COMPETITIONS)
        stage = f" Group {self.rng.choice('ABCDEFGH')}" if comp != "Premier League" else ""
        time = self.rng.choice(["midnight", "7.45pm", "19:45", "9pm", "11.30pm"])
        self.fixtures += 1
        return ["Match info", "", f"{comp}{stage}", "", f"{home} v {away}, {time}", ""]

    def weight_list(self):
        self.used = set()
        lines = [self.rng.choice(["Main card (8:00 p.m. ET, ESPN+):", "Prelim card (5:00 p.m. ET, ESPN+):"])]
        for _ in range(self.rng.randint(3, 6)):
            w = self.rng.choice(WEIGHTS)
            if self.rng.random() < 0.2:
                w = "Women's " + self.rng.choice(["Strawweight", "Flyweight", "Bantamweight"])
            lines.append(f"- {w}: {self.fighter()} vs. {self.fighter()}")
            self.bouts += 1
        lines.append("")
        return lines

    def results(self):
        self.used = set()
        lines = ["Main card"]
        for _ in range(self.rng.randint(3, 6)):
            m = self.rng.choice(METHODS)
            tail = f" (round {self.rng.randint(1, 3)})" if "decision" not in m else ""
            lines.append(f"-{self.fighter()} def. {self.fighter()} via {m}{tail}")
            self.bouts += 1
        lines.append("")
        return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, required=True)
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    prose = prose_lines()
    planter = Planter(rng)
    target = int(a.mb * 1_000_000)
    written = 0
    boxes = [planter.fight_card, planter.match_info, planter.weight_list, planter.results]
    with open(a.out, "w", encoding="utf-8") as f:
        while written < target:
            before = planter.bouts + planter.fixtures + planter.near
            box = rng.choice(boxes)()
            records = planter.bouts + planter.fixtures + planter.near - before
            # About 2 KB of prose per record line, before the box.
            chunk, size = [], 0
            while size < 2000 * records:
                line = rng.choice(prose)
                chunk += [line, ""]
                size += len(line.encode()) + 2
            text = "\n".join(chunk + box) + "\n"
            f.write(text)
            written += len(text.encode())
    planted = {"bouts": planter.bouts, "fixtures": planter.fixtures, "nearMisses": planter.near, "bytes": written}
    with open(a.out + ".planted.json", "w") as f:
        json.dump(planted, f)
    print(json.dumps(planted))


if __name__ == "__main__":
    main()
