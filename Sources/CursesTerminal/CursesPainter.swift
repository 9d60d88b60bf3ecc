import BrowserCore
import CNcursesw

/// Copies a `ScreenBuffer` into an ncurses window, cell by cell, skipping cells that did not
/// change since the last screen; ncurses then works out the fewest bytes to send.
enum CursesPainter {
  static func paint(
    _ screen: ScreenBuffer, over previous: ScreenBuffer?, on window: UnsafeMutablePointer<WINDOW>?,
    styles: CursesStyles
  ) {
    let comparable =
      previous.map { $0.width == screen.width && $0.height == screen.height } ?? false
    for y in 0..<screen.height {
      for x in 0..<screen.width {
        let cell = screen[x, y]
        if cell.width == 0 { continue }
        if comparable, let previous, previous[x, y] == cell,
          x + 1 >= screen.width || previous[x + 1, y].width == screen[x + 1, y].width
        {
          continue
        }
        draw(cell, x: x, y: y, window: window, styles: styles)
      }
    }
  }

  private static func draw(
    _ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?, styles: CursesStyles
  ) {
    let (attributes, pair) = styles.attributes(for: cell.role)
    var characters = terminalCharacters(cell.text)
    let drawn = Int(wcwidth(characters[0]))
    // A base the terminal draws wider than the layout counted would push the rest of the row
    // right; one it does not know at all may be drawn any width.
    if drawn > Int(cell.width) || drawn < 0 { characters = [0x20] }
    put(characters, attributes: attributes, pair: pair, x: x, y: y, window: window)
    // Counted two cells but drawn in one (an emoji that only VS16 makes wide, and VS16 is
    // not sent): blank the second cell, which ncurses would otherwise leave as it was.
    if cell.width == 2 && drawn == 1 {
      put([0x20], attributes: attributes, pair: pair, x: x + 1, y: y, window: window)
    }
  }

  private static func put(
    _ characters: [wchar_t], attributes: attr_t, pair: Int16, x: Int, y: Int,
    window: UnsafeMutablePointer<WINDOW>?
  ) {
    var text = characters
    text.append(0)
    var character = cchar_t()
    text.withUnsafeBufferPointer { buffer in
      _ = medterm_setcchar(&character, buffer.baseAddress, attributes, pair)
    }
    _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
  }

  /// What to send for a cell's grapheme: its first character and the combining marks after
  /// it, as many as a `cchar_t` holds. Terminals disagree on which longer sequences make one
  /// glyph (ZWJ emoji, flags, skin tones, variation selectors): tmux joins some, xterm none,
  /// and every spacing character sent past the first moves the terminal's cursor where
  /// ncurses does not expect it, which garbles the rest of the row. Only printable text
  /// reaches the terminal: this is the last line of defence.
  static func terminalCharacters(_ text: String) -> [wchar_t] {
    var characters: [wchar_t] = []
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x20 || (value >= 0x7F && value < 0xA0) { return [0x20] }
      if characters.isEmpty {
        characters.append(wchar_t(bitPattern: value))
        continue
      }
      // Spacing marks (Devanagari vowel signs) take a cell of their own in wcwidth, and
      // variation selectors are marks that some terminals turn into width: both are dropped.
      let category = scalar.properties.generalCategory
      let isSelector = (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
      if category == .nonspacingMark || category == .enclosingMark, !isSelector,
        wcwidth(wchar_t(bitPattern: value)) == 0, characters.count < Int(CCHARW_MAX)
      {
        characters.append(wchar_t(bitPattern: value))
      }
    }
    return characters.isEmpty ? [0x20] : characters
  }
}
