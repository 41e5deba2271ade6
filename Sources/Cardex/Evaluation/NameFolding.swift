import Foundation

/// How names are compared when labelled records are paired with found ones:
/// compatibility-decomposed, accents dropped, lower-cased, and everything but
/// letters and digits turned into single spaces, so `Ji Prišč` matches
/// `JI PRISC` and `Nurmagomedov,` matches `Nurmagomedov`.
public enum NameFolding: String, Sendable, CaseIterable {
  /// Letters and digits of every script are kept: Cyrillic and Japanese
  /// names are compared as names.
  case unicode
  /// Only `a`–`z` and `0`–`9` are kept, exactly as the corpus's
  /// `score.py` folds. Names in other scripts then fold to nothing and any
  /// two of them match; use it only to reproduce that script's figures.
  case ascii

  public func fold(_ s: String?) -> String {
    guard let s else { return "" }
    var out = ""
    var space = false
    for scalar in s.decomposedStringWithCompatibilityMapping.unicodeScalars {
      if scalar.properties.canonicalCombiningClass != .notReordered { continue }
      for lower in scalar.properties.lowercaseMapping.unicodeScalars {
        if keeps(lower) {
          if space, !out.isEmpty { out.append(" ") }
          out.unicodeScalars.append(lower)
          space = false
        } else {
          space = true
        }
      }
    }
    return out
  }

  private func keeps(_ u: Unicode.Scalar) -> Bool {
    switch self {
    case .ascii: return ("a"..."z").contains(u) || ("0"..."9").contains(u)
    case .unicode:
      return u.properties.isAlphabetic || u.properties.generalCategory == .decimalNumber
    }
  }
}
