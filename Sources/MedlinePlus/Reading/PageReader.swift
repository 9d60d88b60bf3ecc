/// The entry point of the library: bytes in, a `Document` out.
public enum PageReader {
  /// Sources larger than this are refused before parsing (the full health-topics XML is
  /// about 30 MB; generated test libraries reach 60 MB).
  public static let maximumBytes = 256 * 1024 * 1024

  /// The format a source's first bytes announce, without reading it (nil when the bytes are
  /// not a readable page at all): lets the browser open a health-topics file as a library.
  public static func format(ofPrefix bytes: [UInt8], name: String? = nil) -> SourceFormat? {
    try? SourceSniffer.format(of: bytes, name: name, contentType: nil)
  }

  /// Reads a source, choosing the reader from its content (the name and the HTTP content
  /// type only break ties).
  /// - Parameters:
  ///   - bytes: the raw source.
  ///   - name: a file name, used for Markdown vs. text when the content does not tell.
  ///   - origin: the page's URL when it was fetched; relative links are resolved against it.
  ///   - contentType: the HTTP `Content-Type`, with its charset.
  ///   - mode: an HTML page's article only (the default), or the whole page.
  public static func read(
    _ bytes: [UInt8], name: String? = nil, origin: String? = nil, contentType: String? = nil,
    mode: ReadingMode = .article
  ) throws(ReadError) -> Document {
    guard bytes.count <= maximumBytes else {
      throw .tooLarge(bytes: bytes.count, limit: maximumBytes)
    }
    let format = try SourceSniffer.format(of: bytes, name: name, contentType: contentType)
    switch format {
    case .healthTopicsXML:
      return try HealthTopicsXMLReader.read(bytes, origin: origin)
    case .html:
      return .page(
        try HTMLReader.read(bytes, origin: origin, contentType: contentType, mode: mode))
    case .textDump:
      return .page(try TextDumpReader.read(SourceText.decode(bytes), origin: origin))
    case .markdown:
      return .page(try MarkdownReader.read(SourceText.decode(bytes), origin: origin))
    }
  }
}
