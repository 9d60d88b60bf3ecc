/// A whole health-topics XML file: every topic as a page, plus what the file says of itself.
public struct TopicCollection: Hashable, Sendable {
  /// The `total` attribute of `<health-topics>`.
  public var declaredTotal: Int?
  /// The `date-generated` attribute.
  public var dateGenerated: String?
  /// The topics in file order.
  public var topics: [Page]
  /// Set when the file broke off: the topics before the break are kept.
  public var truncation: ReadError?

  public init(
    declaredTotal: Int? = nil, dateGenerated: String? = nil, topics: [Page] = [],
    truncation: ReadError? = nil
  ) {
    self.declaredTotal = declaredTotal
    self.dateGenerated = dateGenerated
    self.topics = topics
    self.truncation = truncation
  }
}

/// What a reader produced: one page, or a collection of topics.
public enum Document: Hashable, Sendable {
  case page(Page)
  case collection(TopicCollection)
}
