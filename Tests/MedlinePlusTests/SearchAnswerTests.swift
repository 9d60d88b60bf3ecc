import Testing

@testable import MedlinePlus

/// Answers of the MedlinePlus search service in the documented shapes (Tests/Corpus/service,
/// written by us; the A1C record is the real one from the health-topics excerpt).
@Suite struct SearchAnswerTests {
  @Test func aPageOfResultsCarriesTheTopics() throws {
    let answer = try SearchAnswerReader.read(Corpus.bytes("service/search-a1c-0.xml"))
    #expect(answer.term == "a1c")
    #expect(answer.count == 3 && answer.start == 0 && answer.hasMore)
    #expect(answer.results.map(\.plainTitle) == ["A1C", "Blood Sugar"])
    let first = answer.results[0]
    #expect(first.title == [TextRun("A1C", style: .bold)])
    #expect(first.alsoCalled == ["Hemoglobin A1C test", "HbA1C"])
    #expect(first.snippet.plainText == "The A1C test measures your average blood sugar & more.")
    #expect(first.snippet.filter { $0.style == .bold }.map(\.text) == ["A1C"])
    #expect(first.organization == "National Library of Medicine")
    #expect(first.groups == ["Diabetes Mellitus"])
  }

  @Test func aResultsTopicIsTheSamePageAsFromTheFile() throws {
    let answer = try SearchAnswerReader.read(Corpus.bytes("service/search-a1c-0.xml"))
    let fromAnswer = try #require(answer.results[0].topic)
    guard
      case .collection(let file) = try PageReader.read(
        Corpus.bytes("mplus_topics_2024-08-10.excerpt-A1C.xml"))
    else {
      Issue.record("the excerpt is not a collection")
      return
    }
    #expect(fromAnswer == file.topics.first)
    let sugar = try #require(answer.results[1].topic)
    #expect(sugar.title == "Blood Sugar")
    #expect(sugar.topic?.twin?.url == "https://medlineplus.gov/spanish/bloodsugar.html")
  }

  @Test func theNextPageStartsWhereTheFirstEnded() throws {
    let answer = try SearchAnswerReader.read(Corpus.bytes("service/search-a1c-2.xml"))
    #expect(answer.start == 2 && !answer.hasMore)
    #expect(answer.results.map(\.rank) == [2])
    #expect(answer.results[0].topic == nil)
    // An escape sequence in the service's text never survives.
    #expect(answer.results[0].snippet.plainText == "An A1C of 6.5% or more.")
  }

  @Test func zeroHitsIsAnAnswerWithNoResults() throws {
    let answer = try SearchAnswerReader.read(Corpus.bytes("service/search-none.xml"))
    #expect(answer.count == 0 && answer.results.isEmpty && !answer.hasMore)
  }

  @Test func badAnswersSayWhatWentWrong() throws {
    let broken = Result { try SearchAnswerReader.read(Corpus.bytes("service/search-broken.xml")) }
    guard case .failure(let error as ServiceAnswerError) = broken,
      case .malformed = error
    else {
      Issue.record("a cut answer was read: \(broken)")
      return
    }
    #expect(error.message.hasPrefix("The MedlinePlus search service's answer breaks off"))
    let page = Array("<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1>".utf8)
    #expect(throws: ServiceAnswerError.webPage(service: "MedlinePlus search service")) {
      try SearchAnswerReader.read(page)
    }
    #expect(throws: ServiceAnswerError.empty(service: "MedlinePlus search service")) {
      try SearchAnswerReader.read(Array(" \n".utf8))
    }
    #expect(
      throws: ServiceAnswerError.unexpected(service: "MedlinePlus search service", what: "<rss>")
    ) {
      try SearchAnswerReader.read(Array("<rss><channel/></rss>".utf8))
    }
    let garbage: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
    #expect(throws: ServiceAnswerError.self) { try SearchAnswerReader.read(garbage) }
  }

  @Test func theRequestAsksForTopicRecordsInTheLanguage() {
    let english = SearchService.address(words: "knee  pain", language: .english)
    #expect(
      english
        == "https://wsearch.nlm.nih.gov/ws/query?db=healthTopics&term=knee%20pain&retstart=0"
        + "&retmax=20&rettype=topic&tool=medterm")
    let spanish = SearchService.address(
      base: "http://127.0.0.1:8/q?x=1", words: "title:dolor & más", language: .spanish,
      start: 20)
    #expect(
      spanish
        == "http://127.0.0.1:8/q?x=1&db=healthTopicsSpanish&term=title%3Adolor%20%26%20m%C3%A1s"
        + "&retstart=20&retmax=20&rettype=topic&tool=medterm")
  }
}
