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

/// Prints warnings and errors to standard error as `file:line: warning: …`.
struct DiagnosticPrinter {
  var quiet: Bool

  func print(_ d: Diagnostic) {
    guard !quiet, d.severity >= .warning else { return }
    StandardError.write(d.description)
  }
}
