import Glibc

/// Writes the protocol lines to standard output. Every libcurl callback runs on the thread
/// that drives the transfer, so nothing here needs a lock.
final class Reporter {
  /// Progress lines are dropped when they come closer together than this (10 a second).
  static let progressInterval: UInt64 = 100_000_000

  private var lastProgressTime: UInt64 = 0
  private var lastReceived = -1
  private var finished = false

  /// Reports progress unless the last line was less than `progressInterval` ago; `force`
  /// reports anyway (the first line, and the last count before `done`).
  func progress(received: Int, expected: Int?, force: Bool = false) {
    guard !finished, received != lastReceived || force else { return }
    let now = Self.monotonicNanoseconds()
    guard force || now - lastProgressTime >= Self.progressInterval else { return }
    lastProgressTime = now
    lastReceived = received
    Self.write("progress \(received) \(expected ?? -1)\n")
  }

  /// Writes the final line and ends the process at once. `_exit` skips atexit handlers and
  /// static destructors (libcurl's resolver thread may still be winding down); the output is
  /// unbuffered, so nothing is lost.
  func exit(with outcome: Outcome) -> Never {
    finished = true
    Self.write(outcome.line)
    _exit(outcome.exitStatus)
  }

  static func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }

  /// One write(2) per line, so lines never interleave. A parent that closed the pipe will not
  /// read anything any more: stop.
  private static func write(_ line: String) {
    var bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        Glibc.write(1, $0.baseAddress.map { $0 + offset }, $0.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        _exit(1)
      }
      offset += written
    }
  }
}
