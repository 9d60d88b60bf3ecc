/// The characters the layout draws with: Unicode box drawing where the terminal can show it,
/// plain ASCII where it cannot (no UTF-8 locale).
public struct Glyphs: Sendable, Hashable {
  public var bullet: String
  public var nestedBullet: String
  public var ellipsis: String
  public var verticalBar: String
  public var horizontalBar: String
  public var cross: String
  public var quoteBar: String
  public var middleDot: String
  public var selectionMarker: String
  public var arrow: String
  /// Where a wide line goes on past the right edge, or began before the left one.
  public var moreRight: String
  public var moreLeft: String
  /// True when only ASCII may reach the terminal: text is transliterated too.
  public var isASCII: Bool

  public static let unicode = Glyphs(
    bullet: "•", nestedBullet: "◦", ellipsis: "…", verticalBar: "│", horizontalBar: "─",
    cross: "┼", quoteBar: "▎", middleDot: "·", selectionMarker: "▸", arrow: "→",
    moreRight: "›", moreLeft: "‹", isASCII: false)

  public static let ascii = Glyphs(
    bullet: "*", nestedBullet: "-", ellipsis: "...", verticalBar: "|", horizontalBar: "-",
    cross: "+", quoteBar: "|", middleDot: "-", selectionMarker: ">", arrow: "->",
    moreRight: ">", moreLeft: "<", isASCII: true)
}
