import CCurl
import Glibc

/// The one fetch, driven by libcurl's easy interface on the calling thread. libcurl waits in
/// poll(2) on the socket with the next timer as its timeout, so a slow or silent server costs
/// no CPU. The callbacks check the status and the size, write the body and report progress;
/// the first outcome a callback records wins over the error code libcurl returns after it
/// was told to stop.
final class Transfer {
  private let options: FetchOptions
  private let body: BodyFile
  private let reporter: Reporter
  private var headers = ResponseHeaders()
  private var redirects = 0
  private var received = 0
  private var expected: Int?
  private var outcome: Outcome?
  private var lastActivity = Reporter.monotonicNanoseconds()

  init(options: FetchOptions, body: BodyFile, reporter: Reporter) {
    self.options = options
    self.body = body
    self.reporter = reporter
  }

  /// Runs the transfer to its end and says how it ended.
  func run() -> Outcome {
    guard curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK, let handle = curl_easy_init()
    else { return .failure(kind: .network, argument: "libcurl could not start") }
    var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    var accept: UnsafeMutablePointer<curl_slist>? = curl_slist_append(
      nil,
      "Accept: text/html, application/xhtml+xml, text/markdown, text/plain,"
        + " application/xml;q=0.9, */*;q=0.5")
    defer { curl_slist_free_all(accept) }
    let code = errorText.withUnsafeMutableBufferPointer { errorBuffer -> CURLcode in
      configure(handle, errorBuffer: errorBuffer.baseAddress, accept: &accept)
      return curl_easy_perform(handle)
    }
    defer { curl_easy_cleanup(handle) }
    if let outcome { return outcome }
    guard code == CURLE_OK else {
      let message = String(
        decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      return Outcome(
        code: code, message: message, address: Self.string(handle, CURLINFO_EFFECTIVE_URL),
        redirectedTo: headers.location, options: options)
    }
    reporter.progress(received: received, expected: expected, force: true)
    var status = 0
    _ = medterm_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
    return .done(
      status: status, finalURL: Self.string(handle, CURLINFO_EFFECTIVE_URL) ?? options.url,
      contentType: Self.string(handle, CURLINFO_CONTENT_TYPE))
  }

  private func configure(
    _ handle: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>?,
    accept: inout UnsafeMutablePointer<curl_slist>?
  ) {
    let me = Unmanaged.passUnretained(self).toOpaque()
    _ = medterm_curl_set_string(handle, CURLOPT_URL, options.url)
    _ = medterm_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    // Signals stay ours: no SIGALRM for name lookups (the threaded resolver needs none).
    _ = medterm_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
    _ = medterm_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
    _ = medterm_curl_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    _ = medterm_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
    // The header callback counts and refuses redirects first; this is only a backstop.
    _ = medterm_curl_set_long(handle, CURLOPT_MAXREDIRS, options.maximumRedirects + 1)
    _ = medterm_curl_set_long(handle, CURLOPT_TIMEOUT, options.timeoutSeconds)
    // Every encoding libcurl can decode (gzip and deflate at least); the cap counts decoded
    // bytes, so a compressed bomb stops at the cap.
    _ = medterm_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "")
    _ = medterm_curl_set_string(handle, CURLOPT_USERAGENT, "medterm-fetch/1")
    _ = medterm_curl_set_list(handle, CURLOPT_HTTPHEADER, accept)
    _ = medterm_curl_set_data_callback(handle, CURLOPT_HEADERFUNCTION, Self.headerLine)
    _ = medterm_curl_set_pointer(handle, CURLOPT_HEADERDATA, me)
    _ = medterm_curl_set_data_callback(handle, CURLOPT_WRITEFUNCTION, Self.bodyBytes)
    _ = medterm_curl_set_pointer(handle, CURLOPT_WRITEDATA, me)
    _ = medterm_curl_set_progress_callback(handle, Self.tick)
    _ = medterm_curl_set_pointer(handle, CURLOPT_XFERINFODATA, me)
    _ = medterm_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
  }

  // MARK: - Callbacks (libcurl's thread, the calling one)

  private static let headerLine: medterm_curl_data_callback = { data, size, count, user in
    let length = size * count
    guard let data, let user else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    return transfer.header(bytes) ? length : 0
  }

  private static let bodyBytes: medterm_curl_data_callback = { data, size, count, user in
    let length = size * count
    guard let user else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    return transfer.write(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
  }

  private static let tick: medterm_curl_progress_callback = { user, _, _, _, _ in
    guard let user else { return 1 }
    return Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue().isStalled() ? 1 : 0
  }

  /// One header line; false stops the transfer (the outcome is recorded).
  private func header(_ bytes: UnsafeRawBufferPointer) -> Bool {
    lastActivity = Reporter.monotonicNanoseconds()
    var line = String(decoding: bytes, as: UTF8.self)
    while let last = line.last, last.isNewline { line.removeLast() }
    guard line.isEmpty else {
      _ = headers.take(line)
      return true
    }
    return headersEnded()
  }

  /// At the blank line that ends a block: a redirect is counted and checked, an error status
  /// ends the fetch, and the final reply's announced size is checked against the cap.
  private func headersEnded() -> Bool {
    switch headers.status {
    case 100..<200:
      return true
    case 300..<400 where headers.location != nil:
      redirects += 1
      if redirects > options.maximumRedirects {
        return stop(.failure(kind: .tooManyRedirects, argument: String(options.maximumRedirects)))
      }
      let scheme = headers.location.flatMap(ParsedAddress.scheme(of:)) ?? "http"
      guard scheme == "http" || scheme == "https" else {
        return stop(.failure(kind: .unsupportedScheme, argument: scheme))
      }
      return true
    case 400...:
      var reason = ReasonPhrase.for(headers.status)
      // A busy service (429, 503) may say when to ask again: the reader is told.
      if let wait = ResponseHeaders.retryAfterSeconds(headers.retryAfter) {
        reason += " (it asks to wait \(wait) second\(wait == 1 ? "" : "s"))"
      }
      return stop(.failure(kind: .httpStatus, argument: "\(headers.status) \(reason)"))
    default:
      expected = headers.expectedLength
      if let expected, expected > options.maximumBytes {
        return stop(.failure(kind: .tooLarge, argument: String(options.maximumBytes)))
      }
      reporter.progress(received: 0, expected: expected, force: true)
      return true
    }
  }

  private func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard outcome == nil else { return false }
    lastActivity = Reporter.monotonicNanoseconds()
    received += bytes.count
    if received > options.maximumBytes {
      return stop(.failure(kind: .tooLarge, argument: String(options.maximumBytes)))
    }
    if let message = body.write(bytes) {
      return stop(.failure(kind: .output, argument: message))
    }
    reporter.progress(received: received, expected: expected)
    return true
  }

  /// libcurl calls this at least once a second while it waits, so silence is noticed
  /// within a second of the limit.
  private func isStalled() -> Bool {
    guard outcome == nil else { return true }
    guard let stall = options.stallSeconds else { return false }
    let silent = Reporter.monotonicNanoseconds() - lastActivity
    guard silent >= UInt64(stall) * 1_000_000_000 else { return false }
    return stop(.failure(kind: .stalled, argument: String(stall)))
  }

  /// Records the outcome and returns false, the answer that makes libcurl stop.
  private func stop(_ outcome: Outcome) -> Bool {
    if self.outcome == nil { self.outcome = outcome }
    return false
  }

  private static func string(_ handle: UnsafeMutableRawPointer, _ info: CURLINFO) -> String? {
    var value: UnsafeMutablePointer<CChar>?
    guard medterm_curl_get_string(handle, info, &value) == CURLE_OK, let value else { return nil }
    return String(cString: value)
  }
}
