import Cardex

/// The file names a `--files-from` list gives: one a line, or separated by
/// NUL bytes (`find -print0`), for lists longer than a command line allows.
///
/// Read in chunks, in time linear in the list's length; blank entries are
/// skipped, and a line's carriage return (a list saved on Windows) is not
/// part of the name.
enum FileList {
  static func read(_ path: String, nulSeparated: Bool) throws(InputFile.Failure) -> [String] {
    let input = try InputFile(path: path)
    let separator: UInt8 = nulSeparated ? 0 : 10
    var names: [String] = []
    var pending: [UInt8] = []
    func take() {
      if !nulSeparated, pending.last == 13 { pending.removeLast() }
      if !pending.isEmpty { names.append(String(decoding: pending, as: UTF8.self)) }
      pending.removeAll(keepingCapacity: true)
    }
    try input.forEachChunk { chunk in
      for byte in chunk {
        if byte == separator { take() } else { pending.append(byte) }
      }
    }
    take()
    return names
  }
}
