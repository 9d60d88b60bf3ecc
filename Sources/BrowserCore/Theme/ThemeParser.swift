/// Reads the theme file format (documented in `Themes/README.md`):
///
///     # a comment
///     name Light
///     color heading  color24  default  bold   # trailing comment
///     color link     blue     -        underline
///
/// A `#` that starts a word begins a comment, except a word that is exactly `#` and six hex
/// digits, which is a colour. A line with a problem becomes a `ThemeDiagnostic` and is
/// skipped as a whole; parsing never fails.
public enum ThemeParser {
  /// A parsed theme and what was wrong with the lines it skipped.
  public struct Result: Hashable, Sendable {
    public var theme: Theme
    public var diagnostics: [ThemeDiagnostic]

    public init(theme: Theme, diagnostics: [ThemeDiagnostic]) {
      self.theme = theme
      self.diagnostics = diagnostics
    }
  }

  /// Parses theme text. `file` labels the diagnostics; the theme is named by its `name` line,
  /// or else after the file (`light.theme` → `light`).
  public static func parse(_ text: String, file: String) -> Result {
    var theme = Theme(name: themeName(fromFile: file))
    var diagnostics: [ThemeDiagnostic] = []
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (offset, line) in lines.enumerated() {
      let words = significantWords(of: line)
      guard let directive = words.first else { continue }
      var problems: [String] = []
      switch directive.lowercased() {
      case "color", "colour":
        if let (role, style) = colorLine(words, problems: &problems), problems.isEmpty {
          theme.styles[role] = style
        }
      case "name":
        if words.count > 1 {
          theme.name = words.dropFirst().joined(separator: " ")
        } else {
          problems.append("'name' needs the theme's name after it")
        }
      default:
        problems.append("unknown directive '\(directive)' (expected 'color' or 'name')")
      }
      for message in problems {
        diagnostics.append(ThemeDiagnostic(file: file, line: offset + 1, message: message))
      }
    }
    return Result(theme: theme, diagnostics: diagnostics)
  }

  /// `light.theme`, `/x/light.theme` → `light`.
  static func themeName(fromFile file: String) -> String {
    let base = file.split(separator: "/").last.map(String.init) ?? file
    return base.hasSuffix(".theme") ? String(base.dropLast(".theme".count)) : base
  }

  /// The words of a line up to its comment.
  private static func significantWords(of line: Substring) -> [String] {
    var words: [String] = []
    for word in line.split(whereSeparator: \.isWhitespace) {
      if word.first == "#", words.isEmpty || !TerminalColor.isHexColor(word) { break }
      words.append(String(word))
    }
    return words
  }

  /// `color <role> <fg> <bg> [attr…]`; every problem on the line is reported.
  private static func colorLine(
    _ words: [String], problems: inout [String]
  ) -> (StyleRole, Style)? {
    guard words.count >= 4 else {
      problems.append(
        "too few fields: expected 'color <role> <foreground> <background> [attribute…]'")
      return nil
    }
    let role = StyleRole(rawValue: words[1].lowercased())
    if role == nil { problems.append("unknown role '\(words[1])'") }
    let foreground = TerminalColor(parsing: words[2])
    if foreground == nil { problems.append(colorProblem(words[2])) }
    let background = TerminalColor(parsing: words[3])
    if background == nil { problems.append(colorProblem(words[3])) }
    var attributes: TextAttribute = []
    for word in words.dropFirst(4) {
      if let attribute = TextAttribute(name: word) {
        attributes.insert(attribute)
      } else {
        problems.append("unknown attribute '\(word)'")
      }
    }
    guard let role, let foreground, let background else { return nil }
    return (role, Style(foreground: foreground, background: background, attributes: attributes))
  }

  private static func colorProblem(_ word: String) -> String {
    let lower = word.lowercased()
    let digits = lower.drop(while: \.isLetter)
    let prefix = lower.dropLast(digits.count)
    if !digits.isEmpty, digits.allSatisfy(\.isNumber), ["", "color", "colour"].contains(prefix) {
      return "colour '\(word)' is out of range (the palette is 0-255)"
    }
    return "unknown colour '\(word)'"
  }
}
