import Testing

@testable import Cardex

/// Line endings, byte-order marks and over-long lines, as real files have them.
@Suite struct LineSplitterTests {
  func lines(_ chunks: [[UInt8]], max: Int = 1 << 20) -> [(Int, String)] {
    var splitter = LineSplitter(maxLineBytes: max)
    var out: [(Int, String)] = []
    for c in chunks { splitter.feed(c[...]) { out.append(($0, String(decoding: $1, as: UTF8.self))) } }
    splitter.finish { out.append(($0, String(decoding: $1, as: UTF8.self))) }
    return out
  }

  @Test func crlfAndLoneCRAndLFAllEndLines() {
    let got = lines([Array("a\r\nb\rc\nd".utf8)])
    #expect(got.map(\.1) == ["a", "b", "c", "d"])
    #expect(got.map(\.0) == [1, 2, 3, 4])
  }

  @Test func crlfSplitAcrossChunksIsOneLineEnding() {
    let got = lines([Array("a\r".utf8), Array("\nb\n".utf8)])
    #expect(got.map(\.1) == ["a", "b"])
  }

  @Test func byteOrderMarkIsDropped() {
    #expect(lines([[0xEF, 0xBB, 0xBF] + Array("FIGHT CARD\n".utf8)]).map(\.1) == ["FIGHT CARD"])
    #expect(lines([[0xEF], [0xBB, 0xBF, 65]]).map(\.1) == ["A"])
  }

  @Test func overlongLineKeepsOnlyItsHeadAndLaterLinesCountOn() {
    let long = [UInt8](repeating: 65, count: 100)
    let got = lines([long, long, Array("\nnext\n".utf8)], max: 10)
    #expect(got.count == 2)
    #expect(got[0].1.utf8.count == 11)
    #expect(got[1] == (2, "next"))
  }

  @Test func emptyInputHasNoLines() {
    #expect(lines([]).isEmpty)
  }
}
