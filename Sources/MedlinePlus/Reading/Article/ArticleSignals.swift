/// What an element's name, classes, id and role say about whether it is article or page
/// furniture. The words are general ones for the parts every site has (navigation, share
/// buttons, comments, advertising, pop-ups, footers, related-link lists), never the name of
/// one site's class.
enum ArticleSignals {
  /// Words in a class or id that mark furniture, by what the furniture is for: dropped
  /// before scoring, unless a word of `containerWords` says the element may hold the
  /// article too.
  static let furnitureWords = [
    // Finding one's way: menus, breadcrumbs, page lists.
    "menu", "breadcrumb", "pagination", "pager", "masthead", "banner", "header", "footer",
    // Talking about the article rather than being it.
    "comment", "replies", "remark", "community", "discussion", "related", "supplemental",
    "extra", "rss", "social",
    // Selling, asking, interrupting.
    "sponsor", "-ad-", "ad-break", "advert", "popup", "gdpr", "agegate", "newsletter",
    // Side columns.
    "sidebar", "legends",
  ]
  static let containerWords = [
    "article", "body", "column", "content", "main", "story", "and", "shadow", "mathjax",
  ]

  /// Words that raise or lower an element's weight as a container of the article.
  static let positiveWords = [
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
    "pagination",
  ]
  static let negativeWords = [
    "hidden", "banner", "comment", "com-", "contact", "footer", "masthead", "media", "meta",
    "promo", "related", "scroll", "share", "sidebar", "sponsor", "shopping", "tags",
    "widget", "-ad-", "gdpr", "advert",
  ]

  /// Roles of parts that are never the article.
  static let furnitureRoles: Set<String> = [
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
  ]

  /// Words of a byline's class, id or relation.
  static let bylineWords = ["byline", "author", "dateline", "writtenby", "p-author"]

  /// True when the text holds one of the words. On bytes: `String.contains` of one string
  /// in another costs a search engine's start-up, and this runs for every element.
  static func containsAny(_ text: String, _ words: [String]) -> Bool {
    var text = text
    return text.withUTF8 { haystack in
      words.contains { word in
        var word = word
        return word.withUTF8 { needle in Self.find(needle, in: haystack) }
      }
    }
  }

  private static func find(
    _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>
  )
    -> Bool
  {
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    var start = 0
    let last = haystack.count - needle.count
    while start <= last {
      if haystack[start] == first {
        var matched = 1
        while matched < needle.count && haystack[start + matched] == needle[matched] {
          matched += 1
        }
        if matched == needle.count { return true }
      }
      start += 1
    }
    return false
  }

  /// True when a class/id string names furniture and nothing that could hold the article.
  static func isFurniture(_ classAndID: String) -> Bool {
    containsAny(classAndID, furnitureWords) && !containsAny(classAndID, containerWords)
  }

  /// +25 for a class (and again for an id) that sounds like article, −25 for one that
  /// sounds like furniture.
  static func weight(class className: String, id: String) -> Double {
    var weight = 0.0
    for value in [className.lowercased(), id.lowercased()] where !value.isEmpty {
      if containsAny(value, negativeWords) || hasHidToken(value) { weight -= 25 }
      if containsAny(value, positiveWords) { weight += 25 }
    }
    return weight
  }

  /// `hid` as a word of its own (a common short form of hidden).
  private static func hasHidToken(_ value: String) -> Bool {
    value.split(separator: " ").contains("hid")
  }

  /// What an element adds to its own score as a container, by its name.
  static func baseScore(_ name: String) -> Double {
    switch name {
    case "div": 5
    case "pre", "td", "blockquote": 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": -3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": -5
    default: 0
    }
  }

  /// Elements a paragraph is scored for.
  static let scoredNames: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]

  /// Elements that make a `div` more than a paragraph.
  static let blockNames: Set<String> = [
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
  ]

  /// How alike two texts are: the share of the second's words, by length, that the first
  /// has too (1 when it has them all).
  static func similarity(_ first: String, _ second: String) -> Double {
    let words = { (text: String) in
      text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
    let a = Set(words(first))
    let b = words(second)
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    let unique = b.filter { !a.contains($0) }
    let all = b.joined(separator: " ").count
    return 1 - Double(unique.joined(separator: " ").count) / Double(max(1, all))
  }
}
