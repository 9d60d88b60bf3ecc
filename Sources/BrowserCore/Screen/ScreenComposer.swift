import MedlinePlus

/// Draws a `BrowserState` into a `ScreenBuffer`: header, sidebar, content, status line, and
/// the narrow screen's sidebar overlay. The one place that decides where a page's parts go.
public enum ScreenComposer {
  /// The page's screen; `hints` are the status line's key hints (the page view's, from the
  /// key map, when nil).
  public static func compose(_ state: BrowserState, hints: [String]? = nil) -> ScreenBuffer {
    let geometry = state.geometry
    var screen = ScreenBuffer(width: geometry.width, height: geometry.height)
    guard !geometry.isTooSmall else {
      drawTooSmall(&screen)
      return screen
    }
    drawHeader(state, on: &screen)
    drawContent(state, on: &screen)
    switch geometry.placement {
    case .docked:
      drawSidebar(state, on: &screen, x: 0, width: geometry.sidebarWidth)
      for y in geometry.bodyTop..<(geometry.bodyTop + geometry.bodyHeight) {
        screen.write(state.glyphs.verticalBar, x: geometry.sidebarWidth, y: y, role: .border)
      }
    case .overlay where state.overlayOpen:
      // A narrow screen gives the whole body to the sidebar while it is open.
      for y in geometry.bodyTop..<(geometry.bodyTop + geometry.bodyHeight) {
        screen.fill(y: y, role: .sidebar)
      }
      drawSidebar(state, on: &screen, x: 0, width: geometry.width)
    default:
      break
    }
    let hints =
      hints
      ?? PageView.hints(
        for: state,
        context: ViewContext(
          keymap: .standard, glyphs: state.glyphs,
          size: TerminalSize(width: geometry.width, height: geometry.height), isLast: true,
          canGoForward: false))
    drawStatus(state, hints: hints, on: &screen)
    return screen
  }

  /// "terminal too small" and the size needed, centred: what every view shows below the
  /// smallest size.
  public static func drawTooSmall(_ screen: inout ScreenBuffer) {
    guard screen.height > 0 && screen.width > 0 else { return }
    let message = screen.width >= 18 ? "terminal too small" : "too small"
    let y = max(0, screen.height / 2 - (screen.height > 1 ? 1 : 0))
    let x = max(0, (screen.width - message.count) / 2)
    screen.write(message, x: x, y: y, role: .statusMessage)
    if screen.height > 1 {
      // "10x3, need 20x5" when it fits, else just the size needed: never a cut phrase.
      let need = "need \(ScreenGeometry.minimumWidth)x\(ScreenGeometry.minimumHeight)"
      let full = "\(screen.width)x\(screen.height), " + need
      let size = full.count <= screen.width ? full : need
      guard size.count <= screen.width else { return }
      screen.write(size, x: max(0, (screen.width - size.count) / 2), y: y + 1, role: .dim)
    }
  }

  private static func drawHeader(_ state: BrowserState, on screen: inout ScreenBuffer) {
    let width = screen.width
    let title = text(state.page.title, state.glyphs)
    var x = screen.write(" ", x: 0, y: 0, role: .title)
    x = screen.write(truncated(title, to: width - 2, state.glyphs), x: x, y: 0, role: .title)
    // Beside the title: what else the topic is called, or who wrote the article.
    let aside =
      state.page.alsoCalled.isEmpty
      ? state.page.byline.map { Self.byline($0) }
      : "Also called: " + state.page.alsoCalled.joined(separator: ", ")
    guard let aside else { return }
    let room = width - x - 4
    guard room >= 16 else { return }
    let alsoCalled = text(aside, state.glyphs)
    let shown = truncated(alsoCalled, to: room, state.glyphs)
    screen.write(shown, x: width - 1 - DisplayWidth.of(shown), y: 0, role: .alsoCalled)
  }

  private static func drawSidebar(
    _ state: BrowserState, on screen: inout ScreenBuffer, x: Int, width: Int
  ) {
    let geometry = state.geometry
    let labelRow = geometry.bodyTop
    screen.write(" " + state.sidebar.heading, x: x, y: labelRow, role: .dim, limit: x + width)
    let rows = state.sidebar.rows
    let listTop = labelRow + 1
    let labels = distinctLabels(state, width: width)
    for offset in 0..<geometry.sidebarListHeight {
      let index = state.sidebarTop + offset
      guard rows.indices.contains(index) else { break }
      let row = rows[index]
      let y = listTop + offset
      let isSelected = index == state.selectedRow
      let isCurrent = row.section == state.currentSection
      let role: StyleRole
      var marker = " "
      switch row.kind {
      case .group:
        role = .sidebarGroup
      case .noLinks, .missingEntry:
        role = .sidebarEmpty
      case .entry:
        if isSelected && (state.focus == .sidebar) {
          role = .sidebarSelected
          marker = state.glyphs.selectionMarker
        } else if isSelected || isCurrent {
          role = .sidebarCurrent
          marker = state.glyphs.selectionMarker
        } else {
          role = .sidebarItem
        }
      }
      let indent =
        row.kind == .group ? "" : String(repeating: " ", count: max(0, row.depth - 1) * 2 + 1)
      let prefix = row.kind == .group ? " " : marker + indent
      if role == .sidebarSelected { screen.fill(y: y, from: x, to: x + width, role: role) }
      let end = screen.write(
        prefix, x: x, y: y, role: role == .sidebarGroup ? .sidebarGroup : role, limit: x + width)
      screen.write(labels[index] ?? "", x: end, y: y, role: role, limit: x + width)
    }
  }

  /// The labels of the rows on screen, fitted to the sidebar, no two entries alike: where two
  /// would read the same once cut, both keep their ends too ("Setting…ailed"), and entries
  /// with the same title are numbered ("Setting up (2)").
  static func distinctLabels(_ state: BrowserState, width: Int) -> [Int: String] {
    let rows = state.sidebar.rows
    let visible = rows.indices.dropFirst(state.sidebarTop).prefix(state.geometry.sidebarListHeight)
    var room: [Int: Int] = [:]
    var titles: [Int: String] = [:]
    var labels: [Int: String] = [:]
    var cut: [Int] = []
    for index in visible {
      let row = rows[index]
      let indent = row.kind == .group ? 1 : 1 + max(0, row.depth - 1) * 2 + 1
      // One cell stays free before the border, so that no label runs into it.
      let cells = width - indent - 1
      let title = label(of: row, state.glyphs)
      let shown = truncated(title, to: cells, state.glyphs)
      room[index] = cells
      titles[index] = title
      labels[index] = shown
      if row.kind != .group && shown != title { cut.append(index) }
    }
    // Most screens cut nothing, or nothing that could read alike: done.
    guard !cut.isEmpty else { return labels }
    // Entries that start alike for as far as the narrowest one shows, and are cut: the cut
    // would make them read alike, so they keep their ends too.
    let entries = visible.filter { rows[$0].kind != .group }
    let shownCount = max(1, (entries.compactMap { room[$0] }.min() ?? 1) - 2)
    var starts: [Substring: Int] = [:]
    for index in entries { starts[(titles[index] ?? "").prefix(shownCount), default: 0] += 1 }
    for index in cut {
      let title = titles[index] ?? ""
      if (starts[title.prefix(shownCount)] ?? 0) > 1 || rows[index].occurrence > 1 {
        labels[index] = truncatedMiddle(title, to: room[index] ?? 0, state.glyphs)
      }
    }
    return labels
  }

  /// A row's title, numbered when an earlier entry has the same one.
  private static func label(of row: SidebarModel.Row, _ glyphs: Glyphs) -> String {
    let title = text(row.title, glyphs)
    return row.occurrence > 1 ? title + " (\(row.occurrence))" : title
  }

  /// Cuts text to a number of cells keeping both its start and its end.
  static func truncatedMiddle(_ value: String, to cells: Int, _ glyphs: Glyphs) -> String {
    guard DisplayWidth.of(value) > cells, cells > 4 else {
      return truncated(value, to: cells, glyphs)
    }
    let room = cells - DisplayWidth.of(glyphs.ellipsis)
    let tail = leading(of: value, fitting: room / 2, fromEnd: true)
    let head = leading(of: value, fitting: room - tail.width, fromEnd: false)
    return trimmingTrailingSpaces(head.text) + glyphs.ellipsis + tail.text
  }

  private static func drawContent(_ state: BrowserState, on screen: inout ScreenBuffer) {
    let geometry = state.geometry
    let lines = state.layout.lines
    let matchesByLine: [Int: [SearchState.Match]] = Dictionary(
      grouping: state.search?.matches ?? [], by: \.line)
    let current = state.search.flatMap { search in search.current.map { search.matches[$0] } }
    let limit = geometry.contentX + geometry.contentWidth
    for row in 0..<geometry.bodyHeight {
      let index = state.top + row
      guard lines.indices.contains(index) else { break }
      let y = geometry.bodyTop + row
      // A wide line is drawn from the view's sideways offset; what marks it shifts with it.
      let shift: Int
      if lines[index].isWide {
        drawWide(lines[index], state: state, y: y, on: &screen)
        shift = state.left
      } else {
        var x = geometry.contentX
        for span in lines[index].spans {
          x = screen.write(span.text, x: x, y: y, role: span.role, limit: limit)
        }
        shift = 0
      }
      if let link = state.visibleSelectedLink {
        for region in state.layout.linkRegions[link] ?? [] where region.line == index {
          let from = max(geometry.contentX, geometry.contentX + region.start - shift)
          let to = min(limit, geometry.contentX + region.end - shift)
          if from < to { screen.restyle(y: y, from: from, to: to, role: .linkSelected) }
        }
      }
      drawMatches(
        matchesByLine[index] ?? [], current: current, shift: shift, y: y, state: state,
        on: &screen)
      // The end of a match that began on the line above, across a wrapped break.
      for match in matchesByLine[index - 1] ?? [] {
        guard let next = match.next else { continue }
        let from = geometry.contentX + next.start
        let role: StyleRole = match == current ? .linkSelected : .match
        screen.restyle(y: y, from: from, to: min(limit, from + next.width), role: role)
      }
    }
  }

  /// A wide preformatted line from the view's offset, cut at the pane's edge, with a marker
  /// where it goes on (right) or began (left).
  private static func drawWide(
    _ line: StyledLine, state: BrowserState, y: Int, on screen: inout ScreenBuffer
  ) {
    let geometry = state.geometry
    let start = geometry.contentX
    let limit = start + geometry.contentWidth
    var skipped = 0
    var x = start
    for span in line.spans {
      var text = ""
      for character in span.text {
        let cells = DisplayWidth.of(character)
        if skipped < state.left {
          skipped += cells
          // A wide character cut by the offset leaves a space.
          if skipped > state.left { text.append(" ") }
          continue
        }
        text.append(character)
      }
      x = screen.write(text, x: x, y: y, role: span.role, limit: limit)
    }
    if state.left > 0 { screen.write(state.glyphs.moreLeft, x: start, y: y, role: .dim) }
    if line.width - state.left > geometry.contentWidth {
      screen.write(state.glyphs.moreRight, x: limit - 1, y: y, role: .dim)
    }
  }

  private static func drawMatches(
    _ matches: [SearchState.Match], current: SearchState.Match?, shift: Int, y: Int,
    state: BrowserState, on screen: inout ScreenBuffer
  ) {
    let start = state.geometry.contentX
    let limit = start + state.geometry.contentWidth
    for match in matches {
      let from = max(start, start + match.start - shift)
      let to = min(limit, start + match.start - shift + match.width)
      guard from < to else { continue }
      screen.restyle(y: y, from: from, to: to, role: match == current ? .linkSelected : .match)
    }
  }

  private static func drawStatus(
    _ state: BrowserState, hints: [String], on screen: inout ScreenBuffer
  ) {
    let y = screen.height - 1
    screen.fill(y: y, role: .statusBar)
    let sections = state.page.sections
    var title = ""
    var position = ""
    if sections.indices.contains(state.currentSection) {
      title = text(sections[state.currentSection].title, state.glyphs)
      position = "\(state.currentSection + 1)/\(sections.count)"
    }
    let tail: StatusLine.Tail
    var tailRole = StyleRole.statusBar
    if let message = state.message {
      tail = .message(text(message, state.glyphs))
      tailRole = .statusMessage
    } else if let link = state.visibleSelectedLink {
      // The selected link's address, as a browser's status bar shows it.
      let address = state.page.links[link].url ?? "no address in this copy"
      tail = .message("[\(link + 1)] " + text(address, state.glyphs))
    } else {
      tail = .hints(hints)
    }
    let line = StatusLine(
      title: title, position: position, tail: tail, percent: state.percentThrough,
      width: screen.width, glyphs: state.glyphs)
    let x = screen.write(line.left, x: 0, y: y, role: .statusBar)
    screen.write(line.tail, x: x, y: y, role: tailRole)
    screen.write(line.right, x: screen.width - DisplayWidth.of(line.right), y: y, role: .statusBar)
  }

  /// A byline as the page wrote it, or with "By" in front when it is only a name.
  static func byline(_ byline: String) -> String {
    let lower = byline.lowercased()
    return lower.hasPrefix("by ") || lower.hasPrefix("par ") || lower.hasPrefix("por ")
      ? byline : "By " + byline
  }

  /// Text as the screen can show it: transliterated to ASCII when the terminal cannot show
  /// more.
  static func text(_ value: String, _ glyphs: Glyphs) -> String {
    glyphs.isASCII ? Transliterator.ascii(value) : value
  }

  /// Cuts text to a number of cells, ending in an ellipsis when cut.
  public static func truncated(_ value: String, to cells: Int, _ glyphs: Glyphs) -> String {
    guard cells > 0 else { return "" }
    guard DisplayWidth.of(value) > cells else { return value }
    let ellipsis = glyphs.ellipsis
    let room = cells - DisplayWidth.of(ellipsis)
    guard room > 0 else { return String(ellipsis.prefix(cells)) }
    return trimmingTrailingSpaces(leading(of: value, fitting: room, fromEnd: false).text) + ellipsis
  }

  /// Cuts text to a number of cells from the start, keeping its end: for input being typed.
  public static func truncatedAtStart(_ value: String, to cells: Int, _ glyphs: Glyphs) -> String {
    guard cells > 0 else { return "" }
    guard DisplayWidth.of(value) > cells else { return value }
    let ellipsis = glyphs.ellipsis
    let room = cells - DisplayWidth.of(ellipsis)
    guard room > 0 else { return String(ellipsis.prefix(cells)) }
    return ellipsis + leading(of: value, fitting: room, fromEnd: true).text
  }

  /// As much of the text's start (or its end) as fits in a number of cells, whole
  /// characters only, and the cells it takes. Stops at the first character that does not
  /// fit, so a long text is not walked to its end.
  private static func leading(of value: String, fitting cells: Int, fromEnd: Bool) -> (
    text: String, width: Int
  ) {
    func fit<Characters: Sequence<Character>>(_ characters: Characters) -> ([Character], Int) {
      var kept: [Character] = []
      var used = 0
      for character in characters {
        let width = DisplayWidth.of(character)
        if used + width > cells { break }
        kept.append(character)
        used += width
      }
      return (kept, used)
    }
    if fromEnd {
      let (kept, used) = fit(value.reversed())
      return (String(kept.reversed()), used)
    }
    let (kept, used) = fit(value)
    return (String(kept), used)
  }

  private static func trimmingTrailingSpaces(_ text: String) -> String {
    String(text.reversed().drop(while: { $0 == " " }).reversed())
  }
}
