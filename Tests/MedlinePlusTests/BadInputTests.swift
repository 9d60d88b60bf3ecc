import Foundation
import Testing

@testable import MedlinePlus

/// Bad input ends in a model or a clear error, never a crash or a hang.
@Suite struct BadInputTests {
  private func read(_ bytes: [UInt8], name: String? = nil) -> Result<Document, ReadError> {
    Result { () throws(ReadError) in try PageReader.read(bytes, name: name) }
  }

  @Test func emptyAndBlankFilesAreAClearError() {
    #expect(read([]) == .failure(.empty))
    #expect(read(Array("  \n\t\n".utf8)) == .failure(.empty))
    #expect(ReadError.empty.formatted(source: "x.md") == "x.md: the file is empty")
  }

  @Test func binaryGarbageIsRefusedWithItsOffset() {
    var generator = SystemRandomNumberGenerator()
    let garbage = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    switch read(garbage) {
    case .failure(.binary): break
    case .failure(let error): Issue.record("unexpected error \(error)")
    case .success: Issue.record("random bytes were read as a page")
    }
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
    png += Array(repeating: 0x41, count: 100)
    #expect(read(png) == .failure(.binary(offset: 8)))
    #expect(ReadError.binary(offset: 8).message.contains("byte 8"))
  }

  @Test func nulBytesInsideTextAreBinary() {
    let text = Array("# Title\n\nSome text".utf8) + [0] + Array("more".utf8)
    #expect(read(text) == .failure(.binary(offset: 18)))
  }

  @Test func invalidUTF8IsReplacedNotFatal() throws {
    let bytes =
      Array("# Caf".utf8) + [0xC3, 0x28] + Array(" ok\n\nbody é \u{1B}[31mred".utf8) + [0xFF]
    guard case .success(.page(let page)) = read(bytes) else {
      Issue.record("not read")
      return
    }
    #expect(page.title.hasPrefix("Caf"))
    #expect(page.allText.contains("body é red"))
    #expect(!page.allText.unicodeScalars.contains { $0.value == 0x1B })
  }

  @Test func markdownWithoutHeadingsIsOneSection() throws {
    guard
      case .success(.page(let page)) = read(
        Array("just some text\n\nand more".utf8), name: "notes.md")
    else {
      Issue.record("not read")
      return
    }
    #expect(page.sections.count == 1)
    #expect(page.sections[0].blocks.count == 2)
    #expect(page.outline[0].entries.count == 1)
  }

  /// The corpus's JSON files (MedlinePlus summaries, an xmltodict rendering) are named as
  /// JSON, not shown as an "Untitled page" of braces; Markdown that opens with a link is not.
  @Test func jsonIsNamedNotShown() throws {
    for name in [
      "medline_topic_summaries.2011.json", "mplus_topics_2024-08-10.19-topics.xmltodict.json",
    ] {
      #expect(read(try Corpus.bytes(name)) == .failure(.notAPage(format: "JSON")))
    }
    #expect(read(Array("[1, 2]".utf8)) == .failure(.notAPage(format: "JSON")))
    guard case .success = read(Array("[Home](https://example.com/) and more text\n".utf8)) else {
      Issue.record("Markdown starting with a link must read")
      return
    }
  }

  @Test func legacyAndUnknownXMLAreNamed() throws {
    #expect(
      read(try Corpus.bytes("mplus_vocab_2011-04-23.legacy-tiny.xml"))
        == .failure(.legacyVocabularyXML))
    #expect(ReadError.legacyVocabularyXML.message.contains("not support"))
    #expect(
      read(Array("<?xml version=\"1.0\"?><rss><channel/></rss>".utf8))
        == .failure(.unknownXML(root: "rss")))
  }

  @Test func leadingCommentsDoNotHideTheFormat() throws {
    let xml = "<!-- generated -->\n<health-topics total=\"0\"></health-topics>\n"
    guard case .success(.collection(let collection)) = read(Array(xml.utf8)) else {
      Issue.record("not read as health-topics XML")
      return
    }
    #expect(collection.declaredTotal == 0)
    let html = "<!-- x -->\n<html><body><h1>Hi</h1></body></html>"
    guard case .success(.page(let page)) = read(Array(html.utf8)) else {
      Issue.record("not read as HTML")
      return
    }
    #expect(page.format == .html)
  }

  @Test func malformedXMLNamesItsLine() {
    let xml =
      "<?xml version=\"1.0\"?>\n<health-topics>\n<health-topic title=\"A\">\n<also-called>x</wrong>\n"
    guard case .failure(let error) = read(Array(xml.utf8)) else {
      Issue.record("malformed XML was accepted")
      return
    }
    #expect(error.line == 4)
    #expect(error.formatted(source: "t.xml").hasPrefix("t.xml:4: not well-formed XML"))
  }

  @Test func hostileTextNeverKeepsControlCharacters() throws {
    let page = """
      # Evil \u{1B}]52;c;cm0gLXJmIH4=\u{07}title\u{202E}

      Text with \u{1B}[2J clear and \u{1B}]8;;https://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\ and \u{9B}31m.

      - [click \u{1B}[5mme](https://x.org/\u{1B}[31m) (Org \u{07})
      """
    guard case .success(.page(let read)) = read(Array(page.utf8)) else {
      Issue.record("not read")
      return
    }
    let everything = read.title + read.allText + read.links.compactMap(\.url).joined()
    #expect(!everything.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!everything.unicodeScalars.contains { (0x7F..<0xA0).contains($0.value) })
    #expect(!everything.unicodeScalars.contains { $0.value == 0x202E })
    #expect(read.title == "Evil title")
  }

  /// A 50 MB Markdown page and a 50 MB HTML page are read, not refused, and not by hanging.
  @Test func fiftyMegabytePages() throws {
    let paragraph =
      "Osteonecrosis is a disease caused by reduced blood flow to bones in the joints. "
    var markdown = "# Huge\n\n"
    var section = 0
    while markdown.utf8.count < 50_000_000 {
      section += 1
      markdown +=
        "## Part \(section)\n\n" + String(repeating: paragraph, count: 60)
        + "\n\n- item [a](https://a.b)\n\n"
    }
    guard case .success(.page(let page)) = read(Array(markdown.utf8)) else {
      Issue.record("50 MB Markdown not read")
      return
    }
    #expect(page.sections.count == section + 1)

    let html =
      "<html><body>"
      + String(
        repeating: "<h2>Part</h2><p>" + String(repeating: paragraph, count: 60) + "</p>",
        count: 50_000_000 / 5_000) + "</body></html>"
    guard case .success(.page(let htmlPage)) = read(Array(html.utf8)) else {
      Issue.record("50 MB HTML not read")
      return
    }
    #expect(htmlPage.sections.count >= 9_000)
  }

  @Test func oversizedInputIsRefusedBeforeParsing() {
    let limit = PageReader.maximumBytes
    #expect(ReadError.tooLarge(bytes: limit + 1, limit: limit).message.contains("too large"))
  }
}
