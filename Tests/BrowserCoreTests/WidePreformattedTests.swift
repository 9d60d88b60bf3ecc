import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// Preformatted text keeps its lines: a wide one is never broken mid-word, scrolls sideways
/// with `)` and `(`, says where it goes on, and a search finds what lies beyond the edge.
@Suite struct WidePreformattedTests {
  private let page = Pages.file("fixtures/wide-preformatted.md")

  @Test func aWideLineStaysOneLineWithAMarker() {
    let reader = Harness(page, width: 80, height: 16)
    #expect(reader.state.geometry.placement == .docked)
    let wide = reader.state.layout.lines.filter(\.isWide)
    #expect(wide.count == 1)
    #expect(wide.first?.plainText.hasSuffix("TARGETWORD here.") == true)
    let row = reader.screen.plainText.split(separator: "\n").first {
      $0.contains("1.  Introduction")
    }
    #expect(row?.hasSuffix("›") == true)
    #expect(!reader.screen.plainText.contains("TARGETWORD"))
  }

  @Test func parenthesesScrollSidewaysAndStopAtTheEnds() {
    let reader = Harness(page, width: 80, height: 16).press(")")
    #expect(reader.state.left > 0)
    #expect(reader.screen.plainText.contains("‹"))
    for _ in 0..<20 { reader.press(")") }
    #expect(reader.state.left == reader.state.maximumLeft)
    #expect(reader.screen.plainText.contains("TARGETWORD here."))
    for _ in 0..<20 { reader.press("(") }
    #expect(reader.state.left == 0)
    let plain = Harness(Pages.seed, width: 80, height: 16).press(")")
    #expect(plain.status.contains("no line here is wider than the screen"))
  }

  @Test func aSearchScrollsToAMatchPastTheEdge() {
    let reader = Harness(page, width: 80, height: 16).press("/TARGETWORD Enter")
    #expect(reader.state.left > 0)
    let screen = reader.screen
    let row = (0..<screen.height).first { screen.rowText($0).contains("TARGETWORD") }
    #expect(row != nil)
    if let row {
      let text = screen.rowText(row)
      let column = text.distance(
        from: text.startIndex, to: text.range(of: "TARGETWORD")?.lowerBound ?? text.startIndex)
      #expect(screen[column, row].role == .linkSelected)
    }
  }

  @Test func theTextDumpKeepsTheLineWhole() {
    let text = PlainTextRenderer.render(page, width: 60)
    #expect(text.contains("specification is far wider than any eighty-column pane with a sidebar"))
  }
}

/// The sidebar never shows two entries alike: a title that comes again is numbered, and
/// entries that would read the same once cut keep their ends too.
@Suite struct SidebarLabelTests {
  @Test func entriesNeverReadAlike() {
    let state = BrowserState(page: Pages.mercurialWhole, width: 100, height: 40)
    let labels = ScreenComposer.distinctLabels(state, width: state.geometry.sidebarWidth)
    let entries = state.sidebar.rows.indices.filter { state.sidebar.rows[$0].kind != .group }
    let shown = entries.compactMap { labels[$0] }
    #expect(shown.contains("Setting up (2)"))
    #expect(shown.contains("Setting up (3)"))
    #expect(Set(shown).count == shown.count, "\(shown)")
    // At a narrow sidebar, "Evolve: Shared Mutable History" twice still reads as two.
    let narrow = ScreenComposer.distinctLabels(state, width: 20)
    let evolve = entries.filter { state.sidebar.rows[$0].title == "Evolve: Shared Mutable History" }
    #expect(evolve.count == 2)
    #expect(Set(evolve.compactMap { narrow[$0] }).count == 2)
  }

  /// Markdown renderings put a space between a link and the comma after it; it goes.
  @Test func aSpaceBeforePunctuationAfterALinkGoes() {
    let page = Pages.page(Array("# T\n\nYour [blood glucose](https://a.b/g) , or sugar.\n".utf8))
    let text = page.sections.flatMap(\.blocks).compactMap { block -> String? in
      if case .paragraph(let runs) = block { return runs.plainText }
      return nil
    }.joined()
    #expect(text == "Your blood glucose, or sugar.")
  }
}
