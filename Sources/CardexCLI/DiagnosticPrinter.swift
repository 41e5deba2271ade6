import Cardex

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a line to standard error with one `write(2)`.
enum StandardError {
  static func write(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
  }
}

/// Prints diagnostics to standard error as `file:line: severity: …`.
///
/// One rule for every severity: what goes into the feed's `diagnostics`
/// goes to standard error too, notes included, as a compiler prints its
/// notes. `--quiet` hides notes and warnings, never an error: an error is
/// why a run fails (`--strict`), and a run must not fail without saying why.
struct DiagnosticPrinter {
  var quiet: Bool

  /// The rule, as `--help` states it.
  static let rule = "Every diagnostic (note, warning or error) is printed to standard error as 'file:line: severity: message [code]' and kept in the feed's diagnostics; --quiet hides notes and warnings, never errors."

  func print(_ d: Diagnostic) {
    guard !quiet || d.severity >= .error else { return }
    StandardError.write(d.description)
  }
}
