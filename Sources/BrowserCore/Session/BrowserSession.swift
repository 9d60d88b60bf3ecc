/// The loop that ties a state to a terminal: paint, read a key, apply it, repeat.
///
/// Keys typed ahead are applied together before the next paint, so holding down `j` over a
/// slow link never queues up screens that are already out of date.
public final class BrowserSession {
  public private(set) var state: BrowserState
  private let terminal: Terminal
  /// How many queued keys are applied before the screen is painted anyway.
  private let typeAheadLimit = 64

  public init(state: BrowserState, terminal: Terminal) {
    self.state = state
    self.terminal = terminal
  }

  /// Runs until the user quits or input ends.
  public func run() {
    var force = true
    syncSize()
    var shown: BrowserState? = nil
    while true {
      var screen = ScreenComposer.compose(state)
      if !force, let shown { screen.scrollHint = Self.scrollHint(from: shown, to: state) }
      terminal.present(screen, force: force)
      shown = state
      force = false
      guard let first = terminal.readKey(timeoutMilliseconds: nil) else {
        if terminal.inputEnded { return }
        continue
      }
      var key: Key? = first
      var applied = 0
      var bell = false
      while let next = key {
        if next == .resize { syncSize() }
        switch state.handle(next) {
        case .quit: return
        case .repaint: force = true
        case .bell: bell = true
        case .none: break
        }
        applied += 1
        key = applied < typeAheadLimit ? terminal.readKey(timeoutMilliseconds: 0) : nil
      }
      if bell { terminal.bell() }
    }
  }

  /// The body scrolled by a few lines and nothing else moved: the terminal may scroll the
  /// body rows instead of repainting them.
  static func scrollHint(from old: BrowserState, to new: BrowserState) -> ScrollHint? {
    guard old.geometry == new.geometry, old.layout.width == new.layout.width,
      old.helpTop == nil, new.helpTop == nil, !new.overlayOpen, !old.overlayOpen
    else { return nil }
    let lines = new.top - old.top
    let height = new.geometry.bodyHeight
    guard lines != 0, abs(lines) < height / 2 else { return nil }
    let top = new.geometry.bodyTop
    return ScrollHint(top: top, bottom: top + height - 1, lines: lines)
  }

  private func syncSize() {
    let size = terminal.size
    if size.width != state.geometry.width || size.height != state.geometry.height {
      state.resize(width: size.width, height: size.height)
    }
  }
}
