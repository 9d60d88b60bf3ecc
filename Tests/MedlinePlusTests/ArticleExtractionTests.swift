import Testing

@testable import MedlinePlus

/// The reader view's rules, each on a small page of its own: what a page's furniture looks
/// like (menus, share buttons, comments, footers, hidden parts, related links), what its
/// article looks like (paragraphs, commas, paragraphs written with line breaks), and what
/// the whole page still offers.
@Suite struct ArticleExtractionTests {
  /// A paragraph of real length, with commas, as articles have them.
  private static func paragraph(_ topic: String) -> String {
    "<p>\(topic) is described here at some length, with commas, clauses, and details that a "
      + "reader came for, so that it reads like the body of an article and not like a menu, "
      + "a caption, or a list of links to other pages of the site.</p>"
  }

  private static let article = (1...6).map { paragraph("Part \($0)") }.joined()

  private func read(_ html: String, mode: ReadingMode = .article) throws -> Page {
    guard case .page(let page) = try PageReader.read(Array(html.utf8), mode: mode) else {
      throw ReadError.empty
    }
    return page
  }

  private func text(_ page: Page) -> String {
    page.allText
  }

  @Test func furnitureByNameAndRoleGoesTheArticleStays() throws {
    let html = """
      <html><head><title>Story</title></head><body>
      <div class="site-menu"><a href="/a">Home</a> <a href="/b">News</a> <a href="/c">Sport</a></div>
      <div role="navigation"><a href="/d">Section one</a> <a href="/e">Section two</a></div>
      <div class="story-body">\(Self.article)</div>
      <div class="comments"><p>First comment, which is long enough to be a paragraph, but is not the article at all.</p></div>
      <div id="footer">Copyright, about us, contact, careers and more footer words</div>
      </body></html>
      """
    let page = try read(html)
    let shown = text(page)
    #expect(shown.contains("Part 1 is described"))
    #expect(shown.contains("Part 6 is described"))
    for furniture in ["Home", "Section one", "First comment", "Copyright"] {
      #expect(!shown.contains(furniture), "\(furniture)")
    }
    #expect(page.isArticleOfPage)
    // The furniture's links are still the page's, listed apart.
    #expect(page.furnitureLinks.map(\.title).contains("Sport"))
    #expect(!page.links.contains { $0.title == "Home" })
  }

  @Test func hiddenPartsAreNotRead() throws {
    let html = """
      <html><body><div>\(Self.article)
      <p hidden>Hidden by attribute, a long sentence that no reader sees on the page at all.</p>
      <p aria-hidden="true">Hidden from assistive technology, and so from this reader too.</p>
      <p style="display: none">Hidden by style, waiting for a script that never runs here.</p>
      <div style="visibility:hidden">Invisible, a box for a pop-up asking for an e-mail.</div>
      </div></body></html>
      """
    let shown = text(try read(html))
    #expect(shown.contains("Part 3"))
    for hidden in ["by attribute", "assistive", "by style", "pop-up"] {
      #expect(!shown.contains(hidden), "\(hidden)")
    }
  }

  /// The byline becomes the page's byline, and the heading that repeats the title is not
  /// shown twice.
  @Test func bylineAndTitleHeading() throws {
    let html = """
      <html><head><title>Rivers of the North | The Daily Site</title></head><body>
      <article><h1>Rivers of the North</h1><p class="byline">By Jane Writer</p>
      \(Self.article)</article></body></html>
      """
    let page = try read(html)
    #expect(page.byline == "By Jane Writer")
    #expect(!text(page).contains("Jane Writer"))
    #expect(page.sections.filter { $0.title == "Rivers of the North" }.count <= 1)
  }

  /// Paragraphs written as text and `<br><br>` count one by one, so such an article beats a
  /// box of links of the same length.
  @Test func paragraphsWrittenWithLineBreaks() throws {
    let parts = (1...6).map {
      "Part \($0) goes on for a while, with commas, clauses, and the details a reader came for"
    }
    let html = """
      <html><body>
      <div class="related"><ul>\((1...12).map { "<li><a href=\"/r\($0)\">Another story, number \($0), you may like</a></li>" }.joined())</ul></div>
      <div class="main-text"><p>\(parts.joined(separator: ".<br><br>"))</p></div>
      </body></html>
      """
    let shown = text(try read(html))
    #expect(shown.contains("Part 1 goes on"))
    #expect(shown.contains("Part 6 goes on"))
    #expect(!shown.contains("Another story"))
  }

  /// Paragraphs beside the best box, at the same level, are the article's too; a box of
  /// links inside the article (related stories) is not.
  @Test func siblingParagraphsJoinAndLinkBoxesInsideGo() throws {
    let html = """
      <html><body><div>
      <p>An opening paragraph that sits outside the main box, long enough to read as part of the article, it goes on.</p>
      <div class="entry">\(Self.article)
      <div class="more"><a href="/1">One more story here</a> <a href="/2">And another one</a> <a href="/3">And a third one</a></div>
      </div></div></body></html>
      """
    let shown = text(try read(html))
    #expect(shown.contains("An opening paragraph"))
    #expect(shown.contains("Part 6"))
    #expect(!shown.contains("One more story"))
  }

  /// A table of data inside the article stays whole.
  @Test func dataTablesStay() throws {
    let rows = (1...12).map { "<tr><td>Row \($0)</td><td>\($0 * 7)</td></tr>" }.joined()
    let html = """
      <html><body><div class="content">\(Self.article)
      <table><thead><tr><th>Name</th><th>Value</th></tr></thead>\(rows)</table>
      </div></body></html>
      """
    let page = try read(html)
    let tables = page.sections.flatMap(\.blocks).compactMap { block -> Table? in
      if case .table(let table) = block { return table }
      return nil
    }
    #expect(tables.first?.rows.count == 13)
  }

  /// A page too short to tell an article from furniture keeps what it says.
  @Test func aShortPageKeepsItsText() throws {
    let html = "<html><body><p>Just one short line of text.</p></body></html>"
    #expect(text(try read(html)).contains("Just one short line of text."))
  }

  /// The whole page is still there to read, menus and all.
  @Test func theWholePageOnRequest() throws {
    let html = """
      <html><body><div class="site-menu"><a href="/a">Home</a> <a href="/b">News</a></div>
      <div class="story-body">\(Self.article)</div></body></html>
      """
    let whole = try read(html, mode: .full)
    #expect(!whole.isArticleOfPage)
    #expect(whole.links.contains { $0.title == "Home" })
    #expect(text(whole).contains("Part 2"))
  }

  /// MathML reads as its symbols, one apart from the next.
  @Test func mathReadsAsText() throws {
    let html = """
      <html><body><div>\(Self.article)<p>So that <math><mi>x</mi><mo>=</mo><mn>2</mn></math> holds.</p></div></body></html>
      """
    #expect(text(try read(html)).contains("x = 2"))
  }

  /// A page saved again as UTF-8 that still declares another charset reads as UTF-8.
  @Test func utf8BeatsAStaleDeclaration() throws {
    let html = """
      <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
      <body><div>\(Self.paragraph("人工智能"))</div></body></html>
      """
    #expect(text(try read(html)).contains("人工智能 is described"))
  }

  /// MedlinePlus topic pages keep their own reading: menu, sections, resources.
  @Test func topicPagesAreNotArticles() throws {
    let page = try Corpus.page("fixtures/osteonecrosis.medlineplus.html")
    #expect(!page.isArticleOfPage)
    #expect(page.isTopicPage)
    #expect(page.furnitureLinks.isEmpty)
  }
}
