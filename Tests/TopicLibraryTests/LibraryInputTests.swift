import Foundation
import MedlinePlus
import Testing

@testable import TopicLibrary

/// Files that are unusual, broken or not health-topics files at all.
@Suite struct LibraryInputTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
  }

  private func write(_ text: String, _ name: String = "topics.xml") throws -> String {
    let path = directory.file(name)
    try Paths.write(Array(text.utf8), to: path)
    return path
  }

  private func write(_ bytes: [UInt8], _ name: String = "topics.xml") throws -> String {
    let path = directory.file(name)
    try Paths.write(bytes, to: path)
    return path
  }

  /// Markup the scanner must step over: comments and CDATA holding tag-like text, quoted
  /// `>` and entities in attributes, an empty topic element, single quotes, an unknown
  /// element around a nested `<health-topic>`, a processing instruction, an internal DTD
  /// subset, markup inside `<also-called>`, a title-less topic.
  static let trickyFile = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE health-topics [
      <!ELEMENT health-topics ANY> <!-- "a > b" -->
    ]>
    <!-- a comment with <health-topic title="Not a topic"> in it -->
    <health-topics total="4" date-generated="08/10/2024 02:30:32">
      <group-list><health-topic title="Nested, not a topic" id="x"/></group-list>
      <health-topic title="Fish &amp; Chips &gt; 2" url="https://medlineplus.gov/fish.html"
          id="1" language="English" meta-desc="a > b, and &quot;quoted&quot;">
        <also-called>  Chips
          and fish </also-called>
        <also-called><![CDATA[Pescado <frito> </health-topic>]]></also-called>
        <also-called>Caf&#233; <i>au</i> lait</also-called>
        <full-summary><![CDATA[<p>A summary with </health-topic> in CDATA.</p>]]></full-summary>
        <!-- </health-topic> in a comment -->
        <site title="A &quot;quoted&quot; site" url="https://example.org/?a=1&amp;b=2">
          <information-category>Start Here</information-category>
        </site>
      </health-topic>
      <health-topic title="Tema vacío" id="2" language="Spanish"
          url="https://medlineplus.gov/spanish/vacio.html"/>
      <?some-instruction with > inside ?>
      <health-topic title='Single quotes' id='3' language='English'
          url='https://medlineplus.gov/single.html'><also-called/></health-topic>
      <health-topic title="" id="4" language="Klingon"></health-topic>
    </health-topics>
    <!-- a trailing comment -->

    """

  @Test func trickyMarkupIndexesLikeAFullRead() throws {
    let path = try write(Self.trickyFile)
    let collection = try LibraryIndexTests.fullRead(path)
    let library = try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    #expect(library.entries.count == 4)
    #expect(library.truncated == nil)
    LibraryIndexTests.expectIndex(library, matches: collection)
    #expect(
      library.entries.map(\.title) == [
        "Fish & Chips > 2", "Tema vacío", "Single quotes", "Untitled page",
      ])
    #expect(
      library.entries[0].alsoCalled == [
        "Chips and fish", "Pescado <frito> </health-topic>", "Café au lait",
      ])
    #expect(library.entries[3].language == nil)
    for index in library.entries.indices {
      #expect(try library.page(index) == collection.topics[index])
    }
  }

  // MARK: - Truncated files

  /// Cut points inside a topic, inside an end tag, and just after a complete topic.
  @Test func truncatedFilesKeepTheCompleteTopics() throws {
    let whole = try Paths.bytes(try GeneratedFiles.nineteenTopics.get())
    let firstEnd = try #require(Self.offsets(of: "</health-topic>", in: whole).first)
    let cuts = [
      firstEnd - 100, firstEnd + 5, firstEnd + "</health-topic>".utf8.count,
      whole.count / 3, whole.count / 2, whole.count - 30,
    ]
    for cut in cuts {
      let path = try write(Array(whole[..<cut]), "cut-\(cut).xml")
      let collection = try LibraryIndexTests.fullRead(path)
      let library = try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
      #expect(collection.truncation != nil)
      guard case .truncatedXML(_, let topicsRead)? = library.truncated else {
        Issue.record("cut at \(cut): not reported as truncated")
        continue
      }
      #expect(topicsRead == library.entries.count)
      #expect(library.entries.map(\.title) == collection.topics.map(\.title), "cut at \(cut)")
      for index in library.entries.indices {
        #expect(try library.page(index) == collection.topics[index])
      }
    }
  }

  @Test func fileCutBeforeItsFirstTopicIsAnError() throws {
    let whole = try Paths.bytes(Paths.corpusFile("mplus_topics_2024-08-10.excerpt-A1C.xml"))
    let root = try #require(Self.offsets(of: "<health-topics", in: whole).first)
    let path = try write(Array(whole[..<(root + 20)]))
    #expect {
      try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    } throws: { error in
      guard case .invalidFile(path, .truncatedXML(_, 0))? = error as? LibraryError else {
        return false
      }
      return true
    }
  }

  // MARK: - Not a health-topics file

  @Test func legacyVocabularyFormatIsRefusedClearly() throws {
    let path = Paths.corpusFile("mplus_vocab_2011-04-23.legacy-tiny.xml")
    let error = #expect(throws: LibraryError.self) {
      try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    }
    #expect(error == .invalidFile(path: path, .legacyVocabularyXML))
    #expect(error?.message.contains("pre-2012") == true)
    #expect(error?.message.hasPrefix(path + ": ") == true)
  }

  @Test func otherFilesAreRefused() throws {
    let markdown = Paths.corpusFile("diabetes.docling.md")
    #expect(throws: LibraryError.notHealthTopics(path: markdown)) {
      try TopicLibrary.open(xmlPath: markdown, cacheDirectory: nil)
    }
    let rss = try write(
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>\n", "feed.xml")
    #expect(throws: LibraryError.invalidFile(path: rss, .unknownXML(root: "rss"))) {
      try TopicLibrary.open(xmlPath: rss, cacheDirectory: nil)
    }
    let empty = try write("  \n", "empty.xml")
    #expect(throws: LibraryError.invalidFile(path: empty, .empty)) {
      try TopicLibrary.open(xmlPath: empty, cacheDirectory: nil)
    }
    let binary = try write([0x3C, 0x00, 0x01, 0x02], "binary.xml")
    #expect(throws: LibraryError.self) {
      try TopicLibrary.open(xmlPath: binary, cacheDirectory: nil)
    }
    let missing = directory.file("missing.xml")
    #expect(throws: LibraryError.cannotRead(path: missing, reason: "No such file or directory")) {
      try TopicLibrary.open(xmlPath: missing, cacheDirectory: nil)
    }
    #expect(
      throws: LibraryError.cannotRead(path: directory.path, reason: "it is not a regular file")
    ) {
      try TopicLibrary.open(xmlPath: directory.path, cacheDirectory: nil)
    }
  }

  // MARK: - Malformed files

  @Test func mismatchedEndTagIsMalformedAtItsLine() throws {
    var text = HandmadeTopics.xml([.init(title: "One"), .init(title: "Two")])
    let last = try #require(text.range(of: "Things</group>", options: .backwards))
    text.replaceSubrange(last, with: "Things</site>")
    let path = try write(text)
    let line =
      try #require(
        text.split(separator: "\n", omittingEmptySubsequences: false)
          .firstIndex { $0.contains("</site>") }) + 1
    let error = #expect(throws: LibraryError.self) {
      try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    }
    guard case .invalidFile(path, .malformedXML(let reported, let message))? = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(reported == line)
    #expect(message.contains("</site>"))
  }

  @Test func brokenStartTagIsReportedOnTheTopicsLine() throws {
    var text = HandmadeTopics.xml([.init(title: "One"), .init(title: "Two"), .init(title: "Three")])
    text = text.replacingOccurrences(of: "title=\"Two\"", with: "title=\"Two\" title=\"Again\"")
    let path = try write(text)
    let line =
      try #require(
        text.split(separator: "\n", omittingEmptySubsequences: false)
          .firstIndex { $0.contains("\"Again\"") }) + 1
    let error = #expect(throws: LibraryError.self) {
      try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    }
    guard case .invalidFile(path, .malformedXML(let reported, _))? = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(reported == line)
  }

  /// The index reads only names; an error in a topic's other content shows when that page
  /// is read, with the file's own line.
  @Test func brokenContentShowsWhenThePageIsRead() throws {
    var text = HandmadeTopics.xml([.init(title: "One"), .init(title: "Two")])
    let second = try #require(text.range(of: "<group url=", options: .backwards))
    text.replaceSubrange(second, with: "<group bogus url=")
    let path = try write(text)
    let line =
      try #require(
        text.split(separator: "\n", omittingEmptySubsequences: false)
          .firstIndex { $0.contains("<group bogus") }) + 1
    let library = try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    #expect(library.entries.map(\.title) == ["One", "Two"])
    _ = try library.page(0)
    let error = #expect(throws: LibraryError.self) { try library.page(1) }
    guard case .topicUnreadable(path, "Two", .malformedXML(let reported, _))? = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(reported == line)
  }

  @Test func extraContentAfterTheRootIsMalformed() throws {
    let path = try write(
      HandmadeTopics.xml([.init(title: "One")]) + "<health-topic title=\"Late\"/>\n")
    #expect {
      try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    } throws: { error in
      guard case .invalidFile(_, .malformedXML)? = error as? LibraryError else { return false }
      return true
    }
  }

  @Test func latin1FileIsDecodedByItsDeclaration() throws {
    var text = HandmadeTopics.xml([
      .init(title: "Acné", language: "Spanish", alsoCalled: ["Espinillas"])
    ])
    text = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
    let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    let path = try write(bytes)
    let collection = try LibraryIndexTests.fullRead(path)
    let library = try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    #expect(library.entries.map(\.title) == ["Acné"])
    LibraryIndexTests.expectIndex(library, matches: collection)
    #expect(try library.page(0) == collection.topics[0])
  }

  static func offsets(of needle: String, in bytes: [UInt8]) -> [Int] {
    let pattern = Array(needle.utf8)
    guard pattern.count <= bytes.count else { return [] }
    return (0...(bytes.count - pattern.count)).filter { start in
      bytes[start] == pattern[0] && Array(bytes[start..<start + pattern.count]) == pattern
    }
  }
}
