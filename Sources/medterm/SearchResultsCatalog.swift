import BrowserCore
import MedlinePlus

/// The results of a search-service answer as the browser's `TopicCatalog`, so that they
/// list in the topic index: typing there narrows the results to those whose names hold the
/// words, and Enter opens a topic from the record the answer carried (no second request).
final class SearchResultsCatalog: TopicCatalog {
  let answer: SearchAnswer
  let language: ServiceLanguage

  init(_ answer: SearchAnswer, language: ServiceLanguage) {
    self.answer = answer
    self.language = language
  }

  var title: String {
    "MedlinePlus search: " + SearchAnswerDump.header(answer, language: language)
  }

  var count: Int { answer.results.count }

  func entry(_ index: Int) -> TopicCatalogEntry {
    let result = answer.results[index]
    return TopicCatalogEntry(
      title: result.plainTitle, alsoCalled: result.alsoCalled, language: language.rawValue)
  }

  /// The results in the service's order; a query keeps those with a name that holds it
  /// (case aside), the matched name shown.
  func search(_ query: String, languages: LanguageChoice) -> [TopicCatalogHit] {
    let wanted = Self.folded(query.trimmingSpaces)
    return answer.results.indices.compactMap { index in
      let result = answer.results[index]
      for name in [result.plainTitle] + result.alsoCalled {
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
    let result = answer.results[index]
    guard let topic = result.topic else {
      return .failure(
        LoadFailure("the search service sent no record for \(result.plainTitle): \(result.url)"))
    }
    return .success(topic)
  }

  func entry(forURL url: String) -> Int? {
    answer.results.firstIndex { $0.url == url }
  }

  /// Lower case, character for character where it can be (positions stay right).
  private static func folded(_ text: String) -> String {
    String(text.map { Character($0.lowercased().count == 1 ? $0.lowercased() : String($0)) })
  }
}
