import Testing

@testable import LibraryUpdate

/// Finding the newest file on the index page, resolving its address, drawing progress.
@Suite struct UpdateHelpersTests {
  private func html(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func newestLinkWins() {
    let page = html(
      """
      <a href="https://medlineplus.gov/xml/mplus_topics_2024-08-09.xml">older</a>
      <a href="https://medlineplus.gov/xml/mplus_topics_compressed_2024-08-12.zip">zip</a>
      <A HREF = 'xml/mplus_topics_2024-08-10.xml'>newest, relative, single quotes</A>
      <a href=xml/mplus_topic_groups_2024-08-11.xml>groups</a>
      <a data-href="xml/mplus_topics_2025-01-01.xml">not an href</a>
      """)
    let link = TopicsFileLink.newest(in: page, pageURL: "https://medlineplus.gov/xml.html")
    #expect(
      link
        == TopicsFileLink(
          url: "https://medlineplus.gov/xml/mplus_topics_2024-08-10.xml", date: "2024-08-10"))
  }

  @Test func unquotedAndEntityEscapedLinks() {
    let page = html(
      """
      <a href=/xml/mplus_topics_2024-01-02.xml>a</a>
      <a href="/get?f=x&amp;y=1#mplus_topics_2024-01-03.xml">not the name</a>
      <a href="  /files/mplus_topics_2024-01-04.xml?v=1&amp;w=2  ">b</a>
      """)
    let link = TopicsFileLink.newest(in: page, pageURL: "https://example.org/dir/xml.html")
    #expect(link?.url == "https://example.org/files/mplus_topics_2024-01-04.xml?v=1&w=2")
    #expect(link?.date == "2024-01-04")
  }

  @Test func fileNamesThatAreNotTheTopicsFile() {
    for name in [
      "mplus_topics_2024-8-10.xml", "mplus_topics_2024-08-10.xml.zip", "mplus_topics_.xml",
      "mplus_topics_compressed_2024-08-10.zip", "xmplus_topics_2024-08-10.xml",
      "mplus_topics_2024_08_10.xml", "mplus_topics_2024-08-1a.xml",
    ] {
      #expect(TopicsFileLink.topicsFileDate(name) == nil, "\(name)")
    }
    #expect(TopicsFileLink.topicsFileDate("/x/mplus_topics_2024-08-10.xml#top") == "2024-08-10")
    #expect(TopicsFileLink.newest(in: html("<p>no links</p>"), pageURL: "https://a/") == nil)
  }

  @Test func progressBarWithAKnownSize() {
    let megabyte = 1_048_576
    let half = LibraryUpdater.progressBar(
      received: 15 * megabyte, expected: 30 * megabyte, width: 60)
    #expect(half.count == 60)
    #expect(half.hasPrefix("[") && half.hasSuffix("]   50%  15.0 of 30.0 MB"))
    let inside = half.dropFirst().prefix { $0 != "]" }
    #expect(inside.filter { $0 == "#" }.count == inside.count / 2)
    #expect(inside.allSatisfy { $0 == "#" || $0 == "." })
    let done = LibraryUpdater.progressBar(
      received: 30 * megabyte, expected: 30 * megabyte, width: 60)
    #expect(done.hasSuffix("]  100%  30.0 of 30.0 MB"))
    #expect(!done.dropFirst().prefix { $0 != "]" }.contains("."))
    let none = LibraryUpdater.progressBar(received: 0, expected: 30 * megabyte, width: 60)
    #expect(none.contains("[....") && none.contains("   0%"))
    // More than announced (a wrong Content-Length) stays at 100%.
    #expect(
      LibraryUpdater.progressBar(received: 40 * megabyte, expected: 30 * megabyte, width: 60)
        == done)
  }

  @Test func progressBarWithoutASize() {
    let first = LibraryUpdater.progressBar(received: 0, expected: nil, width: 40)
    let later = LibraryUpdater.progressBar(received: 3 * 262_144, expected: nil, width: 40)
    #expect(first.count == 40 && later.count == 40)
    #expect(first.hasPrefix("[<=>"))
    #expect(later.hasPrefix("[   <=>"))
    #expect(later.contains("]  0.7 MB"))
  }

  @Test func progressBarIsASCIIAndFitsAnyWidth() {
    for width in [0, 1, 5, 10, 20, 25, 80, 200] {
      for expected in [nil, 10_000_000] as [Int?] {
        let bar = LibraryUpdater.progressBar(received: 5_000_000, expected: expected, width: width)
        #expect(bar.count <= max(width, 0), "width \(width)")
        #expect(bar.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
        if width >= 40 { #expect(bar.count == width) }
      }
    }
  }
}
