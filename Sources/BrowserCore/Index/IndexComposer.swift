/// Draws the topic index: the library's name and size, the search line with the language
/// choice, the hits with the matched part highlighted, and a status line of keys.
public enum IndexComposer {
  /// The index's screen; `hints` are the status line's key hints (the index view's, from
  /// the key map, when nil).
  public static func compose(_ state: IndexState, hints: [String]? = nil) -> ScreenBuffer {
    var screen = ScreenBuffer(width: state.width, height: state.height)
    guard state.width >= ScreenGeometry.minimumWidth, state.height >= ScreenGeometry.minimumHeight
    else {
      screen.write("too small", x: 0, y: 0, role: .statusMessage)
      return screen
    }
    let glyphs = state.glyphs
    let text = { (value: String) in glyphs.isASCII ? Transliterator.ascii(value) : value }
    let width = state.width

    // Header: the library and how many topics it lists now, and what is wrong with the file.
    var count = "\(state.hits.count) of \(state.catalog.count) topics"
    if let warning = state.warning { count += "; " + warning }
    if width - DisplayWidth.of(count) - 4 < 20 {
      count = "\(state.hits.count) of \(state.catalog.count) topics"
    }
    if width - count.count - 4 < 12 { count = "\(state.hits.count)/\(state.catalog.count)" }
    var x = screen.write(" ", x: 0, y: 0, role: .title)
    x = screen.write(
      ScreenComposer.truncated(
        text(state.catalog.title), to: width - DisplayWidth.of(count) - 4, glyphs),
      x: x, y: 0, role: .title)
    screen.write(
      count, x: width - DisplayWidth.of(count) - 1, y: 0,
      role: state.warning != nil && count.contains(";") ? .statusMessage : .dim)

    // The search line and the language choice. The query comes first: on a narrow screen the
    // language shows only the current choice, then the label shortens, then the language goes.
    let current = "[\(state.languages.rawValue)]"
    let allChoices = LanguageChoice.allCases.map {
      $0 == state.languages ? current : $0.rawValue
    }
    .joined(separator: " ")
    let layouts = [(" Search: ", allChoices), (" Search: ", current), (" /", current), (" /", "")]
    let (label, choices) =
      layouts.first { label, choices in
        width - label.count - (choices.isEmpty ? 0 : choices.count + 1) - 1 >= 12
      } ?? (" /", "")
    let choicesX = choices.isEmpty ? width : width - choices.count - 1
    let cursor = screen.write(label, x: 0, y: 1, role: .prompt)
    // The part of the query around the cursor shows (its end, while typing at the end).
    let queryRoom = max(1, choicesX - cursor - 1)
    let line = glyphs.isASCII ? state.editor.transliterated() : state.editor
    let (shownQuery, column) = line.visible(in: queryRoom, ellipsis: glyphs.ellipsis)
    screen.write(shownQuery, x: cursor, y: 1, role: .normal, limit: choicesX - 1)
    screen.cursor = (min(cursor + column, width - 1), 1)
    screen.write(choices, x: choicesX, y: 1, role: .dim)
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
      let shown = ScreenComposer.truncated(text(message), to: width - 2, glyphs)
      screen.write(" " + shown, x: 0, y: 3, role: .dim)
    }

    // The selected entry's detail (a search result's snippet), above the status line.
    if state.showsDetail, let entry = state.selectedEntry,
      let detail = state.catalog.detail(entry), !detail.isEmpty
    {
      let shown = ScreenComposer.truncated(text(detail), to: width - 2, glyphs)
      screen.write(" " + shown, x: 0, y: state.height - 2, role: .dim)
    }

    // Status line.
    let y = state.height - 1
    screen.fill(y: y, role: .statusBar)
    let dot = " \(glyphs.middleDot) "
    if let message = state.message {
      let shown = ScreenComposer.truncated(text(message), to: width - 2, glyphs)
      screen.write(" " + shown, x: 0, y: y, role: .statusMessage)
    } else {
      // Key hints go in whole or not at all.
      var keys = ""
      let context = ViewContext(
        keymap: .standard, glyphs: glyphs, size: TerminalSize(width: width, height: state.height),
        isLast: true, canGoForward: false)
      for hint in hints ?? IndexView.hints(for: state, context: context) {
        let next = keys.isEmpty ? " " + hint : keys + dot + hint
        guard DisplayWidth.of(next) <= width - 1 else { break }
        keys = next
      }
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
    let glyphs = state.glyphs
    let title = text(entry.title)
    let titleMatched = hit.matched == entry.title
    if titleMatched {
      x = writeHighlighted(
        title, match: (hit.matchStart, hit.matchLength), x: x, y: y, limit: limit,
        base: selected ? .sidebarSelected : .link, glyphs: glyphs, on: &screen)
      if !entry.alsoCalled.isEmpty {
        let aliases = " \u{00B7} " + entry.alsoCalled.joined(separator: ", ")
        // A lone "·…" says nothing: the aliases show when a word of them fits.
        if limit - x >= 8 {
          screen.write(
            ScreenComposer.truncated(text(aliases), to: limit - x, glyphs), x: x, y: y,
            role: selected ? baseRole : .dim, limit: limit)
        }
      }
    } else {
      // The matched alias is why the row is here, so the title gives way to it: the long
      // connector shortens first, then the title is cut to leave the alias room.
      let matched = text(hit.matched)
      let room = limit - x
      let long = text(" \u{2014} also called ")
      let fitsWhole =
        DisplayWidth.of(title) + DisplayWidth.of(long) + DisplayWidth.of(matched) <= room
      let connector = fitsWhole ? long : text(" \u{2014} ")
      let aliasShare = min(DisplayWidth.of(matched), max(8, room / 2))
      let titleRoom = room - DisplayWidth.of(connector) - aliasShare
      let titleRole: StyleRole = selected ? .sidebarSelected : .link
      if titleRoom < 8 {
        // Too narrow for both to be read: the title alone, since it is what Enter opens.
        screen.write(
          ScreenComposer.truncated(title, to: room, glyphs), x: x, y: y, role: titleRole,
          limit: limit)
      } else {
        x = screen.write(
          ScreenComposer.truncated(title, to: titleRoom, glyphs), x: x, y: y, role: titleRole,
          limit: limit)
        x = screen.write(connector, x: x, y: y, role: selected ? baseRole : .dim, limit: limit)
        writeHighlighted(
          matched, match: (hit.matchStart, hit.matchLength), x: x, y: y, limit: limit,
          base: baseRole, glyphs: glyphs, on: &screen)
      }
    }
    screen.write(language, x: width - language.count - 1, y: y, role: selected ? baseRole : .badge)
  }

  /// Writes text with one range in the `match` role, ending in an ellipsis when it is cut.
  @discardableResult
  private static func writeHighlighted(
    _ value: String, match: (start: Int, length: Int)?, x: Int, y: Int, limit: Int,
    base: StyleRole, glyphs: Glyphs, on screen: inout ScreenBuffer
  ) -> Int {
    let isCut = x + DisplayWidth.of(value) > limit
    let end = isCut ? max(x, limit - DisplayWidth.of(glyphs.ellipsis)) : limit
    var column: Int
    if let match, match.length > 0 {
      let characters = Array(value)
      let start = min(match.start, characters.count)
      let stop = min(start + match.length, characters.count)
      column = screen.write(String(characters[..<start]), x: x, y: y, role: base, limit: end)
      column = screen.write(
        String(characters[start..<stop]), x: column, y: y, role: .match, limit: end)
      column = screen.write(String(characters[stop...]), x: column, y: y, role: base, limit: end)
    } else {
      column = screen.write(value, x: x, y: y, role: base, limit: end)
    }
    guard isCut else { return column }
    return screen.write(glyphs.ellipsis, x: column, y: y, role: base, limit: limit)
  }
}
