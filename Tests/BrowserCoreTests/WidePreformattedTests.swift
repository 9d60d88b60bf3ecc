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
