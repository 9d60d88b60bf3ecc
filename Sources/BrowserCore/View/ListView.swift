/// A list of entries to pick from: the history (newest first), the bookmarks, the messages.
/// One row per entry: its note (when), its title, and its address dimmed after it. What
/// Enter, `d`, `r` and `a` do with an entry is the session's: the view only moves and asks.
public final class ListView: View {
  public struct Row: Hashable, Sendable {
    public var title: String
    /// The address, shown dimmed after the title.
    public var detail: String
    /// A short note before the title ("today 14:03").
    public var note: String

    public init(title: String, detail: String = "", note: String = "") {
      self.title = title
      self.detail = detail
      self.note = note
    }
  }

  /// What the session does with an entry.
  public struct Actions {
    public var activate: ((Row) -> ViewAction)?
    public var delete: ((Row) -> ViewAction)?
    public var rename: ((Row) -> ViewAction)?
    public var bookmark: ((Row) -> ViewAction)?

    public init(
      activate: ((Row) -> ViewAction)? = nil, delete: ((Row) -> ViewAction)? = nil,
      rename: ((Row) -> ViewAction)? = nil, bookmark: ((Row) -> ViewAction)? = nil
    ) {
      self.activate = activate
      self.delete = delete
      self.rename = rename
      self.bookmark = bookmark
    }
  }

  public let kind: ViewKind
  public let title: String
  public private(set) var rows: [Row]
  public private(set) var selected = 0
  public private(set) var top = 0
  private var size: TerminalSize
  private let empty: String
  private let actions: Actions
  private var message: String?

  public init(
    kind: ViewKind, title: String, rows: [Row], empty: String, size: TerminalSize,
    actions: Actions = Actions()
  ) {
    self.kind = kind
    self.title = title
    self.rows = rows
    self.empty = empty
    self.size = size
    self.actions = actions
  }

  /// Rows between the header and rule above and the status line below.
  var listHeight: Int { max(1, size.height - 3) }

  public var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }

  /// Replaces the rows (after a delete or a rename), keeping the cursor near where it was.
  public func update(_ rows: [Row]) {
    self.rows = rows
    selected = min(selected, max(0, rows.count - 1))
    reveal()
  }

  public func perform(_ command: Command, key: Key, context: ViewContext) -> ViewAction {
    message = nil
    switch command {
    case .lineDown: return move(by: 1)
    case .lineUp: return move(by: -1)
    case .pageDown: return move(by: listHeight)
    case .pageUp: return move(by: -listHeight)
    case .top: return move(by: -rows.count)
    case .bottom: return move(by: rows.count)
    case .activate: return act(actions.activate)
    case .deleteEntry: return act(actions.delete)
    case .renameEntry: return act(actions.rename)
    case .addBookmark: return act(actions.bookmark)
    default: return .unhandled
    }
  }

  private func act(_ action: ((Row) -> ViewAction)?) -> ViewAction {
    guard let action else { return .unhandled }
    guard let row = selectedRow else {
      message = empty
      return .bell
    }
    return action(row)
  }

  private func move(by steps: Int) -> ViewAction {
    guard !rows.isEmpty else { return .bell }
    let target = min(max(0, selected + steps), rows.count - 1)
    guard target != selected else { return .bell }
    selected = target
    reveal()
    return .done
  }

  private func reveal() {
    if selected < top { top = selected }
    if selected >= top + listHeight { top = selected - listHeight + 1 }
    top = max(0, min(top, max(0, rows.count - listHeight)))
  }

  public func compose(into screen: inout ScreenBuffer, context: ViewContext) {
    screen = ScreenBuffer(width: context.size.width, height: context.size.height)
    let glyphs = context.glyphs
    let width = screen.width
    let text = { (value: String) in glyphs.isASCII ? Transliterator.ascii(value) : value }
    var x = screen.write(" ", x: 0, y: 0, role: .title)
    let count = rows.count == 1 ? "1 entry" : "\(rows.count) entries"
    x = screen.write(
      ScreenComposer.truncated(text(title), to: width - count.count - 4, glyphs), x: x, y: 0,
      role: .title)
    screen.write(count, x: max(x + 1, width - count.count - 1), y: 0, role: .dim)
    screen.write(String(repeating: glyphs.horizontalBar, count: width), x: 0, y: 1, role: .border)
    if rows.isEmpty {
      screen.write(
        " " + ScreenComposer.truncated(text(empty), to: width - 2, glyphs), x: 0, y: 2, role: .dim)
    }
    let noteWidth = min(rows.map { DisplayWidth.of($0.note) }.max() ?? 0, width / 4)
    for offset in 0..<listHeight {
      let index = top + offset
      guard rows.indices.contains(index) else { break }
      draw(
        rows[index], selected: index == selected, y: 2 + offset, noteWidth: noteWidth,
        on: &screen, glyphs: glyphs, text: text)
    }
    let y = screen.height - 1
    screen.fill(y: y, role: .statusBar)
    if let message {
      screen.write(
        " " + ScreenComposer.truncated(text(message), to: width - 2, glyphs), x: 0, y: y,
        role: .statusMessage)
      return
    }
    var hints: [String?] = [context.hint([.lineUp, .lineDown], "move", in: kind)]
    if actions.activate != nil { hints.append(context.hint([.activate], "open", in: kind)) }
    if actions.delete != nil { hints.append(context.hint([.deleteEntry], "delete", in: kind)) }
    if actions.rename != nil { hints.append(context.hint([.renameEntry], "rename", in: kind)) }
    if actions.bookmark != nil { hints.append(context.hint([.addBookmark], "bookmark", in: kind)) }
    hints.append(context.closeHint(in: kind))
    var line = ""
    for hint in hints.compactMap({ $0 }) {
      let next = line.isEmpty ? " " + hint : line + " \(glyphs.middleDot) " + hint
      guard DisplayWidth.of(next) <= width - 1 else { break }
      line = next
    }
    screen.write(line, x: 0, y: y, role: .statusBar)
  }

  private func draw(
    _ row: Row, selected: Bool, y: Int, noteWidth: Int, on screen: inout ScreenBuffer,
    glyphs: Glyphs, text: (String) -> String
  ) {
    let width = screen.width
    if selected { screen.fill(y: y, role: .sidebarSelected) }
    let base: StyleRole = selected ? .sidebarSelected : .normal
    var x = screen.write(selected ? glyphs.selectionMarker + " " : "  ", x: 0, y: y, role: base)
    if noteWidth > 0 {
      let note = ScreenComposer.truncated(text(row.note), to: noteWidth, glyphs)
      screen.write(note, x: x, y: y, role: selected ? base : .dim)
      x += noteWidth + 2
    }
    let room = width - x - 1
    let title = text(row.title.isEmpty ? row.detail : row.title)
    let titleShown = ScreenComposer.truncated(title, to: max(1, room), glyphs)
    x = screen.write(titleShown, x: x, y: y, role: selected ? base : .link)
    let rest = width - x - 3
    guard !row.detail.isEmpty, row.detail != row.title, rest >= 12 else { return }
    screen.write(
      ScreenComposer.truncated(text(row.detail), to: rest, glyphs), x: x + 2, y: y,
      role: selected ? base : .dim)
  }

  public func resize(to size: TerminalSize) {
    self.size = size
    reveal()
  }

  public func say(_ message: String?) {
    self.message = message
  }
}
