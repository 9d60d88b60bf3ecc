/// The header block of one response, as libcurl hands it over line by line. A redirect chain
/// has one block per hop (and a `100 Continue` its own), so a block starts afresh at every
/// status line.
struct ResponseHeaders {
  var status = 0
  var location: String?
  var contentLength: Int?
  var contentEncoding = "identity"
  var retryAfter: String?

  /// Takes one line without its line break. Returns true for a status line.
  mutating func take(_ line: String) -> Bool {
    if line.hasPrefix("HTTP/") {
      self = ResponseHeaders()
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
      return true
    }
    guard let colon = line.firstIndex(of: ":") else { return false }
    let name = line[..<colon].lowercased()
    let value = String(line[line.index(after: colon)...]).trimmedSpaces
    switch name {
    case "location": location = value
    case "content-length": contentLength = Int(value).flatMap { $0 >= 0 ? $0 : nil }
    case "content-encoding": contentEncoding = value.lowercased()
    case "retry-after": retryAfter = value
    default: break
    }
    return false
  }

  /// Bytes the body will have after decoding, when the server says so: with a
  /// Content-Encoding the length counts compressed bytes, no promise either way.
  var expectedLength: Int? {
    contentEncoding == "identity" ? contentLength : nil
  }

  /// `Retry-After` in seconds (its date form is left out: no clock to trust it against), at
  /// most a day.
  static func retryAfterSeconds(_ value: String?) -> Int? {
    guard let value, let seconds = Int(value.trimmedSpaces), seconds >= 0 else { return nil }
    return min(seconds, 86_400)
  }
}

extension String {
  /// Without spaces and tabs at either end.
  var trimmedSpaces: String {
    var result = Substring(self)
    while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
    while let last = result.last, last == " " || last == "\t" { result.removeLast() }
    return String(result)
  }
}
