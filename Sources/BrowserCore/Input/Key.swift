/// A key press (or terminal event) as the browser sees it, whatever the terminal sent.
public enum Key: Hashable, Sendable {
  /// A printable character.
  case character(Character)
  /// Ctrl plus a letter or one of `@[\]^_`, named by the lower-case letter ("d" for Ctrl-D).
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case insert, delete
  case enter, tab, backTab, backspace, escape
  case function(Int)
  /// The terminal changed size.
  case resize
  case mouse(MouseEvent)

  /// The key's name in `--keys` scripts and the help screen.
  public var name: String {
    switch self {
    case .character(" "): "Space"
    case .character(let character): String(character)
    case .control(let character): "C-" + String(character)
    case .up: "Up"
    case .down: "Down"
    case .left: "Left"
    case .right: "Right"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .insert: "Ins"
    case .delete: "Del"
    case .enter: "Enter"
    case .tab: "Tab"
    case .backTab: "S-Tab"
    case .backspace: "BS"
    case .escape: "Esc"
    case .function(let number): "F\(number)"
    case .resize: "Resize"
    case .mouse: "Mouse"
    }
  }

  private static let named: [String: Key] = {
    var table: [String: Key] = [:]
    let keys: [Key] = [
      .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .insert, .delete, .enter, .tab,
      .backTab, .backspace, .escape, .character(" "), .resize,
    ]
    for key in keys { table[key.name] = key }
    table["Return"] = .enter
    table["Backspace"] = .backspace
    table["PageUp"] = .pageUp
    table["PageDown"] = .pageDown
    for number in 1...12 { table["F\(number)"] = .function(number) }
    return table
  }()

  /// Reads one token of a `--keys` script: a key name (`Down`, `C-d`, `F1`), a single
  /// character, or nil when the token is text to type character by character.
  public init?(name: String) {
    if let key = Key.named[name] {
      self = key
    } else if name.count == 1, let character = name.first {
      self = .character(character)
    } else if let letter = Self.controlLetter(name) {
      self = .control(Character(letter.lowercased()))
    } else {
      return nil
    }
  }

  /// The letter of a control key written `C-d`, `Ctrl-D` or `^D`.
  private static func controlLetter(_ name: String) -> Character? {
    for prefix in ["C-", "Ctrl-", "ctrl-", "^"] where name.hasPrefix(prefix) {
      let rest = name.dropFirst(prefix.count)
      if rest.count == 1, let letter = rest.first, letter.isASCII, !letter.isWhitespace {
        return letter
      }
    }
    return nil
  }

  /// Parses a `--keys` script: tokens separated by spaces; a token that is not a key name is
  /// typed as text, one character at a time (`/crutches Enter`).
  public static func script(_ text: String) -> [Key] {
    text.split(separator: " ").flatMap { token -> [Key] in
      if let key = Key(name: String(token)) { return [key] }
      return token.map { Key.character($0) }
    }
  }
}

/// A mouse event, in screen cells.
public struct MouseEvent: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case click
    case wheelUp
    case wheelDown
  }

  public var kind: Kind
  public var x: Int
  public var y: Int

  public init(kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}
