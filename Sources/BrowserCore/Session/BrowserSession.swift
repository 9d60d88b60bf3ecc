import MedlinePlus

/// The loop that ties a state to a terminal: paint, read a key, apply it, perform what it
/// asks for (open a link, go back), repeat.
///
/// Keys typed ahead are applied together before the next paint, so holding down `j` over a
/// slow link never queues up screens that are already out of date.
public final class BrowserSession {
  /// What is on screen: a page, or a library's topic index.
  public enum View {
    case page(BrowserState)
    case index(IndexState)
  }

  public internal(set) var view: View
  let terminal: Terminal
  let host: BrowserHost?
  /// The library the pages come from, when medterm opened one: its topics open from it.
  let catalog: TopicCatalog?
  /// Views behind and ahead of the current one, each with its reading position.
  private(set) var backStack: [View] = []
  private(set) var forwardStack: [View] = []
  /// How many queued keys are applied before the screen is painted anyway.
  private let typeAheadLimit = 64
  /// Set when the next paint must repaint every cell (after a pager or Ctrl-L).
  var forceRepaint = true
  private var shown: BrowserState?

  public init(
    state: BrowserState, terminal: Terminal, host: BrowserHost? = nil, catalog: TopicCatalog? = nil
  ) {
    view = .page(state)
    self.terminal = terminal
    self.host = host
    self.catalog = catalog
  }

  /// A session that starts at a library's topic index.
  public init(index: IndexState, terminal: Terminal, host: BrowserHost? = nil) {
    view = .index(index)
    self.terminal = terminal
    self.host = host
    catalog = index.catalog
  }

  /// The page on screen (or, while the index shows, the page last shown; tests and the
  /// loop read it, mutations apply only to a page view).
  public var state: BrowserState {
    get {
      if case .page(let page) = view { return page }
      for case .page(let page) in backStack.reversed() { return page }
      return BrowserState(page: Page(title: "", format: .markdown), width: 1, height: 1)
    }
    set {
      if case .page = view { view = .page(newValue) }
    }
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
        if case .index(var index) = view {
          if next == .right && !forwardStack.isEmpty {
            // → goes forward again to the topic Back left, where it was left (Enter opens
            // the selected topic afresh); with nothing ahead it opens the selection.
            _ = perform(.forward)
          } else {
            let result = index.handle(next)
            view = .index(index)
            switch result {
            case .quit: return
            case .bell: bell = true
            case .none: break
            case .open(let entry): openFromCatalog(entry)
            }
          }
          applied += 1
          key = applied < typeAheadLimit ? terminal.readKey(timeoutMilliseconds: 0) : nil
          continue
        }
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
    switch view {
    case .index(let index):
      terminal.present(IndexComposer.compose(index), force: forceRepaint)
      shown = nil
    case .page(let page):
      var screen = ScreenComposer.compose(page)
      if !forceRepaint, let shown { screen.scrollHint = Self.scrollHint(from: shown, to: page) }
      terminal.present(screen, force: forceRepaint)
      shown = page
    }
    forceRepaint = false
  }

  /// Opens a topic of the library as a page, keeping the index (or page) for Back.
  func openFromCatalog(_ entry: Int) {
    guard let catalog else { return }
    switch catalog.page(entry) {
    case .success(let page): push(page)
    case .failure(let failure):
      if case .index(var index) = view {
        index.say(failure.message)
        view = .index(index)
      } else {
        state.say(failure.message)
      }
      terminal.bell()
    }
  }

  /// Carries out an effect; returns what is left for the loop (quit, bell).
  private func perform(_ effect: Effect) -> Effect {
    switch effect {
    case .quit:
      // A topic opened from the index closes back to the index, as tig closes a view.
      if case .index? = backStack.last { return perform(.back) }
      return effect
    case .none, .bell:
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
      forwardStack.append(view)
      show(previous)
      return .none
    case .forward:
      guard let next = forwardStack.popLast() else {
        state.say("this is the last page")
        return .bell
      }
      backStack.append(view)
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

  /// Shows another view, laid out for the current terminal size.
  func show(_ next: View) {
    let size = terminal.size
    switch next {
    case .page(var page):
      if page.geometry.width != size.width || page.geometry.height != size.height {
        page.resize(width: size.width, height: size.height)
      }
      view = .page(page)
    case .index(var index):
      index.resize(width: size.width, height: size.height)
      view = .index(index)
    }
    forceRepaint = true
  }

  /// Opens a new page in the browser, keeping the current one for Back.
  func push(_ page: Page, pagerView: Bool = false) {
    let size = terminal.size
    var next = BrowserState(page: page, width: size.width, height: size.height, glyphs: glyphs)
    next.isPagerView = pagerView
    if pagerView { next.hideSidebar() }
    backStack.append(view)
    forwardStack.removeAll()
    view = .page(next)
    forceRepaint = true
  }

  /// Hands text to the pager; without one, the browser shows it as a page of its own.
  func showInPager(_ text: String) {
    if terminal.runPager(text) {
      forceRepaint = true
      return
    }
    // The text's first line (the card's or the list's title) names it on the status line.
    var plain = PagerStyle.stripSGR(text)[...]
    plain = plain.drop { $0 == "\n" }
    let firstLine = plain.prefix { $0 != "\n" }
    let title = String(firstLine).trimmingSpaces
    let body = String(plain.dropFirst(firstLine.count).drop { $0 == "\n" })
    let page = Page(
      title: title, format: .markdown,
      sections: [Section(id: "text", title: title, level: 1, blocks: [.preformatted(body)])])
    push(page, pagerView: true)
    let pager = PagerCommand.words(environment: environment)
    let program = PagerCommand.programName(pager)
    state.say(
      PagerCommand.doesNotWait(pager)
        ? "PAGER is cat, which does not wait: the text is shown here; q goes back"
        : "the pager \(program) could not be run: the text is shown here; q goes back")
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

  /// The drawing characters of this session.
  var glyphs: Glyphs {
    switch view {
    case .page(let page): page.glyphs
    case .index(let index): index.glyphs
    }
  }

  func syncSize() {
    let size = terminal.size
    switch view {
    case .page(var page):
      if size.width != page.geometry.width || size.height != page.geometry.height {
        page.resize(width: size.width, height: size.height)
        view = .page(page)
      }
    case .index(var index):
      index.resize(width: size.width, height: size.height)
      view = .index(index)
    }
  }
}
