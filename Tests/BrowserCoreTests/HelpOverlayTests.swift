import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// The help box at every size: bordered and opaque, as wide as it needs, nothing cut, and
/// scrolling when taller than the screen (a tester saw a fixed 72-column box cut every
/// description, with the sidebar's marker showing through).
@Suite struct HelpOverlayTests {
  private static let sizes = [(20, 5), (33, 7), (40, 12), (59, 20), (80, 24), (132, 40), (300, 60)]

  private func opened(_ page: Page, _ width: Int, _ height: Int, keys: String = "?")
    -> BrowserState
  {
    var state = BrowserState(page: page, width: width, height: height)
    for key in Key.script(keys) { _ = state.handle(key) }
    return state
  }

  /// The box's text rows, borders and padding removed, from the first scroll position to the
  /// last.
  private func everyHelpRow(_ state: BrowserState) -> [String] {
    var state = state
    let help = HelpOverlay(
      width: state.geometry.width, height: state.geometry.height, glyphs: state.glyphs)
    var rows: [String] = []
    for _ in 0...help.maximumTop {
      let screen = ScreenComposer.compose(state)
      if rows.isEmpty {
        rows += (0..<help.visibleRows).map { inner(screen, help, row: $0) }
      } else {
        rows.append(inner(screen, help, row: help.visibleRows - 1))
      }
      _ = state.handle(.character("j"))
    }
    return rows
  }

  private func inner(_ screen: ScreenBuffer, _ help: HelpOverlay, row: Int) -> String {
    let y = help.y + 1 + row
    return (help.x + 1..<help.x + help.width - 1).map { screen[$0, y].text }.joined()
  }

  @Test func everyDescriptionIsShownWholeAtEverySize() {
    for (width, height) in Self.sizes {
      let rows = everyHelpRow(opened(Pages.seed, width, height))
      let all = rows.map(\.trimmingSpaces).joined(separator: " ")
      for binding in CommandTable.bindings {
        #expect(all.contains(binding.summary), "\(binding.summary) at \(width)x\(height)")
        #expect(all.contains(binding.keyLabels), "\(binding.keyLabels) at \(width)x\(height)")
      }
      #expect(all.contains("Esc closes a prompt or this help; any other key too."))
      let cut = all.replacing("1-9…", with: "").contains("…")
      #expect(!cut, "nothing needed cutting at \(width)x\(height)")
    }
  }

  @Test func theBoxIsBorderedAndNothingShowsThrough() {
    for (width, height) in Self.sizes {
      for (page, keys) in [(Pages.seed, "?"), (Pages.mercurial, "Tab j j j ?")] {
        let state = opened(page, width, height, keys: keys)
        let screen = ScreenComposer.compose(state)
        let help = HelpOverlay(width: width, height: height, glyphs: state.glyphs)
        let context = "\(keys) at \(width)x\(height)"
        #expect(screen[help.x, help.y].text == "┌", "\(context)")
        #expect(screen.rowText(help.y + help.height - 1).contains("└"), "\(context)")
        for y in 0..<height {
          #expect(DisplayWidth.of(screen.rowText(y)) == width, "row \(y), \(context)")
        }
        for y in help.y + 1..<help.y + help.height - 1 {
          #expect(screen[help.x, y].text == "│", "left border, row \(y), \(context)")
          #expect(screen[help.x + help.width - 1, y].text == "│", "right border, \(context)")
          for x in help.x..<help.x + help.width {
            let role = screen[x, y].role
            #expect([.help, .border, .heading, .strong].contains(role), "\(x),\(y) \(context)")
          }
          #expect(!inner(screen, help, row: y - help.y - 1).contains("▸"), "\(context)")
        }
        // Beside the box, its rows are blank: no marker or half word reads as part of it.
        for y in help.y..<help.y + help.height {
          let outside =
            (0..<help.x).map { screen[$0, y].text }
            + (help.x + help.width..<width).map { screen[$0, y].text }
          #expect(outside.allSatisfy { $0 == " " || $0.isEmpty }, "margins, row \(y), \(context)")
        }
        // Narrow screens give the box the whole width.
        if width < 60 { #expect(help.x == 0 && help.width == width, "\(context)") }
      }
    }
  }

  @Test func aWideScreenShowsItAllAtOnceInABoxNoWiderThanItsText() {
    let state = opened(Pages.seed, 300, 60)
    let help = HelpOverlay(width: 300, height: 60, glyphs: state.glyphs)
    #expect(help.maximumTop == 0)
    #expect(help.width < 120)
    let shown = ScreenComposer.compose(state).plainText
    #expect(shown.contains("go to the selected section, or open the selected link"))
    #expect(
      shown.contains("open the selected link (a topic opens here, anything else in the pager) │"))
    #expect(!shown.contains("j/k Space scroll"))
  }

  @Test func jkSpaceAndGScrollWithinTheHelpAndStopAtItsEnds() {
    var state = opened(Pages.seed, 40, 12)
    let help = HelpOverlay(width: 40, height: 12, glyphs: state.glyphs)
    #expect(help.maximumTop > 10)
    #expect(ScreenComposer.compose(state).plainText.contains("j/k Space scroll · more below"))
    _ = state.handle(.character(" "))
    #expect(state.helpTop == help.visibleRows - 1)
    for _ in 0..<200 { _ = state.handle(.character("j")) }
    #expect(state.helpTop == help.maximumTop)
    let bottom = ScreenComposer.compose(state).plainText
    #expect(bottom.contains("key too."))
    #expect(bottom.contains("j/k Space scroll · end"))
    _ = state.handle(.character("k"))
    #expect(state.helpTop == help.maximumTop - 1, "k moves at once, however often j was pressed")
    _ = state.handle(.character("g"))
    #expect(state.helpTop == 0)
    _ = state.handle(.character("G"))
    #expect(state.helpTop == help.maximumTop)
    _ = state.handle(.character("x"))
    #expect(state.helpTop == nil)
  }

  @Test func asciiTerminalsGetAnAsciiBox() {
    var state = BrowserState(page: Pages.seed, width: 50, height: 12, glyphs: .ascii)
    _ = state.handle(.character("?"))
    let shown = ScreenComposer.compose(state).plainText
    #expect(shown.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(shown.contains("+- medterm keys -"))
    #expect(shown.contains("| Move"))
  }
}
