/// The help screen's lines for one kind of view, from the key map (so a config file's `bind`
/// shows): the view's own keys by group, in the command table's order, then the keys that
/// work everywhere. A key the view binds to something else is not listed under
/// "Everywhere", since there it does the other thing.
enum HelpContent {
  struct Line: Equatable {
    var keys: String
    var summary: String
    var isGroup: Bool

    static let blank = Line(keys: "", summary: "", isGroup: false)
  }

  static func lines(for kind: ViewKind, keymap: Keymap, glyphs: Glyphs) -> [Line] {
    var lines: [Line] = []
    var listed: Set<Command> = []
    func add(group: String, _ rows: [Line]) {
      guard !rows.isEmpty else { return }
      if !lines.isEmpty { lines.append(.blank) }
      lines.append(Line(keys: group, summary: "", isGroup: true))
      lines += rows
    }
    let own = CommandTable.bindings(for: kind)
    var groups: [String] = []
    for binding in own where !groups.contains(binding.group) { groups.append(binding.group) }
    for group in groups {
      var rows: [Line] = []
      for binding in own where binding.group == group && !listed.contains(binding.command) {
        listed.insert(binding.command)
        let keys = keymap.keys(for: binding.command, in: kind)
        let keyClass = keymap.keyClass(for: binding.command, in: kind)
        guard !keys.isEmpty || keyClass != nil else { continue }
        rows.append(
          Line(
            keys: CommandBinding.labels(keys: keys, keyClass: keyClass, ascii: glyphs.isASCII),
            summary: binding.summary, isGroup: false))
      }
      add(group: group, rows)
    }
    // Keys a config file bound in this view to commands its table rows do not name.
    var added: [Line] = []
    for (view, _, command) in keymap.allBindings where view == kind && !listed.contains(command) {
      listed.insert(command)
      let keys = keymap.keys(for: command, in: kind)
      let summary = CommandTable.binding(for: command, in: kind)?.summary ?? command.rawValue
      added.append(
        Line(
          keys: CommandBinding.labels(keys: keys, keyClass: nil, ascii: glyphs.isASCII),
          summary: summary, isGroup: false))
    }
    add(group: "Bound in your config", added)
    var everywhere: [Line] = []
    var globalCommands: [Command] = []
    for binding in CommandTable.globalBindings where !globalCommands.contains(binding.command) {
      globalCommands.append(binding.command)
    }
    for (view, _, command) in keymap.allBindings
    where view == nil && !globalCommands.contains(command) {
      globalCommands.append(command)
    }
    for command in globalCommands {
      let keys = keymap.keys(for: command, in: nil).filter {
        keymap.command(for: $0, in: kind) == command
      }
      guard !keys.isEmpty else { continue }
      let summary =
        CommandTable.globalBindings.first { $0.command == command }?.summary
        ?? CommandTable.binding(for: command, in: kind)?.summary ?? command.rawValue
      everywhere.append(
        Line(
          keys: CommandBinding.labels(keys: keys, keyClass: nil, ascii: glyphs.isASCII),
          summary: summary, isGroup: false))
    }
    add(group: "Everywhere", everywhere)
    return lines
  }
}
