import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// `t`: the other language in one key. A resource's Spanish version (its "ES" mark) opens
/// from the selected link, and `y` names both addresses; on a topic, its twin opens from
/// anywhere on the page, and ← comes back.
@Suite struct OtherLanguageTests {
  private typealias MemoryHost = LinkOpeningTests.MemoryHost

  @Test func theSelectedResourcesSpanishVersionOpens() throws {
    let page = Pages.file("fixtures/osteonecrosis.medlineplus.html")
    let index = try #require(page.links.firstIndex { $0.spanishURL != nil })
    let spanish = try #require(page.links[index].spanishURL)
    let host = MemoryHost([:])
    let reader = Harness(page, host: host)
    for _ in 0...index { reader.press("}") }
    #expect(reader.state.visibleSelectedLink == index)
    reader.press("y")
    // The status line cuts a long message; the whole of it names both addresses.
    #expect(reader.state.message?.hasSuffix("in Spanish: \(spanish) (t opens it)") == true)
    reader.press("t")
    #expect(host.requested == [spanish])
  }

  @Test func aTopicsTwinOpensFromAnywhereAndBackComesBack() {
    let page = Pages.file("mplus_topics_2024-08-10.excerpt-A1C.xml")
    let twin = "https://medlineplus.gov/spanish/a1c.html"
    #expect(page.topic?.twin?.url == twin)
    let host = MemoryHost([
      twin: (
        "text/html",
        Array("<html lang=es><body><h1>Prueba A1C</h1><p>Texto.</p></body></html>".utf8)
      )
    ])
    let reader = Harness(page, host: host).press("G t")
    #expect(host.requested == [twin])
    #expect(reader.state.page.title == "Prueba A1C")
    reader.press("Left")
    #expect(reader.state.page.title == "A1C")
  }

  @Test func aPageWithNoOtherLanguageSaysSo() {
    let reader = Harness(Pages.file("web/mercurial.source.html")).press("t")
    #expect(reader.status.contains("no version in another language"))
  }

  @Test func aTwinTheLibraryLacksSaysSoWhenItCannotBeFetched() {
    let library = TopicIndexTests.CorpusCatalog(["mplus_topics_2024-08-10.excerpt-A1C.xml"])
    let page = Pages.file("mplus_topics_2024-08-10.excerpt-A1C.xml")
    let reader = Harness(page, host: MemoryHost([:]), catalog: library).press("t")
    let screen = reader.screen.plainText
    #expect(screen.contains("not in this library file (1 topic)"))
    #expect(screen.contains("https://medlineplus.gov/spanish/a1c.html"))
  }
}
