/// Facts of a health topic that only the health-topics XML carries.
public struct TopicInfo: Hashable, Sendable {
  /// The XML `id` of the topic.
  public var id: String
  /// `date-created` as the file writes it (mm/dd/yyyy).
  public var dateCreated: String?
  /// Health-topic groups ("Diagnostic Tests").
  public var groups: [String]
  /// The same topic in the other language (English ↔ Spanish).
  public var twin: TopicReference?
  /// "See" references: other names that lead to this topic.
  public var seeReferences: [String]
  /// MeSH descriptor names.
  public var meshHeadings: [String]

  public init(
    id: String, dateCreated: String? = nil, groups: [String] = [], twin: TopicReference? = nil,
    seeReferences: [String] = [], meshHeadings: [String] = []
  ) {
    self.id = id
    self.dateCreated = dateCreated
    self.groups = groups
    self.twin = twin
    self.seeReferences = seeReferences
    self.meshHeadings = meshHeadings
  }
}

/// A pointer to another topic by title, address and id.
public struct TopicReference: Hashable, Sendable {
  public var title: String
  public var url: String?
  public var id: String?
  public var language: String?

  public init(title: String, url: String?, id: String?, language: String?) {
    self.title = title
    self.url = url
    self.id = id
    self.language = language
  }
}
