import CLibXML2

/// Tells a web page's article from its furniture (navigation and menus, share buttons,
/// comments, pop-ups, advertising, related-link lists, footers, hidden parts), as reader
/// views do.
///
/// The approach is the one Mozilla's Readability made common: every paragraph earns points
/// for its length and its commas, and gives them to its parent (whole), grandparent (half)
/// and the ancestors above (less and less); an element's own name and its class and id add
/// or take away; links weigh against it. The best-scored element is the article, with the
/// siblings that score nearly as well or read like paragraphs of it. What lands inside it
/// is then cleaned of lists, tables and boxes that look like furniture. A page where that
/// finds too little is tried again, each time trusting fewer of those signs.
///
/// Works on the libxml2 tree of the page, taking furniture out of it; the caller reads the
/// article's markup from the nodes it returns.
struct ArticleExtractor {
  /// The article: the elements that hold it, in page order, and what was learned on the
  /// way.
  struct Article {
    var nodes: [xmlNodePtr]
    var byline: String?
    var textLength: Int
  }

  /// Which signs an attempt trusts; each retry drops one.
  struct Trust {
    var furnitureNames = true
    var classWeights = true
    var cleaning = true
  }

  /// An article shorter than this is tried again with less trust.
  static let shortestArticle = 500
  /// Pages with more elements than this are read whole, without looking for their article:
  /// the stated ceiling on the work the reader view may add.
  static let largestPage = 100_000

  private let title: String?
  private let trust: Trust
  private var scores: [xmlNodePtr: Double] = [:]
  /// `div`s read as paragraphs: they hold no block of their own.
  private var paragraphLike: Set<xmlNodePtr> = []
  /// `div`s around a single paragraph and little else: seen through when scoring.
  private var wrappers: Set<xmlNodePtr> = []
  /// Runs of text straight in a box that also holds blocks: each run is a paragraph of the
  /// box (its length and commas).
  private var looseRuns: [xmlNodePtr: [(length: Int, commas: Int)]] = [:]
  /// Paragraphs and text boxes that hold paragraphs broken by `<br><br>`: scored as boxes.
  private var boxes: Set<xmlNodePtr> = []
  private var statistics = ArticleStatistics()
  /// What was taken out of the tree, to be freed once the article's markup is read.
  private(set) var detached: Set<xmlNodePtr> = []
  private var byline: String?

  init(title: String?, trust: Trust) {
    self.title = title
    self.trust = trust
  }

  /// Finds the article below `body`. The page's tree is changed: furniture is taken out.
  mutating func extract(body: xmlNodePtr) -> Article? {
    let scored = prepare(body)
    statistics = ArticleStatistics(root: body)
    var candidates: [xmlNodePtr] = []
    for paragraph in scored { score(paragraph, candidates: &candidates) }
    for candidate in candidates {
      scores[candidate, default: 0] *= 1 - statistics[candidate].linkDensity
    }
    let best = candidates.sorted { scores[$0, default: 0] > scores[$1, default: 0] }
    guard let first = best.first, first != body else {
      // Nothing stands out: the whole page is the article, cleaned.
      clean([body], keep: [body])
      return Article(nodes: [body], byline: byline, textLength: textLength(of: [body]))
    }
    let top = promote(first, among: Array(best.prefix(5)), body: body)
    let nodes = siblings(of: top, body: body)
    clean(nodes, keep: Set(nodes))
    return Article(nodes: nodes, byline: byline, textLength: textLength(of: nodes))
  }

  // MARK: Preparing the page

  /// Takes out what is hidden, furniture by its name or role, bylines, the heading that
  /// repeats the title and empty boxes; returns the elements to score, in page order.
  private mutating func prepare(_ body: xmlNodePtr) -> [xmlNodePtr] {
    var scored: [xmlNodePtr] = []
    var titleHeadingRemoved = false
    var node: xmlNodePtr? = body
    while let current = node {
      let name = current.name
      let classAndID = current.classAndID
      if Self.neverText.contains(name) || current != body && !Self.isVisible(current) {
        node = detachAndNext(current, within: body)
        continue
      }
      if byline == nil, isByline(current, classAndID: classAndID) {
        byline =
          HTMLMarkupWalker.flatText(of: current, limit: 400).collapsingWhitespace
          .trimmingSpaces
        node = detachAndNext(current, within: body)
        continue
      }
      if !titleHeadingRemoved, name == "h1" || name == "h2", let title,
        ArticleSignals.similarity(title, HTMLMarkupWalker.flatText(of: current, limit: 1000))
          > 0.75
      {
        titleHeadingRemoved = true
        node = detachAndNext(current, within: body)
        continue
      }
      if trust.furnitureNames, current != body, name != "a", name != "body",
        ArticleSignals.isFurniture(classAndID) && !hasAncestor(current, named: ["table", "code"])
          || ArticleSignals.furnitureRoles.contains(current.attribute("role")?.lowercased() ?? "")
      {
        node = detachAndNext(current, within: body)
        continue
      }
      if ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"].contains(name),
        Self.isEmpty(current)
      {
        node = detachAndNext(current, within: body)
        continue
      }
      if (name == "p" || name == "div" && !Self.hasBlockChild(current))
        && Self.hasBreakChain(current)
      {
        // Paragraphs written as text and `<br><br>`: the element is a box of them.
        looseRuns[current] = Self.phrasingRuns(of: current)
        boxes.insert(current)
        scored.append(current)
        node = Self.next(after: current, within: body, skippingChildren: false)
        continue
      }
      if ArticleSignals.scoredNames.contains(name) { scored.append(current) }
      if name == "div" {
        if Self.hasBlockChild(current) {
          // Runs of text directly in the box are paragraphs of it.
          let runs = Self.phrasingRuns(of: current)
          if !runs.isEmpty {
            looseRuns[current] = runs
            scored.append(current)
          }
          if Self.singleParagraph(in: current) != nil { wrappers.insert(current) }
        } else {
          paragraphLike.insert(current)
          scored.append(current)
        }
      }
      node = Self.next(after: current, within: body, skippingChildren: false)
    }
    return scored
  }

  /// Elements whose content is never the page's text (a `noscript` holds what a browser
  /// without scripts would show instead: the page again, or an apology).
  private static let neverText: Set<String> = [
    "script", "noscript", "style", "template", "link", "meta", "iframe", "svg",
  ]

  private mutating func detachAndNext(_ node: xmlNodePtr, within body: xmlNodePtr)
    -> xmlNodePtr?
  {
    let next = Self.next(after: node, within: body, skippingChildren: true)
    node.detach()
    detached.insert(node)
    return next
  }

  /// Shown to a reader: not `hidden`, `aria-hidden`, `display:none` or
  /// `visibility:hidden`, and not a modal dialog.
  static func isVisible(_ node: xmlNodePtr) -> Bool {
    if node.attribute("hidden") != nil { return false }
    if node.attribute("aria-hidden")?.lowercased() == "true",
      !ArticleSignals.containsAny(node.attribute("class") ?? "", ["fallback-image"])
    {
      return false
    }
    if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }),
      ArticleSignals.containsAny(style, ["display:none", "visibility:hidden"])
    {
      return false
    }
    return !(node.attribute("aria-modal") == "true" && node.attribute("role") == "dialog")
  }

  private func isByline(_ node: xmlNodePtr, classAndID: String) -> Bool {
    let relation = node.attribute("rel")?.lowercased()
    let property = node.attribute("itemprop")?.lowercased() ?? ""
    guard
      relation == "author" || ArticleSignals.containsAny(property, ["author"])
        || ArticleSignals.containsAny(classAndID, ArticleSignals.bylineWords)
    else { return false }
    let length = HTMLMarkupWalker.flatText(of: node, limit: 400).trimmingSpaces.count
    return length > 0 && length < 100
  }

  private func hasAncestor(_ node: xmlNodePtr, named names: Set<String>) -> Bool {
    var parent = node.parentElement
    var depth = 0
    while let current = parent, depth < 64 {
      if names.contains(current.name) { return true }
      parent = current.parentElement
      depth += 1
    }
    return false
  }

  /// No text, and nothing but line breaks and rules.
  static func isEmpty(_ node: xmlNodePtr) -> Bool {
    // The children first: that is one look, where the text may take the whole subtree.
    guard node.elementChildren.allSatisfy({ $0.name == "br" || $0.name == "hr" }) else {
      return false
    }
    return node.childNodes.allSatisfy { !$0.isText || $0.textContent.allSatisfy(\.isSpaceLike) }
  }

  /// A block element somewhere below. The search gives up after a few hundred elements and
  /// says yes: a box that big is no paragraph, and a page nested ten thousand deep must not
  /// make every box search all that is below it.
  static func hasBlockChild(_ node: xmlNodePtr) -> Bool {
    var stack = node.elementChildren
    var seen = 0
    while let child = stack.popLast() {
      seen += 1
      if seen > 300 { return true }
      if ArticleSignals.blockNames.contains(child.name) { return true }
      stack += child.elementChildren
    }
    return false
  }

  /// Two line breaks in a row among the element's children (white space between them).
  private static func hasBreakChain(_ node: xmlNodePtr) -> Bool {
    var lastWasBreak = false
    for child in node.childNodes {
      if child.isText {
        if !child.textContent.allSatisfy(\.isSpaceLike) { lastWasBreak = false }
        continue
      }
      guard child.isElement else { continue }
      if child.name == "br" {
        if lastWasBreak { return true }
        lastWasBreak = true
      } else {
        lastWasBreak = false
      }
    }
    return false
  }

  /// The runs of text and inline elements straight in a box, split where the box has
  /// blocks or two line breaks in a row (a paragraph break written with `<br><br>`).
  private static func phrasingRuns(of node: xmlNodePtr) -> [(length: Int, commas: Int)] {
    var runs: [(length: Int, commas: Int)] = []
    var text = ""
    var breaks = 0
    func flush() {
      let (length, commas) = ArticleStatistics.measure(text.trimmingSpaces)
      if length >= 25 { runs.append((length, commas)) }
      text = ""
    }
    for child in node.childNodes {
      if child.isText {
        let content = child.textContent
        if !content.allSatisfy(\.isSpaceLike) { breaks = 0 }
        text += content
        continue
      }
      guard child.isElement else { continue }
      if child.name == "br" {
        breaks += 1
        if breaks == 2 { flush() }
        continue
      }
      breaks = 0
      if ArticleSignals.blockNames.contains(child.name) || hasBlockChild(child) {
        flush()
      } else {
        text += HTMLMarkupWalker.flatText(of: child)
      }
    }
    flush()
    return runs
  }

  /// The one paragraph a box holds, with no text beside it.
  private static func singleParagraph(in node: xmlNodePtr) -> xmlNodePtr? {
    let elements = node.elementChildren
    guard elements.count == 1, elements[0].name == "p" else { return nil }
    let loose = node.childNodes.contains { $0.isText && !$0.textContent.allSatisfy(\.isSpaceLike) }
    return loose ? nil : elements[0]
  }

  /// The node after this one in document order (its first child, else its next sibling,
  /// else its parent's), staying inside `root`.
  static func next(after node: xmlNodePtr, within root: xmlNodePtr, skippingChildren: Bool)
    -> xmlNodePtr?
  {
    if !skippingChildren, let child = node.elementChildren.first { return child }
    var current: xmlNodePtr? = node
    while let at = current, at != root {
      var sibling = at.pointee.next
      while let candidate = sibling, !candidate.isElement { sibling = candidate.pointee.next }
      if let sibling { return sibling }
      current = at.parentElement
    }
    return nil
  }

  // MARK: Scoring

  private mutating func score(_ paragraph: xmlNodePtr, candidates: inout [xmlNodePtr]) {
    if let runs = looseRuns[paragraph] {
      // Text straight in a box of blocks: each run scores for the box and above.
      for run in runs {
        give(
          points(length: run.length, commas: run.commas), from: paragraph, self: true,
          candidates: &candidates)
      }
      return
    }
    let counts = statistics[paragraph]
    guard counts.text >= 25 else { return }
    give(
      points(length: counts.text, commas: counts.commas), from: paragraph, self: false,
      candidates: &candidates)
  }

  /// A paragraph's worth: one, one more for every comma-separated part, and one for every
  /// hundred characters up to three.
  private func points(length: Int, commas: Int) -> Double {
    1 + Double(commas + 1) + Double(min(length / 100, 3))
  }

  /// Gives a paragraph's points to its ancestors (the box itself first, for loose text):
  /// whole to the first, half to the second, a third of that and less to the rest.
  private mutating func give(
    _ points: Double, from node: xmlNodePtr, self includeSelf: Bool,
    candidates: inout [xmlNodePtr]
  ) {
    var ancestors: [xmlNodePtr] = includeSelf ? [node] : []
    var parent = node.parentElement
    while let current = parent, ancestors.count < 5 {
      if !wrappers.contains(current) { ancestors.append(current) }
      parent = current.parentElement
    }
    for (level, ancestor) in ancestors.enumerated() where ancestor.parentElement != nil {
      if scores[ancestor] == nil {
        scores[ancestor] = initialScore(ancestor)
        candidates.append(ancestor)
      }
      let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
      scores[ancestor, default: 0] += points / divider
    }
  }

  private func initialScore(_ node: xmlNodePtr) -> Double {
    ArticleSignals.baseScore(boxes.contains(node) ? "div" : node.name) + classWeight(node)
  }

  private func classWeight(_ node: xmlNodePtr) -> Double {
    guard trust.classWeights else { return 0 }
    return ArticleSignals.weight(
      class: node.attribute("class") ?? "", id: node.attribute("id") ?? "")
  }

  /// Climbs from the best candidate to an ancestor when the next-best candidates share it,
  /// or when an ancestor scores better still, or when the candidate is an only child.
  private mutating func promote(_ best: xmlNodePtr, among top: [xmlNodePtr], body: xmlNodePtr)
    -> xmlNodePtr
  {
    var chosen = best
    let bestScore = scores[best, default: 0]
    let close = top.dropFirst().filter { scores[$0, default: 0] >= bestScore * 0.75 }
    if close.count >= 3 {
      let ancestorSets = close.map { Set(Self.ancestors(of: $0)) }
      var parent = best.parentElement
      while let current = parent, current != body {
        if ancestorSets.filter({ $0.contains(current) }).count >= 3 {
          chosen = current
          break
        }
        parent = current.parentElement
      }
    }
    if scores[chosen] == nil { scores[chosen] = initialScore(chosen) }
    var last = scores[chosen, default: 0]
    let floor = last / 3
    var parent = chosen.parentElement
    while let current = parent, current != body {
      guard let score = scores[current] else {
        parent = current.parentElement
        continue
      }
      if score < floor { break }
      if score > last {
        chosen = current
        break
      }
      last = score
      parent = current.parentElement
    }
    while let parent = chosen.parentElement, parent != body, parent.elementChildren.count == 1 {
      chosen = parent
    }
    if scores[chosen] == nil { scores[chosen] = initialScore(chosen) }
    return chosen
  }

  private static func ancestors(of node: xmlNodePtr) -> [xmlNodePtr] {
    var result: [xmlNodePtr] = []
    var parent = node.parentElement
    while let current = parent, result.count < 10_000 {
      result.append(current)
      parent = current.parentElement
    }
    return result
  }

  /// The chosen element and those of its siblings that belong with it: scored nearly as
  /// well (more if they share its class), or paragraphs that read like the article's.
  private func siblings(of top: xmlNodePtr, body: xmlNodePtr) -> [xmlNodePtr] {
    guard let parent = top.parentElement else { return [top] }
    let topScore = scores[top, default: 0]
    let threshold = max(10, topScore * 0.2)
    let topClass = top.attribute("class") ?? ""
    var nodes: [xmlNodePtr] = []
    for sibling in parent.elementChildren {
      if sibling == top {
        nodes.append(sibling)
        continue
      }
      var bonus = 0.0
      if !topClass.isEmpty && sibling.attribute("class") == topClass { bonus = topScore * 0.2 }
      if let score = scores[sibling], score + bonus >= threshold {
        nodes.append(sibling)
        continue
      }
      guard sibling.name == "p" || paragraphLike.contains(sibling) else { continue }
      let counts = statistics[sibling]
      let text = HTMLMarkupWalker.flatText(of: sibling, limit: 400).collapsingWhitespace
        .trimmingSpaces
      if counts.text > 80 && counts.linkDensity < 0.25 {
        nodes.append(sibling)
      } else if counts.text > 0 && counts.text < 80 && counts.linkText == 0
        && (ArticleSignals.containsAny(text, [". "]) || text.hasSuffix("."))
      {
        nodes.append(sibling)
      }
    }
    return nodes
  }

  // MARK: Cleaning the article

  /// Takes out of the article what looks like furniture inside it: forms, share buttons,
  /// headings whose class says furniture, and lists, tables and boxes whose content (few
  /// commas, many links, images without text, inputs) says they are not the article's.
  private mutating func clean(_ nodes: [xmlNodePtr], keep: Set<xmlNodePtr>) {
    for root in nodes {
      var remove: [xmlNodePtr] = []
      forEachElement(below: root) { element in
        let name = element.name
        if [
          "object", "embed", "footer", "link", "aside", "iframe", "input", "textarea",
          "select", "button",
        ].contains(name) {
          remove.append(element)
        } else if (name == "h1" || name == "h2") && classWeight(element) < 0 {
          remove.append(element)
        }
        return true
      }
      // Share buttons, unless they hold much (a box that only mentions sharing).
      forEachElement(below: root) { element in
        let words = element.classAndID
        if !keep.contains(element), ArticleSignals.containsAny(words, ["share"]),
          HTMLMarkupWalker.flatText(of: element, limit: Self.shortestArticle).count
            < Self.shortestArticle
        {
          remove.append(element)
          return false
        }
        return true
      }
      for element in remove where element.parentElement != nil {
        element.detach()
        detached.insert(element)
      }
      guard trust.cleaning else { continue }
      let counts = ArticleStatistics(root: root)
      var suspicious: [xmlNodePtr] = []
      forEachElement(below: root) { element in
        if ["form", "fieldset", "table", "ul", "div"].contains(element.name) {
          suspicious.append(element)
        }
        return true
      }
      // Innermost first, as a box emptied of its furniture may still be worth keeping.
      for element in suspicious.reversed() where element.parentElement != nil {
        if looksLikeFurniture(element, counts: counts) {
          element.detach()
          detached.insert(element)
        }
      }
    }
  }

  private func looksLikeFurniture(_ element: xmlNodePtr, counts: ArticleStatistics) -> Bool {
    let name = element.name
    let own = counts[element]
    if name == "table" && Self.isDataTable(element) { return false }
    if hasAncestor(element, named: ["code"]) { return false }
    if hasAncestor(element, named: ["table"]), let table = Self.enclosingTable(element),
      Self.isDataTable(table)
    {
      return false
    }
    if own.dataTables > 0 { return false }
    let weight = classWeight(element)
    if weight < 0 { return true }
    guard own.commas < 10 else { return false }
    var isList = name == "ul" || name == "ol"
    if !isList && own.text > 0 { isList = Double(own.listText) / Double(own.text) > 0.9 }
    let paragraphs = own.paragraphs
    let images = own.images
    let listItems = own.listItems - 100
    let headingDensity = own.text == 0 ? 0 : Double(own.headingText) / Double(own.text)
    let textDensity = own.text == 0 ? 0 : Double(own.textishText) / Double(own.text)
    let inFigure = hasAncestor(element, named: ["figure"])
    // Only a short text can be nothing but "Advertisement" or "Loading…".
    if own.text < 40,
      Self.isAdvertisingOrLoading(
        HTMLMarkupWalker.flatText(of: element, limit: 80).collapsingWhitespace.trimmingSpaces)
    {
      return true
    }
    var furniture = false
    if !inFigure && images > 1 && Double(paragraphs) / Double(images) < 0.5 { furniture = true }
    if !isList && listItems > paragraphs { furniture = true }
    if own.inputs > paragraphs / 3 { furniture = true }
    if !isList && !inFigure && headingDensity < 0.9 && own.text < 25
      && (images == 0 || images > 2) && own.linkDensity > 0
    {
      furniture = true
    }
    if !isList && weight < 25 && own.linkDensity > 0.2 { furniture = true }
    if weight >= 25 && own.linkDensity > 0.5 { furniture = true }
    if (own.embeds == 1 && own.text < 75) || own.embeds > 1 { furniture = true }
    if images == 0 && textDensity == 0 { furniture = true }
    // A list of images, one an item, is a gallery of the article's.
    if isList && furniture {
      let items = element.elementChildren
      if items.allSatisfy({ $0.elementChildren.count <= 1 }) && images == own.listItems
        && images > 0
      {
        return false
      }
    }
    return furniture
  }

  private static func isAdvertisingOrLoading(_ text: String) -> Bool {
    let lower = text.lowercased()
    let words = [
      "ad", "ads", "advertising", "advertisement", "pub", "publicité", "werbung", "anuncio",
      "loading", "loading…", "loading...",
    ]
    return words.contains(lower)
  }

  private static func enclosingTable(_ node: xmlNodePtr) -> xmlNodePtr? {
    var parent = node.parentElement
    var depth = 0
    while let current = parent, depth < 64 {
      if current.name == "table" { return current }
      parent = current.parentElement
      depth += 1
    }
    return nil
  }

  /// A table of data rather than of layout: it says so (a summary, a caption, header
  /// cells, column groups), or it is big enough, and holds no table of its own.
  static func isDataTable(_ table: xmlNodePtr) -> Bool {
    if table.attribute("role")?.lowercased() == "presentation" { return false }
    if table.attribute("datatable") == "0" { return false }
    if table.attribute("summary") != nil { return true }
    var rows = 0
    var columns = 0
    var stack = table.elementChildren
    var seen = 0
    while let child = stack.popLast(), seen < 20_000 {
      seen += 1
      switch child.name {
      case "caption":
        if !child.elementChildren.isEmpty
          || !HTMLMarkupWalker.flatText(of: child, limit: 1).isEmpty
        {
          return true
        }
      case "col", "colgroup", "tfoot", "thead", "th": return true
      case "table": return false
      case "tr":
        rows += 1
        columns = max(
          columns, child.elementChildren.filter { $0.name == "td" || $0.name == "th" }.count)
      default: break
      }
      stack += child.elementChildren
    }
    return rows >= 10 || columns > 4 || rows * columns > 10
  }

  private func forEachElement(below root: xmlNodePtr, _ visit: (xmlNodePtr) -> Bool) {
    var stack = root.elementChildren.reversed() as [xmlNodePtr]
    while let element = stack.popLast() {
      if visit(element) { stack += element.elementChildren.reversed() }
    }
  }

  private func textLength(of nodes: [xmlNodePtr]) -> Int {
    nodes.reduce(0) { $0 + HTMLMarkupWalker.flatText(of: $1).collapsingWhitespace.count }
  }
}
