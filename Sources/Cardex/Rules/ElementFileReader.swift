/// Reads an element lexicon file (`element: separator`, `entries: …`) into
/// entries of the element lexicon.
struct ElementFileReader {
  let reader: RuleReader

  /// A name that opens with a capitalised article (`La Liga`, `Le Mans`)
  /// is that name only so written: in `de la Liga MX` the article is the
  /// sentence's.
  static func opensWithArticle(_ phrase: String) -> Bool {
    ["La ", "Le ", "Il ", "El ", "Die ", "Der ", "Los ", "Las "].contains { phrase.hasPrefix($0) }
  }

  static let keys = ["version", "element", "description", "case", "entries"]
  static let entryKeys = ["phrases", "value", "tags", "languages", "case"]

  func read(_ root: YAMLNode, into lexicon: inout ElementLexicon) throws(YAMLError) {
    let r = reader
    _ = try r.mapping(root, allowed: Self.keys, what: "an element file")
    try r.checkVersion(root, accepting: [2])
    let typeNode = root["element"]
    let type = try r.requiredString(root, "element", what: "an element file")
    if let typeNode, !Self.isTypeName(type) {
      throw r.error(typeNode, "element type '\(type)' must be lower-case words joined by '-'")
    }
    if let typeNode, GrammarTerm.shapeTypes.contains(type) {
      throw r.error(typeNode, "'\(type)' is read from the shape of the text, not from a list; choose another element name")
    }
    let fileCase = try caseSensitivity(root["case"], default: false)
    var seen: [String: (mark: Mark, value: String)] = [:]
    for node in try r.list(root["entries"] ?? .sequence([], root.mark), "'entries'") {
      _ = try r.mapping(node, allowed: Self.entryKeys, what: "an entry")
      let phrases = try r.stringList(node["phrases"], "'phrases'")
      if phrases.isEmpty { throw r.error(node, "an entry needs 'phrases': one or more spellings") }
      let sensitive = try caseSensitivity(node["case"], default: fileCase)
      let tags = Set(try r.stringList(node["tags"], "'tags'"))
      let languages = try r.stringList(node["languages"], "'languages'")
      let value = try r.optionalString(node, "value")
      for phrase in phrases {
        // Spellings that differ only in case are one phrase to the
        // matcher: the same meaning twice is harmless, two meanings a
        // mistake. (Accents are kept: list both spellings where texts drop
        // them.)
        let key = sensitive ? phrase : Tokenizer.fold(phrase)
        if let first = seen[key] {
          if first.value == (value ?? phrase) || Tokenizer.fold(first.value) == Tokenizer.fold(value ?? phrase) { continue }
          throw r.error(
            node["phrases"] ?? node,
            "phrase '\(phrase)' means '\(value ?? phrase)' here and '\(first.value)' at line \(first.mark.line); one spelling, one meaning")
        }
        seen[key] = (node.mark, value ?? phrase)
        let added = lexicon.add(
          ElementEntry(
            type: type, phrase: phrase, value: value ?? phrase, tags: tags, languages: languages,
            caseSensitive: sensitive || Self.opensWithArticle(phrase),
            location: "\(r.file):\(node.mark)"))
        if !added { throw r.error(node["phrases"] ?? node, "phrase '\(phrase)' holds no word or mark") }
      }
    }
  }

  private func caseSensitivity(_ node: YAMLNode?, default value: Bool) throws(YAMLError) -> Bool {
    guard let node else { return value }
    switch node.string {
    case "sensitive": return true
    case "insensitive": return false
    default: throw reader.error(node, "'case' must be 'sensitive' or 'insensitive'")
    }
  }

  static func isTypeName(_ s: String) -> Bool {
    !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
      && s.first != "-" && s.last != "-"
  }
}
