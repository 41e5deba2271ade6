/// The grammar in the compiled-rules cache: rules, annotations, headings
/// and name rules as `GrammarReader` left them.
extension Grammar: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init()
    rules = try r.values()
    lead = try r.stringSet()
    note = try r.stringSet()
    tail = try r.stringSet()
    boundaries = try r.stringSet()
    headings = try r.stringKeyed { r in try r.stringSet() }
    names = try r.value()
  }

  func write(to w: inout BinaryWriter) {
    w.values(rules)
    for set in [lead, note, tail, boundaries] { w.strings(set) }
    w.stringKeyed(headings) { w, types in w.strings(types) }
    w.value(names)
  }
}

extension NameRules: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init()
    never = try r.stringSet()
    notAfterStart = try r.stringSet()
    inside = try r.stringSet()
    end = try r.stringSet()
    maxWords = try r.int()
  }

  func write(to w: inout BinaryWriter) {
    for set in [never, notAfterStart, inside, end] { w.strings(set) }
    w.int(maxWords)
  }
}

extension RecordRule: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    let id = try r.string()
    guard let record = Record(rawValue: try r.string()) else { throw BinaryReader.Malformed() }
    self.init(
      id: id, record: record, terms: try r.values(), set: try r.stringPairs(), needs: try r.stringSet(),
      unless: try r.stringSet(), file: try r.string(), mark: try r.value())
  }

  func write(to w: inout BinaryWriter) {
    w.string(id)
    w.string(record.rawValue)
    w.values(terms)
    w.stringPairs(set)
    w.strings(needs)
    w.strings(unless)
    w.string(file)
    w.value(mark)
  }
}

extension GrammarTerm: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    let kind: Kind
    switch try r.int() {
    case 0:
      guard let role = SideRole(rawValue: try r.string()) else { throw BinaryReader.Malformed() }
      kind = .side(role)
    case 1: kind = .element(type: try r.string(), required: try r.stringSet(), excluded: try r.stringSet())
    case 2: kind = .literal(try r.string())
    case 3: kind = .gap
    default: throw BinaryReader.Malformed()
    }
    self.init(kind: kind, optional: try r.bool(), field: try r.optionalString(), mark: try r.value())
  }

  func write(to w: inout BinaryWriter) {
    switch kind {
    case .side(let role):
      w.int(0)
      w.string(role.rawValue)
    case .element(let type, let required, let excluded):
      w.int(1)
      w.string(type)
      w.strings(required)
      w.strings(excluded)
    case .literal(let text):
      w.int(2)
      w.string(text)
    case .gap: w.int(3)
    }
    w.bool(optional)
    w.optionalString(field)
    w.value(mark)
  }
}
