/// Keeps a reader under a service's published limit (the search service asks for at most
/// 85 requests a minute from one address): at most `limit` requests in any `window`
/// seconds, however fast keys come. Times are seconds on any clock that only goes forward.
public struct RequestPacer: Sendable {
  public let limit: Int
  public let window: Double
  private var times: [Double] = []

  public init(limit: Int, window: Double = 60) {
    self.limit = max(1, limit)
    self.window = window
  }

  /// Seconds to wait before the next request may go; 0 when it may go now.
  public func wait(at now: Double) -> Double {
    let recent = times.filter { now - $0 < window }
    guard recent.count >= limit, let oldest = recent.first else { return 0 }
    return max(0, oldest + window - now)
  }

  /// Notes a request sent now.
  public mutating func record(at now: Double) {
    times = times.filter { now - $0 < window } + [now]
  }
}
