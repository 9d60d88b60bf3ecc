/// A terminal's size in cells.
public struct TerminalSize: Hashable, Sendable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

/// What the browser needs from a terminal. The ncurses implementation lives in
/// `CursesTerminal`; tests and `--dump-screen` use `ScriptedTerminal`.
public protocol Terminal: AnyObject {
  /// The current size (after a `.resize` key, the new one).
  var size: TerminalSize { get }
  /// Shows a screen. `force` repaints every cell (after Ctrl-L or a pager).
  func present(_ screen: ScreenBuffer, force: Bool)
  /// The next key; waits at most `timeoutMilliseconds` (nil: forever; 0: only a key already
  /// typed). nil when none came in time, or when input has ended.
  func readKey(timeoutMilliseconds: Int?) -> Key?
  /// True once input can never bring another key (the terminal went away).
  var inputEnded: Bool { get }
  func bell()
  /// Hands the terminal to the user's pager with `text` on its standard input and takes it
  /// back when the pager exits. False when no pager could be started (the browser then
  /// shows the text itself).
  func runPager(_ text: String) -> Bool
  /// Puts text on the clipboard of the terminal the user sits at (OSC 52; works through SSH
  /// and tmux).
  func copyToClipboard(_ text: String)
  /// True (once) when the user pressed Ctrl-C since the last call: during a load it cancels
  /// the load instead of ending medterm.
  func consumeInterrupt() -> Bool
}
