/// One answer of the MedlinePlus search service (`wsearch.nlm.nih.gov/ws/query`): how many
/// topics match in all, where this page of results starts, and its results in rank order.
public struct SearchAnswer: Hashable, Sendable {
  /// The query as the service understood it.
  public var term: String
  /// How many topics match in all (not only on this page).
  public var count: Int
  /// The rank of the first result here (`retstart`), from 0.
  public var start: Int
  public var results: [SearchResult]

  public init(term: String, count: Int, start: Int, results: [SearchResult]) {
    self.term = term
    self.count = count
    self.start = start
    self.results = results
  }

  /// True when the service has results past this page.
  public var hasMore: Bool { start + results.count < count }

  /// "3 results for “a1c” (English)": how many the service has in all (or `count`), for
  /// what, in which language.
  public func summary(count: Int? = nil, language: ServiceLanguage) -> String {
    let count = count ?? self.count
    return "\(count) result\(count == 1 ? "" : "s") for \u{201C}\(term)\u{201D} (\(language.name))"
  }
}

/// One result: a health topic, with the words of the query marked where they matched.
public struct SearchResult: Hashable, Sendable {
  /// Its place in the whole answer, from 0.
  public var rank: Int
  /// The topic's page on medlineplus.gov.
  public var url: String
  /// The title; runs in bold are the words the service matched.
  public var title: [TextRun]
  /// The topic's other names.
  public var alsoCalled: [String]
  /// The service's excerpt of the summary, matched words in bold.
  public var snippet: [TextRun]
  public var organization: String?
  /// The health-topic groups the topic belongs to.
  public var groups: [String]
  /// The whole topic as the health-topics XML has it, when the answer carried its record
  /// (`rettype=topic`): it opens with no second request.
  public var topic: Page?

  public init(
    rank: Int, url: String, title: [TextRun], alsoCalled: [String] = [],
    snippet: [TextRun] = [], organization: String? = nil, groups: [String] = [],
    topic: Page? = nil
  ) {
    self.rank = rank
    self.url = url
    self.title = title
    self.alsoCalled = alsoCalled
    self.snippet = snippet
    self.organization = organization
    self.groups = groups
    self.topic = topic
  }

  /// The title without its marks.
  public var plainTitle: String { title.plainText }
}
