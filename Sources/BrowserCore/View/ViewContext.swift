/// What a view may know of the session around it while it handles a command or draws.
public struct ViewContext {
  public var keymap: Keymap
  public var glyphs: Glyphs
  public var size: TerminalSize
  /// True when this view is the last one: closing it quits medterm.
  public var isLast: Bool
  /// True when → has somewhere to go.
  public var canGoForward: Bool
  /// What was typed at prompts, by purpose.
  public var histories: PromptHistoryBook

  public init(
    keymap: Keymap, glyphs: Glyphs, size: TerminalSize, isLast: Bool, canGoForward: Bool,
    histories: PromptHistoryBook = PromptHistoryBook()
  ) {
    self.keymap = keymap
    self.glyphs = glyphs
    self.size = size
    self.isLast = isLast
    self.canGoForward = canGoForward
    self.histories = histories
  }

  /// A status-line hint for a command as this keymap binds it in a view: its first key and a
  /// word ("/ search"), or nil when no key runs it there.
  public func hint(_ commands: [Command], _ word: String, in view: ViewKind) -> String? {
    var labels: [String] = []
    for command in commands {
      guard let key = keymap.effectiveKeys(for: command, in: view).first else { return nil }
      labels.append(glyphs.isASCII ? key.name : key.label)
    }
    // Two arrows read as one ("↑↓ move"); two words need a slash.
    let joined =
      labels.allSatisfy { $0.count == 1 } ? labels.joined() : labels.joined(separator: "/")
    return joined + " " + word
  }

  /// The hint for closing a view: "q quit" on the last one, "q back" on the others.
  public func closeHint(in view: ViewKind) -> String? {
    hint([.close], isLast ? "quit" : "back", in: view)
  }
}
