import Testing

@testable import MedlinePlus

/// The one link resolver every module uses (pages, the update's index page).
@Suite struct URLResolverTests {
  @Test func relativeLinksResolve() {
    let base = "https://medlineplus.gov/xml/index.html?x=1"
    #expect(URLResolver.resolve("a.xml", against: base) == "https://medlineplus.gov/xml/a.xml")
    #expect(URLResolver.resolve("../a.xml", against: base) == "https://medlineplus.gov/a.xml")
    #expect(
      URLResolver.resolve("./b/../a.xml", against: base) == "https://medlineplus.gov/xml/a.xml")
    #expect(URLResolver.resolve("/a.xml", against: base) == "https://medlineplus.gov/a.xml")
    #expect(
      URLResolver.resolve("//cdn.example/a.xml", against: base) == "https://cdn.example/a.xml")
    #expect(URLResolver.resolve("http://other/a.xml", against: base) == "http://other/a.xml")
    #expect(
      URLResolver.resolve("a.xml", against: "http://127.0.0.1:8080")
        == "http://127.0.0.1:8080/a.xml")
  }

  @Test func fragmentsQueriesAndBases() {
    let base = "https://site.org/x/y.html?q=1#top"
    #expect(URLResolver.resolve("#f", against: base) == "https://site.org/x/y.html#f")
    #expect(URLResolver.resolve("?p=2", against: base) == "https://site.org/x/y.html?p=2")
    #expect(URLResolver.resolve("", against: base) == "https://site.org/x/y.html")
    #expect(URLResolver.resolve("a.html", against: nil) == "a.html")
    #expect(URLResolver.resolve("mailto:a@b.c", against: base) == "mailto:a@b.c")
    #expect(URLResolver.scheme(of: "HTTPS://x") == "https")
    #expect(URLResolver.scheme(of: "no scheme here") == nil)
  }

  /// The one percent-encoder: the caller says which bytes stay.
  @Test func percentEncodingKeepsWhatItIsTold() {
    #expect(PercentEncoding.encode("a b/é", keeping: { $0 < 0x80 }) == "a b/%C3%A9")
    #expect(PercentEncoding.encode("a b/é", keeping: { $0 != 0x20 && $0 < 0x80 }) == "a%20b/%C3%A9")
    #expect(PercentEncoding.encode(bytes: [0x61, 0xFF], keeping: { $0 < 0x80 }) == "a%FF")
  }

  @Test func fragmentsOfLinksIntoThePageItself() {
    let page = "https://example.org/docs/page.html#top"
    #expect(URLResolver.fragment(of: "#ref-1", onPage: page) == "ref-1")
    #expect(URLResolver.fragment(of: "page.html#ref-1", onPage: page) == "ref-1")
    #expect(URLResolver.fragment(of: "https://example.org/docs/page.html#a", onPage: page) == "a")
    #expect(URLResolver.fragment(of: "other.html#ref-1", onPage: page) == nil)
    #expect(URLResolver.fragment(of: "#", onPage: page) == nil)
    #expect(URLResolver.fragment(of: "page.html", onPage: page) == nil)
    #expect(URLResolver.fragment(of: "#x", onPage: nil) == "x")
    #expect(URLResolver.fragment(of: "other.html#x", onPage: nil) == nil)
  }
}
