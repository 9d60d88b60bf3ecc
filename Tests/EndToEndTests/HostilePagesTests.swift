import Foundation
import Glibc
import Testing

/// The real binary on pages made to hurt it (`HostilePages`): each must read in bounded time,
/// and in the browser (tmux) it must stay responsive, never let the page drive the terminal,
/// and leave the terminal as it found it.
///
/// Slow cases, in a debug build on a 2-core machine: `links.md` (1,000,000 links, 44 MB)
/// takes about 40 s to read, so its dump and its browser case take 40–60 s each;
/// `sections.md` (100,000 sections) about 7 s each. The rest take a second or two.
@Suite(.serialized)
struct HostilePagesTests {
  private let medterm = Medterm.executable.path

  /// How long a page may take to read, in a debug build.
  private static func readLimit(_ page: HostilePages.Page) -> TimeInterval {
    switch page.name {
    case "links.md": 240
    case "sections.md", "long-line.md": 60
    default: 20
    }
  }

  @Test(arguments: HostilePages.selected)
  func outlineDumpEndsInTime(_ page: HostilePages.Page) throws {
    let start = ContinuousClock.now
    let result = try Medterm.run(
      ["--dump", "outline", page.path], timeout: Self.readLimit(page))
    let elapsed = ContinuousClock.now - start
    print("hostile-pages: --dump outline \(page.name): \(Int(Self.milliseconds(elapsed))) ms")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains(page.marker))
    let unsafe = result.stdout.unicodeScalars.filter { Self.drivesTerminal($0) }
    #expect(unsafe.isEmpty, "the outline holds \(unsafe.map { String($0.value, radix: 16) })")
  }

  @Test(
    .enabled(if: Tools.runnable("tmux"), "tmux is not installed"),
    arguments: HostilePages.selected)
  func browsesWithoutHarm(_ page: HostilePages.Page) throws {
    let width = 100
    let height = 30
    let tmux = try TmuxSession(width: width, height: height)
    // With set-clipboard on, an OSC 52 that reaches tmux becomes a paste buffer.
    try tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
    let title = paneTitle(tmux)
    try tmux.run(
      "stty -g > before.stty; '\(medterm)' '\(page.path)'; echo \"exit=$?\"; stty -g > after.stty")
    let start = ContinuousClock.now
    guard
      let first = tmux.waitFor(
        timeout: Self.readLimit(page),
        { $0.contains(page.marker) && Self.statusLine(of: $0, height: height).hasSuffix("%") })
    else { return }
    let loaded = Int(Self.milliseconds(ContinuousClock.now - start))
    print("hostile-pages: \(page.name) first screen after \(loaded) ms")
    checkScreen(first, tmux, width: width, height: height)

    // Every key must be handled: the screen changes (or, on a page with nowhere to go, the
    // search prompt that follows still appears).
    var screen = first
    for key in ["]", "}", "G"] {
      let changed = repaint(tmux, keys: [key], from: screen, timeout: page.moves ? 20 : 1)
      #expect(changed != nil || !page.moves, "\(key) did not change the screen")
      screen = changed?.screen ?? tmux.screen()
      checkScreen(screen, tmux, width: width, height: height)
    }
    try tmux.type("/x")
    let prompt = tmux.waitFor(timeout: 20) { TmuxSession.lastLine(of: $0).contains("/x") }
    screen = prompt ?? screen
    let searched = repaint(tmux, keys: ["Enter"], from: screen, timeout: 60)
    #expect(searched != nil, "the search never answered")
    if let searched {
      print("hostile-pages: \(page.name) /x Enter \(Int(searched.milliseconds)) ms")
    }
    // The first change is what was timed; the check looks at the screen once it has
    // settled, since tmux may show a frame it has not finished drawing.
    checkScreen(settled(tmux), tmux, width: width, height: height)

    if page.isBig { try measure(page, tmux) }

    #expect(paneTitle(tmux) == title, "the page changed the pane title")
    #expect((try tmux.tmux(["list-buffers"])).isEmpty, "the page wrote to the clipboard")

    try tmux.keys("q")
    tmux.waitFor(timeout: 20) { $0.contains("exit=0") }
    try tmux.run("cmp before.stty after.stty && echo same-modes")
    tmux.waitFor { $0.contains("same-modes") }
    tmux.waitFor {
      TmuxSession.lastLine(of: $0) == TmuxSession.prompt.trimmingCharacters(in: .whitespaces)
    }
  }

  // MARK: - Keypress to repaint

  /// Median time from send-keys to the changed screen, for keys that always move on a big
  /// page: to the end and back, next section, next link, a line down.
  private func measure(_ page: HostilePages.Page, _ tmux: TmuxSession) throws {
    try tmux.keys("Escape", "Home")
    var screen = settled(tmux)
    let plan: [(String, [String])] = [
      ("G/Home", ["G", "Home", "G", "Home", "G", "Home"]), ("]", Array(repeating: "]", count: 5)),
      ("}", Array(repeating: "}", count: 5)), ("j", Array(repeating: "j", count: 5)),
    ]
    for (label, keys) in plan {
      var times: [Double] = []
      for key in keys {
        // A short page runs out of sections or links: the series ends there.
        guard let result = repaint(tmux, keys: [key], from: screen, timeout: 5) else {
          if times.isEmpty { Issue.record("\(key) did not change the screen of \(page.name)") }
          break
        }
        times.append(result.milliseconds)
        screen = result.screen
      }
      guard !times.isEmpty else { continue }
      let median = times.sorted()[times.count / 2]
      let all = times.map { String(Int($0.rounded())) }.joined(separator: " ")
      print("hostile-pages: \(page.name) \(label) median \(Int(median.rounded())) ms (\(all))")
    }
  }

  /// Sends keys and polls until the screen differs from `before`: the time it took and the
  /// new screen, or nil after the timeout.
  private func repaint(
    _ tmux: TmuxSession, keys: [String], from before: String, timeout: TimeInterval
  ) -> (milliseconds: Double, screen: String)? {
    let start = ContinuousClock.now
    _ = try? tmux.tmux(["send-keys", "-t", "0"] + keys)
    let deadline = start + .milliseconds(Int(timeout * 1000))
    while ContinuousClock.now < deadline {
      let screen = tmux.screen()
      if screen != before {
        return (Self.milliseconds(ContinuousClock.now - start), screen)
      }
      usleep(1_000)
    }
    return nil
  }

  /// The screen once it has stopped changing for a moment.
  private func settled(_ tmux: TmuxSession) -> String {
    var last = tmux.screen()
    for _ in 0..<100 {
      usleep(150_000)
      let screen = tmux.screen()
      if screen == last { return screen }
      last = screen
    }
    return last
  }

  // MARK: - Checks

  /// The screen is whole: the status line at the bottom (a row drawn wider than the pane
  /// would have wrapped and pushed it), and no row wider than the pane. What is left of an
  /// escape sequence whose ESC was removed is inert text and may show.
  private func checkScreen(
    _ screen: String, _ tmux: TmuxSession, width: Int, height: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    for (number, row) in rows.enumerated() where Self.cells(row) > width {
      Issue.record(
        "row \(number) takes \(Self.cells(row)) cells: \(row)", sourceLocation: sourceLocation)
    }
    // The status line ends with the reading position, or is the search prompt.
    let status = Self.statusLine(of: screen, height: height)
    #expect(
      status.hasSuffix("%") || status.hasPrefix("/"),
      "no status line at the bottom:\n\(screen)", sourceLocation: sourceLocation)
  }

  private static func statusLine(of screen: String, height: Int) -> String {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    guard rows.count >= height else { return "" }
    return String(rows[height - 1]).trimmingCharacters(in: .whitespaces)
  }

  private func paneTitle(_ tmux: TmuxSession) -> String {
    (try? tmux.tmux(["display-message", "-p", "-t", "0", "#{pane_title}"])) ?? ""
  }

  /// Cells a row takes: 0 for marks and format characters (ZWJ, variation selectors), 2 for
  /// emoji presentation and East Asian wide characters, 1 otherwise; a sum per scalar, as a
  /// terminal that knows nothing of grapheme clusters would draw them.
  private static func cells<S: StringProtocol>(_ row: S) -> Int {
    row.unicodeScalars.reduce(0) { total, scalar in
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .enclosingMark, .format: return total
      default: break
      }
      let value = scalar.value
      let wide =
        scalar.properties.isEmojiPresentation || (0x1100...0x115F).contains(value)
        || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
        || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0x20000...0x3FFFD).contains(value)
      return total + (wide ? 2 : 1)
    }
  }

  /// A character that would reach the terminal as a control: C0 but newline, DEL, C1, and
  /// bidi controls.
  private static func drivesTerminal(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if scalar == "\n" { return false }
    return value < 0x20 || (0x7F..<0xA0).contains(value) || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
  }

  private static func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000
      + Double(duration.components.attoseconds) / 1e15
  }
}
