import CCurl

extension Outcome {
  /// Maps the error libcurl ended with onto a protocol kind. The argument names the host for
  /// the two kinds where the user needs to know which server failed (after redirects it may
  /// not be the one they asked for).
  init(
    code: CURLcode, message: String, address: String?, redirectedTo: String?,
    options: FetchOptions
  ) {
    let parsed = address.flatMap(ParsedAddress.init)
    switch code {
    case CURLE_URL_MALFORMAT:
      self = .failure(kind: .invalidURL, argument: address ?? options.url)
    case CURLE_UNSUPPORTED_PROTOCOL:
      let scheme = redirectedTo.flatMap(ParsedAddress.init)?.scheme ?? parsed?.scheme
      self = .failure(kind: .unsupportedScheme, argument: scheme ?? "-")
    case CURLE_COULDNT_RESOLVE_HOST:
      self = .failure(kind: .hostNotFound, argument: parsed?.host ?? "-")
    case CURLE_COULDNT_CONNECT:
      self = .failure(kind: .connectionRefused, argument: parsed?.hostAndPort ?? "-")
    case CURLE_OPERATION_TIMEDOUT:
      self = .failure(kind: .timedOut, argument: String(options.timeoutSeconds))
    case CURLE_TOO_MANY_REDIRECTS:
      self = .failure(kind: .tooManyRedirects, argument: String(options.maximumRedirects))
    case CURLE_FILESIZE_EXCEEDED:
      self = .failure(kind: .tooLarge, argument: String(options.maximumBytes))
    default:
      self = .failure(kind: .network, argument: Self.describe(code, message))
    }
  }

  /// Short, plain descriptions for the common cases; otherwise libcurl's own message.
  private static func describe(_ code: CURLcode, _ message: String) -> String {
    switch code {
    case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR:
      return "the connection was lost"
    case CURLE_GOT_NOTHING:
      return "the server sent no reply"
    case CURLE_SSL_CONNECT_ERROR:
      return "the secure connection failed"
    case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
      return "the server's certificate is not trusted"
    case CURLE_BAD_CONTENT_ENCODING:
      return "the reply could not be decoded"
    case CURLE_WEIRD_SERVER_REPLY:
      return "the server sent a malformed reply"
    default:
      let text = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
      return text.isEmpty ? "error \(code.rawValue)" : text
    }
  }
}
