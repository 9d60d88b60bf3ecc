/// What the session loop must do after the state changed.
public enum Effect: Hashable, Sendable {
  /// Nothing beyond painting the new state.
  case none
  /// Repaint every cell from scratch (Ctrl-L: the screen may have been garbled).
  case repaint
  /// Ring the bell (nothing to do for that key).
  case bell
  case quit
  /// Open link number (index into `Page.links`): a topic in the browser, the rest in the
  /// pager.
  case openLink(Int)
  /// All links of the page, in the pager.
  case listLinks
  /// Put text on the clipboard (OSC 52).
  case copy(String)
  /// The previous page in the history.
  case back
  /// The next page in the history.
  case forward
}
