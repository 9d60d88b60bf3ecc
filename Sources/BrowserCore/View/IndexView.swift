/// A library's topic index as a view: the query is edited with the one line editor, ↑ ↓
/// move over the hits, Enter opens one. `q` quits while the query is empty and is typed
/// otherwise; ← at the start of the query goes back, → at its end goes forward again to
/// the topic Back left.
public final class IndexView: View {
  public private(set) var state: IndexState
  public let kind = ViewKind.index

  public init(_ state: IndexState) {
    self.state = state
  }

  public func perform(_ command: Command, key: Key, context: ViewContext) -> ViewAction {
    state.clearMessage()
    switch command {
    case .insert, .deleteBackward, .deleteForward, .deleteWord, .deleteToStart, .deleteToEnd,
      .lineStart, .lineEnd:
      return state.edit(command, key: key) ? .done : .bell
    case .cursorLeft:
      if state.editor.isAtStart { return .unhandled }
      return state.edit(command) ? .done : .bell
    case .cursorRight:
      // At the end of the query, → goes forward to the topic Back left, where it was left.
      if state.editor.isAtEnd { return context.canGoForward ? .request(.forward) : .bell }
      return state.edit(command) ? .done : .bell
    case .close:
      guard state.editor.isEmpty else { return state.edit(.insert, key: key) ? .done : .bell }
      return .unhandled
    case .cancel:
      return state.clearQuery() ? .done : .unhandled
    case .cycleLanguage:
      // A search's results are in one language: Tab asks the service in the other.
      if let results = state.catalog as? ServiceResultsCatalog, let words = results.words {
        return .request(.searchMedlinePlus(words, language: results.language.other))
      }
      state.cycleLanguage(backward: key == .backTab)
      return .done
    case .lineDown: return moreWhenNearTheEnd(moved: state.move(by: 1))
    case .lineUp: return state.move(by: -1) ? .done : .bell
    case .pageDown: return moreWhenNearTheEnd(moved: state.move(by: state.listHeight))
    case .pageUp: return state.move(by: -state.listHeight) ? .done : .bell
    case .activate:
      guard let entry = state.selectedEntry else { return .bell }
      return .request(.openTopic(entry: entry, catalog: state.catalog))
    case .searchMedlinePlus:
      let words = state.query.trimmingSpaces
      return .request(.searchMedlinePlus(words.isEmpty ? nil : words))
    default:
      return .unhandled
    }
  }

  /// A search's results come a page at a time: on the last of those listed, the next page
  /// is asked for (only while the service has more).
  private func moreWhenNearTheEnd(moved: Bool) -> ViewAction {
    guard let results = state.catalog as? ServiceResultsCatalog, results.hasMore,
      state.query.isEmpty, state.selected >= state.hits.count - 1
    else { return moved ? .done : .bell }
    return .request(.moreResults(results))
  }

  /// The catalog got more entries (the next page of results): list them.
  public func catalogGrew() {
    state.catalogGrew()
  }

  public func compose(into screen: inout ScreenBuffer, context: ViewContext) {
    screen = IndexComposer.compose(state, hints: Self.hints(for: state, context: context))
  }

  /// The status line's key hints, from the key map.
  public static func hints(for state: IndexState, context: ViewContext) -> [String] {
    [
      context.hint([.lineUp, .lineDown], "move", in: .index),
      context.hint([.activate], "open", in: .index),
      context.hint([.cycleLanguage], "language", in: .index),
      state.query.isEmpty
        ? context.closeHint(in: .index) : context.hint([.cancel], "clear", in: .index),
    ].compactMap { $0 }
  }

  public func resize(to size: TerminalSize) {
    state.resize(width: size.width, height: size.height)
  }

  public func say(_ message: String?) {
    state.say(message)
  }

  /// Sets the header's standing note (a library file that breaks off).
  public func warn(_ warning: String?) {
    state.warning = warning
  }
}
