import MedlinePlus

/// A page with its sidebar, or a text medterm shows by itself (a card, link information, a
/// text with no pager to show it): the `BrowserState` on screen, the prompts its commands
/// open, and what its commands ask of the session.
public final class PageView: View {
  public private(set) var state: BrowserState
  /// Where the page came from, for history, bookmarks and the place to come back to; nil
  /// for a text of medterm's own.
  public let address: String?

  /// Lays a text out again for a new width (a card, a list), when the view shows one.
  private let render: ((Int) -> PagerText)?
  /// Reads the page again in another mode (the whole page, or its article), when its
  /// source is at hand.
  private let reread: ((ReadingMode) -> Page?)?
  /// How much of the page is shown.
  public private(set) var mode: ReadingMode

  public init(
    _ state: BrowserState, address: String? = nil, mode: ReadingMode = .article,
    reread: ((ReadingMode) -> Page?)? = nil
  ) {
    self.state = state
    self.address = address ?? state.page.origin
    self.mode = mode
    self.reread = reread
    render = nil
  }

  /// A text of medterm's own, laid out for the width it gets and again after a resize.
  public init(text render: @escaping (Int) -> PagerText, size: TerminalSize) {
    self.render = render
    address = nil
    mode = .full
    reread = nil
    state = BrowserState(text: render(Self.textWidth(size)), width: size.width, height: size.height)
  }

  /// The width a text is laid out for on a screen (the content pane without a sidebar).
  static func textWidth(_ size: TerminalSize) -> Int {
    ScreenGeometry(width: size.width, height: size.height, sidebarWanted: false).contentWidth
  }

  public var kind: ViewKind { state.isText ? .text : .page }

  public func perform(_ command: Command, key: Key, context: ViewContext) -> ViewAction {
    switch command {
    case .searchForward, .searchBackward:
      let backward = command == .searchBackward
      return .push(
        PromptView(
          label: backward ? "\\" : "/", purpose: .search,
          history: context.histories.history(for: .search)
        ) { [unowned self] query in
          action(self.state.search(query, backward: backward))
        })
    case .linkNumber:
      guard case .character(let digit) = key else { return .unhandled }
      guard !state.page.links.isEmpty else {
        state.say("this page has no links")
        return .bell
      }
      return .push(
        PromptView(
          label: "Follow link number: ", purpose: .other, text: String(digit),
          accepts: { $0.isASCII && $0.isNumber }
        ) { [unowned self] typed in
          // As in lynx, the number and Enter follow the link at once.
          guard let number = Int(typed) else { return .done }
          guard self.state.selectLink(number: number) else { return .bell }
          return .request(.openLink(index: number - 1, mode: .standard))
        })
    case .goToPercent:
      return .push(
        PromptView(
          label: "Go to percent: ", purpose: .other, accepts: { $0.isASCII && $0.isNumber }
        ) { [unowned self] typed in
          guard let percent = Int(typed) else { return .done }
          return action(self.state.goTo(percent: percent))
        })
    case .setMark, .goToMark:
      let setting = command == .setMark
      return .push(
        PromptView(
          label: setting ? "Mark this place with a letter: " : "Go to mark: ", purpose: .other,
          accepts: { $0.isLetter || (!setting && $0 == "'") }, answersOnOneKey: true
        ) { [unowned self] letter in
          guard let letter = letter.first else { return .done }
          return action(setting ? self.state.setMark(letter) : self.state.goToMark(letter))
        })
    case .openHere, .openInPager:
      guard let link = selectedLinkOrSay() else { return .bell }
      return .request(.openLink(index: link, mode: command == .openHere ? .here : .pager))
    case .linkInfo:
      return .push(
        PageView(text: { [state, address] in Self.info(state, address, $0) }, size: context.size))
    case .toggleFullPage:
      return toggleFullPage()
    case .otherLanguage:
      return otherLanguage()
    case .cancel:
      // Esc first clears what the reader can see (the narrow sidebar, the search's
      // highlights); only then does it close the page.
      return state.dismiss() ? .done : .unhandled
    default:
      guard Self.ownCommands.contains(command) else { return .unhandled }
      return action(state.apply(command))
    }
  }

  /// Commands `BrowserState.apply` carries out; any other it refuses is the session's.
  private static let ownCommands: Set<Command> = [
    .lineDown, .lineUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom,
    .nextSection, .previousSection, .toggleFocus, .activate, .toggleSidebar, .nextLink,
    .previousLink, .openLink, .listLinks, .copyLink, .nextMatch, .previousMatch, .scrollRight,
    .scrollLeft,
  ]

  /// `t`: the other language: the selected link's Spanish version (a resource's "ES"),
  /// else the topic's twin, from the page's own link to it when it has one (← comes back).
  private func otherLanguage() -> ViewAction {
    let page = state.page
    if let link = state.visibleSelectedLink, let spanish = page.links[link].spanishURL,
      !spanish.isEmpty
    {
      return .request(.open(address: spanish, mode: .standard))
    }
    if let twin = page.topic?.twin?.url, !twin.isEmpty {
      if let index = page.links.firstIndex(where: { $0.url == twin }) {
        return .request(.openLink(index: index, mode: .here))
      }
      return .request(.open(address: twin, mode: .here))
    }
    state.say("this page has no version in another language")
    return .bell
  }

  /// `R`: the whole page instead of its article, or the article again, at the same section
  /// where both have it.
  private func toggleFullPage() -> ViewAction {
    let other: ReadingMode = mode == .article ? .full : .article
    guard mode == .full || state.page.isArticleOfPage, let reread, let page = reread(other) else {
      state.say("this page has no other reading: it is shown whole")
      return .bell
    }
    let position = state.position
    state = BrowserState(
      page: page, width: state.geometry.width, height: state.geometry.height,
      glyphs: state.glyphs, sidebarWidth: state.sidebarWidth)
    state.restore(position)
    mode = other
    hintCache = nil
    state.say(
      other == .full ? "the whole page (R: the article)" : "the article (R: the whole page)")
    return .done
  }

  private func action(_ effect: Effect) -> ViewAction {
    switch effect {
    case .none: .done
    case .bell: .bell
    case .openLink(let index): .request(.openLink(index: index, mode: .standard))
    case .listLinks: .request(.listLinks(state.page))
    case .copy(let text): .request(.copy(text))
    }
  }

  private func selectedLinkOrSay() -> Int? {
    guard let link = state.visibleSelectedLink else {
      state.say("no link selected; } selects the next one, or type its number")
      return nil
    }
    return link
  }

  /// `=`: everything known about the selected link, or about the page when none is.
  private static func info(_ state: BrowserState, _ address: String?, _ width: Int) -> PagerText {
    let page = state.page
    if let link = state.visibleSelectedLink {
      return LinkCard.text(
        link: page.links[link], number: link + 1, page: page, error: nil, width: width,
        glyphs: state.glyphs)
    }
    return PageInfo.text(page, address: address, position: state, width: width)
  }

  public func mouse(_ event: MouseEvent) -> ViewAction {
    action(state.mouse(event))
  }

  public func compose(into screen: inout ScreenBuffer, context: ViewContext) {
    screen = ScreenComposer.compose(state, hints: hints(context))
  }

  /// What the hints depend on; they are worked out again only when it changes, not on
  /// every keystroke.
  private struct HintInputs: Equatable {
    var focus: Focus
    var isLast: Bool
    var glyphs: Glyphs
    var keymapRevision: Int
  }
  private var hintCache: (inputs: HintInputs, hints: [String])?

  private func hints(_ context: ViewContext) -> [String] {
    let inputs = HintInputs(
      focus: state.focus, isLast: context.isLast, glyphs: context.glyphs,
      keymapRevision: context.keymap.revision)
    if let hintCache, hintCache.inputs == inputs { return hintCache.hints }
    let hints = Self.hints(for: state, context: context)
    hintCache = (inputs, hints)
    return hints
  }

  /// The status line's key hints, from the key map: what the reader most needs next.
  public static func hints(for state: BrowserState, context: ViewContext) -> [String] {
    let kind: ViewKind = state.isText ? .text : .page
    var hints: [String?] = []
    if state.isText {
      hints.append(context.hint([.pageDown], "page", in: kind))
    } else if state.focus == .sidebar {
      hints.append(context.hint([.activate], "go", in: kind))
    } else {
      hints.append(context.hint([.toggleFocus], "sidebar", in: kind))
    }
    hints.append(context.hint([.searchForward], "search", in: kind))
    if !state.isText { hints.append(context.hint([.help], "help", in: kind)) }
    hints.append(context.closeHint(in: kind))
    return hints.compactMap { $0 }
  }

  public func resize(to size: TerminalSize) {
    guard size.width != state.geometry.width || size.height != state.geometry.height else {
      return
    }
    guard let render, Self.textWidth(size) != state.layout.width else {
      state.resize(width: size.width, height: size.height)
      return
    }
    // A text is written for its width: it is written again, at the same share of the way.
    let position = state.position
    state = BrowserState(text: render(Self.textWidth(size)), width: size.width, height: size.height)
    state.restore(position)
  }

  public func say(_ message: String?) {
    state.say(message)
  }

  /// Changes the state from outside (the session restoring a reading position).
  public func update(_ change: (inout BrowserState) -> Void) {
    change(&state)
  }
}
