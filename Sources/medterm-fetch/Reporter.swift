import Dispatch
import Foundation

/// Writes the protocol lines to standard output and makes sure exactly one final line is
/// written. URLSession calls back on its own queue while the main thread waits for the total
/// timeout; both may try to end the fetch at once, and the first outcome wins.
final class Reporter: @unchecked Sendable {
  /// Progress lines are dropped when they come closer together than this (10 a second).
  static let progressInterval: UInt64 = 100_000_000

  private let lock = NSLock()
  private let ended = DispatchSemaphore(value: 0)
  // Guarded by `lock`.
  private var outcome: Outcome?
  private var lastProgressTime: UInt64 = 0
  private var lastReceived = -1

  var isFinished: Bool {
    lock.lock()
    defer { lock.unlock() }
    return outcome != nil
  }

  /// Reports progress unless the last line was less than `progressInterval` ago; `force`
  /// reports anyway (the first line, and the last count before `done`).
  func progress(received: Int, expected: Int?, force: Bool = false) {
    lock.lock()
    defer { lock.unlock() }
    guard outcome == nil, received != lastReceived || force else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    guard force || now - lastProgressTime >= Self.progressInterval else { return }
    lastProgressTime = now
    lastReceived = received
    Self.write("progress \(received) \(expected ?? -1)\n")
  }

  /// Records how the fetch ended; later calls are ignored. The main thread writes the line.
  func finish(_ outcome: Outcome) {
    lock.lock()
    defer { lock.unlock() }
    guard self.outcome == nil else { return }
    self.outcome = outcome
    ended.signal()
  }

  /// Waits until `finish` is called or `seconds` pass; nil on timeout.
  func waitForOutcome(seconds: Int) -> Outcome? {
    _ = ended.wait(timeout: .now() + .seconds(seconds))
    lock.lock()
    defer { lock.unlock() }
    return outcome
  }

  /// Writes the final line (the outcome recorded first, else `outcome`) and ends the process
  /// at once. `_exit` skips atexit handlers and static destructors, which would race with
  /// URLSession's threads; both outputs are unbuffered, so nothing is lost.
  func exit(with outcome: Outcome) -> Never {
    lock.lock()
    let final = self.outcome ?? outcome
    self.outcome = final
    Self.write(final.line)
    _exit(final.exitStatus)
  }

  /// One write(2) per line, so lines never interleave. A parent that closed the pipe will not
  /// read anything any more: stop.
  private static func write(_ line: String) {
    var bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        Foundation.write(1, $0.baseAddress.map { $0 + offset }, $0.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        _exit(1)
      }
      offset += written
    }
  }
}
