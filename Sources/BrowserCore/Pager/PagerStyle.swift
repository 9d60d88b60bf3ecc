/// Whether text sent to the pager may carry SGR attributes.
///
/// `.sgr` allows exactly bold (`ESC[1m` … `ESC[22m`) and underline (`ESC[4m` … `ESC[24m`),
/// which `less -R` passes through; `.plain` allows no escape at all.
public enum PagerStyle: Hashable, Sendable {
  case sgr
  case plain

  /// The style for the pager `$PAGER` names (medterm's default `less -R` when unset).
  public static func forPager(environment: [String: String]) -> PagerStyle {
    forPager(words: PagerCommand.words(environment: environment), environment: environment)
  }

  /// The style for a pager command (`$PAGER`, split into words as git does).
  ///
  /// The rule: SGR only when the pager is `less` and `less` will pass SGR through, that is
  /// when its arguments or `$LESS` hold `-R`/`-r` (alone or in a cluster such as `-FRX`) or
  /// `--RAW-CONTROL-CHARS`/`--raw-control-chars`. A missing or empty command means medterm's
  /// default, `less -R`. Any other pager (`more`, `most`, `cat`, a wrapper script) gets plain
  /// text: an attribute it does not understand would show as `ESC[1m` litter, while plain text
  /// reads fine everywhere.
  public static func forPager(command: String?, environment: [String: String]) -> PagerStyle {
    let words = PagerCommand.split(command ?? "")
    return forPager(words: words.isEmpty ? PagerCommand.standard : words, environment: environment)
  }

  private static func forPager(words: [String], environment: [String: String]) -> PagerStyle {
    guard PagerCommand.programName(words) == "less" else { return .plain }
    var options = Array(words.dropFirst())
    if let less = environment["LESS"] {
      // less reads $LESS first and its command line after; either may turn on -R.
      options += less.split(separator: " ").map(String.init)
    }
    return options.contains(where: passesRawControlCharacters) ? .sgr : .plain
  }

  /// The text without the four SGR codes `.sgr` writes: what `.plain` would have written,
  /// for a pager view that draws by itself.
  public static func stripSGR(_ text: String) -> String {
    guard text.utf8.contains(0x1B) else { return text }
    var output = text
    for code in [
      PagerText.bold, PagerText.boldOff, PagerText.underline,
      PagerText.underlineOff,
    ] {
      output = output.replacing(code, with: "")
    }
    return output
  }

  /// True for a less option word that turns on `-R` or `-r`.
  static func passesRawControlCharacters(_ word: String) -> Bool {
    if word.hasPrefix("--") {
      let name = word.dropFirst(2).lowercased()
      return name == "raw-control-chars"
    }
    // A cluster of one-letter options, with or without the dash ($LESS may omit it). An
    // option that takes a value ends the cluster: in `-Pprompt` the rest is the prompt.
    let takesValue: Set<Character> = [
      "b", "h", "j", "k", "o", "O", "p", "P", "t", "T", "x", "y", "z", "#", "D",
    ]
    var letters = word.hasPrefix("-") ? Substring(word.dropFirst()) : Substring(word)
    if letters.hasPrefix("+") { return false }  // -+R resets the option
    while let letter = letters.first {
      if letter == "R" || letter == "r" { return true }
      if takesValue.contains(letter) { return false }
      letters = letters.dropFirst()
    }
    return false
  }
}
