import MedlinePlus

/// The loop that ties a state to a terminal: paint, read a key, apply it, perform what it
/// asks for (open a link, go back), repeat.
///
/// Keys typed ahead are applied together before the next paint, so holding down `j` over a
/// slow link never queues up screens that are already out of date.
public final class BrowserSession {
  public internal(set) var state: BrowserState
  let terminal: Terminal
  let host: BrowserHost?
  /// Pages behind and ahead of the current one, each with its reading position.
  private(set) var backStack: [BrowserState] = []
  private(set) var forwardStack: [BrowserState] = []
  /// How many queued keys are applied before the screen is painted anyway.
  private let typeAheadLimit = 64
  /// Set when the next paint must repaint every cell (after a pager or Ctrl-L).
  var forceRepaint = true
  private var shown: BrowserState?

  public init(state: BrowserState, terminal: Terminal, host: BrowserHost? = nil) {
    self.state = state
    self.terminal = terminal
    self.host = host
  }

  /// Runs until the user quits or input ends.
  public func run() {
    syncSize()
    while true {
      paint()
      guard let first = terminal.readKey(timeoutMilliseconds: nil) else {
        if terminal.inputEnded { return }
        continue
      }
      var key: Key? = first
      var applied = 0
      var bell = false
      while let next = key {
        if next == .resize { syncSize() }
        let effect = state.handle(next)
        switch perform(effect) {
        case .quit: return
        case .bell: bell = true
        case .none, .repaint: break
        default: break
        }
        applied += 1
        // Opening a link paints on its own; keys typed during it are not applied blindly.
        if case .openLink = effect { break }
        key = applied < typeAheadLimit ? terminal.readKey(timeoutMilliseconds: 0) : nil
      }
      if bell { terminal.bell() }
    }
  }

  func paint() {
    var screen = ScreenComposer.compose(state)
    if !forceRepaint, let shown { screen.scrollHint = Self.scrollHint(from: shown, to: state) }
    terminal.present(screen, force: forceRepaint)
    shown = state
    forceRepaint = false
  }

  /// Carries out an effect; returns what is left for the loop (quit, bell).
  private func perform(_ effect: Effect) -> Effect {
    switch effect {
    case .none, .bell, .quit:
      return effect
    case .repaint:
      forceRepaint = true
      return .none
    case .copy(let text):
      terminal.copyToClipboard(text)
      return .none
    case .back:
      guard let previous = backStack.popLast() else {
        state.say("this is the first page")
        return state.isPagerView ? .quit : .bell
      }
      forwardStack.append(state)
      show(previous)
      return .none
    case .forward:
      guard let next = forwardStack.popLast() else {
        state.say("this is the last page")
        return .bell
      }
      backStack.append(state)
      show(next)
      return .none
    case .listLinks:
      showInPager(
        LinksList.render(state.page, width: pagerWidth, style: pagerStyle, glyphs: state.glyphs))
      return .none
    case .openLink(let index):
      return openLink(index)
    }
  }

  /// Shows another page, laid out for the current terminal size.
  func show(_ next: BrowserState) {
    var next = next
    let size = terminal.size
    if next.geometry.width != size.width || next.geometry.height != size.height {
      next.resize(width: size.width, height: size.height)
    }
    state = next
    forceRepaint = true
  }

  /// Opens a new page in the browser, keeping the current one for Back.
  func push(_ page: Page, pagerView: Bool = false) {
    let size = terminal.size
    var next = BrowserState(
      page: page, width: size.width, height: size.height, glyphs: state.glyphs)
    next.isPagerView = pagerView
    if pagerView { next.hideSidebar() }
    backStack.append(state)
    forwardStack.removeAll()
    state = next
    forceRepaint = true
  }

  /// Hands text to the pager; without one, the browser shows it as a page of its own.
  func showInPager(_ text: String) {
    if terminal.runPager(text) {
      forceRepaint = true
      return
    }
    let plain = PagerStyle.stripSGR(text)
    let page = Page(
      title: "medterm pager", format: .markdown,
      sections: [Section(id: "text", title: "", level: 1, blocks: [.preformatted(plain)])])
    push(page, pagerView: true)
    state.say("no pager could be run; q goes back")
  }

  /// Cells available to the pager's lines.
  var pagerWidth: Int { max(20, min(terminal.size.width, 200)) }

  /// Bold and underline for `less -R`; nothing for other pagers.
  var pagerStyle: PagerStyle { PagerStyle.forPager(environment: environment) }

  /// The environment the pager will see (tests may replace it).
  public var environment: [String: String] = [:]

  /// The body scrolled by a few lines and nothing else moved: the terminal may scroll the
  /// body rows instead of repainting them.
  static func scrollHint(from old: BrowserState, to new: BrowserState) -> ScrollHint? {
    guard old.page == new.page, old.geometry == new.geometry, old.layout.width == new.layout.width,
      old.helpTop == nil, new.helpTop == nil, !new.overlayOpen, !old.overlayOpen
    else { return nil }
    let lines = new.top - old.top
    let height = new.geometry.bodyHeight
    guard lines != 0, abs(lines) < height / 2 else { return nil }
    let top = new.geometry.bodyTop
    return ScrollHint(top: top, bottom: top + height - 1, lines: lines)
  }

  func syncSize() {
    let size = terminal.size
    if size.width != state.geometry.width || size.height != state.geometry.height {
      state.resize(width: size.width, height: size.height)
    }
  }
}
