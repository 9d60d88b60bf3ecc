import Foundation
import Glibc

/// Runs a program with posix_spawn and waits for it. Foundation's `Process` watches its
/// child through a descriptor the child inherits; a child that leaves a daemon behind (the
/// tmux server) keeps that descriptor open, and `waitUntilExit` never returns.
enum Spawn {
  /// Runs `arguments` (looked up in PATH), its standard output written to `outputPath`
  /// (or discarded). Returns the exit status.
  @discardableResult
  static func run(_ arguments: [String], outputPath: String? = nil) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var attributes = SpawnAttributes()
    var pid: pid_t = 0
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes.value, argv, environ) == 0 else {
      return -1
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status >> 8) & 0xFF
  }
}

/// Spawn attributes that give the child an empty signal mask and default signal actions.
/// The test runner's threads block signals, and a child inherits that mask: a server that
/// cannot receive SIGTERM never stops, and a shell it starts passes the mask on.
struct SpawnAttributes {
  var value = posix_spawnattr_t()

  init() {
    posix_spawnattr_init(&value)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&value, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGWINCH, SIGTSTP] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&value, &defaults)
    posix_spawnattr_setflags(&value, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  }
}
