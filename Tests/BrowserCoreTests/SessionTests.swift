import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// The session loop with a scripted terminal: keys in, screens out.
@Suite struct SessionTests {
  @Test func everyKeyGetsAScreenAndQuitEndsTheLoop() {
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: 80, height: 24), keys: Key.script("j j q j j"))
    let session = BrowserSession(
      state: BrowserState(page: Pages.seed, width: 80, height: 24), terminal: terminal)
    session.run()
    #expect(terminal.screens.count == 3)
    #expect(session.state.top == 2)
  }

  @Test func resizeRelaysOutAtOnce() {
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: 100, height: 30),
      keys: [.character("]"), .resize, .resize, .resize],
      resizes: [
        TerminalSize(width: 45, height: 15), TerminalSize(width: 19, height: 4),
        TerminalSize(width: 132, height: 40),
      ])
    let session = BrowserSession(
      state: BrowserState(page: Pages.seed, width: 100, height: 30), terminal: terminal)
    session.run()
    let sizes = terminal.screens.map { "\($0.width)x\($0.height)" }
    #expect(sizes == ["100x30", "100x30", "45x15", "19x4", "132x40"])
    #expect(terminal.screens[3].plainText.contains("too small"))
    #expect(terminal.screens[4].rowText(1).contains("Start Here"))
    #expect(session.state.page.sections[session.state.currentSection].title == "Start Here")
  }

  @Test func bellsForKeysThatDoNothing() {
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: 80, height: 24), keys: Key.script("k Z"))
    BrowserSession(state: BrowserState(page: Pages.seed, width: 80, height: 24), terminal: terminal)
      .run()
    #expect(terminal.bells == 2)
  }

  @Test func keyScriptsParseNamesAndText() {
    #expect(
      Key.script("j Down C-d Tab /crutches Enter") == [
        .character("j"), .down, .control("d"), .tab, .character("/"), .character("c"),
        .character("r"),
        .character("u"), .character("t"), .character("c"), .character("h"), .character("e"),
        .character("s"), .enter,
      ])
    #expect(Key.script("Space F1 Esc PgDn") == [.character(" "), .function(1), .escape, .pageDown])
  }
}
