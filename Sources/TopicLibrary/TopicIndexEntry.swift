/// One topic of a library, as the compact index keeps it: enough to list, search and link
/// to the topic, plus where its `<health-topic>` element sits in the XML file so that the
/// full page can be read later without parsing anything else.
public struct TopicIndexEntry: Hashable, Sendable {
  /// The XML `id` of the topic ("6308"); empty when the file gives none.
  public var id: String
  /// The title, cleaned exactly as the full reader cleans it (`Page.title`).
  public var title: String
  /// The "Also called" names (`Page.alsoCalled`).
  public var alsoCalled: [String]
  /// "en" or "es" (`Page.language`); nil when the file names no language medterm knows.
  public var language: String?
  /// The topic's page on medlineplus.gov (`Page.origin`).
  public var url: String?
  /// The byte offset of `<health-topic` in the file.
  public var offset: Int
  /// The byte length of the element, through `</health-topic>` (or `/>`).
  public var length: Int

  public init(
    id: String, title: String, alsoCalled: [String] = [], language: String? = nil,
    url: String? = nil, offset: Int, length: Int
  ) {
    self.id = id
    self.title = title
    self.alsoCalled = alsoCalled
    self.language = language
    self.url = url
    self.offset = offset
    self.length = length
  }
}
