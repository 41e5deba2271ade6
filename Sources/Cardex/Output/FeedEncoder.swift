#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Encodes feeds and records as JSON with sorted keys, so that the same
/// input always gives byte-identical output.
public struct FeedEncoder: Sendable {
  public init() {}

  /// The whole feed as one pretty-printed JSON document, with a final newline.
  public func json(_ feed: Feed) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(feed)) + [10]
  }

  /// The first NDJSON line: names the schema version for the lines after it.
  public func ndjsonHeader() throws -> [UInt8] {
    Array(#"{"generator":"cardex","schemaVersion":\#(Feed.currentSchemaVersion),"type":"feed"}"#.utf8) + [10]
  }

  /// One record or diagnostic as one NDJSON line, written by hand
  /// (`JSONWriter`): this runs once per record on the hot path.
  public func ndjsonLine(_ item: ExtractedItem) throws -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(1024)
    ndjsonLine(item, appendingTo: &bytes)
    return bytes
  }

  /// One record or diagnostic as an element of the JSON feed's arrays,
  /// laid out as `json(_:)` lays it out: a comma (unless it is the array's
  /// first), a line break and the element's indent, then the object
  /// pretty-printed. `FeedWriter` writes the feed from these.
  public func jsonElement(_ item: ExtractedItem, first: Bool = false, appendingTo bytes: inout [UInt8]) {
    if case .explanation = item { return }
    if !first { bytes.append(44) }
    bytes.append(contentsOf: Self.elementIndent)
    var writer = JSONWriter(prettyAtDepth: 2)
    switch item {
    case .bout(let b): writer.write(b)
    case .fixture(let f): writer.write(f)
    case .diagnostic(let d): writer.write(d)
    case .explanation: break
    }
    writer.handBack(to: &bytes)
  }

  /// A line break and the indent of an element of the feed's arrays.
  static let elementIndent: [UInt8] = Array("\n    ".utf8)

  /// As `ndjsonLine(_:)`, appended to `bytes` in place.
  public func ndjsonLine(_ item: ExtractedItem, appendingTo bytes: inout [UInt8]) {
    if case .explanation = item { return }
    var writer = JSONWriter()
    switch item {
    case .bout(let b): writer.write(b)
    case .fixture(let f): writer.write(f)
    case .diagnostic(let d): writer.write(d)
    case .explanation: break
    }
    writer.handBack(to: &bytes)
    bytes.append(10)
  }
}
