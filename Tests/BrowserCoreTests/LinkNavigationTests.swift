import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// The link cursor, link numbers and the status line, on real pages.
@Suite struct LinkNavigationTests {
  private func state(_ page: Page = Pages.seed, _ width: Int = 100, _ height: Int = 30)
    -> BrowserState
  {
    BrowserState(page: page, width: width, height: height)
  }

  @Test func inlineLinksShowTheirNumbers() {
    let browser = state(Pages.file("diabetesmedicines.docling.md"))
    let text = browser.layout.lines.map(\.plainText).joined(separator: "\n")
    #expect(text.contains("[1]Diabetes is a disease"))
    #expect(text.contains("[9] Diabetes Medications"))
  }

  @Test func braceSelectsTheNextLinkAndScrollsToIt() {
    var browser = state()
    #expect(browser.handle(.character("}")) == .none)
    #expect(browser.selectedLink == 0)
    #expect(browser.visibleSelectedLink == 0)
    for _ in 0..<5 { _ = browser.handle(.character("}")) }
    #expect(browser.selectedLink == 5)
    let screen = ScreenComposer.compose(browser)
    #expect(screen.plainText.contains("[6] Bone X-Ray (Radiography)"))
    #expect(screen.rowText(29).contains("[6] no address in this copy"))
    _ = browser.handle(.character("{"))
    #expect(browser.selectedLink == 4)
  }

  @Test func theSelectedLinkIsDrawnSelected() {
    var browser = state()
    _ = browser.handle(.character("}"))
    let screen = ScreenComposer.compose(browser)
    guard let y = (0..<30).first(where: { screen.rowText($0).contains("[1] Avascular Necrosis") })
    else {
      Issue.record("link 1 not on screen")
      return
    }
    let x =
      screen.rowText(y).firstRange(of: "Avascular")
      .map { screen.rowText(y).distance(from: screen.rowText(y).startIndex, to: $0.lowerBound) }
      ?? 0
    #expect(screen[x, y].role == .linkSelected)
  }

  @Test func typingANumberThenEnterSelectsThatLink() {
    var browser = state()
    for key in Key.script("2 0 Enter") { _ = browser.handle(key) }
    #expect(browser.selectedLink == 19)
    #expect(browser.page.links[19].title == "Legg-Calvé-Perthes Disease (For Parents)")
    #expect(browser.visibleSelectedLink == 19)
    var wrong = state()
    var effects: [Effect] = []
    for key in Key.script("9 9 Enter") { effects.append(wrong.handle(key)) }
    #expect(effects.last == .bell)
    #expect(wrong.message?.contains("no link 99") == true)
  }

  @Test func enterAndOOpenTheSelectedLink() {
    var browser = state()
    #expect(browser.handle(.enter) == .bell)
    _ = browser.handle(.character("}"))
    #expect(browser.handle(.enter) == .openLink(0))
    #expect(browser.handle(.character("o")) == .openLink(0))
  }

  @Test func copyNeedsAnAddress() {
    var seed = state()
    _ = seed.handle(.character("}"))
    #expect(seed.handle(.character("y")) == .bell)
    #expect(seed.message == "link 1 has no address in this copy")
    var docling = state(Pages.file("diabetesmedicines.docling.md"))
    _ = docling.handle(.character("}"))
    #expect(docling.handle(.character("y")) == .copy("https://medlineplus.gov/diabetes.html"))
  }

  @Test func selectionScrolledOffScreenIsNotOpened() {
    var browser = state()
    _ = browser.handle(.character("}"))
    _ = browser.handle(.end)
    #expect(browser.visibleSelectedLink == nil)
    #expect(browser.handle(.enter) == .bell)
    // From the bottom, } picks the first link on screen, not one above it.
    _ = browser.handle(.character("}"))
    #expect((browser.layout.linkLines[browser.selectedLink ?? 0] ?? 0) >= browser.top)
  }
}
