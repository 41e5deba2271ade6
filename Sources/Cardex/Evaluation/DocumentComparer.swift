/// Pairs what cardex found in a document with the document's labels and
/// checks the fields of each pair.
///
/// Pairing follows the corpus's `score.py`: a bout is keyed by the set of
/// its two folded fighter names, a fixture by its folded home and away, and
/// each labelled record takes the first unpaired found record with its key.
/// The fields counted in the overall accuracy are checked as that script
/// checks them (a weight class by canonical or written name, a limit within
/// 0.06 kg, a country by any code the record gives, a winner by folded
/// name; a competition or stage by folded containment, a score by its two
/// numbers, a kick-off by clock time).
struct DocumentComparer {
  var folding: NameFolding

  struct Found {
    var bouts: [Bout] = []
    var fixtures: [Fixture] = []
    /// Near-miss messages by line.
    var nearMisses: [Int: String] = [:]
  }

  func compare(
    labels: DocumentLabels, found: Found, lines: [Substring], into d: inout DocumentEvaluation
  ) {
    func raw(_ line: Int?) -> String? {
      guard let line, line >= 1, line <= lines.count else { return nil }
      return String(lines[line - 1])
    }
    d.bouts = RecordTally(expected: labels.bouts.count, found: found.bouts.count)
    d.fixtures = RecordTally(expected: labels.fixtures.count, found: found.fixtures.count)
    pair(
      labels.bouts, found.bouts, kind: .bout, tally: \.bouts, into: &d, raw: raw, nearMisses: found.nearMisses,
      expectedKey: { Set($0.fighters.prefix(2).map { folding.fold($0.name) }) },
      foundKey: { Set($0.fighters.prefix(2).map { folding.fold($0.name) }) },
      describe: { ($0.line, $0.fighters.map(\.name)) },
      describeFound: { ($0.provenance, $0.fighters.map(\.name)) }, checks: checks)
    pair(
      labels.fixtures, found.fixtures, kind: .fixture, tally: \.fixtures, into: &d, raw: raw, nearMisses: found.nearMisses,
      expectedKey: { [folding.fold($0.home), folding.fold($0.away)] }, foundKey: { [folding.fold($0.home), folding.fold($0.away)] },
      describe: { ($0.line, [$0.home, $0.away]) }, describeFound: { ($0.provenance, [$0.home, $0.away]) }, checks: checks)
    let labelledLines = Set(labels.bouts.compactMap(\.line) + labels.fixtures.compactMap(\.line))
    d.nearMissesElsewhere = found.nearMisses.keys.filter { !labelledLines.contains($0) }.count
  }

  /// Pairs labelled records of one kind with found ones by key, in order:
  /// each labelled record takes the first unpaired found record with its
  /// key; what is left on either side is a miss or an extra.
  private func pair<E, F, Key: Hashable>(
    _ expected: [E], _ found: [F], kind: DocumentEvaluation.RecordKind, tally: WritableKeyPath<DocumentEvaluation, RecordTally>,
    into d: inout DocumentEvaluation, raw: (Int?) -> String?, nearMisses: [Int: String], expectedKey: (E) -> Key, foundKey: (F) -> Key,
    describe: (E) -> (line: Int?, names: [String]), describeFound: (F) -> (provenance: Provenance, names: [String]),
    checks: (E, F) -> [Check]
  ) {
    var byKey: [Key: [F]] = [:]
    var keyOrder: [Key] = []
    for g in found {
      let key = foundKey(g)
      if byKey[key] == nil { keyOrder.append(key) }
      byKey[key, default: []].append(g)
    }
    for e in expected {
      let key = expectedKey(e)
      let (line, names) = describe(e)
      guard var candidates = byKey[key], !candidates.isEmpty else {
        d.misses.append(.init(kind: kind, line: line, names: names, raw: raw(line), reason: line.flatMap { nearMisses[$0] }))
        continue
      }
      let g = candidates.removeFirst()
      byKey[key] = candidates
      d[keyPath: tally].matched += 1
      for check in checks(e, g) {
        d.fields[check.field, default: FieldTally()].checked += 1
        if check.ok {
          d.fields[check.field, default: FieldTally()].correct += 1
        } else {
          d.wrongFields.append(
            .init(kind: kind, line: line, names: names, field: check.field, expected: check.expected, got: check.got))
        }
      }
    }
    for key in keyOrder {
      for g in byKey[key] ?? [] {
        let (provenance, names) = describeFound(g)
        d.extras.append(.init(kind: kind, line: provenance.line, names: names, raw: provenance.raw))
      }
    }
  }
  struct Check {
    var field: EvaluatedField
    var ok: Bool
    var expected: String
    var got: String
  }

  private func show(_ s: String?) -> String { s ?? "null" }

  func checks(_ e: DocumentLabels.Bout, _ g: Bout) -> [Check] {
    var out: [Check] = []
    if let want = e.weightClassNormalized, !want.isEmpty {
      let written = [g.weightClass?.asWritten, g.weightClass?.canonical, g.weightClass?.classLimit?.asWritten].compactMap { $0 }
      out.append(
        Check(
          field: .weightClass, ok: written.map { folding.fold($0) }.contains(folding.fold(want)), expected: want,
          got: show(g.weightClass?.canonical)))
    }
    if let want = e.limitKg {
      let got = g.limit?.kg
      out.append(
        Check(field: .limitKg, ok: got.map { abs($0 - want) < 0.06 } ?? false, expected: "\(want)", got: got.map { "\($0)" } ?? "null"))
    }
    let wantFighters = sortedByName(e.fighters, \.name)
    let gotFighters = sortedByName(g.fighters, \.name)
    for (w, f) in zip(wantFighters, gotFighters) {
      guard let want = w.country, !want.isEmpty else { continue }
      let c = f.country
      let codes = [c?.asWritten, c?.matchedAs, c?.ioc, c?.fifa, c?.iso3, c?.iso2, c?.name, c?.note].compactMap { $0?.uppercased() }
      out.append(Check(field: .country, ok: codes.contains(want.uppercased()), expected: "\(w.name): \(want)", got: show(c?.asWritten)))
    }
    if let want = e.title {
      out.append(Check(field: .title, ok: want == g.title, expected: "\(want)", got: "\(g.title)"))
    }
    if let r = e.result {
      out.append(
        Check(
          field: .winner, ok: folding.fold(r.winner) == folding.fold(g.result?.winner), expected: show(r.winner),
          got: show(g.result?.winner)))
      if let want = r.method {
        out.append(
          Check(field: .method, ok: folding.fold(want) == folding.fold(g.result?.method), expected: want, got: show(g.result?.method)))
      }
      if let want = r.round {
        out.append(
          Check(field: .round, ok: want == g.result?.round, expected: "\(want)", got: g.result?.round.map { "\($0)" } ?? "null"))
      }
      if let want = r.time {
        out.append(Check(field: .time, ok: want == g.result?.time, expected: want, got: show(g.result?.time)))
      }
    }
    return out
  }

  func checks(_ e: DocumentLabels.Fixture, _ g: Fixture) -> [Check] {
    var out: [Check] = []
    if let want = e.competition, !want.isEmpty {
      let got = [g.competition?.asWritten, g.competition?.canonical].compactMap { $0 }.map { folding.fold($0) }.joined(separator: " ")
      out.append(
        Check(field: .competition, ok: Self.contains(got, folding.fold(want)), expected: want, got: show(g.competition?.canonical)))
    }
    if let want = e.stage, !want.isEmpty {
      out.append(Check(field: .stage, ok: Self.contains(folding.fold(g.stage), folding.fold(want)), expected: want, got: show(g.stage)))
    }
    if let want = e.score, !want.isEmpty {
      let got = g.score.map { [$0.home, $0.away] }
      out.append(
        Check(
          field: .score, ok: got == Self.scorePair(want), expected: want,
          got: g.score.map { "\($0.home)-\($0.away)" } ?? "null"))
    }
    if let want = e.time, ClockTime.of(want) != nil {
      let accepted = ClockTime.accepted(forLabel: want)
      let got = Set([g.kickoff?.asWritten, g.kickoff?.local, g.kickoff?.utcOffset].compactMap { ClockTime.of($0) })
      out.append(Check(field: .kickoff, ok: !accepted.isDisjoint(with: got), expected: want, got: show(g.kickoff?.asWritten)))
    }
    if let want = e.date, !want.isEmpty {
      out.append(Check(field: .date, ok: folding.fold(want) == folding.fold(g.date), expected: want, got: show(g.date)))
    }
    return out
  }

  /// Containment as Python's `in` has it: the empty string is in every
  /// string (a name in another script folds to nothing under ASCII folding).
  static func contains(_ haystack: String, _ needle: String) -> Bool {
    needle.isEmpty || haystack.contains(needle)
  }

  /// Sorted by folded name, ties kept in order (`score.py` relies on a
  /// stable sort).
  private func sortedByName<T>(_ items: [T], _ name: (T) -> String) -> [T] {
    items.enumerated().sorted { a, b in
      let x = folding.fold(name(a.element))
      let y = folding.fold(name(b.element))
      return x == y ? a.offset < b.offset : x < y
    }.map(\.element)
  }

  /// The two numbers of a written score (`2-1`, `2 – 1`, `3:2 aet`).
  nonisolated(unsafe) private static let scorePattern = try! Regex(#"(\d+)\s*[-–:]\s*(\d+)"#)

  static func scorePair(_ text: String) -> [Int]? {
    guard let m = try? scorePattern.firstMatch(in: text), let h = m.output[1].substring, let a = m.output[2].substring,
      let hi = Int(h), let ai = Int(a)
    else { return nil }
    return [hi, ai]
  }
}
