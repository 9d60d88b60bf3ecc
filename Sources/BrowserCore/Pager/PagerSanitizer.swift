import MedlinePlus

/// The last check before text reaches the pager. Readers already clean what they read, but
/// the pager output is a boundary of its own: every string from a page, a URL or an error
/// goes through here again, so no escape sequence, C0/C1 control or bidi control can get
/// through even from a model built by hand or by a future reader.
enum PagerSanitizer {
  /// One line of text: controls and escape sequences removed, line breaks become spaces.
  static func text(_ text: String) -> String {
    separatorsAsSpaces(SafeText.clean(text, keepNewlines: false))
  }

  /// Text that may span lines: as `text`, but newlines (and CR LF, CR) are kept as `\n`.
  static func lines(_ text: String) -> String {
    let unified = text.contains("\r") ? unifyingLineEnds(text) : text
    return separatorsAsSpaces(SafeText.clean(unified, keepNewlines: true))
  }

  /// An address, cleaned like text; without UTF-8, non-ASCII characters are percent-encoded
  /// (still a working address, unlike a transliteration).
  static func url(_ url: String, ascii: Bool) -> String {
    let clean = text(url)
    guard ascii, !clean.utf8.allSatisfy({ $0 < 0x80 }) else { return clean }
    return PercentEncoding.encode(clean) { $0 < 0x80 }
  }

  /// A copy of the page with every string cleaned, so layout measures what will be shown.
  static func page(_ page: Page) -> Page {
    var page = page
    page.title = text(page.title)
    page.alsoCalled = page.alsoCalled.map(text)
    page.origin = page.origin.map(text)
    page.sections = page.sections.map { section in
      var section = section
      section.title = text(section.title)
      section.subtitle = section.subtitle.map(text)
      section.blocks = section.blocks.map(block)
      return section
    }
    page.links = page.links.map(link)
    return page
  }

  static func link(_ link: Link) -> Link {
    var link = link
    link.title = text(link.title)
    link.url = link.url.map(text)
    link.organizations = link.organizations.map(text)
    link.spanishURL = link.spanishURL.map(text)
    return link
  }

  private static func block(_ block: Block) -> Block {
    switch block {
    case .paragraph(let runs): .paragraph(runs.map(run))
    case .heading(let level, let runs): .heading(level: level, runs.map(run))
    case .list(let ordered, let items):
      .list(ordered: ordered, items: items.map { $0.map(self.block) })
    case .table(let table):
      .table(Table(rows: table.rows.map { $0.map(text) }, hasHeader: table.hasHeader))
    case .image(let alt, let url): .image(alt: text(alt), url: url.map(text))
    case .resources(let links): .resources(links)
    case .preformatted(let runs): .preformatted(preformatted(runs))
    case .quote(let blocks): .quote(blocks.map(self.block))
    case .attribution(let line): .attribution(text(line))
    }
  }

  /// Preformatted runs cleaned with their line breaks kept and their tabs expanded where
  /// they stand on the line (cleaning would turn a tab into one space).
  private static func preformatted(_ runs: [TextRun]) -> [TextRun] {
    var column = 0
    return runs.map { run in
      var run = run
      run.text = lines(expandingTabs(run.text, column: &column))
      return run
    }
  }

  private static func run(_ run: TextRun) -> TextRun {
    var run = run
    run.text = text(run.text)
    return run
  }

  /// Tabs of preformatted text become spaces to the next multiple of eight, as a terminal
  /// would place them, so columns stay aligned after `SafeText` (which turns a tab into one
  /// space).
  static func expandingTabs(_ text: String) -> String {
    var column = 0
    return expandingTabs(text, column: &column)
  }

  /// As `expandingTabs(_:)`, for text that starts at `column` of its line (a run after
  /// others); `column` is left where the text ends.
  static func expandingTabs(_ text: String, column: inout Int) -> String {
    guard text.contains("\t") else {
      if let lastBreak = text.lastIndex(of: "\n") {
        column = DisplayWidth.of(text[text.index(after: lastBreak)...])
      } else {
        column += DisplayWidth.of(text)
      }
      return text
    }
    var output = ""
    for character in text {
      switch character {
      case "\t":
        let spaces = 8 - column % 8
        output += String(repeating: " ", count: spaces)
        column += spaces
      case "\n":
        output.append(character)
        column = 0
      default:
        output.append(character)
        column += DisplayWidth.of(character)
      }
    }
    return output
  }

  private static func unifyingLineEnds(_ text: String) -> String {
    // "\r\n" is one Character in Swift, so a plain map handles CR LF and a lone CR alike.
    String(text.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
  }

  /// U+2028 and U+2029 are not controls, but terminals and less treat them oddly.
  private static func separatorsAsSpaces(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value == 0x2028 || $0.value == 0x2029 })
    else { return text }
    return String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.value == 0x2028 || $0.value == 0x2029 ? " " : $0 }))
  }
}
