/// The weight-class, country and competition lexicons in the
/// compiled-rules cache, indexes included, as their readers left them.
extension WeightClassLexicon: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init()
    tables = try r.values()
    sharedAliases = try r.stringPairs()
    spellings = try r.strings()
    womenWords = try r.strings()
    singleWords = try r.list { r in (folded: try r.string(), spelling: try r.string()) }
    byFirstByte = try r.dictionary { r in (UInt8(truncatingIfNeeded: try r.int()), try r.list { r in try r.int() }) }
    byLastByte = try r.dictionary { r in (UInt8(truncatingIfNeeded: try r.int()), try r.list { r in try r.int() }) }
    singleWordSet = try r.stringSet()
    canonicalNames = try r.stringPairs()
  }

  func write(to w: inout BinaryWriter) {
    w.values(tables)
    w.stringPairs(sharedAliases)
    w.strings(spellings)
    w.strings(womenWords)
    w.list(singleWords) { w, e in
      w.string(e.folded)
      w.string(e.spelling)
    }
    for index in [byFirstByte, byLastByte] {
      w.list(index) { w, e in
        w.int(Int(e.key))
        w.list(e.value) { w, k in w.int(k) }
      }
    }
    w.strings(singleWordSet)
    w.stringPairs(canonicalNames)
  }
}

extension WeightClassLexicon.Table: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init(
      sport: try r.string(), ruleset: try r.string(),
      limits: try r.stringKeyed { r in try r.bool() ? try r.value(Weight.self) : nil },
      aliases: try r.stringPairs(), lowercasedNames: try r.stringPairs())
  }

  func write(to w: inout BinaryWriter) {
    w.string(sport)
    w.string(ruleset)
    w.stringKeyed(limits) { w, limit in
      w.bool(limit != nil)
      if let limit { w.value(limit) }
    }
    w.stringPairs(aliases)
    w.stringPairs(lowercasedNames)
  }
}

extension Weight: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init(kg: try r.double(), lb: try r.double(), asWritten: try r.optionalString())
  }

  func write(to w: inout BinaryWriter) {
    w.double(kg)
    w.double(lb)
    w.optionalString(asWritten)
  }
}

extension CountryLexicon: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init()
    entries = try r.values()
    codes = try r.stringKeyed { r in (entry: try r.int(), matchedAs: try r.string(), note: try r.optionalString()) }
    names = try r.stringKeyed { r in (entry: try r.int(), note: try r.optionalString()) }
    demonyms = try r.stringKeyed { r in try r.int() }
  }

  func write(to w: inout BinaryWriter) {
    w.values(entries)
    w.stringKeyed(codes) { w, code in
      w.int(code.entry)
      w.string(code.matchedAs)
      w.optionalString(code.note)
    }
    w.stringKeyed(names) { w, name in
      w.int(name.entry)
      w.optionalString(name.note)
    }
    w.stringKeyed(demonyms) { w, entry in w.int(entry) }
  }
}

extension CountryLexicon.Entry: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init(
      iso2: try r.optionalString(), iso3: try r.optionalString(), ioc: try r.optionalString(),
      fifa: try r.optionalString(), name: try r.string(), note: try r.optionalString())
  }

  func write(to w: inout BinaryWriter) {
    for code in [iso2, iso3, ioc, fifa] { w.optionalString(code) }
    w.string(name)
    w.optionalString(note)
  }
}

extension CompetitionLexicon: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init()
    bySpelling = try r.stringKeyed { r in try r.value(Entry.self) }
    spellings = try r.list { r in (spelling: try r.string(), entry: try r.value(Entry.self)) }
  }

  func write(to w: inout BinaryWriter) {
    w.stringKeyed(bySpelling) { w, entry in w.value(entry) }
    w.list(spellings) { w, e in
      w.string(e.spelling)
      w.value(e.entry)
    }
  }
}

extension CompetitionLexicon.Entry: BinaryCodable {
  init(from r: inout BinaryReader) throws { self.init(name: try r.string(), sport: try r.optionalString()) }

  func write(to w: inout BinaryWriter) {
    w.string(name)
    w.optionalString(sport)
  }
}

extension BinaryWriter {
  /// A `[String: String]`, pair by pair.
  mutating func stringPairs(_ d: [String: String]) { stringKeyed(d) { w, v in w.string(v) } }
}

extension BinaryReader {
  mutating func stringPairs() throws -> [String: String] { try stringKeyed { r in try r.string() } }
}
