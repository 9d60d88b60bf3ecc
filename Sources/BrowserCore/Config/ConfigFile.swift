/// The config file (`$XDG_CONFIG_HOME/medterm/config`), as tigrc, newsboat's config and
/// lesskey have it: one directive a line,
///
///     bind [VIEW] KEY COMMAND     # VIEW: page, text, index, prompt, help, loading,
///     unbind [VIEW] KEY           #   history, bookmarks, messages, or global
///     unbind all                  # no keys but those bound after it
///     set NAME VALUE              # pager, theme, open, sidebar-width, mouse, ascii
///     # a comment
///
/// Without a VIEW, `bind` binds the key in every view the command works in (for a global
/// command: everywhere, taking the key from the views that had it), and `unbind` unbinds
/// it everywhere. A line that is wrong is reported as `file:line: message` and skipped;
/// the rest applies.
public struct ConfigFile: Sendable {
  public var keymap: Keymap
  public var settings: Settings
  public private(set) var diagnostics: [String] = []

  public init(keymap: Keymap = .standard, settings: Settings = Settings()) {
    self.keymap = keymap
    self.settings = settings
  }

  /// Reads a config file's text over the defaults.
  public static func parse(_ text: String, file: String) -> ConfigFile {
    var config = ConfigFile()
    config.apply(text, file: file)
    return config
  }

  /// Adds a diagnostic that is not about one line (the file cannot be read).
  public mutating func note(_ message: String) {
    diagnostics.append(message)
  }

  public mutating func apply(_ text: String, file: String) {
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingSpaces
      guard !line.isEmpty, !line.hasPrefix("#") else { continue }
      if let problem = apply(line) { diagnostics.append("\(file):\(index + 1): \(problem)") }
    }
  }

  /// One directive; the message says what is wrong with it.
  private mutating func apply(_ line: String) -> String? {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    switch words.first {
    case "bind":
      return bind(Array(words.dropFirst()))
    case "unbind":
      return unbind(Array(words.dropFirst()))
    case "set":
      guard words.count >= 2 else { return "set needs a name and a value" }
      let value = line.dropFirst(3).trimmingSpaces.dropFirst(words[1].count).trimmingSpaces
      return settings.set(words[1], value)
    default:
      return "unknown directive \u{201C}\(words.first ?? "")\u{201D} (bind, unbind or set)"
    }
  }

  /// The view a word names: a kind of view, or `global` (nil).
  private static func scope(_ word: String) -> ViewKind?? {
    if word == "global" { return .some(nil) }
    return ViewKind(rawValue: word).map { .some($0) }
  }

  /// The VIEW a directive of `count` words starts with (`.some(nil)`: `global`); nil when
  /// it has fewer words and so names none.
  private static func leadingScope(_ words: [String], count: Int) -> Result<ViewKind??, Problem> {
    guard words.count == count else { return .success(nil) }
    guard let named = scope(words[0]) else {
      return .failure(Problem("no view \u{201C}\(words[0])\u{201D} (there are: \(viewNames))"))
    }
    return .success(named)
  }

  private struct Problem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }

  private static var viewNames: String {
    (ViewKind.allCases.map(\.rawValue) + ["global"]).joined(separator: ", ")
  }

  private mutating func bind(_ words: [String]) -> String? {
    guard words.count == 2 || words.count == 3 else {
      return "bind takes [VIEW] KEY COMMAND"
    }
    let view: ViewKind??
    switch Self.leadingScope(words, count: 3) {
    case .failure(let problem): return problem.description
    case .success(let named): view = named
    }
    guard let key = Key(name: words[words.count - 2]) else {
      return "no key \u{201C}\(words[words.count - 2])\u{201D} (j, C-d, Down, PgDn, F1, Space…)"
    }
    guard let command = Command(configName: words[words.count - 1]) else {
      return
        "no command \u{201C}\(words[words.count - 1])\u{201D} (medterm --dump-config lists them)"
    }
    if let view {
      keymap.bind(key, to: command, in: view)
      return nil
    }
    let rows = CommandTable.bindings.filter { $0.command == command }
    if rows.contains(where: \.isGlobal) {
      for kind in ViewKind.allCases { keymap.unbind(key, in: kind) }
      keymap.bind(key, to: command, in: nil)
    }
    for kind in Set(rows.flatMap(\.views)) { keymap.bind(key, to: command, in: kind) }
    return nil
  }

  private mutating func unbind(_ words: [String]) -> String? {
    if words == ["all"] {
      keymap.unbindAll()
      return nil
    }
    guard words.count == 1 || words.count == 2 else { return "unbind takes [VIEW] KEY" }
    let view: ViewKind??
    switch Self.leadingScope(words, count: 2) {
    case .failure(let problem): return problem.description
    case .success(let named): view = named
    }
    guard let key = Key(name: words[words.count - 1]) else {
      return "no key \u{201C}\(words[words.count - 1])\u{201D}"
    }
    let found = view.map { keymap.unbind(key, in: $0) } ?? keymap.unbindEverywhere(key)
    return found ? nil : "\(key.name) is not bound there"
  }

  /// The effective configuration as a file one can copy and edit: every setting, then every
  /// key of every view (`--dump-config`).
  public func dump() -> String {
    var lines = [
      "# medterm configuration: the settings and keys in effect.",
      "# Copy to $XDG_CONFIG_HOME/medterm/config (~/.config/medterm/config) and edit.",
      "",
    ]
    for name in Settings.names { lines.append("set \(name) \(settings.value(of: name))") }
    lines += [
      "", "# Every key below, and no other (remove a line to unbind its key).", "unbind all",
    ]
    let bindings = keymap.allBindings
    for view in [nil] + ViewKind.allCases.map(Optional.some) {
      let rows = bindings.filter { $0.view == view }
      guard !rows.isEmpty else { continue }
      let name = view?.rawValue ?? "global"
      lines.append("")
      lines.append("# \(view?.title ?? "Everywhere")")
      for row in rows { lines.append("bind \(name) \(row.key.name) \(row.command.rawValue)") }
    }
    lines.append("")
    lines.append("# Commands: " + Command.allCases.map(\.rawValue).joined(separator: " "))
    return lines.joined(separator: "\n") + "\n"
  }
}
