import MedlinePlus

/// A page laid out for a content pane of a given width: styled lines, where each section
/// starts, and where each link is.
public struct ContentLayout: Sendable {
  public private(set) var lines: [StyledLine] = []
  /// The first line of each section, by section index.
  public private(set) var sectionStarts: [Int] = []
  /// The first line each link appears on, by link index (nil when not shown).
  public private(set) var linkLines: [Int?] = []
  /// Where each link is drawn: lines and cell ranges, so the selection can be shown.
  public private(set) var linkRegions: [Int: [LinkRegion]] = [:]
  /// The line each of the page's places (`Page.places`) is shown on, by its name.
  public private(set) var placeLines: [String: Int] = [:]
  public let width: Int
  /// The widest line that goes on past the pane (0 when every line fits): how far the view
  /// can scroll sideways.
  public private(set) var widestLine = 0

  /// What a layout shows besides the text: the screen shows everything; a plain-text dump
  /// of an article leaves out what only helps on screen.
  public struct Options: Sendable {
    /// `[n]` before each link, to follow it by number.
    public var linkNumbers = true
    /// `[image: alt]` where an image stands.
    public var images = true
    /// The first section's heading when it only repeats the page's title.
    public var repeatedTitle = true

    public init(linkNumbers: Bool = true, images: Bool = true, repeatedTitle: Bool = true) {
      self.linkNumbers = linkNumbers
      self.images = images
      self.repeatedTitle = repeatedTitle
    }

    /// For text read without the screen: no link numbers, no images, no title twice.
    public static let plainText = Options(linkNumbers: false, images: false, repeatedTitle: false)
  }

  /// Lays out `page` for `width` cells (at least 1).
  public init(page: Page, width: Int, glyphs: Glyphs = .unicode, options: Options = Options()) {
    self.width = max(1, width)
    linkLines = Array(repeating: nil, count: page.links.count)
    var writer = Writer(page: page, width: self.width, glyphs: glyphs, options: options)
    for (index, section) in page.sections.enumerated() {
      // The blank line before a heading belongs to the section above, so that jumping to a
      // section puts its heading on the first line.
      if index > 0 { writer.blank() }
      sectionStarts.append(writer.lines.count)
      writer.section = index
      writer.writeSection(section)
      // A section with no visible text (an empty "##" at the end of a file) still gets a
      // line, so that jumping to it lands on the page (found by the layout fuzzer).
      if writer.lines.count == sectionStarts[index] {
        writer.lines.append(StyledLine([], section: index))
      }
    }
    if writer.lines.isEmpty { writer.lines.append(StyledLine([], section: 0)) }
    placeLines = writer.placeLines.mapValues { min($0, writer.lines.count - 1) }
    // Prefixes can outgrow a narrow pane (a list item's marker, quote bars many levels deep):
    // no line may be wider than the pane, or the screen would cut it where the reader
    // cannot see that it was cut, and the link regions would point past the edge.
    lines = writer.lines.map { $0.isWide ? $0 : Self.clipped($0, to: self.width) }
    widestLine = lines.lazy.filter(\.isWide).map(\.width).max() ?? 0
    findLinks()
  }

  /// Lines already laid out (a text medterm shows by itself), one section. A line wider than
  /// the pane goes on below rather than being cut: an address there must stay whole.
  public init(lines given: [StyledLine], width: Int, linkCount: Int = 0) {
    self.width = max(1, width)
    linkLines = Array(repeating: nil, count: linkCount)
    sectionStarts = [0]
    lines = given.flatMap { Self.folded($0, to: self.width) }
    if lines.isEmpty { lines.append(StyledLine([], section: 0)) }
    findLinks()
  }

  private mutating func findLinks() {
    for (line, content) in lines.enumerated() {
      var column = 0
      for span in content.spans {
        let width = DisplayWidth.of(span.text)
        defer { column += width }
        guard let link = span.link, link < linkLines.count else { continue }
        if linkLines[link] == nil { linkLines[link] = line }
        var regions = linkRegions[link, default: []]
        if let last = regions.last, last.line == line, last.end == column {
          regions[regions.count - 1].end = column + width
        } else {
          regions.append(LinkRegion(line: line, start: column, end: column + width))
        }
        linkRegions[link] = regions
      }
    }
  }

  /// A line cut into pieces no wider than the pane, each going on with the one above.
  private static func folded(_ line: StyledLine, to width: Int) -> [StyledLine] {
    if line.spans.reduce(0, { $0 + $1.text.utf8.count }) <= width || line.width <= width {
      return [line]
    }
    var pieces: [StyledLine] = []
    var current = StyledLine([], section: line.section)
    var used = 0
    for span in line.spans {
      var text = ""
      for character in span.text {
        let cells = DisplayWidth.of(character)
        if used + cells > width && used > 0 {
          if !text.isEmpty { current.spans.append(StyledSpan(text, span.role, link: span.link)) }
          pieces.append(current)
          current = StyledLine([], section: line.section)
          text = ""
          used = 0
        }
        text.append(character)
        used += cells
      }
      if !text.isEmpty { current.spans.append(StyledSpan(text, span.role, link: span.link)) }
    }
    pieces.append(current)
    return pieces
  }

  private static func clipped(_ line: StyledLine, to width: Int) -> StyledLine {
    // No scalar takes more cells than its UTF-8 bytes, so a line with no more bytes than the
    // pane has cells fits without measuring it (most lines, on a page of a million links).
    if line.spans.reduce(0, { $0 + $1.text.utf8.count }) <= width { return line }
    guard line.width > width else { return line }
    var clipped = StyledLine([], section: line.section)
    clipped.joinsPrevious = line.joinsPrevious
    var used = 0
    for span in line.spans {
      var text = ""
      for character in span.text {
        let cells = DisplayWidth.of(character)
        guard used + cells <= width else { break }
        text.append(character)
        used += cells
      }
      if !text.isEmpty { clipped.spans.append(StyledSpan(text, span.role, link: span.link)) }
      if used >= width { break }
    }
    return clipped
  }

  /// The section a line belongs to.
  public func section(atLine line: Int) -> Int {
    guard !lines.isEmpty else { return 0 }
    return lines[min(max(0, line), lines.count - 1)].section
  }
}

/// Cells of one line that belong to a link.
public struct LinkRegion: Hashable, Sendable {
  public var line: Int
  public var start: Int
  public var end: Int
}

/// Writes the lines of one page; one place for every block's look.
private struct Writer {
  let page: Page
  let width: Int
  let glyphs: Glyphs
  let options: ContentLayout.Options
  var section = 0
  var lines: [StyledLine] = []
  /// The page's places by section, then by block: the names there and their line inside it.
  let places: [Int: [Int: [(name: String, line: Int)]]]
  var placeLines: [String: Int] = [:]

  init(page: Page, width: Int, glyphs: Glyphs, options: ContentLayout.Options) {
    self.page = page
    self.width = width
    self.glyphs = glyphs
    self.options = options
    var places: [Int: [Int: [(name: String, line: Int)]]] = [:]
    for (name, place) in page.places {
      places[place.section, default: [:]][place.block, default: []].append((name, place.line))
    }
    self.places = places
  }

  /// Adds a line; never two blank lines in a row, never a blank line at the very top.
  mutating func emit(_ spans: [StyledSpan], joinsPrevious: Bool = false) {
    let isBlank = spans.allSatisfy { $0.text.allSatisfy { $0 == " " } }
    if isBlank && (lines.last.map(\.isBlank) ?? true) { return }
    var line = StyledLine(isBlank ? [] : spans, section: section)
    line.joinsPrevious = joinsPrevious && !isBlank
    lines.append(line)
  }

  mutating func blank() {
    emit([])
  }

  mutating func wrapped(
    _ spans: [StyledSpan], prefix: [StyledSpan] = [], continuation: [StyledSpan] = []
  ) {
    // Without a UTF-8 terminal, text is transliterated before wrapping so widths stay right.
    let spans =
      glyphs.isASCII
      ? spans.map { StyledSpan(Transliterator.ascii($0.text), $0.role, link: $0.link) } : spans
    for (number, line) in TextWrapper.wrap(
      spans, width: width, prefix: prefix, continuation: continuation
    ).enumerated() {
      emit(line, joinsPrevious: number > 0)
    }
  }

  mutating func writeSection(_ section: Section) {
    let repeatsTitle = self.section == 0 && section.title == page.title
    if options.repeatedTitle || !repeatsTitle { wrapped([StyledSpan(section.title, .heading)]) }
    if let subtitle = section.subtitle { wrapped([StyledSpan(subtitle, .dim)]) }
    let places = self.places[self.section] ?? [:]
    for (index, block) in section.blocks.enumerated() {
      let start = lines.count
      write(block, indent: 0)
      // The block's first line is the one after the blank line that sets it apart.
      let first = lines.indices.contains(start) && lines[start].isBlank ? start + 1 : start
      for (name, line) in places[index] ?? [] { placeLines[name] = first + line }
    }
    for (name, _) in places[section.blocks.count] ?? [] { placeLines[name] = lines.count }
  }

  /// Indentation stops growing at half the pane, so that text nested a hundred levels deep
  /// still shows (and a page cannot make every line thousands of spaces long).
  func limited(_ indent: Int) -> Int {
    min(indent, width / 2)
  }

  mutating func write(_ block: Block, indent: Int) {
    let indent = limited(indent)
    let pad = [StyledSpan(String(repeating: " ", count: indent))]
    switch block {
    case .paragraph(let runs):
      blank()
      wrapped(spans(runs), prefix: pad, continuation: pad)
    case .heading(_, let runs):
      blank()
      wrapped(spans(runs, role: .subheading), prefix: pad, continuation: pad)
    case .attribution(let text):
      blank()
      wrapped([StyledSpan(text, .attribution)], prefix: pad, continuation: pad)
    case .list(let ordered, let items):
      blank()
      writeList(ordered: ordered, items: items, indent: indent)
    case .table(let table):
      blank()
      writeTable(table, indent: indent)
    case .image(let alt, _):
      guard options.images else { return }
      blank()
      let label = alt.isEmpty ? "[image]" : "[image: \(alt)]"
      wrapped([StyledSpan(label, .dim)], prefix: pad, continuation: pad)
    case .resources(let indices):
      blank()
      for index in indices where index < page.links.count {
        writeCard(page.links[index], index: index, indent: indent)
      }
    case .preformatted(let runs):
      blank()
      for line in runs.lines { writePreformatted(line, indent: indent) }
    case .quote(let blocks):
      blank()
      // Past half the pane another bar would only push the text out of sight: deeper quotes
      // are shown at the depth reached so far.
      guard indent + 2 <= width / 2 else {
        for inner in blocks { write(inner, indent: indent) }
        return
      }
      let start = lines.count
      for inner in blocks { write(inner, indent: indent + 2) }
      for line in start..<lines.count where !lines[line].spans.isEmpty {
        var spans = lines[line].spans
        if let first = spans.first, first.text.hasPrefix(String(repeating: " ", count: indent + 2))
        {
          spans[0].text = String(first.text.dropFirst(indent + 2))
        }
        lines[line].spans = pad + [StyledSpan(glyphs.quoteBar + " ", .quote)] + spans
      }
    }
  }

  /// A line of preformatted text as it is: every space kept, tabs to the next stop, never
  /// broken mid-word however wide (a wide one scrolls sideways on screen, and a dump keeps it
  /// whole). Its links are links, numbered like any other.
  mutating func writePreformatted(_ runs: [TextRun], indent: Int) {
    // The spans any text gets (link numbers, images as the options say), then tabs to their
    // stops, counted across the whole line.
    var column = 0
    let shown = spans(runs, role: .code).map { span -> StyledSpan in
      var span = span
      let text = glyphs.isASCII ? Transliterator.ascii(span.text) : span.text
      span.text = PagerSanitizer.expandingTabs(text, column: &column)
      return span
    }
    guard column > 0 else {
      // A blank line of code is kept as one: emit() folds runs of blank lines.
      emit([])
      return
    }
    emit([StyledSpan(String(repeating: " ", count: indent))] + shown)
    if indent + column > width, let last = lines.indices.last {
      lines[last].isWide = true
    }
  }

  mutating func writeList(ordered: Bool, items: [[Block]], indent: Int) {
    let indent = limited(indent)
    let bullet = indent == 0 ? glyphs.bullet : glyphs.nestedBullet
    for (number, item) in items.enumerated() {
      let marker = ordered ? "\(number + 1). " : "\(bullet) "
      let markerWidth = DisplayWidth.of(marker)
      let pad = String(repeating: " ", count: indent)
      let prefix = [StyledSpan(pad), StyledSpan(marker, .dim)]
      let continuation = [StyledSpan(String(repeating: " ", count: indent + markerWidth))]
      var first = true
      for block in item {
        if first, case .paragraph(let runs) = block {
          wrapped(spans(runs), prefix: prefix, continuation: continuation)
        } else if first {
          emit(prefix)
          writeNested(block, indent: indent + markerWidth)
        } else {
          writeNested(block, indent: indent + markerWidth)
        }
        first = false
      }
    }
  }

  /// Blocks inside a list item follow without the blank line a top-level block gets.
  mutating func writeNested(_ block: Block, indent: Int) {
    let indent = limited(indent)
    let pad = [StyledSpan(String(repeating: " ", count: indent))]
    switch block {
    case .paragraph(let runs):
      wrapped(spans(runs), prefix: pad, continuation: pad)
    case .list(let ordered, let items):
      writeList(ordered: ordered, items: items, indent: indent)
    default:
      write(block, indent: indent)
    }
  }

  mutating func writeCard(_ link: Link, index: Int, indent: Int) {
    let number = options.linkNumbers ? "[\(index + 1)] " : ""
    let pad = String(repeating: " ", count: indent)
    let hanging = [StyledSpan(pad + String(repeating: " ", count: DisplayWidth.of(number)))]
    var title: [StyledSpan] = [StyledSpan(link.title, .link, link: index)]
    for badge in link.badges { title += [StyledSpan(" "), StyledSpan(badge.rawValue, .badge)] }
    wrapped(
      title, prefix: [StyledSpan(pad), StyledSpan(number, .linkNumber, link: index)],
      continuation: hanging)
    var details: [StyledSpan] = []
    if !link.organizations.isEmpty {
      details.append(StyledSpan(link.organizations.joined(separator: ", "), .organization))
    }
    if link.alsoInSpanish {
      if !details.isEmpty { details.append(StyledSpan(" \(glyphs.middleDot) ", .dim)) }
      details.append(StyledSpan("ES", .badge))
    }
    if !details.isEmpty { wrapped(details, prefix: hanging, continuation: hanging) }
  }

  mutating func writeTable(_ table: Table, indent: Int) {
    let columns = table.columnCount
    guard columns > 0 else { return }
    let rows = table.rows.map { row in
      (row + Array(repeating: "", count: columns - row.count)).map {
        glyphs.isASCII ? Transliterator.ascii($0) : $0
      }
    }
    var widths = (0..<columns).map { column in
      rows.map { DisplayWidth.of($0[column]) }.max() ?? 0
    }
    let separator = " \(glyphs.verticalBar) "
    let available = width - indent - (columns - 1) * DisplayWidth.of(separator)
    if widths.reduce(0, +) > available {
      // Too wide side by side: narrow the widest columns, but never below their longest
      // word; when even that does not fit, show each row as "Header: value" lines.
      let minimums = (0..<columns).map { column in
        min(15, rows.map { longestWord(in: $0[column]) }.max() ?? 1)
      }
      guard minimums.reduce(0, +) <= available else {
        writeTableAsRecords(rows, header: table.hasHeader ? rows.first : nil, indent: indent)
        return
      }
      var excess = widths.reduce(0, +) - available
      while excess > 0 {
        guard
          let widest = widths.indices.filter({ widths[$0] > minimums[$0] })
            .max(by: { widths[$0] < widths[$1] })
        else { break }
        widths[widest] -= 1
        excess -= 1
      }
    }
    let pad = String(repeating: " ", count: indent)
    for (rowIndex, row) in rows.enumerated() {
      let isHeader = table.hasHeader && rowIndex == 0
      let cellLines = row.enumerated().map { column, text in
        TextWrapper.wrap(
          [StyledSpan(text, isHeader ? .tableHeader : .normal)], width: widths[column])
      }
      let height = cellLines.map(\.count).max() ?? 1
      for lineIndex in 0..<height {
        var spans = [StyledSpan(pad)]
        for column in 0..<columns {
          if column > 0 { spans.append(StyledSpan(separator, .tableBorder)) }
          let cell = lineIndex < cellLines[column].count ? cellLines[column][lineIndex] : []
          spans += cell
          let used = TextWrapper.cellWidth(of: cell)
          if column < columns - 1 {
            spans.append(StyledSpan(String(repeating: " ", count: max(0, widths[column] - used))))
          }
        }
        emit(trimmingTrailingSpaces(spans))
      }
      if isHeader {
        let rule = widths.map { String(repeating: glyphs.horizontalBar, count: $0) }
          .joined(separator: glyphs.horizontalBar + glyphs.cross + glyphs.horizontalBar)
        emit([StyledSpan(pad), StyledSpan(rule, .tableBorder)])
      }
    }
  }

  /// A narrow screen shows each row as "Header: value" lines.
  mutating func writeTableAsRecords(_ rows: [[String]], header: [String]?, indent: Int) {
    let pad = [StyledSpan(String(repeating: " ", count: indent))]
    let body = header == nil ? rows[...] : rows.dropFirst()
    for row in body {
      blank()
      for (column, value) in row.enumerated() where !value.isEmpty {
        var spans: [StyledSpan] = []
        if let header, column < header.count, !header[column].isEmpty {
          spans.append(StyledSpan(header[column] + ": ", .tableHeader))
        }
        spans.append(StyledSpan(value))
        wrapped(spans, prefix: pad, continuation: pad + [StyledSpan("  ")])
      }
    }
  }

  private func longestWord(in text: String) -> Int {
    text.split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0
  }

  private func trimmingTrailingSpaces(_ spans: [StyledSpan]) -> [StyledSpan] {
    var spans = spans
    while let last = spans.last, last.link == nil {
      let trimmed = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
      if trimmed.isEmpty {
        spans.removeLast()
      } else {
        spans[spans.count - 1].text = trimmed
        break
      }
    }
    return spans
  }

  /// Styled spans for runs; a link inside running text gets its number in front ("[3]"),
  /// as lynx shows it, so every link can be reached by number.
  func spans(_ runs: [TextRun], role: StyleRole = .normal) -> [StyledSpan] {
    var output: [StyledSpan] = []
    var previousLink: Int? = nil
    for run in runs {
      // An image's alt text is what the screen shows in its place; plain text has no image.
      if !options.images && run.style.contains(.image) { continue }
      if options.linkNumbers, let link = run.link, link != previousLink {
        output.append(StyledSpan("[\(link + 1)]", .linkNumber, link: link))
      }
      previousLink = run.link
      output.append(styled(run, role: role))
    }
    return output
  }

  private func styled(_ run: TextRun, role: StyleRole) -> StyledSpan {
    var spanRole = role
    if run.link != nil {
      spanRole = .link
    } else if run.style.contains(.code) {
      spanRole = .code
    } else if run.style.contains(.bold) && role == .normal {
      spanRole = .strong
    } else if run.style.contains(.italic) && role == .normal {
      spanRole = .emphasis
    }
    return StyledSpan(run.text, spanRole, link: run.link)
  }
}
