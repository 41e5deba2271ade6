import CByteLanes
import Testing

@testable import Cardex

/// The trigger scan looks sixteen bytes at a time where it can; it must find
/// exactly the anchors the byte-at-a-time scan finds.
@Suite struct TriggerScanTests {
  /// Wherever the kernels are built (SSE2), so that the test below
  /// compares the two scans rather than the byte loop with itself. The
  /// whole suite also passes with the plain loops:
  /// `swift test -Xcc -DCARDEX_PLAIN_LOOPS`.
  @Test func theShippedRulesUseTheLaneScan() {
    #expect((Repo.extractor.prefilter.tables.laneBytes != nil) == (CARDEX_HAS_BYTE_LANES != 0))
  }

  @Test func laneScanFindsWhatTheByteLoopFinds() {
    let tables = Repo.extractor.prefilter.tables
    var generator = SystemRandomNumberGenerator()
    // Anchors whole and cut, at word starts and inside words, around the
    // sixteen-byte boundaries; the bytes the lanes stop at (`r`, `)`) and
    // those they must not (space, NUL); non-ASCII and digits as word bytes.
    let pieces: [[UInt8]] = [
      [32], [32, 32], [0], [0x29], [0x28], Array("r".utf8), Array("R".utf8), Array("rounds".utf8), Array("5 rounds,".utf8),
      Array("vs. ".utf8), Array(" v ".utf8), Array("def.".utf8), Array("Lightweight".utf8), Array("weight".utf8),
      Array("Catchweight bout".utf8), Array("Main Card".utf8), Array("(round ".utf8), Array("):".utf8), Array(").".utf8),
      Array("thursday".utf8), Array("Sat".utf8), Array("x".utf8), Array("ab".utf8), Array("7".utf8), Array("-".utf8),
      Array("Champions League".utf8), [0xC2, 0xA0], [0xC3, 0xA9], [0xE2, 0x88, 0x9A], [0xFF], Array("√".utf8),
    ]
    var hitsByLanes = AnchorHits()
    var hitsByBytes = AnchorHits()
    var linesWithHits = 0
    for _ in 0..<20_000 {
      var line: [UInt8] = []
      for _ in 0..<Int.random(in: 0...24, using: &generator) { line += pieces.randomElement(using: &generator)! }
      line.withUnsafeBufferPointer { buffer in
        tables.scan(buffer, into: &hitsByLanes)
        hitsByBytes.next(count: tables.anchorCount)
        if let base = buffer.baseAddress { tables.scanByBytes(base, buffer.count, &hitsByBytes) }
      }
      #expect(hitsByLanes.found == hitsByBytes.found, "\(String(decoding: line, as: UTF8.self))")
      if !hitsByBytes.found.isEmpty { linesWithHits += 1 }
    }
    #expect(linesWithHits > 10_000)
  }
}
