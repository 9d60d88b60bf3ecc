import Testing

@testable import MedlinePlus

/// One Markdown rule per test, on small fragments.
@Suite struct MarkdownParserTests {
  private func parse(_ text: String) -> [MarkupBlock] {
    MarkdownBlockParser.parse(text)
  }

  @Test func atxHeadingsWithClosingHashes() {
    #expect(parse("## Title ##") == [.heading(level: 2, [.text("Title", [])], anchor: nil)])
    #expect(parse("####### seven") == [.paragraph([.text("####### seven", [])])])
    #expect(parse("#hashtag") == [.paragraph([.text("#hashtag", [])])])
  }

  @Test func headingWithAnOpenParenthesisContinuesOnTheNextLine() {
    let blocks = parse("## Journal Articles (National\nLibrary of Medicine)\n\ntext")
    #expect(
      blocks.first
        == .heading(
          level: 2, [.text("Journal Articles (National Library of Medicine)", [])], anchor: nil))
    #expect(blocks.count == 2)
  }

  @Test func paragraphLinesJoin() {
    #expect(parse("one\ntwo\n\nthree").count == 2)
  }

  @Test func html2textBulletsWithFourSpaces() {
    let blocks = parse("    * first\n    * second (Org) Also in Spanish\n")
    guard case .list(false, let items)? = blocks.first else {
      Issue.record("not a list: \(blocks)")
      return
    }
    #expect(items.count == 2)
    #expect(items[1] == [.paragraph([.text("second (Org) Also in Spanish", [])])])
  }

  @Test func nestedListsByIndentation() {
    let blocks = parse("- a\n  - b\n  - c\n- d")
    guard case .list(_, let items)? = blocks.first else {
      Issue.record("not a list")
      return
    }
    #expect(items.count == 2)
    guard case .list(_, let inner)? = items[0].last else {
      Issue.record("no nested list in \(items[0])")
      return
    }
    #expect(inner.count == 2)
  }

  @Test func lazyContinuationJoinsTheItem() {
    let blocks = parse(
      "- [Title](https://x.org) (Org)\nFrom the National Institutes of Health\n\n<!-- image -->\n- [Next](https://y.org)"
    )
    guard case .list(_, let items)? = blocks.first else {
      Issue.record("not a list")
      return
    }
    #expect(items.count == 2)
    #expect(
      items[0].first.map { MarkupBlock.textOf($0) }?.contains("From the National Institutes")
        == true)
  }

  @Test func orderedListsAndBlankSeparatedItems() {
    guard case .list(true, let items)? = parse("1. one\n\n2. two\n3) three").first else {
      Issue.record("not an ordered list")
      return
    }
    #expect(items.count >= 2)
  }

  @Test func pipeTables() {
    let blocks = parse("| A | B |\n|---|:-:|\n| 1 | **2** |\n| 3 | 4 \\| 5 |")
    guard case .table(let rows, true)? = blocks.first else {
      Issue.record("not a table: \(blocks)")
      return
    }
    #expect(rows.count == 3)
    #expect(rows[1][1] == [.text("2", .bold)])
    #expect(rows[2][1].plainText == "4 | 5")
  }

  @Test func fencedCodeKeepsItsText() {
    #expect(parse("```sh\n$ ls *.txt\n  x\n```") == [.preformatted([.text("$ ls *.txt\n  x", [])])])
  }

  @Test func commentsAreDroppedAndQuotesKept() {
    #expect(parse("<!-- image -->\n\ntext") == [.paragraph([.text("text", [])])])
    #expect(parse("> quoted\n> more") == [.quote([.paragraph([.text("quoted\nmore", [])])])])
  }

  @Test func inlineLinksImagesEmphasisAndCode() {
    let inlines = MarkdownInlineParser.parse(
      "See [the *page*](https://a.b/c_(d) \"t\") and ![alt](i.png) **bold** _it_ `co*de` snake_case_name a*b"
    )
    #expect(
      inlines.contains(
        .link([.text("the ", []), .text("page", .italic)], url: "https://a.b/c_(d)")))
    #expect(inlines.contains(.image(alt: "alt", url: "i.png")))
    #expect(inlines.contains(.text("bold", .bold)))
    #expect(inlines.contains(.text("it", .italic)))
    #expect(inlines.contains(.text("co*de", .code)))
    #expect(inlines.plainText.contains("snake_case_name a*b"))
  }

  @Test func escapesEntitiesAutolinksAndBreaks() {
    let inlines = MarkdownInlineParser.parse("\\*not\\* &amp; <https://x.y/z> a<br>b")
    #expect(inlines.plainText == "*not* & https://x.y/z a\nb")
    #expect(inlines.contains(.link([.text("https://x.y/z", [])], url: "https://x.y/z")))
  }

  @Test func imageSpanningTwoLines() {
    let blocks = parse("![MedlinePlus Trusted Health Information for\nYou](https://x/m.png)")
    #expect(
      blocks == [
        .image(alt: "MedlinePlus Trusted Health Information for You", url: "https://x/m.png")
      ])
  }

  @Test func deepNestingIsBoundedNotRecursiveForever() {
    let quotes = String(repeating: ">", count: 2_000) + " deep"
    let blocks = parse(quotes)
    #expect(!blocks.isEmpty)
    let lists = (0..<400).map { String(repeating: " ", count: $0 * 2) + "- item" }.joined(
      separator: "\n")
    #expect(!parse(lists).isEmpty)
  }

  @Test func pathologicalInlineInputStaysLinear() {
    let brackets = String(repeating: "[", count: 200_000)
    #expect(MarkdownInlineParser.parse(brackets).plainText.count == 200_000)
    let stars = String(repeating: "*a ", count: 100_000)
    #expect(MarkdownInlineParser.parse(stars).plainText.count == 300_000)
  }
}

extension MarkupBlock {
  static func textOf(_ block: MarkupBlock) -> String {
    if case .paragraph(let inlines, _) = block { return inlines.plainText }
    return ""
  }
}
