import MedlinePlus

/// Finds the newest health-topics file linked from MedlinePlus's XML page
/// (https://medlineplus.gov/xml.html): the `href` whose file name is
/// `mplus_topics_YYYY-MM-DD.xml`, with the latest date. The zipped copy
/// (`mplus_topics_compressed_YYYY-MM-DD.zip`), the topic-group files and everything else are
/// ignored; relative links are resolved against the page's own address.
///
/// The page is scanned for `href` attributes as text rather than parsed as HTML: only the
/// links matter, and a scan cannot be thrown off by the rest of the page's markup.
public struct TopicsFileLink: Hashable, Sendable {
  /// The absolute address of the file.
  public var url: String
  /// The date in its name, `YYYY-MM-DD`.
  public var date: String

  public init(url: String, date: String) {
    self.url = url
    self.date = date
  }

  /// The newest `mplus_topics_YYYY-MM-DD.xml` link in `html`, resolved against `pageURL`;
  /// nil when there is none. Of two links with the same date the first wins.
  public static func newest(in html: [UInt8], pageURL: String) -> TopicsFileLink? {
    var best: TopicsFileLink?
    for href in hrefs(in: html) {
      guard let date = topicsFileDate(href) else { continue }
      if let current = best, current.date >= date { continue }
      best = TopicsFileLink(url: URLResolver.resolve(href, against: pageURL), date: date)
    }
    return best
  }

  /// The date of `mplus_topics_YYYY-MM-DD.xml`, the link's last path segment (before any
  /// query or fragment); nil for any other name.
  static func topicsFileDate(_ href: String) -> String? {
    var path = Substring(href)
    if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? path
    let prefix = "mplus_topics_"
    let suffix = ".xml"
    guard name.hasPrefix(prefix), name.hasSuffix(suffix),
      name.count == prefix.count + 10 + suffix.count
    else { return nil }
    let date = name.dropFirst(prefix.count).prefix(10)
    let digits = date.enumerated().allSatisfy { index, character in
      index == 4 || index == 7 ? character == "-" : character.isASCII && character.isNumber
    }
    return digits ? String(date) : nil
  }

  /// Every `href` value in the page, entity references decoded.
  static func hrefs(in html: [UInt8]) -> [String] {
    var values: [String] = []
    var position = 0
    let count = html.count
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
    while position + 4 < count {
      // "href" in any letter case, not part of a longer name ("data-href").
      guard html[position] | 0x20 == UInt8(ascii: "h"),
        html[position + 1] | 0x20 == UInt8(ascii: "r"),
        html[position + 2] | 0x20 == UInt8(ascii: "e"),
        html[position + 3] | 0x20 == UInt8(ascii: "f"),
        position == 0 || isSpace(html[position - 1])
      else {
        position += 1
        continue
      }
      var cursor = position + 4
      while cursor < count && isSpace(html[cursor]) { cursor += 1 }
      guard cursor < count, html[cursor] == UInt8(ascii: "=") else {
        position = cursor
        continue
      }
      cursor += 1
      while cursor < count && isSpace(html[cursor]) { cursor += 1 }
      guard cursor < count else { break }
      let quote = html[cursor]
      let start: Int
      var end: Int
      if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
        start = cursor + 1
        end = start
        while end < count && html[end] != quote { end += 1 }
      } else {
        start = cursor
        end = start
        while end < count && !isSpace(html[end]) && html[end] != UInt8(ascii: ">") { end += 1 }
      }
      values.append(decodeEntities(String(decoding: html[start..<min(end, count)], as: UTF8.self)))
      position = end + 1
    }
    return values
  }

  /// The few entity references that appear in addresses.
  private static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text.trimmingSpaces }
    return
      text
      .replacing("&amp;", with: "&").replacing("&#38;", with: "&")
      .replacing("&quot;", with: "\"").replacing("&#x2F;", with: "/").replacing("&#47;", with: "/")
      .trimmingSpaces
  }
}

extension String {
  /// Without leading and trailing spaces, tabs and newlines.
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
