/// What one Markdown line looks like, measured once.
struct LineShape {
  struct ListMarker {
    var indent: Int
    var contentIndent: Int
    var ordered: Bool
  }

  let line: Substring
  let indent: Int
  let isBlank: Bool
  private let body: Substring
  /// The first byte after the indentation (0 for an empty line).
  private let firstByte: UInt8

  init(_ line: Substring) {
    self.line = line
    // Measured on UTF-8 bytes: a deeply indented line is scanned once per nesting level.
    var indent = 0
    var offset = 0
    let utf8 = line.utf8
    for byte in utf8 {
      if byte == UInt8(ascii: " ") {
        indent += 1
      } else if byte == UInt8(ascii: "\t") {
        indent += 4 - indent % 4
      } else {
        break
      }
      offset += 1
    }
    self.indent = indent
    let bodyStart = utf8.index(utf8.startIndex, offsetBy: offset)
    body = line[bodyStart...]
    firstByte = offset < utf8.count ? utf8[bodyStart] : 0
    isBlank = offset == utf8.count || body.allSatisfy(\.isSpaceLike)
  }

  /// True when the first character cannot start any block but a paragraph (most lines of
  /// running text): the parser then skips every other test.
  var isParagraphText: Bool {
    switch firstByte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "("), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "["),
      UInt8(ascii: "!"), 0x80...0xFF:
      return !isBlank && !body.utf8.contains(UInt8(ascii: "|"))
    default:
      return false
    }
  }

  var headingLevel: Int? {
    guard indent < 4, body.first == "#" else { return nil }
    let hashes = body.prefix(while: { $0 == "#" }).count
    guard hashes <= 6 else { return nil }
    let rest = body.dropFirst(hashes)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    return hashes
  }

  func headingText(level: Int) -> Substring {
    var text = body.dropFirst(level).trimmingSpaces[...]
    // A closing run of #s is decoration ("## Title ##").
    let trailing = text.reversed().prefix(while: { $0 == "#" }).count
    if trailing > 0, trailing < text.count,
      text[text.index(text.endIndex, offsetBy: -trailing - 1)] == " "
    {
      text = text.dropLast(trailing).trimmingSpaces[...]
    } else if trailing == text.count {
      text = ""
    }
    return text
  }

  var fence: Substring? {
    guard indent < 4 else { return nil }
    for marker in ["```", "~~~"] where body.hasPrefix(marker) {
      return body.prefix(while: { $0 == marker.first })
    }
    return nil
  }

  var startsComment: Bool { body.hasPrefix("<!--") }

  var isThematicBreak: Bool {
    guard indent < 4,
      firstByte == UInt8(ascii: "-") || firstByte == UInt8(ascii: "*")
        || firstByte == UInt8(ascii: "_")
    else { return false }
    // On bytes, stopping at the first other character: every "- item" line asks this.
    var marks = 0
    for byte in body.utf8 {
      if byte == firstByte {
        marks += 1
      } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
        return false
      }
    }
    return marks >= 3
  }

  var isQuote: Bool { indent < 4 && body.first == ">" }

  var mayStartTable: Bool { body.contains("|") }

  var isTableSeparator: Bool {
    let text = body.trimmingSpaces
    guard text.contains("-") else { return false }
    guard text.contains("|") || text.hasPrefix(":") else { return false }
    return text.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
  }

  var listMarker: ListMarker? {
    guard let first = body.first else { return nil }
    if first == "-" || first == "*" || first == "+" {
      let rest = body.dropFirst()
      guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
      if isThematicBreak { return nil }
      let spaces = max(1, min(4, rest.prefix(while: { $0 == " " }).count))
      return ListMarker(indent: indent, contentIndent: indent + 1 + spaces, ordered: false)
    }
    let digits = body.prefix(while: { $0.isASCII && $0.isNumber })
    guard !digits.isEmpty, digits.count <= 9 else { return nil }
    let rest = body.dropFirst(digits.count)
    guard let delimiter = rest.first, delimiter == "." || delimiter == ")" else { return nil }
    let afterDelimiter = rest.dropFirst()
    guard afterDelimiter.isEmpty || afterDelimiter.first == " " else { return nil }
    let spaces = max(1, min(4, afterDelimiter.prefix(while: { $0 == " " }).count))
    return ListMarker(
      indent: indent, contentIndent: indent + digits.count + 1 + spaces, ordered: true)
  }

  /// The text of a list item's first line, after its marker and the spaces that follow it.
  var itemContent: Substring {
    var rest = body
    if let first = rest.first, first == "-" || first == "*" || first == "+" {
      rest = rest.dropFirst()
    } else {
      rest = rest.drop(while: { $0.isASCII && $0.isNumber }).dropFirst()
    }
    return rest.drop(while: { $0 == " " || $0 == "\t" })
  }

  /// True for a line that starts a block other than a paragraph: it ends lazy continuation.
  var startsBlock: Bool {
    headingLevel != nil || fence != nil || isQuote || listMarker != nil || isThematicBreak
      || startsComment
  }

  /// The line without up to `width` columns of leading indentation.
  static func dedent(_ line: Substring, by width: Int) -> Substring {
    var removed = 0
    var index = line.startIndex
    while index < line.endIndex, removed < width {
      if line[index] == " " {
        removed += 1
      } else if line[index] == "\t" {
        removed += 4 - removed % 4
      } else {
        break
      }
      index = line.index(after: index)
    }
    return line[index...]
  }
}
