import Foundation
import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// `F` in the browser: the words go to the MedlinePlus search service on Enter (one
/// request, not one per key), the topics found list in a topic index over the page, Enter
/// opens one from its record; a failed or empty answer leaves the reader where they were.
@Suite struct MedlinePlusSearchTests {
  private typealias MemoryHost = LinkOpeningTests.MemoryHost
  private let address = SearchService.address(words: "a1c", language: .english)

  private func answer(_ name: String) -> (String?, [UInt8]) {
    let data = (try? Data(contentsOf: Pages.corpus.appendingPathComponent(name))) ?? Data()
    return ("application/xml", Array(data))
  }

  @Test func theTopicsFoundListOverThePageAndOpenFromTheirRecords() {
    let host = MemoryHost([address: answer("service/search-a1c-0.xml")])
    let next = SearchService.address(words: "a1c", language: .english, start: 2)
    let reader = Harness(Pages.seed, host: host).press("F a 1 c")
    #expect(host.requested.isEmpty)
    reader.press("Enter")
    #expect(host.requested == [address])
    #expect(reader.top.kind == .index)
    let screen = reader.screen.plainText
    #expect(screen.contains("MedlinePlus search: 3 results for “a1c” (English)"))
    #expect(screen.contains("Blood Sugar · Blood glucose"))
    // Down reaches the end of those listed and asks for the next page, which fails here:
    // the list stays, and says so.
    reader.press("Down")
    #expect(host.requested == [address, next])
    #expect(reader.top.kind == .index)
    #expect(reader.status.contains("The server answered 404"))
    reader.press("Enter")
    #expect(reader.top.kind == .page)
    #expect(reader.state.page.title == "Blood Sugar")
    #expect(host.requested == [address, next])
    reader.press("Left Left")
    #expect(reader.state.page.title == "Osteonecrosis")
  }

  @Test func anEmptyOrFailedAnswerLeavesTheReaderWhereTheyWere() {
    let none = SearchService.address(words: "zzzz", language: .english)
    let host = MemoryHost([none: answer("service/search-none.xml")])
    let empty = Harness(Pages.seed, host: host).press("F z z z z Enter")
    #expect(empty.top.kind == .page)
    #expect(empty.status.contains("MedlinePlus has no topic for “zzzz” (English)"))

    let failed = Harness(Pages.seed, host: MemoryHost([:])).press("F a 1 c Enter")
    #expect(failed.top.kind == .page)
    #expect(
      failed.status.contains("the MedlinePlus search service: The server answered 404"))

    let garbled = MemoryHost([address: answer("service/search-broken.xml")])
    let broken = Harness(Pages.seed, host: garbled).press("F a 1 c Enter")
    #expect(broken.top.kind == .page)
    #expect(broken.status.contains("answer breaks off or is garbled"))
  }

  @Test func aSpanishPageSearchesInSpanish() {
    var page = Pages.seed
    page.language = "es"
    let spanish = SearchService.address(words: "a1c", language: .spanish)
    let host = MemoryHost([:])
    _ = Harness(page, host: host).press("F a 1 c Enter")
    #expect(host.requested == [spanish])
  }

  @Test func escapeAtThePromptSendsNothing() {
    let host = MemoryHost([:])
    let reader = Harness(Pages.seed, host: host).press("F a 1 c Esc")
    #expect(host.requested.isEmpty)
    #expect(reader.top.kind == .page)
  }

  @Test func moreResultsLoadAsTheReaderReachesTheEnd() {
    let next = SearchService.address(words: "a1c", language: .english, start: 2)
    let host = MemoryHost([
      address: answer("service/search-a1c-0.xml"), next: answer("service/search-a1c-2.xml"),
    ])
    let reader = Harness(Pages.seed, host: host).press("F a 1 c Enter")
    #expect(reader.screen.plainText.contains("3 results for “a1c” (English), 2 listed"))
    reader.press("Down")
    #expect(host.requested == [address, next])
    let screen = reader.screen.plainText
    #expect(screen.contains("Diabetes Type 2"))
    #expect(!screen.contains("2 listed"))
    // All are listed now: the end asks for nothing more.
    reader.press("Down Down Down")
    #expect(host.requested.count == 2)
    // A result with no record in the answer opens from its address.
    reader.press("Enter")
    #expect(host.requested.last == "https://medlineplus.gov/diabetestype2.html")
  }

  @Test func searchesStayUnderTheServicesLimit() {
    let host = MemoryHost([:])
    let reader = Harness(Pages.seed, host: host)
    var now = 1000.0
    reader.session.clock = { now }
    for _ in 0..<SearchService.requestsPerMinute { reader.press("F x Enter") }
    #expect(host.requested.count == SearchService.requestsPerMinute)
    reader.press("F x Enter")
    #expect(host.requested.count == SearchService.requestsPerMinute)
    #expect(reader.status.contains("at most 85 searches a minute: try again in 60 seconds"))
    now += 61
    reader.press("F x Enter")
    #expect(host.requested.count == SearchService.requestsPerMinute + 1)
  }

  @Test func tabAsksTheServiceInTheOtherLanguage() {
    let spanish = SearchService.address(words: "a1c", language: .spanish)
    let host = MemoryHost([address: answer("service/search-a1c-0.xml")])
    let reader = Harness(Pages.seed, height: 60, host: host).press("F a 1 c Enter Tab")
    #expect(host.requested == [address, spanish])
    // That answer failed: the English results stay.
    #expect(reader.top.kind == .index)
    #expect(reader.status.contains("404"))
  }

  /// A host whose loads fail (offline) but which has answers kept from before.
  final class OfflineHost: BrowserHost {
    var kept: [String: (bytes: [UInt8], age: Int)] = [:]
    private(set) var keptNow: [String] = []
    func load(_ url: String) -> Result<any LoadTask, LoadFailure> {
      .failure(LoadFailure("The server wsearch.nlm.nih.gov was not found."))
    }
    func keepAnswer(_ bytes: [UInt8], for url: String) { keptNow.append(url) }
    func keptAnswer(for url: String) -> (bytes: [UInt8], age: Int)? { kept[url] }
  }

  @Test func offlineASearchKeptFromBeforeShowsMarkedWithItsAge() {
    let host = OfflineHost()
    let reader = Harness(Pages.seed, host: host).press("F a 1 c Enter")
    #expect(reader.top.kind == .page)
    #expect(reader.status.contains("was not found"))
    host.kept[address] = (answer("service/search-a1c-0.xml").1, 3 * 86_400)
    reader.press("F a 1 c Enter")
    #expect(reader.top.kind == .index)
    #expect(reader.screen.plainText.contains("from the cache"))
    let title = (reader.top as? IndexView)?.state.catalog.title
    #expect(title?.hasSuffix("from the cache, 3 days old") == true)
    #expect(host.keptNow.isEmpty)
  }

  @Test func anAnswerThatListsIsKept() {
    final class KeepingHost: BrowserHost {
      let inner: MemoryHost
      private(set) var keptNow: [String] = []
      init(_ inner: MemoryHost) { self.inner = inner }
      func load(_ url: String) -> Result<any LoadTask, LoadFailure> { inner.load(url) }
      func keepAnswer(_ bytes: [UInt8], for url: String) { keptNow.append(url) }
    }
    let none = SearchService.address(words: "zzzz", language: .english)
    let host = KeepingHost(
      MemoryHost([
        address: answer("service/search-a1c-0.xml"), none: answer("service/search-none.xml"),
      ]))
    _ = Harness(Pages.seed, host: host).press("F z z z z Enter F a 1 c Enter")
    #expect(host.keptNow == [address])
  }

  /// Started on a search's results (`medterm --search`), the results are the session's
  /// catalog too: a result without its record opens from its address, once.
  @Test func aResultWithoutItsRecordOpensFromItsAddressWhenTheResultsAreTheCatalog() throws {
    let bytes = answer("service/search-a1c-2.xml").1
    let results = ServiceResultsCatalog(
      try SearchAnswerReader.read(bytes), words: "a1c", language: .english)
    let host = MemoryHost([:])
    let reader = Harness(
      index: IndexState(catalog: results, width: 100, height: 30), host: host)
    reader.press("Enter")
    #expect(host.requested == ["https://medlineplus.gov/diabetestype2.html"])
  }
}
