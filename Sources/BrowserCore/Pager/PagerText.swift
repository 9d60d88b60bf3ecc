/// A text for the pager, as lines of styled spans: what `less` gets (rendered with or without
/// bold and underline) and what medterm's own text view shows, from the same lines.
public struct PagerText: Sendable, Hashable {
  /// What the text is, for the text view's header ("Links of Osteonecrosis").
  public var title: String
  public var lines: [[StyledSpan]]
  /// Text shown as it is after the lines (a plain-text body, its tabs kept for the pager).
  public var verbatim: String
  public var glyphs: Glyphs

  public init(title: String, lines: [[StyledSpan]], verbatim: String = "", glyphs: Glyphs) {
    self.title = title
    self.lines = lines
    self.verbatim = verbatim
    self.glyphs = glyphs
  }

  /// The bytes for the pager: lines joined with `\n`, ending with one. The one place that
  /// writes escape sequences: only bold and underline, only with `.sgr`, always closed at the
  /// end of the line, so `less -R` never sees an attribute leak across lines.
  public func rendered(style: PagerStyle) -> String {
    var end = lines.count
    while end > 0 && lines[end - 1].isEmpty { end -= 1 }
    var output = ""
    for line in lines[..<end] {
      output += render(line, style: style)
      output += "\n"
    }
    if !verbatim.isEmpty { output += "\n" + verbatim }
    return output
  }

  /// The lines as the text view lays them out: spans cleaned, trailing blank lines dropped,
  /// the verbatim part split into lines with its tabs expanded.
  public var styledLines: [StyledLine] {
    var end = lines.count
    while end > 0 && lines[end - 1].isEmpty { end -= 1 }
    var result = lines[..<end].map { line in
      StyledLine(line.map { StyledSpan(clean($0.text), $0.role, link: $0.link) }, section: 0)
    }
    if !verbatim.isEmpty {
      result.append(StyledLine([], section: 0))
      let body = verbatim.hasSuffix("\n") ? String(verbatim.dropLast()) : verbatim
      for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
        let text = PagerSanitizer.expandingTabs(String(line))
        result.append(StyledLine(text.isEmpty ? [] : [StyledSpan(clean(text))], section: 0))
      }
    }
    return result
  }

  private func clean(_ text: String) -> String {
    let clean = PagerSanitizer.text(text)
    return glyphs.isASCII ? Transliterator.ascii(clean) : clean
  }

  private func render(_ line: [StyledSpan], style: PagerStyle) -> String {
    // The boundary check: whatever built the spans, only clean text gets out.
    var pieces = line.map { span in (text: clean(span.text), role: span.role) }
    // Trailing spaces go before any attribute is written, so `.sgr` and `.plain` differ
    // only by the SGR codes.
    while let last = pieces.last, last.text.last == " " || last.text.isEmpty {
      let trimmed = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
      if trimmed.isEmpty {
        pieces.removeLast()
      } else {
        pieces[pieces.count - 1].text = trimmed
      }
    }
    var output = ""
    var isBold = false
    var isUnderlined = false
    for piece in pieces where !piece.text.isEmpty {
      if style == .sgr {
        let wantsBold = Self.boldRoles.contains(piece.role)
        let wantsUnderline = Self.underlinedRoles.contains(piece.role)
        if isBold != wantsBold { output += wantsBold ? Self.bold : Self.boldOff }
        if isUnderlined != wantsUnderline {
          output += wantsUnderline ? Self.underline : Self.underlineOff
        }
        isBold = wantsBold
        isUnderlined = wantsUnderline
      }
      output += piece.text
    }
    if isBold { output += Self.boldOff }
    if isUnderlined { output += Self.underlineOff }
    return output
  }

  static let bold = "\u{1B}[1m"
  static let boldOff = "\u{1B}[22m"
  static let underline = "\u{1B}[4m"
  static let underlineOff = "\u{1B}[24m"

  private static let boldRoles: Set<StyleRole> = [
    .title, .heading, .subheading, .strong, .tableHeader, .badge,
  ]
  private static let underlinedRoles: Set<StyleRole> = [.link, .linkSelected]
}
