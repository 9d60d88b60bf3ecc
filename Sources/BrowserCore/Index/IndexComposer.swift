/// Draws the topic index: the library's name and size, the search line with the language
/// choice, the hits with the matched part highlighted, and a status line of keys.
public enum IndexComposer {
  public static func compose(_ state: IndexState) -> ScreenBuffer {
    var screen = ScreenBuffer(width: state.width, height: state.height)
    guard state.width >= ScreenGeometry.minimumWidth, state.height >= ScreenGeometry.minimumHeight
    else {
      screen.write("too small", x: 0, y: 0, role: .statusMessage)
      return screen
    }
    let glyphs = state.glyphs
    let text = { (value: String) in glyphs.isASCII ? Transliterator.ascii(value) : value }
    let width = state.width

    // Header: the library and how many topics it lists now.
    let count = "\(state.hits.count) of \(state.catalog.count) topics"
    var x = screen.write(" ", x: 0, y: 0, role: .title)
    x = screen.write(
      ScreenComposer.truncated(text(state.catalog.title), to: width - count.count - 4, glyphs),
      x: x, y: 0, role: .title)
    screen.write(count, x: width - count.count - 1, y: 0, role: .dim)

    // The search line and the language choice.
    let label = " Search: "
    var cursor = screen.write(label, x: 0, y: 1, role: .prompt)
    let choices = LanguageChoice.allCases.map {
      $0 == state.languages ? "[\($0.rawValue)]" : $0.rawValue
    }
    .joined(separator: " ")
    let choicesWidth = choices.count + 1
    cursor = screen.write(
      text(state.query), x: cursor, y: 1, role: .normal, limit: width - choicesWidth - 1)
    screen.cursor = (min(cursor, width - 1), 1)
    screen.write(choices, x: width - choicesWidth, y: 1, role: .dim)
    screen.write(String(repeating: glyphs.horizontalBar, count: width), x: 0, y: 2, role: .border)

    // The hits.
    for row in 0..<state.listHeight {
      let index = state.top + row
      guard state.hits.indices.contains(index) else { break }
      drawHit(state, index: index, y: 3 + row, on: &screen, text: text)
    }
    if state.hits.isEmpty {
      let message =
        state.query.isEmpty
        ? "no topics in this language" : "no topic matches \u{201C}\(state.query)\u{201D}"
      screen.write(" " + text(message), x: 0, y: 3, role: .dim)
    }

    // Status line.
    let y = state.height - 1
    screen.fill(y: y, role: .statusBar)
    let arrows = glyphs.isASCII ? "Up/Down" : "\u{2191}\u{2193}"
    let dot = " \(glyphs.middleDot) "
    let keys =
      " \(arrows) move" + dot + "Enter open" + dot + "Tab language" + dot + "Esc clear, then quit"
    if let message = state.message {
      screen.write(" " + text(message), x: 0, y: y, role: .statusMessage)
    } else {
      screen.write(keys, x: 0, y: y, role: .statusBar)
    }
    return screen
  }

  private static func drawHit(
    _ state: IndexState, index: Int, y: Int, on screen: inout ScreenBuffer, text: (String) -> String
  ) {
    let hit = state.hits[index]
    let entry = state.catalog.entry(hit.entry)
    let selected = index == state.selected
    let width = state.width
    let language = entry.language.map { " \($0) " } ?? ""
    let limit = width - language.count - 1
    if selected { screen.fill(y: y, role: .sidebarSelected) }
    let marker = selected ? state.glyphs.selectionMarker : " "
    let baseRole: StyleRole = selected ? .sidebarSelected : .normal
    var x = screen.write(marker + " ", x: 0, y: y, role: baseRole)
    // The title, with the match highlighted when the title matched.
    let titleMatched = hit.matched == entry.title
    x = writeHighlighted(
      text(entry.title), match: titleMatched ? (hit.matchStart, hit.matchLength) : nil, x: x, y: y,
      limit: limit, base: selected ? .sidebarSelected : .link, on: &screen)
    if !titleMatched {
      x = screen.write(
        " \u{2014} also called ", x: x, y: y, role: selected ? baseRole : .dim, limit: limit)
      x = writeHighlighted(
        text(hit.matched), match: (hit.matchStart, hit.matchLength), x: x, y: y, limit: limit,
        base: baseRole, on: &screen)
    } else if !entry.alsoCalled.isEmpty {
      let aliases = " \u{00B7} " + entry.alsoCalled.joined(separator: ", ")
      x = screen.write(
        ScreenComposer.truncated(text(aliases), to: max(0, limit - x), state.glyphs), x: x, y: y,
        role: selected ? baseRole : .dim, limit: limit)
    }
    screen.write(language, x: width - language.count - 1, y: y, role: selected ? baseRole : .badge)
  }

  /// Writes text with one range in the `match` role.
  private static func writeHighlighted(
    _ value: String, match: (start: Int, length: Int)?, x: Int, y: Int, limit: Int,
    base: StyleRole, on screen: inout ScreenBuffer
  ) -> Int {
    guard let match, match.length > 0 else {
      return screen.write(value, x: x, y: y, role: base, limit: limit)
    }
    let characters = Array(value)
    let start = min(match.start, characters.count)
    let end = min(start + match.length, characters.count)
    var column = screen.write(String(characters[..<start]), x: x, y: y, role: base, limit: limit)
    column = screen.write(
      String(characters[start..<end]), x: column, y: y, role: .match, limit: limit)
    return screen.write(String(characters[end...]), x: column, y: y, role: base, limit: limit)
  }
}
