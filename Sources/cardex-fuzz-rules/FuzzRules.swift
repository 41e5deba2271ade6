import Cardex
import CardexFuzzSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Fuzz target: arbitrary bytes as a rule file, through libyaml, the node
/// builder, the rule loader and (when it loads) the extractor on a sample
/// card. Built for libFuzzer by `scripts/fuzz.sh`; built normally it replays
/// input files.
enum FuzzRules {
  static let sample = """
    FIGHT CARD
    Catchweight 67kg Mohamed El Mesbahi (MAR) v Fouad Mesdari (ALG)
    Match info
    Uefa Champions League Group B
    Barcelona v Tottenham Hotspur, midnight
    """

  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let rules = try? RuleLoader().load(texts: [("fuzz.yaml", text)]) else { return }
    _ = Extractor(rules: rules).extract(sample, source: "sample")
    _ = ExampleRunner(rules: rules).run()
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzRules(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzRules.run(UnsafeBufferPointer(start: data, count: size))
    return 0
  }

  @_cdecl("cardex_fuzz_rules_main")
  public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzRules)
  }
#else
  @main
  struct FuzzRulesReplay {
    static func main() { FuzzDriver.replay(FuzzRules.run) }
  }
#endif
