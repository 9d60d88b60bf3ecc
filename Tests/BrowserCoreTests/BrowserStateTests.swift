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
    _ = browser.handle(.character("}"))
    #expect(browser.page.sections[browser.currentSection].title == "T")
    _ = browser.handle(.character("]"))
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
    _ = browser.handle(.tab)
    #expect(browser.focus == .sidebar)
    _ = browser.handle(.down)
    _ = browser.handle(.down)
    #expect(section(browser) == "Diagnosis and Tests")
    #expect(browser.top == browser.layout.sectionStarts[2])
    // Group titles and "No links available" are skipped.
    for _ in 0..<4 { _ = browser.handle(.down) }
    #expect(section(browser) == "Clinical Trials")
    _ = browser.handle(.enter)
    #expect(browser.focus == .content)
  }

  @Test func jumpToFindAnExpertFromTheSidebar() {
    var browser = state()
    _ = browser.handle(.tab)
    while browser.selectedRow.map({ browser.sidebar.rows[$0].title }) != "Find an Expert" {
      guard browser.handle(.down) == .none else { break }
    }
    _ = browser.handle(.enter)
    #expect(section(browser) == "Find an Expert")
    let composed = ScreenComposer.compose(browser)
    #expect(composed.rowText(1).contains("│ Find an Expert"))
  }

  @Test func scrollSpyFollowsTheContent() {
    var browser = state()
    var seen: [String] = []
    while browser.handle(.character("j")) == .none {
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
    _ = browser.handle(.character("]"))
    _ = browser.handle(.character("]"))
    #expect(section(browser) == "Diagnosis and Tests")
    _ = browser.handle(.character("["))
    #expect(section(browser) == "Start Here")
    _ = browser.handle(.character("["))
    #expect(browser.handle(.character("[")) == .bell)
  }

  @Test func pagingAndEnds() {
    var browser = state(100, 30)
    _ = browser.handle(.pageDown)
    #expect(browser.top == 27)
    _ = browser.handle(.control("u"))
    #expect(browser.top == 13)
    _ = browser.handle(.end)
    #expect(browser.top == browser.maximumTop)
    #expect(browser.percentThrough == 100)
    _ = browser.handle(.character("g"))
    #expect(browser.top == 0)
    #expect(browser.handle(.up) == .bell)
  }

  @Test func searchIsCaseInsensitiveUnlessTheQueryHasACapital() {
    var browser = state()
    for key in Key.script("/crutches Enter") { _ = browser.handle(key) }
    #expect(browser.search?.matches.count == 1)
    #expect(browser.message == "match 1 of 1")
    var sensitive = state()
    for key in Key.script("/Osteonecrosis Enter") { _ = sensitive.handle(key) }
    var insensitive = state()
    for key in Key.script("/osteonecrosis Enter") { _ = insensitive.handle(key) }
    let exact = sensitive.search?.matches.count ?? 0
    let loose = insensitive.search?.matches.count ?? 0
    #expect(exact > 3)
    #expect(loose > exact)
  }

  @Test func nextAndPreviousMatchWrapAround() {
    var browser = state()
    for key in Key.script("/national Enter") { _ = browser.handle(key) }
    let total = browser.search?.matches.count ?? 0
    #expect(total > 4)
    for _ in 1..<total { _ = browser.handle(.character("n")) }
    #expect(browser.search?.current == total - 1)
    _ = browser.handle(.character("n"))
    #expect(browser.search?.current == 0)
    #expect(browser.message?.contains("wrapped") == true)
    _ = browser.handle(.character("N"))
    #expect(browser.search?.current == total - 1)
  }

  /// Below 60 columns the sidebar opens over the whole body: a match found while it is open
  /// must not stay hidden under it (the tester saw the overlay and two markers instead).
  @Test func aSearchClosesTheNarrowSidebarOverlayToShowTheMatch() {
    var browser = BrowserState(page: Pages.mercurial, width: 40, height: 12)
    for key in Key.script("Tab /clone Enter") { _ = browser.handle(key) }
    #expect(!browser.overlayOpen)
    #expect(browser.focus == .content)
    #expect(browser.message == "match 1 of 11")
    let shown = ScreenComposer.compose(browser).plainText
    #expect(shown.contains("clone"))
    #expect(!shown.contains("On this page"))
    #expect(!shown.contains(browser.glyphs.selectionMarker))
    // n and N close it too, when Tab has opened it again.
    for key in Key.script("Tab n") { _ = browser.handle(key) }
    #expect(!browser.overlayOpen)
    #expect(browser.message == "match 2 of 11")
    for key in Key.script("Tab N") { _ = browser.handle(key) }
    #expect(!browser.overlayOpen)
    #expect(browser.message == "match 1 of 11")
  }

  @Test func backwardSearchAndEscapeCancels() {
    var browser = state()
    _ = browser.handle(.end)
    for key in Key.script("\\ Summary Enter") { _ = browser.handle(key) }
    #expect(browser.search?.backward == true)
    #expect(browser.top < browser.maximumTop)
    var cancelled = state()
    for key in Key.script("/abc") { _ = cancelled.handle(key) }
    #expect(cancelled.prompt?.text == "abc")
    _ = cancelled.handle(.escape)
    #expect(cancelled.prompt == nil)
    #expect(cancelled.search == nil)
  }

  @Test func notFoundSaysSo() {
    var browser = state()
    var effects: [Effect] = []
    for key in Key.script("/zzzzqqq Enter") { effects.append(browser.handle(key)) }
    #expect(effects.last == .bell)
    #expect(browser.message == "Pattern not found: zzzzqqq")
  }

  @Test func resizeKeepsTheReadingPosition() {
    var browser = state(100, 30)
    for _ in 0..<6 { _ = browser.handle(.character("]")) }
    let before = section(browser)
    browser.resize(width: 50, height: 20)
    #expect(section(browser) == before)
    #expect(browser.layout.section(atLine: browser.top) == browser.currentSection)
    browser.resize(width: 160, height: 50)
    #expect(section(browser) == before)
  }

  @Test func helpOpensAndAnyKeyCloses() {
    var browser = state()
    _ = browser.handle(.character("?"))
    #expect(browser.helpTop == 0)
    let composed = ScreenComposer.compose(browser)
    #expect(composed.plainText.contains("medterm keys"))
    #expect(composed.plainText.contains("next sidebar entry"))
    _ = browser.handle(.character("x"))
    #expect(browser.helpTop == nil)
  }

  @Test func quitAndRepaint() {
    var browser = state()
    #expect(browser.handle(.character("q")) == .quit)
    #expect(browser.handle(.control("l")) == .repaint)
    #expect(browser.handle(.character("Z")) == .bell)
  }

  @Test func mouseClickSelectsASidebarEntry() {
    var browser = state(100, 30)
    let row = browser.sidebar.rows.firstIndex { $0.title == "Genetics" } ?? 0
    let y = browser.geometry.bodyTop + 1 + row - browser.sidebarTop
    _ = browser.handle(.mouse(MouseEvent(kind: .click, x: 3, y: y)))
    #expect(section(browser) == "Genetics")
    _ = browser.handle(.mouse(MouseEvent(kind: .wheelDown, x: 50, y: 10)))
    #expect(browser.top == browser.layout.sectionStarts[5] + 3)
  }
}
