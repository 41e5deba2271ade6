/// Takes the marks cards print around names off them.
///
/// `Champ Kamaru Usman`, `Khabib Nurmagomedov ©`, `(c) Stephen Loman` and
/// `_Carlos Ulberg!_` all name a fighter; the champion marks set the bout's
/// title flag instead of staying in the name.
enum NameCleaner {
  static func clean(_ raw: String) -> (name: String, champion: Bool) {
    // Most names carry no mark: nothing to take off.
    var raw = raw
    if raw.withUTF8({ !$0.contains { $0 == 40 || $0 == 95 || $0 == 33 || $0 == 34 || $0 == 42 || $0 >= 0x80 } && !startsWithChamp($0) }) { return (raw, false) }
    // A footnote's asterisk or dagger before or after a name (`*Miami`,
    // `Trindade*`): the page's, not the name's.
    while let f = raw.first, f == "*" || f == "†" || f == "‡", raw.count > 1 { raw.removeFirst() }
    while let l = raw.last, l == "*" || l == "†" || l == "‡", raw.count > 1 { raw.removeLast() }
    // A team's name in quotes, as Russian and Ukrainian listings print it
    // (`"Локомотив"`, `«Зенит»`): the quotes are no part of it.
    if let first = raw.first, let last = raw.last, raw.count > 2, let close = Self.quotePairs[first], close.contains(last) {
      let inner = raw.dropFirst().dropLast()
      if !inner.contains(where: { Self.quotePairs[$0] != nil || close.contains($0) }) { raw = String(inner) }
    }
    var words = raw.split(separator: " ").map(String.init)
    var champion = false
    while let first = words.first, ["champ", "(c)", "©", "(champ)"].contains(first.lowercased()), words.count > 1 {
      champion = true
      words.removeFirst()
    }
    while let last = words.last, ["(c)", "©", "(ic)", "(champ)", "(interim)"].contains(last.lowercased()), words.count > 1 {
      if last.lowercased() != "(ic)" && last.lowercased() != "(interim)" { champion = true }
      words.removeLast()
    }
    var name = words.joined(separator: " ")
    // Markdown emphasis and the exclamation marks some tables use for bonuses.
    if name.hasPrefix("_") || name.hasSuffix("_") || name.hasSuffix("!") {
      name = String(name.drop { $0 == "_" })
      while let l = name.last, l == "_" || l == "!" { name.removeLast() }
    }
    return (name, champion)
  }

  /// Opening quotes and the marks that close them.
  static let quotePairs: [Character: Set<Character>] = ["\"": ["\""], "«": ["»"], "„": ["“", "\""], "“": ["”"]]

  private static func startsWithChamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let champ: [UInt8] = Array("champ".utf8)
    return bytes.count >= 5 && (0..<5).allSatisfy { (bytes[$0] | 0x20) == champ[$0] }
  }
}
