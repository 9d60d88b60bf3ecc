import BrowserCore

/// `bookmarks`: a plain text file a person can edit. One bookmark a line, the address, then
/// a space or a tab, then its name; lines starting with `#`, blank lines and anything else
/// are kept as they are when medterm writes the file again.
enum BookmarksFormat {
  static let header = """
    # medterm bookmarks: one a line, the address, then a space and the name.
    # Edit freely: medterm keeps comments and lines it does not understand.

    """

  enum Line: Equatable {
    case bookmark(Bookmark)
    /// A comment, a blank line, or a line that names no address.
    case other(String)
  }

  static func parse(_ text: String) -> [Line] {
    var lines = StateLine.lines(text)
    if lines.last == "" { lines.removeLast() }
    return lines.map { raw in
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      guard !line.hasPrefix("#") else { return .other(String(raw)) }
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      let address = trimmed.prefix { $0 != " " && $0 != "\t" }
      guard !address.isEmpty else { return .other(String(raw)) }
      let title = trimmed.dropFirst(address.count).drop { $0 == " " || $0 == "\t" }
      return .bookmark(
        Bookmark(
          address: StateLine.field(String(address)),
          title: StateLine.field(String(title)).trimmingSpaces))
    }
  }

  static func serialize(_ lines: [Line]) -> String {
    lines.map { line -> String in
      switch line {
      case .bookmark(let bookmark):
        let address = StateLine.field(bookmark.address).replacing(" ", with: "%20")
        return address + " " + StateLine.field(bookmark.title) + "\n"
      case .other(let text):
        return text + "\n"
      }
    }.joined()
  }

  static func bookmarks(_ lines: [Line]) -> [Bookmark] {
    lines.compactMap { line in
      if case .bookmark(let bookmark) = line { return bookmark }
      return nil
    }
  }
}
