/// Decides what a source is from its first bytes.
enum SourceSniffer {
  private static let sniffLength = 4096

  static func format(of bytes: [UInt8], name: String?, contentType: String?) throws(ReadError)
    -> SourceFormat
  {
    let isUTF16 = SourceText.isUTF16(bytes)
    if !isUTF16, let offset = binaryOffset(bytes) { throw .binary(offset: offset) }
    let head =
      isUTF16
      ? SourceText.decode(Array(bytes.prefix(sniffLength * 2)))
      : String(
        decoding: bytes.prefix(sniffLength), as: UTF8.self)
    let trimmed = head.drop(while: { $0.isSpaceLike || $0 == "\u{FEFF}" })
    guard !trimmed.isEmpty || bytes.count > sniffLength else { throw .empty }
    let lower = skippingComments(trimmed.lowercased()[...])
    if lower.hasPrefix("<?xml") || lower.hasPrefix("<health-topics")
      || lower.hasPrefix("<medicaltopics") || lower.hasPrefix("<!doctype health-topics")
      || lower.hasPrefix("<!doctype medicaltopics")
    {
      if lower.contains("<health-topics") || lower.contains("<!doctype health-topics") {
        return .healthTopicsXML
      }
      if lower.contains("<medicaltopics") || lower.contains("mplus_vocab") {
        throw .legacyVocabularyXML
      }
      if lower.contains("<html") || lower.contains("xhtml") { return .html }
      throw .unknownXML(root: rootElementName(in: trimmed) ?? "unknown")
    }
    if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || lower.hasPrefix("<head")
      || lower.hasPrefix("<body")
    {
      return .html
    }
    if let contentType = contentType?.lowercased(), contentType.contains("html") { return .html }
    if looksLikeJSON(trimmed) || contentType?.lowercased().contains("json") == true {
      throw .notAPage(format: "JSON")
    }
    if lower.hasPrefix("link:") { return .textDump }
    let lowerName = name?.lowercased() ?? ""
    if lowerName.hasSuffix(".html") || lowerName.hasSuffix(".htm") || lowerName.hasSuffix(".xhtml")
    {
      if lower.hasPrefix("<") { return .html }
    }
    return .markdown
  }

  /// An object, or an array of values: `[` then `{`, `[`, `"`, a digit or `]` (a Markdown
  /// file may start with a `[link](…)`, whose `[` is followed by text).
  private static func looksLikeJSON(_ text: Substring) -> Bool {
    guard let first = text.first else { return false }
    if first == "{" { return true }
    guard first == "[" else { return false }
    let next = text.dropFirst().first { !$0.isSpaceLike }
    return next.map { "{[\"]-0123456789".contains($0) } ?? true
  }

  /// The offset of the first NUL byte in the first 64 KiB, or of the start when most of it
  /// is control characters: such a source is binary, not a damaged page.
  private static func binaryOffset(_ bytes: [UInt8]) -> Int? {
    let window = bytes.prefix(65_536)
    if let nul = window.firstIndex(of: 0) { return nul }
    let sample = window.prefix(sniffLength)
    guard sample.count >= 64 else { return nil }
    let controls = sample.filter {
      $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x1B && $0 != 0x0C
    }
    return controls.count * 10 > sample.count ? 0 : nil
  }

  /// The text after any leading `<!-- … -->` comments: a file may open with a licence or a
  /// generator note before its root element or doctype.
  private static func skippingComments(_ text: Substring) -> String {
    var rest = text
    while rest.hasPrefix("<!--"), let end = rest.firstRange(of: "-->") {
      rest = rest[end.upperBound...].drop(while: { $0.isSpaceLike })
    }
    return String(rest)
  }

  private static func rootElementName(in text: Substring) -> String? {
    var rest = text[...]
    while let open = rest.firstIndex(of: "<") {
      let after = rest[rest.index(after: open)...]
      if let first = after.first, first.isLetter {
        return String(after.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" }))
      }
      rest = after
    }
    return nil
  }
}
