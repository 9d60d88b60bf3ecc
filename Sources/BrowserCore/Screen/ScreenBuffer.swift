/// Rows of the screen that moved as a block since the last screen.
public struct ScrollHint: Hashable, Sendable {
  public var top: Int
  public var bottom: Int
  public var lines: Int

  public init(top: Int, bottom: Int, lines: Int) {
    self.top = top
    self.bottom = bottom
    self.lines = lines
  }
}

/// One cell of the virtual screen: a grapheme (or nothing, for the second half of a wide
/// character) drawn in a role.
public struct Cell: Hashable, Sendable {
  public var text: String
  public var role: StyleRole
  /// 1 for most characters, 2 for the first cell of a wide one, 0 for its second cell.
  public var width: UInt8

  public static let blank = Cell(text: " ", role: .normal, width: 1)

  public init(text: String, role: StyleRole, width: UInt8) {
    self.text = text
    self.role = role
    self.width = width
  }
}

/// The whole screen as the browser wants it, before any terminal sees it: what the terminal
/// paints, what `--dump-screen` prints, and what layout tests compare.
public struct ScreenBuffer: Hashable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// Where the cursor should be shown (a prompt), or nil to hide it.
  public var cursor: (x: Int, y: Int)? {
    get { cursorPosition.map { ($0.x, $0.y) } }
    set { cursorPosition = newValue.map { CursorPosition(x: $0.x, y: $0.y) } }
  }

  /// Set when this screen equals the previous one with rows `top...bottom` moved up by
  /// `lines` (down when negative), apart from cells redrawn afterwards. A terminal can then
  /// scroll that region instead of repainting it, which over SSH is most of the bytes.
  public var scrollHint: ScrollHint?

  private struct CursorPosition: Hashable, Sendable {
    var x: Int
    var y: Int
  }
  private var cursorPosition: CursorPosition?

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Writes text from column `x` of row `y`, never past `limit` (exclusive; default the
  /// screen edge). A wide character that would straddle the limit becomes a space. Control
  /// characters never reach a cell. Returns the column after the text.
  @discardableResult
  public mutating func write(
    _ text: String, x: Int, y: Int, role: StyleRole, limit: Int? = nil
  ) -> Int {
    guard y >= 0 && y < height else { return x }
    let end = min(limit ?? width, width)
    var column = max(0, x)
    for character in text {
      guard column < end else { break }
      let cellWidth = DisplayWidth.of(character)
      if cellWidth == 0 {
        // A combining mark or zero-width character joins the previous cell's grapheme.
        if column > 0, character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
        {
          var previous = column - 1
          if self[previous, y].width == 0 && previous > 0 { previous -= 1 }
          self[previous, y].text.append(character)
        }
        continue
      }
      if cellWidth == 2 {
        guard column + 1 < end else {
          self[column, y] = Cell(text: " ", role: role, width: 1)
          column += 1
          break
        }
        clearWideOverlap(x: column, y: y)
        clearWideOverlap(x: column + 1, y: y)
        self[column, y] = Cell(text: String(character), role: role, width: 2)
        self[column + 1, y] = Cell(text: "", role: role, width: 0)
        column += 2
      } else {
        clearWideOverlap(x: column, y: y)
        self[column, y] = Cell(text: String(character), role: role, width: 1)
        column += 1
      }
    }
    return column
  }

  /// Fills columns `from..<to` of row `y` with spaces in a role.
  public mutating func fill(y: Int, from: Int = 0, to: Int? = nil, role: StyleRole) {
    guard y >= 0 && y < height else { return }
    let end = min(to ?? width, width)
    var column = max(0, from)
    while column < end {
      clearWideOverlap(x: column, y: y)
      self[column, y] = Cell(text: " ", role: role, width: 1)
      column += 1
    }
  }

  /// Changes the role of cells without changing their text (selection, search matches).
  public mutating func restyle(y: Int, from: Int, to: Int, role: StyleRole) {
    guard y >= 0 && y < height else { return }
    for column in max(0, from)..<min(to, width) { self[column, y].role = role }
  }

  /// Writing over half of a wide character blanks its other half.
  private mutating func clearWideOverlap(x: Int, y: Int) {
    let cell = self[x, y]
    if cell.width == 0 && x > 0 {
      self[x - 1, y] = Cell(text: " ", role: self[x - 1, y].role, width: 1)
    } else if cell.width == 2 && x + 1 < width {
      self[x + 1, y] = Cell(text: " ", role: self[x + 1, y].role, width: 1)
    }
  }

  /// Moves rows as a terminal scroll would: rows `top...bottom` shift up by `lines` (down
  /// when negative); rows scrolled in are blank.
  public mutating func scroll(_ hint: ScrollHint) {
    let top = max(0, hint.top)
    let bottom = min(height - 1, hint.bottom)
    guard top <= bottom else { return }
    let rows = (top...bottom).map { y in Array(cells[(y * width)..<((y + 1) * width)]) }
    for (offset, y) in (top...bottom).enumerated() {
      let source = offset + hint.lines
      let row =
        rows.indices.contains(source) ? rows[source] : Array(repeating: .blank, count: width)
      cells.replaceSubrange((y * width)..<((y + 1) * width), with: row)
    }
  }

  /// One row's text.
  public func rowText(_ y: Int) -> String {
    var text = ""
    for x in 0..<width { text += self[x, y].text }
    return text
  }

  /// The screen as text, one line per row, trailing spaces removed: for `--dump-screen` and
  /// snapshot tests.
  public var plainText: String {
    (0..<height).map { y in
      String(rowText(y).reversed().drop(while: { $0 == " " }).reversed())
    }.joined(separator: "\n") + "\n"
  }

  /// The roles of one row as one letter per cell, for tests that check colours by role.
  public func roleMap(_ y: Int, legend: [StyleRole: Character]) -> String {
    String((0..<width).map { legend[self[$0, y].role] ?? "." })
  }

  public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
    lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
      && lhs.cursorPosition == rhs.cursorPosition
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(width)
    hasher.combine(height)
    hasher.combine(cells)
  }
}
