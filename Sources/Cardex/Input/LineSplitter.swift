#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into numbered lines as chunks arrive.
///
/// Accepts `\n`, `\r\n` and a lone `\r` as line endings, and drops a UTF-8
/// byte-order mark at the start. A line longer than `maxLineBytes` keeps only
/// its first `maxLineBytes + 1` bytes (enough for the caller to see it is too
/// long), so one 50 MB line without a newline cannot make memory grow.
public struct LineSplitter {
  public var maxLineBytes: Int
  private var pending: [UInt8] = []
  private var pendingDropped = 0
  private var lineNumber = 0
  private var lastWasCR = false
  private var atStart = true

  /// `stripsByteOrderMark` is false for a piece of a file that does not
  /// start the file: only a file's first bytes can be its byte-order mark.
  public init(maxLineBytes: Int = 1 << 20, stripsByteOrderMark: Bool = true) {
    self.maxLineBytes = maxLineBytes
    self.atStart = stripsByteOrderMark
  }

  /// Feeds a chunk; calls `emit(number, line)` for each complete line.
  public mutating func feed(_ chunk: ArraySlice<UInt8>, _ emit: (Int, ArraySlice<UInt8>) -> Void) {
    var chunk = chunk
    if atStart {
      // Wait for three bytes before deciding about a byte-order mark.
      if pending.count + chunk.count < 3 && pending.isEmpty {
        if chunk.elementsEqual([0xEF, 0xBB, 0xBF].prefix(chunk.count)) && !chunk.isEmpty {
          pending.append(contentsOf: chunk)
          return
        }
      }
      if !pending.isEmpty {
        chunk = ArraySlice(pending + chunk)
        pending = []
      }
      if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk = chunk.dropFirst(3) }
      atStart = false
    }
    var start = chunk.startIndex
    var i = chunk.startIndex
    // Most text has no `\r` at all: one look at the whole chunk spares a
    // second look at every line.
    let mayHoldCR = chunk.withUnsafeBufferPointer { buf in buf.baseAddress.map { memchr($0, 13, buf.count) != nil } ?? false }
    while i < chunk.endIndex {
      // The common case, a whole line ended by `\n` alone with nothing
      // pending: found with `memchr`, which looks at many bytes at a time.
      if i == start, pending.isEmpty, pendingDropped == 0, !lastWasCR,
        let end = Self.plainLineEnd(chunk, from: i, mayHoldCR: mayHoldCR)
      {
        lineNumber += 1
        emit(lineNumber, chunk[i..<end])
        i = end + 1
        start = i
        continue
      }
      let b = chunk[i]
      if b == 10 || b == 13 {
        if b == 10 && lastWasCR && i == start && pending.isEmpty && pendingDropped == 0 {
          // The `\n` of a `\r\n` that straddled two chunks or followed `\r`.
          lastWasCR = false
          i += 1
          start = i
          continue
        }
        emitLine(chunk[start..<i], emit)
        lastWasCR = b == 13
        if b == 13, i + 1 < chunk.endIndex, chunk[i + 1] == 10 {
          i += 1
          lastWasCR = false
        }
        i += 1
        start = i
        continue
      }
      lastWasCR = false
      i += 1
    }
    if start < chunk.endIndex { append(chunk[start..<chunk.endIndex]) }
  }

  /// The index of the `\n` that ends the line starting at `from`, if one
  /// does and no `\r` comes before it.
  @inline(__always)
  private static func plainLineEnd(_ chunk: ArraySlice<UInt8>, from: Int, mayHoldCR: Bool) -> Int? {
    chunk.withUnsafeBufferPointer { buf -> Int? in
      guard let base = buf.baseAddress else { return nil }
      let offset = from - chunk.startIndex
      let rest = buf.count - offset
      guard let nl = memchr(base + offset, 10, rest) else { return nil }
      let length = UnsafeRawPointer(nl) - UnsafeRawPointer(base + offset)
      if mayHoldCR, length > 0, memchr(base + offset, 13, length) != nil { return nil }
      return from + length
    }
  }

  /// Emits the last line if the input did not end with a line ending.
  public mutating func finish(_ emit: (Int, ArraySlice<UInt8>) -> Void) {
    if atStart, !pending.isEmpty {
      atStart = false
      let bytes = pending
      pending = []
      if bytes != [0xEF, 0xBB, 0xBF].prefix(bytes.count).map({ $0 }) { append(bytes[...]) }
    }
    if !pending.isEmpty || pendingDropped > 0 {
      emitLine([][...], emit)
    }
  }

  /// Bytes of the current line that were not kept because it was too long.
  public var droppedBytes: Int { pendingDropped }

  private mutating func append(_ bytes: ArraySlice<UInt8>) {
    let room = maxLineBytes + 1 - pending.count
    if room >= bytes.count {
      pending.append(contentsOf: bytes)
    } else {
      if room > 0 { pending.append(contentsOf: bytes.prefix(room)) }
      pendingDropped += bytes.count - max(room, 0)
    }
  }

  private mutating func emitLine(_ tail: ArraySlice<UInt8>, _ emit: (Int, ArraySlice<UInt8>) -> Void) {
    lineNumber += 1
    if pending.isEmpty && pendingDropped == 0 {
      emit(lineNumber, tail)
      return
    }
    append(tail)
    emit(lineNumber, pending[...])
    pending.removeAll(keepingCapacity: true)
    pendingDropped = 0
  }
}
