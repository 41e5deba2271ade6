/// The whole rule set in the compiled-rules cache: every part `RuleLoader`
/// builds, in the order `RuleSet` declares them.
extension RuleSet: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init()
    weightClasses = try r.value()
    countries = try r.value()
    competitions = try r.value()
    elements = try r.value()
    grammar = try r.value()
    evidence = try r.value()
    families = try r.values()
    files = try r.strings()
  }

  func write(to w: inout BinaryWriter) {
    w.value(weightClasses)
    w.value(countries)
    w.value(competitions)
    w.value(elements)
    w.value(grammar)
    w.value(evidence)
    w.values(families)
    w.strings(files)
  }
}

extension EvidenceModel: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init()
    threshold = try r.double()
    nearMiss = try r.double()
    weights = try r.stringKeyed { r in try r.double() }
    kind = try r.stringKeyed { r in try r.double() }
    file = try r.string()
    weightPlaces = try r.stringKeyed { r in try r.value(Place.self) }
    kindPlaces = try r.stringKeyed { r in try r.value(Place.self) }
  }

  func write(to w: inout BinaryWriter) {
    w.double(threshold)
    w.double(nearMiss)
    for table in [weights, kind] { w.stringKeyed(table) { w, weight in w.double(weight) } }
    w.string(file)
    for places in [weightPlaces, kindPlaces] { w.stringKeyed(places) { w, place in w.value(place) } }
  }
}

extension EvidenceModel.Place: BinaryCodable {
  init(from r: inout BinaryReader) throws { self.init(file: try r.string(), mark: try r.value()) }

  func write(to w: inout BinaryWriter) {
    w.string(file)
    w.value(mark)
  }
}

extension Family: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    let id = try r.string()
    let description = try r.optionalString()
    guard let record = Record(rawValue: try r.string()) else { throw BinaryReader.Malformed() }
    self.init(
      id: id, description: description, record: record, sports: try r.strings(), ruleset: try r.optionalString(),
      timezone: try r.optionalString(), requires: try r.stringSet(), priority: try r.int(), examples: try r.values(),
      file: try r.string(), mark: try r.value())
  }

  func write(to w: inout BinaryWriter) {
    w.string(id)
    w.optionalString(description)
    w.string(record.rawValue)
    w.strings(sports)
    w.optionalString(ruleset)
    w.optionalString(timezone)
    w.strings(requires)
    w.int(priority)
    w.values(examples)
    w.string(file)
    w.value(mark)
  }
}

extension RuleExample: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init(
      text: try r.string(),
      expected: try r.list { r in try r.stringKeyed { r in try r.bool() ? try r.optionalString() : nil } },
      file: try r.string(), mark: try r.value())
  }

  func write(to w: inout BinaryWriter) {
    w.string(text)
    w.list(expected) { w, record in
      w.stringKeyed(record) { w, field in
        // A value, or `null` (.some(nil)); an absent field is not listed.
        w.bool(field != nil)
        if let field { w.optionalString(field) }
      }
    }
    w.string(file)
    w.value(mark)
  }
}

extension Mark: BinaryCodable {
  init(from r: inout BinaryReader) throws { self.init(line: try r.int(), column: try r.int()) }

  func write(to w: inout BinaryWriter) {
    w.int(line)
    w.int(column)
  }
}
