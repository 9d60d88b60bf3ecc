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
    // The last line of defence: nothing but printable text reaches the terminal.
    var characters = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    if characters.isEmpty || characters.contains(where: { $0 < 0x20 || ($0 >= 0x7F && $0 < 0xA0) })
    {
      characters = [0x20]
    }
    characters.append(0)
    var character = cchar_t()
    characters.withUnsafeBufferPointer { buffer in
      _ = medterm_setcchar(&character, buffer.baseAddress, attributes, pair)
    }
    _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
  }
}
