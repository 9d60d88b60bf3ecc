import MedlinePlus

/// Fields of a tab-separated state line: text from pages and prompts made safe to write
/// (no tab, newline or control character; not longer than a cap) and read back.
enum StateLine {
  /// The longest field kept (an address, a title, a prompt line), in characters.
  static let longestField = 4096

  /// A field as it is written: controls (tabs and newlines among them) become spaces.
  static func field(_ text: String) -> String {
    let clean = SafeText.clean(text, keepNewlines: false)
    let flat = String(
      String.UnicodeScalarView(clean.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
    return flat.count > longestField ? String(flat.prefix(longestField)) : flat
  }

  /// The fields of a line, or nil for a comment or a blank line.
  static func fields(_ line: Substring) -> [String]? {
    guard !line.hasPrefix("#"), !line.allSatisfy({ $0 == " " || $0 == "\r" }) else { return nil }
    return line.split(separator: "\t", omittingEmptySubsequences: false).map {
      SafeText.clean(String($0), keepNewlines: false)
    }
  }

  static func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
  }
}
