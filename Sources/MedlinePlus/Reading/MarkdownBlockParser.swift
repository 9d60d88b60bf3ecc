/// Parses CommonMark-ish Markdown into blocks: ATX headings, paragraphs, bullet and numbered
/// lists (nested by indentation, with lazy continuation lines), pipe tables, fenced code,
/// block quotes, images, thematic breaks and HTML comments.
///
/// It accepts what html2text and docling write, which is all medterm needs: html2text's
/// four-space `    * ` bullets, headings wrapped onto a second line, docling's badge lines
/// that follow a list item, and `<!-- image -->` markers.
struct MarkdownBlockParser {
  /// Nesting deeper than this (quotes in quotes, lists in lists) is read as plain text.
  static let maximumDepth = 48

  private let lines: [Substring]

  static func parse(_ text: String) -> [MarkupBlock] {
    let parser = MarkdownBlockParser(text: text)
    return parser.parseBlocks(parser.lines[...], depth: 0)
  }

  private init(text: String) {
    // Split on the newline byte: splitting on Character would run grapheme breaking over
    // the whole file.
    var lines: [Substring] = []
    let bytes = text.utf8
    var lineStart = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
      if bytes[index] == UInt8(ascii: "\n") {
        var lineEnd = index
        if lineEnd > lineStart, bytes[bytes.index(before: lineEnd)] == UInt8(ascii: "\r") {
          lineEnd = bytes.index(before: lineEnd)
        }
        lines.append(text[lineStart..<lineEnd])
        lineStart = bytes.index(after: index)
      }
      index = bytes.index(after: index)
    }
    lines.append(text[lineStart..<bytes.endIndex])
    self.lines = lines
  }

  private func parseBlocks(_ lines: ArraySlice<Substring>, depth: Int) -> [MarkupBlock] {
    var blocks: [MarkupBlock] = []
    var paragraph: [Substring] = []
    func flushParagraph() {
      guard !paragraph.isEmpty else { return }
      blocks.append(Self.paragraphBlock(paragraph))
      paragraph.removeAll()
    }
    var index = lines.startIndex
    while index < lines.endIndex {
      let line = lines[index]
      let shape = LineShape(line)
      if shape.isParagraphText && shape.indent < 4 {
        paragraph.append(line)
        index += 1
        continue
      }
      if shape.isBlank {
        flushParagraph()
        index += 1
        continue
      }
      if shape.startsComment {
        flushParagraph()
        index = Self.endOfComment(lines, from: index)
        continue
      }
      if let level = shape.headingLevel {
        flushParagraph()
        var text = String(shape.headingText(level: level))
        index += 1
        // html2text wraps long headings; a heading with an open parenthesis continues.
        while text.filter({ $0 == "(" }).count > text.filter({ $0 == ")" }).count,
          index < lines.endIndex, !LineShape(lines[index]).isBlank,
          !LineShape(lines[index]).startsBlock
        {
          text += " " + lines[index].trimmingSpaces
          index += 1
        }
        blocks.append(.heading(level: level, MarkdownInlineParser.parse(text), anchor: nil))
        continue
      }
      if let fence = shape.fence {
        flushParagraph()
        let (code, next) = Self.fencedCode(lines, from: index, fence: fence, indent: shape.indent)
        blocks.append(.preformatted([.text(code, [])]))
        index = next
        continue
      }
      if shape.isThematicBreak {
        flushParagraph()
        index += 1
        continue
      }
      if shape.mayStartTable, index + 1 < lines.endIndex,
        LineShape(lines[index + 1]).isTableSeparator
      {
        flushParagraph()
        let (table, next) = Self.table(lines, from: index)
        blocks.append(table)
        index = next
        continue
      }
      if shape.isQuote && depth < Self.maximumDepth {
        flushParagraph()
        let (quoted, next) = Self.quotedLines(lines, from: index)
        blocks.append(.quote(parseBlocks(quoted[...], depth: depth + 1)))
        index = next
        continue
      }
      if shape.listMarker != nil && depth < Self.maximumDepth {
        flushParagraph()
        let (list, next) = parseList(lines, from: index, depth: depth)
        blocks.append(list)
        index = next
        continue
      }
      paragraph.append(line)
      index += 1
    }
    flushParagraph()
    return blocks
  }

  /// A paragraph that is only an image becomes an image block.
  private static func paragraphBlock(_ lines: [Substring]) -> MarkupBlock {
    let text = lines.map { $0.trimmingSpaces }.joined(separator: "\n")
    let inlines = MarkdownInlineParser.parse(text)
    let visible = inlines.filter {
      if case .text(let text, _) = $0 { return !text.trimmingSpaces.isEmpty }
      return true
    }
    if visible.count == 1, case .image(let alt, let url) = visible[0] {
      return .image(alt: alt, url: url)
    }
    return .paragraph(inlines)
  }

  private static func endOfComment(_ lines: ArraySlice<Substring>, from start: Int) -> Int {
    var index = start
    while index < lines.endIndex {
      if lines[index].contains("-->") { return index + 1 }
      index += 1
    }
    return index
  }

  private static func fencedCode(
    _ lines: ArraySlice<Substring>, from start: Int, fence: Substring, indent: Int
  ) -> (String, Int) {
    var body: [Substring] = []
    var index = start + 1
    while index < lines.endIndex {
      let line = lines[index]
      if line.trimmingSpaces.hasPrefix(fence)
        && line.trimmingSpaces.allSatisfy({ $0 == fence.first })
      {
        return (body.joined(separator: "\n"), index + 1)
      }
      body.append(LineShape.dedent(line, by: indent))
      index += 1
    }
    return (body.joined(separator: "\n"), index)
  }

  private static func table(_ lines: ArraySlice<Substring>, from start: Int) -> (MarkupBlock, Int) {
    var rows: [[[MarkupInline]]] = [cells(of: lines[start])]
    var index = start + 2
    while index < lines.endIndex, lines[index].contains("|"), !LineShape(lines[index]).isBlank {
      rows.append(cells(of: lines[index]))
      index += 1
    }
    return (.table(rows: rows, hasHeader: true), index)
  }

  private static func cells(of line: Substring) -> [[MarkupInline]] {
    var text = line.trimmingSpaces[...]
    if text.hasPrefix("|") { text = text.dropFirst() }
    if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in text {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
        current.append(character)
      } else if character == "|" {
        cells.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    cells.append(current)
    return cells.map { MarkdownInlineParser.parse($0.trimmingSpaces) }
  }

  private static func quotedLines(_ lines: ArraySlice<Substring>, from start: Int) -> (
    [Substring], Int
  ) {
    var quoted: [Substring] = []
    var index = start
    while index < lines.endIndex {
      let shape = LineShape(lines[index])
      if shape.isBlank { break }
      if shape.isQuote {
        var rest = lines[index].drop(while: { $0 == " " }).dropFirst()
        if rest.first == " " { rest = rest.dropFirst() }
        quoted.append(rest)
      } else if shape.startsBlock {
        break
      } else {
        quoted.append(lines[index])
      }
      index += 1
    }
    return (quoted, index)
  }

  /// A list and the index after it. Items end at the next marker of this list; lines
  /// indented to the item's content belong to it; a line right after item text (no blank
  /// line between) continues it lazily, as CommonMark says.
  private func parseList(_ lines: ArraySlice<Substring>, from start: Int, depth: Int) -> (
    MarkupBlock, Int
  ) {
    guard let first = LineShape(lines[start]).listMarker else {
      return (.paragraph([]), start + 1)
    }
    var items: [[Substring]] = []
    var current: [Substring] = []
    var contentIndent = first.contentIndent
    var index = start
    var previousWasBlank = false
    func beginItem(_ marker: LineShape.ListMarker, line: Substring) {
      if index != start { items.append(current) }
      current = [LineShape(line).itemContent]
      contentIndent = marker.contentIndent
    }
    while index < lines.endIndex {
      let line = lines[index]
      let shape = LineShape(line)
      if shape.isBlank || shape.startsComment {
        // Look past blank lines and comments: the list goes on if a sibling item or an
        // indented continuation follows.
        var next = index
        while next < lines.endIndex {
          let lookahead = LineShape(lines[next])
          if lookahead.isBlank {
            next += 1
          } else if lookahead.startsComment {
            next = Self.endOfComment(lines, from: next)
          } else {
            break
          }
        }
        guard next < lines.endIndex else {
          index = next
          break
        }
        let following = LineShape(lines[next])
        let continues =
          following.indent >= contentIndent
          || (following.listMarker.map { $0.indent < contentIndent && $0.ordered == first.ordered }
            ?? false)
        guard continues else { break }
        current.append("")
        previousWasBlank = true
        index = next
        continue
      }
      if let marker = shape.listMarker, marker.indent < contentIndent {
        guard marker.ordered == first.ordered, marker.indent + 1 >= first.indent else { break }
        beginItem(marker, line: line)
        previousWasBlank = false
        index += 1
        continue
      }
      if shape.indent >= contentIndent {
        current.append(LineShape.dedent(line, by: contentIndent))
      } else if !previousWasBlank && !shape.startsBlock {
        current.append(line.drop(while: { $0 == " " }))
      } else {
        break
      }
      previousWasBlank = false
      index += 1
    }
    items.append(current)
    let parsedItems = items.map { parseBlocks($0[...], depth: depth + 1) }
    return (.list(ordered: first.ordered, items: parsedItems), index)
  }
}
