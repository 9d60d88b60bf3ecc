import CCurl

/// An address taken apart by libcurl's own URL parser, the one the transfer will use, so
/// what is checked here is what is fetched. Nothing is re-encoded: `%20` stays `%20`.
struct ParsedAddress {
  var scheme: String
  var host: String
  /// The port as the address spells it, nil when it names none.
  var port: String?

  init?(_ text: String) {
    // A scheme libcurl does not know (`javascript:`) is still a scheme, to be named.
    if let scheme = Self.scheme(of: text), scheme != "http" && scheme != "https" {
      self.scheme = scheme
      self.host = ""
      return
    }
    guard let handle = curl_url() else { return nil }
    defer { curl_url_cleanup(handle) }
    // Pages link with spaces the parent has already encoded; a scheme is required.
    guard curl_url_set(handle, CURLUPART_URL, text, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK
    else { return nil }
    func part(_ which: CURLUPart) -> String? {
      var value: UnsafeMutablePointer<CChar>?
      guard curl_url_get(handle, which, &value, 0) == CURLUE_OK, let value else { return nil }
      defer { curl_free(value) }
      return String(cString: value)
    }
    guard let scheme = part(CURLUPART_SCHEME) else { return nil }
    self.scheme = scheme.lowercased()
    self.host = part(CURLUPART_HOST) ?? ""
    self.port = part(CURLUPART_PORT)
  }

  /// The host, with the port when the address names one: which server failed.
  var hostAndPort: String {
    port.map { "\(host):\($0)" } ?? host
  }

  var isWeb: Bool { scheme == "http" || scheme == "https" }

  /// The scheme of an absolute address, lower-cased; nil for a relative one.
  static func scheme(of address: String) -> String? {
    guard let colon = address.firstIndex(of: ":") else { return nil }
    let candidate = address[..<colon]
    guard let first = candidate.first, first.isASCII, first.isLetter,
      candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
    else { return nil }
    return candidate.lowercased()
  }
}
