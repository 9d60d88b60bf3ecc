/// One health-topic page (or any page a reader understood), in reading order.
public struct Page: Hashable, Sendable {
  /// The page title (the `<h1>`, or the topic title in the XML).
  public var title: String
  /// The "Also called" synonyms, in page order.
  public var alsoCalled: [String]
  /// The `<meta name="description">` text, or the XML `meta-desc`, when the source has one.
  public var summaryDescription: String?
  /// Where the page came from: its canonical URL when known, else the file it was read from.
  public var origin: String?
  /// The page language as a BCP 47 tag ("en", "es", "fr") when the source says so.
  public var language: String?
  /// Which reader produced the page.
  public var format: SourceFormat
  /// The page's own "On this page" menu, or an outline made from its headings.
  public var outline: [OutlineGroup]
  /// The sections in page order, including those no menu entry names.
  public var sections: [Section]
  /// Every link of the page in reading order; blocks refer to links by index here.
  public var links: [Link]
  /// Facts only the health-topics XML carries (ids, groups, the other-language twin).
  public var topic: TopicInfo?
  /// Who wrote it, when the page says (a web article's byline).
  public var byline: String?
  /// Links of the page outside what the reader view kept as its article (menus, footers,
  /// related lists): still reachable, listed after the article's own.
  public var furnitureLinks: [Link]
  /// True when a reader view took the article out of a bigger page (reading it with
  /// `ReadingMode.full` gives the whole page).
  public var isArticleOfPage: Bool
  /// Places a link of the page points at inside its sections (a section's own anchor is its
  /// `id`), by the id or name the page gave them.
  public var places: [String: PagePlace]

  public init(
    title: String,
    alsoCalled: [String] = [],
    summaryDescription: String? = nil,
    origin: String? = nil,
    language: String? = nil,
    format: SourceFormat,
    outline: [OutlineGroup] = [],
    sections: [Section] = [],
    links: [Link] = [],
    topic: TopicInfo? = nil,
    byline: String? = nil,
    furnitureLinks: [Link] = [],
    isArticleOfPage: Bool = false,
    places: [String: PagePlace] = [:]
  ) {
    self.title = title
    self.alsoCalled = alsoCalled
    self.summaryDescription = summaryDescription
    self.origin = origin
    self.language = language
    self.format = format
    self.outline = outline
    self.sections = sections
    self.links = links
    self.topic = topic
    self.byline = byline
    self.furnitureLinks = furnitureLinks
    self.isArticleOfPage = isArticleOfPage
    self.places = places
  }

  /// The index of the section with this anchor id (`summary`, `cat_51`, a heading slug).
  public func sectionIndex(anchor: String) -> Int? {
    sections.firstIndex { $0.id == anchor }
  }

  /// The words around the menu ("On this page", "No links available") in the page's language.
  public var menuWording: MenuWording { .forLanguage(language) }

  /// Sections that no outline entry points at (Topic Image, Medical Encyclopedia, …).
  public var sectionsOutsideOutline: [Int] {
    let named = Set(outline.flatMap { $0.entries.compactMap(\.section) })
    return sections.indices.filter { !named.contains($0) }
  }
}
