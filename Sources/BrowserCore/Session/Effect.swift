/// What the session loop must do after the state changed.
public enum Effect: Hashable, Sendable {
  /// Nothing beyond painting the new state.
  case none
  /// Repaint every cell from scratch (Ctrl-L: the screen may have been garbled).
  case repaint
  /// Ring the bell (nothing to do for that key).
  case bell
  case quit
}
