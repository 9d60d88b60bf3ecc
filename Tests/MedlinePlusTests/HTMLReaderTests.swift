import Foundation
import Testing

@testable import MedlinePlus

@Suite struct HTMLReaderTests {
  @Test func medlinePlusMarkupBecomesATopicPage() throws {
    let page = try Corpus.page("fixtures/osteonecrosis.medlineplus.html")
    #expect(page.format == .html)
    #expect(page.title == "Osteonecrosis")
    #expect(page.alsoCalled == ["Aseptic necrosis", "Avascular necrosis", "Ischemic necrosis"])
    #expect(page.origin == "https://medlineplus.gov/osteonecrosis.html")
    #expect(page.outline.map(\.title) == MedlinePlusCatalog.groups)
    #expect(page.outline[2].hasNoLinks)
    #expect(page.outline.flatMap(\.entries).allSatisfy { $0.section != nil })
    #expect(page.sections.map(\.id).prefix(4) == ["summary", "cat_51", "cat_92", "cat_78"])
    #expect(page.section(titled: "Medical Encyclopedia") != nil)
    #expect(page.section(titled: "Disclaimers") == nil)
    let text = page.allText
    for chrome in [
      "Skip navigation", "Share on Facebook", "enable JavaScript", "About MedlinePlus",
      "You Are Here", "8600 Rockville",
    ] {
      #expect(!text.contains(chrome), "chrome leaked: \(chrome)")
    }
  }

  @Test func resourceItemsFromHTML() throws {
    let page = try Corpus.page("fixtures/osteonecrosis.medlineplus.html")
    let start = page.resources(in: "Start Here")
    #expect(start.map(\.title) == ["Avascular Necrosis", "Osteonecrosis", "Osteonecrosis"])
    #expect(start[1].badges == [.nih])
    #expect(
      start[1].spanishURL == "https://www.niams.nih.gov/es/informacion-de-salud/osteonecrosis")
    #expect(start[2].badges == [.pdf])
    let trials = page.resources(in: "Clinical Trials")
    #expect(
      trials.first?.url
        == "https://clinicaltrials.gov/search?cond=%22Osteonecrosis%22&aggFilters=status:not%20rec")
    #expect(
      page.section(titled: "Journal Articles")?.subtitle?.hasPrefix("References and abstracts")
        == true)
    // Relative addresses resolve against the canonical URL.
    let summaryLinks = page.links.filter { $0.section == 0 }.map(\.url)
    #expect(
      summaryLinks == [
        "https://medlineplus.gov/arthritis.html", "https://medlineplus.gov/cancer.html",
      ])
    let summary = try #require(page.section(titled: "Summary"))
    #expect(
      summary.blocks.last
        == .attribution(
          "NIH: National Institute of Arthritis and Musculoskeletal and Skin Diseases"))
  }

  /// Title and language agree with Readability's expected metadata for every web page.
  @Test(arguments: [
    "google-sre-book-1", "hukumusume", "iab-1", "lemonde-1", "medicalnewstoday", "mercurial",
  ])
  func webPagesReadWithTitleAndLanguage(name: String) throws {
    let page = try Corpus.page(
      "web/\(name).source.html", origin: "https://example.org/dir/page.html")
    let metadata =
      try JSONSerialization.jsonObject(with: Data(Corpus.bytes("web/\(name).metadata.json")))
      as? [String: Any]
    let expectedTitle = (metadata?["title"] as? String)?.collapsingWhitespace
    #expect(
      page.title.collapsingWhitespace == expectedTitle
        || expectedTitle.map(page.title.hasPrefix) == true)
    #expect(page.language == metadata?["lang"] as? String)
    #expect(!page.sections.isEmpty)
    #expect(page.outline.count == 1)
    #expect(page.links.allSatisfy { $0.url.map { !$0.hasPrefix("../") } ?? true })
    #expect(!page.allText.contains("<script"))
    #expect(!page.allText.unicodeScalars.contains { $0.value == 0x1B })
  }

  @Test func articleOutlinesFollowTheirHeadings() throws {
    let lemonde = try Corpus.page("web/lemonde-1.source.html")
    let titles = lemonde.sections.map(\.title)
    #expect(titles.contains("Définition des objectifs des services"))
    #expect(titles.contains("Les « boîtes noires »"))
    #expect(lemonde.sections.filter { $0.level == 2 }.count == 9)

    let mercurial = try Corpus.page("web/mercurial.source.html")
    #expect(!mercurial.sections.contains { $0.title.hasSuffix("¶") })
    // The three "Setting up" sections keep the ids the page's own table of contents links
    // to (`#id2`), so its links land on them.
    #expect(
      mercurial.sections.filter { $0.title == "Setting up" }.map(\.id) == [
        "setting-up", "id2", "id3",
      ])

    let sre = try Corpus.page("web/google-sre-book-1.source.html")
    #expect(sre.sections.map(\.title).contains("The Four Golden Signals"))
    // The case study's box is furniture to the reader view, which keeps its text; the whole
    // page keeps its heading too.
    #expect(!sre.sections.contains { $0.title == "Bigtable SRE: A Tale of Over-Alerting" })
    #expect(sre.allText.contains("Bigtable service’s SLO was based on a synthetic"))
    let wholeSRE = try Corpus.page("web/google-sre-book-1.source.html", mode: .full)
    #expect(
      wholeSRE.sections.first { $0.title == "Bigtable SRE: A Tale of Over-Alerting" }?.level == 2)

    let iab = try Corpus.page("web/iab-1.source.html")
    #expect(iab.title == "Getting LEAN with Digital Ad UX | IAB")

    let japanese = try Corpus.page("web/hukumusume.source.html")
    #expect(japanese.sections.count == 1)
    #expect(japanese.allText.contains("肉をくわえたイヌが、橋を渡っていました。"))
  }

  @Test func charsetFromMetaAndFromContentType() throws {
    let latin1 = try Corpus.bytes("fixtures/latin1.html")
    guard case .page(let page) = try PageReader.read(latin1) else {
      Issue.record("not a page")
      return
    }
    #expect(page.title == "Café crème")
    #expect(page.allText.contains("Crème brûlée © 2024"))
    let bare = Array("<p>Caf\u{E9}</p>".unicodeScalars.map { UInt8($0.value) })
    guard
      case .page(let declared) = try PageReader.read(
        bare, contentType: "text/html; charset=ISO-8859-1")
    else {
      Issue.record("not a page")
      return
    }
    #expect(declared.allText.contains("Café"))
  }

  @Test func scriptsStylesHiddenAndNavigationAreDropped() throws {
    let html = """
      <html><body><nav><h2>Menu</h2></nav><h1>T</h1><script>alert(1)</script><style>p{}</style>
      <p hidden>secret</p><div style="display: none">gone</div><p>kept <b>bold</b> <i>it</i> <code>c</code></p>
      <form><button>Go</button></form><footer>foot</footer></body></html>
      """
    guard case .page(let page) = try PageReader.read(Array(html.utf8)) else { return }
    #expect(page.allText.contains("kept bold it c"))
    for gone in ["alert", "p{}", "secret", "gone", "Go", "foot", "Menu"] {
      #expect(!page.allText.contains(gone), "\(gone) should be dropped")
    }
  }

  @Test func relativeLinksResolveAgainstBase() throws {
    let html =
      "<html><head><base href='/docs/'></head><body><h1>x</h1><p><a href='a.html'>a</a> <a href='../b'>b</a> <a href='//cdn.org/c'>c</a> <a href='#f'>f</a> <a href='javascript:alert(1)'>j</a></p></body></html>"
    guard
      case .page(let page) = try PageReader.read(
        Array(html.utf8), origin: "https://site.org/x/y.html")
    else { return }
    #expect(
      page.links.map(\.url) == [
        "https://site.org/docs/a.html", "https://site.org/b", "https://cdn.org/c",
        "https://site.org/docs/#f", "javascript:alert(1)",
      ])
  }

  @Test func hundredThousandLevelsDeep() throws {
    let depth = 100_000
    let html =
      String(repeating: "<div>", count: depth) + "deep text"
      + String(repeating: "</div>", count: depth)
    let document = try PageReader.read(Array(html.utf8))
    guard case .page(let page) = document else { return }
    #expect(page.allText.contains("deep text"))
    let inline =
      String(repeating: "<b>", count: depth) + "bold" + String(repeating: "</b>", count: depth)
    guard case .page(let boldPage) = try PageReader.read(Array(("<html><body>" + inline).utf8))
    else { return }
    #expect(boldPage.allText.contains("bold"))
  }
}
