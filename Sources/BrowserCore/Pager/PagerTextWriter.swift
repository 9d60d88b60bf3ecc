import MedlinePlus

/// Collects the lines of a pager text: wrapping, headings, labelled fields, unbroken
/// addresses. `PagerText` turns them into the pager's bytes or the text view's lines.
struct PagerTextWriter {
  let width: Int
  let glyphs: Glyphs
  private(set) var lines: [[StyledSpan]] = []

  init(width: Int, glyphs: Glyphs) {
    self.width = max(1, width)
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

  /// The lines so far, as a text titled `title`.
  func text(title: String, verbatim: String = "") -> PagerText {
    PagerText(title: title, lines: lines, verbatim: verbatim, glyphs: glyphs)
  }

  private static func isBlank(_ line: [StyledSpan]) -> Bool {
    line.allSatisfy { $0.text.allSatisfy { $0 == " " } }
  }
}
