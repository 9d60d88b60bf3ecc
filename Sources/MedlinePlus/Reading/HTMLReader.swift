import CLibXML2

/// Reads HTML: MedlinePlus topic pages become topic pages (menu, sections, resource links);
/// any other page gets an outline from its headings. libxml2 parses (forgiving, no network);
/// the charset comes from the HTTP header, else the byte-order mark or `<meta charset>`.
enum HTMLReader {
  static func read(
    _ bytes: [UInt8], origin: String?, contentType: String?, mode: ReadingMode = .article
  ) throws(ReadError) -> Page {
    guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
      throw .empty
    }
    let encoding = contentType.flatMap(charset(inContentType:)) ?? utf8IfValid(bytes)
    guard let document = HTMLDocument(bytes: bytes, url: origin, encoding: encoding),
      let root = document.root
    else { throw .empty }
    let head = HTMLHead(root: root)
    let baseURL = head.baseURL.map { URLResolver.resolve($0, against: origin) } ?? origin
    var walker = HTMLMarkupWalker()
    let body = child(named: "body", of: root) ?? root
    let description = head.description.map(PageAssembler.cleanText)
    // The headings and links first, without writing the markup: an article's reading does
    // not need the whole page's.
    let (headings, allLinks, elements) = walker.headingsAndLinks(of: body)
    if TopicPageBuilder.looksLikeTopicPage(headings: headings) {
      let fullMarkup = walker.blocks(of: body)
      let metadata = PageMetadata(
        description: description, origin: head.canonicalURL ?? baseURL,
        language: head.language ?? "en", format: .html)
      return TopicPageBuilder.build(fullMarkup, metadata: metadata)
    }
    walker.targets = fragmentTargets(of: allLinks.map(\.url), page: baseURL)
    let title = head.title.map(PageAssembler.cleanText)
    let metadata = PageMetadata(
      title: title, description: description, origin: baseURL, language: head.language,
      format: .html)
    // Past the ceiling the page is read whole: telling its article costs more than reading.
    // A page with no headings of its own may have a table of contents that names its
    // places, or number its headings in preformatted text.
    let contents =
      headings.count <= 1 ? PageTableOfContents(body: body, page: baseURL) : nil
    let numbered: ([MarkupBlock]) -> [MarkupBlock] = { markup in
      guard let contents else { return markup }
      return PreformattedHeadings.split(contents.isEmpty ? markup : contents.headings(in: markup))
    }
    guard mode == .article, elements <= ArticleExtractor.largestPage else {
      let content = contentRoot(in: body, walker: walker, fullMarkup: walker.blocks(of: body))
      return OutlinePageBuilder.build(numbered(content), metadata: metadata)
    }
    let article = ArticleReading.read(
      document: document, body: body, bytes: bytes, url: origin, encoding: encoding,
      title: title, walker: walker)
    var page = OutlinePageBuilder.build(numbered(article.markup), metadata: metadata)
    page.byline = article.byline.map(PageAssembler.cleanText)
    page.isArticleOfPage = true
    page.furnitureLinks = furnitureLinks(allLinks, outside: page, baseURL: baseURL)
    return page
  }

  /// The links of the whole page that the article does not have, each once.
  private static func furnitureLinks(
    _ all: [(text: String, url: String)], outside page: Page, baseURL: String?
  ) -> [Link] {
    let assembler = PageAssembler(baseURL: baseURL)
    var seen = Set(page.links.compactMap(\.url))
    var links: [Link] = []
    for (text, href) in all {
      guard let url = assembler.resolve(href), !seen.contains(url) else { continue }
      seen.insert(url)
      links.append(Link(title: PageAssembler.cleanText(text), url: url, kind: .inline))
    }
    return links
  }

  /// The fragments of the links that point into the page itself (`#ref-1`, or the page's
  /// own address with a fragment).
  static func fragmentTargets(of hrefs: [String], page: String?) -> Set<String> {
    Set(hrefs.compactMap { URLResolver.fragment(of: $0, onPage: page) })
  }

  /// The markup of an HTML fragment such as a health topic's `full-summary`.
  static func markup(fragment: String) -> [MarkupBlock] {
    let bytes = Array(("<html><body>" + fragment + "</body></html>").utf8)
    guard let document = HTMLDocument(bytes: bytes, url: nil, encoding: "UTF-8"),
      let root = document.root
    else { return [] }
    return HTMLMarkupWalker().blocks(of: child(named: "body", of: root) ?? root)
  }

  /// The page's main content when it marks one (`<main>`, `role="main"`, a lone or largest
  /// `<article>`) and it holds most of the text; otherwise the whole body.
  private static func contentRoot(
    in body: xmlNodePtr, walker: HTMLMarkupWalker, fullMarkup: [MarkupBlock]
  ) -> [MarkupBlock] {
    guard let main = mainElement(in: body) else { return fullMarkup }
    let mainMarkup = walker.blocks(of: main)
    let mainText = mainMarkup.textLength
    let fullText = fullMarkup.textLength
    return mainText * 3 >= fullText ? mainMarkup : fullMarkup
  }

  private static func mainElement(in body: xmlNodePtr) -> xmlNodePtr? {
    var articles: [xmlNodePtr] = []
    var stack: [(xmlNodePtr, Int)] = [(body, 0)]
    while let (node, depth) = stack.popLast() {
      for child in node.childNodes where child.isElement {
        let name = child.name
        if name == "main" || child.attribute("role")?.lowercased() == "main" { return child }
        if name == "article" { articles.append(child) }
        if depth < 64 && name != "article" { stack.append((child, depth + 1)) }
      }
    }
    return articles.max {
      HTMLMarkupWalker.flatText(of: $0).count < HTMLMarkupWalker.flatText(of: $1).count
    }
  }

  static func child(named name: String, of node: xmlNodePtr) -> xmlNodePtr? {
    node.childNodes.first { $0.isElement && $0.name == name }
  }

  /// UTF-8 for bytes that are UTF-8 beyond doubt (valid, and with characters beyond ASCII),
  /// whatever their `<meta charset>` says: a page saved again by a tool that re-encoded it
  /// keeps its old declaration, and no legacy encoding gives valid UTF-8 by chance.
  static func utf8IfValid(_ bytes: [UInt8]) -> String? {
    guard bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) != nil
    else { return nil }
    return "UTF-8"
  }

  /// `text/html; charset=ISO-8859-1` → `ISO-8859-1`.
  static func charset(inContentType contentType: String) -> String? {
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingSpaces.lowercased() == "charset" else { continue }
      let value = pair[1].trimmingSpaces.filter { $0 != "\"" && $0 != "'" }
      return value.isEmpty ? nil : value
    }
    return nil
  }
}

extension Array where Element == MarkupBlock {
  /// How much text the blocks hold, to compare candidate content roots.
  var textLength: Int {
    reduce(0) { total, block in
      switch block {
      case .heading(_, let inlines, _), .paragraph(let inlines, _):
        total + inlines.plainText.count
      case .list(_, let items): total + items.reduce(0) { $0 + $1.textLength }
      case .table(let rows, _):
        total + rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.plainText.count } }
      case .preformatted(let inlines): total + inlines.plainText.count
      case .quote(let inner): total + inner.textLength
      case .image, .anchor: total
      }
    }
  }
}
