import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Receives the URLSession callbacks for the one fetch: counts redirects, checks the status
/// and the size, writes the body to the file and reports progress. All callbacks run on one
/// serial queue, so the counters need no lock; the outcome goes through the `Reporter`, and
/// the main thread ends the process as soon as there is one.
///
/// A callback that has a completion handler answers through it and never calls
/// `task.cancel()` as well: swift-corelibs-foundation then asserts ("Received callback for HTTP
/// redirection, but we're not waiting for it") and the process crashes.
final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  private let options: FetchOptions
  private let body: BodyFile
  private let reporter: Reporter
  private var redirects = 0
  private var received = 0
  private var expected: Int?

  init(options: FetchOptions, body: BodyFile, reporter: Reporter) {
    self.options = options
    self.body = body
    self.reporter = reporter
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping (URLRequest?) -> Void
  ) {
    guard !reporter.isFinished else { return completionHandler(nil) }
    redirects += 1
    if redirects > options.maximumRedirects {
      reporter.finish(
        .failure(kind: .tooManyRedirects, argument: String(options.maximumRedirects)))
      return completionHandler(nil)
    }
    let scheme = request.url?.scheme?.lowercased() ?? ""
    guard scheme == "http" || scheme == "https" else {
      reporter.finish(
        .failure(kind: .unsupportedScheme, argument: scheme.isEmpty ? "-" : scheme))
      return completionHandler(nil)
    }
    completionHandler(request)
  }

  /// `Retry-After` in seconds (its date form is left out: no clock to trust it against), at
  /// most a day.
  static func retryAfter(_ value: String?) -> Int? {
    guard let value, let seconds = Int(value.trimmingCharacters(in: .whitespaces)), seconds >= 0
    else { return nil }
    return min(seconds, 86_400)
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    guard !reporter.isFinished else { return completionHandler(.cancel) }
    guard let http = response as? HTTPURLResponse else {
      reporter.finish(.failure(kind: .network, argument: "the reply is not HTTP"))
      return completionHandler(.cancel)
    }
    if http.statusCode >= 400 {
      var reason = ReasonPhrase.for(http.statusCode)
      // A busy service (429, 503) may say when to ask again: the reader is told.
      if let wait = Self.retryAfter(http.value(forHTTPHeaderField: "Retry-After")) {
        reason += " (it asks to wait \(wait) second\(wait == 1 ? "" : "s"))"
      }
      reporter.finish(.failure(kind: .httpStatus, argument: "\(http.statusCode) \(reason)"))
      return completionHandler(.cancel)
    }
    // With a Content-Encoding the length counts compressed bytes, while `received` and the
    // cap count decoded ones: the length is then no promise either way.
    let encoding = http.value(forHTTPHeaderField: "Content-Encoding")?.lowercased() ?? "identity"
    let length = http.expectedContentLength
    expected = encoding == "identity" && length >= 0 ? Int(length) : nil
    if let expected, expected > options.maximumBytes {
      reporter.finish(.failure(kind: .tooLarge, argument: String(options.maximumBytes)))
      return completionHandler(.cancel)
    }
    reporter.progress(received: 0, expected: expected, force: true)
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    guard !reporter.isFinished else { return }
    received += data.count
    if received > options.maximumBytes {
      end(dataTask, .failure(kind: .tooLarge, argument: String(options.maximumBytes)))
      return
    }
    if let message = body.write(data) {
      end(dataTask, .failure(kind: .output, argument: message))
      return
    }
    reporter.progress(received: received, expected: expected)
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?
  ) {
    if let error {
      let failing = task.currentRequest?.url ?? task.originalRequest?.url
      reporter.finish(Outcome(error: error, url: failing, timeoutSeconds: options.timeoutSeconds))
      return
    }
    guard let http = task.response as? HTTPURLResponse else {
      reporter.finish(.failure(kind: .network, argument: "the server sent no reply"))
      return
    }
    reporter.progress(received: received, expected: expected, force: true)
    let finalURL = http.url ?? task.currentRequest?.url ?? task.originalRequest?.url
    reporter.finish(
      .done(
        status: http.statusCode, finalURL: finalURL?.absoluteString ?? "-",
        contentType: http.value(forHTTPHeaderField: "Content-Type")))
  }

  /// Records the outcome first, then cancels: the cancellation error that follows is ignored.
  private func end(_ task: URLSessionTask, _ outcome: Outcome) {
    reporter.finish(outcome)
    task.cancel()
  }
}
