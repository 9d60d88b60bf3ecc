/// A line typed on the status line, over the view it belongs to: a search, an address to go
/// to, a link's number, a bookmark's name, a file name, a mark's letter. Every prompt edits
/// with the one `LineEditor` and recalls the lines typed before at prompts of its purpose.
public final class PromptView: View {
  public let kind = ViewKind.prompt
  public let isOpaque = false
  /// What the status line shows before the text ("/", "Go to: ").
  public let label: String
  public let purpose: PromptPurpose
  public private(set) var editor: LineEditor
  /// The characters the prompt takes (digits for a link number); others ring the bell.
  private let accepts: (Character) -> Bool
  /// True when one key is the whole answer (a mark's letter).
  private let answersOnOneKey: Bool
  /// What a key typed first, into the empty line, means instead (`g` after `g`: the top).
  private let firstKey: ((Character) -> ViewAction?)?
  /// Candidates for Tab, best first, for the text typed so far.
  private let completions: ((String) -> [String])?
  private let onSubmit: (String) -> ViewAction
  private var message: String?
  /// Tab's candidates for the text it completed, and which one shows.
  private var cycle: (typed: String, candidates: [String], index: Int)?

  public init(
    label: String, purpose: PromptPurpose, text: String = "", history: [String] = [],
    accepts: @escaping (Character) -> Bool = { _ in true }, answersOnOneKey: Bool = false,
    firstKey: ((Character) -> ViewAction?)? = nil, completions: ((String) -> [String])? = nil,
    onSubmit: @escaping (String) -> ViewAction
  ) {
    self.label = label
    self.purpose = purpose
    editor = LineEditor(text: text, history: history)
    self.accepts = accepts
    self.answersOnOneKey = answersOnOneKey
    self.firstKey = firstKey
    self.completions = completions
    self.onSubmit = onSubmit
  }

  public func perform(_ command: Command, key: Key, context: ViewContext) -> ViewAction {
    message = nil
    if command != .complete { cycle = nil }
    switch command {
    case .insert:
      guard case .character(let character) = key else { return .unhandled }
      if editor.isEmpty, let firstKey, let action = firstKey(character) { return action }
      guard accepts(character) else {
        message = "\(label.trimmingSpaces) takes \(answersOnOneKey ? "a letter" : "digits")"
        return .bell
      }
      if answersOnOneKey { return answer(String(character)) }
      return editor.apply(.insert, key: key) ? .done : .bell
    case .deleteBackward where editor.isEmpty:
      // As in less: rubbing out past the start of the line gives up the prompt.
      return .close
    case .cursorLeft, .cursorRight, .lineStart, .lineEnd, .deleteBackward, .deleteForward,
      .deleteWord, .deleteToStart, .deleteToEnd, .historyPrevious, .historyNext:
      return editor.apply(command) ? .done : .bell
    case .complete:
      return complete()
    case .submit:
      context.histories.record(editor.text, for: purpose)
      return answer(editor.text)
    case .cancel:
      return .close
    default:
      return .unhandled
    }
  }

  /// Closes the prompt, then hands the answer to whoever asked, so that what it says or
  /// opens lands on the view below, not on the prompt.
  private func answer(_ text: String) -> ViewAction {
    .closeThen(.later { [onSubmit] in onSubmit(text) })
  }

  /// Tab: the first candidate for what was typed, then the next one on each Tab.
  private func complete() -> ViewAction {
    guard let completions else {
      message = "nothing to complete here"
      return .bell
    }
    if var cycle, cycle.candidates.count > 1 {
      cycle.index = (cycle.index + 1) % cycle.candidates.count
      self.cycle = cycle
      editor.set(cycle.candidates[cycle.index])
      message = "\(cycle.index + 1) of \(cycle.candidates.count) (Tab: next)"
      return .done
    }
    let typed = editor.text
    let candidates = completions(typed)
    guard let first = candidates.first else {
      message = "no address in history or bookmarks starts so"
      return .bell
    }
    cycle = (typed, candidates, 0)
    editor.set(first)
    if candidates.count > 1 { message = "1 of \(candidates.count) (Tab: next)" }
    return .done
  }

  public func compose(into screen: inout ScreenBuffer, context: ViewContext) {
    guard screen.height > 0 else { return }
    let y = screen.height - 1
    let glyphs = context.glyphs
    screen.fill(y: y, role: .statusBar)
    let shownLabel = glyphs.isASCII ? Transliterator.ascii(label) : label
    let x = screen.write(shownLabel, x: 0, y: y, role: .prompt)
    var room = screen.width - x
    if let message {
      // A note about the line (Tab's count) sits at the right end, never over the text.
      let note = " " + message + " "
      let noteWidth = DisplayWidth.of(note)
      if noteWidth <= room / 2 {
        screen.write(note, x: screen.width - noteWidth, y: y, role: .statusMessage)
        room -= noteWidth
      }
    }
    let line = glyphs.isASCII ? editor.transliterated() : editor
    let (visible, column) = line.visible(in: max(1, room), ellipsis: glyphs.ellipsis)
    screen.write(visible, x: x, y: y, role: .prompt, limit: x + room)
    screen.cursor = (min(screen.width - 1, DisplayWidth.of(shownLabel) + column), y)
  }

  public func resize(to size: TerminalSize) {}

  public func say(_ message: String?) {
    self.message = message
  }
}
