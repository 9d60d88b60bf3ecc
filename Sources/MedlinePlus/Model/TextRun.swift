/// A run of text with one style, possibly part of a link.
public struct TextRun: Hashable, Sendable {
  /// Inline emphasis.
  public struct Style: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Style(rawValue: 1)
    public static let italic = Style(rawValue: 2)
    public static let code = Style(rawValue: 4)
    /// The text an image stands in for (its alt text, in brackets): the screen shows it,
    /// a plain-text dump of the article leaves it out.
    public static let image = Style(rawValue: 8)
  }

  public var text: String
  public var style: Style
  /// The index into `Page.links` when this run is (part of) a link's text.
  public var link: Int?

  public init(_ text: String, style: Style = [], link: Int? = nil) {
    self.text = text
    self.style = style
    self.link = link
  }
}

extension Array where Element == TextRun {
  /// The runs' text without styles.
  public var plainText: String { map(\.text).joined() }

  /// The runs cut at their line breaks: one array per line, a break itself in none.
  public var lines: [[TextRun]] {
    var lines: [[TextRun]] = [[]]
    for run in self {
      let pieces = run.text.split(separator: "\n", omittingEmptySubsequences: false)
      for (number, piece) in pieces.enumerated() {
        if number > 0 { lines.append([]) }
        if !piece.isEmpty {
          lines[lines.count - 1].append(TextRun(String(piece), style: run.style, link: run.link))
        }
      }
    }
    return lines
  }
}
