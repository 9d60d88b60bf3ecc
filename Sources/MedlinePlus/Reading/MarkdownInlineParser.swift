/// Parses the inline part of Markdown: links, images, emphasis, code spans, autolinks,
/// backslash escapes, character references and inline HTML line breaks.
///
/// It works on UTF-8 bytes (every Markdown delimiter is ASCII), so a paragraph of any size
/// costs one byte of working memory per byte of text. Nesting is bounded: a pathological
/// input such as thousands of `[` degrades to plain text rather than deep recursion.
struct MarkdownInlineParser {
  private let bytes: [UInt8]
  private static let maximumDepth = 16
  /// How far a delimiter looks for its partner. Real links and emphasis close within a few
  /// hundred bytes; the bound keeps a megabyte line of unmatched `[` or `*` linear.
  private static let maximumSpan = 4096

  static func parse(_ text: String) -> [MarkupInline] {
    var parser = MarkdownInlineParser(bytes: Array(text.utf8))
    return closingUpPunctuation(parser.parseRange(0..<parser.bytes.count, style: [], depth: 0))
  }

  /// Markdown renderings of web pages write a space between a link and the comma after it
  /// ("blood glucose](…) , or"): the space goes, as it was never on the page.
  private static func closingUpPunctuation(_ inlines: [MarkupInline]) -> [MarkupInline] {
    var output = inlines
    for index in output.indices.dropFirst() {
      guard case .link = output[index - 1], case .text(let text, let style) = output[index],
        text.hasPrefix(" "), let mark = text.dropFirst().first, ",.;:".contains(mark)
      else { continue }
      output[index] = .text(String(text.dropFirst()), style)
    }
    return output
  }

  /// For each `[`, the index of its matching `]` (or -1), found in one pass with a stack so
  /// that a line of unmatched brackets costs linear time.
  private let closingBracket: [Int32]
  /// For each index, the next `*` or `_` (by marker) that could close emphasis (one not after
  /// a space), so an opener with no partner fails at once instead of scanning.
  private let nextCloser: [UInt8: [Int32]]

  private init(bytes: [UInt8]) {
    self.bytes = bytes
    closingBracket = Self.matchBrackets(bytes)
    var closers: [UInt8: [Int32]] = [:]
    for marker in [UInt8(ascii: "*"), UInt8(ascii: "_")] where bytes.contains(marker) {
      var next = [Int32](repeating: -1, count: bytes.count + 1)
      var upcoming: Int32 = -1
      for index in stride(from: bytes.count - 1, through: 0, by: -1) {
        if bytes[index] == marker && index > 0 && !Self.isSpaceByte(bytes[index - 1]) {
          upcoming = Int32(index)
        }
        next[index] = upcoming
      }
      closers[marker] = next
    }
    nextCloser = closers
  }

  private static func matchBrackets(_ bytes: [UInt8]) -> [Int32] {
    guard bytes.contains(UInt8(ascii: "[")) else { return [] }
    var matches = [Int32](repeating: -1, count: bytes.count)
    var open: [Int] = []
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\\"): index += 1
      case UInt8(ascii: "["): open.append(index)
      case UInt8(ascii: "]"): if let start = open.popLast() { matches[start] = Int32(index) }
      default: break
      }
      index += 1
    }
    return matches
  }

  private static func isSpaceByte(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  private mutating func parseRange(_ range: Range<Int>, style: TextRun.Style, depth: Int)
    -> [MarkupInline]
  {
    var output: [MarkupInline] = []
    var literal: [UInt8] = []
    func flushLiteral() {
      guard !literal.isEmpty else { return }
      let text = TextRepair.decodeEntities(String(decoding: literal, as: UTF8.self))
      if case .text(let previous, let previousStyle)? = output.last, previousStyle == style {
        output[output.count - 1] = .text(previous + text, style)
      } else {
        output.append(.text(text, style))
      }
      literal.removeAll(keepingCapacity: true)
    }
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\\") where index + 1 < end && isPunctuation(bytes[index + 1]):
        literal.append(bytes[index + 1])
        index += 2
        continue
      case UInt8(ascii: "!")
      where index + 1 < end && bytes[index + 1] == UInt8(ascii: "[") && depth < Self.maximumDepth:
        if let (label, url, next) = linkParts(openingBracket: index + 1, end: end) {
          flushLiteral()
          let alt = parseRange(label, style: [], depth: depth + 1).plainText
          output.append(.image(alt: alt.collapsingWhitespace, url: url))
          index = next
          continue
        }
      case UInt8(ascii: "[") where depth < Self.maximumDepth:
        if let (label, url, next) = linkParts(openingBracket: index, end: end) {
          flushLiteral()
          output.append(.link(parseRange(label, style: style, depth: depth + 1), url: url))
          index = next
          continue
        }
      case UInt8(ascii: "`"):
        if let (content, next) = codeSpan(at: index, end: end) {
          flushLiteral()
          output.append(.text(String(decoding: bytes[content], as: UTF8.self), style.union(.code)))
          index = next
          continue
        }
      case UInt8(ascii: "*"), UInt8(ascii: "_"):
        if depth < Self.maximumDepth, let (inner, width, next) = emphasis(at: index, end: end) {
          flushLiteral()
          let added: TextRun.Style = width == 2 ? .bold : .italic
          output.append(
            contentsOf: parseRange(inner, style: style.union(added), depth: depth + 1))
          index = next
          continue
        }
      case UInt8(ascii: "<"):
        if let (inline, next) = angleBracket(at: index, end: end) {
          flushLiteral()
          if let inline { output.append(inline) }
          index = next
          continue
        }
      default:
        break
      }
      literal.append(byte)
      index += 1
    }
    flushLiteral()
    return output
  }

  private func isPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte)
  }

  /// `[label](destination "title")`: the label range, the destination, and where parsing
  /// continues. A label without a following `(…)` is not a link.
  private func linkParts(openingBracket: Int, end: Int) -> (Range<Int>, String?, Int)? {
    let end = min(end, openingBracket + Self.maximumSpan)
    guard openingBracket < closingBracket.count else { return nil }
    let match = Int(closingBracket[openingBracket])
    let closing: Int? = match >= 0 && match < end ? match : nil
    guard let close = closing, close + 1 < end, bytes[close + 1] == UInt8(ascii: "(") else {
      return nil
    }
    var parenDepth = 0
    var cursor = close + 1
    while cursor < end {
      switch bytes[cursor] {
      case UInt8(ascii: "\\"): cursor += 1
      case UInt8(ascii: "("): parenDepth += 1
      case UInt8(ascii: ")"):
        parenDepth -= 1
        if parenDepth == 0 {
          let destination = String(decoding: bytes[(close + 2)..<cursor], as: UTF8.self)
          return ((openingBracket + 1)..<close, Self.destination(destination), cursor + 1)
        }
      default: break
      }
      cursor += 1
    }
    return nil
  }

  /// The URL of a link destination, without `<…>` and without a trailing `"title"`. Cut on
  /// bytes: destinations are long (PubMed searches run to hundreds of bytes).
  private static func destination(_ raw: String) -> String? {
    var bytes = Array(raw.utf8)[...]
    while let first = bytes.first, first == 0x20 || first == 0x0A || first == 0x09 {
      bytes = bytes.dropFirst()
    }
    if bytes.first == UInt8(ascii: "<"), let close = bytes.firstIndex(of: UInt8(ascii: ">")) {
      bytes = bytes[(bytes.startIndex + 1)..<close]
    } else if let space = bytes.firstIndex(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
      bytes = bytes[..<space]
    }
    guard !bytes.isEmpty else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    return bytes.contains(UInt8(ascii: "&")) ? TextRepair.decodeEntities(text) : text
  }

  private func codeSpan(at start: Int, end: Int) -> (Range<Int>, Int)? {
    var width = 0
    let end = min(end, start + Self.maximumSpan)
    while start + width < end && bytes[start + width] == UInt8(ascii: "`") { width += 1 }
    var index = start + width
    while index < end {
      if bytes[index] == UInt8(ascii: "`") {
        var run = 0
        while index + run < end && bytes[index + run] == UInt8(ascii: "`") { run += 1 }
        if run == width { return ((start + width)..<index, index + run) }
        index += run
      } else {
        index += 1
      }
    }
    return nil
  }

  /// `**strong**`, `__strong__`, `*em*`, `_em_`: the inner range, the delimiter width and
  /// the index after the closing delimiter. An opener must be followed by a non-space; an
  /// underscore must not sit inside a word (snake_case stays as written).
  private func emphasis(at start: Int, end: Int) -> (Range<Int>, Int, Int)? {
    let marker = bytes[start]
    let width = start + 1 < end && bytes[start + 1] == marker ? 2 : 1
    let innerStart = start + width
    guard innerStart < end, !isSpace(bytes[innerStart]) else { return nil }
    if marker == UInt8(ascii: "_"), start > 0, isWordByte(bytes[start - 1]) { return nil }
    guard let closers = nextCloser[marker] else { return nil }
    let end = min(end, start + Self.maximumSpan)
    var index = Int(closers[innerStart + 1 <= bytes.count ? innerStart + 1 : bytes.count])
    while index >= 0 && index + width <= end {
      if bytes[index - 1] == UInt8(ascii: "\\") {
        index = Int(closers[index + 1])
        continue
      }
      let isRun = width == 1 || (index + 1 < end && bytes[index + 1] == marker)
      let afterRun = index + width
      let nextIsSame = afterRun < end && bytes[afterRun] == marker
      let closesWord =
        marker != UInt8(ascii: "_") || afterRun >= end || !isWordByte(bytes[afterRun])
      if isRun && !(width == 1 && nextIsSame) && closesWord {
        return (innerStart..<index, width, afterRun)
      }
      index = Int(closers[index + 1])
    }
    return nil
  }

  /// `<https://…>` autolinks become links; `<br>` a line break; other inline tags and
  /// comments are dropped. Anything else is literal text.
  private func angleBracket(at start: Int, end: Int) -> (MarkupInline?, Int)? {
    if bytes[start..<min(end, start + 4)].elementsEqual("<!--".utf8) {
      var index = start + 4
      let end = min(end, start + Self.maximumSpan)
      while index + 2 < end {
        if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-")
          && bytes[index + 2] == UInt8(ascii: ">")
        {
          return (nil, index + 3)
        }
        index += 1
      }
      return nil
    }
    var index = start + 1
    let end = min(end, start + Self.maximumSpan)
    while index < end && bytes[index] != UInt8(ascii: ">") && bytes[index] != UInt8(ascii: "<") {
      if isSpace(bytes[index]) && index == start + 1 { return nil }
      index += 1
    }
    guard index < end, bytes[index] == UInt8(ascii: ">") else { return nil }
    let inside = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
    let lowered = inside.lowercased()
    if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:")
    {
      guard !inside.contains(" ") else { return nil }
      return (.link([.text(inside, [])], url: inside), index + 1)
    }
    let tagName = lowered.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
    guard !tagName.isEmpty, tagName.first?.isLetter == true else { return nil }
    if tagName == "br" { return (.lineBreak, index + 1) }
    return (nil, index + 1)
  }

  private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  private func isWordByte(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      || byte >= 0x80
  }
}
