import Glibc

/// Milliseconds that only move forward: deadlines must not jump with the wall clock.
enum MonotonicClock {
  static func milliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
  }
}
