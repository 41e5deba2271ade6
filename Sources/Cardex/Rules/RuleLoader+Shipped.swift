#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension RuleLoader {
  /// The rules that ship with cardex, for programs that use the library:
  /// `$CARDEX_RULES` when set, else the `Rules` folder of the cardex
  /// checkout this library was compiled from.
  ///
  /// The rules are data read at run time, not compiled in, and they cannot
  /// be a resource of the library (SwiftPM takes resources only from inside
  /// a target's folder). A package that depends on cardex always has its
  /// checkout, though (`.build/checkouts/cardex`, or the folder a
  /// `.package(path:)` names), so that is where this looks. A program run
  /// away from its build sets `CARDEX_RULES` or passes a folder to
  /// `load(directories:)` itself.
  public static var shippedRulesDirectory: String? {
    if let env = ProcessInfo.processInfo.environment["CARDEX_RULES"], !env.isEmpty { return env }
    // …/Sources/Cardex/Rules/RuleLoader+Shipped.swift → up four.
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { root = root.deletingLastPathComponent() }
    let rules = root.appendingPathComponent("Rules").path
    return FileManager.default.fileExists(atPath: rules) ? rules : nil
  }

  /// Loads the shipped rules (`shippedRulesDirectory`).
  public func loadShippedRules() throws(YAMLError) -> RuleSet {
    guard let directory = Self.shippedRulesDirectory else {
      throw YAMLError(file: "Rules", mark: Mark(line: 1, column: 1), message: Self.shippedRulesMissing)
    }
    return try load(directories: [directory])
  }

  static let shippedRulesMissing =
    "cannot find cardex's shipped rules (the checkout the library was built from has gone); set CARDEX_RULES to a rules folder"
}
