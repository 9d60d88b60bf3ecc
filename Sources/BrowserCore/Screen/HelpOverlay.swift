/// The help box (`?`) laid out for a screen: the keys of the view below it, then the global
/// ones, in a bordered box as wide as its lines need, up to the whole screen. Descriptions that still do not fit wrap under
/// themselves (below the keys when even the description column would be too narrow), and a
/// box taller than the screen scrolls, as tig's and htop's help do.
///
/// The state asks it how far the help can scroll; the composer asks it to draw.
struct HelpOverlay {
  /// One row inside the box, already fitted to its width.
  enum Row: Equatable {
    case group(String)
    /// Keys (empty on a description's continuation rows) and the description.
    case binding(keys: String, summary: String)
    case blank
  }

  let x: Int
  let y: Int
  let width: Int
  let height: Int
  /// Width of the keys column; the description starts after it.
  let keyWidth: Int
  /// True when the descriptions go on their own rows below the keys (a narrow screen).
  let stacked: Bool
  let rows: [Row]
  let glyphs: Glyphs
  /// The label on the top border.
  let title: String

  /// Cells between the border and the text, each side.
  private static let padding = 1
  /// Keys are indented under their group title, and kept apart from their description.
  private static let keyIndent = 2
  private static let keyGap = 2
  /// Below this the description column reads as a list of fragments; descriptions then go
  /// under their keys instead.
  private static let narrowestSummary = 16

  init(
    lines: [HelpContent.Line], title: String, width screenWidth: Int, height screenHeight: Int,
    glyphs: Glyphs
  ) {
    self.glyphs = glyphs
    self.title = title
    let keyWidth = min(24, lines.map { DisplayWidth.of($0.keys) }.max() ?? 0)
    let summaryColumn = Self.keyIndent + keyWidth + Self.keyGap
    let natural =
      lines.map { line in
        line.isGroup ? DisplayWidth.of(line.keys) : summaryColumn + DisplayWidth.of(line.summary)
      }.max() ?? 0
    let border = 2 * (1 + Self.padding)
    width = max(0, min(screenWidth, natural + border))
    let inner = max(1, width - border)
    stacked = inner - summaryColumn < Self.narrowestSummary
    self.keyWidth = keyWidth
    var rows: [Row] = []
    for line in lines {
      if line.isGroup {
        rows.append(.group(ScreenComposer.truncated(line.keys, to: inner, glyphs)))
      } else if line.keys.isEmpty && line.summary.isEmpty {
        rows.append(.blank)
      } else if stacked {
        for keys in Self.wrap(line.keys, to: inner - Self.keyIndent, glyphs) where !keys.isEmpty {
          rows.append(.binding(keys: keys, summary: ""))
        }
        for part in Self.wrap(line.summary, to: inner - 2 * Self.keyIndent, glyphs) {
          rows.append(.binding(keys: "", summary: part))
        }
      } else {
        let parts = Self.wrap(line.summary, to: inner - summaryColumn, glyphs)
        for (index, part) in parts.enumerated() {
          let keys = index == 0 ? ScreenComposer.truncated(line.keys, to: keyWidth, glyphs) : ""
          rows.append(.binding(keys: keys, summary: part))
        }
      }
    }
    self.rows = rows
    height = max(0, min(screenHeight, rows.count + 2))
    x = max(0, (screenWidth - width) / 2)
    y = max(0, (screenHeight - height) / 2)
  }

  /// Rows of help the box shows at once.
  var visibleRows: Int { max(0, height - 2) }

  /// The last scroll position that still fills the box.
  var maximumTop: Int { max(0, rows.count - visibleRows) }

  /// Draws the box over whatever is on screen, every cell of it, so nothing shows through.
  func draw(top: Int, on screen: inout ScreenBuffer) {
    guard width >= 4, height >= 3 else { return }
    let first = min(max(0, top), maximumTop)
    let right = x + width - 1
    let corners = glyphs.isASCII ? ["+", "+", "+", "+"] : ["┌", "┐", "└", "┘"]
    let rule = String(repeating: glyphs.horizontalBar, count: width - 2)
    // The rows the box stands on are cleared to both edges: a page marker or half a word
    // beside the box would read as part of it.
    for rowY in y..<(y + height) { screen.fill(y: rowY, from: 0, to: screen.width, role: .normal) }
    screen.write(corners[0] + rule + corners[1], x: x, y: y, role: .border)
    screen.write(corners[2] + rule + corners[3], x: x, y: y + height - 1, role: .border)
    label(" \(title) ", y: y, role: .heading, on: &screen)
    if maximumTop > 0 {
      let more = first < maximumTop ? " more below " : " end "
      let hint =
        [" j/k Space scroll \(glyphs.middleDot)" + more, " j/k Space scroll ", " j/k "].first {
          DisplayWidth.of($0) <= width - 4
        } ?? ""
      label(hint, y: y + height - 1, role: .dim, on: &screen)
    }
    let textX = x + 1 + Self.padding
    let textEnd = right - Self.padding
    for row in 0..<visibleRows {
      let rowY = y + 1 + row
      screen.fill(y: rowY, from: x, to: x + width, role: .help)
      screen.write(glyphs.verticalBar, x: x, y: rowY, role: .border)
      screen.write(glyphs.verticalBar, x: right, y: rowY, role: .border)
      guard rows.indices.contains(first + row) else { continue }
      switch rows[first + row] {
      case .group(let title):
        screen.write(title, x: textX, y: rowY, role: .heading, limit: textEnd)
      case .binding(let keys, let summary):
        let keyX = textX + Self.keyIndent
        screen.write(keys, x: keyX, y: rowY, role: .strong, limit: textEnd)
        let summaryX =
          stacked ? textX + 2 * Self.keyIndent : keyX + keyWidth + Self.keyGap
        screen.write(summary, x: summaryX, y: rowY, role: .help, limit: textEnd)
      case .blank:
        break
      }
    }
  }

  /// A label on the top or bottom border, two cells in from the corner.
  private func label(_ text: String, y: Int, role: StyleRole, on screen: inout ScreenBuffer) {
    guard !text.isEmpty else { return }
    let room = width - 4
    screen.write(
      ScreenComposer.truncated(text, to: room, glyphs), x: x + 2, y: y, role: role,
      limit: x + width - 2)
  }

  /// Word-wrapped lines of a description, none wider than `cells`.
  private static func wrap(_ text: String, to cells: Int, _ glyphs: Glyphs) -> [String] {
    guard !text.isEmpty else { return [""] }
    guard cells > 0 else { return [] }
    return TextWrapper.wrap([StyledSpan(text, .help)], width: cells).map { spans in
      let line = spans.map(\.text).joined()
      return String(line.reversed().drop(while: { $0 == " " }).reversed())
    }
  }
}
