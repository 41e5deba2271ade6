/// The element lexicon in the compiled-rules cache: its entries, trie and
/// leads exactly as `ElementLexicon.add` left them, so that a cache hit
/// tokenizes and inserts no phrase.
extension ElementLexicon: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init()
    entries = try r.values()
    trie = try r.value()
    types = try r.stringSet()
    leads = try r.values()
    exactTexts = try r.dictionary { r in (try r.int(), try r.strings()) }
  }

  func write(to w: inout BinaryWriter) {
    w.values(entries)
    w.value(trie)
    w.strings(types)
    w.values(leads)
    w.list(exactTexts) { w, e in
      w.int(e.key)
      w.strings(e.value)
    }
  }
}

extension PhraseTrie: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init()
    words = try r.dictionary { r in (try r.string(), try r.int32()) }
    rootChildren = try r.int32s()
    edges = try r.dictionary { r in (try r.uint64(), try r.int32()) }
    ends = try r.list { r in try r.int32s() }
  }

  func write(to w: inout BinaryWriter) {
    w.list(words) { w, e in
      w.string(e.key)
      w.int32(e.value)
    }
    w.int32s(rootChildren)
    w.list(edges) { w, e in
      w.uint64(e.key)
      w.int32(e.value)
    }
    w.list(ends) { w, e in w.int32s(e) }
  }
}

extension ElementEntry: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init(
      type: try r.string(), phrase: try r.string(), value: try r.string(), tags: try r.stringSet(),
      languages: try r.strings(), caseSensitive: try r.bool(), location: try r.string())
  }

  func write(to w: inout BinaryWriter) {
    w.string(type)
    w.string(phrase)
    w.string(value)
    w.strings(tags)
    w.strings(languages)
    w.bool(caseSensitive)
    w.string(location)
  }
}

extension PhraseLead: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    self.init(first: try r.value(), second: try r.bool() ? try r.value() : nil)
  }

  func write(to w: inout BinaryWriter) {
    w.value(first)
    w.bool(second != nil)
    if let second { w.value(second) }
  }
}

extension Token: BinaryCodable {
  init(from r: inout BinaryReader) throws {
    let kinds: [Kind] = [.word, .number, .punctuation, .symbol]
    let k = try r.int()
    guard kinds.indices.contains(k) else { throw BinaryReader.Malformed() }
    self.init(
      kind: kinds[k], text: try r.string(), folded: try r.string(), spaceBefore: try r.bool(), start: try r.int(),
      end: try r.int(), isCapitalized: try r.bool(), isAllCaps: try r.bool(), isUncased: try r.bool(),
      isCJK: try r.bool(), isHiragana: try r.bool(), isJoiner: try r.bool())
  }

  func write(to w: inout BinaryWriter) {
    switch kind {
    case .word: w.int(0)
    case .number: w.int(1)
    case .punctuation: w.int(2)
    case .symbol: w.int(3)
    }
    w.string(text)
    w.string(folded)
    w.bool(spaceBefore)
    w.int(start)
    w.int(end)
    w.bool(isCapitalized)
    w.bool(isAllCaps)
    w.bool(isUncased)
    w.bool(isCJK)
    w.bool(isHiragana)
    w.bool(isJoiner)
  }
}
