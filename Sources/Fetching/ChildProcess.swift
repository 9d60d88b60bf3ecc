import CFetchSupport
import Glibc

/// The helper process: spawned with `posix_spawn` (not Foundation's `Process`, which would
/// link Foundation and put the child in its own process group), reaped exactly once.
///
/// The child stays in medterm's process group, so a hang-up or Ctrl-C that reaches medterm
/// reaches it too; the signal mask and the dispositions of the signals that end it are reset,
/// so an ignored SIGTERM or SIGPIPE in medterm cannot make it unkillable.
final class ChildProcess {
  let pid: pid_t
  /// The wait status once reaped; nil while the child may still run.
  private(set) var waitStatus: Int32?

  private init(pid: pid_t) {
    self.pid = pid
  }

  /// Starts `path` with `arguments` (argv[0] first): standard input and error /dev/null,
  /// standard output `outputDescriptor`. Every other descriptor is closed in the child.
  static func spawn(
    path: String, arguments: [String], outputDescriptor: Int32
  ) throws(FetchError) -> ChildProcess {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outputDescriptor, 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The terminal, log files, other pipes: none of the helper's business.
    cfetch_spawn_close_from(&actions, 3)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptySet = sigset_t()
    sigemptyset(&emptySet)
    posix_spawnattr_setsigmask(&attributes, &emptySet)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    // A process group of its own: Ctrl-C at the terminal signals the foreground group, and
    // it is medterm's to decide that Ctrl-C cancels this fetch (and report it so), not the
    // helper's to die of it mid-transfer.
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let error = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard error == 0 else {
      if error == ENOENT { throw .helperMissing(path) }
      throw .helperFailed("cannot start \(path): \(String(cString: strerror(error)))")
    }
    return ChildProcess(pid: pid)
  }

  /// True once the child has exited and been reaped (without waiting).
  func hasExited() -> Bool {
    if waitStatus != nil { return true }
    var status: Int32 = 0
    let result = waitpid(pid, &status, WNOHANG)
    if result == pid {
      waitStatus = status
    } else if result < 0 && errno == ECHILD {
      // SIGCHLD ignored by the application: the kernel reaped it already.
      waitStatus = 0
    }
    return waitStatus != nil
  }

  /// Waits up to `graceMilliseconds` for the child to exit on its own, then kills it and
  /// waits for that. Returns the wait status.
  @discardableResult
  func reap(graceMilliseconds: Int) -> Int32 {
    var waited = 0
    var step = 1
    while !hasExited() && waited < graceMilliseconds {
      var pause = timespec(tv_sec: 0, tv_nsec: step * 1_000_000)
      nanosleep(&pause, nil)
      waited += step
      step = min(step * 2, 20)
    }
    if let waitStatus { return waitStatus }
    kill(pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { break }
    }
    waitStatus = status
    return status
  }

  /// SIGTERM, a short grace, then SIGKILL: the helper holds no state worth a longer wait.
  func terminate() {
    guard !hasExited() else { return }
    kill(pid, SIGTERM)
    reap(graceMilliseconds: 500)
  }

  /// "exited with status 3", "was killed by signal 9".
  static func describe(_ status: Int32) -> String {
    let signal = status & 0x7F
    if signal == 0 { return "exited with status \((status >> 8) & 0xFF)" }
    return "was killed by signal \(signal)"
  }
}
