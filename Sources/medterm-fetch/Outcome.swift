/// How a fetch ended: the one final line of the protocol (see main.swift) and the exit status.
/// It is an `Error` only so that parsing can return `Result<_, Outcome>`: a failure there is
/// already the final line.
enum Outcome: Error, Equatable {
  case done(status: Int, finalURL: String, contentType: String?)
  case failure(kind: Kind, argument: String)

  /// The error kinds of the protocol. The parent maps them onto `FetchError`; a kind it does
  /// not know becomes a helper failure, so adding one here needs a change there too.
  enum Kind: String {
    case invalidURL = "invalid-url"
    case unsupportedScheme = "unsupported-scheme"
    case hostNotFound = "host-not-found"
    case connectionRefused = "connection-refused"
    case timedOut = "timed-out"
    case stalled
    case httpStatus = "http-status"
    case tooLarge = "too-large"
    case tooManyRedirects = "too-many-redirects"
    case network
    case usage
    case output
  }

  /// The protocol line, newline included. Every field is forced onto one line: the reason
  /// phrase, the URL and the content type come from the server.
  var line: String {
    switch self {
    case .done(let status, let finalURL, let contentType):
      let type = contentType.map(Self.singleLine).flatMap { $0.isEmpty ? nil : $0 } ?? "-"
      return "done \(status) \(Self.encodedURL(finalURL)) \(type)\n"
    case .failure(let kind, let argument):
      return "error \(kind.rawValue) \(Self.singleLine(argument))\n"
    }
  }

  var exitStatus: Int32 {
    switch self {
    case .done: return 0
    case .failure(.usage, _): return 64
    case .failure: return 1
    }
  }

  /// Replaces control characters (C0, DEL, C1, and the Unicode line separators) with spaces
  /// and trims the ends.
  static func singleLine(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let isControl =
        value < 0x20 || (0x7F..<0xA0).contains(value) || value == 0x2028 || value == 0x2029
      scalars.append(isControl ? " " : scalar)
    }
    var result = Substring(String(scalars))
    while result.first == " " { result.removeFirst() }
    while result.last == " " { result.removeLast() }
    return String(result)
  }

  /// Percent-encodes what must not appear in a one-field URL: spaces, controls, non-ASCII.
  static func encodedURL(_ url: String) -> String {
    var result = ""
    for byte in url.utf8 {
      if byte <= 0x20 || byte >= 0x7F {
        result +=
          "%" + String(byte >> 4, radix: 16, uppercase: true)
          + String(byte & 0x0F, radix: 16, uppercase: true)
      } else {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      }
    }
    return result.isEmpty ? "-" : result
  }
}
