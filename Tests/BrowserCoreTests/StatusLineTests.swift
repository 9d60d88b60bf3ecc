import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// The status line keeps the position and the message at every width and cuts the section
/// title instead (a tester saw long French and Japanese titles hide every message).
@Suite struct StatusLineTests {
  private static let lemonde = Pages.file("web/lemonde-1.source.html", mode: .full)

  private func statusRow(_ page: Page, _ width: Int, keys: String, glyphs: Glyphs = .unicode)
    -> String
  {
    let height = 12
    let state = BrowserState(page: page, width: width, height: height, glyphs: glyphs)
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: width, height: height), keys: Key.script(keys))
    BrowserSession(state: state, terminal: terminal).run()
    let screen = terminal.lastScreen ?? ScreenBuffer(width: 0, height: 0)
    #expect(DisplayWidth.of(screen.rowText(height - 1)) == width, "status row at \(width)")
    return screen.rowText(height - 1)
  }

  /// Keys, the page, and the message they must leave on the status line.
  private static let cases: [(keys: String, page: Page, message: String)] = [
    ("/zzzq Enter", lemonde, "Pattern not found: zzzq"),
    ("9999 Enter", lemonde, "there is no link 9999 on this page (1–10)"),
    ("Left", lemonde, "this is the first page"),
    ("}", lemonde, "[1] /journaliste/martin-untersinger/"),
    ("/犬 Enter", Pages.japaneseWhole, "match 1 of 2"),
    ("/zzzq Enter", Pages.mercurialWhole, "Pattern not found: zzzq"),
  ]

  /// Whole where the line can hold it beside a few cells of title; otherwise as much as fits,
  /// ending in the one ellipsis, in place of the percentage.
  @Test(arguments: [20, 33, 40, 59, 80, 132])
  func theMessageAndThePositionAlwaysShow(width: Int) {
    for (keys, page, message) in Self.cases {
      let row = statusRow(page, width, keys: keys)
      let context = "\(keys) at \(width): \(row)"
      #expect(row.contains(" 1/"), "\(context)")
      #expect(!row.contains("……"), "\(context)")
      if row.contains(" · " + message) { continue }
      #expect(width < 80 || message.count > 40, "\(context)")
      guard let separator = row.range(of: " · ") else {
        Issue.record("no message: \(context)")
        continue
      }
      let shown = String(row[separator.upperBound...])
      #expect(shown.hasSuffix("…"), "\(context)")
      #expect(message.hasPrefix(shown.dropLast()), "\(context)")
      #expect(shown.count > min(message.count, 8), "\(context)")
    }
  }

  @Test func shortMessagesShowWholeFromFortyColumns() {
    for width in [40, 59, 80] {
      for (keys, page, message) in Self.cases where message.count < 24 {
        let row = statusRow(page, width, keys: keys)
        #expect(row.contains(" · " + message), "\(keys) at \(width): \(row)")
      }
    }
  }

  @Test func atTwentyColumnsTheTitleMakesWayForTheMessage() {
    let row = statusRow(Self.lemonde, 20, keys: "/zzzq Enter")
    #expect(row == " 1/10 · Pattern not…")
  }

  /// The title is either whole or cut with one ellipsis, never just stopped.
  @Test(arguments: [20, 33, 40, 59, 80, 132])
  func theTitleIsWholeOrEndsInAnEllipsis(width: Int) {
    let title = Self.lemonde.sections[0].title
    for keys in ["", "}", "/zzzq Enter", "Tab"] {
      let row = statusRow(Self.lemonde, width, keys: keys)
      guard let positionStart = row.range(of: " 1/10") else {
        Issue.record("no position at \(width) after \(keys): \(row)")
        continue
      }
      let shownTitle = String(row[..<positionStart.lowerBound].dropFirst())
      if shownTitle.isEmpty || shownTitle == title { continue }
      #expect(shownTitle.hasSuffix("…"), "\(keys) at \(width): \(row)")
      #expect(title.hasPrefix(shownTitle.dropLast()), "\(keys) at \(width): \(row)")
      #expect(DisplayWidth.of(shownTitle) >= StatusLine.shortestTitle)
    }
  }

  @Test func asciiTerminalsCutWithThreeDotsOnce() {
    let row = statusRow(Self.lemonde, 40, keys: "/zzzq Enter", glyphs: .ascii)
    #expect(row.contains("... 1/10 - Pattern not found: zzzq"), "\(row)")
    #expect(!row.contains("......"))
  }

  @Test func aLongSearchShowsItsEndWhereTheCursorIs() {
    let state = BrowserState(page: Self.lemonde, width: 20, height: 8)
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: 20, height: 8),
      keys: Key.script("/abcdefghijklmnopqrstuvwxyz0123456789"))
    BrowserSession(state: state, terminal: terminal).run()
    let screen = terminal.lastScreen ?? ScreenBuffer(width: 0, height: 0)
    #expect(screen.rowText(7) == "/…tuvwxyz0123456789 ")
    #expect(screen.cursor?.x == 19)
  }

  // MARK: The fitting rules on their own

  private func line(
    _ tail: StatusLine.Tail, title: String = "A fairly long section title", width: Int
  )
    -> StatusLine
  {
    StatusLine(
      title: title, position: "3/12", tail: tail, percent: 40, width: width, glyphs: .unicode)
  }

  @Test func hintsGoInWholeOrNotAtAll() {
    let hints = ["Tab sidebar", "/ search", "? help", "q quit"]
    for width in 20...140 {
      let fitted = line(.hints(hints), width: width)
      let shown = fitted.tail.split(separator: "·").map { String($0).trimmingSpaces }
        .filter { !$0.isEmpty }
      #expect(Array(hints.prefix(shown.count)) == shown, "at \(width)")
      let total = DisplayWidth.of(fitted.left + fitted.tail + fitted.right)
      #expect(total <= width, "at \(width)")
      #expect(fitted.right == " 40% ", "hints never push the percentage out")
    }
    // With room to spare the title stays whole beside all the hints.
    let wide = line(.hints(hints), width: 120)
    #expect(wide.left == " A fairly long section title 3/12")
    #expect(wide.tail == " · Tab sidebar · / search · ? help · q quit")
  }

  @Test func aLongMessageTakesThePercentagesPlaceButLeavesTheTitleAFifth() {
    let message = "copied to the clipboard: https://medlineplus.gov/ency/article/000001.htm"
    let fitted = line(.message(message), width: 80)
    #expect(fitted.right.isEmpty)
    #expect(fitted.left == " A fairly long s… 3/12")
    #expect(fitted.tail.hasSuffix("…"))
    #expect(DisplayWidth.of(fitted.left + fitted.tail) == 80)
    // A short message leaves the percentage alone.
    let short = line(.message("match 1 of 3"), width: 80)
    #expect(short.right == " 40% ")
    #expect(short.tail == " · match 1 of 3")
  }

  @Test func aTitleTooShortToReadIsLeftOut() {
    let fitted = line(.message("Pattern not found: a long query"), width: 24)
    #expect(fitted.left == " 3/12")
  }
}
