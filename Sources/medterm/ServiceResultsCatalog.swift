import BrowserCore
import MedlinePlus

/// What a MedlinePlus service found (the search service's topics, the pages Connect names
/// for a code) as the browser's `TopicCatalog`, so that they list in the topic index:
/// typing there narrows them to those whose names hold the words, and Enter opens one from
/// what the answer carried (no second request).
final class ServiceResultsCatalog: TopicCatalog {
  /// One thing found.
  struct Item {
    var title: String
    var alsoCalled: [String]
    var url: String
    /// The page to open, when the answer carried one.
    var page: Page?
  }

  let title: String
  let items: [Item]
  let language: ServiceLanguage

  init(title: String, items: [Item], language: ServiceLanguage) {
    self.title = title
    self.items = items
    self.language = language
  }

  /// A search answer's topics, each from its record.
  convenience init(_ answer: SearchAnswer, language: ServiceLanguage) {
    self.init(
      title: "MedlinePlus search: " + SearchAnswerDump.header(answer, language: language),
      items: answer.results.map {
        Item(title: $0.plainTitle, alsoCalled: $0.alsoCalled, url: $0.url, page: $0.topic)
      },
      language: language)
  }

  /// The pages Connect names for a code, each as its summary with the way to the whole page.
  convenience init(_ answer: ConnectAnswer, code: MedicalCode, language: ServiceLanguage) {
    self.init(
      title: answer.subtitle ?? "MedlinePlus Connect: \(code.system.name) \(code.code)",
      items: answer.entries.map {
        Item(title: $0.title, alsoCalled: [$0.kind], url: $0.url, page: $0.page(language: language))
      },
      language: language)
  }

  var count: Int { items.count }

  func entry(_ index: Int) -> TopicCatalogEntry {
    let item = items[index]
    return TopicCatalogEntry(
      title: item.title, alsoCalled: item.alsoCalled, language: language.rawValue)
  }

  /// The items in the service's order; a query keeps those with a name that holds it (case
  /// aside), the matched name shown.
  func search(_ query: String, languages: LanguageChoice) -> [TopicCatalogHit] {
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

  func page(_ index: Int) -> Result<Page, LoadFailure> {
    let item = items[index]
    guard let page = item.page else {
      return .failure(LoadFailure("the service sent no record for \(item.title): \(item.url)"))
    }
    return .success(page)
  }

  func entry(forURL url: String) -> Int? {
    items.firstIndex { $0.url == url }
  }

  /// Lower case, character for character where it can be (positions stay right).
  private static func folded(_ text: String) -> String {
    String(text.map { Character($0.lowercased().count == 1 ? $0.lowercased() : String($0)) })
  }
}
