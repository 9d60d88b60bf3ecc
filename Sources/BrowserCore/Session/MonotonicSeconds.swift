#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seconds since an arbitrary start, on the clock that never goes back (wall-clock changes
/// cannot make a rate limit wait an hour or not at all).
public enum MonotonicSeconds {
  public static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
