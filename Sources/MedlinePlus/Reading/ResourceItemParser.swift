/// Reads one entry of a MedlinePlus resource list into a link: title, address,
/// organizations, badges, "Also in Spanish" and "see more" links.
///
/// MedlinePlus writes an entry as `Title [badge image] (Organization, Other) - PDF Also in
/// Spanish`, and the renderings move the parts around: html2text keeps badges as inline
/// images and drops addresses; docling puts badge captions on the next line. So the entry is
/// read from its end: known trailing phrases first, then the last parenthesised group as the
/// organizations. Only the last group is taken ("Legg-Calvé-Perthes Disease (For Parents)
/// (Nemours Foundation)"), and a title that is a link is never cut ("Body CT (CAT Scan)").
enum ResourceItemParser {
  private static let badgePhrases: [(String, Badge)] = [
    ("From the National Institutes of Health", .nih),
    ("Easy-to-Read", .easyToRead),
    ("Fácil de leer", .easyToRead),
    ("Video", .video),
    ("Interactive Tutorial", .interactiveTutorial),
    ("Tutorial interactivo", .interactiveTutorial),
  ]
  private static let spanishPhrases = ["Also in Spanish", "También en español"]
  private static let morePhrase = "-- see more articles"

  static func parse(_ inlines: [MarkupInline], assembler: PageAssembler) -> Link {
    var badges: [Badge] = []
    var titleLink: (text: String, url: String?)? = nil
    var spanishURL: String? = nil
    var before = ""
    var after = ""
    for inline in inlines {
      switch inline {
      case .image(let alt, _):
        if let badge = Badge(label: alt) { badges.append(badge) }
        if titleLink == nil { before += " " } else { after += " " }
      case .link(let content, let url):
        let text = content.textWithoutImages
        for case .image(let alt, _) in content {
          if let badge = Badge(label: alt) { badges.append(badge) }
        }
        if titleLink == nil && before.trimmingSpaces.isEmpty && !text.isEmpty {
          titleLink = (text, url)
        } else if ["spanish", "español", "espanol"].contains(text.lowercased()) {
          spanishURL = url
          after += text
        } else if titleLink == nil {
          before += text
        } else {
          after += text
        }
      default:
        if titleLink == nil { before += inline.plainText } else { after += inline.plainText }
      }
    }
    var rest = PageAssembler.cleanText(titleLink == nil ? before : after)
    var trailingBadges: [Badge] = []
    var alsoInSpanish = spanishURL != nil
    var kind = Link.Kind.resource
    var organizations: [String] = []

    var changed = true
    while changed {
      changed = false
      for (phrase, badge) in badgePhrases where rest.hasSuffixWord(phrase) {
        rest = rest.droppingSuffix(phrase)
        trailingBadges.insert(badge, at: 0)
        changed = true
      }
      for phrase in spanishPhrases where rest.hasSuffixWord(phrase) {
        rest = rest.droppingSuffix(phrase)
        alsoInSpanish = true
        changed = true
      }
      if let (stripped, badge) = dashDescription(rest) {
        rest = stripped
        trailingBadges.insert(badge, at: 0)
        changed = true
      }
      if organizations.isEmpty, let (stripped, group) = trailingParenthesised(rest),
        titleLink != nil || !stripped.isEmpty
      {
        rest = stripped
        organizations = group.split(separator: ",").map { $0.trimmingSpaces }.filter {
          !$0.isEmpty
        }
        changed = true
      }
    }
    var title = titleLink.map { PageAssembler.cleanText($0.text) } ?? rest
    if title.hasSuffix(morePhrase) || rest.hasSuffix(morePhrase) {
      kind = .more
    }
    if title.isEmpty { title = rest.isEmpty ? "(untitled link)" : rest }
    var allBadges: [Badge] = []
    for badge in badges + trailingBadges where !allBadges.contains(badge) {
      allBadges.append(badge)
    }
    return Link(
      title: title,
      url: assembler.resolve(titleLink?.url),
      organizations: organizations,
      badges: allBadges,
      alsoInSpanish: alsoInSpanish,
      spanishURL: assembler.resolve(spanishURL),
      kind: kind)
  }

  /// `… - PDF` and the other standard descriptions MedlinePlus appends after a dash.
  private static func dashDescription(_ text: String) -> (String, Badge)? {
    guard let dash = text.lastRange(of: " - ") else { return nil }
    let label = text[dash.upperBound...]
    guard let badge = Badge(label: String(label)) else { return nil }
    return (String(text[..<dash.lowerBound]).trimmingSpaces, badge)
  }

  /// Splits `Title (Group)` into the text before the group and the group's content.
  private static func trailingParenthesised(_ text: String) -> (String, String)? {
    guard text.hasSuffix(")") else { return nil }
    var depth = 0
    var index = text.endIndex
    while index > text.startIndex {
      index = text.index(before: index)
      if text[index] == ")" { depth += 1 }
      if text[index] == "(" {
        depth -= 1
        if depth == 0 {
          let inner = text[text.index(after: index)..<text.index(before: text.endIndex)]
          return (String(text[..<index]).trimmingSpaces, String(inner).trimmingSpaces)
        }
      }
    }
    return nil
  }
}

extension String {
  /// True when the text ends with `phrase` as whole words.
  fileprivate func hasSuffixWord(_ phrase: String) -> Bool {
    guard hasSuffix(phrase) else { return false }
    let start = index(endIndex, offsetBy: -phrase.count)
    return start == startIndex || self[index(before: start)] == " "
  }

  fileprivate func droppingSuffix(_ phrase: String) -> String {
    String(dropLast(phrase.count)).trimmingSpaces
  }
}
