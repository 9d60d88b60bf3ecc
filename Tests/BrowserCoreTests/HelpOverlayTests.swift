import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// The help box at every size: bordered and opaque, as wide as it needs, nothing cut, and
/// scrolling when taller than the screen (a tester saw a fixed 72-column box cut every
/// description, with the sidebar's marker showing through).
@Suite struct HelpOverlayTests {
  private static let sizes = [(20, 5), (33, 7), (40, 12), (59, 20), (80, 24), (132, 40), (300, 60)]

  private func opened(_ page: Page, _ width: Int, _ height: Int, keys: String = "?")
    -> Harness
  {
    Harness(page, width: width, height: height).press(keys)
  }

  private func overlay(_ reader: Harness) -> HelpOverlay {
    let kind = (reader.top as? HelpView)?.subject ?? .page
    return HelpOverlay(
      lines: HelpContent.lines(for: kind, keymap: .standard, glyphs: reader.state.glyphs),
      title: "Keys: \(kind.title)", width: reader.terminal.size.width,
      height: reader.terminal.size.height, glyphs: reader.state.glyphs)
  }

  /// The box's text rows, borders and padding removed, from the first scroll position to the
  /// last.
  private func everyHelpRow(_ reader: Harness) -> [String] {
    let help = overlay(reader)
    var rows: [String] = []
    for _ in 0...help.maximumTop {
      let screen = reader.screen
      if rows.isEmpty {
        rows += (0..<help.visibleRows).map { inner(screen, help, row: $0) }
      } else {
        rows.append(inner(screen, help, row: help.visibleRows - 1))
      }
      reader.press("j")
    }
    return rows
  }

  private func inner(_ screen: ScreenBuffer, _ help: HelpOverlay, row: Int) -> String {
    let y = help.y + 1 + row
    return (help.x + 1..<help.x + help.width - 1).map { screen[$0, y].text }.joined()
  }

  /// Every key of the page, then every global one, is listed whole at every size.
  @Test func everyDescriptionIsShownWholeAtEverySize() {
    for (width, height) in Self.sizes {
      let rows = everyHelpRow(opened(Pages.seed, width, height))
      let all = rows.map(\.trimmingSpaces).joined(separator: " ")
      let expected = CommandTable.bindings(for: .page) + CommandTable.globalBindings
      for binding in expected {
        #expect(all.contains(binding.summary), "\(binding.summary) at \(width)x\(height)")
        #expect(all.contains(binding.keyLabels), "\(binding.keyLabels) at \(width)x\(height)")
      }
      #expect(all.contains("Everywhere"))
      let cut = all.replacing("1-9…", with: "").contains("…")
      #expect(!cut, "nothing needed cutting at \(width)x\(height)")
    }
  }

  /// `?` shows the keys of the view it is pressed in: the index's, a prompt's, a list's.
  @Test func helpIsAboutTheViewItWasOpenedIn() {
    let prompt = Harness(Pages.seed, width: 132, height: 60).press("/ F1")
    let text = prompt.screen.plainText
    #expect(text.contains("Keys: Prompts"))
    #expect(text.contains("an earlier line of this prompt"))
    #expect(!text.contains("next sidebar entry"))
    let page = Harness(Pages.seed, width: 132, height: 60).press("?")
    #expect(page.screen.plainText.contains("next sidebar entry"))
    #expect(!page.screen.plainText.contains("an earlier line of this prompt"))
  }

  @Test func theBoxIsBorderedAndNothingShowsThrough() {
    for (width, height) in Self.sizes {
      for (page, keys) in [(Pages.seed, "?"), (Pages.mercurial, "Tab j j j ?")] {
        let reader = opened(page, width, height, keys: keys)
        let screen = reader.screen
        let help = overlay(reader)
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
    let reader = opened(Pages.seed, 300, 80)
    let help = overlay(reader)
    #expect(help.maximumTop == 0)
    #expect(help.width < 130)
    let shown = reader.screen.plainText
    #expect(shown.contains("go to the selected section, or open the selected link"))
    #expect(shown.contains("open the selected link inside medterm, as a page"))
    #expect(!shown.contains("j/k Space scroll"))
  }

  @Test func jkSpaceAndGScrollWithinTheHelpAndStopAtItsEnds() {
    let reader = opened(Pages.seed, 40, 12)
    let help = overlay(reader)
    let top = { (reader.top as? HelpView)?.top }
    #expect(help.maximumTop > 10)
    #expect(reader.screen.plainText.contains("j/k Space scroll · more below"))
    reader.press("Space")
    #expect(top() == help.visibleRows - 1)
    for _ in 0..<200 { reader.press("j") }
    #expect(top() == help.maximumTop)
    let bottom = reader.screen.plainText
    #expect(bottom.contains("quit medterm at once"))
    #expect(bottom.contains("j/k Space scroll · end"))
    reader.press("k")
    #expect(top() == help.maximumTop - 1, "k moves at once, however often j was pressed")
    reader.press("g")
    #expect(top() == 0)
    reader.press("G")
    #expect(top() == help.maximumTop)
    reader.press("x")
    #expect(reader.top.kind == .page)
  }

  @Test func asciiTerminalsGetAnAsciiBox() {
    let reader = Harness(Pages.seed, width: 50, height: 12, glyphs: .ascii).press("?")
    let shown = reader.screen.plainText
    #expect(shown.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(shown.contains("+- Keys: Page -"))
    #expect(shown.contains("| Move"))
  }
}
