/// What a body fetched from an address is, from its `Content-Type` and, where there is none
/// (a file from disk, a server that says nothing), its first bytes: the one place that decides whether a response is a page
/// to read, plain text, or something medterm can only describe.
public enum ContentKind: Hashable, Sendable {
  /// HTML, XML or Markdown: a reader makes a page of it.
  case markup
  /// Text to show as it is.
  case text
  /// Anything else (a PDF, an image, an archive).
  case binary

  public static func of(contentType: String?, bytes: [UInt8]) -> ContentKind {
    let type = (contentType ?? "").lowercased()
    if type.contains("html") || type.contains("xml") || type.contains("markdown") {
      return .markup
    }
    // No type (a file from disk): any text is a page to read, as `medterm FILE` reads it.
    if type.isEmpty { return isText(bytes) ? .markup : .binary }
    return type.hasPrefix("text/") ? .text : .binary
  }

  /// No NUL and mostly printable: text, whatever the server said.
  static func isText(_ bytes: [UInt8]) -> Bool {
    let sample = bytes.prefix(4096)
    guard !sample.contains(0) else { return false }
    let controls = sample.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }.count
    return controls * 20 < max(1, sample.count)
  }
}
