import MedlinePlus

/// What a MedlinePlus service found (the search service's topics, the pages Connect names
/// for a code) as the browser's `TopicCatalog`, so that they list in the topic index:
/// typing there narrows them to those whose names hold the words, and Enter opens one from
/// what the answer carried (no second request).
public final class ServiceResultsCatalog: TopicCatalog {
  /// One thing found.
  public struct Item {
    public var title: String
    public var alsoCalled: [String]
    public var url: String
    /// The page to open, when the answer carried one.
    public var page: Page?
    /// What the service says of it (a search result's snippet, Connect's summary).
    public var detail: String?

    public init(
      title: String, alsoCalled: [String], url: String, page: Page?, detail: String? = nil
    ) {
      self.title = title
      self.alsoCalled = alsoCalled
      self.url = url
      self.page = page
      self.detail = detail
    }
  }

  /// Said after the heading: results from the cache, and how old.
  public var note: String?
  public private(set) var items: [Item]
  public let language: ServiceLanguage
  /// The words searched for, when more results can be asked for by them.
  public let words: String?
  /// How many results the service has in all.
  public private(set) var total: Int
  /// What was found, and for what: a search's answer (the heading counts what is listed),
  /// or a fixed line (Connect's).
  private let found: SearchAnswer?
  private let fixedHeading: String

  public init(title: String, items: [Item], language: ServiceLanguage) {
    fixedHeading = title
    found = nil
    self.items = items
    self.language = language
    words = nil
    total = items.count
  }

  /// A search answer's topics, each from its record; more come by the same words.
  public init(_ answer: SearchAnswer, words: String, language: ServiceLanguage) {
    fixedHeading = ""
    found = answer
    items = answer.results.map(Self.item)
    self.language = language
    self.words = words
    total = answer.count
  }

  /// "MedlinePlus search: 3 results for “a1c” (English), 2 listed · from the cache, …".
  public var title: String {
    var heading = fixedHeading
    if let found {
      heading = "MedlinePlus search: " + found.summary(count: total, language: language)
      if items.count < total { heading += ", \(items.count) listed" }
    }
    return heading + (note.map { " \u{00B7} " + $0 } ?? "")
  }

  /// True while the service has results past those listed.
  public var hasMore: Bool { words != nil && items.count < total }

  /// Adds the next page of a search's results (those not listed yet).
  public func append(_ answer: SearchAnswer) {
    let known = Set(items.map(\.url))
    items += answer.results.filter { !known.contains($0.url) }.map(Self.item)
    total = answer.hasMore ? answer.count : items.count
  }

  private static func item(_ result: SearchResult) -> Item {
    Item(
      title: result.plainTitle, alsoCalled: result.alsoCalled, url: result.url,
      page: result.topic, detail: result.snippet.isEmpty ? nil : result.snippet.plainText)
  }

  /// The pages Connect names for a code, each as its summary with the way to the whole page.
  public convenience init(_ answer: ConnectAnswer, code: MedicalCode, language: ServiceLanguage) {
    self.init(
      title: answer.subtitle ?? "MedlinePlus Connect: \(code.system.name) \(code.code)",
      items: answer.entries.map {
        Item(
          title: $0.title, alsoCalled: [$0.kind], url: $0.url, page: $0.page(language: language),
          detail: $0.summaryText)
      },
      language: language)
  }

  public var count: Int { items.count }

  public func entry(_ index: Int) -> TopicCatalogEntry {
    let item = items[index]
    return TopicCatalogEntry(
      title: item.title, alsoCalled: item.alsoCalled, language: language.rawValue)
  }

  /// The items in the service's order; a query keeps those with a name that holds it (case
  /// aside), the matched name shown.
  public func search(_ query: String, languages: LanguageChoice) -> [TopicCatalogHit] {
    let wanted = Self.folded(query.trimmingSpaces)
    return items.indices.compactMap { index in
      let item = items[index]
      for name in [item.title] + item.alsoCalled {
        guard !wanted.isEmpty else {
          return TopicCatalogHit(entry: index, matched: name, matchStart: 0, matchLength: 0)
        }
        let folded = Self.folded(name)
        if let range = folded.firstRange(of: wanted) {
          let start = folded.distance(from: folded.startIndex, to: range.lowerBound)
          return TopicCatalogHit(
            entry: index, matched: name, matchStart: start, matchLength: wanted.count)
        }
      }
      return nil
    }
  }

  public func page(_ index: Int) -> Result<Page, LoadFailure> {
    let item = items[index]
    guard let page = item.page else {
      return .failure(LoadFailure("the service sent no record for \(item.title): \(item.url)"))
    }
    return .success(page)
  }

  public func detail(_ index: Int) -> String? {
    items.indices.contains(index) ? items[index].detail : nil
  }

  public var hasDetails: Bool { items.contains { $0.detail != nil } }

  public func entry(forURL url: String) -> Int? {
    items.firstIndex { $0.url == url }
  }

  /// Lower case, character for character where it can be (positions stay right).
  private static func folded(_ text: String) -> String {
    String(text.map { Character($0.lowercased().count == 1 ? $0.lowercased() : String($0)) })
  }
}
