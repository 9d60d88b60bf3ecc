/// Why a source could not be read. Messages are plain sentences; `line` is 1-based.
public enum ReadError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The source has no bytes, or only white space.
  case empty
  /// The bytes are not text (NUL bytes or mostly control characters).
  case binary(offset: Int)
  /// Larger than the reader accepts.
  case tooLarge(bytes: Int, limit: Int)
  /// XML that is not well-formed.
  case malformedXML(line: Int, message: String)
  /// XML that stops before its root element closes.
  case truncatedXML(line: Int, topicsRead: Int)
  /// The pre-2012 `MedicalTopics` vocabulary format.
  case legacyVocabularyXML
  /// XML with a root element medterm does not know.
  case unknownXML(root: String)
  /// Nested deeper than the reader follows.
  case tooDeep(line: Int, limit: Int)
  /// A well-known format that is not a page (JSON), named.
  case notAPage(format: String)

  /// The line the problem is on, when there is one.
  public var line: Int? {
    switch self {
    case .malformedXML(let line, _), .truncatedXML(let line, _), .tooDeep(let line, _): line
    default: nil
    }
  }

  /// The message without file or line.
  public var message: String {
    switch self {
    case .empty:
      "the file is empty"
    case .binary(let offset):
      "this is not a text page (binary data at byte \(offset))"
    case .tooLarge(let bytes, let limit):
      "the page is too large (\(bytes) bytes; the limit is \(limit))"
    case .malformedXML(_, let message):
      "not well-formed XML: \(message)"
    case .truncatedXML(_, let topicsRead):
      "the XML file breaks off here; \(topicsRead) complete topic(s) before the break were kept"
    case .legacyVocabularyXML:
      "this is the pre-2012 MedlinePlus vocabulary format (<MedicalTopics>), which medterm "
        + "does not support; use a current mplus_topics_*.xml file from medlineplus.gov/xml.html"
    case .unknownXML(let root):
      "XML with root element <\(root)> is not a health-topics file or a web page"
    case .tooDeep(_, let limit):
      "the document is nested more than \(limit) levels deep"
    case .notAPage(let format):
      "this is \(format), not a page; medterm reads MedlinePlus text dumps, Markdown, HTML and "
        + "health-topics XML"
    }
  }

  public var description: String {
    if let line { return "\(line): \(message)" }
    return message
  }

  /// The one-line form `file:line: message` used on stderr.
  public func formatted(source: String) -> String {
    if let line { return "\(source):\(line): \(message)" }
    return "\(source): \(message)"
  }
}
