import CByteLanes
import Foundation
import Testing

@testable import Cardex

/// Tables of what real text prints and what the records say.
@Suite struct NormalizerTests {
  struct CountryCase: CustomTestStringConvertible, Sendable {
    var written: String
    var iso3: String?
    var matchedAs: String?
    var testDescription: String { written }
  }

  static let countries: [CountryCase] = [
    .init(written: "ALG", iso3: "DZA", matchedAs: "ioc"),
    .init(written: "UAE", iso3: "ARE", matchedAs: "ioc"),
    .init(written: "GER", iso3: "DEU", matchedAs: "ioc"),
    .init(written: "NED", iso3: "NLD", matchedAs: "ioc"),
    .init(written: "SUI", iso3: "CHE", matchedAs: "ioc"),
    .init(written: "KSA", iso3: "SAU", matchedAs: "ioc"),
    .init(written: "PLE", iso3: "PSE", matchedAs: "ioc"),
    .init(written: "PAL", iso3: "PSE", matchedAs: "alias"),
    .init(written: "DZA", iso3: "DZA", matchedAs: "iso3"),
    .init(written: "LBN", iso3: "LBN", matchedAs: "ioc"),
    .init(written: "SSD", iso3: "SSD", matchedAs: "ioc"),
    .init(written: "KOS", iso3: "XKX", matchedAs: "ioc"),
    .init(written: "ENG", iso3: "GBR", matchedAs: "fifa"),
    .init(written: "CA", iso3: "CAN", matchedAs: "iso2"),
    .init(written: "Brazil", iso3: "BRA", matchedAs: "name"),
    .init(written: "Ukraine", iso3: "UKR", matchedAs: "name"),
    .init(written: "XYZ", iso3: nil, matchedAs: nil),
    .init(written: "Brazill", iso3: nil, matchedAs: nil),
  ]

  @Test(arguments: countries)
  func countryCodeResolves(_ c: CountryCase) {
    let country = Repo.shippedRules.countries.resolve(c.written)
    #expect(country.iso3 == c.iso3)
    #expect(country.matchedAs == c.matchedAs)
    #expect(country.asWritten == c.written)
  }

  struct TextCase: CustomTestStringConvertible, Sendable {
    var id: String
    var raw: String
    var normalized: String
    var testDescription: String { id }
  }

  static let texts: [TextCase] = [
    .init(id: "nbsp", raw: "Catchweight 67kg\u{A0} Mohamed", normalized: "Catchweight 67kg Mohamed"),
    .init(id: "curly quotes", raw: "Women\u{2019}s \u{201C}Bodão\u{201D}", normalized: "Women's \"Bodão\""),
    .init(id: "dashes", raw: "A \u{2013} B \u{2014} C", normalized: "A - B - C"),
    .init(id: "runs of spaces", raw: "  A   B  ", normalized: "A B"),
    // A pasted table's tabs part cells: one cell mark for a run, none at
    // the ends.
    .init(id: "tabs between cells", raw: "\tA\t\t B\t", normalized: "A|B"),
    // Columns laid out with spaces: two wide gaps or more part cells, one
    // alone is a typist's.
    .init(id: "spaced columns", raw: "Sat 12 Oct    15:00    Arsenal   Chelsea", normalized: "Sat 12 Oct|15:00|Arsenal|Chelsea"),
    .init(id: "one wide gap", raw: "Micklehurst   v  Hollinwood", normalized: "Micklehurst v Hollinwood"),
    .init(id: "padded cells", raw: "| Kevin Holland    | Tim Means      | sub |", normalized: "| Kevin Holland | Tim Means | sub |"),
    .init(id: "zero width", raw: "A\u{200B}B", normalized: "AB"),
    .init(id: "percent-encoded", raw: "25%20Days%20to%20Aden", normalized: "25 Days to Aden"),
    .init(id: "clean ascii untouched", raw: "Barcelona v Tottenham Hotspur, midnight", normalized: "Barcelona v Tottenham Hotspur, midnight"),
  ]

  @Test(arguments: texts)
  func lineIsNormalized(_ c: TextCase) {
    let out = TextNormalizer.normalize(ArraySlice(Array(c.raw.utf8)))
    #expect(String(decoding: out, as: UTF8.self) == c.normalized)
  }

  struct ClockCase: CustomTestStringConvertible, Sendable {
    var written: String
    var local: String?
    var testDescription: String { written }
  }

  static let clocks: [ClockCase] = [
    .init(written: "midnight", local: "00:00"), .init(written: "noon", local: "12:00"),
    .init(written: "7.45pm", local: "19:45"), .init(written: "19:45", local: "19:45"),
    .init(written: "8 p.m.", local: "20:00"), .init(written: "12:30 AM", local: "00:30"),
    .init(written: "12:30 pm", local: "12:30"), .init(written: "5 PM", local: "17:00"),
    .init(written: "4.45", local: nil), .init(written: "15:00", local: "15:00"),
  ]

  @Test(arguments: clocks)
  func kickoffBecomesTwentyFourHourTime(_ c: ClockCase) {
    let line = ElementScanner(rules: Repo.shippedRules).scan(c.written)
    let full = line.elements(ofType: "time").first { $0.start == 0 && $0.end == line.tokens.count }
    guard case .clock(let hour, let minute, _)? = full?.value else {
      Issue.record("'\(c.written)' not read as a time")
      return
    }
    let local = hour.map { h in String(format: "%02d:%02d", h, minute) }
    #expect(local == c.local)
  }

  struct WeightCase: CustomTestStringConvertible, Sendable {
    var written: String
    var kg: Double
    var lb: Double
    var testDescription: String { written }
  }

  static let weights: [WeightCase] = [
    .init(written: "67kg", kg: 67, lb: 147.7), .init(written: "145lb", kg: 65.8, lb: 145),
    .init(written: "145 lbs", kg: 65.8, lb: 145), .init(written: "205 lbs.", kg: 93, lb: 205),
    .init(written: "73 kg", kg: 73, lb: 160.9), .init(written: "61,2 кг", kg: 61.2, lb: 134.9),
  ]

  @Test(arguments: weights)
  func weightIsGivenInBothUnits(_ c: WeightCase) {
    let line = ElementScanner(rules: Repo.shippedRules).scan(c.written)
    let hit = line.elements(ofType: "weight").first { $0.start == 0 }
    guard case .weight(let w)? = hit?.value else {
      Issue.record("'\(c.written)' not read as a weight")
      return
    }
    #expect(hit?.end == line.tokens.count)
    #expect(w.kg == c.kg)
    #expect(w.lb == c.lb)
  }

  @Test func weightClassLimitDependsOnTheTable() {
    let lexicon = Repo.shippedRules.weightClasses
    func limit(_ ruleset: String, _ name: String) -> Double? {
      let table = lexicon.tables.first { $0.ruleset == ruleset }
      return (table?.limits[name] ?? nil)?.lb
    }
    #expect(limit("boxing", "Lightweight") == 135)
    #expect(limit("mma-unified", "Lightweight") == 155)
    #expect(limit("one-championship", "Lightweight") == 170)
    #expect(lexicon.canonical(for: "Strawweight", in: lexicon.tables.first { $0.ruleset == "boxing" }) == "Minimumweight")
    #expect(limit("boxing", "Minimumweight") == 105)
    #expect(limit("mma-unified", "Strawweight") == 115)
    #expect(limit("one-championship", "Strawweight") == 125)
  }
}

extension NormalizerTests {
  /// Copying sixteen (SSE2) or eight printable bytes at a time gives what
  /// the byte-by-byte loop gives, wherever spaces, non-ASCII and control
  /// bytes fall.
  @Test func normalizingBlocksAtATimeChangesNothing() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [[UInt8]] = [
      [32], [32, 32], [9], [0], [0x7F], [0x25], [0xC2, 0xA0], [0xE2, 0x80, 0x99], [0xE2, 0x80, 0x8B], [0xE2, 0x80, 0x93],
      [0xC3, 0xA9], [0xFF], [0x80], Array("Catchweight".utf8), Array("ab cd ".utf8), Array(" v ".utf8), Array("x".utf8),
      Array("Mohamed El Mesbahi (MAR)".utf8), Array("7.45pm,".utf8), Array(" ~}".utf8),
    ]
    var blocksTaken = 0
    for _ in 0..<20_000 {
      var line: [UInt8] = []
      for _ in 0..<Int.random(in: 0...16, using: &generator) { line += pieces.randomElement(using: &generator)! }
      let (fast, plain) = line.withUnsafeBufferPointer { raw in
        // Exactly as long as the line: the most the normalizer may write.
        let a = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: raw.count)
        let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: raw.count)
        defer {
          a.deallocate()
          b.deallocate()
        }
        let na = TextNormalizer.normalizeBytes(raw, into: a)
        let nb = TextNormalizer.normalizeBytes(raw, into: b, copiesBlocks: false)
        return (Array(a[0..<na]), Array(b[0..<nb]))
      }
      #expect(fast == plain, "\(line)")
      // Long enough for a sixteen-byte block, not only an eight-byte one.
      if fast.count >= 16 { blocksTaken += 1 }
    }
    #expect(blocksTaken > 5_000)
  }

  /// The sixteen-byte kernel on its own, against its definition: it copies
  /// exactly the leading blocks that are printable ASCII with no two spaces
  /// together and no space last (a space first only when allowed), and
  /// writes nothing past them.
  @Test func theSixteenByteCopyTakesExactlyTheCleanBlocks() {
    var generator = SystemRandomNumberGenerator()
    let bytes: [UInt8] = [32, 32, 32, 65, 122, 126, 33, 48, 31, 127, 0x80, 0xC2, 9, 0]
    var copiedSome = 0
    for _ in 0..<50_000 {
      let n = Int.random(in: 0...70, using: &generator)
      // Mostly letters, so that whole clean blocks are common.
      let line: [UInt8] = (0..<n).map { _ in
        Int.random(in: 0..<20, using: &generator) < 17
          ? UInt8.random(in: 97...122, using: &generator) : bytes.randomElement(using: &generator)!
      }
      let spaceFirstOK = Bool.random(using: &generator)
      var expected = 0
      while expected + 16 <= n {
        let block = line[expected..<expected + 16]
        let printable = block.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
        let doubled = zip(block.dropLast(), block.dropFirst()).contains { $0 == 32 && $1 == 32 }
        let badFirst = block.first == 32 && !(expected > 0 || spaceFirstOK)
        guard printable, !doubled, block.last != 32, !badFirst else { break }
        expected += 16
      }
      if CARDEX_HAS_BYTE_LANES == 0 { expected = 0 }
      var out = [UInt8](repeating: 0xEE, count: n + 16)
      let copied = line.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
          cardex_copy_plain16(src.baseAddress ?? UnsafePointer(dst.baseAddress!), n, dst.baseAddress!, spaceFirstOK ? 1 : 0)
        }
      }
      #expect(copied == expected, "\(line)")
      #expect(Array(out[0..<copied]) == Array(line[0..<copied]))
      #expect(out[copied...].allSatisfy { $0 == 0xEE })
      if copied > 0 { copiedSome += 1 }
    }
    #expect(CARDEX_HAS_BYTE_LANES == 0 || copiedSome > 1_000)
  }

  /// The survey looks at sixteen bytes at a time: a doubled space or a
  /// stray byte is found wherever it falls against those blocks.
  @Test func cleanLinesAreJudgedAcrossBlockBoundaries() {
    // The rest of the line long enough for whole blocks after the spot,
    // or short enough for the byte loop to finish it.
    for k in 1..<48 {
      for rest in [1, 24] {
        let word = [UInt8](repeating: 0x78, count: k)
        let tail = [UInt8](repeating: 0x79, count: rest)
        func clean(_ line: [UInt8]) -> Bool { line.withUnsafeBufferPointer { LineSurvey.isClean($0) } }
        #expect(clean(word + [32] + tail), "\(k)")
        #expect(!clean(word + [32, 32] + tail), "\(k)")
        #expect(!clean(word + [0x25] + tail), "\(k)")
        #expect(!clean(word + [0xC2, 0xA0] + tail), "\(k)")
        #expect(clean(word + [0x7E] + tail), "\(k)")
      }
    }
  }

  @Test func lineSurveyAgreesWithThePlainDefinitions() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [[UInt8]] = [
      [32], [32, 32], [0x25], [0x7F], [0], [9], [0x41], [0x7A], [0x67], [0x66], [0xC2, 0xA0], [0xE2, 0x80, 0x99],
      [0xF0, 0x9F, 0x98, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
      [0xE2, 0x80], [0xFF], Array("Catchweight".utf8), Array("ab cd ".utf8), Array("%41".utf8), Array("%c3%a9".utf8),
      [0x7E], [0x21], [0x1F], Array("abcdefghijklmnop".utf8), Array("GHZ[`{@".utf8),
    ]
    for _ in 0..<20_000 {
      var line: [UInt8] = []
      for _ in 0..<Int.random(in: 0...24, using: &generator) { line += pieces.randomElement(using: &generator)! }
      let survey = line.withUnsafeBufferPointer { LineSurvey($0) }
      let clean = line.first != 32 && line.last != 32 && !line.contains { $0 < 0x20 || $0 >= 0x7F || $0 == 37 }
        && !zip(line, line.dropFirst()).contains { $0 == 32 && $1 == 32 }
      #expect(survey.isClean == clean, "\(line)")
      if !survey.isClean {
        #expect(survey.isValidUTF8 == (String(validating: line, as: UTF8.self) != nil), "\(line)")
        #expect(survey.hasNUL == line.contains(0), "\(line)")
      }
    }
  }

  @Test func aRoundWrittenIntoTheMethodComesOutOfIt() {
    #expect(MethodCleaner.clean("second-round TKO") == ("TKO", 2))
    #expect(MethodCleaner.clean("Twelfth-Round KO") == ("KO", 12))
    #expect(MethodCleaner.clean("KO (punches)") == ("KO (punches)", nil))
    #expect(MethodCleaner.clean("TKO - round 2") == ("TKO - round 2", nil))
    #expect(MethodCleaner.clean("late-round stoppage") == ("late-round stoppage", nil))
    #expect(MethodCleaner.clean("TKO second-round") == ("TKO second-round", nil))
    #expect(MethodCleaner.clean("-round") == ("-round", nil))
  }

  /// A heading run into the sentence under it splits where the sentence's
  /// first word stands on the line by itself too; brand names stay whole;
  /// a listing row's two teams closed up are paired.
  @Test(arguments: [
    ("#1: Caio Terra vs. Jeff GloverTerra defeated Glover via submission", "#1: Caio Terra vs. Jeff Glover. Terra defeated Glover via submission"),
    ("#3: Dean Lister vs. Renato SobralLister and Sobral fought to a draw", "#3: Dean Lister vs. Renato Sobral. Lister and Sobral fought to a draw"),
    ("NorthEast United FC vs Mumbai City FC", "NorthEast United FC vs Mumbai City FC"),
    ("MoraBanc Andorra - Unicaja 81-77", "MoraBanc Andorra - Unicaja 81-77"),
    ("Conor McGregor vs. Dustin Poirier", "Conor McGregor vs. Dustin Poirier"),
    // A score closed up to the next match's first team.
    ("AWC - MSC 4-1De Bataven - Be Quick 3-1", "AWC - MSC 4-1. De Bataven - Be Quick 3-1"),
    ("Chicago Bears 23 - 20Die Bears verloren", "Chicago Bears 23 - 20. Die Bears verloren"),
    // A full stop closed up to the next block's first word.
    ("#4: André Galvão vs. Rafael Lovato Jr.Galvão defeated Lovato", "#4: André Galvão vs. Rafael Lovato Jr.. Galvão defeated Lovato"),
    // Two teams' cells closed up on a listing's row: paired by a hyphen;
    // a club's short name repeated after its full one: dropped.
    ("20.30 BursasporTrabzonspor (Bursa)", "20.30 Bursaspor-Trabzonspor (Bursa)"),
    ("16.00 Çaykur RizesporGöztepe", "16.00 Çaykur Rizespor-Göztepe"),
    ("ToulonPerpignan 44 – 22", "Toulon-Perpignan 44 - 22"),
    ("Fortuna DüsseldorfDüsseldorf 1 : 0", "Fortuna Düsseldorf 1 : 0"),
    // Not a sponsor's name after a pairing, nor one with no time or score.
    ("Wegreenit Urania Milano-RivieraBanca Basket Rimini 82-86", "Wegreenit Urania Milano-RivieraBanca Basket Rimini 82-86"),
    ("Lobov vs. KnightMississippi Coast Coliseum 2019", "Lobov vs. KnightMississippi Coast Coliseum 2019"),
    ("Watch WrestleMania tonight", "Watch WrestleMania tonight"),
    ("#UFCAbuDhabi is set @VisitAbuDhabi pic.twitter.com/yUK7V", "#UFCAbuDhabi is set @VisitAbuDhabi pic.twitter.com/yUK7V"),
    // Not a time or a date closed up to a word.
    ("Anstoß 20:00Uhr", "Anstoß 20:00Uhr"),
    ("2024-05Mai", "2024-05Mai"),
    ("Bayern 2-1AET", "Bayern 2-1AET"),
  ])
  func gluedBlocksComeApart(_ written: String, _ read: String) {
    #expect(String(decoding: TextNormalizer.normalize(Array(written.utf8)[...]), as: UTF8.self) == read)
  }

  /// A Markdown table's logos are images: they go, with the cells they
  /// leave empty; an image inside a cell with text leaves the text.
  @Test(arguments: [
    ("| 2 | ![]() | Fehérvár FC | ![]() | Paksi SE | 1:1 |", "| 2 | Fehérvár FC | Paksi SE | 1:1 |"),
    ("| ![logo](https://x.org/a.png) Arsenal | ![logo](https://x.org/b.png) Chelsea |", "| Arsenal | Chelsea |"),
    ("![]() | ||", "| ||"),
    ("Arsenal ![broken](no end", "Arsenal ![broken](no end"),
    ("Wow! [link](x)", "Wow! [link](x)"),
  ])
  func markdownImagesAreTakenOut(_ written: String, _ read: String) {
    #expect(String(decoding: TextNormalizer.normalize(Array(written.utf8)[...]), as: UTF8.self) == read)
  }
}
