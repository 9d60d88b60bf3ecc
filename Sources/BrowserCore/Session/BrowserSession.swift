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
    while true {
      terminal.present(ScreenComposer.compose(state), force: force)
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

  private func syncSize() {
    let size = terminal.size
    if size.width != state.geometry.width || size.height != state.geometry.height {
      state.resize(width: size.width, height: size.height)
    }
  }
}
