/// The video attributes a role can carry besides its colours. Attributes survive `NO_COLOR`
/// and monochrome terminals, so they are what keeps a selection visible there.
public struct TextAttribute: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  public static let bold = TextAttribute(rawValue: 1 << 0)
  public static let dim = TextAttribute(rawValue: 1 << 1)
  public static let italic = TextAttribute(rawValue: 1 << 2)
  public static let underline = TextAttribute(rawValue: 1 << 3)
  public static let reverse = TextAttribute(rawValue: 1 << 4)
  public static let blink = TextAttribute(rawValue: 1 << 5)
  public static let standout = TextAttribute(rawValue: 1 << 6)

  /// Every attribute with the name a theme file uses for it, in a fixed order.
  public static let named: [(name: String, attribute: TextAttribute)] = [
    ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline),
    ("reverse", .reverse), ("blink", .blink), ("standout", .standout),
  ]

  /// The attribute a theme file names (case does not matter), or nil.
  public init?(name: String) {
    let word = name.lowercased()
    guard let entry = Self.named.first(where: { $0.name == word }) else { return nil }
    self = entry.attribute
  }

  /// The names of the attributes in this set, in the order of `named`.
  public var names: [String] {
    Self.named.filter { contains($0.attribute) }.map(\.name)
  }
}
