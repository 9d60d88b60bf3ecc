import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to completion and measures it: wall time and peak resident size.
///
/// Linux carries the parent's memory high-water mark into a child across `exec`, so
/// `wait4`'s `ru_maxrss` for a child of this (large) process says how big *we* were. GNU
/// `time` is a small process: the child it forks reports its own peak, which `time -f %M`
/// writes out. Without `time`, the `wait4` figure is kept and marked as an upper bound.
enum ChildProcess {
  struct Measurement {
    var seconds: Double
    var peakRSSBytes: Int
    /// True when the peak came from `wait4` and may be this process's own peak.
    var peakIsUpperBound: Bool
    var status: Int32
  }

  private static let timeProgram = "/usr/bin/time"

  /// Runs `executable` through GNU `time` when it is installed, to get the child's own peak.
  static func measure(_ executable: String, _ arguments: [String]) -> Measurement? {
    guard access(timeProgram, X_OK) == 0 else { return run(executable, arguments) }
    let report = FileManager.default.temporaryDirectory
      .appendingPathComponent("medterm-bench-time-\(getpid()).txt").path
    defer { unlink(report) }
    guard var measurement = run(timeProgram, ["-f", "%M", "-o", report, executable] + arguments),
      let text = try? String(contentsOfFile: report, encoding: .utf8),
      let kilobytes = text.split(separator: "\n").last.flatMap({
        Int($0.trimmingCharacters(in: .whitespaces))
      })
    else { return run(executable, arguments) }
    measurement.peakRSSBytes = kilobytes * 1024
    measurement.peakIsUpperBound = false
    return measurement
  }

  /// The absolute path of `name` on `PATH`, or nil.
  static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// Runs `executable` with `arguments`, its output sent to /dev/null; the peak is
  /// `wait4`'s, an upper bound.
  static func run(_ executable: String, _ arguments: [String]) -> Measurement? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }

    let clock = ContinuousClock()
    let start = clock.now
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { return nil }
    }
    let elapsed = clock.now - start
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    // Linux reports ru_maxrss in kilobytes.
    return Measurement(
      seconds: seconds, peakRSSBytes: usage.ru_maxrss * 1024, peakIsUpperBound: true,
      status: status)
  }
}
