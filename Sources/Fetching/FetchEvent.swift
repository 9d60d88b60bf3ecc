/// What `FetchOperation.poll` reports: progress for a status line, then exactly one
/// `finished`.
public enum FetchEvent: Equatable, Sendable {
  /// Body bytes received so far; `expected` is the announced length when it is known and
  /// comparable (not for a compressed body).
  case progress(received: Int, expected: Int?)
  case finished(Result<FetchResponse, FetchError>)
}
