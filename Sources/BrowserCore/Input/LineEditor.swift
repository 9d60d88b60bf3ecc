/// The one line editor of every prompt and of the topic index's query: a line of text and a
/// cursor, edited by grapheme (an accented letter or a wide character is one step, one
/// deletion), with a history that ↑ ↓ walk through as a shell's does.
public struct LineEditor: Hashable, Sendable {
  public private(set) var characters: [Character]
  /// Where the next character goes: 0 is before the first one.
  public private(set) var cursor: Int
  /// Earlier lines, oldest first.
  public private(set) var history: [String]
  /// The line of the history on show, or nil while editing a new line.
  private var historyPosition: Int?
  /// The line being typed before ↑ went into the history, to come back to.
  private var draft: [Character] = []

  public init(text: String = "", history: [String] = []) {
    characters = Array(text)
    cursor = characters.count
    self.history = history
  }

  public var text: String { String(characters) }
  public var isEmpty: Bool { characters.isEmpty }
  public var isAtEnd: Bool { cursor == characters.count }
  public var isAtStart: Bool { cursor == 0 }

  /// Replaces the whole line, the cursor at its end.
  public mutating func set(_ text: String) {
    characters = Array(text)
    cursor = characters.count
    historyPosition = nil
  }

  /// Runs an editing command; false when it changed nothing (the caller rings the bell).
  @discardableResult
  public mutating func apply(_ command: Command, key: Key? = nil) -> Bool {
    switch command {
    case .insert:
      guard case .character(let character)? = key, Self.isTypable(character) else { return false }
      characters.insert(character, at: cursor)
      cursor += 1
    case .cursorLeft:
      guard cursor > 0 else { return false }
      cursor -= 1
    case .cursorRight:
      guard cursor < characters.count else { return false }
      cursor += 1
    case .lineStart:
      guard cursor > 0 else { return false }
      cursor = 0
    case .lineEnd:
      guard cursor < characters.count else { return false }
      cursor = characters.count
    case .deleteBackward:
      guard cursor > 0 else { return false }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .deleteForward:
      guard cursor < characters.count else { return false }
      characters.remove(at: cursor)
    case .deleteWord:
      guard cursor > 0 else { return false }
      var start = cursor
      while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
      while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    case .deleteToStart:
      guard cursor > 0 else { return false }
      characters.removeSubrange(0..<cursor)
      cursor = 0
    case .deleteToEnd:
      guard cursor < characters.count else { return false }
      characters.removeSubrange(cursor...)
    case .historyPrevious:
      return recall(by: -1)
    case .historyNext:
      return recall(by: 1)
    default:
      return false
    }
    if command != .historyPrevious && command != .historyNext { historyPosition = nil }
    return true
  }

  /// Steps through the history; past the newest line, the draft comes back.
  private mutating func recall(by step: Int) -> Bool {
    guard !history.isEmpty else { return false }
    let current = historyPosition ?? history.count
    let target = current + step
    guard target >= 0 && target <= history.count && target != current else { return false }
    if historyPosition == nil { draft = characters }
    if target == history.count {
      characters = draft
      historyPosition = nil
    } else {
      characters = Array(history[target])
      historyPosition = target
    }
    cursor = characters.count
    return true
  }

  /// The line as a terminal without UTF-8 shows it, the cursor at the same place in it.
  public func transliterated() -> LineEditor {
    var copy = LineEditor(text: Transliterator.ascii(String(characters[..<cursor])))
    let before = copy.characters.count
    copy.characters += Array(Transliterator.ascii(String(characters[cursor...])))
    copy.cursor = before
    return copy
  }

  /// Control characters never enter a line: a paste with a newline or an escape in it
  /// types the rest.
  static func isTypable(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { scalar in
      scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value)
    }
  }

  /// The part of the line a field `cells` wide shows, so that the cursor is always in it
  /// (the end of a long line while typing at the end), and the cursor's column within it.
  /// Where the line goes on beyond the field, `ellipsis` says so at that edge.
  public func visible(in cells: Int, ellipsis: String = "") -> (text: String, cursorColumn: Int) {
    guard cells > 0 else { return ("", 0) }
    let widths = characters.map { DisplayWidth.of($0) }
    let total = widths.reduce(0, +)
    // The cursor needs a cell of its own after the last character.
    if total + 1 <= cells {
      return (text, widths[..<cursor].reduce(0, +))
    }
    let mark = DisplayWidth.of(ellipsis) < cells / 3 ? ellipsis : ""
    let markWidth = DisplayWidth.of(mark)
    // Keep the cursor in view: the characters before it that fit, then as many after it.
    var start = cursor
    // The cursor stands on the character after it, or on a cell of its own at the end.
    var used = cursor == characters.count ? 1 : 0
    while start > 0 && used + widths[start - 1] + (start > 1 ? markWidth : 0) <= cells {
      start -= 1
      used += widths[start]
    }
    let lead = start > 0 ? mark : ""
    used += DisplayWidth.of(lead)
    var end = cursor
    while end < characters.count
      && used + widths[end] + (end + 1 < characters.count ? markWidth : 0) <= cells
    {
      used += widths[end]
      end += 1
    }
    let trail = end < characters.count ? mark : ""
    let column = DisplayWidth.of(lead) + widths[start..<cursor].reduce(0, +)
    return (lead + String(characters[start..<end]) + trail, column)
  }
}
