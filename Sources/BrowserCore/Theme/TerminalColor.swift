/// A colour as a terminal understands it: the terminal's own colour or an index into its
/// palette (0–7 the ANSI colours, 8–15 their bright variants, 16–255 the xterm 256-colour
/// cube and grey ramp).
///
/// `#rrggbb` is stored as the nearest xterm-256 index rather than as RGB: medterm paints
/// through ncurses colour pairs, and a palette index degrades predictably (`fallback`) where
/// RGB would need the terminal to be asked what it can do.
public enum TerminalColor: Hashable, Sendable {
  /// The terminal's own foreground or background (ncurses colour -1).
  case `default`
  /// An index into the terminal's palette.
  case palette(UInt8)

  public static let black = TerminalColor.palette(0)
  public static let red = TerminalColor.palette(1)
  public static let green = TerminalColor.palette(2)
  public static let yellow = TerminalColor.palette(3)
  public static let blue = TerminalColor.palette(4)
  public static let magenta = TerminalColor.palette(5)
  public static let cyan = TerminalColor.palette(6)
  public static let white = TerminalColor.palette(7)

  /// The names of palette entries 0–7; entries 8–15 are the same with a `bright-` prefix.
  public static let ansiNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
  ]

  /// Reads a colour as a theme file writes it: `-` or `default`; an ANSI name (`red`,
  /// `bright-red`); `color0`…`color255` or a plain number 0–255; `#rrggbb`. Case does not
  /// matter. Nil when the text is none of these.
  public init?(parsing text: String) {
    let word = text.lowercased()
    if word == "-" || word == "default" {
      self = .default
    } else if let index = Self.ansiNames.firstIndex(of: word) {
      self = .palette(UInt8(index))
    } else if word.hasPrefix("bright-"),
      let index = Self.ansiNames.firstIndex(of: String(word.dropFirst("bright-".count)))
    {
      self = .palette(UInt8(index + 8))
    } else if let number = Self.paletteNumber(word) {
      self = .palette(number)
    } else if let rgb = Self.hexRGB(word) {
      self = .palette(Self.nearestPaletteIndex(red: rgb.red, green: rgb.green, blue: rgb.blue))
    } else {
      return nil
    }
  }

  /// The palette index, or nil for the terminal's own colour.
  public var paletteIndex: Int? {
    switch self {
    case .default: nil
    case .palette(let index): Int(index)
    }
  }

  /// The spelling a theme file would use: `default`, `red`, `bright-red`, `color123`.
  public var name: String {
    switch self {
    case .default: "default"
    case .palette(let index) where index < 8: Self.ansiNames[Int(index)]
    case .palette(let index) where index < 16: "bright-" + Self.ansiNames[Int(index) - 8]
    case .palette(let index): "color\(index)"
    }
  }

  /// The colour to use on a terminal with `colorCount` colours (terminfo `colors`).
  ///
  /// 256 or more: unchanged. 16 up to 255 (88-colour terminals included, whose palette above
  /// 15 differs from xterm's): entries above 15 become the nearest ANSI or bright colour.
  /// 8 up to 15: bright colours become their normal twin and everything above 7 the nearest
  /// of the eight. Fewer than 8: the terminal's own colour.
  ///
  /// "Nearest" keeps the hue rather than the smallest RGB distance: the ANSI colours are
  /// themed differently in every terminal, and a dark blue that turned into cyan would read
  /// badly on a light background. Greys go by lightness.
  public func fallback(colorCount: Int) -> TerminalColor {
    guard case .palette(let index) = self, colorCount < 256 else { return self }
    if colorCount < 8 { return .default }
    let limit = colorCount < 16 ? 8 : 16
    if Int(index) < limit { return self }
    if index < 16 { return .palette(index - 8) }
    return .palette(Self.nearestANSIIndex(index, brightAvailable: limit == 16))
  }

  private static func paletteNumber(_ word: String) -> UInt8? {
    var digits = Substring(word)
    for prefix in ["color", "colour"] where digits.hasPrefix(prefix) {
      digits = digits.dropFirst(prefix.count)
      break
    }
    guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCIIDigit) else {
      return nil
    }
    return UInt8(digits)
  }

  private static func hexRGB(_ word: String) -> (red: Int, green: Int, blue: Int)? {
    guard word.count == 7, word.first == "#", let value = Int(word.dropFirst(), radix: 16)
    else { return nil }
    return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
  }

  /// True for `#` followed by six hex digits, the one word starting with `#` that is not the
  /// start of a comment in a theme file.
  static func isHexColor(_ word: some StringProtocol) -> Bool {
    word.count == 7 && word.first == "#" && word.dropFirst().allSatisfy(\.isHexDigit)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
