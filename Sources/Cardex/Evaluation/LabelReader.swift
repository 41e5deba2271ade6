/// Reads a label file (`expected/NNN.json`) into `DocumentLabels`.
///
/// Every key is checked, so that a misspelt field (`weightclass`) is an
/// error at its place rather than a label silently ignored; the accepted
/// shape is `docs/labels.schema.json`.
public struct LabelReader {
  private let file: String
  private let bytes: [UInt8]
  private let located: JSONReader.Located

  private init(file: String, bytes: [UInt8], located: JSONReader.Located) {
    self.file = file
    self.bytes = bytes
    self.located = located
  }

  /// Parses the bytes of a label file; `file` names it in errors.
  public static func read(_ bytes: [UInt8], file: String) throws(LabelError) -> DocumentLabels {
    let parsed: JSONReader.Located
    do {
      parsed = try JSONReader.parseLocated(bytes)
    } catch {
      throw LabelError(file: file, line: error.line, column: error.column, message: error.message)
    }
    return try LabelReader(file: file, bytes: bytes, located: parsed).document(parsed.value)
  }

  static let documentKeys: Set<String> = ["bouts", "fixtures", "notes", "language", "sport", "layout", "negative"]
  static let boutKeys: Set<String> = [
    "line", "weightClass", "weightClassNormalized", "limitKg", "fighters", "title", "result",
  ]
  static let fighterKeys: Set<String> = ["name", "country"]
  static let resultKeys: Set<String> = ["winner", "method", "round", "time"]
  static let fixtureKeys: Set<String> = ["line", "competition", "stage", "home", "away", "time", "date", "score"]

  private func error(at pointer: String, key: Bool = false, _ message: String) -> LabelError {
    let offset = (key ? located.keyOffsets[pointer] : nil) ?? located.offsets[pointer] ?? 0
    let (line, column) = JSONReader.location(ofOffset: offset, in: bytes)
    return LabelError(file: file, line: line, column: column, message: message)
  }

  /// The object's pairs, after checking that every key is one of `keys`.
  private func object(_ v: JSONValue, at p: String, keys: Set<String>, what: String) throws(LabelError) -> JSONValue {
    guard case .object(let pairs) = v else { throw error(at: p, "\(what) must be an object, not \(v.typeName)") }
    for (key, _) in pairs where !keys.contains(key) {
      throw error(at: p + "/" + JSONReader.escapedPointerToken(key), key: true, "unknown key '\(key)' in \(what) (known: \(keys.sorted().joined(separator: ", ")))")
    }
    return v
  }

  private func array(_ v: JSONValue?, at p: String) throws(LabelError) -> [JSONValue] {
    switch v {
    case nil, .null?: return []
    case .array(let items)?: return items
    case let other?: throw error(at: p, "'\(p.split(separator: "/").last ?? "")' must be an array, not \(other.typeName)")
    }
  }

  private func string(_ v: JSONValue?, at p: String) throws(LabelError) -> String? {
    switch v {
    case nil, .null?: return nil
    case .string(let s)?: return s
    case let other?: throw error(at: p, "expected a string or null, not \(other.typeName)")
    }
  }

  private func requiredString(_ v: JSONValue?, at p: String, in parent: String, key: String) throws(LabelError) -> String {
    guard let v else { throw error(at: parent, "missing '\(key)'") }
    guard let s = try string(v, at: p), !s.isEmpty else { throw error(at: p, "'\(key)' must be a non-empty string") }
    return s
  }

  private func integer(_ v: JSONValue?, at p: String) throws(LabelError) -> Int? {
    switch v {
    case nil, .null?: return nil
    case .number(let d, true)? where abs(d) < 1e9: return Int(d)
    case let other?: throw error(at: p, "expected an integer or null, not \(other.typeName)")
    }
  }

  private func number(_ v: JSONValue?, at p: String) throws(LabelError) -> Double? {
    switch v {
    case nil, .null?: return nil
    case .number(let d, _)?: return d
    case let other?: throw error(at: p, "expected a number or null, not \(other.typeName)")
    }
  }

  private func bool(_ v: JSONValue?, at p: String) throws(LabelError) -> Bool? {
    switch v {
    case nil, .null?: return nil
    case .bool(let b)?: return b
    case let other?: throw error(at: p, "expected true, false or null, not \(other.typeName)")
    }
  }

  private func document(_ v: JSONValue) throws(LabelError) -> DocumentLabels {
    let v = try object(v, at: "", keys: Self.documentKeys, what: "a label file")
    var d = DocumentLabels()
    for (i, b) in try array(v["bouts"], at: "/bouts").enumerated() {
      d.bouts.append(try bout(b, at: "/bouts/\(i)"))
    }
    for (i, f) in try array(v["fixtures"], at: "/fixtures").enumerated() {
      d.fixtures.append(try fixture(f, at: "/fixtures/\(i)"))
    }
    d.notes = try string(v["notes"], at: "/notes")
    d.language = try string(v["language"], at: "/language")
    d.sport = try string(v["sport"], at: "/sport")
    d.layout = try string(v["layout"], at: "/layout")
    d.negative = try bool(v["negative"], at: "/negative")
    if d.negative == true, !(d.bouts.isEmpty && d.fixtures.isEmpty) {
      throw error(at: "/negative", "a negative document has no records, but this one lists some")
    }
    return d
  }

  private func bout(_ v: JSONValue, at p: String) throws(LabelError) -> DocumentLabels.Bout {
    let v = try object(v, at: p, keys: Self.boutKeys, what: "a bout")
    var fighters: [DocumentLabels.Fighter] = []
    for (i, f) in try array(v["fighters"], at: p + "/fighters").enumerated() {
      let fp = p + "/fighters/\(i)"
      let f = try object(f, at: fp, keys: Self.fighterKeys, what: "a fighter")
      fighters.append(
        .init(name: try requiredString(f["name"], at: fp + "/name", in: fp, key: "name"), country: try string(f["country"], at: fp + "/country")))
    }
    guard fighters.count >= 2 else { throw error(at: p, "a bout needs at least two fighters, this one has \(fighters.count)") }
    var result: DocumentLabels.Result?
    if let r = v["result"], r != .null {
      let rp = p + "/result"
      let r = try object(r, at: rp, keys: Self.resultKeys, what: "a result")
      result = .init(
        winner: try string(r["winner"], at: rp + "/winner"), method: try string(r["method"], at: rp + "/method"),
        round: try integer(r["round"], at: rp + "/round"), time: try string(r["time"], at: rp + "/time"))
    }
    return .init(
      line: try lineNumber(v["line"], at: p + "/line"), weightClass: try string(v["weightClass"], at: p + "/weightClass"),
      weightClassNormalized: try string(v["weightClassNormalized"], at: p + "/weightClassNormalized"),
      limitKg: try number(v["limitKg"], at: p + "/limitKg"), fighters: fighters, title: try bool(v["title"], at: p + "/title"),
      result: result)
  }

  private func fixture(_ v: JSONValue, at p: String) throws(LabelError) -> DocumentLabels.Fixture {
    let v = try object(v, at: p, keys: Self.fixtureKeys, what: "a fixture")
    return .init(
      line: try lineNumber(v["line"], at: p + "/line"), competition: try string(v["competition"], at: p + "/competition"),
      stage: try string(v["stage"], at: p + "/stage"), home: try requiredString(v["home"], at: p + "/home", in: p, key: "home"),
      away: try requiredString(v["away"], at: p + "/away", in: p, key: "away"), time: try string(v["time"], at: p + "/time"),
      date: try string(v["date"], at: p + "/date"), score: try string(v["score"], at: p + "/score"))
  }

  private func lineNumber(_ v: JSONValue?, at p: String) throws(LabelError) -> Int? {
    let n = try integer(v, at: p)
    if let n, n < 1 { throw error(at: p, "'line' counts from 1, not \(n)") }
    return n
  }
}
