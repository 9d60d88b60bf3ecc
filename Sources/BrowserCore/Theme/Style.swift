/// How one role is drawn. A nil colour inherits the parent role's resolved colour (see
/// `Theme.style(for:)`); `.default` is the terminal's own colour. Attributes never inherit:
/// a role lists all of its own, so a child can drop its parent's bold.
public struct Style: Hashable, Sendable {
  public var foreground: TerminalColor?
  public var background: TerminalColor?
  public var attributes: TextAttribute

  public init(
    foreground: TerminalColor? = nil, background: TerminalColor? = nil,
    attributes: TextAttribute = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The terminal's own colours, no attributes: what `normal` is when a theme leaves it out.
  public static let plain = Style(foreground: .default, background: .default)
}
