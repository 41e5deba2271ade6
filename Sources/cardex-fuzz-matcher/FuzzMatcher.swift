import Cardex
import CardexFuzzSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Fuzz target: arbitrary bytes through the line splitter, normalizer,
/// prefilter, matcher, record builder and feed checks, with the shipped
/// rules. Built for libFuzzer by `scripts/fuzz.sh` (`-DFUZZING`); built
/// normally it replays input files, which is how crash reproducers become
/// regression runs.
enum FuzzMatcher {
  static let extractor: Extractor = {
    let path = CommandLine.arguments.first ?? ""
    guard let dir = RuleLoader.defaultRulesDirectory(executablePath: path),
      let rules = try? RuleLoader().load(directories: [dir])
    else {
      fatalError("cannot load the shipped rules; set CARDEX_RULES")
    }
    return Extractor(rules: rules)
  }()

  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    var session = extractor.session(source: "fuzz", explain: bytes.count % 2 == 0)
    var splitter = LineSplitter(maxLineBytes: 1 << 16)
    var count = 0
    splitter.feed(ArraySlice(bytes)) { n, line in count += session.consume(line: line, number: n).count }
    splitter.finish { n, line in count += session.consume(line: line, number: n, terminated: false).count }
    _ = session.finish()
    if count < 0 { print(count) }
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzMatcher(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzMatcher.run(UnsafeBufferPointer(start: data, count: size))
    return 0
  }

  @_cdecl("cardex_fuzz_matcher_main")
  public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzMatcher)
  }
#else
  @main
  struct FuzzMatcherReplay {
    static func main() { FuzzDriver.replay(FuzzMatcher.run) }
  }
#endif
