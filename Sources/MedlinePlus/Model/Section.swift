/// A section of the page: a heading and the blocks under it, up to the next section.
public struct Section: Hashable, Sendable {
  /// A stable anchor: MedlinePlus's own (`summary`, `cat_51`) or a slug of the heading.
  public var id: String
  /// The heading as shown ("Journal Articles").
  public var title: String
  /// Text that follows the title in the same heading ("References and abstracts from …").
  public var subtitle: String?
  /// Heading level (2 for MedlinePlus sections; 1–6 on other pages).
  public var level: Int
  /// The content, in page order.
  public var blocks: [Block]

  public init(
    id: String, title: String, subtitle: String? = nil, level: Int = 2, blocks: [Block] = []
  ) {
    self.id = id
    self.title = title
    self.subtitle = subtitle
    self.level = level
    self.blocks = blocks
  }
}
