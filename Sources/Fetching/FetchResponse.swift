/// A fetched page: the body as the server sent it (after gzip/deflate decoding, but not
/// transcoded, so the reader can honour the charset itself) and where it really came from.
public struct FetchResponse: Equatable, Sendable {
  /// The address after redirects: relative links on the page resolve against this one.
  public var finalURL: String
  /// The HTTP status, 2xx or 3xx (4xx and 5xx are `FetchError.httpStatus`).
  public var status: Int
  /// The Content-Type header as sent, e.g. `text/html; charset=ISO-8859-1`; nil when absent.
  public var contentType: String?
  public var body: [UInt8]

  public init(finalURL: String, status: Int, contentType: String?, body: [UInt8]) {
    self.finalURL = finalURL
    self.status = status
    self.contentType = contentType
    self.body = body
  }
}
