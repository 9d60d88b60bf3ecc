/// Which topics a search lists: English, Spanish or both. A topic whose language the file
/// does not state (or states as something other than English or Spanish) passes every
/// filter, so that no topic can become unreachable.
public enum LanguageFilter: Hashable, Sendable, CaseIterable {
  case english
  case spanish
  case both

  /// True when a topic in `language` ("en", "es" or nil) is listed.
  public func admits(_ language: String?) -> Bool {
    switch self {
    case .both: true
    case .english: language != "es"
    case .spanish: language != "en"
    }
  }
}
