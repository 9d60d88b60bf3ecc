import MedlinePlus

/// The loop that ties a stack of views to a terminal: paint, read a key, look it up in the
/// key map for the view on top, let that view handle the command, and do what it asks (open
/// a view, load an address, go back). Commands a view leaves alone (help, back, quit, go to)
/// are handled here, the same way for every view.
///
/// Keys typed ahead are applied together before the next paint, so holding down `j` over a
/// slow link never queues up screens that are already out of date.
public final class BrowserSession {
  /// The views on screen, bottom first; the last one gets the keys.
  public private(set) var stack: [any View]
  /// Pages and indexes that ← left, for →.
  private(set) var forwardStack: [any View] = []
  public var keymap: Keymap
  let terminal: Terminal
  let host: BrowserHost?
  /// The library the pages come from, when medterm opened one: its topics open from it.
  let catalog: TopicCatalog?
  public let glyphs: Glyphs
  /// How `Enter` and `o` open a page that is not a topic page (`set open`).
  public var openMode: OpeningMode = .pager
  /// The docked sidebar's width for pages opened (`set sidebar-width`), or nil to fit.
  public var sidebarWidth: Int?
  /// What was typed at each kind of prompt.
  public let histories: PromptHistoryBook
  /// History, bookmarks and reading positions: on disk, or for this run only.
  public var memory: SessionMemory = TransientMemory()
  /// Warnings for the messages view (theme, config and state files).
  public private(set) var messages: [String] = []
  /// The environment the pager will see (tests may replace it).
  public var environment: [String: String] = [:]
  /// Keeps searches under the search service's limit of requests a minute.
  var searchPacer = RequestPacer(limit: SearchService.requestsPerMinute)
  /// Seconds on a clock that only goes forward (tests may replace it).
  public var clock: () -> Double = MonotonicSeconds.now

  /// How many queued keys are applied before the screen is painted anyway.
  private let typeAheadLimit = 64
  /// Set when the next paint must repaint every cell (after a pager or Ctrl-L).
  var forceRepaint = true
  /// The page view and state of the last frame, when nothing covered it: the next frame may
  /// then scroll instead of repainting.
  private var lastFrame: (view: ObjectIdentifier, state: BrowserState)?
  private var finished = false
  /// True once the reader has quit.
  public var isFinished: Bool { finished }
  var bellPending = false

  public init(
    root: any View, terminal: Terminal, host: BrowserHost? = nil, catalog: TopicCatalog? = nil,
    glyphs: Glyphs = .unicode, keymap: Keymap = .standard,
    histories: PromptHistoryBook = PromptHistoryBook()
  ) {
    stack = [root]
    self.terminal = terminal
    self.host = host
    self.catalog = catalog
    self.glyphs = glyphs
    self.keymap = keymap
    self.histories = histories
  }

  /// A session that starts at a page.
  public convenience init(
    state: BrowserState, terminal: Terminal, host: BrowserHost? = nil, catalog: TopicCatalog? = nil
  ) {
    self.init(
      root: PageView(state), terminal: terminal, host: host, catalog: catalog,
      glyphs: state.glyphs)
  }

  /// A session that starts at a library's topic index.
  public convenience init(index: IndexState, terminal: Terminal, host: BrowserHost? = nil) {
    self.init(
      root: IndexView(index), terminal: terminal, host: host, catalog: index.catalog,
      glyphs: index.glyphs)
  }

  /// The view getting the keys.
  public var top: any View { stack[stack.count - 1] }

  /// The page nearest the top of the stack (a text of medterm's own when there is no page;
  /// tests and the loop read it); an empty page when there is neither.
  public var state: BrowserState {
    if let page = currentPage { return page.state }
    for case let text as PageView in stack.reversed() { return text.state }
    return BrowserState(page: Page(title: "", format: .markdown), width: 1, height: 1)
  }

  /// The page view nearest the top (not a text).
  var currentPage: PageView? {
    stack.last { $0.kind == .page } as? PageView
  }

  /// Adds a warning for the messages view, and shows it on the status line now.
  public func warn(_ message: String) {
    messages.append(message)
    top.say(message)
  }

  // MARK: The loop

  /// Runs until the user quits or input ends.
  public func run() {
    begin()
    while !finished {
      paint()
      if top.isBusy {
        poll()
        continue
      }
      guard let first = terminal.readKey(timeoutMilliseconds: nil) else {
        // Ctrl-C at a prompt gives up the prompt, as in a shell; anywhere else it quits.
        if top.kind == .prompt, terminal.consumeInterrupt() {
          run(.cancel, key: .control("c"))
          continue
        }
        if terminal.inputEnded { break }
        continue
      }
      var key: Key? = first
      var applied = 0
      while let next = key, !finished {
        press(next)
        applied += 1
        // A load paints its progress itself; keys typed meanwhile go to it, one by one.
        if top.isBusy { break }
        key = applied < typeAheadLimit ? terminal.readKey(timeoutMilliseconds: 0) : nil
      }
      if bellPending {
        terminal.bell()
        bellPending = false
      }
      reportMemoryWarnings()
    }
    for view in stack where Self.isDocument(view) { remember(left: view) }
  }

  /// Before the first key: the page medterm was started on is opened too (a visit, and
  /// where it was left last time).
  func begin() {
    syncSize()
    if let root = stack.first, Self.isDocument(root) { remember(opened: root) }
    reportMemoryWarnings()
  }

  /// A slice of a busy view's work (a load), and any key typed meanwhile.
  private func poll() {
    if terminal.consumeInterrupt() { run(.cancel, key: .control("c")) }
    if let key = terminal.readKey(timeoutMilliseconds: 0) {
      press(key)
      return
    }
    if terminal.inputEnded { run(.cancel, key: .escape) }
    if let action = top.poll(milliseconds: 50, context: context(for: top)) { perform(action) }
  }

  /// Lets a busy view (a load) finish without keys: for `--dump-screen` scripts and tests,
  /// whose loads answer at once.
  func settle() {
    while top.isBusy && !finished {
      if let action = top.poll(milliseconds: 50, context: context(for: top)) { perform(action) }
    }
  }

  /// One key: the key map's command for the view on top.
  public func press(_ key: Key) {
    if key == .resize {
      syncSize()
      return
    }
    if case .mouse(let event) = key {
      guard let page = top as? PageView else { return }
      perform(page.mouse(event))
      return
    }
    guard let command = keymap.command(for: key, in: top.kind) else {
      sayUnbound(key)
      return
    }
    run(command, key: key)
  }

  /// Runs a command in the view on top, or here when the view leaves it.
  func run(_ command: Command, key: Key) {
    let action = top.perform(command, key: key, context: context(for: top))
    if case .unhandled = action {
      runEverywhere(command, key: key)
    } else {
      perform(action)
    }
  }

  /// The commands every view shares.
  private func runEverywhere(_ command: Command, key: Key) {
    switch command {
    case .help:
      push(HelpView(for: top.kind, keymap: keymap, glyphs: glyphs))
    case .redraw:
      forceRepaint = true
    case .quit:
      finished = true
    case .close:
      close()
    case .cancel:
      if stack.count > 1 {
        close()
      } else {
        top.say(hintText([.close], "quits"))
      }
    case .back:
      back()
    case .forward:
      forward()
    case .goTo:
      push(goToPrompt())
    case .searchMedlinePlus:
      push(medlinePlusSearchPrompt())
    case .history:
      push(historyView())
    case .bookmarks:
      push(bookmarksView())
    case .messages:
      push(messagesView())
    case .addBookmark:
      guard let bookmark = bookmarkOfCurrentPage() else {
        top.say("this page has no address to bookmark")
        bellPending = true
        return
      }
      perform(bookmarkPrompt(bookmark))
    case .save:
      perform(savePrompt())
    default:
      sayUnbound(key)
    }
  }

  private func sayUnbound(_ key: Key) {
    let name = glyphs.isASCII ? key.name : key.label
    top.say("\(name) does nothing here; \(hintText([.help], "for help"))")
    bellPending = true
  }

  /// "? for help", with whichever key the key map gives the command.
  private func hintText(_ commands: [Command], _ word: String) -> String {
    context(for: top).hint(commands, word, in: top.kind) ?? word
  }

  // MARK: What views ask for

  func perform(_ action: ViewAction) {
    switch action {
    case .done:
      break
    case .unhandled, .bell:
      bellPending = true
    case .close:
      close()
    case .quit:
      finished = true
    case .push(let view):
      push(view)
    case .replace(let view):
      stack.removeLast()
      push(view)
    case .closeThen(let next):
      if stack.count > 1 { stack.removeLast() }
      forceRepaint = true
      perform(next)
    case .later(let work):
      perform(work())
    case .request(let request):
      perform(request)
    }
  }

  private func perform(_ request: SessionRequest) {
    switch request {
    case .openLink(let index, let mode):
      openLink(index, mode: mode)
    case .open(let address, let mode):
      open(address: address, mode: mode)
    case .openTopic(let entry, let catalog):
      openFromCatalog(entry, of: catalog)
    case .moreResults(let results):
      loadMore(of: results)
    case .searchMedlinePlus(let words, let language):
      if let words {
        searchMedlinePlus(words, language: language)
      } else {
        push(medlinePlusSearchPrompt())
      }
    case .listLinks(let page):
      showText { width in LinksList.text(page, width: width, glyphs: self.glyphs) }
    case .showText(let text):
      showText { _ in text }
    case .copy(let text):
      terminal.copyToClipboard(text)
    case .back:
      back()
    case .forward:
      forward()
    case .run(let command):
      run(command, key: .escape)
    case .repaint:
      forceRepaint = true
    }
  }

  // MARK: The stack

  /// Opens a view over the current one. A page or an index starts a new branch of history:
  /// what → could have gone forward to is forgotten, as in every browser.
  func push(_ view: any View) {
    view.resize(to: terminal.size)
    if Self.isDocument(view) {
      forwardStack.removeAll()
      if let current = documentOnTop { remember(left: current) }
    }
    stack.append(view)
    if Self.isDocument(view) { remember(opened: view) }
    forceRepaint = true
  }

  /// Pages and indexes are where the reader has been: ← and → move between them, history
  /// and reading positions are kept of them.
  static func isDocument(_ view: any View) -> Bool {
    view.kind == .page || view.kind == .index
  }

  private var documentOnTop: (any View)? {
    stack.last { Self.isDocument($0) }
  }

  /// `q`: closes the view on top; the last one quits.
  func close() {
    guard stack.count > 1 else {
      finished = true
      return
    }
    if Self.isDocument(top) {
      back()
    } else {
      stack.removeLast()
      forceRepaint = true
    }
  }

  /// ←: the previous page, keeping this one for →.
  func back() {
    guard stack.count > 1 else {
      top.say("this is the first page")
      bellPending = true
      return
    }
    let leaving = stack.removeLast()
    if Self.isDocument(leaving) {
      remember(left: leaving)
      forwardStack.append(leaving)
    }
    show(top)
  }

  /// →: the page ← left, where it was left.
  func forward() {
    guard let next = forwardStack.popLast() else {
      top.say("this is the last page")
      bellPending = true
      return
    }
    if let current = documentOnTop { remember(left: current) }
    stack.append(next)
    show(next)
  }

  /// Shows a view again, laid out for the terminal as it is now.
  private func show(_ view: any View) {
    view.resize(to: terminal.size)
    forceRepaint = true
  }

  // MARK: Painting

  func context(for view: any View) -> ViewContext {
    ViewContext(
      keymap: keymap, glyphs: glyphs, size: terminal.size,
      isLast: stack.first === view,
      canGoForward: !forwardStack.isEmpty, histories: histories)
  }

  func paint() {
    let size = terminal.size
    let base = stack.lastIndex { $0.isOpaque } ?? 0
    // An opaque view draws every cell itself: no blank screen to make first.
    var screen = ScreenBuffer(
      width: stack[base].isOpaque ? 0 : size.width, height: stack[base].isOpaque ? 0 : size.height)
    for view in stack[base...] { view.compose(into: &screen, context: context(for: view)) }
    if size.width < ScreenGeometry.minimumWidth || size.height < ScreenGeometry.minimumHeight {
      screen = ScreenBuffer(width: size.width, height: size.height)
      ScreenComposer.drawTooSmall(&screen)
    }
    // A page alone on screen that scrolled since the last frame: the terminal may scroll.
    var frame: (view: ObjectIdentifier, state: BrowserState)?
    if base == stack.count - 1, let page = top as? PageView {
      frame = (ObjectIdentifier(page), page.state)
      if !forceRepaint, let lastFrame, lastFrame.view == ObjectIdentifier(page) {
        screen.scrollHint = Self.scrollHint(from: lastFrame.state, to: page.state)
      }
    }
    terminal.present(screen, force: forceRepaint)
    lastFrame = frame
    forceRepaint = false
  }

  /// The body scrolled by a few lines and nothing else moved: the terminal may scroll the
  /// body rows instead of repainting them.
  static func scrollHint(from old: BrowserState, to new: BrowserState) -> ScrollHint? {
    guard old.page == new.page, old.geometry == new.geometry, old.layout.width == new.layout.width,
      old.left == new.left, !new.overlayOpen, !old.overlayOpen
    else { return nil }
    let lines = new.top - old.top
    let height = new.geometry.bodyHeight
    guard lines != 0, abs(lines) < height / 2 else { return nil }
    let top = new.geometry.bodyTop
    return ScrollHint(top: top, bottom: top + height - 1, lines: lines)
  }

  func syncSize() {
    let size = terminal.size
    for view in stack { view.resize(to: size) }
  }
}
