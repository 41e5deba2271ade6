#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporary output file when a signal ends the process, then
/// dies of the same signal: a killed run leaves neither a partial file nor
/// a stray temporary one, and the previous output stays as it was.
///
/// Every catchable signal whose default action ends the process is
/// covered, not only SIGINT, SIGTERM and SIGHUP: a file-size limit
/// (SIGXFSZ, `ulimit -f`), a CPU limit (SIGXCPU), a timer (SIGALRM,
/// SIGVTALRM, SIGPROF), SIGUSR1/2 and a closed pipe (SIGPIPE) left the
/// temporary behind, and Ctrl-\ (SIGQUIT) was caught by the Swift runtime's
/// backtracer, which printed a crash report and let the run go on to commit.
/// A signal the parent set to be ignored (`nohup` ignores SIGHUP) stays
/// ignored; one it blocked is unblocked. SIGKILL cannot be caught; `StaleTemporaries` sweeps what it
/// leaves when the next run starts.
public enum SignalCleanup {
  /// The temporary path as a C string, readable from a signal handler.
  nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
  nonisolated(unsafe) private static var installed = false

  /// The catchable signals whose default action ends the process.
  static let terminating: [Int32] = [
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
  ]

  /// Installs the handlers, once; from the command line before the run
  /// starts, so that SIGQUIT stops it even when nothing is written to a file.
  public static func install() {
    guard !installed else { return }
    installed = true
    // A parent may hand down a mask that blocks them (a test runner's
    // thread, a supervisor); blocked, they would wait forever while the
    // run went on. Unblocked here, before the run starts its threads.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for sig in terminating { sigaddset(&unblock, sig) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    for sig in terminating {
      var current = sigaction()
      if sigaction(sig, nil, &current) == 0, isIgnored(current) { continue }
      signal(sig) { sig in
        if let p = SignalCleanup.path { unlink(p) }
        signal(sig, SIG_DFL)
        raise(sig)
      }
    }
  }

  private static func isIgnored(_ action: sigaction) -> Bool {
    #if canImport(Glibc)
      return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1
    #else
      return unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == 1
    #endif
  }

  /// Held while a temporary's name is made and read (`OutputFile`): with
  /// several output files in one process (a library user's, parallel
  /// tests), one's `watchTemplate` would otherwise free the buffer another
  /// is reading its name from.
  nonisolated(unsafe) static let naming: UnsafeMutablePointer<pthread_mutex_t> = {
    let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(m, nil)
    return m
  }()

  static func watch(_ temporaryPath: String) {
    pthread_mutex_lock(naming)
    defer { pthread_mutex_unlock(naming) }
    forgetLocked()
    path = strdup(temporaryPath)
    install()
  }

  /// Watches a `mkstemp` template before the file exists, and returns the
  /// buffer to hand to `mkstemp`, which writes the name into it in place:
  /// a signal at any moment unlinks whatever the buffer then names. (The
  /// path used to be watched only after the file was made and its mode
  /// set; a signal in between left the temporary behind.) The caller holds
  /// `naming` until it has read the name.
  static func watchTemplate(_ template: String) -> UnsafeMutablePointer<CChar>? {
    forgetLocked()
    path = strdup(template)
    install()
    return path
  }

  static func forget() {
    pthread_mutex_lock(naming)
    defer { pthread_mutex_unlock(naming) }
    forgetLocked()
  }

  private static func forgetLocked() {
    if let p = path {
      path = nil
      free(p)
    }
  }
}
