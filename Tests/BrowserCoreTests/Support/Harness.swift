import MedlinePlus

@testable import BrowserCore

/// A session driven key by key, as a person types, with a scripted terminal: for tests of
/// the views, the stack and what the session does with their requests.
final class Harness {
  let terminal: ScriptedTerminal
  let session: BrowserSession

  init(
    _ page: Page, width: Int = 100, height: Int = 30, host: BrowserHost? = nil,
    catalog: TopicCatalog? = nil, pager: Bool = true, glyphs: Glyphs = .unicode
  ) {
    terminal = ScriptedTerminal(size: TerminalSize(width: width, height: height), keys: [])
    terminal.pagerAvailable = pager
    session = BrowserSession(
      state: BrowserState(page: page, width: width, height: height, glyphs: glyphs),
      terminal: terminal, host: host, catalog: catalog)
    session.environment = ["PAGER": "less -R"]
  }

  init(index: IndexState, host: BrowserHost? = nil) {
    terminal = ScriptedTerminal(
      size: TerminalSize(width: index.width, height: index.height), keys: [])
    session = BrowserSession(index: index, terminal: terminal, host: host)
    session.environment = ["PAGER": "less -R"]
  }

  /// Presses the keys of a `--keys` script, letting every load finish before the next key.
  @discardableResult
  func press(_ script: String) -> Harness {
    for key in Key.script(script) { press(key) }
    return self
  }

  func press(_ key: Key) {
    session.press(key)
    session.settle()
  }

  var state: BrowserState { session.state }
  var top: any View { session.top }

  /// The screen as the terminal would show it now.
  var screen: ScreenBuffer {
    session.paint()
    return terminal.lastScreen ?? ScreenBuffer(width: 0, height: 0)
  }

  /// The status line's text.
  var status: String {
    let screen = self.screen
    return screen.rowText(screen.height - 1).trimmingSpaces
  }
}

extension BrowserState {
  /// A key as the page view's key map reads it, for tests of the state alone: commands
  /// that need a prompt or the session ring the bell here.
  mutating func press(_ key: Key) -> Effect {
    if case .mouse(let event) = key { return mouse(event) }
    guard let command = Keymap.standard.command(for: key, in: isText ? .text : .page) else {
      return .bell
    }
    return apply(command)
  }
}
