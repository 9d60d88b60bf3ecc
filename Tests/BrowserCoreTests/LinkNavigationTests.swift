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
    #expect(browser.press(.character("}")) == .none)
    #expect(browser.selectedLink == 0)
    #expect(browser.visibleSelectedLink == 0)
    for _ in 0..<5 { _ = browser.press(.character("}")) }
    #expect(browser.selectedLink == 5)
    let screen = ScreenComposer.compose(browser)
    #expect(screen.plainText.contains("[6] Bone X-Ray (Radiography)"))
    #expect(screen.rowText(29).contains("[6] no address in this copy"))
    _ = browser.press(.character("{"))
    #expect(browser.selectedLink == 4)
  }

  @Test func theSelectedLinkIsDrawnSelected() {
    var browser = state()
    _ = browser.press(.character("}"))
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

  /// As in lynx, a number and Enter follow the link at once (the seed's links have no
  /// address, so following one shows its card).
  @Test func typingANumberThenEnterFollowsThatLink() {
    let reader = Harness(Pages.seed).press("2 0 Enter")
    #expect(reader.state.selectedLink == 19)
    #expect(reader.state.page.links[19].title == "Legg-Calvé-Perthes Disease (For Parents)")
    #expect(reader.top.kind == .text)
    #expect(reader.screen.plainText.contains("This link has no address in this copy"))
    let wrong = Harness(Pages.seed).press("9 9 Enter")
    #expect(wrong.top.kind == .page)
    #expect(wrong.status.contains("no link 99"))
    #expect(wrong.terminal.pagerTexts.isEmpty)
    // Only digits go into the number.
    let letters = Harness(Pages.seed).press("2 x")
    #expect(letters.top.kind == .prompt)
    #expect(letters.status.contains("2"))
  }

  @Test func enterAndOOpenTheSelectedLink() {
    var browser = state()
    #expect(browser.press(.enter) == .bell)
    _ = browser.press(.character("}"))
    #expect(browser.press(.enter) == .openLink(0))
    #expect(browser.press(.character("o")) == .openLink(0))
  }

  @Test func copyNeedsAnAddress() {
    var seed = state()
    _ = seed.press(.character("}"))
    #expect(seed.press(.character("y")) == .bell)
    #expect(seed.message == "link 1 has no address in this copy")
    var docling = state(Pages.file("diabetesmedicines.docling.md"))
    _ = docling.press(.character("}"))
    #expect(docling.press(.character("y")) == .copy("https://medlineplus.gov/diabetes.html"))
  }

  @Test func selectionScrolledOffScreenIsNotOpened() {
    var browser = state()
    _ = browser.press(.character("}"))
    _ = browser.press(.end)
    #expect(browser.visibleSelectedLink == nil)
    #expect(browser.press(.enter) == .bell)
    // From the bottom, } picks the first link on screen, not one above it.
    _ = browser.press(.character("}"))
    #expect((browser.layout.linkLines[browser.selectedLink ?? 0] ?? 0) >= browser.top)
  }
}
