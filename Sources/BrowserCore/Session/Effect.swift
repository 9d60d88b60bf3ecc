/// What a page's command asks of the view around it, beyond the new state.
public enum Effect: Hashable, Sendable {
  /// Nothing beyond painting the new state.
  case none
  /// Nothing to do for that command; the state's message may say why.
  case bell
  /// Open link number (index into `Page.links`).
  case openLink(Int)
  /// All links of the page, in the pager.
  case listLinks
  /// Put text on the clipboard (OSC 52).
  case copy(String)
}
