import BrowserCore

/// `prompt-history`: the lines typed at prompts, oldest first: `PURPOSE<TAB>TEXT`, at most
/// `PromptHistoryBook.limit` per purpose.
enum PromptLinesFormat {
  static let header = "# medterm prompt history: prompt, line typed (tab-separated)\n"

  static func parse(_ text: String) -> [(PromptPurpose, String)] {
    var lines: [(PromptPurpose, String)] = []
    for line in StateLine.lines(text) {
      guard let fields = StateLine.fields(line), fields.count >= 2,
        let purpose = PromptPurpose(rawValue: fields[0]), purpose != .other, !fields[1].isEmpty
      else { continue }
      lines.append((purpose, fields[1]))
    }
    return lines
  }

  static func serialize(_ lines: [(PromptPurpose, String)]) -> String {
    header + lines.map { "\($0.0.rawValue)\t\(StateLine.field($0.1))\n" }.joined()
  }

  /// Adds a line as the newest of its purpose (once), keeping each purpose's newest lines.
  static func adding(
    _ text: String, for purpose: PromptPurpose, to lines: [(PromptPurpose, String)]
  )
    -> [(PromptPurpose, String)]
  {
    var kept = lines.filter { !($0.0 == purpose && $0.1 == text) }
    kept.append((purpose, StateLine.field(text)))
    var counts: [PromptPurpose: Int] = [:]
    var result: [(PromptPurpose, String)] = []
    for line in kept.reversed() {
      counts[line.0, default: 0] += 1
      if counts[line.0, default: 0] <= PromptHistoryBook.limit { result.append(line) }
    }
    return result.reversed()
  }

  /// The lines by purpose, oldest first: what a `PromptHistoryBook` starts with.
  static func book(_ lines: [(PromptPurpose, String)]) -> [PromptPurpose: [String]] {
    var book: [PromptPurpose: [String]] = [:]
    for (purpose, text) in lines { book[purpose, default: []].append(text) }
    return book
  }
}
