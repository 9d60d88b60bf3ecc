import MedlinePlus

/// Collects the lines of a pager text and turns them into the bytes the pager gets. The one
/// place that writes escape sequences: only bold and underline, only with `.sgr`, always
/// closed at the end of the line, so `less -R` never sees an attribute leak across lines.
struct PagerTextWriter {
  static let bold = "\u{1B}[1m"
  static let boldOff = "\u{1B}[22m"
  static let underline = "\u{1B}[4m"
  static let underlineOff = "\u{1B}[24m"

  let width: Int
  let style: PagerStyle
  let glyphs: Glyphs
  private(set) var lines: [[StyledSpan]] = []

  init(width: Int, style: PagerStyle, glyphs: Glyphs) {
    self.width = max(1, width)
    self.style = style
    self.glyphs = glyphs
  }

  /// Text from a page, a URL or an error, ready to measure: cleaned, and transliterated
  /// when only ASCII may be shown (transliterate first, then measure).
  func prepared(_ text: String) -> String {
    let clean = PagerSanitizer.text(text)
    return glyphs.isASCII ? Transliterator.ascii(clean) : clean
  }

  /// An address, cleaned; percent-encoded rather than transliterated without UTF-8.
  func preparedURL(_ url: String) -> String {
    PagerSanitizer.url(url, ascii: glyphs.isASCII)
  }

  /// Adds a line; never two blank lines in a row, never a blank line at the top.
  mutating func emit(_ spans: [StyledSpan]) {
    let isBlank = spans.allSatisfy { $0.text.allSatisfy { $0 == " " } }
    if isBlank && (lines.last.map(Self.isBlank) ?? true) { return }
    lines.append(isBlank ? [] : spans)
  }

  mutating func blank() {
    emit([])
  }

  /// Adds a line as it is, blank or not (preformatted text keeps its blank lines).
  mutating func emitVerbatim(_ spans: [StyledSpan]) {
    lines.append(spans)
  }

  /// Wraps text to the width; `prefix` starts the first line, `continuation` the others.
  mutating func wrap(
    _ spans: [StyledSpan], prefix: [StyledSpan] = [], continuation: [StyledSpan] = []
  ) {
    let spans = spans.map { StyledSpan(prepared($0.text), $0.role, link: $0.link) }
    for line in TextWrapper.wrap(spans, width: width, prefix: prefix, continuation: continuation) {
      emit(line)
    }
  }

  /// A document title in bold, with a rule under it as long as its longest line.
  mutating func title(_ text: String) {
    let start = lines.count
    wrap([StyledSpan(text, .title)])
    let longest = lines[start...].map(TextWrapper.cellWidth).max() ?? 0
    let rule = String(repeating: glyphs.horizontalBar, count: max(1, min(width, longest)))
    emit([StyledSpan(rule, .tableBorder)])
  }

  /// A heading in bold, after a blank line.
  mutating func heading(_ text: String) {
    blank()
    wrap([StyledSpan(text, .heading)])
  }

  /// An address on a line of its own, never broken: a URL cut in two cannot be copied or
  /// followed, so this is the one kind of line that may run past the width.
  mutating func url(_ url: String, indent: Int, role: StyleRole = .normal) {
    emit([StyledSpan(String(repeating: " ", count: indent)), StyledSpan(preparedURL(url), role)])
  }

  /// A labelled field of a card. Labels share one column, `labelWidth` cells wide; on a
  /// screen too narrow for that, the label stands on its own line above the value.
  mutating func field(_ label: String, _ value: [StyledSpan], labelWidth: Int) {
    let (prefix, continuation) = fieldPrefixes(label, labelWidth: labelWidth)
    wrap(value, prefix: prefix, continuation: continuation)
  }

  /// A labelled address, unbroken (see `url`).
  mutating func urlField(_ label: String, _ url: String, labelWidth: Int) {
    let (prefix, _) = fieldPrefixes(label, labelWidth: labelWidth)
    emit(prefix + [StyledSpan(preparedURL(url))])
  }

  /// The column where field values start.
  func valueColumn(labelWidth: Int) -> Int? {
    // Below about twenty cells for the value, aligned columns read worse than stacked ones.
    labelWidth + 2 + 20 <= width ? labelWidth + 2 : nil
  }

  private mutating func fieldPrefixes(
    _ label: String, labelWidth: Int
  ) -> (prefix: [StyledSpan], continuation: [StyledSpan]) {
    let label = prepared(label)
    guard let column = valueColumn(labelWidth: labelWidth) else {
      if !label.isEmpty { wrap([StyledSpan(label, .strong)]) }
      let indent = [StyledSpan("  ")]
      return (indent, indent)
    }
    let pad = String(repeating: " ", count: max(0, column - DisplayWidth.of(label)))
    return (
      [StyledSpan(label, .strong), StyledSpan(pad)],
      [StyledSpan(String(repeating: " ", count: column))]
    )
  }

  /// The text for the pager: lines joined with `\n`, ending with one.
  func rendered() -> String {
    var end = lines.count
    while end > 0 && lines[end - 1].isEmpty { end -= 1 }
    var output = ""
    for line in lines[..<end] {
      output += render(line)
      output += "\n"
    }
    return output
  }

  private func render(_ line: [StyledSpan]) -> String {
    // The boundary check: whatever built the spans, only clean text gets out.
    var pieces = line.map { span in
      let text = PagerSanitizer.text(span.text)
      return (text: glyphs.isASCII ? Transliterator.ascii(text) : text, role: span.role)
    }
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

  private static let boldRoles: Set<StyleRole> = [
    .title, .heading, .subheading, .strong, .tableHeader, .badge,
  ]
  private static let underlinedRoles: Set<StyleRole> = [.link, .linkSelected]

  private static func isBlank(_ line: [StyledSpan]) -> Bool {
    line.allSatisfy { $0.text.allSatisfy { $0 == " " } }
  }
}
