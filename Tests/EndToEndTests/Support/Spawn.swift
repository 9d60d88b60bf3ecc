import Foundation
import Glibc
import TestSupport

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
    let attributes = SpawnAttributes()
    var pid: pid_t = 0
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes.value, argv, environ) == 0 else {
      return -1
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status >> 8) & 0xFF
  }
}
