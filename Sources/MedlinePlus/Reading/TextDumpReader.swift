/// Reads a text dump such as `osteonecrosis.seed.txt`: a `Link:` / `Description:` /
/// `Keywords:` header (Python printed `None` for a missing keywords tag, so `None` means
/// absent), then the page as html2text Markdown. Its text is usually mojibake, since the
/// dump decoded UTF-8 as Latin-1; the repair runs before anything else.
enum TextDumpReader {
  static func read(_ text: String, origin: String?) throws(ReadError) -> Page {
    let repaired = Mojibake.repair(text)
    var link: String? = nil
    var description: String? = nil
    var bodyStart = repaired.startIndex
    var lines = repaired[...]
    headerLoop: while !lines.isEmpty {
      let newline = lines.firstIndex(of: "\n") ?? lines.endIndex
      let line = lines[..<newline].trimmingSpaces
      let next = newline < lines.endIndex ? lines.index(after: newline) : lines.endIndex
      switch true {
      case line.isEmpty && link == nil:
        break
      case line.hasPrefix("Link:"):
        link = String(line.dropFirst(5)).trimmingSpaces
      case line.hasPrefix("Description:"):
        description = String(line.dropFirst(12)).trimmingSpaces
      case line.hasPrefix("Keywords:"):
        break
      default:
        break headerLoop
      }
      bodyStart = next
      lines = repaired[next...]
    }
    let body = String(repaired[bodyStart...])
    let blocks = MarkdownBlockParser.parse(body)
    let safeLink = link.map { SafeText.clean($0, keepNewlines: false) }.flatMap {
      $0.isEmpty ? nil : $0
    }
    let metadata = PageMetadata(
      description: description.map(PageAssembler.cleanText).flatMap { $0.isEmpty ? nil : $0 },
      origin: origin ?? safeLink,
      language: safeLink.map { $0.contains("/spanish/") ? "es" : "en" },
      format: .textDump)
    if TopicPageBuilder.looksLikeTopicPage(blocks) {
      return TopicPageBuilder.build(blocks, metadata: metadata)
    }
    guard !blocks.isEmpty || description != nil else { throw .empty }
    return OutlinePageBuilder.build(blocks, metadata: metadata)
  }
}
