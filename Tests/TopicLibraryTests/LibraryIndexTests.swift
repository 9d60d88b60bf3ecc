import Foundation
import MedlinePlus
import Testing

@testable import TopicLibrary

/// The compact index against a full read of the same file: the same topics in the same
/// order with the same names, languages and addresses, and `page(i)` the same page.
@Suite struct LibraryIndexTests {
  enum Source: String, CaseIterable, CustomTestStringConvertible {
    case gsa2012 = "mplus_topics_2012-07-21.gsa-fixture.xml"
    case a1c = "mplus_topics_2024-08-10.excerpt-A1C.xml"
    case json19 = "19 topics from the xmltodict JSON"
    case generated60 = "60 generated topics"

    var testDescription: String { rawValue }

    func path() throws -> String {
      switch self {
      case .gsa2012, .a1c: return Paths.corpusFile(rawValue)
      case .json19: return try GeneratedFiles.nineteenTopics.get()
      case .generated60: return try GeneratedFiles.sixtyTopics.get()
      }
    }
  }

  static func fullRead(_ path: String) throws -> TopicCollection {
    guard case .collection(let collection) = try PageReader.read(Paths.bytes(path)) else {
      throw GeneratedFiles.GenerationError(message: "\(path) did not read as a collection")
    }
    return collection
  }

  static func expectIndex(
    _ library: TopicLibrary, matches collection: TopicCollection,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      library.entries.map(\.title) == collection.topics.map(\.title),
      sourceLocation: sourceLocation)
    #expect(
      library.entries.map(\.alsoCalled) == collection.topics.map(\.alsoCalled),
      sourceLocation: sourceLocation)
    #expect(
      library.entries.map(\.language) == collection.topics.map(\.language),
      sourceLocation: sourceLocation)
    #expect(
      library.entries.map(\.url) == collection.topics.map(\.origin),
      sourceLocation: sourceLocation)
    #expect(
      library.entries.map(\.id) == collection.topics.map { $0.topic?.id ?? "" },
      sourceLocation: sourceLocation)
    #expect(library.declaredTotal == collection.declaredTotal, sourceLocation: sourceLocation)
    #expect(library.dateGenerated == collection.dateGenerated, sourceLocation: sourceLocation)
  }

  @Test(arguments: Source.allCases)
  func indexEqualsFullRead(_ source: Source) throws {
    let path = try source.path()
    let collection = try Self.fullRead(path)
    let library = try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    #expect(!library.entries.isEmpty)
    #expect(library.truncated == nil)
    #expect(!library.loadedFromCache)
    Self.expectIndex(library, matches: collection)
  }

  @Test(arguments: Source.allCases)
  func pageEqualsFullReadPage(_ source: Source) throws {
    let path = try source.path()
    let collection = try Self.fullRead(path)
    let library = try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    try #require(library.entries.count == collection.topics.count)
    for index in library.entries.indices {
      let page = try library.page(index)
      #expect(page == collection.topics[index], "topic \(index): \(page.title)")
    }
  }

  @Test func byteRangesHoldTheTopicElements() throws {
    let path = try Source.a1c.path()
    let bytes = try Paths.bytes(path)
    let library = try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    for entry in library.entries {
      let element = String(
        decoding: bytes[entry.offset..<entry.offset + entry.length], as: UTF8.self)
      #expect(element.hasPrefix("<health-topic"))
      #expect(element.dropFirst("<health-topic".count).first?.isWhitespace == true)
      #expect(element.hasSuffix("</health-topic>"))
      #expect(element.contains("\"\(entry.title)\""))
    }
  }

  @Test func spanishNamesKeepTheirAccents() throws {
    let library = try TopicLibrary.open(
      xmlPath: try Source.json19.path(), cacheDirectory: nil)
    let ulcer = try #require(library.entries.first { $0.title == "Úlcera péptica" })
    #expect(ulcer.language == "es")
    #expect(ulcer.alsoCalled == ["Úlcera duodenal", "Úlcera gástrica"])
    let acne = try #require(library.entries.first { $0.title == "Acne" })
    #expect(acne.language == "en")
    #expect(acne.alsoCalled == ["Pimples", "Zits"])
  }

  // MARK: - Lookups

  @Test func entryForURLIgnoresSchemeCaseFragmentAndTrailingSlash() throws {
    let library = try TopicLibrary.open(xmlPath: try Source.json19.path(), cacheDirectory: nil)
    let acne = try #require(library.entries.firstIndex { $0.title == "Acne" })
    let url = try #require(library.entries[acne].url)
    #expect(url.hasPrefix("https://medlineplus.gov/"))
    let plain = "http://" + url.dropFirst("https://".count)
    #expect(library.entry(forURL: url) == acne)
    #expect(library.entry(forURL: plain) == acne)
    #expect(library.entry(forURL: url + "/") == acne)
    #expect(library.entry(forURL: url + "#cat_51") == acne)
    #expect(library.entry(forURL: "HTTPS://MedlinePlus.GOV/" + url.dropFirst(24)) == acne)
    #expect(library.entry(forURL: "https://medlineplus.gov/nothing-here.html") == nil)
  }

  @Test func twinsOpenFromTheSameFile() throws {
    let path = try Source.json19.path()
    let library = try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    let acne = try #require(library.entries.firstIndex { $0.title == "Acne" })
    let twin = try #require(try library.page(acne).topic?.twin)
    let twinURL = try #require(twin.url)
    let spanish = try #require(library.entry(forURL: twinURL))
    #expect(library.entries[spanish].title == "Acné")
    let back = try #require(try library.page(spanish).topic?.twin?.url)
    #expect(library.entry(forURL: back) == acne)
  }

  @Test func entryForID() throws {
    let library = try TopicLibrary.open(
      xmlPath: Paths.corpusFile(Source.a1c.rawValue), cacheDirectory: nil)
    for (index, entry) in library.entries.enumerated() {
      #expect(library.entry(forID: entry.id) == index)
    }
    #expect(library.entry(forID: "no-such-id") == nil)
  }

  @Test func pageOutOfRangeIsAnError() throws {
    let library = try TopicLibrary.open(
      xmlPath: Paths.corpusFile(Source.a1c.rawValue), cacheDirectory: nil)
    #expect(throws: LibraryError.noSuchTopic(index: 99, count: library.entries.count)) {
      try library.page(99)
    }
  }
}
