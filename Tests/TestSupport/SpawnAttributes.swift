import Glibc

/// Spawn attributes that give the child an empty signal mask and default signal actions.
/// The test runner's threads block signals, and a child inherits that mask: a server that
/// cannot receive SIGTERM never stops, and a shell it starts passes the mask on.
public final class SpawnAttributes {
  public var value = posix_spawnattr_t()

  public init() {
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

  deinit {
    posix_spawnattr_destroy(&value)
  }
}
