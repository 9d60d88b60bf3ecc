/// The pager the user asked for: `$MEDTERM_PAGER`, else `$PAGER`, split into words as git
/// splits them (never through a shell), `less -R` when neither is set. One reading of the
/// variables for the launcher that runs it, the style that suits it and the messages that
/// name it.
public enum PagerCommand {
  /// medterm's pager when the user names none.
  public static let standard = ["less", "-R"]

  /// The command's words; `standard` when unset or empty.
  public static func words(environment: [String: String]) -> [String] {
    let words = split(environment["MEDTERM_PAGER"] ?? environment["PAGER"] ?? "")
    return words.isEmpty ? standard : words
  }

  /// The program's file name (`/usr/bin/less` → `less`).
  public static func programName(_ words: [String]) -> String {
    let program = words.first ?? ""
    return program.split(separator: "/").last.map(String.init) ?? program
  }

  /// True for `cat`: people set PAGER=cat to turn paging off in line-by-line tools, and in
  /// a full-screen program cat's text would be painted over before anyone could read it.
  public static func doesNotWait(_ words: [String]) -> Bool {
    programName(words) == "cat"
  }

  /// Splits like a shell would split words, without any expansion: spaces separate,
  /// single and double quotes group.
  public static func split(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character? = nil
    var inWord = false
    for character in text {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        inWord = true
      } else if character == " " || character == "\t" || character == "\n" {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}
