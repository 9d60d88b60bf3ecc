import BrowserCore
import MedlinePlus
import TopicLibrary

/// A `TopicLibrary` (a health-topics XML file and its compact index) as the browser's
/// `TopicCatalog`.
final class LibraryCatalog: TopicCatalog {
  let library: TopicLibrary

  init(_ library: TopicLibrary) {
    self.library = library
  }

  var title: String {
    var title = "MedlinePlus health topics"
    if let date = library.dateGenerated {
      title += ", generated " + String(date.prefix { $0 != " " })
    }
    return title
  }

  var count: Int { library.entries.count }

  /// For the index's header, when the file breaks off: where, and how many topics it
  /// promised ("file breaks off at line 324, 2,044 declared").
  var truncationWarning: String? {
    guard let truncated = library.truncated else { return nil }
    var warning = "file breaks off"
    if let line = truncated.line { warning += " at line \(line)" }
    if let declared = library.declaredTotal {
      warning += ", \(NumberText.grouped(declared)) declared"
    }
    return warning
  }

  func entry(_ index: Int) -> TopicCatalogEntry {
    let entry = library.entries[index]
    return TopicCatalogEntry(
      title: entry.title, alsoCalled: entry.alsoCalled, language: entry.language)
  }

  func search(_ query: String, languages: LanguageChoice) -> [TopicCatalogHit] {
    library.search(query, languages: Self.filter(languages)).map { hit in
      TopicCatalogHit(
        entry: hit.entry, matched: hit.matched, matchStart: hit.matchStart,
        matchLength: hit.matchLength)
    }
  }

  func page(_ index: Int) -> Result<Page, LoadFailure> {
    do {
      return .success(try library.page(index))
    } catch {
      return .failure(LoadFailure(error.message))
    }
  }

  func entry(forURL url: String) -> Int? {
    library.entry(forURL: url)
  }

  static func filter(_ choice: LanguageChoice) -> LanguageFilter {
    switch choice {
    case .english: .english
    case .spanish: .spanish
    case .both: .both
    }
  }
}
