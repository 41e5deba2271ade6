/// Writes records as CSV (RFC 4180) for spreadsheets: `parse --format csv`.
///
/// Sports desks work in spreadsheets, and a spreadsheet opens one table:
/// bouts and fixtures share it, one row per record, told apart by the
/// `type` column, each kind leaving the other's columns empty. The columns
/// are the fields a desk reads, flattened (a fighter's name and country, a
/// weight class's canonical name); the JSON formats keep everything else.
/// Diagnostics are not rows: they go to standard error as with every
/// format.
///
/// RFC 4180: a header row, CRLF line ends, a field quoted when it holds a
/// comma, a double quote, CR or LF, with its quotes doubled. A text field
/// taken from the input that a spreadsheet would run as a formula (it
/// starts with `=`, `+`, `-`, `@`, a tab or CR: a bullet line `- A v B`, or
/// planted `=HYPERLINK(…)`) gets a leading `'`, as OWASP advises against
/// CSV injection; numbers, times and offsets cardex wrote itself do not.
public struct CSVWriter: Sendable {
  /// The columns, in order; `docs/feed.md` says what each holds.
  public static let columns = [
    "type", "sport", "competition", "stage", "date", "kickoff", "utc_offset", "home", "away", "home_score",
    "away_score", "weight_class", "limit_kg", "limit_lb", "title", "fighter_1", "country_1", "fighter_2",
    "country_2", "winner", "method", "round", "time", "section", "source", "line", "raw",
  ]

  public init() {}

  /// The header row.
  public func header() -> [UInt8] {
    var bytes: [UInt8] = []
    row(Self.columns.map { .text($0) }, appendingTo: &bytes)
    return bytes
  }

  /// One row for a bout or fixture, appended to `bytes`; nothing for a
  /// diagnostic or an explanation.
  public func row(_ item: ExtractedItem, appendingTo bytes: inout [UInt8]) {
    switch item {
    case .bout(let b): row(fields(b), appendingTo: &bytes)
    case .fixture(let f): row(fields(f), appendingTo: &bytes)
    case .diagnostic, .explanation: break
    }
  }

  /// A cell: text from the input (guarded against formulas) or a value
  /// cardex wrote (a number, a time, a flag), copied as it is.
  enum Field {
    case text(String?)
    case value(String?)
  }

  func fields(_ b: Bout) -> [Field] {
    let side = { (i: Int) -> (Field, Field) in
      guard i < b.fighters.count else { return (.text(nil), .text(nil)) }
      let c = b.fighters[i].country
      return (.text(b.fighters[i].name), .text(c?.name ?? c?.asWritten))
    }
    let (fighter1, country1) = side(0)
    let (fighter2, country2) = side(1)
    return [
      .value("bout"), .text(b.sport), .text(nil), .text(nil), .text(nil), .value(nil), .value(nil), .text(nil), .text(nil),
      .value(nil), .value(nil), .text(b.weightClass?.canonical), .value(b.limit.map { Self.number($0.kg) }),
      .value(b.limit.map { Self.number($0.lb) }), .value(b.title ? "true" : "false"), fighter1, country1, fighter2, country2,
      .text(b.result?.winner), .text(b.result.flatMap { $0.methodCanonical ?? $0.method }), .value(b.result?.round.map(String.init)),
      .value(b.result?.time), .text(b.section), .text(b.provenance.source), .value(String(b.provenance.line)),
      .text(b.provenance.raw),
    ]
  }

  func fields(_ f: Fixture) -> [Field] {
    [
      .value("fixture"), .text(f.sport), .text(f.competition?.canonical), .text(f.stage), .text(f.date),
      .value(f.kickoff.map { $0.local ?? $0.asWritten }), .value(f.kickoff?.utcOffset), .text(f.home), .text(f.away),
      .value(f.score.map { String($0.home) }), .value(f.score.map { String($0.away) }), .text(nil), .value(nil), .value(nil),
      .value(nil), .text(nil), .text(nil), .text(nil), .text(nil), .text(nil), .text(nil), .value(nil), .value(nil),
      .text(f.section), .text(f.provenance.source), .value(String(f.provenance.line)), .text(f.provenance.raw),
    ]
  }

  /// `67`, `147.7`: as the JSON formats print a weight.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  func row(_ fields: [Field], appendingTo bytes: inout [UInt8]) {
    for (i, field) in fields.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      switch field {
      case .text(let s): if let s { Self.append(s, guarded: true, to: &bytes) }
      case .value(let s): if let s { Self.append(s, guarded: false, to: &bytes) }
      }
    }
    bytes += [13, 10]
  }

  /// One field, quoted when RFC 4180 asks for it.
  static func append(_ s: String, guarded: Bool, to bytes: inout [UInt8]) {
    let formula = guarded && s.utf8.first.map { [61, 43, 45, 64, 9, 13].contains($0) } == true
    let quoted = s.utf8.contains { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 }
    if quoted { bytes.append(34) }
    if formula { bytes.append(UInt8(ascii: "'")) }
    for b in s.utf8 {
      if b == 34 { bytes.append(34) }
      bytes.append(b)
    }
    if quoted { bytes.append(34) }
  }
}
