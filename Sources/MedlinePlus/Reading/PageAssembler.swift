/// Turns reader markup into model blocks while numbering the page's links in reading order.
/// Every text passes through here, so this is where text is repaired and made safe.
struct PageAssembler {
  private(set) var links: [Link] = []
  /// The section that blocks being converted belong to.
  var currentSection: Int?
  /// Relative link addresses are resolved against this (the page's own URL).
  let baseURL: String?
  /// Places the page's links point at, as they were met (see `PagePlace`).
  private(set) var places: [String: PagePlace] = [:]
  /// The index the top-level block being converted will have in its section.
  private var currentBlock = 0
  /// While preformatted text is converted: its line breaks so far, and the places met in
  /// it (their lines move up when blank lines at its start are dropped).
  private var preformattedLines = 0
  private var placesInPreformatted: [String] = []

  init(baseURL: String?) {
    self.baseURL = baseURL
  }

  /// Adds a link and returns its index.
  mutating func add(_ link: Link) -> Int {
    var link = link
    link.section = currentSection
    links.append(link)
    return links.count - 1
  }

  /// Repairs, cleans and folds the white space of a text from a source.
  static func cleanText(_ text: String) -> String {
    TextRepair.clean(text, keepNewlines: false).collapsingWhitespace
  }

  /// A link address cleaned of controls and resolved against the page's address.
  func resolve(_ url: String?) -> String? {
    guard let url else { return nil }
    let cleaned = SafeText.clean(url, keepNewlines: false).trimmingSpaces
    guard !cleaned.isEmpty else { return nil }
    return URLResolver.resolve(cleaned, against: baseURL)
  }

  mutating func blocks(_ markup: [MarkupBlock]) -> [Block] {
    markup.compactMap { block($0) }
  }

  /// The blocks of one section (`currentSection`), noting where its anchors fall.
  mutating func sectionBlocks(_ markup: [MarkupBlock]) -> [Block] {
    var output: [Block] = []
    for item in markup {
      currentBlock = output.count
      if case .anchor(let name) = item {
        mark(name)
      } else if let block = block(item) {
        output.append(block)
      }
    }
    return output
  }

  /// Notes a place a link may point at; the first of a name wins, as in a browser.
  @discardableResult
  private mutating func mark(_ name: String, line: Int = 0) -> Bool {
    guard let section = currentSection, places[name] == nil else { return false }
    places[name] = PagePlace(section: section, block: currentBlock, line: line)
    return true
  }

  mutating func block(_ markup: MarkupBlock) -> Block? {
    switch markup {
    case .heading(let level, let inlines, _):
      let runs = self.runs(inlines)
      return runs.isEmpty ? nil : .heading(level: level, runs)
    case .paragraph(let inlines, let role):
      let runs = self.runs(inlines)
      guard !runs.isEmpty else { return nil }
      if role == .attribution { return .attribution(runs.plainText) }
      return .paragraph(runs)
    case .list(let ordered, let items):
      let converted = items.map { blocks($0) }.filter { !$0.isEmpty }
      return converted.isEmpty ? nil : .list(ordered: ordered, items: converted)
    case .table(let rows, let hasHeader):
      let cells = rows.map { row in row.map { Self.cleanText($0.textWithoutImages) } }
      let nonEmpty = cells.filter { row in row.contains { !$0.isEmpty } }
      return nonEmpty.isEmpty ? nil : .table(Table(rows: nonEmpty, hasHeader: hasHeader))
    case .image(let alt, let url):
      return .image(alt: Self.cleanText(alt), url: resolve(url))
    case .preformatted(let inlines):
      var runs: [TextRun] = []
      preformattedLines = 0
      placesInPreformatted = []
      appendRuns(inlines, link: nil, keepingSpaces: true, to: &runs)
      let lines = runs.lines
      // Blank lines at either end (after a heading that split the block) are not content.
      guard let first = lines.firstIndex(where: { !$0.plainText.allSatisfy(\.isWhitespace) }),
        let last = lines.lastIndex(where: { !$0.plainText.allSatisfy(\.isWhitespace) })
      else { return nil }
      if first > 0 {
        for name in placesInPreformatted {
          if let line = places[name]?.line { places[name]?.line = max(0, line - first) }
        }
      }
      var kept: [TextRun] = []
      for (number, line) in lines[first...last].enumerated() {
        if number > 0 { kept.append(TextRun("\n")) }
        kept += line
      }
      return .preformatted(kept)
    case .quote(let inner):
      let converted = blocks(inner)
      return converted.isEmpty ? nil : .quote(converted)
    case .anchor:
      return nil
    }
  }

  /// Styled runs with links numbered; white space folded across run boundaries.
  mutating func runs(_ inlines: [MarkupInline]) -> [TextRun] {
    var output: [TextRun] = []
    appendRuns(inlines, link: nil, to: &output)
    return Self.foldingWhitespace(output)
  }

  /// The runs of inline content with links numbered. Preformatted text keeps its spaces and
  /// line breaks (`keepingSpaces`); elsewhere they are folded afterwards.
  private mutating func appendRuns(
    _ inlines: [MarkupInline], link: Int?, keepingSpaces: Bool = false,
    to output: inout [TextRun]
  ) {
    for inline in inlines {
      switch inline {
      case .text(let text, let style):
        let cleaned = keepingSpaces ? Self.cleanKeepingTabs(text) : TextRepair.clean(text)
        if keepingSpaces { preformattedLines += cleaned.utf8.count { $0 == 0x0A } }
        output.append(TextRun(cleaned, style: style, link: link))
      case .lineBreak:
        if keepingSpaces { preformattedLines += 1 }
        output.append(TextRun("\n", link: link))
      case .anchor(let name):
        guard keepingSpaces else {
          mark(name)
          continue
        }
        if mark(name, line: preformattedLines) { placesInPreformatted.append(name) }
      case .image(let alt, _):
        let alt = Self.cleanText(alt)
        if !alt.isEmpty { output.append(TextRun("[\(alt)]", style: .image, link: link)) }
      case .link(let content, let url):
        guard link == nil else {
          appendRuns(content, link: link, keepingSpaces: keepingSpaces, to: &output)
          continue
        }
        let resolved = resolve(url)
        var title = Self.cleanText(content.plainText)
        let index: Int
        if title.isEmpty && content.contains(where: \.isImage) {
          // An image link whose image has no alt text still needs something to select and
          // a number: the file it names, else its host.
          title = Self.label(forLink: resolved)
          index = add(Link(title: title, url: resolved, kind: .inline))
          output.append(TextRun("[\(title)]", link: index))
        } else {
          index = add(Link(title: title, url: resolved, kind: .inline))
          appendRuns(content, link: index, keepingSpaces: keepingSpaces, to: &output)
        }
      }
    }
  }

  /// Preformatted text cleaned with its line breaks and tabs kept: a tab stands for the
  /// spaces to the next tab stop, which only the layout can count.
  static func cleanKeepingTabs(_ text: String) -> String {
    guard text.contains("\t") else { return TextRepair.clean(text, keepNewlines: true) }
    return text.split(separator: "\t", omittingEmptySubsequences: false)
      .map { TextRepair.clean(String($0), keepNewlines: true) }.joined(separator: "\t")
  }

  /// What to call a link that shows nothing: the last segment of its path, else its host,
  /// else "link".
  static func label(forLink url: String?) -> String {
    guard let url, !url.isEmpty else { return "link" }
    let path = url.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? url
    let afterScheme = path.firstRange(of: "://").map { String(path[$0.upperBound...]) } ?? path
    let segments = afterScheme.split(separator: "/")
    if segments.count > 1, let last = segments.last { return cleanText(String(last)) }
    return segments.first.map { cleanText(String($0)) } ?? "link"
  }

  /// Folds white space inside and between runs, trims the ends, merges equal neighbours.
  static func foldingWhitespace(_ runs: [TextRun]) -> [TextRun] {
    var output: [TextRun] = []
    var lastWasSpace = true
    for run in runs {
      if run.text == "\n" {
        if var last = output.last, last.text.hasSuffix(" ") {
          last.text.removeLast()
          output[output.count - 1] = last
        }
        output.append(run)
        lastWasSpace = true
        continue
      }
      // ASCII white space folds; a no-break space is kept, since the page asked for it.
      var folded: [UInt8] = []
      folded.reserveCapacity(run.text.utf8.count)
      for byte in run.text.utf8 {
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
          if !lastWasSpace { folded.append(0x20) }
          lastWasSpace = true
        } else {
          folded.append(byte)
          lastWasSpace = false
        }
      }
      let text = String(decoding: folded, as: UTF8.self)
      guard !text.isEmpty else { continue }
      if var last = output.last, last.style == run.style, last.link == run.link, last.text != "\n" {
        last.text += text
        output[output.count - 1] = last
      } else {
        output.append(TextRun(text, style: run.style, link: run.link))
      }
    }
    while var last = output.last {
      if last.text == "\n" {
        output.removeLast()
        continue
      }
      if last.text.hasSuffix(" ") {
        last.text.removeLast()
        if last.text.isEmpty {
          output.removeLast()
          continue
        }
        output[output.count - 1] = last
      }
      break
    }
    return output
  }
}
