import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// Links inside preformatted text are links like any other: numbered on screen, selected
/// with `}`, followed by number, marked for the pager; and a link to a place inside a
/// section (a reference, a footnote) lands on that place's line.
@Suite struct PreformattedLinksTests {
  private let draft = Pages.file("fixtures/ietf-draft.html")

  @Test func aLinkInPreformattedTextHasANumberAndIsSelected() {
    let reader = Harness(draft, width: 100, height: 30)
    #expect(reader.screen.plainText.contains("See [1]Section 3 for t"))
    reader.press("}")
    #expect(reader.state.visibleSelectedLink == 0)
    let screen = reader.screen
    let row = (0..<screen.height).first { screen.rowText($0).contains("[1]Section 3") }
    if let row {
      let text = screen.rowText(row)
      let column = text.distance(
        from: text.startIndex, to: text.range(of: "Section 3")?.lowerBound ?? text.startIndex)
      #expect(screen[column, row].role == .linkSelected)
    } else {
      Issue.record("the link is not on screen")
    }
  }

  @Test func aLinkToASectionNumberGoesToThatSection() {
    let reader = Harness(draft, width: 100, height: 30).press("1 Enter")
    #expect(reader.state.page.sections[reader.state.currentSection].id == "section-3")
  }

  @Test func aLinkToAPlaceInsideASectionLandsOnItsLine() throws {
    let reader = Harness(draft, width: 100, height: 30).press("2 Enter")
    let line = try #require(reader.state.layout.placeLines["ref-RFC2119"])
    #expect(reader.state.top == line)
    #expect(reader.state.layout.lines[line].plainText.contains("RFC2119]  Bradner"))
    #expect(reader.state.page.sections[reader.state.currentSection].id == "section-5")
    let firstRow = reader.screen.rowText(reader.state.geometry.bodyTop)
    #expect(firstRow.contains("Bradner, S."))
  }

  @Test func thePagerMarksLinksInPreformattedText() {
    let text = PagerDocument.render(draft, width: 100, style: .plain)
    #expect(text.contains("See Section 3[1] for the"))
    #expect(text.contains("[RFC2119[2]] for the key words"))
  }

  @Test func selectingALinkPastTheEdgeOfAWideLineScrollsToIt() {
    let far = String(repeating: "x", count: 150)
    let html =
      "<html><body><h1>T</h1><pre>start \(far) <a href=\"https://example.org/\">far link</a></pre></body></html>"
    let reader = Harness(Pages.page(Array(html.utf8)), width: 80, height: 20)
    #expect(reader.state.left == 0)
    reader.press("}")
    #expect(reader.state.visibleSelectedLink == 0)
    #expect(reader.state.left > 0)
    #expect(reader.screen.plainText.contains("far link"))
  }
}
