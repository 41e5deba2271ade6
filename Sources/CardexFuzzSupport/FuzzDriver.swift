#if canImport(Glibc)
  import Glibc
#endif

/// What the two fuzz targets share: starting libFuzzer, and replaying saved
/// inputs when built without it.
public enum FuzzDriver {
  public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  #if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    static func LLVMFuzzerRunDriver(
      _ argc: UnsafeMutablePointer<CInt>,
      _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
      _ callback: Callback
    ) -> CInt

    /// Hands control to libFuzzer. SwiftPM links an executable's entry point
    /// as `<module>_main`, so that entry calls this.
    public static func run(
      _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ callback: Callback
    ) -> CInt {
      var count = argc
      var arguments = argv
      return LLVMFuzzerRunDriver(&count, &arguments, callback)
    }
  #endif

  /// Runs `body` on the contents of each file named on the command line:
  /// how a crash reproducer from `.build-fuzz/artifacts/` is replayed.
  public static func replay(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    for path in CommandLine.arguments.dropFirst() {
      guard let f = fopen(path, "rb") else {
        print("cannot open \(path)")
        continue
      }
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes += buffer[0..<n]
      }
      fclose(f)
      bytes.withUnsafeBufferPointer(body)
      print("ok \(path)")
    }
  }
}
