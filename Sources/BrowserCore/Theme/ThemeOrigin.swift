/// Where a theme came from, for `--list-themes` and for messages.
public enum ThemeOrigin: Hashable, Sendable, CustomStringConvertible {
  /// The copy of `Themes/default.theme` compiled into the program.
  case builtIn
  /// The `Themes/` folder shipped with the program.
  case shipped(path: String)
  /// The user's folder, `$XDG_CONFIG_HOME/medterm/themes`.
  case user(path: String)
  /// A file named by path on the command line.
  case file(path: String)

  /// The file the theme was read from; nil when built in.
  public var path: String? {
    switch self {
    case .builtIn: nil
    case .shipped(let path), .user(let path), .file(let path): path
    }
  }

  public var description: String {
    switch self {
    case .builtIn: "built in"
    case .shipped(let path): "shipped: \(path)"
    case .user(let path): "user: \(path)"
    case .file(let path): path
    }
  }
}
