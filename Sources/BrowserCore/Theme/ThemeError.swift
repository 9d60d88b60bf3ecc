/// Why `--theme` could not be honoured. Problems inside a theme file are not errors but
/// `ThemeDiagnostic`s: the rest of the file still applies.
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No theme of that name in the user's folder, the shipped folder or the program.
  case unknownTheme(name: String, available: [String])
  /// A theme file that could not be read, with the reason as a plain phrase.
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .unknownTheme(let name, let available):
      "there is no theme named '\(name)'; the themes are "
        + available.joined(separator: ", ") + " (or give the path of a .theme file)"
    case .unreadable(let path, let reason):
      "cannot read the theme file \(path): \(reason)"
    }
  }
}
