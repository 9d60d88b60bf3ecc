/// A run of text drawn in one role; `link` marks the cells of a link so the selection can be
/// shown without laying the page out again.
public struct StyledSpan: Hashable, Sendable {
  public var text: String
  public var role: StyleRole
  public var link: Int?

  public init(_ text: String, _ role: StyleRole = .normal, link: Int? = nil) {
    self.text = text
    self.role = role
    self.link = link
  }
}

/// One line of laid-out content.
public struct StyledLine: Hashable, Sendable {
  public var spans: [StyledSpan]
  /// The section the line belongs to.
  public var section: Int
  /// True when the line goes on with the text of the line above, wrapped at a space: a
  /// search finds a phrase across that break.
  public var joinsPrevious = false
  /// A preformatted line wider than the pane: never wrapped (code and specifications keep
  /// their columns), shown from the view's horizontal offset and cut at the edge.
  public var isWide = false

  public init(_ spans: [StyledSpan] = [], section: Int) {
    self.spans = spans
    self.section = section
  }

  /// The line's text without styles.
  public var plainText: String { spans.map(\.text).joined() }

  /// True when the line shows nothing.
  public var isBlank: Bool { spans.allSatisfy { $0.text.allSatisfy { $0 == " " } } }

  /// The cells the line takes.
  public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
