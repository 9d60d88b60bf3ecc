/// Reads Markdown: a MedlinePlus topic page rendering (docling, html2text) becomes a topic
/// page; any other Markdown gets an outline from its headings.
enum MarkdownReader {
  static func read(_ text: String, origin: String?) throws(ReadError) -> Page {
    guard !text.allSatisfy(\.isSpaceLike) else { throw .empty }
    let blocks = MarkdownBlockParser.parse(Mojibake.repair(text))
    let metadata = PageMetadata(origin: origin, format: .markdown)
    if TopicPageBuilder.looksLikeTopicPage(blocks) {
      return TopicPageBuilder.build(blocks, metadata: metadata)
    }
    return OutlinePageBuilder.build(blocks, metadata: metadata)
  }
}
