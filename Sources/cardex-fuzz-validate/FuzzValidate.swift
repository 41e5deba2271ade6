import Cardex
import CardexFuzzSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Fuzz target: arbitrary bytes as a feed, through `validate`'s JSON reader,
/// the schema check, the NDJSON line reader and the checks of meaning with
/// the shipped rules. Feeds come from other tools and from people; none may
/// crash the gate or hang it. Built for libFuzzer by `scripts/fuzz.sh`;
/// built normally it replays input files.
enum FuzzValidate {
  static let validation: FeedValidation = {
    let dir = RuleLoader.defaultRulesDirectory(executablePath: CommandLine.arguments[0]) ?? "Rules"
    do {
      return try FeedValidation(rules: try RuleLoader().load(directories: [dir]))
    } catch {
      fatalError("the shipped rules do not load: \(error)")
    }
  }()

  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    _ = validation.validate(Array(bytes))
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzValidate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzValidate.run(UnsafeBufferPointer(start: data, count: size))
    return 0
  }

  @_cdecl("cardex_fuzz_validate_main")
  public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    // Built before the first input: the schema's tree lives for the whole
    // run, and LeakSanitizer, which cannot follow Swift's tagged enum
    // payloads, took it for a leak of whichever input built it.
    _ = FuzzValidate.validation
    return FuzzDriver.run(argc, argv, fuzzValidate)
  }
#else
  @main
  struct FuzzValidateReplay {
    static func main() { FuzzDriver.replay(FuzzValidate.run) }
  }
#endif
