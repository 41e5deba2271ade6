/// A country as printed beside a name, resolved to the standard codes.
///
/// Sports texts print IOC or FIFA codes (ALG, UAE, GER) that differ from ISO
/// (DZA, ARE, DEU), and outlets invent their own (PAL for Palestine). The record
/// keeps what was written and adds every standard code the rules know, so a
/// consumer can join on whichever standard it uses.
public struct Country: Codable, Sendable, Hashable {
  /// The code or name exactly as written (`ALG`, `Brazil`).
  public var asWritten: String
  /// How `asWritten` was recognised: `ioc`, `fifa`, `iso3`, `iso2`, `name`,
  /// `alias` (a press code from the rules' alias table), or nil when unknown.
  public var matchedAs: String?
  public var ioc: String?
  public var fifa: String?
  public var iso3: String?
  public var iso2: String?
  /// English short name.
  public var name: String?
  /// Why a non-standard or surprising code was read as this country.
  public var note: String?

  public init(
    asWritten: String, matchedAs: String? = nil, ioc: String? = nil, fifa: String? = nil,
    iso3: String? = nil, iso2: String? = nil, name: String? = nil, note: String? = nil
  ) {
    self.asWritten = asWritten
    self.matchedAs = matchedAs
    self.ioc = ioc
    self.fifa = fifa
    self.iso3 = iso3
    self.iso2 = iso2
    self.name = name
    self.note = note
  }

  /// True when the rules resolved the code to a known country.
  public var isResolved: Bool { matchedAs != nil }
}
