import CLibXML2

/// Walks an HTML DOM and writes the markup the page builders read: headings, paragraphs,
/// lists, data tables, quotes, preformatted text, images and named anchors. Scripts, styles,
/// forms, navigation and hidden elements are left out.
///
/// Depth is bounded: below `maximumDepth` levels an element's text is gathered without
/// recursion, so a page nested 100,000 levels deep reads in linear time and constant stack.
struct HTMLMarkupWalker {
  static let maximumDepth = 200

  /// The ids and names the page's own links point at (`#ref-1`): an element with one is
  /// written as an anchor, so that following the link finds it.
  var targets: Set<String> = []

  private static let skipped: Set<String> = [
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object",
    "embed", "canvas", "button", "input", "select", "textarea", "option", "nav", "footer",
    "aside", "form", "dialog", "map", "audio", "video", "source", "track", "link", "meta",
  ]
  private static let blockElements: Set<String> = [
    "address", "article", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "frameset",
  ]

  /// Class names of MedlinePlus chrome inside the article (share buttons).
  private static let skippedClasses: Set<String> = ["page-actions", "share", "addthis_toolbox"]

  /// The blocks of an element's children.
  func blocks(of element: xmlNodePtr) -> [MarkupBlock] {
    var output: [MarkupBlock] = []
    appendBlocks(of: element, depth: 0, to: &output)
    return output
  }

  /// The blocks of elements taken as blocks themselves (a reader view's article: a `div`,
  /// paragraphs beside it, a table), in the order given.
  func blocks(ofElements elements: [xmlNodePtr]) -> [MarkupBlock] {
    var output: [MarkupBlock] = []
    for element in elements where !isSkipped(element) {
      let name = element.name
      if Self.blockElements.contains(name) || containsBlock(element) {
        appendBlock(element, name: name, depth: 1, to: &output)
      } else {
        let content = inlineContent(of: element, style: [], depth: 1)
        if content.contains(where: { !$0.isBlank }) {
          output.append(Self.paragraphOrImage(content))
        }
      }
    }
    return output
  }

  private func appendBlocks(of element: xmlNodePtr, depth: Int, to output: inout [MarkupBlock]) {
    var inlines: [MarkupInline] = []
    func flush() {
      guard !inlines.isEmpty else { return }
      if inlines.contains(where: { !$0.isBlank }) {
        output.append(Self.paragraphOrImage(inlines))
      } else {
        for case .anchor(let name) in inlines { output.append(.anchor(name)) }
      }
      inlines.removeAll()
    }
    for child in element.childNodes {
      if child.isText {
        inlines.append(.text(child.textContent, []))
        continue
      }
      guard child.isElement, !isSkipped(child) else { continue }
      let name = child.name
      if depth >= Self.maximumDepth {
        flush()
        let text = Self.flatText(of: child)
        if !text.trimmingSpaces.isEmpty { output.append(.paragraph([.text(text, [])])) }
        continue
      }
      if name == "a", let anchor = Self.namedAnchor(child) {
        flush()
        output.append(.anchor(anchor))
        continue
      }
      if let level = Self.headingLevel(child) {
        flush()
        let content = inlineContent(of: child, style: [], depth: depth + 1)
        output.append(.heading(level: level, content, anchor: child.attribute("id")))
        continue
      }
      // A link wrapped around blocks (a "card") stays one link; other inline elements
      // that hold blocks are read as containers.
      guard Self.blockElements.contains(name) || (name != "a" && containsBlock(child)) else {
        appendInline(child, style: [], depth: depth + 1, to: &inlines, includeSelf: true)
        continue
      }
      flush()
      appendBlock(child, name: name, depth: depth + 1, to: &output)
    }
    flush()
  }

  private func appendBlock(
    _ element: xmlNodePtr, name: String, depth: Int, to output: inout [MarkupBlock]
  ) {
    if Self.headingElementLevel(element) == nil, let target = targetName(element) {
      output.append(.anchor(target))
    }
    switch name {
    case "h1", "h2", "h3", "h4", "h5", "h6":
      let level = Int(String(name.dropFirst())) ?? 2
      let content = inlineContent(of: element, style: [], depth: depth)
      let anchor = element.attribute("id") ?? Self.nestedAnchor(in: element)
      output.append(.heading(level: level, Self.withoutSelfLinks(content, anchor), anchor: anchor))
    case "p":
      let content = inlineContent(of: element, style: [], depth: depth)
      guard content.contains(where: { !$0.isBlank }) else {
        for case .anchor(let name) in content { output.append(.anchor(name)) }
        return
      }
      let classes = element.attribute("class")?.lowercased() ?? ""
      if classes.split(separator: " ").contains("attribution") {
        output.append(.paragraph(content, role: .attribution))
      } else {
        output.append(Self.paragraphOrImage(content))
      }
    case "ul", "ol", "menu", "dir":
      var items: [[MarkupBlock]] = []
      for child in element.childNodes {
        if child.isText {
          let text = child.textContent
          if !text.trimmingSpaces.isEmpty { items.append([.paragraph([.text(text, [])])]) }
          continue
        }
        guard child.isElement, !isSkipped(child) else { continue }
        var item: [MarkupBlock] = []
        if child.name == "li" {
          appendBlocks(of: child, depth: depth, to: &item)
        } else {
          appendBlock(child, name: child.name, depth: depth, to: &item)
        }
        if !item.isEmpty { items.append(item) }
      }
      if !items.isEmpty { output.append(.list(ordered: name == "ol", items: items)) }
    case "dl":
      // Terms in bold, each followed by its definition as plain text: a list of definitions,
      // not quotations.
      for child in element.childNodes where child.isElement && !isSkipped(child) {
        if child.name == "dt" {
          output.append(.paragraph(inlineContent(of: child, style: .bold, depth: depth)))
        } else {
          appendBlocks(of: child, depth: depth, to: &output)
        }
      }
    case "table":
      if let table = dataTable(element, depth: depth) {
        output.append(table)
      } else {
        appendBlocks(of: element, depth: depth, to: &output)
      }
    case "pre":
      appendPreformatted(element, depth: depth, to: &output)
    case "blockquote":
      var inner: [MarkupBlock] = []
      appendBlocks(of: element, depth: depth, to: &inner)
      if !inner.isEmpty { output.append(.quote(inner)) }
    case "hr":
      return
    default:
      if let id = element.attribute("id"), name == "section" || name == "div",
        id == "summary" || id.hasPrefix("cat_")
      {
        output.append(.anchor(id))
      }
      appendBlocks(of: element, depth: depth, to: &output)
    }
  }

  /// Preformatted text with its links. A heading inside it (an IETF document's
  /// `<span class="h2">`) ends the block there and starts a section of its own, so that a
  /// specification in one `<pre>` reads part by part.
  private func appendPreformatted(
    _ element: xmlNodePtr, depth: Int, to output: inout [MarkupBlock]
  ) {
    var inlines: [MarkupInline] = []
    func flush() {
      if !inlines.isEmpty { output.append(.preformatted(inlines)) }
      inlines.removeAll()
    }
    for child in element.childNodes {
      if child.isElement, !isSkipped(child), depth < Self.maximumDepth,
        let level = Self.headingLevel(child) ?? Self.headingElementLevel(child)
      {
        flush()
        let anchor = child.attribute("id") ?? Self.nestedAnchor(in: child)
        let content = inlineContent(of: child, style: [], depth: depth + 1)
        output.append(
          .heading(level: level, Self.withoutSelfLinks(content, anchor), anchor: anchor))
        continue
      }
      appendInline(child, style: [], depth: depth + 1, to: &inlines, includeSelf: true)
    }
    flush()
  }

  /// A heading's content without the link to the heading itself (the section number made a
  /// link to its own place): following it would go nowhere.
  private static func withoutSelfLinks(_ content: [MarkupInline], _ anchor: String?)
    -> [MarkupInline]
  {
    guard let anchor else { return content }
    return content.flatMap { inline -> [MarkupInline] in
      if case .link(let inner, let url) = inline, url == "#" + anchor { return inner }
      return [inline]
    }
  }

  /// The level of an `h1`–`h6` element.
  private static func headingElementLevel(_ element: xmlNodePtr) -> Int? {
    let name = element.name
    guard name.count == 2, name.hasPrefix("h"), let level = Int(String(name.dropFirst())),
      (1...6).contains(level)
    else { return nil }
    return level
  }

  /// The inline content of an element; block elements inside inline context are flattened.
  private func inlineContent(of element: xmlNodePtr, style: TextRun.Style, depth: Int)
    -> [MarkupInline]
  {
    var output: [MarkupInline] = []
    appendInline(element, style: style, depth: depth, to: &output, includeSelf: false)
    return output
  }

  private func appendInline(
    _ node: xmlNodePtr, style: TextRun.Style, depth: Int, to output: inout [MarkupInline],
    includeSelf: Bool
  ) {
    if includeSelf {
      if node.isText {
        output.append(.text(node.textContent, style))
        return
      }
      guard node.isElement, !isSkipped(node) else { return }
      if depth >= Self.maximumDepth {
        output.append(.text(Self.flatText(of: node), style))
        return
      }
      if let target = targetName(node) { output.append(.anchor(target)) }
      switch node.name {
      case "br":
        output.append(.lineBreak)
        return
      case "math":
        // MathML: its symbols as text, one apart from the next.
        output.append(.text(" " + Self.leafTexts(of: node).joined(separator: " ") + " ", style))
        return
      case "img":
        // Without alt text an image shows nothing, but a link around it still needs a label.
        output.append(.image(alt: node.attribute("alt") ?? "", url: node.attribute("src")))
        return
      case "a":
        if Self.isPermalink(node) { return }
        var content: [MarkupInline] = []
        appendChildrenInline(node, style: style, depth: depth, to: &content)
        if let href = node.attribute("href") {
          output.append(.link(content, url: href))
        } else {
          output += content
        }
        return
      case "b", "strong":
        appendChildrenInline(node, style: style.union(.bold), depth: depth, to: &output)
        return
      case "i", "em", "cite", "dfn", "var":
        appendChildrenInline(node, style: style.union(.italic), depth: depth, to: &output)
        return
      case "code", "tt", "kbd", "samp":
        appendChildrenInline(node, style: style.union(.code), depth: depth, to: &output)
        return
      default:
        let isBlock = Self.blockElements.contains(node.name)
        if isBlock { output.append(.text(" ", style)) }
        appendChildrenInline(node, style: style, depth: depth, to: &output)
        if isBlock { output.append(.text(" ", style)) }
        return
      }
    }
    appendChildrenInline(node, style: style, depth: depth, to: &output)
  }

  private func appendChildrenInline(
    _ node: xmlNodePtr, style: TextRun.Style, depth: Int, to output: inout [MarkupInline]
  ) {
    for child in node.childNodes {
      appendInline(child, style: style, depth: depth + 1, to: &output, includeSelf: true)
    }
  }

  /// A table of data: two or more columns and no blocks inside the cells. Layout tables
  /// (old sites build whole pages from nested tables) are read as ordinary blocks instead.
  private func dataTable(_ table: xmlNodePtr, depth: Int) -> MarkupBlock? {
    var rows: [[[MarkupInline]]] = []
    var headerRow = false
    func collectRows(_ parent: xmlNodePtr, inHead: Bool) -> Bool {
      for child in parent.childNodes where child.isElement {
        switch child.name {
        case "thead", "tbody", "tfoot":
          if !collectRows(child, inHead: child.name == "thead") { return false }
        case "tr":
          var cells: [[MarkupInline]] = []
          var allHeaders = true
          for cell in child.childNodes where cell.isElement {
            guard cell.name == "td" || cell.name == "th" else { continue }
            if containsBlock(cell, ignoringParagraphs: true) { return false }
            allHeaders = allHeaders && cell.name == "th"
            cells.append(inlineContent(of: cell, style: [], depth: depth))
          }
          if rows.isEmpty && (inHead || (allHeaders && !cells.isEmpty)) { headerRow = true }
          if !cells.isEmpty { rows.append(cells) }
        case "caption", "colgroup", "col":
          continue
        default:
          return false
        }
      }
      return true
    }
    guard collectRows(table, inHead: false) else { return nil }
    guard rows.count >= 2, let widest = rows.map(\.count).max(), widest >= 2 else { return nil }
    // Mostly empty cells mean a table used for layout (spacer cells), not data.
    let cells = rows.flatMap { $0 }
    let empty = cells.filter { $0.textWithoutImages.isEmpty }.count
    guard empty * 2 < cells.count else { return nil }
    return .table(rows: rows, hasHeader: headerRow)
  }

  /// The headings and the links of a page, found without writing its markup: enough to tell
  /// a MedlinePlus topic page, and to list the links of a page whose article alone is read.
  func headingsAndLinks(of root: xmlNodePtr) -> (
    headings: [(level: Int, text: String)], links: [(text: String, url: String)], elements: Int
  ) {
    var elements = 0
    var headings: [(Int, String)] = []
    var links: [(String, String)] = []
    // Depth first, in document order: a node is looked at when it comes off the stack.
    var stack: [xmlNodePtr] = root.childNodes.reversed().filter { $0.isElement }
    while let node = stack.popLast() {
      guard !isSkipped(node) else { continue }
      elements += 1
      let name = node.name
      if let level = Self.headingElementLevel(node) {
        headings.append((level, Self.flatText(of: node).collapsingWhitespace.trimmingSpaces))
      }
      if name == "a", let href = node.attribute("href"), !Self.isPermalink(node) {
        links.append((Self.flatText(of: node), href))
      }
      stack += node.childNodes.reversed().filter { $0.isElement }
    }
    return (headings, links, elements)
  }

  /// The id or name of an element that a link of the page points at.
  private func targetName(_ element: xmlNodePtr) -> String? {
    guard !targets.isEmpty else { return nil }
    if let id = element.attribute("id"), targets.contains(id) { return id }
    if let name = element.attribute("name"), targets.contains(name) { return name }
    return nil
  }

  func isSkipped(_ element: xmlNodePtr) -> Bool {
    let name = element.name
    if Self.skipped.contains(name) { return true }
    if element.attribute("hidden") != nil { return true }
    if element.attribute("aria-hidden")?.lowercased() == "true" { return true }
    if let style = element.attribute("style")?.lowercased().filter({ $0 != " " }),
      ArticleSignals.containsAny(style, ["display:none", "visibility:hidden"])
    {
      return true
    }
    if let classes = element.attribute("class")?.lowercased() {
      for item in classes.split(separator: " ") where Self.skippedClasses.contains(String(item)) {
        return true
      }
    }
    return element.attribute("role")?.lowercased() == "navigation"
  }

  /// True when a block element sits anywhere below this inline element.
  private func containsBlock(_ element: xmlNodePtr, ignoringParagraphs: Bool = false) -> Bool {
    var stack: [(xmlNodePtr, Int)] = [(element, 0)]
    while let (node, level) = stack.popLast() {
      for child in node.childNodes where child.isElement {
        let name = child.name
        if Self.blockElements.contains(name) && !(ignoringParagraphs && name == "p") {
          return true
        }
        if level < 8 { stack.append((child, level + 1)) }
      }
    }
    return false
  }

  private static func paragraphOrImage(_ inlines: [MarkupInline]) -> MarkupBlock {
    let visible = inlines.filter { !$0.isBlank }
    if visible.count == 1, case .image(let alt, let url) = visible[0] {
      return .image(alt: alt, url: url)
    }
    return .paragraph(inlines)
  }

  /// The level of an element that is a heading without being `h1`–`h6`: `role="heading"`
  /// (level from `aria-level`, else 2), or a class of its own named `h1`–`h6`.
  static func headingLevel(_ element: xmlNodePtr) -> Int? {
    let name = element.name
    guard !(name.count == 2 && name.hasPrefix("h")), name != "a" else { return nil }
    if element.attribute("role")?.lowercased() == "heading" {
      let level = element.attribute("aria-level").flatMap { Int($0.trimmingSpaces) } ?? 2
      return min(6, max(1, level))
    }
    guard let classes = element.attribute("class")?.lowercased() else { return nil }
    for word in classes.split(separator: " ") where word.count == 2 && word.hasPrefix("h") {
      if let level = Int(String(word.dropFirst())), (1...6).contains(level) { return level }
    }
    return nil
  }

  /// `<a name="cat_51"></a>`: a place to jump to, with no text of its own.
  private static func namedAnchor(_ element: xmlNodePtr) -> String? {
    guard element.attribute("href") == nil, let name = element.attribute("name"),
      flatText(of: element).trimmingSpaces.isEmpty
    else { return nil }
    return name
  }

  /// The name of an anchor just inside a heading: one with no address, or one that links to
  /// itself (`<a name="section-1" href="#section-1">1</a>`).
  private static func nestedAnchor(in element: xmlNodePtr) -> String? {
    for child in element.childNodes where child.isElement && child.name == "a" {
      guard let name = child.attribute("name") ?? child.attribute("id") else { continue }
      let href = child.attribute("href")
      if href == nil || href == "#" + name { return name }
    }
    return nil
  }

  /// Sphinx and similar generators end headings with a "¶" link to themselves.
  private static func isPermalink(_ element: xmlNodePtr) -> Bool {
    let classes = element.attribute("class")?.lowercased() ?? ""
    if ArticleSignals.containsAny(classes, ["headerlink", "anchorjs"]) { return true }
    let text = flatText(of: element).trimmingSpaces
    return (text == "¶" || text == "#" || text == "§")
      && (element.attribute("href")?.hasPrefix("#") ?? false)
  }

  /// The texts of the leaves below a node, in order, gathered without recursion.
  static func leafTexts(of node: xmlNodePtr) -> [String] {
    var texts: [String] = []
    var stack: [xmlNodePtr] = [node]
    while let current = stack.popLast() {
      if current.isText {
        let text = current.textContent.trimmingSpaces
        if !text.isEmpty { texts.append(text) }
        continue
      }
      var children: [xmlNodePtr] = []
      for child in current.childNodes { children.append(child) }
      stack.append(contentsOf: children.reversed())
    }
    return texts
  }

  /// All text below a node, gathered without recursion; with a limit, no more than about
  /// that many characters (the rest of the subtree is not visited).
  static func flatText(of node: xmlNodePtr, limit: Int = .max) -> String {
    var text = ""
    var stack: [xmlNodePtr] = [node]
    // A limited gather also stops after a few nodes per character asked for: ten thousand
    // empty boxes nested around one word must not be walked for every box.
    var budget = limit == .max ? Int.max : max(64, limit) * 4
    while let current = stack.popLast() {
      budget -= 1
      if budget < 0 { break }
      if current.isText {
        text += current.textContent
        if text.utf8.count > limit { break }
        continue
      }
      if current.isElement {
        let name = current.name
        if name == "script" || name == "style" { continue }
        if name == "br" { text += "\n" }
      }
      var children: [xmlNodePtr] = []
      for child in current.childNodes { children.append(child) }
      stack.append(contentsOf: children.reversed())
    }
    return text
  }
}

extension MarkupInline {
  /// True for white space only, or an image with no alt text (nothing to show).
  var isBlank: Bool {
    switch self {
    case .text(let text, _): text.allSatisfy(\.isSpaceLike)
    case .image(let alt, _): alt.allSatisfy(\.isSpaceLike)
    case .anchor: true
    default: false
    }
  }
}
