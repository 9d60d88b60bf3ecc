/// Inline content as a reader found it, before links are numbered into a `Page`.
enum MarkupInline: Hashable, Sendable {
  case text(String, TextRun.Style)
  case link([MarkupInline], url: String?)
  case image(alt: String, url: String?)
  case lineBreak
  /// A place a link of the page points at (an element's id or name), inside text.
  case anchor(String)

  var isImage: Bool {
    if case .image = self { return true }
    return false
  }

  /// The visible text, images as their alt text.
  var plainText: String {
    switch self {
    case .text(let text, _): text
    case .link(let content, _): content.plainText
    case .image(let alt, _): alt
    case .lineBreak: "\n"
    case .anchor: ""
    }
  }
}

extension Array where Element == MarkupInline {
  var plainText: String { map(\.plainText).joined() }

  /// The visible text with white space folded, images left out.
  var textWithoutImages: String {
    map { inline -> String in
      switch inline {
      case .image: " "
      case .link(let content, _): content.textWithoutImages
      default: inline.plainText
      }
    }.joined().collapsingWhitespace
  }
}

/// Block content as a reader found it: the common ground of the Markdown and HTML readers,
/// which the page builders turn into sections.
indirect enum MarkupBlock: Hashable, Sendable {
  case heading(level: Int, [MarkupInline], anchor: String?)
  case paragraph([MarkupInline], role: ParagraphRole)
  case list(ordered: Bool, items: [[MarkupBlock]])
  case table(rows: [[[MarkupInline]]], hasHeader: Bool)
  case image(alt: String, url: String?)
  case preformatted([MarkupInline])
  case quote([MarkupBlock])
  /// A named place in the page (`<a name="cat_51">`, `id="summary"`), for menu anchors.
  case anchor(String)

  /// What the source marked a paragraph as, when it did.
  enum ParagraphRole: Hashable, Sendable {
    case body
    case attribution
  }

  static func paragraph(_ inlines: [MarkupInline]) -> MarkupBlock {
    .paragraph(inlines, role: .body)
  }
}
