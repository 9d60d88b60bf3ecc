import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// Command sequences on the seed page → the state a user expects.
@Suite struct BrowserStateTests {
  private func state(_ width: Int = 100, _ height: Int = 30) -> BrowserState {
    BrowserState(page: Pages.seed, width: width, height: height)
  }

  private func section(_ state: BrowserState) -> String {
    state.page.sections[state.currentSection].title
  }

  @Test func startsAtTheTopReadingSummaryWithFocusOnContent() {
    let start = state()
    #expect(start.top == 0)
    #expect(start.focus == .content)
    #expect(section(start) == "Summary")
    #expect(start.selectedRow.map { start.sidebar.rows[$0].title } == "Summary")
  }

  /// A page that fits the screen has not been scrolled: selecting a link in its first
  /// section must not make the scroll-spy jump to the last one.
  @Test func aPageThatFitsIsReadFromItsFirstSection() {
    let html =
      "<!DOCTYPE html><html><body><h1>T</h1><p><a href='https://example.com/'>abs</a> text</p>"
      + "<h2>Sec</h2><p>x</p></body></html>"
    var browser = BrowserState(page: Pages.page(Array(html.utf8)), width: 60, height: 12)
    #expect(browser.page.sections[browser.currentSection].title == "T")
    _ = browser.press(.character("}"))
    #expect(browser.page.sections[browser.currentSection].title == "T")
    _ = browser.press(.character("]"))
    #expect(browser.page.sections[browser.currentSection].title == "Sec")
  }

  @Test func sidebarRowsAreThePagesOwnMenu() {
    let rows = state().sidebar.rows
    let groups = rows.filter { $0.kind == .group }.map(\.title)
    #expect(groups == MedlinePlusCatalog.groups + [SidebarModel.moreGroupTitle])
    #expect(rows.filter { $0.section != nil }.count == 15)
    #expect(rows.contains { $0.kind == .noLinks })
  }

  @Test func arrowKeysInTheSidebarBrowseSections() {
    var browser = state()
    _ = browser.press(.tab)
    #expect(browser.focus == .sidebar)
    _ = browser.press(.down)
    _ = browser.press(.down)
    #expect(section(browser) == "Diagnosis and Tests")
    #expect(browser.top == browser.layout.sectionStarts[2])
    // Group titles and "No links available" are skipped.
    for _ in 0..<4 { _ = browser.press(.down) }
    #expect(section(browser) == "Clinical Trials")
    _ = browser.press(.enter)
    #expect(browser.focus == .content)
  }

  @Test func jumpToFindAnExpertFromTheSidebar() {
    var browser = state()
    _ = browser.press(.tab)
    while browser.selectedRow.map({ browser.sidebar.rows[$0].title }) != "Find an Expert" {
      guard browser.press(.down) == .none else { break }
    }
    _ = browser.press(.enter)
    #expect(section(browser) == "Find an Expert")
    let composed = ScreenComposer.compose(browser)
    #expect(composed.rowText(1).contains("│ Find an Expert"))
  }

  @Test func scrollSpyFollowsTheContent() {
    var browser = state()
    var seen: [String] = []
    while browser.press(.character("j")) == .none {
      if seen.last != section(browser) { seen.append(section(browser)) }
    }
    #expect(seen.first == "Summary")
    #expect(seen.contains("Journal Articles"))
    #expect(seen.last == "National Institutes of Health")
    #expect(browser.top == browser.maximumTop)
    #expect(
      browser.selectedRow.map { browser.sidebar.rows[$0].title } == "National Institutes of Health")
  }

  @Test func bracketsMoveBetweenSectionsFromAnywhere() {
    var browser = state()
    _ = browser.press(.character("]"))
    _ = browser.press(.character("]"))
    #expect(section(browser) == "Diagnosis and Tests")
    _ = browser.press(.character("["))
    #expect(section(browser) == "Start Here")
    _ = browser.press(.character("["))
    #expect(browser.press(.character("[")) == .bell)
  }

  @Test func pagingAndEnds() {
    var browser = state(100, 30)
    _ = browser.press(.pageDown)
    #expect(browser.top == 27)
    _ = browser.press(.control("u"))
    #expect(browser.top == 13)
    _ = browser.press(.end)
    #expect(browser.top == browser.maximumTop)
    #expect(browser.percentThrough == 100)
    _ = browser.press(.home)
    #expect(browser.top == 0)
    #expect(browser.press(.up) == .bell)
    _ = browser.press(.character("G"))
    #expect(browser.top == browser.maximumTop)
    _ = browser.press(.character("<"))
    #expect(browser.top == 0)
  }

  @Test func searchIsCaseInsensitiveUnlessTheQueryHasACapital() {
    let reader = Harness(Pages.seed).press("/crutches Enter")
    #expect(reader.state.search?.matches.count == 1)
    #expect(reader.state.message == "match 1 of 1")
    let sensitive = Harness(Pages.seed).press("/Osteonecrosis Enter")
    let insensitive = Harness(Pages.seed).press("/osteonecrosis Enter")
    let exact = sensitive.state.search?.matches.count ?? 0
    let loose = insensitive.state.search?.matches.count ?? 0
    #expect(exact > 3)
    #expect(loose > exact)
  }

  @Test func nextAndPreviousMatchWrapAround() {
    let reader = Harness(Pages.seed).press("/national Enter")
    let total = reader.state.search?.matches.count ?? 0
    #expect(total > 4)
    for _ in 1..<total { reader.press("n") }
    #expect(reader.state.search?.current == total - 1)
    reader.press("n")
    #expect(reader.state.search?.current == 0)
    #expect(reader.state.message?.contains("wrapped") == true)
    reader.press("N")
    #expect(reader.state.search?.current == total - 1)
  }

  /// Below 60 columns the sidebar opens over the whole body: a match found while it is open
  /// must not stay hidden under it (the tester saw the overlay and two markers instead).
  @Test func aSearchClosesTheNarrowSidebarOverlayToShowTheMatch() {
    let reader = Harness(Pages.mercurial, width: 40, height: 12).press("Tab /clone Enter")
    #expect(!reader.state.overlayOpen)
    #expect(reader.state.focus == .content)
    #expect(reader.state.message == "match 1 of 11")
    let shown = reader.screen.plainText
    #expect(shown.contains("clone"))
    #expect(!shown.contains("On this page"))
    #expect(!shown.contains(reader.state.glyphs.selectionMarker))
    // n and N close it too, when Tab has opened it again.
    reader.press("Tab n")
    #expect(!reader.state.overlayOpen)
    #expect(reader.state.message == "match 2 of 11")
    reader.press("Tab N")
    #expect(!reader.state.overlayOpen)
    #expect(reader.state.message == "match 1 of 11")
  }

  @Test func backwardSearchAndEscapeCancels() {
    let reader = Harness(Pages.seed).press("End \\ Summary Enter")
    #expect(reader.state.search?.backward == true)
    #expect(reader.state.top < reader.state.maximumTop)
    let cancelled = Harness(Pages.seed).press("/abc")
    #expect((cancelled.top as? PromptView)?.editor.text == "abc")
    #expect(cancelled.status == "/abc")
    cancelled.press("Esc")
    #expect(cancelled.top.kind == .page)
    #expect(cancelled.state.search == nil)
  }

  @Test func notFoundSaysSo() {
    let reader = Harness(Pages.seed).press("/zzzzqqq Enter")
    #expect(reader.state.message == "Pattern not found: zzzzqqq")
    #expect(reader.status.contains("Pattern not found: zzzzqqq"))
  }

  /// With the sidebar focused, `]` and a search move the sidebar's cursor with the content,
  /// so that Enter goes on from where the reader is (it used to jump back to Summary).
  @Test func theSidebarCursorFollowsJumpsMadeWhileItHasTheFocus() {
    let reader = Harness(Pages.seed).press("Tab ] ]")
    #expect(reader.state.focus == .sidebar)
    let title = { reader.state.selectedRow.map { reader.state.sidebar.rows[$0].title } }
    #expect(title() == "Diagnosis and Tests")
    reader.press("/crutches Enter")
    #expect(title() == reader.state.page.sections[reader.state.currentSection].title)
    let reading = reader.state.currentSection
    reader.press("Enter")
    #expect(reader.state.currentSection == reading)
    #expect(reader.state.focus == .content)
  }

  /// less's marks: `m` and a letter marks the place, `'` and the letter comes back, `' '`
  /// returns to where the last jump started; `%` goes to a share of the page.
  @Test func marksAndPercentagesAsInLess() {
    let reader = Harness(Pages.seed).press("] ] ] m a G")
    let marked = reader.state.page.sections[3].title
    #expect(reader.state.top == reader.state.maximumTop)
    reader.press("' a")
    #expect(reader.state.page.sections[reader.state.currentSection].title == marked)
    reader.press("' '")
    #expect(reader.state.top == reader.state.maximumTop)
    reader.press("% 5 0 Enter")
    #expect(reader.state.top == reader.state.layout.lines.count / 2)
    reader.press("' z")
    #expect(reader.state.message == "no mark z on this page")
  }

  @Test func resizeKeepsTheReadingPosition() {
    var browser = state(100, 30)
    for _ in 0..<6 { _ = browser.press(.character("]")) }
    let before = section(browser)
    browser.resize(width: 50, height: 20)
    #expect(section(browser) == before)
    #expect(browser.layout.section(atLine: browser.top) == browser.currentSection)
    browser.resize(width: 160, height: 50)
    #expect(section(browser) == before)
  }

  @Test func helpOpensAndAnyKeyCloses() {
    let reader = Harness(Pages.seed).press("?")
    #expect(reader.top.kind == .help)
    let composed = reader.screen.plainText
    #expect(composed.contains("Keys: Page"))
    #expect(composed.contains("next sidebar entry"))
    reader.press("x")
    #expect(reader.top.kind == .page)
  }

  @Test func quitRepaintAndKeysThatDoNothing() {
    let reader = Harness(Pages.seed).press("Z")
    #expect(reader.status.contains("Z does nothing here; ? for help"))
    let quitting = Harness(Pages.seed)
    quitting.session.press(.character("q"))
    #expect(quitting.session.isFinished)
    #expect(Keymap.standard.command(for: .control("l"), in: .page) == .redraw)
  }

  @Test func mouseClickSelectsASidebarEntry() {
    var browser = state(100, 30)
    let row = browser.sidebar.rows.firstIndex { $0.title == "Genetics" } ?? 0
    let y = browser.geometry.bodyTop + 1 + row - browser.sidebarTop
    _ = browser.press(.mouse(MouseEvent(kind: .click, x: 3, y: y)))
    #expect(section(browser) == "Genetics")
    _ = browser.press(.mouse(MouseEvent(kind: .wheelDown, x: 50, y: 10)))
    #expect(browser.top == browser.layout.sectionStarts[5] + 3)
  }
}
