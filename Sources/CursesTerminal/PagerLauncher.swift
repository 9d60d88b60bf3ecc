import BrowserCore
import CNcursesw

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the user's pager on a text: `$PAGER` split into words as git does (never through a
/// shell, so nothing in the text or the variable can run a command), default `less -R`.
/// The text reaches the pager's standard input from a private temporary file that is
/// unlinked before the pager even starts, so nothing is left behind on any exit path.
enum PagerLauncher {
  /// Runs the pager and waits for it. Returns false when it could not be started, or when
  /// it does not wait (`cat`): the caller then shows the text itself.
  static func run(_ text: String, environment: [String: String]) -> Bool {
    let arguments = PagerCommand.words(environment: environment)
    if PagerCommand.doesNotWait(arguments) { return false }
    guard let input = privateFile(containing: text) else { return false }
    defer { close(input) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO)
    // The pager must be in the terminal's foreground process group, so no POSIX_SPAWN_SETPGROUP
    // (in a group of its own, its reads from the terminal would stop it with SIGTTIN); and it
    // gets default signal handling, not medterm's.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGTSTP, SIGWINCH] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var environmentList = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { environmentList.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, &environmentList)
    guard spawned == 0 else { return false }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // 127 from a pager that could not exec its own helper counts as "did not run".
    return !(status & 0x7F == 0 && (status >> 8) & 0xFF == 127)
  }

  /// A temporary file only this user can read, already unlinked, positioned at its start.
  private static func privateFile(containing text: String) -> Int32? {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((directory + "/medterm-pager-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else { return nil }
    template.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress { _ = unlink(base) }
    }
    fchmod(descriptor, 0o600)
    var remaining = Array(text.utf8)[...]
    while !remaining.isEmpty {
      let written = remaining.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        close(descriptor)
        return nil
      }
      remaining = remaining.dropFirst(written)
    }
    lseek(descriptor, 0, SEEK_SET)
    return descriptor
  }
}
