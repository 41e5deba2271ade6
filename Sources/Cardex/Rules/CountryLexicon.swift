/// Countries and every code or name that stands for one.
///
/// Codes are tried in the order sports text uses them: IOC, then FIFA, then
/// ISO alpha-3, then ISO alpha-2 (accepted only in full), then the rules'
/// alias table of press codes. Names are matched case-insensitively.
public struct CountryLexicon: Sendable {
  public struct Entry: Sendable, Hashable {
    public var iso2: String?
    public var iso3: String?
    public var ioc: String?
    public var fifa: String?
    public var name: String
    /// Why this entity is listed though ISO 3166-1 lacks it (Kosovo, England).
    public var note: String? = nil
  }

  public var entries: [Entry] = []
  /// Upper-cased code → (entry, how it matched, note).
  var codes: [String: (entry: Int, matchedAs: String, note: String?)] = [:]
  /// Lower-cased name → entry.
  var names: [String: (entry: Int, note: String?)] = [:]
  /// Nationality words (`Brazilian`, from the `demonym` element file) →
  /// entry: a country written before a name, never read as a country name.
  var demonyms: [String: Int] = [:]

  public init() {}

  /// Rebuilds the code and name indexes after the entries change.
  mutating func index(aliases: [(code: String?, name: String?, entry: Int, note: String?)]) {
    codes = [:]
    names = [:]
    // Lowest precedence first, so higher ones overwrite; within one
    // standard the first row keeps a code (the UK keeps GB, though the home
    // nations, listed later, share it).
    for standard in ["iso2", "iso3", "fifa", "ioc"] {
      var level: [String: Int] = [:]
      for (i, e) in entries.enumerated() {
        let code: String?
        switch standard {
        case "iso2": code = e.iso2
        case "iso3": code = e.iso3
        case "fifa": code = e.fifa
        default: code = e.ioc
        }
        if let code, level[code] == nil { level[code] = i }
      }
      for (code, i) in level { codes[code] = (i, standard, entries[i].note) }
    }
    for (i, e) in entries.enumerated() where names[e.name.lowercased()] == nil { names[e.name.lowercased()] = (i, e.note) }
    for a in aliases {
      if let c = a.code, codes[c.uppercased()] == nil || codes[c.uppercased()]?.matchedAs == "iso2" {
        codes[c.uppercased()] = (a.entry, "alias", a.note)
      }
      if let n = a.name { names[n.lowercased()] = (a.entry, a.note) }
    }
  }

  /// Resolves what was written; an unresolved `Country` (no `matchedAs`) when
  /// nothing matches.
  public func resolve(_ written: String) -> Country {
    if let hit = codes[written] ?? (written.count == 3 ? codes[written.uppercased()] : nil) {
      return country(written, entries[hit.entry], matchedAs: hit.matchedAs, note: hit.note)
    }
    if let hit = names[written.lowercased()] {
      return country(written, entries[hit.entry], matchedAs: "name", note: hit.note)
    }
    if let hit = demonyms[written] {
      return country(written, entries[hit], matchedAs: "demonym", note: nil)
    }
    return Country(asWritten: written)
  }

  /// True when `code` is a two-letter ISO code: the only two-letter codes a
  /// country slot accepts, so that marks like `(IC)` are not read as countries.
  func isKnownTwoLetterCode(_ code: String) -> Bool {
    codes[code] != nil
  }

  func isKnownName(_ name: String) -> Bool { names[name.lowercased()] != nil }

  /// True when `code` (as written) is a code some standard or alias gives.
  public func isKnownCode(_ code: String) -> Bool { codes[code] != nil }

  /// Adds a nationality word for the country a code names; false when no
  /// country has the code.
  mutating func addDemonym(_ word: String, code: String) -> Bool {
    guard let hit = codes[code.uppercased()] else { return false }
    demonyms[word] = hit.entry
    return true
  }

  /// Every name and alias name, for the element lexicon.
  var allNames: [String] { Array(names.keys) }

  private func country(_ written: String, _ e: Entry, matchedAs: String, note: String?) -> Country {
    Country(
      asWritten: written, matchedAs: matchedAs, ioc: e.ioc, fifa: e.fifa, iso3: e.iso3, iso2: e.iso2,
      name: e.name, note: note)
  }
}
