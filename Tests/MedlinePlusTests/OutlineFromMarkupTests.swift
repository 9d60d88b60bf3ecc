import Testing

@testable import MedlinePlus

/// Pages without h1–h6 headings still get an outline from what they have: headings marked up
/// inside preformatted text, numbered headings in plain preformatted text, a table of
/// contents; and every link inside preformatted text is a link.
@Suite struct OutlineFromMarkupTests {
  @Test func aDraftInPreformattedBlocksReadsSectionBySection() throws {
    let page = try Corpus.page("fixtures/ietf-draft.html")
    let entries = page.outline.flatMap(\.entries).dropFirst()
    #expect(
      entries.map(\.title) == [
        "1. Introduction", "1.1. Requirements Language", "2. Reading a Page", "3. Layout",
        "3.1. The Menu", "3.2. The Content Pane", "4. Security Considerations", "5. References",
      ])
    #expect(entries.map(\.depth) == [1, 2, 1, 1, 2, 2, 1, 1])
    #expect(
      page.sections.dropFirst().prefix(3).map(\.id) == ["section-1", "section-1.1", "section-2"])
    // The section number that links to its own heading is not a link to follow.
    #expect(!page.links.contains { $0.title == "1.1" && $0.section == 2 })
  }

  @Test func linksInsidePreformattedTextAreNumberedInReadingOrder() throws {
    let page = try Corpus.page("fixtures/ietf-draft.html")
    let inPre = page.sections.flatMap(\.blocks).flatMap { block -> [Int] in
      guard case .preformatted(let runs) = block else { return [] }
      return runs.compactMap(\.link)
    }
    // Every link of the article is inside preformatted text, and each is there.
    #expect(Set(inPre) == Set(page.links.indices))
    #expect(page.links.map(\.title).prefix(3) == ["Section 3", "RFC2119", "1"])
    #expect(page.links.contains { $0.url == "https://www.rfc-editor.org/rfc/rfc2119" })
    #expect(page.links.contains { $0.url == "mailto:writer@example.org" })
    // Columns are kept: the text around the links is as the page has it.
    guard case .preformatted(let runs) = page.sections[0].blocks[0] else {
      Issue.record("the first block is not preformatted")
      return
    }
    #expect(
      runs.plainText.contains("\n   and shows its sections beside a menu.  See Section 3"))
  }

  @Test func aTabInPreformattedTextIsKeptForTheLayout() throws {
    let page = try Corpus.page("fixtures/ietf-draft.html")
    let pane = try #require(page.sections.first { $0.id == "section-3.2" })
    guard case .preformatted(let runs) = pane.blocks.first else {
      Issue.record("no preformatted text in 3.2")
      return
    }
    #expect(runs.plainText.contains("the text.\tA tab\there"))
  }

  @Test func placesInsideSectionsAreFoundByTheirIds() throws {
    let page = try Corpus.page("fixtures/ietf-draft.html")
    let references = try #require(page.sections.firstIndex { $0.id == "section-5" })
    #expect(page.places["ref-RFC2119"] == PagePlace(section: references, block: 0, line: 0))

    let sre = try Corpus.page("web/google-sre-book-1.source.html")
    // A footnote mark leads to its note at the end, and the note back to the mark.
    let mark = try #require(sre.links.firstIndex { $0.url == "#id-LvQuvtYS7UvI8h4" })
    let note = try #require(sre.places["id-LvQuvtYS7UvI8h4"])
    let back = try #require(sre.places["id-LvQuvtYS7UvI8h4-marker"])
    #expect(note.section > sre.links[mark].section ?? 0)
    #expect(back.section == sre.links[mark].section)
  }

  @Test func numberedHeadingsInPlainPreformattedTextBecomeSections() throws {
    let page = try Corpus.page("fixtures/plain-specification.html")
    #expect(
      page.sections.map(\.title) == [
        "A plain specification", "1. Introduction", "1.1. Terms", "2. Security Considerations",
        "Appendix A. Examples",
      ])
    #expect(page.sections.map(\.level) == [1, 2, 3, 2, 2])
    // An anchor on the heading's line names the section, so the link to it lands there.
    #expect(page.sections[3].id == "sec-sec")
    #expect(page.links.first?.url?.hasSuffix("#sec-sec") == true)
  }

  @Test(arguments: [
    ("1.  Introduction", 2), ("12.3.  Security Considerations", 3), ("1.1 Terms", 3),
    ("Appendix A.  Examples", 2), ("Appendix B.2.  More", 3), ("2. Methods", 2),
  ])
  func numberedHeadingLines(line: String, level: Int) {
    #expect(PreformattedHeadings.level(ofHeading: line) == level)
  }

  @Test(arguments: [
    "   1.  Introduction", "1.  Introduction . . . . . . . 2", "3 files updated, 0 merged",
    "2026. A year", "1.  see below.", "12345.  Too long a number", "1.",
    "1.  " + String(repeating: "word ", count: 20),
  ])
  func linesThatAreNotHeadings(line: String) {
    #expect(PreformattedHeadings.level(ofHeading: line) == nil)
  }

  @Test func oneNumberedLineIsNotAnOutline() throws {
    let html = "<html><body><pre>$ make\n\n1. Build the program\n\ndone</pre></body></html>"
    let page = try read(html)
    #expect(page.sections.count == 1)
  }

  @Test func aTableOfContentsNamesThePlacesItLinksTo() throws {
    let page = try Corpus.page("fixtures/table-of-contents.html")
    #expect(
      page.sections.map(\.title) == [
        "Caring for a cast", "The first days", "Swelling", "Keeping it dry", "Warning signs",
      ])
    #expect(page.outline.flatMap(\.entries).map(\.depth) == [0, 1, 2, 1, 1])
    #expect(
      page.sections.map(\.id).dropFirst() == [
        "first-days", "swelling", "keeping-dry", "warning-signs",
      ])
    // The text at each place stays where it was.
    #expect(page.sections[2].blocks.count == 1)
    #expect(page.allText.contains("Some swelling is normal."))
  }

  @Test func aPageWithHeadingsKeepsThemOverItsTableOfContents() throws {
    let html = """
      <html><body><h1>Title</h1><h2>Real heading</h2>
      <ul><li><a href="#a">A</a></li><li><a href="#b">B</a></li><li><a href="#c">C</a></li></ul>
      <p id="a">one</p><p id="b">two</p><p id="c">three</p></body></html>
      """
    let page = try read(html)
    #expect(page.sections.map(\.title) == ["Title", "Real heading"])
    #expect(Set(page.places.keys) == ["a", "b", "c"])
  }

  private func read(_ html: String) throws -> Page {
    guard case .page(let page) = try PageReader.read(Array(html.utf8), name: "x.html") else {
      throw CorpusError.unexpectedCollection("x.html")
    }
    return page
  }
}
