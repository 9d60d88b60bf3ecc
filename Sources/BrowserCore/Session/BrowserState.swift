import MedlinePlus

/// Which half of the screen the arrow keys move.
public enum Focus: Hashable, Sendable {
  case sidebar
  case content
}

/// Everything the browser shows, and every change a key can make to it. Pure: no terminal,
/// no I/O; the session loop paints it and performs the effects `apply` returns.
public struct BrowserState: Sendable {
  public let page: Page
  public let sidebar: SidebarModel
  public let glyphs: Glyphs
  public private(set) var geometry: ScreenGeometry
  public private(set) var layout: ContentLayout
  public private(set) var focus: Focus = .content
  /// The first content line on screen.
  public private(set) var top = 0
  /// How many cells of wide preformatted lines are scrolled out to the left.
  public private(set) var left = 0
  /// The section being read (scroll-spy), highlighted in the sidebar.
  public private(set) var currentSection = 0
  /// The selected sidebar row (always a selectable one), or nil when nothing can be selected.
  public private(set) var selectedRow: Int?
  /// The first sidebar row shown.
  public private(set) var sidebarTop = 0
  /// The user's wish for the docked sidebar (`s` hides it on a wide screen).
  public private(set) var sidebarWanted = true
  /// On a narrow screen: the sidebar overlay is open.
  public private(set) var overlayOpen = false
  public private(set) var search: SearchState?
  /// A one-shot message for the status line, cleared by the next key.
  public private(set) var message: String?
  /// The link under the link cursor (index into `page.links`), shown while it is on screen.
  public private(set) var selectedLink: Int?
  /// A text medterm shows by itself (a card, a text without a pager), laid out already:
  /// there is no sidebar, and a resize folds its lines instead of laying out a page.
  public let text: PagerText?
  /// Places marked with `m` and a letter.
  public private(set) var marks: [Character: ReadingPosition] = [:]
  /// Where the last jump (top, bottom, a section, a match, a mark) started: `' '` goes back.
  public private(set) var lastJumpStart: ReadingPosition?

  /// The docked sidebar's width from `set sidebar-width`, or nil to fit the menu.
  public let sidebarWidth: Int?

  public init(
    page: Page, width: Int, height: Int, glyphs: Glyphs = .unicode, sidebarWidth: Int? = nil
  ) {
    self.page = page
    self.glyphs = glyphs
    self.sidebarWidth = sidebarWidth
    text = nil
    sidebar = SidebarModel(page: page)
    // A menu of one entry says nothing the header does not: the page gets the width, and
    // `s` still shows the sidebar.
    sidebarWanted = sidebar.selectableRows.count > 1
    geometry = ScreenGeometry(
      width: width, height: height, sidebarWanted: sidebarWanted,
      preferredSidebarWidth: sidebar.preferredWidth, fixedSidebarWidth: sidebarWidth)
    layout = ContentLayout(page: page, width: geometry.contentWidth, glyphs: glyphs)
    selectedRow = sidebar.selectableRows.first
  }

  /// A text to read in medterm itself: no sidebar, the text's title on top.
  public init(text: PagerText, width: Int, height: Int) {
    self.text = text
    glyphs = text.glyphs
    sidebarWidth = nil
    page = Page(
      title: text.title, format: .markdown,
      sections: [Section(id: "text", title: text.title, level: 1, blocks: [])])
    sidebar = SidebarModel(page: Page(title: "", format: .markdown))
    sidebarWanted = false
    geometry = ScreenGeometry(width: width, height: height, sidebarWanted: false)
    layout = ContentLayout(lines: text.styledLines, width: geometry.contentWidth)
    selectedRow = nil
  }

  /// True for a text rather than a page.
  public var isText: Bool { text != nil }

  // MARK: Derived values

  /// The largest `top` that still fills the body with text.
  public var maximumTop: Int { max(0, layout.lines.count - geometry.bodyHeight) }

  /// True when the sidebar is on screen (docked, or the overlay is open).
  public var sidebarVisible: Bool {
    switch geometry.placement {
    case .docked: true
    case .hidden: false
    case .overlay: overlayOpen
    }
  }

  /// How far through the page the bottom of the screen is, 0–100.
  public var percentThrough: Int {
    let total = layout.lines.count
    guard total > geometry.bodyHeight else { return 100 }
    return min(100, (min(total, top + geometry.bodyHeight) * 100) / total)
  }

  // MARK: Commands

  /// Esc: closes the narrow screen's sidebar, else clears the search. False when there was
  /// nothing to clear.
  public mutating func dismiss() -> Bool {
    message = nil
    if overlayOpen {
      overlayOpen = false
      focus = .content
      return true
    }
    guard search != nil else { return false }
    search = nil
    return true
  }

  /// Runs a command of the page; commands that need a prompt or the session are the page
  /// view's, and ring the bell here.
  public mutating func apply(_ command: Command) -> Effect {
    message = nil
    switch command {
    case .lineDown: return focus == .sidebar ? moveSelection(by: 1) : scroll(by: 1)
    case .lineUp: return focus == .sidebar ? moveSelection(by: -1) : scroll(by: -1)
    case .pageDown:
      return focus == .sidebar
        ? moveSelection(by: geometry.sidebarListHeight)
        : scroll(by: max(1, geometry.bodyHeight - 1))
    case .pageUp:
      return focus == .sidebar
        ? moveSelection(by: -geometry.sidebarListHeight)
        : scroll(by: -max(1, geometry.bodyHeight - 1))
    case .scrollRight, .scrollLeft:
      return scrollSideways(by: (command == .scrollRight ? 1 : -1) * max(4, layout.width / 2))
    case .halfPageDown: return scroll(by: max(1, geometry.bodyHeight / 2))
    case .halfPageUp: return scroll(by: -max(1, geometry.bodyHeight / 2))
    case .top:
      if focus == .sidebar { return moveSelection(by: -sidebar.rows.count) }
      return jump { $0.scroll(to: 0) }
    case .bottom:
      if focus == .sidebar { return moveSelection(by: sidebar.rows.count) }
      return jump { $0.scroll(to: $0.maximumTop) }
    case .toggleFocus:
      guard !isText else { return .bell }
      if geometry.placement == .docked {
        focus = focus == .sidebar ? .content : .sidebar
      } else {
        overlayOpen.toggle()
        focus = overlayOpen ? .sidebar : .content
        if geometry.placement == .hidden {
          sidebarWanted = true; resize(width: geometry.width, height: geometry.height)
        }
      }
      if focus == .sidebar { selectedRow = sidebar.row(forSection: currentSection) ?? selectedRow }
      revealSelection()
      return .none
    case .activate:
      if focus == .content || !sidebarVisible { return openSelectedLink() }
      guard let row = selectedRow, let section = sidebar.rows[row].section else {
        return .bell
      }
      go(toSection: section)
      focus = .content
      overlayOpen = false
      return .none
    case .nextSection, .previousSection:
      let step = command == .nextSection ? 1 : -1
      let target = currentSection + step
      guard page.sections.indices.contains(target) else { return .bell }
      return jump {
        $0.go(toSection: target)
        return .none
      }
    case .toggleSidebar:
      // A text has no menu to open.
      guard !isText else { return .bell }
      switch geometry.placement {
      case .docked, .hidden:
        sidebarWanted.toggle()
        resize(width: geometry.width, height: geometry.height)
        if !sidebarWanted { focus = .content }
      case .overlay:
        overlayOpen.toggle()
        focus = overlayOpen ? .sidebar : .content
        if overlayOpen { selectedRow = sidebar.row(forSection: currentSection) ?? selectedRow }
      }
      revealSelection()
      return .none
    case .nextMatch, .previousMatch:
      guard let search else {
        message = "no previous search (press / to search)"
        return .bell
      }
      let backward = search.backward != (command == .previousMatch)
      return jump { $0.jumpToMatch(backward: backward, skippingCurrent: true) }
    case .nextLink, .previousLink:
      return moveLinkCursor(forward: command == .nextLink)
    case .openLink:
      return openSelectedLink()
    case .listLinks:
      guard !page.links.isEmpty else {
        message = "this page has no links"
        return .bell
      }
      return .listLinks
    case .copyLink:
      guard let link = visibleSelectedLink else {
        message = "no link selected; } selects the next one"
        return .bell
      }
      guard let url = page.links[link].url else {
        message = "link \(link + 1) has no address in this copy"
        return .bell
      }
      message = "copied to the clipboard: \(url)"
      if let spanish = page.links[link].spanishURL, !spanish.isEmpty {
        message = (message ?? "") + "; in Spanish: \(spanish) (t opens it)"
      }
      return .copy(url)
    default:
      return .bell
    }
  }

  /// The furthest the wide lines can be scrolled sideways.
  public var maximumLeft: Int { max(0, layout.widestLine - layout.width) }

  private mutating func scrollSideways(by cells: Int) -> Effect {
    guard layout.widestLine > layout.width else {
      message = "no line here is wider than the screen"
      return .bell
    }
    let target = min(max(0, left + cells), maximumLeft)
    guard target != left else { return .bell }
    left = target
    return .none
  }

  /// Shows a message on the status line until the next key.
  public mutating func say(_ text: String?) {
    message = text
  }

  /// Folds the sidebar away (the built-in pager has no outline worth showing).
  public mutating func hideSidebar() {
    sidebarWanted = false
    focus = .content
    resize(width: geometry.width, height: geometry.height)
  }

  // MARK: Links

  /// The selected link when it is on screen.
  public var visibleSelectedLink: Int? {
    guard let link = selectedLink, isOnScreen(link) else { return nil }
    return link
  }

  private func isOnScreen(_ link: Int) -> Bool {
    guard let regions = layout.linkRegions[link] else { return false }
    let bottom = top + geometry.bodyHeight
    return regions.contains { $0.line >= top && $0.line < bottom }
  }

  /// Selects the next (or previous) link in reading order: after the selected one when it
  /// is on screen, else the first (or last) one on screen or beyond, and scrolls to it.
  private mutating func moveLinkCursor(forward: Bool) -> Effect {
    // Scans from the cursor and stops at the first hit, without collecting the shown links
    // first: on a page of a million links that array cost 350 ms per keypress.
    let lines = layout.linkLines
    guard lines.contains(where: { $0 != nil }) else {
      message = "this page has no links"
      return .bell
    }
    let candidate: Int?
    if let current = visibleSelectedLink {
      candidate =
        forward
        ? lines.indices[(current + 1)...].first { lines[$0] != nil }
        : lines.indices[..<current].last { lines[$0] != nil }
    } else if forward {
      candidate = lines.indices.first { lines[$0].map { $0 >= top } ?? false }
    } else {
      let bottom = top + geometry.bodyHeight
      candidate = lines.indices.last { lines[$0].map { $0 < bottom } ?? false }
    }
    guard let link = candidate else {
      message = forward ? "no more links below" : "no more links above"
      return .bell
    }
    select(link)
    return .none
  }

  /// Shows a section from its heading, as Enter in the sidebar does (a link to `#anchor`).
  public mutating func show(section: Int) {
    go(toSection: section)
  }

  /// Shows a place inside a section (a link to `#ref-1` where no section starts) on the top
  /// line; false when the page has no such place.
  public mutating func show(place name: String) -> Bool {
    guard let line = layout.placeLines[name] else { return false }
    top = line
    left = 0
    currentSection = sectionBeingRead()
    followScrollSpy()
    return true
  }

  /// Selects a link and scrolls just enough to show it (sideways too, on a wide line).
  public mutating func select(_ link: Int) {
    guard page.links.indices.contains(link), let line = layout.linkLines[link] else { return }
    selectedLink = link
    let bottom = top + geometry.bodyHeight - 1
    if line < top {
      top = line
    } else if line > bottom {
      top = min(line - geometry.bodyHeight + 3, max(maximumTop, line))
    }
    top = max(0, top)
    if layout.lines[line].isWide, let region = layout.linkRegions[link]?.first {
      if region.start < left || region.end > left + layout.width {
        left = min(maximumLeft, max(0, region.start - layout.width / 3))
      }
    }
    currentSection = sectionBeingRead()
    followScrollSpy()
  }

  private mutating func openSelectedLink() -> Effect {
    guard let link = visibleSelectedLink else {
      message = "no link selected; } selects the next one, or type its number"
      return .bell
    }
    return .openLink(link)
  }

  // MARK: Resizing

  /// Lays the page out for a new size, keeping the reading position: the same section, the
  /// same fraction of the way through it.
  public mutating func resize(width: Int, height: Int) {
    let oldSection = layout.section(atLine: top)
    let oldStart = layout.sectionStarts.isEmpty ? 0 : layout.sectionStarts[oldSection]
    let oldLength = sectionLength(oldSection)
    let fraction = oldLength > 0 ? Double(top - oldStart) / Double(oldLength) : 0
    let newGeometry = ScreenGeometry(
      width: width, height: height, sidebarWanted: sidebarWanted,
      preferredSidebarWidth: sidebar.preferredWidth, fixedSidebarWidth: sidebarWidth)
    let relayout = newGeometry.contentWidth != geometry.contentWidth
    geometry = newGeometry
    if geometry.placement != .overlay { overlayOpen = false }
    if geometry.placement == .hidden && focus == .sidebar { focus = .content }
    if relayout {
      layout = ContentLayout(page: page, width: geometry.contentWidth, glyphs: glyphs)
      if !layout.sectionStarts.isEmpty {
        let start = layout.sectionStarts[oldSection]
        top = start + Int((fraction * Double(sectionLength(oldSection))).rounded(.down))
      }
      if var search {
        search.find(in: layout.lines)
        self.search = search
      }
    }
    top = min(top, max(maximumTop, sectionStartOrZero(currentSection)))
    top = max(0, top)
    left = min(left, maximumLeft)
    revealSelection()
  }

  // MARK: Private helpers

  private func sectionLength(_ section: Int) -> Int {
    guard layout.sectionStarts.indices.contains(section) else { return 0 }
    let start = layout.sectionStarts[section]
    let end =
      section + 1 < layout.sectionStarts.count
      ? layout.sectionStarts[section + 1] : layout.lines.count
    return max(0, end - start)
  }

  private func sectionStartOrZero(_ section: Int) -> Int {
    layout.sectionStarts.indices.contains(section) ? layout.sectionStarts[section] : 0
  }

  private mutating func scroll(by lines: Int) -> Effect {
    if lines > 0 {
      // After a jump to a section near the end, `top` may already be past the usual bottom.
      guard top < maximumTop else { return .bell }
      return scroll(to: min(top + lines, maximumTop))
    }
    return scroll(to: max(0, top + lines))
  }

  private mutating func scroll(to line: Int) -> Effect {
    let target = max(0, line)
    guard target != top else { return .bell }
    top = target
    currentSection = sectionBeingRead()
    followScrollSpy()
    return .none
  }

  /// The section at the top of the screen; at the bottom of the page, the last section whose
  /// heading is on screen, since the reader's eye is there and the page cannot scroll on.
  private func sectionBeingRead() -> Int {
    let atTop = layout.section(atLine: top)
    // Scrolled to the end, the last heading in view is the one being read; a page that
    // fits the screen has not been scrolled at all, so it is read from its first section.
    guard top >= maximumTop && top > 0 else { return atTop }
    let bottom = top + geometry.bodyHeight
    return layout.sectionStarts.lastIndex { $0 >= top && $0 < bottom } ?? atTop
  }

  /// Puts a section's heading on the first line; near the end of the page the screen may then
  /// show less than a full page, so the heading is where the eye expects it.
  private mutating func go(toSection section: Int) {
    guard layout.sectionStarts.indices.contains(section) else { return }
    top = layout.sectionStarts[section]
    currentSection = section
    followScrollSpy()
  }

  /// The sidebar's cursor follows the section being read, whichever half has the focus:
  /// after `]` or a search with the sidebar focused, Enter goes on from where the reader is.
  private mutating func followScrollSpy() {
    let current = selectedRow.flatMap { sidebar.rows[$0].section }
    if current != currentSection, let row = sidebar.row(forSection: currentSection) {
      selectedRow = row
    }
    revealSelection()
  }

  /// Moves the sidebar selection to the next selectable row, and shows its section.
  private mutating func moveSelection(by steps: Int) -> Effect {
    let selectable = sidebar.selectableRows
    guard !selectable.isEmpty else { return .bell }
    let position = selectedRow.flatMap { selectable.firstIndex(of: $0) } ?? 0
    let target = min(max(0, position + steps), selectable.count - 1)
    guard target != position || selectedRow == nil else { return .bell }
    selectedRow = selectable[target]
    if let section = sidebar.rows[selectable[target]].section { go(toSection: section) }
    return .none
  }

  /// Scrolls the sidebar so the selected row (and its group title, when it fits) shows.
  private mutating func revealSelection() {
    let height = geometry.sidebarListHeight
    let maxTop = max(0, sidebar.rows.count - height)
    guard let row = selectedRow else {
      sidebarTop = min(sidebarTop, maxTop)
      return
    }
    if row < sidebarTop + 1 { sidebarTop = max(0, row - 1) }
    if row >= sidebarTop + height { sidebarTop = row - height + 1 }
    sidebarTop = min(max(0, sidebarTop), maxTop)
  }

  // MARK: What prompts ask for

  /// Link `number` (1-based, as shown): selected, and the caller follows it.
  public mutating func selectLink(number: Int) -> Bool {
    guard page.links.indices.contains(number - 1), layout.linkLines[number - 1] != nil else {
      message =
        page.links.isEmpty
        ? "this page has no links"
        : "there is no link \(number) on this page (1–\(page.links.count))"
      return false
    }
    select(number - 1)
    return true
  }

  /// Searches for a query (an empty one repeats the last search) and shows the first match.
  public mutating func search(_ query: String, backward: Bool) -> Effect {
    let query = query.isEmpty ? search?.query ?? "" : query
    guard !query.isEmpty else { return .none }
    var state = SearchState(query: query, backward: backward)
    state.find(in: layout.lines)
    search = state
    guard !state.matches.isEmpty else {
      message = "Pattern not found: \(query)"
      return .bell
    }
    return jump { $0.jumpToMatch(backward: backward, skippingCurrent: false) }
  }

  /// Puts the line `percent` of the way through the page at the top, as less's `50%` does.
  public mutating func goTo(percent: Int) -> Effect {
    guard (0...100).contains(percent) else {
      message = "a percentage is 0 to 100"
      return .bell
    }
    let line = layout.lines.count * percent / 100
    return jump { $0.scroll(to: min(line, $0.maximumTop)) }
  }

  /// Marks the place on screen with a letter.
  public mutating func setMark(_ letter: Character) -> Effect {
    guard letter.isLetter else {
      message = "a mark is a letter"
      return .bell
    }
    marks[letter] = position
    message = "marked \(letter)"
    return .none
  }

  /// Goes to a marked place; `'` goes to where the last jump started.
  public mutating func goToMark(_ letter: Character) -> Effect {
    let target = letter == "'" ? lastJumpStart : marks[letter]
    guard let target else {
      message = letter == "'" ? "no jump to go back from yet" : "no mark \(letter) on this page"
      return .bell
    }
    return jump { $0.restore(target) }
  }

  /// Runs a move that takes the reader somewhere else on the page, remembering where it
  /// started so that `' '` comes back.
  private mutating func jump(_ move: (inout BrowserState) -> Effect) -> Effect {
    let start = position
    let effect = move(&self)
    if effect != .bell && position != start { lastJumpStart = start }
    return effect
  }

  // MARK: Reading positions

  /// Where the reader is: the section at the top of the screen and how far into it, which
  /// survives a resize, a relayout and (by the section's id) a new run.
  public var position: ReadingPosition {
    let section = layout.section(atLine: top)
    let start = sectionStartOrZero(section)
    let id = page.sections.indices.contains(section) ? page.sections[section].id : ""
    return ReadingPosition(
      sectionID: id, section: section, offset: top - start, sectionLength: sectionLength(section))
  }

  /// Goes back to a position: the section by its id (else its index), the same share of
  /// the way through it.
  @discardableResult
  public mutating func restore(_ position: ReadingPosition) -> Effect {
    let byID = page.sections.firstIndex { $0.id == position.sectionID && !$0.id.isEmpty }
    guard
      let section = byID
        ?? (layout.sectionStarts.indices.contains(position.section)
          ? position.section : nil)
    else { return .bell }
    let length = sectionLength(section)
    let offset =
      position.sectionLength > 0 && length != position.sectionLength
      ? position.offset * length / position.sectionLength : position.offset
    let line = sectionStartOrZero(section) + min(max(0, offset), max(0, length - 1))
    top = min(max(0, line), max(maximumTop, sectionStartOrZero(section)))
    currentSection = sectionBeingRead()
    followScrollSpy()
    return .none
  }

  private mutating func jumpToMatch(backward: Bool, skippingCurrent: Bool) -> Effect {
    guard var search else { return .bell }
    guard !search.matches.isEmpty else {
      message = "Pattern not found: \(search.query)"
      return .bell
    }
    let bottom = top + geometry.bodyHeight - 1
    let result: (index: Int, wrapped: Bool)?
    if skippingCurrent, let current = search.current {
      let count = search.matches.count
      let next = backward ? current - 1 : current + 1
      result = ((next + count) % count, next < 0 || next >= count)
    } else {
      result = search.nextMatch(from: backward ? bottom : top, backward: backward)
    }
    guard let (index, wrapped) = result else { return .bell }
    search.current = index
    self.search = search
    // The match is what the reader asked to see; a narrow screen's sidebar would cover it.
    if overlayOpen {
      overlayOpen = false
      focus = .content
    }
    let match = search.matches[index]
    let line = match.line
    if line < top || line > bottom {
      top = min(line, max(maximumTop, line))
      currentSection = sectionBeingRead()
      followScrollSpy()
    }
    // A match far along a wide line: the line scrolls sideways to show it.
    if layout.lines[line].isWide {
      if match.start < left || match.start + match.width > left + layout.width {
        left = min(maximumLeft, max(0, match.start - layout.width / 3))
      }
    } else if left > 0
      && !layout.lines[top..<min(layout.lines.count, top + geometry.bodyHeight)]
        .contains(where: \.isWide)
    {
      left = 0
    }
    let position = "match \(index + 1) of \(search.matches.count)"
    message =
      wrapped ? "\(position), search wrapped to the \(backward ? "bottom" : "top")" : position
    return .none
  }

  /// A click or the wheel.
  public mutating func mouse(_ event: MouseEvent) -> Effect {
    switch event.kind {
    case .wheelUp: return scroll(by: -3)
    case .wheelDown: return scroll(by: 3)
    case .click:
      let inSidebar = sidebarVisible && event.x < geometry.sidebarWidth
      guard inSidebar else {
        focus = .content
        overlayOpen = false
        return .none
      }
      let row = sidebarTop + (event.y - geometry.bodyTop - 1)
      guard sidebar.rows.indices.contains(row), let section = sidebar.rows[row].section else {
        return .bell
      }
      selectedRow = row
      go(toSection: section)
      focus = geometry.placement == .docked ? .sidebar : .content
      if geometry.placement == .overlay { overlayOpen = false }
      return .none
    }
  }

}
