/// Writes a feed as it is made, in any format: NDJSON a line per record,
/// CSV a row per record, JSON one document written record by record.
///
/// Nothing is held back for the end but what the JSON document's key order
/// demands. Its keys are sorted (`bouts`, `diagnostics`, `fixtures`,
/// `generator`, `schemaVersion`) while records come mixed, so bouts go out
/// as they come and the diagnostics and fixtures wait in spools (a
/// temporary file past 1 MiB) to follow when the bouts' array closes.
/// Memory stays flat whatever the feed's size, and the document is byte
/// for byte the one `FeedEncoder.json` makes of the whole feed.
public final class FeedWriter {
  public enum Format: Sendable {
    case json, ndjson, csv
  }

  public let format: Format
  private let sink: OutputFile
  private var anyBout = false
  private let diagnostics: Spool
  private let fixtures: Spool

  /// Starts the feed in `sink`: the NDJSON header line, or the JSON
  /// document up to its bouts' array. `spoolBytes`: what each spool keeps
  /// in memory before it makes a file (small in tests).
  public init(format: Format, sink: OutputFile, spoolBytes: Int = 1 << 20) throws(OutputFile.Failure) {
    self.format = format
    self.sink = sink
    diagnostics = Spool(memoryBytes: spoolBytes)
    fixtures = Spool(memoryBytes: spoolBytes)
    switch format {
    case .ndjson: try sink.write((try? FeedEncoder().ndjsonHeader()) ?? [])
    case .csv: try sink.write(CSVWriter().header())
    case .json: try sink.write(Array("{\n  \"bouts\" : [".utf8))
    }
  }

  /// Writes items in order (explanations are not part of the feed).
  public func write(_ items: [ExtractedItem]) throws(OutputFile.Failure) {
    let encoder = FeedEncoder()
    for item in items {
      switch (format, item) {
      case (_, .explanation): continue
      case (.ndjson, _): try sink.append { encoder.ndjsonLine(item, appendingTo: &$0) }
      case (.csv, _): try sink.append { CSVWriter().row(item, appendingTo: &$0) }
      case (.json, .bout):
        try sink.append { encoder.jsonElement(item, first: !anyBout, appendingTo: &$0) }
        anyBout = true
      case (.json, .diagnostic): try diagnostics.append { encoder.jsonElement(item, appendingTo: &$0) }
      case (.json, .fixture): try fixtures.append { encoder.jsonElement(item, appendingTo: &$0) }
      }
    }
  }

  /// Sends what is buffered on its way (for a reader at the other end of
  /// a pipe, waiting).
  public func flush() throws(OutputFile.Failure) {
    try sink.flush()
  }

  /// Ends the feed: for JSON, closes the bouts' array and writes the
  /// spooled diagnostics and fixtures and the document's last fields. The
  /// caller then commits or flushes the sink.
  public func finish() throws(OutputFile.Failure) {
    guard format == .json else { return }
    try sink.write(Self.close(empty: !anyBout) + Array(",\n  \"diagnostics\" : [".utf8))
    try drain(diagnostics)
    try sink.write(Array(",\n  \"fixtures\" : [".utf8))
    try drain(fixtures)
    let tail = ",\n  \"generator\" : \"cardex\",\n  \"schemaVersion\" : \(Feed.currentSchemaVersion)\n}\n"
    try sink.write(Array(tail.utf8))
  }

  private func drain(_ spool: Spool) throws(OutputFile.Failure) {
    let empty = spool.isEmpty
    try spool.drain(skipping: 1, into: sink)
    try sink.write(Self.close(empty: empty))
  }

  /// The end of an array of the document, as `JSONEncoder` writes it (an
  /// empty one holds a blank line).
  private static func close(empty: Bool) -> [UInt8] {
    Array((empty ? "\n\n  ]" : "\n  ]").utf8)
  }
}
