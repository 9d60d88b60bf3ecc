/// A problem with one line of a theme file. The line is skipped; the rest of the file still
/// applies. Printed as `file:line: message`, the form editors jump to.
public struct ThemeDiagnostic: Hashable, Sendable, CustomStringConvertible {
  /// The file as it was named to the parser (a path or a label such as `default.theme`).
  public var file: String
  /// 1-based.
  public var line: Int
  /// A plain sentence without file or line, e.g. `unknown colour 'purpel'`.
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String { "\(file):\(line): \(message)" }
}
