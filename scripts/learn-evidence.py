#!/usr/bin/env python3
"""Learns the evidence weights of Rules/evidence.yaml from labelled documents.

usage: scripts/learn-evidence.py [--cardex .build/release/cardex]
           [--dirs Fixtures/dev Fixtures/wild/tune] [--lambda L] [--folds K]
           [--write]

Every candidate record `cardex parse --explain` weighs (records, near misses
and pairings it took for prose) is one example: its features and whether a
labelled record on that line (or the next or the one before) has the same
names. A logistic model, score = sum of weight x value and P(record) =
1 / (1 + e^-score), is fitted by gradient descent with its weights pulled
towards the current ones (a Gaussian prior of strength --lambda), so a
feature the labels say little about keeps its hand-set weight. The
threshold stays at 0 (P = 0.5).

Prints the weights that moved and the held-out agreement of K folds (over
documents, never over `check`); with --write, rewrites the `weights:` block
of Rules/evidence.yaml, keeping its comments and order.
Needs numpy.
"""
import argparse, glob, json, os, re, subprocess, sys, unicodedata

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
EVIDENCE = os.path.join(ROOT, "Rules", "evidence.yaml")
HEAD = re.compile(r"^.+?:(\d+): (record by rule|near miss, rule|prose, rule) (\S+)")
SIDE = re.compile(r"^    (side|winner|loser|home|away) '(.*?)'(?: with .*)?$")
FEATURE = re.compile(r"([a-z0-9.\-]+)=(-?[0-9.]+)×(-?[0-9.]+)")


def fold(s):
    s = unicodedata.normalize("NFKD", str(s or ""))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def labels(path):
    """(line, frozenset of folded names) of each labelled record."""
    d = json.load(open(path))
    out = []
    for b in d.get("bouts", []):
        out.append((b.get("line"), frozenset(fold(f["name"]) for f in b["fighters"][:2])))
    for f in d.get("fixtures", []):
        out.append((f.get("line"), frozenset((fold(f["home"]), fold(f["away"])))))
    return out


def candidates(cardex, raw):
    """Each weighed candidate of a document: (line, names, features)."""
    run = subprocess.run([cardex, "parse", "--explain", raw], capture_output=True, text=True)
    out, cur = [], None
    for line in (run.stdout + "\n" + run.stderr).splitlines():
        m = HEAD.match(line)
        if m:
            cur = {"line": int(m.group(1)), "names": [], "features": None}
            out.append(cur)
            continue
        if cur is None:
            continue
        s = SIDE.match(line)
        if s:
            cur["names"].append(fold(s.group(2)))
        elif line.startswith("    evidence: "):
            cur["features"] = {k: float(v) for k, v, _ in FEATURE.findall(line)}
    return [c for c in out if c["features"] is not None and len(c["names"]) == 2]


def examples(cardex, dirs):
    docs = []
    for d in dirs:
        for raw in sorted(glob.glob(os.path.join(d, "raw", "*.txt"))):
            name = os.path.basename(raw)[:-4]
            expected = os.path.join(d, "expected", name + ".json")
            if not os.path.exists(expected):
                continue
            truth = labels(expected)
            rows = []
            for c in candidates(cardex, raw):
                key = frozenset(c["names"])
                hit = any(k == key and (l is None or abs(l - c["line"]) <= 1) for l, k in truth)
                rows.append((c["features"], 1.0 if hit else 0.0))
            docs.append((d + "/" + name, rows))
    return docs


def current_weights():
    weights, inside = {}, False
    for line in open(EVIDENCE):
        if line.startswith("weights:"):
            inside = True
            continue
        if inside:
            m = re.match(r"^  ([a-z0-9.\-]+): (-?[0-9.]+)", line)
            if m:
                weights[m.group(1)] = float(m.group(2))
            elif line.strip() and not line.startswith(" ") and not line.startswith("#"):
                break
    return weights


def fit(rows, names, w0, lam, steps=3000, rate=0.5):
    index = {n: i for i, n in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    y = np.array([r[1] for r in rows])
    for k, (f, _) in enumerate(rows):
        for n, v in f.items():
            X[k, index[n]] = v
    w = w0.copy()
    # Adam on the mean log loss plus the prior's pull.
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, steps + 1):
        z = np.clip(X @ w, -30, 30)
        p = 1 / (1 + np.exp(-z))
        g = X.T @ (p - y) / len(y) + lam * (w - w0) / len(y)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def agreement(rows, names, w):
    index = {n: i for i, n in enumerate(names)}
    right = 0
    for f, y in rows:
        z = sum(w[index[n]] * v for n, v in f.items() if n in index)
        right += (z >= 0) == (y == 1)
    return right / max(1, len(rows))


def write(names, w, w0):
    text = open(EVIDENCE).read().split("\n")
    learned = dict(zip(names, w))
    out, inside = [], False
    for line in text:
        if line.startswith("weights:"):
            inside = True
        elif inside:
            m = re.match(r"^  ([a-z0-9.\-]+): (-?[0-9.]+)(.*)$", line)
            if m and m.group(1) in learned:
                value = round(float(learned[m.group(1)]), 2)
                line = f"  {m.group(1)}: {value:g}{m.group(3)}"
            elif line.strip() and not line.startswith(" ") and not line.startswith("#"):
                inside = False
        out.append(line)
    open(EVIDENCE, "w").write("\n".join(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cardex", default=os.path.join(ROOT, ".build", "release", "cardex"))
    ap.add_argument("--dirs", nargs="+", default=[os.path.join(ROOT, "Fixtures", "dev"), os.path.join(ROOT, "Fixtures", "wild", "tune")])
    ap.add_argument("--lambda", dest="lam", type=float, default=50.0)
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    if any("check" in d for d in a.dirs):
        sys.exit("learn-evidence: `check` is never learned from")
    docs = examples(a.cardex, a.dirs)
    weights = current_weights()
    # Only the weights the YAML declares are learned; others stay 0.
    names = sorted(weights)
    w0 = np.array([weights[n] for n in names])
    rows = [r for _, rs in docs for r in rs]
    for r in rows:
        for n in list(r[0]):
            if n not in weights:
                del r[0][n]
    print(f"{len(docs)} documents, {len(rows)} candidates, {int(sum(y for _, y in rows))} labelled records among them")
    for k in range(a.folds):
        train = [r for i, (_, rs) in enumerate(docs) if i % a.folds != k for r in rs]
        held = [r for i, (_, rs) in enumerate(docs) if i % a.folds == k for r in rs]
        w = fit(train, names, w0, a.lam)
        print(f"fold {k + 1}: held-out agreement {agreement(held, names, w0):.4f} (hand-set) -> {agreement(held, names, w):.4f} (learned)")
    w = fit(rows, names, w0, a.lam)
    print(f"all: agreement {agreement(rows, names, w0):.4f} -> {agreement(rows, names, w):.4f}")
    for n, old, new in sorted(zip(names, w0, w), key=lambda x: -abs(x[2] - x[1])):
        if abs(new - old) >= 0.05:
            print(f"  {n:32} {old:7.2f} -> {new:7.2f}")
    if a.write:
        write(names, w, w0)


if __name__ == "__main__":
    main()
