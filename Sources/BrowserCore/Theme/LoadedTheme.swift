/// A theme found by `ThemeLibrary`, with the problems of the lines it skipped (to print on
/// stderr before the screen starts) and where it came from.
public struct LoadedTheme: Hashable, Sendable {
  public var theme: Theme
  public var diagnostics: [ThemeDiagnostic]
  public var origin: ThemeOrigin

  public init(theme: Theme, diagnostics: [ThemeDiagnostic] = [], origin: ThemeOrigin) {
    self.theme = theme
    self.diagnostics = diagnostics
    self.origin = origin
  }
}
