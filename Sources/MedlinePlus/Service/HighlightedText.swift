/// The search service's marked-up text (its title, snippet and names are HTML, with the
/// matched words in `<span class="qt0">`): runs with the matched words in bold, other tags
/// dropped, entities decoded, controls removed and white space folded.
enum HighlightedText {
  static func runs(_ html: String) -> [TextRun] {
    var runs: [TextRun] = []
    var text = ""
    var markDepth = 0
    // Depth of open spans, so the end of a marked span is told from the end of another.
    var spans: [Bool] = []
    func flush() {
      guard !text.isEmpty else { return }
      runs.append(TextRun(text, style: markDepth > 0 ? .bold : []))
      text = ""
    }
    var index = html.startIndex
    while index < html.endIndex {
      let character = html[index]
      if character == "<", let close = html[index...].firstIndex(of: ">") {
        let tag = html[html.index(after: index)..<close].lowercased()
        if tag.hasPrefix("span") {
          let marked = tag.contains("class=\"qt") || tag.contains("class='qt")
          flush()
          spans.append(marked)
          if marked { markDepth += 1 }
        } else if tag.hasPrefix("/span") {
          flush()
          if let marked = spans.popLast(), marked { markDepth -= 1 }
        } else if tag.hasPrefix("br") || tag.hasPrefix("p") || tag.hasPrefix("/p") {
          text.append(" ")
        }
        index = html.index(after: close)
        continue
      }
      if character == "&", let end = html[index...].prefix(10).firstIndex(of: ";"),
        let decoded = entity(String(html[html.index(after: index)..<end]))
      {
        text.append(decoded)
        index = html.index(after: end)
        continue
      }
      text.append(character)
      index = html.index(after: index)
    }
    flush()
    let cleaned = runs.map { TextRun(TextRepair.clean($0.text), style: $0.style) }
    return PageAssembler.foldingWhitespace(cleaned)
  }

  /// The text alone.
  static func plain(_ html: String) -> String {
    runs(html).plainText
  }

  private static func entity(_ name: String) -> String? {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    case "nbsp": return "\u{00A0}"
    default:
      let number: UInt32?
      if name.hasPrefix("#x") || name.hasPrefix("#X") {
        number = UInt32(name.dropFirst(2), radix: 16)
      } else if name.hasPrefix("#") {
        number = UInt32(name.dropFirst())
      } else {
        number = nil
      }
      return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
  }
}
