import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// Composed screens of real pages at several sizes, compared with reviewed snapshots.
@Suite struct ScreenLayoutTests {
  private func screen(
    _ page: Page, _ width: Int, _ height: Int, keys: String = "", glyphs: Glyphs = .unicode
  )
    -> ScreenBuffer
  {
    let state = BrowserState(page: page, width: width, height: height, glyphs: glyphs)
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: width, height: height), keys: Key.script(keys))
    BrowserSession(state: state, terminal: terminal).run()
    return terminal.lastScreen ?? ScreenBuffer(width: 0, height: 0)
  }

  @Test(arguments: [(40, 20), (80, 24), (132, 40)])
  func seedPageFirstScreen(width: Int, height: Int) throws {
    let shown = screen(Pages.seed, width, height)
    try ScreenSnapshot.assertMatches(shown.plainText, named: "seed-\(width)x\(height).txt")
  }

  @Test(arguments: [(40, 30), (80, 30), (132, 30)])
  func summaryTableAtEveryWidth(width: Int, height: Int) throws {
    let shown = screen(Pages.highBloodPressure, width, height, keys: "/Category Enter")
    try ScreenSnapshot.assertMatches(shown.plainText, named: "hbp-table-\(width)x\(height).txt")
  }

  @Test func asciiTerminalGetsNoUnicode() throws {
    let shown = screen(Pages.seed, 80, 24, keys: "] ] ] ]", glyphs: .ascii)
    #expect(shown.plainText.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(shown.plainText.contains("Kienbock's Disease"))
    try ScreenSnapshot.assertMatches(shown.plainText, named: "seed-ascii-80x24.txt")
  }

  @Test func wideTerminalKeepsLinesReadable() {
    let shown = screen(Pages.seed, 300, 40)
    for y in 1..<39 {
      let row = shown.rowText(y)
      let content = row.split(separator: "│", maxSplits: 1).last.map(String.init) ?? ""
      #expect(DisplayWidth.of(content.trimmingSpaces) <= ScreenGeometry.maximumTextWidth)
    }
  }

  @Test func everyRowFitsExactlyAtManySizes() {
    for (width, height) in [(20, 5), (33, 7), (59, 20), (60, 20), (61, 15), (97, 33), (200, 60)] {
      for page in [Pages.seed, Pages.japanese, Pages.mercurial] {
        let shown = screen(page, width, height, keys: "G")
        for y in 0..<height {
          // A wide character's first cell is always followed by its continuation cell, and a
          // continuation cell never stands alone.
          for x in 0..<width {
            let cell = shown[x, y]
            if cell.width == 2 { #expect(x + 1 < width && shown[x + 1, y].width == 0) }
            if cell.width == 0 { #expect(x > 0 && shown[x - 1, y].width == 2) }
          }
          #expect(DisplayWidth.of(shown.rowText(y)) == width, "row \(y) at \(width)x\(height)")
        }
      }
    }
  }

  /// Found by the layout fuzzer: list markers and quote bars nested deeper than the pane is
  /// wide made lines wider than the pane, cut where the reader could not see it.
  @Test(arguments: [1, 7, 20, 41, 80])
  func deepNestingNeverOutgrowsThePane(width: Int) {
    var markdown = "# Deep\n\n"
    for level in 0..<60 {
      markdown += String(repeating: "  ", count: level) + "- item \(level) text\n"
    }
    markdown += "\n" + String(repeating: "> ", count: 80) + "quoted words at the bottom\n"
    let page = Pages.page(Array(markdown.utf8))
    let layout = ContentLayout(page: page, width: width)
    for (number, line) in layout.lines.enumerated() {
      #expect(line.width <= width, "line \(number) at width \(width)")
    }
    if width >= 20 {
      #expect(layout.lines.contains { $0.plainText.contains("item 59") })
      #expect(layout.lines.contains { $0.plainText.contains("quoted") })
    }
  }

  /// Code and the built-in pager's text keep every space; a long line stays one line (it
  /// scrolls sideways on screen), neither re-wrapped nor cut.
  @Test func preformattedTextKeepsItsSpaces() {
    let long = String(repeating: "x", count: 50)
    let markdown = "# Code\n\n```\ndef f():\n    return  1\n\(long)\n```\n"
    let layout = ContentLayout(page: Pages.page(Array(markdown.utf8)), width: 20)
    let text = layout.lines.map(\.plainText)
    #expect(text.contains("    return  1"))
    #expect(text.filter { $0.hasPrefix("xxxx") } == [long])
    #expect(layout.lines.filter(\.isWide).count == 1)
    #expect(layout.widestLine == 50)
  }

  /// Found by the layout fuzzer: an empty heading at the end of a file made a section that
  /// started past the last line.
  @Test func everySectionStartsOnALine() {
    for markdown in ["# A\n\ntext\n\n##\n", "##\n", "# A\n\n##\n\n##\n\ntext\n"] {
      let layout = ContentLayout(page: Pages.page(Array(markdown.utf8)), width: 40)
      #expect(layout.sectionStarts.allSatisfy { $0 < layout.lines.count }, "\(markdown)")
      let state = BrowserState(page: Pages.page(Array(markdown.utf8)), width: 80, height: 24)
      #expect(state.layout.sectionStarts.count == state.page.sections.count)
    }
  }

  /// Found by a tester: "diagnose osteonecrosis" wraps at 100 columns and was not found.
  @Test func searchFindsAndLightsAPhraseAcrossAWrap() throws {
    let shown = screen(Pages.seed, 100, 30, keys: "/diagnose Space osteo Enter")
    #expect(shown.plainText.contains("match 1 of 1"))
    let row = try #require(
      (0..<30).first { shown.rowText($0).trimmingSpaces.hasSuffix("to diagnose") })
    let text = shown.rowText(row)
    let end = DisplayWidth.of(String(text.reversed().drop { $0 == " " }.reversed())) - 1
    #expect(shown[end, row].role == .linkSelected)
    let next = shown.rowText(row + 1)
    let x = DisplayWidth.of(String(next.prefix { $0 != "o" }))
    #expect(next.dropFirst(x).hasPrefix("osteonecrosis"))
    #expect(shown[x, row + 1].role == .linkSelected && shown[x + 4, row + 1].role == .linkSelected)
    #expect(shown[x + 5, row + 1].role != .linkSelected)
  }

  @Test func tinyTerminalsSaySo() {
    #expect(screen(Pages.seed, 19, 10).plainText.contains("terminal too small"))
    #expect(screen(Pages.seed, 40, 4).plainText.contains("terminal too small"))
    #expect(screen(Pages.seed, 10, 3).plainText == "too small\nneed 20x5\n\n")
    #expect(screen(Pages.seed, 15, 4).plainText.contains("15x4, need 20x5"))
    #expect(screen(Pages.seed, 1, 1).plainText == "t\n")
    #expect(screen(Pages.seed, 0, 0).plainText == "\n")
  }

  @Test func narrowScreenFoldsTheSidebarIntoAnOverlay() {
    let closed = screen(Pages.seed, 50, 20)
    #expect(!closed.plainText.contains("│"))
    #expect(closed.rowText(1).hasPrefix(" Summary"))
    let open = screen(Pages.seed, 50, 20, keys: "Tab")
    #expect(open.rowText(1).hasPrefix(" On this page"))
    #expect(open.plainText.contains("No links available"))
    let jumped = screen(Pages.seed, 50, 20, keys: "Tab j j Enter")
    #expect(jumped.rowText(1).hasPrefix(" Diagnosis and Tests"))
  }

  @Test func selectionIsVisibleByRoleNotOnlyColour() {
    let shown = screen(Pages.seed, 100, 30, keys: "Tab j")
    let row = (0..<30).first { shown.rowText($0).hasPrefix("▸ Start Here") }
    #expect(row != nil)
    if let row { #expect(shown[3, row].role == .sidebarSelected) }
    let group = (0..<30).first { shown.rowText($0).hasPrefix(" Basics") }
    if let group { #expect(shown[1, group].role == .sidebarGroup) }
    let empty = (0..<30).first { shown.rowText($0).contains("No links available") }
    if let empty { #expect(shown[3, empty].role == .sidebarEmpty) }
  }
}

extension String {
  var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
