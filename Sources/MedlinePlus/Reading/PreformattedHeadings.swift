/// Numbered headings in preformatted text: a specification or a plain-text document put in
/// one `<pre>` numbers its parts ("1.  Introduction", "12.3.  Security Considerations",
/// "Appendix A.  Examples") at the start of a line after a blank one. Read as headings, they
/// give such a page its sections, nested as the numbering says.
enum PreformattedHeadings {
  /// Fewer numbered lines than this are more likely a list in a code sample.
  static let fewestHeadings = 2
  /// A heading is a title, not a sentence that happens to start with a number.
  static let longestHeading = 72

  /// The blocks with their preformatted text split at numbered headings, when there are at
  /// least `fewestHeadings` of them; otherwise the blocks as they are.
  static func split(_ blocks: [MarkupBlock]) -> [MarkupBlock] {
    var found = 0
    let lined = blocks.map { block -> [[MarkupInline]]? in
      guard case .preformatted(let inlines) = block else { return nil }
      let lines = self.lines(of: inlines)
      found += headingLines(lines).count
      return lines
    }
    guard found >= fewestHeadings else { return blocks }
    var output: [MarkupBlock] = []
    for (block, lines) in zip(blocks, lined) {
      guard let lines else {
        output.append(block)
        continue
      }
      var pending: [[MarkupInline]] = []
      func flush() {
        if !pending.isEmpty { output.append(.preformatted(joined(pending))) }
        pending = []
      }
      let headings = Dictionary(
        uniqueKeysWithValues: headingLines(lines).map { ($0.line, $0.level) })
      for (number, line) in lines.enumerated() {
        guard let level = headings[number] else {
          pending.append(line)
          continue
        }
        flush()
        let anchor = line.lazy.compactMap { inline -> String? in
          if case .anchor(let name) = inline { return name }
          return nil
        }.first
        output.append(.heading(level: level, line, anchor: anchor))
      }
      flush()
    }
    return output
  }

  /// The lines that are numbered headings, with their levels ("1." is 2, "1.1." is 3).
  private static func headingLines(_ lines: [[MarkupInline]]) -> [(line: Int, level: Int)] {
    var found: [(Int, Int)] = []
    var previousBlank = true
    for (number, line) in lines.enumerated() {
      let text = line.plainText
      defer { previousBlank = text.allSatisfy(\.isWhitespace) }
      guard previousBlank, let level = level(ofHeading: text) else { continue }
      found.append((number, level))
    }
    return found
  }

  /// The level of a line that reads as a numbered heading, else nil.
  static func level(ofHeading line: String) -> Int? {
    guard let first = line.first, !first.isWhitespace, line.count <= longestHeading else {
      return nil
    }
    var rest = Substring(line)
    var parts = 0
    if rest.hasPrefix("Appendix ") {
      rest = rest.dropFirst("Appendix ".count)
      guard let letter = rest.first, letter.isUppercase, letter.isASCII else { return nil }
      rest = rest.dropFirst()
      parts = 1
    }
    // Numbers of up to three digits, joined by full stops: "12", "12.3", "A.1".
    while true {
      if parts > 0 {
        guard rest.first == "." else { break }
        let afterStop = rest.dropFirst()
        guard afterStop.first?.isASCII == true, afterStop.first?.isNumber == true else { break }
        rest = afterStop
      }
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard (1...3).contains(digits.count) else { return nil }
      rest = rest.dropFirst(digits.count)
      parts += 1
    }
    // "1." needs its full stop ("3 files updated" is output, not a heading); "1.1" may go
    // without.
    if rest.first == "." {
      rest = rest.dropFirst()
    } else if parts < 2 {
      return nil
    }
    let spaces = rest.prefix { $0 == " " }
    guard (1...4).contains(spaces.count) else { return nil }
    let title = rest.dropFirst(spaces.count)
    // A title starts with a letter and is not a table of contents' line (dot leaders, a
    // page number) or a sentence.
    guard let start = title.first, start.isLetter, title.count >= 2,
      !title.contains(". ."), !title.contains("...."), !title.hasSuffix(".")
    else { return nil }
    return min(6, parts + 1)
  }

  /// Inline content cut at its line breaks.
  static func lines(of inlines: [MarkupInline]) -> [[MarkupInline]] {
    var lines: [[MarkupInline]] = [[]]
    for inline in inlines {
      switch inline {
      case .text(let text, let style):
        let pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, piece) in pieces.enumerated() {
          if number > 0 { lines.append([]) }
          if !piece.isEmpty { lines[lines.count - 1].append(.text(String(piece), style)) }
        }
      case .lineBreak:
        lines.append([])
      default:
        lines[lines.count - 1].append(inline)
      }
    }
    return lines
  }

  private static func joined(_ lines: [[MarkupInline]]) -> [MarkupInline] {
    var inlines: [MarkupInline] = []
    for (number, line) in lines.enumerated() {
      if number > 0 { inlines.append(.text("\n", [])) }
      inlines += line
    }
    return inlines
  }
}
