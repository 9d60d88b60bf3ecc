import CLibXML2

/// A page's own table of contents: a list whose links lead to places in the page itself.
/// On a page with no headings to speak of, the places it names become its sections, titled
/// and nested as the list has them.
struct PageTableOfContents {
  /// A list with fewer links is a list of links, not a table of contents.
  static let fewestEntries = 3

  /// The entries by the place each leads to: its title, and its depth in the list (0 for
  /// the outermost).
  private(set) var entries: [String: (title: String, depth: Int)] = [:]

  var isEmpty: Bool { entries.isEmpty }

  /// The first list in the page with at least `fewestEntries` links, nearly all of them to
  /// places in the page (`page` is the page's own address).
  init(body: xmlNodePtr, page: String?) {
    var stack: [xmlNodePtr] = body.childNodes.reversed().filter(\.isElement)
    while let node = stack.popLast() {
      let name = node.name
      guard name == "ul" || name == "ol" else {
        stack += node.childNodes.reversed().filter(\.isElement)
        continue
      }
      let links = Self.links(in: node)
      let inPage = links.compactMap { link -> (String, String, Int)? in
        guard let target = URLResolver.fragment(of: link.href, onPage: page) else { return nil }
        return (target, link.text, link.depth)
      }
      // Nine in ten: a table of contents may end with a link to another page.
      guard inPage.count >= Self.fewestEntries, inPage.count * 10 >= links.count * 9 else {
        continue
      }
      for (target, text, depth) in inPage where entries[target] == nil {
        let title = PageAssembler.cleanText(text)
        if !title.isEmpty { entries[target] = (title, depth) }
      }
      if entries.count >= Self.fewestEntries { return }
      entries = [:]
    }
  }

  /// The links below a list with how many lists deeper than it each sits.
  private static func links(in list: xmlNodePtr) -> [(href: String, text: String, depth: Int)] {
    var links: [(String, String, Int)] = []
    var stack: [(xmlNodePtr, Int)] = list.childNodes.reversed().filter(\.isElement).map { ($0, 0) }
    while let (node, depth) = stack.popLast() {
      if node.name == "a", let href = node.attribute("href") {
        links.append((href, HTMLMarkupWalker.flatText(of: node, limit: 200), depth))
        continue
      }
      let inner = node.name == "ul" || node.name == "ol" ? depth + 1 : depth
      stack += node.childNodes.reversed().filter(\.isElement).map { ($0, inner) }
    }
    return links
  }

  /// The markup with a heading where each entry's place is: at an anchor, or before a
  /// paragraph that starts with one. Levels start at 2, under the page's title.
  func headings(in markup: [MarkupBlock]) -> [MarkupBlock] {
    var output: [MarkupBlock] = []
    func heading(_ name: String) -> MarkupBlock? {
      guard let entry = entries[name] else { return nil }
      return .heading(level: min(6, entry.depth + 2), [.text(entry.title, [])], anchor: name)
    }
    for block in markup {
      switch block {
      case .anchor(let name):
        output.append(heading(name) ?? block)
      case .paragraph(let inlines, _):
        if case .anchor(let name) = inlines.first(where: { !$0.isSpace }),
          let heading = heading(name)
        {
          output.append(heading)
        }
        output.append(block)
      default:
        output.append(block)
      }
    }
    return output
  }
}

extension MarkupInline {
  /// True for text that is only white space.
  fileprivate var isSpace: Bool {
    if case .text(let text, _) = self { return text.allSatisfy(\.isSpaceLike) }
    return false
  }
}
